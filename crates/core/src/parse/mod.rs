//! The parser: pasted text in, [`Parsed`] out: the [`Document`] and, beside it, the parser's own
//! facts about what it could not place or did not find ([`Issue`]s), the way rust-analyzer's
//! parser returns its tree and its errors. It never fails and never panics. The structure rules
//! (`rules::structure`, S001–S004) turn the issues into diagnostics; the parser knows no rule.

mod form;
pub(crate) mod lines;
mod table;
pub(crate) mod vocab;

use crate::model::{Document, FieldKey, FormKind};
use crate::span::{LineIndex, Span};
use lines::{split_lines, Line};

/// What the parser gives: the structure, and what it could not place or did not find.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The forms, with no diagnostics yet.
    pub doc: Document,
    /// Text outside any form first (in the order of the text), then each form's in turn (in
    /// the order of the text within the form).
    pub issues: Vec<Issue>,
}

/// One thing the parser could not place or did not find.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The form it belongs to (its index in [`Document::forms`]), or `None` outside any form.
    pub form: Option<usize>,
    pub span: Span,
    pub kind: IssueKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IssueKind {
    /// A block of non-empty lines before the first form, between forms, or in a document that
    /// is no 申报表 (a 自评表).
    OutsideForm,
    /// A required field of the form's kind is absent (`present: false`; the span is the title)
    /// or empty (the span is its label).
    MissingField {
        kind: FormKind,
        key: FieldKey,
        present: bool,
    },
    /// The form has no indicator row (the span is the title).
    NoIndicators,
    /// Content inside a form that could not be placed.
    Unplaced(Unplaced),
}

/// Why a piece of a form could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unplaced {
    /// A line in the header part with no label.
    Line,
    /// A cell beyond the columns of the indicator table.
    ExtraCell,
    /// A line inside the indicator table that is not a row.
    TableLine,
    /// A header field given twice; the first (its label and value) is kept.
    DuplicateField { first: Span },
    /// More than one value cell for a one-line field.
    ExtraValue,
}

/// Parse a paste of one or many forms.
pub fn parse(text: &str) -> Parsed {
    let lines = split_lines(text);
    // Form boundaries: 申报表 titles start a form; 自评表 titles start text that is no form.
    let titles: Vec<(usize, Option<crate::model::FormKind>)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let s = l.span.text(text);
            // A cheap filter before the title test (Traditional forms included).
            s.contains("申报表")
                || s.contains("自评表")
                || s.contains("申報表")
                || s.contains("自評表")
        })
        .filter_map(|(i, l)| {
            let s = l.span.text(text);
            match vocab::title_kind(s) {
                Some(k) => Some((i, Some(k))),
                None => vocab::is_self_evaluation_title(s).then_some((i, None)),
            }
        })
        .collect();
    let mut doc = Document {
        forms: Vec::with_capacity(titles.len()),
        diagnostics: Vec::new(),
        lines: LineIndex::new(text),
        budget_year: None,
    };
    let mut outside_spans = Vec::new();
    let mut in_forms = Vec::new();
    let first = titles.first().map_or(lines.len(), |t| t.0);
    outside(text, &lines[..first], &mut outside_spans);
    for (n, &(start, kind)) in titles.iter().enumerate() {
        let end = titles.get(n + 1).map_or(lines.len(), |t| t.0);
        let Some(kind) = kind else {
            outside(text, &lines[start..end], &mut outside_spans);
            continue;
        };
        let read = form::FormReader::new(text, kind, &lines[start..end]).read();
        let index = doc.forms.len();
        in_forms.extend(read.issues.into_iter().map(|i| Issue {
            form: Some(index),
            ..i
        }));
        doc.forms.push(read.form);
        let spans: Vec<Line> = read
            .trailing
            .into_iter()
            .map(|span| Line { span })
            .collect();
        outside(text, &spans, &mut outside_spans);
    }
    let mut issues: Vec<Issue> = outside_spans
        .into_iter()
        .map(|span| Issue {
            form: None,
            span,
            kind: IssueKind::OutsideForm,
        })
        .collect();
    in_text_order(&mut issues);
    issues.extend(in_forms);
    Parsed { doc, issues }
}

/// Sort issues in the order of the text; stable, so that what was found first at one place stays
/// first.
fn in_text_order(issues: &mut [Issue]) {
    issues.sort_by_key(|i| i.span.start);
}

/// Each run of consecutive non-empty lines outside any form (for S001).
fn outside(text: &str, lines: &[Line], out: &mut Vec<Span>) {
    let mut block: Option<Span> = None;
    let mut last_end = 0usize;
    let flush = |block: &mut Option<Span>, out: &mut Vec<Span>| {
        if let Some(span) = block.take() {
            out.push(span);
        }
    };
    for line in lines {
        let raw = line.span.text(text);
        let (a, b) = crate::text::trim_range(raw);
        if a >= b {
            flush(&mut block, out);
            continue;
        }
        let span = Span::new(line.span.start + a, line.span.start + b);
        // Lines are consecutive when only a line break separates them.
        let adjacent = block.is_some()
            && text.get(last_end..span.start).is_some_and(|gap| {
                gap.matches('\n').count() + gap.matches('\r').count() <= 1
                    && crate::text::is_blank(gap)
            });
        match block {
            Some(b) if adjacent => block = Some(b.cover(span)),
            _ => {
                flush(&mut block, out);
                block = Some(span);
            }
        }
        last_end = span.end;
    }
    flush(&mut block, out);
}
