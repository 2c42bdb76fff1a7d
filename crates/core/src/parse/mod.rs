//! The parser: pasted text in, [`Parsed`] out: the [`Document`] and, beside it, the parser's own
//! facts about what it could not place or did not find ([`Issue`]s), the way rust-analyzer's
//! parser returns its tree and its errors. It never fails and never panics. The structure rules
//! (`rules::structure`, S001–S004) turn the issues into diagnostics; the parser knows no rule.

mod form;
mod glued;
pub(crate) mod lines;
mod list;
mod prose;
mod reline;
mod table;
pub(crate) mod vocab;

use crate::model::{Document, FieldKey, FormKind};
use crate::span::{LineIndex, Span};
use lines::{split_lines, Line};
pub(crate) use vocab::NotDeclaration;

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
    /// is no 申报表 (`what`: a 自评表, an evaluation …, on the block with its title).
    OutsideForm { what: Option<NotDeclaration> },
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
    /// The paste ends inside the indicator table, in the middle of a row (the span): the row is
    /// no indicator, and rows after it are not in the paste.
    TableCutOff,
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
    let layout = layout(text);
    let pieces: Vec<Piece> = layout
        .segments
        .iter()
        .map(|s| read(text, &layout.lines, s))
        .collect();
    assemble(text, layout.files, pieces)
}

/// How a paste falls into the pieces the parser reads one by one ([`read`]): its lines (cut
/// where flattened, [`reline`]), the files of a paste of several (their lines `【文件：…】`,
/// which are structure and belong to no piece), and the segments between titles.
#[derive(Debug)]
pub(crate) struct Layout {
    pub lines: Vec<Line>,
    pub segments: Vec<Segment>,
    pub files: Vec<crate::model::Text>,
}

/// A run of lines read on its own: from a title to the next title (or the end of its file's
/// part), or the lines of a file's part before its first title. What it gives depends only on
/// its lines' text and on this description, never on other segments: the checker reads again
/// only the segments an edit changed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    /// Its lines: indices into [`Layout::lines`].
    pub lines: std::ops::Range<usize>,
    /// What it starts with: `None` for the lines before a file part's first title.
    pub title: Option<Title>,
    /// No title follows it in its file's part.
    pub last: bool,
}

impl Segment {
    /// The text it reads, from the start of its first line to the end of its last (the whole
    /// physical lines: a title cut out of a flattened line reads the line around it).
    pub fn span(&self, text: &str, lines: &[Line]) -> Span {
        let span = lines_span(&lines[self.lines.clone()]);
        if self.lines.is_empty() {
            return span;
        }
        let start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let end = text[span.end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| span.end + i);
        Span::new(start, end)
    }
}

/// Cut a paste into its lines and segments.
pub(crate) fn layout(text: &str) -> Layout {
    let lines = reline::reline(text, split_lines(text));
    let mut segments = Vec::new();
    let mut files = Vec::new();
    // A paste of several files: each file's text, from its line `【文件：…】` on, is read on its
    // own, so that no form runs from one file into the next; the file lines are structure.
    let mut from = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some((a, b)) = crate::text::file_mark(line.span.text(text)) else {
            continue;
        };
        cut(text, &lines, from..i, &mut segments);
        let span = Span::new(line.span.start + a, line.span.start + b);
        files.push(crate::model::Text {
            span,
            text: span.text(text).to_string(),
        });
        from = i + 1;
    }
    cut(text, &lines, from..lines.len(), &mut segments);
    Layout {
        lines,
        segments,
        files,
    }
}

