//! Tables whose cells were glued together (a Word document flattened to text, every separator
//! lost): `一级指标二级指标三级指标中期指标值年度指标值`, then rows such as
//! `产出指标数量指标日间照料服务人次≥27000人次≥9000人次`. The header is cut by the vocabulary of
//! columns; a row by the vocabulary of categories, then its values are taken from its end (where
//! the operators start, a value written twice, numbers with their units).

use super::vocab::{category, may_be_column, table_column, Column, More};
use crate::span::Span;
use crate::text::label_key;

/// The longest column name is `指标值(年度)`-like: a dozen characters.
const MAX_COLUMN_CHARS: usize = 12;

/// Cut a glued header line into its columns; `None` unless the whole line is column names (at
/// least three).
pub fn split_header(source: &str, line: Span) -> Option<Vec<(Span, Column)>> {
    let raw = line.text(source);
    let trimmed = raw.trim();
    let offset = line.start + (raw.len() - raw.trim_start().len());
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < trimmed.len() {
        let ends: Vec<usize> = trimmed[pos..]
            .char_indices()
            .skip(1)
            .map(|(i, _)| pos + i)
            .chain(std::iter::once(trimmed.len()))
            .take(MAX_COLUMN_CHARS)
            .collect();
        let found = ends.iter().rev().find_map(|&end| {
            let piece = &trimmed[pos..end];
            if !may_be_column(piece) {
                return None;
            }
            table_column(&label_key(piece)).map(|c| (end, c))
        });
        let (end, column) = found?;
        out.push((Span::new(offset + pos, offset + end), column));
        pos = end;
    }
    (out.len() >= 3).then_some(out)
}

/// Cut a glued row into its cells, each with its column. The columns after the name must be
/// values (this year's and the medium-term one); `None` when the row cannot be cut.
pub fn split_row(source: &str, line: Span, columns: &[Column]) -> Option<Vec<(Span, Column)>> {
    let name_at = columns.iter().position(|&c| c == Column::Name)?;
    let values: Vec<Column> = columns[name_at + 1..].to_vec();
    if values.is_empty()
        || !values
            .iter()
            .all(|&c| matches!(c, Column::Value | Column::More(More::MediumValue)))
    {
        return None;
    }
    let raw = line.text(source);
    let trimmed = raw.trim();
    let offset = line.start + (raw.len() - raw.trim_start().len());
    let mut out = Vec::new();
    let mut pos = 0;
    // Categories at the start: each ends with 指标 (产出指标, 数量指标, 服务对象满意度指标).
    for _ in 0..2 {
        let rest = &trimmed[pos..];
        let Some(at) = rest.find("指标") else {
            break;
        };
        let end = at + "指标".len();
        if rest[..end].chars().count() > MAX_COLUMN_CHARS {
            break;
        }
        let cat = category(&rest[..end]);
        let column = if cat.level2.is_some() {
            Column::Level2
        } else if cat.level1.is_some() {
            Column::Level1
        } else {
            break;
        };
        if out.iter().any(|&(_, c)| c == column) {
            break;
        }
        out.push((Span::new(offset + pos, offset + pos + end), column));
        pos += end;
    }
    let rest = &trimmed[pos..];
    let cuts = value_starts(rest, values.len())?;
    out.push((
        Span::new(offset + pos, offset + pos + cuts[0]),
        Column::Name,
    ));
    for (n, &start) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).copied().unwrap_or(rest.len());
        out.push((
            Span::new(offset + pos + start, offset + pos + end),
            values[n],
        ));
    }
    Some(out)
}

fn is_op(c: char) -> bool {
    matches!(
        c,
        '≥' | '≤' | '>' | '<' | '=' | '＝' | '＞' | '＜' | '≧' | '≦'
    )
}

