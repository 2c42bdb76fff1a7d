//! The parser: pasted text in, [`Document`] out. It never fails and never panics: whatever it
//! cannot place is reported (S001 outside forms, S004 inside).

mod form;
pub(crate) mod lines;
mod table;
pub(crate) mod vocab;

use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::rules::structure::text_outside_form;
use crate::span::{LineIndex, Span};
use lines::{split_lines, Line};

/// Parse a paste of one or many forms.
pub fn parse(text: &str) -> Document {
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
    let first = titles.first().map_or(lines.len(), |t| t.0);
    outside(text, &lines[..first], &mut doc.diagnostics);
    for (n, &(start, kind)) in titles.iter().enumerate() {
        let end = titles.get(n + 1).map_or(lines.len(), |t| t.0);
        let Some(kind) = kind else {
            outside(text, &lines[start..end], &mut doc.diagnostics);
            continue;
        };
        let read = form::FormReader::new(text, kind, &lines[start..end]).read();
        doc.forms.push(read.form);
        let spans: Vec<Line> = read
            .trailing
            .into_iter()
            .map(|span| Line { span })
            .collect();
        outside(text, &spans, &mut doc.diagnostics);
    }
    doc.diagnostics.sort_by_key(|d| d.span.start);
    doc
}

/// S001 for each run of consecutive non-empty lines outside any form.
fn outside(text: &str, lines: &[Line], out: &mut Vec<Diagnostic>) {
    let mut block: Option<Span> = None;
    let mut last_end = 0usize;
    let flush = |block: &mut Option<Span>, out: &mut Vec<Diagnostic>| {
        if let Some(span) = block.take() {
            out.push(text_outside_form(span, span.text(text)));
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