/// The segments of a run of lines (the whole paste, or one file's part of it).
fn cut(text: &str, lines: &[Line], range: std::ops::Range<usize>, out: &mut Vec<Segment>) {
    // Form boundaries: 申报表 titles start a form; the titles of other documents (自评表, 评价表,
    // 审核表) start text that is no form.
    let titles: Vec<(usize, Title)> = lines[range.clone()]
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let s = l.span.text(text);
            // A cheap filter before the title test (Traditional forms included).
            s.contains("目标")
                || s.contains("目標")
                || s.contains("评")
                || s.contains("評")
                || s.contains("审")
                || s.contains("審")
                || s.contains("监控")
        })
        .filter_map(|(i, l)| {
            let s = l.span.text(text);
            let title = match vocab::title_kind(s) {
                Some(k) => Some(Title::Form(k)),
                None => vocab::not_declaration_title(s).map(Title::Other),
            };
            title.map(|t| (range.start + i, t))
        })
        .collect();
    let first = titles.first().map_or(range.end, |t| t.0);
    if first > range.start {
        out.push(Segment {
            lines: range.start..first,
            title: None,
            last: titles.is_empty(),
        });
    }
    for (n, &(start, title)) in titles.iter().enumerate() {
        let next = titles.get(n + 1).map(|t| t.0);
        out.push(Segment {
            lines: start..next.unwrap_or(range.end),
            title: Some(title),
            last: next.is_none(),
        });
    }
}

/// What the parser read in one segment.
#[derive(Debug, Clone, Default)]
pub(crate) struct Piece {
    pub forms: Vec<crate::model::Form>,
    /// The issues of its forms, `form` the index among [`Piece::forms`].
    pub issues: Vec<Issue>,
    /// The blocks of text outside any form ([`IssueKind::OutsideForm`]), in the order of the
    /// text.
    pub outside: Vec<Issue>,
}

/// Read one segment.
pub(crate) fn read(text: &str, all: &[Line], segment: &Segment) -> Piece {
    let lines = &all[segment.lines.clone()];
    let mut piece = Piece::default();
    let mut outside_spans = Vec::new();
    match segment.title {
        // Before the first title: a form with no title of its own, found by its labels.
        None => match untitled_form(text, lines) {
            Some((at, kind)) => {
                outside(text, &lines[..at], None, &mut outside_spans);
                let mut reader = form::FormReader::new(text, kind, &lines[at..], false);
                reader.at_end = segment.last;
                let read = reader.read();
                push_form(text, &lines[at..], read, &mut piece, &mut outside_spans);
            }
            None => outside(text, lines, None, &mut outside_spans),
        },
        Some(Title::Other(what)) => outside(text, lines, Some(what), &mut outside_spans),
        Some(Title::Form(kind)) => {
            let mut reader = form::FormReader::new(text, kind, lines, true);
            reader.at_end = segment.last;
            let read = reader.read();
            // A title with nothing under it before the next title (a page's heading over the
            // form): text outside forms.
            let empty = read
                .forms
                .iter()
                .all(|f| f.fields.is_empty() && f.indicators.is_empty() && f.tasks.is_empty());
            if empty && !segment.last {
                outside(text, lines, None, &mut outside_spans);
            } else if let Some(what) = read.not_declaration {
                outside(text, lines, Some(what), &mut outside_spans);
            } else {
                push_form(text, lines, read, &mut piece, &mut outside_spans);
            }
        }
    }
    piece.outside = outside_spans
        .into_iter()
        .map(|(span, what)| Issue {
            form: None,
            span,
            kind: IssueKind::OutsideForm { what },
        })
        .collect();
    in_text_order(&mut piece.outside);
    piece
}

/// The document of a paste from the pieces of its segments, in order.
pub(crate) fn assemble(
    text: &str,
    files: Vec<crate::model::Text>,
    pieces: impl IntoIterator<Item = Piece>,
) -> Parsed {
    let mut doc = Document {
        forms: Vec::new(),
        diagnostics: Vec::new(),
        lines: LineIndex::new(text),
        budget_year: None,
        files,
    };
    // Outside forms first (each piece's in the order of the text, and the pieces in order),
    // then each form's.
    let mut issues = Vec::new();
    let mut in_forms = Vec::new();
    for piece in pieces {
        let first = doc.forms.len();
        in_forms.extend(piece.issues.into_iter().map(|i| Issue {
            form: i.form.map(|n| first + n),
            ..i
        }));
        doc.forms.extend(piece.forms);
        issues.extend(piece.outside);
    }
    issues.extend(in_forms);
    Parsed { doc, issues }
}

/// What a title line starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Title {
    Form(FormKind),
    Other(NotDeclaration),
}

