//! Tables and paragraphs rendered as the canonical text: one row per line, cells at tabs.

/// A piece of an imported document, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A paragraph (or any text outside tables); its own line breaks stay line breaks.
    Para(String),
    /// A table: rows of cells, merged regions already expanded (the value in the first cell, the
    /// covered cells empty).
    Table(Table),
    /// The start of a sheet of a workbook (its name; rendered as a blank line between sheets).
    Sheet(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Table {
    pub rows: Vec<Vec<String>>,
    /// Notes made while reading the cells (row index in this table, message).
    pub notes: Vec<(usize, String, String)>,
}

/// What the import changed or left out, at a line of the imported text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub zh: String,
    pub en: String,
}

/// A cell's text on one line: line breaks and tabs inside it become one space each run; whether
/// that changed anything.
fn one_line(cell: &str) -> (String, bool) {
    let trimmed = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let mut out = String::with_capacity(trimmed.len());
    let mut changed = false;
    let mut gap = false;
    for c in trimmed.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' => {
                changed = true;
                gap = true;
            }
            c => {
                if gap {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                    gap = false;
                }
                out.push(if c == '\u{a0}' { ' ' } else { c });
            }
        }
    }
    (out, changed)
}

/// The text of the blocks, its notes and the number of tables.
pub(crate) fn render(blocks: &[Block]) -> (String, Vec<Note>, usize) {
    let mut text = String::new();
    let mut notes = Vec::new();
    let mut tables = 0;
    let mut line = 1usize;
    let push_line = |text: &mut String, line: &mut usize, s: &str| {
        text.push_str(s);
        text.push('\n');
        *line += 1;
    };
    for block in blocks {
        match block {
            Block::Para(p) => {
                for l in p.lines() {
                    let l = l.trim_end();
                    if l.trim().is_empty() {
                        continue;
                    }
                    push_line(&mut text, &mut line, l);
                }
            }
            Block::Sheet(_) => {
                if !text.is_empty() && !text.ends_with("\n\n") {
                    push_line(&mut text, &mut line, "");
                }
            }
            Block::Table(t) => {
                if t.rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
                    continue;
                }
                tables += 1;
                let mut blank = false;
                for (i, row) in t.rows.iter().enumerate() {
                    let mut cells: Vec<String> = Vec::with_capacity(row.len());
                    let mut joined = 0;
                    for c in row {
                        let (s, changed) = one_line(c);
                        joined += changed as usize;
                        cells.push(s);
                    }
                    while cells.last().is_some_and(|c| c.is_empty()) {
                        cells.pop();
                    }
                    if cells.is_empty() {
                        // One blank line for a run of empty rows (a page break in the sheet).
                        if !blank {
                            push_line(&mut text, &mut line, "");
                            blank = true;
                        }
                        continue;
                    }
                    blank = false;
                    for (r, zh, en) in &t.notes {
                        if *r == i {
                            notes.push(Note {
                                line,
                                zh: zh.clone(),
                                en: en.clone(),
                            });
                        }
                    }
                    if joined > 0 {
                        notes.push(Note {
                            line,
                            zh: format!("{joined} 个单元格内的换行改为空格"),
                            en: format!(
                                "line breaks inside {joined} cell{} turned into spaces",
                                if joined == 1 { "" } else { "s" }
                            ),
                        });
                    }
                    push_line(&mut text, &mut line, &cells.join("\t"));
                }
            }
        }
    }
    while text.ends_with("\n\n") {
        text.pop();
    }
    (text, notes, tables)
}

/// A number as the cell holds it: integers without a decimal point, others to at most 15
/// significant digits (what Excel stores), never in exponent notation for the sizes of a form.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    let shortest = format!("{x}");
    let digits = shortest.chars().filter(|c| c.is_ascii_digit()).count();
    let lead_zeros = shortest
        .trim_start_matches('-')
        .chars()
        .take_while(|&c| c == '0' || c == '.')
        .filter(|&c| c == '0')
        .count();
    if digits - lead_zeros <= 15 {
        return shortest;
    }
    // More than 15 significant digits: binary noise (0.1 + 0.2); round as Excel shows it.
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (14 - magnitude).clamp(0, 20) as usize;
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    s
}

/// A fraction shown as a percentage (0.95 → 95%).
pub(crate) fn percent(x: f64) -> String {
    format!("{}%", number(x * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_held() {
        assert_eq!(number(7944900.0), "7944900");
        assert_eq!(number(794.49), "794.49");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-3.5), "-3.5");
        assert_eq!(number(0.000123), "0.000123");
        assert_eq!(percent(0.95), "95%");
        assert_eq!(percent(0.955), "95.5%");
        assert_eq!(percent(1.0), "100%");
    }

    #[test]
    fn cells_on_one_line_and_rows_trimmed() {
        let t = Table {
            rows: vec![
                vec!["项目名称".into(), "示例\n项目".into(), "".into()],
                vec![],
                vec!["".into(), "".into()],
                vec!["a\tb".into()],
            ],
            notes: vec![],
        };
        let (text, notes, tables) = render(&[Block::Para("标题".into()), Block::Table(t)]);
        assert_eq!(text, "标题\n项目名称\t示例 项目\n\na b\n");
        assert_eq!(tables, 1);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].line, 2);
        assert_eq!(notes[1].line, 4);
    }
}
