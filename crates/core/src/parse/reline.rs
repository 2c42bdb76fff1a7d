//! Lines of a text flattened from a PDF or a Word document, where a whole form (its title, its
//! fields, its indicator table) runs on one line with single spaces between cells: cut into the
//! lines the vocabulary says they were. A line is only a span, so the cut lines keep their place
//! in the text.
//!
//! - A form's title among the words gets a line of its own (with what came before and after it
//!   on lines of their own): the form is found.
//! - From an indicator table's header (three column names in a row) on, every word is a line:
//!   the table is then read one cell per line (a vertical header), as the tables of web pages
//!   are; lines after it that run on with the table's rows are cut the same way.
//! - Page footers (`— 1 —`) stay one word.
//!
//! Lines with tabs or pipes, and short lines, are left as they are.

use super::lines::Line;
use super::vocab::{self, category, may_be_column, table_column};
use crate::span::Span;
use crate::text::{is_space, label_key};

/// A flattened line is long: a form's header alone is longer than this.
const FLAT_CHARS: usize = 100;

/// Cut the flattened lines of `lines`.
pub fn reline(text: &str, lines: Vec<Line>) -> Vec<Line> {
    // Fast path: nothing is long enough.
    if lines.iter().all(|l| l.span.len() <= FLAT_CHARS) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut in_table = false;
    for line in lines {
        let raw = line.span.text(text);
        if raw.contains(['\t', '|']) {
            in_table = false;
            out.push(line);
            continue;
        }
        // A line that runs on with the rows of the table cut above.
        if in_table {
            let ws = words(text, line.span);
            if ws.len() >= 2 && starts_rows(text, &ws) {
                out.extend(ws.into_iter().map(|span| Line { span }));
                continue;
            }
        }
        in_table = false;
        if raw.chars().count() <= FLAT_CHARS {
            out.push(line);
            continue;
        }
        let ws = words(text, line.span);
        if ws.len() < 4 {
            out.push(line);
            continue;
        }
        let title = ws.iter().position(|w| {
            let t = w.text(text);
            t.chars().count() >= 6 && vocab::title_kind(t).is_some()
        });
        // A header with rows after it on the same line (a header alone is a table of words,
        // read by `form`).
        let header = (0..ws.len().saturating_sub(2)).find(|&i| {
            if !ws[i..i + 3].iter().all(|w| is_column(w.text(text))) {
                return false;
            }
            let run = ws[i..]
                .iter()
                .take_while(|w| is_column(w.text(text)))
                .count();
            ws.len() >= i + run + 3
        });
        if title.is_none() && header.is_none() {
            out.push(line);
            continue;
        }
        let table_at = header.unwrap_or(ws.len());
        let push_run = |from: usize, to: usize, out: &mut Vec<Line>| {
            if from < to {
                out.push(Line {
                    span: ws[from].cover(ws[to - 1]),
                });
            }
        };
        match title.filter(|&t| t < table_at) {
            Some(t) => {
                push_run(0, t, &mut out);
                push_run(t, t + 1, &mut out);
                push_run(t + 1, table_at, &mut out);
            }
            None => push_run(0, table_at, &mut out),
        }
        if header.is_some() {
            out.extend(ws[table_at..].iter().map(|&span| Line { span }));
            in_table = true;
        }
    }
    out
}

fn is_column(word: &str) -> bool {
    may_be_column(word) && table_column(&label_key(word)).is_some()
}

/// Whether the words continue an indicator table: they start with a category or a value, and
/// hold another category.
fn starts_rows(text: &str, ws: &[Span]) -> bool {
    let is_cat = |w: &Span| {
        let c = category(w.text(text));
        c.level1.is_some() || c.level2.is_some()
    };
    let first = ws[0].text(text);
    let value = crate::value::parse_value(first).kind.is_quantitative()
        || crate::value::is_not_applicable(first);
    (is_cat(&ws[0]) || value) && (ws.len() <= 4 || ws.iter().skip(1).any(is_cat))
}

/// The words of a line at runs of spaces; a page footer (`— 1 —`, `- 2 -`) is one word.
fn words(text: &str, line: Span) -> Vec<Span> {
    let raw = line.text(text);
    let mut spans: Vec<Span> = Vec::new();
    let mut start = None;
    for (i, c) in raw.char_indices() {
        if is_space(c) {
            if let Some(s) = start.take() {
                spans.push(Span::new(line.start + s, line.start + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        spans.push(Span::new(line.start + s, line.end));
    }
    // Join `—`, `1`, `—` into one footer word.
    let dash = |s: &Span| matches!(s.text(text), "—" | "-" | "–" | "－" | "——");
    let number = |s: &Span| {
        let t = s.text(text);
        !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    let mut out = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        if i + 2 < spans.len() && dash(&spans[i]) && number(&spans[i + 1]) && dash(&spans[i + 2]) {
            out.push(spans[i].cover(spans[i + 2]));
            i += 3;
        } else {
            out.push(spans[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    fn cut(text: &str) -> Vec<&str> {
        reline(text, split_lines(text))
            .into_iter()
            .map(|l| l.span.text(text))
            .collect()
    }

    #[test]
    fn a_form_on_one_line_is_cut_at_its_title_and_its_table() {
        let text = "附件 2: 部门整体支出绩效目标申报表 填报日期:2025 年 1 月 20 日 部门(单位)名称 某某县档案馆 \
                    年度总体目标 完成馆藏档案数字化扫描120万页。 一级指标 二级指标 三级指标 指标值 \
                    产出指标 数量指标 馆藏档案数字化扫描页数 ≥120万页 — 1 — 质量指标 抽检合格率 ≥99%\n\
                    效益指标 社会效益指标 档案资源服务社会能力 显著提升 满意度指标 服务对象满意度指标 查档群众满意度 ≥95%";
        let lines = cut(text);
        assert_eq!(lines[0], "附件 2:");
        assert_eq!(lines[1], "部门整体支出绩效目标申报表");
        assert!(lines[2].starts_with("填报日期:") && lines[2].ends_with("扫描120万页。"));
        assert_eq!(&lines[3..7], ["一级指标", "二级指标", "三级指标", "指标值"]);
        assert!(lines.contains(&"— 1 —"));
        // The second line runs on with the rows: cut too.
        assert_eq!(lines.last(), Some(&"≥95%"));
        assert!(lines.contains(&"社会效益指标"));
    }

    #[test]
    fn ordinary_lines_stay() {
        let header = "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分) \
                      一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注";
        assert_eq!(cut(header), [header]);
        let text = "项目名称\t某某项目\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 培训人次 ≥100人次";
        assert_eq!(cut(text).len(), 3);
        let prose = "本项目".repeat(40);
        assert_eq!(cut(&prose), [prose.as_str()]);
    }
}