/// Add a form read from `lines` to the piece, with its issues (and what its readers left in
/// no span) and the text after it. A table that lists several projects (a 项目名称 column)
/// gives a form per project.
fn push_form(
    text: &str,
    lines: &[Line],
    mut read: form::Read,
    piece: &mut Piece,
    outside_spans: &mut Vec<(Span, Option<NotDeclaration>)>,
) {
    missed(text, lines_span(lines), &mut read);
    let forms = read.forms;
    let first = piece.forms.len();
    for i in read.issues {
        // An issue belongs to the last form that starts at or before it.
        let n = forms
            .iter()
            .rposition(|f| f.span.start <= i.span.start)
            .unwrap_or(0);
        piece.issues.push(Issue {
            form: Some(first + n),
            ..i
        });
    }
    piece.forms.extend(forms);
    let spans: Vec<Line> = read
        .trailing
        .into_iter()
        .map(|span| Line { span })
        .collect();
    outside(text, &spans, None, outside_spans);
}

/// The span of a run of lines.
fn lines_span(lines: &[Line]) -> Span {
    match (lines.first(), lines.last()) {
        (Some(a), Some(b)) => a.span.cover(b.span),
        _ => Span::default(),
    }
}

/// What the reader of a form left in no span of its structure and no issue: never dropped in
/// silence. Markup alone (`</li>`) is layout, kept as structure; any other text is reported as a
/// line that could not be placed (S004). Layout (spaces, pipes, a Markdown separator row) is no
/// text. The readers place what they can; this is the net under them, for the layouts no one
/// has seen yet.
fn missed(text: &str, range: Span, read: &mut form::Read) {
    if read.forms.is_empty() || range.is_empty() || read.not_declaration.is_some() {
        return;
    }
    // The covered intervals, merged; the gaps between them are what no span holds.
    let mut spans: Vec<Span> = Vec::new();
    {
        let mut push = |s: Span| {
            let (a, b) = (s.start.max(range.start), s.end.min(range.end));
            if a < b {
                spans.push(Span::new(a, b));
            }
        };
        for f in &read.forms {
            f.spans(&mut push);
        }
        read.issues.iter().for_each(|i| push(i.span));
        read.trailing.iter().for_each(|&t| push(t));
    }
    spans.sort_unstable_by_key(|s| s.start);
    let mut gaps = Vec::new();
    let mut at = range.start;
    for s in spans.into_iter().chain([Span::empty(range.end)]) {
        if s.start > at {
            gaps.push(Span::new(at, s.start));
        }
        at = at.max(s.end);
    }
    // A gap, line by line (a layout line, a Markdown separator row, is nothing).
    let mut found = Vec::new();
    for gap in gaps {
        let mut start = gap.start;
        for piece in gap.text(text).split_inclusive(['\n', '\r']) {
            let span = Span::new(start, start + piece.len());
            start = span.end;
            let blank = piece
                .chars()
                .all(|c| crate::text::is_space(c) || matches!(c, '|' | '\n' | '\r'));
            if blank {
                continue;
            }
            let line = lines_around(text, span);
            if !lines::is_layout_line(line.text(text)) {
                found.push(span);
            }
        }
    }
    for gap in found {
        let raw = gap.text(text);
        let (a, b) = crate::text::trim_range(raw);
        let gap = Span::new(gap.start + a, gap.start + b);
        let n = read
            .forms
            .iter()
            .rposition(|f| f.span.start <= gap.start)
            .unwrap_or(0);
        if crate::text::clean(raw).is_empty() {
            read.forms[n].structure.push(gap);
        } else {
            read.issues.push(Issue {
                form: None,
                span: gap,
                kind: IssueKind::Unplaced(Unplaced::Line),
            });
        }
    }
}

/// The whole line (without its line break) a span lies on.
fn lines_around(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[span.start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| span.start + i);
    Span::new(start, end.max(start))
}