/// Where each of the `k` values at the end of `rest` starts (byte offsets, increasing; the name
/// is what comes before the first). Operators start values; else a value written `k` times
/// (`显著提升显著提升`, `0起0起`); else numbers with their units from the end (`12家6家`).
fn value_starts(rest: &str, k: usize) -> Option<Vec<usize>> {
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let n = chars.len();
    // Operators.
    let op_starts: Vec<usize> = (0..n)
        .filter(|&i| is_op(chars[i].1) && (i == 0 || !is_op(chars[i - 1].1)))
        .collect();
    if op_starts.len() >= k && op_starts[op_starts.len() - k] > 0 {
        return Some(
            op_starts[op_starts.len() - k..]
                .iter()
                .map(|&i| chars[i].0)
                .collect(),
        );
    }
    // One value written k times (k ≥ 2: with one value every ending would do).
    if k >= 2 {
        for len in 2..=n / (k + 1) {
            let start = n - k * len;
            let unit: String = chars[start..start + len].iter().map(|&(_, c)| c).collect();
            let repeated = (1..k).all(|r| {
                let s = start + r * len;
                chars[s..s + len].iter().map(|&(_, c)| c).eq(unit.chars())
            });
            if repeated {
                return Some((0..k).map(|r| chars[start + r * len].0).collect());
            }
        }
    }
    // Numbers with their units, from the end.
    let mut starts = Vec::with_capacity(k);
    let mut i = n;
    for _ in 0..k {
        let mut j = i;
        let mut unit = 0;
        while j > 0 && !chars[j - 1].1.is_ascii_digit() && !is_op(chars[j - 1].1) && unit < 4 {
            j -= 1;
            unit += 1;
        }
        let digits_end = j;
        while j > 0 && (chars[j - 1].1.is_ascii_digit() || matches!(chars[j - 1].1, '.' | ',')) {
            j -= 1;
        }
        if j == digits_end {
            return None;
        }
        starts.push(j);
        i = j;
    }
    starts.reverse();
    (starts[0] > 0).then(|| starts.iter().map(|&i| chars[i].0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str, cells: &[(Span, Column)]) -> Vec<String> {
        cells
            .iter()
            .map(|(s, _)| s.text(source).to_string())
            .collect()
    }

    #[test]
    fn header_cut_by_the_vocabulary() {
        let s = "一级指标二级指标三级指标中期指标值年度指标值";
        let cols = split_header(s, Span::new(0, s.len())).unwrap();
        assert_eq!(
            texts(s, &cols),
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "中期指标值",
                "年度指标值"
            ]
        );
        let not = "项目名称某某社区养老服务中心";
        assert!(split_header(not, Span::new(0, not.len())).is_none());
    }

    #[test]
    fn rows_cut_at_categories_and_values() {
        let h = "一级指标二级指标三级指标中期指标值年度指标值";
        let cols: Vec<Column> = split_header(h, Span::new(0, h.len()))
            .unwrap()
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        let cut = |s: &str| {
            split_row(s, Span::new(0, s.len()), &cols)
                .map(|c| texts(s, &c))
                .unwrap_or_default()
        };
        assert_eq!(
            cut("产出指标数量指标日间照料服务人次≥27000人次≥9000人次"),
            [
                "产出指标",
                "数量指标",
                "日间照料服务人次",
                "≥27000人次",
                "≥9000人次"
            ]
        );
        assert_eq!(
            cut("质量指标服务安全事故发生数0起0起"),
            ["质量指标", "服务安全事故发生数", "0起", "0起"]
        );
        assert_eq!(
            cut("生态效益指标不适用不适用不适用"),
            ["生态效益指标", "不适用", "不适用", "不适用"]
        );
        assert_eq!(
            cut("效益指标社会效益指标社区老年人就近养老需求满足程度显著提升显著提升"),
            [
                "效益指标",
                "社会效益指标",
                "社区老年人就近养老需求满足程度",
                "显著提升",
                "显著提升"
            ]
        );
        assert_eq!(
            cut("配置设备的乡镇卫生院数12家6家"),
            ["配置设备的乡镇卫生院数", "12家", "6家"]
        );
        // Nothing to cut a qualitative pair that differs.
        assert!(cut("服务质量明显提升有所提升").is_empty());
    }
}
