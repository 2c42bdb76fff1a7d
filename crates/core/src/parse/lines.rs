//! Lines and cells: the two-level grid every layout of the corpus reduces to.
//!
//! A line is split into cells at tabs (Excel/Word copies) or at pipes (Markdown and HTML-table
//! copies). Cells keep their spans; their text is trimmed of spaces.

use crate::span::Span;
use crate::text::{is_space, trim_range};

/// One line of input, without its terminator.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub span: Span,
}

/// Split `text` into lines at `\n`, `\r\n` or a lone `\r`.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    if !text.contains('\r') {
        // The common case: memchr over `\n`.
        let mut start = 0;
        for (i, _) in text.match_indices('\n') {
            lines.push(Line {
                span: Span::new(start, i),
            });
            start = i + 1;
        }
        lines.push(Line {
            span: Span::new(start, bytes.len()),
        });
        return lines;
    }
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line {
                    span: Span::new(start, i),
                });
                start = i + 1;
            }
            b'\r' => {
                lines.push(Line {
                    span: Span::new(start, i),
                });
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(Line {
        span: Span::new(start, bytes.len()),
    });
    lines
}

/// How a line's cells were separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// No separator: the whole line is one cell.
    Plain,
    Tabs,
    /// `| a | b |` or `a | b | c`.
    Pipes,
    /// Columns aligned with runs of two or more spaces (PDF copies).
    Spaces,
}

/// One cell: its trimmed span (empty, at the cell's place, when the cell is blank).
#[derive(Debug, Clone, Copy)]
pub struct RawCell {
    pub span: Span,
}

impl RawCell {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        self.span.text(source)
    }

    pub fn is_empty(&self) -> bool {
        self.span.is_empty()
    }
}

fn push_cell(cells: &mut Vec<RawCell>, text: &str, start: usize, end: usize) {
    let (a, b) = trim_range(&text[start..end]);
    cells.push(RawCell {
        span: Span::new(start + a, start + b),
    });
}

/// Split one line into cells.
pub fn split_cells(text: &str, line: Line) -> (Shape, Vec<RawCell>) {
    let s = line.span.text(text);
    let base = line.span.start;
    let trimmed = s.trim_matches(is_space);
    let pipes = s.bytes().filter(|&b| b == b'|').count();
    // `| a | b |`, `a | b | c`, and `a |`: one cell of a table copied cell by cell.
    let shape = if trimmed.starts_with('|')
        || (!s.contains('\t') && (pipes >= 2 || trimmed.ends_with('|')))
    {
        Shape::Pipes
    } else if s.contains('\t') {
        Shape::Tabs
    } else {
        Shape::Plain
    };
    let sep = match shape {
        Shape::Plain => return split_spaces(text, line),
        Shape::Tabs => b'\t',
        Shape::Pipes => b'|',
        Shape::Spaces => unreachable!("split_spaces decides this shape"),
    };
    let mut cells = Vec::new();
    let mut start = base;
    for (i, b) in s.bytes().enumerate() {
        if b == sep {
            push_cell(&mut cells, text, start, base + i);
            start = base + i + 1;
        }
    }
    push_cell(&mut cells, text, start, line.span.end);
    if shape == Shape::Pipes {
        // `| a | b |`: the empty strings outside the outer pipes are not cells.
        if trimmed.starts_with('|') && cells.first().is_some_and(|c| c.is_empty()) {
            cells.remove(0);
        }
        if trimmed.ends_with('|') && cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
    }
    (shape, cells)
}

/// A line without tabs or pipes: one cell, or columns separated by runs of two or more spaces
/// (ASCII or ideographic).
fn split_spaces(text: &str, line: Line) -> (Shape, Vec<RawCell>) {
    let s = line.span.text(text);
    let base = line.span.start;
    let mut cells = Vec::new();
    let (a, b) = trim_range(s);
    let mut start = a;
    let mut run_start = None;
    let mut run_chars = 0;
    for (i, c) in s[..b].char_indices().skip_while(|&(i, _)| i < a) {
        let wide = c == '\u{3000}';
        if c == ' ' || wide {
            if run_start.is_none() {
                run_start = Some(i);
                run_chars = 0;
            }
            run_chars += if wide { 2 } else { 1 };
        } else {
            if let Some(r) = run_start.take() {
                if run_chars >= 2 {
                    push_cell(&mut cells, text, base + start, base + r);
                    start = i;
                }
            }
        }
    }
    push_cell(&mut cells, text, base + start, base + b.max(start));
    if cells.len() > 1 {
        (Shape::Spaces, cells)
    } else {
        let mut one = Vec::with_capacity(1);
        push_cell(&mut one, text, base, line.span.end);
        (Shape::Plain, one)
    }
}