/// A form without a title line: where its first label is, when the lines hold at least three
/// lines that start with a label of a form (a paste of a form without its heading). A form of
/// the department when a department label (部门名称) is among them.
fn untitled_form(text: &str, lines: &[Line]) -> Option<(usize, FormKind)> {
    let mut first = None;
    let mut found = 0;
    let mut department = false;
    let mut named = false;
    let is_column = |raw: &str| {
        vocab::may_be_column(raw) && vocab::table_column(&crate::text::label_key(raw)).is_some()
    };
    for (i, line) in lines.iter().enumerate() {
        let (_, cells) = lines::split_cells(text, *line);
        let Some(cell) = cells.iter().find(|c| !c.is_empty()) else {
            continue;
        };
        let raw = cell.text(text);
        let project = vocab::match_label(raw, FormKind::Project, true);
        let dept = vocab::match_label(raw, FormKind::Department, true);
        let is_field = |m: Option<vocab::LabelMatch>| {
            m.is_some_and(|m| matches!(m.target, vocab::LabelTarget::Field(_)))
        };
        if is_field(project) || is_field(dept) {
            first.get_or_insert(i);
            found += 1;
            department |= dept.is_some() && project.is_none();
            let names = |m: Option<vocab::LabelMatch>| {
                m.is_some_and(|m| {
                    matches!(
                        m.target,
                        vocab::LabelTarget::Field(FieldKey::Name | FieldKey::Code)
                    )
                })
            };
            named |= names(project) || names(dept);
        } else if cells.iter().filter(|c| is_column(c.text(text))).count() >= 3 {
            named = true;
        }
    }
    // Labels of prose (项目概述, 立项依据 in a budget's text before its tables) make no form: a
    // form names its project (or department) or has an indicator table.
    if !named {
        return None;
    }
    let kind = if department {
        FormKind::Department
    } else {
        FormKind::Project
    };
    (found >= 3).then_some((first?, kind))
}

/// Sort issues in the order of the text; stable, so that what was found first at one place stays
/// first.
fn in_text_order(issues: &mut [Issue]) {
    issues.sort_by_key(|i| i.span.start);
}

/// Each run of consecutive non-empty lines outside any form (for S001); the first run of a
/// document of another kind carries what it is.
fn outside(
    text: &str,
    lines: &[Line],
    what: Option<NotDeclaration>,
    out: &mut Vec<(Span, Option<NotDeclaration>)>,
) {
    let mut block: Option<Span> = None;
    let mut last_end = 0usize;
    let mut what = what;
    let mut flush = |block: &mut Option<Span>, out: &mut Vec<(Span, Option<NotDeclaration>)>| {
        if let Some(span) = block.take() {
            out.push((span, what.take()));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Several files in one paste: each file line is structure, no form runs over it (the
    /// second file's form has no title and is found by its labels), and each form knows its file.
    #[test]
    fn files_in_one_paste() {
        let a = "二级项目支出绩效目标申报表\n项目名称:\t甲\t项目编码:\t44030422146150000007\n";
        let b = "项目名称:\t乙\n申请单位:\t某单位\n项目编码:\t44030422146150000008\n";
        let text = format!(
            "{}\n{a}{}\n{b}",
            crate::text::file_line("甲.xlsx"),
            crate::text::file_line("乙.docx")
        );
        let Parsed { doc, issues } = parse(&text);
        assert_eq!(
            doc.files
                .iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>(),
            ["甲.xlsx", "乙.docx"]
        );
        assert_eq!(doc.forms.len(), 2);
        assert!(
            !issues
                .iter()
                .any(|i| matches!(i.kind, IssueKind::OutsideForm { .. })),
            "{issues:?}"
        );
        let files: Vec<&str> = doc
            .forms
            .iter()
            .map(|f| doc.file_at(f.span.start).unwrap().text.as_str())
            .collect();
        assert_eq!(files, ["甲.xlsx", "乙.docx"]);
        assert!(!doc.forms[0].span.text(&text).contains("乙"));
    }

    /// The net under the readers: what a reader left in no span is reported; layout (a
    /// separator row) is nothing.
    #[test]
    fn what_no_reader_placed_is_reported() {
        let text = "项目支出绩效目标表\n项目名称：\t某某项目\n|---|---|\n";
        let lines = split_lines(text);
        let mut read = form::FormReader::new(text, FormKind::Project, &lines, true).read();
        // A reader that lost the field.
        let field = read.forms[0].fields.pop().expect("the name field");
        let before = read.issues.len();
        missed(text, lines_span(&lines), &mut read);
        let new: Vec<&str> = read.issues[before..]
            .iter()
            .map(|i| i.span.text(text))
            .collect();
        // (The label is structure too: the value is what was lost.)
        assert_eq!(new, ["某某项目"]);
        assert_eq!(field.value.span.text(text), "某某项目");
    }
}