/// Split a line into words at every run of spaces (ASCII or ideographic) outside brackets: the
/// cells of a row flattened with single spaces (`产出指标 数量指标 出差人数 正向 = 8 4`). A bracket
/// keeps its spaces (`开发数量( ≥**个 )` is one word).
pub fn split_words(text: &str, line: Line) -> Vec<RawCell> {
    let s = line.span.text(text);
    let base = line.span.start;
    let mut cells = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if is_space(c) && depth == 0 {
            if let Some(a) = start.take() {
                push_cell(&mut cells, text, base + a, base + i);
            }
        } else if start.is_none() && !is_space(c) {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        push_cell(&mut cells, text, base + a, line.span.end);
    }
    cells
}

/// Whether a line holds nothing but spaces (an empty cell of a one-cell-per-line copy) and is not
/// empty (a line break between cells).
pub fn is_space_only(text: &str, line: Line) -> bool {
    let s = line.span.text(text);
    !s.is_empty() && s.chars().all(is_space)
}

/// Whether a line holds only pipes and spaces (`|||`: padding of a table copied cell by cell).
pub fn is_pipes_only(text: &str, line: Line) -> bool {
    let s = line.span.text(text);
    s.contains('|') && s.chars().all(|c| c == '|' || is_space(c))
}

/// A line of layout only: spaces and pipes, or a Markdown separator row (`|---|:--:|`).
pub fn is_layout_line(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    t.chars().all(|c| c == '|' || is_space(c))
        || (t.contains('|')
            && t.contains('-')
            && t.chars()
                .all(|c| matches!(c, '|' | '-' | ':') || is_space(c)))
}

/// A Markdown table separator row: `|---|:--:|`.
pub fn is_separator_row(text: &str, shape: Shape, cells: &[RawCell]) -> bool {
    shape == Shape::Pipes
        && cells.iter().any(|c| c.text(text).contains('-'))
        && cells.iter().all(|c| {
            c.text(text)
                .chars()
                .all(|ch| ch == '-' || ch == ':' || is_space(ch))
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_keep_their_brackets() {
        let text = "产出指标 数量指标 开发数量( ≥**个 ) >=4个  ";
        let line = Line {
            span: Span::new(0, text.len()),
        };
        let words: Vec<&str> = split_words(text, line)
            .iter()
            .map(|c| c.text(text))
            .collect();
        assert_eq!(
            words,
            ["产出指标", "数量指标", "开发数量( ≥**个 )", ">=4个"]
        );
    }

    use super::*;

    fn cells_of(s: &str) -> (Shape, Vec<String>) {
        let lines = split_lines(s);
        let (shape, cells) = split_cells(s, lines[0]);
        (shape, cells.iter().map(|c| c.text(s).to_string()).collect())
    }

    #[test]
    fn splits_layouts() {
        assert_eq!(
            cells_of("a\t b \t\t"),
            (
                Shape::Tabs,
                vec!["a".into(), "b".into(), "".into(), "".into()]
            )
        );
        assert_eq!(
            cells_of("| a | | b |"),
            (Shape::Pipes, vec!["a".into(), "".into(), "b".into()])
        );
        assert_eq!(
            cells_of("a | b | c"),
            (Shape::Pipes, vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(
            cells_of("  项目名称  "),
            (Shape::Plain, vec!["项目名称".into()])
        );
    }

    #[test]
    fn line_ends() {
        let lines = split_lines("a\r\nb\rc\n");
        let spans: Vec<_> = lines.iter().map(|l| (l.span.start, l.span.end)).collect();
        assert_eq!(spans, vec![(0, 1), (3, 4), (5, 6), (7, 7)]);
    }
}
