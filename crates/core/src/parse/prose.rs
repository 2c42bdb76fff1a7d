//! Indicators written as prose (the 绩效目标设定的公示 of a village's project):
//!
//! ```text
//! 一、产出指标
//! 数量指标:改造养殖圈舍数量(≥**座)大于等于16座;配套青贮池数量(≥**座)>=8座。质量指标:…
//! ```
//!
//! A numbered level-1 heading on its own line, then sentences in which each level-2 category with
//! its colon introduces items, separated by `;` `。` `,`, each a name and a value that starts at
//! its operator (`≥`, `>=`, `大于等于`, `不低于` …).

use super::vocab::category;
use crate::span::Span;

/// A level-1 heading of prose indicators (`一、产出指标`, `(二)效益指标`): the span of its
/// category word.
pub fn heading(source: &str, line: Span) -> Option<Span> {
    let raw = line.text(source);
    let trimmed = raw.trim();
    let offset = line.start + (raw.len() - raw.trim_start().len());
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let rest = if let Some(r) = trimmed.strip_prefix(['(', '（']) {
        let r = r.trim_start_matches(numeral);
        r.strip_prefix([')', '）'])?
    } else {
        let r = trimmed.trim_start_matches(numeral);
        if r.len() == trimmed.len() {
            return None;
        }
        r.strip_prefix(['、', '.', '．'])?
    };
    let word = rest.trim_end_matches(['。', ':', '：', ' ']);
    let cat = category(word);
    if cat.level1.is_none() || cat.level2.is_some() || word.chars().count() > 8 {
        return None;
    }
    let start = offset + (trimmed.len() - rest.len());
    Some(Span::new(start, start + word.len()))
}

/// One indicator of a prose line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The level-2 category that introduced it (the first item after the label only).
    pub level2: Option<Span>,
    pub name: Span,
    /// Empty when the item has no value (an item cut off, a sentence that is no indicator).
    pub value: Span,
}

/// The items of a prose line; empty unless the line starts with a level-2 label and its colon.
pub fn items(source: &str, line: Span) -> Vec<Item> {
    let raw = line.text(source);
    let labels = level2_labels(raw);
    if labels.first().is_none_or(|l| !raw[..l.0].trim().is_empty()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, &(start, colon_end)) in labels.iter().enumerate() {
        let end = labels.get(n + 1).map_or(raw.len(), |l| l.0);
        let mut first = true;
        for (a, b) in pieces(raw, colon_end, end) {
            let item = &raw[a..b];
            let (name, value) = match value_start(item) {
                Some(v) if v > 0 => ((a, a + v), (a + v, b)),
                _ if crate::value::is_not_applicable(item) => ((a, b), (a, b)),
                _ => ((a, b), (b, b)),
            };
            out.push(Item {
                level2: first.then(|| {
                    let label_end = raw[..colon_end].trim_end_matches([':', '：']).len();
                    Span::new(line.start + start, line.start + label_end)
                }),
                name: Span::new(line.start + name.0, line.start + name.1),
                value: Span::new(line.start + value.0, line.start + value.1),
            });
            first = false;
        }
    }
    out
}

/// The level-2 labels of a line: (start, end after the colon), in order.
fn level2_labels(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in raw.char_indices() {
        if !matches!(c, ':' | '：') {
            continue;
        }
        let before = &raw[..i];
        let start = before
            .rfind(|c: char| is_delimiter(c) || crate::text::is_space(c))
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &raw[start..i];
        let cat = category(word);
        // A second colon right after a label (`指标：:`) is no label of its own.
        let after_last = out.last().is_none_or(|&(_, end)| start >= end);
        if cat.level2.is_some() && word.chars().count() <= 10 && after_last {
            out.push((start, i + c.len_utf8()));
        }
    }
    out
}

fn is_delimiter(c: char) -> bool {
    matches!(c, ';' | '；' | '。' | ',' | '，')
}

/// The items between `from` and `to`: cut at `;` `。` (and at `,` after a value), outside
/// brackets; trimmed, empty ones left out.
fn pieces(raw: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if from >= to {
        return out;
    }
    let mut depth = 0i32;
    let mut start = from;
    let text = &raw[from..to];
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '《' | '[' | '【' => depth += 1,
            ')' | '）' | '》' | ']' | '】' => depth -= 1,
            _ if depth <= 0 && is_delimiter(c) => {
                let end = from + i;
                let piece = &raw[start..end];
                // A comma inside a name (no value before it yet) does not end the item.
                if matches!(c, ',' | '，') && value_start(piece).is_none() {
                    continue;
                }
                out.push((start, end));
                start = end + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push((start, to));
    out.into_iter()
        .filter_map(|(a, b)| {
            let piece = &raw[a..b];
            let lead = piece.len() - piece.trim_start().len();
            let t = piece.trim();
            (!t.is_empty()).then_some((a + lead, a + lead + t.len()))
        })
        .collect()
}

/// Where the value of an item starts: its last operator outside brackets (`(≥**座)` is a hint
/// of the template, not the value).
fn value_start(item: &str) -> Option<usize> {
    const WORDS: [&str; 13] = [
        "大于等于",
        "小于等于",
        "不低于",
        "不少于",
        "不高于",
        "不超过",
        "不大于",
        "不小于",
        "大于",
        "小于",
        "等于",
        "达到",
        "控制在",
    ];
    let mut depth = 0i32;
    let mut found = None;
    let mut i = 0;
    while i < item.len() {
        let rest = &item[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ if depth <= 0 => {
                let is_op = |c: char| {
                    matches!(
                        c,
                        '≥' | '≤' | '>' | '<' | '=' | '＝' | '＞' | '＜' | '≧' | '≦'
                    )
                };
                if is_op(c) {
                    // An operator run (`>=`) starts where its first character is.
                    if !item[..i].chars().next_back().is_some_and(is_op) {
                        found = Some(i);
                    }
                } else if let Some(w) = WORDS.iter().find(|w| rest.starts_with(**w)) {
                    found = Some(i);
                    i += w.len();
                    continue;
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the property test (a mutated region fixture): a doubled colon after a label.
    #[test]
    fn a_doubled_colon_is_one_label() {
        let line = "服务对象满意度指标：:受益养殖户满意度(≥**%)≥95%。";
        let got = items(line, Span::new(0, line.len()));
        assert!(got.len() <= 1, "{} items", got.len());
        let doc = crate::rules::parse(&format!("绩效目标设定的公示\n一、满意度指标\n{line}\n"));
        assert!(doc.forms.len() <= 1);
    }

    fn read(line: &str) -> Vec<(Option<String>, String, String)> {
        items(line, Span::new(0, line.len()))
            .into_iter()
            .map(|it| {
                (
                    it.level2.map(|s| s.text(line).to_string()),
                    it.name.text(line).to_string(),
                    it.value.text(line).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn headings() {
        let h = |s: &str| heading(s, Span::new(0, s.len())).map(|sp| sp.text(s).to_string());
        assert_eq!(h("一、产出指标"), Some("产出指标".into()));
        assert_eq!(h("(二)效益指标"), Some("效益指标".into()));
        assert_eq!(h("三、满意度指标"), Some("满意度指标".into()));
        assert_eq!(h("数量指标"), None);
        assert_eq!(h("一、项目概况"), None);
    }

    #[test]
    fn sentences_of_indicators() {
        let line = "数量指标:改造标准化养殖圈舍数量(≥**座)大于等于16座;配套青贮池数量(≥**座)>=8座。质量指标:犊牛成活率(≥**%)>=85。";
        let got = read(line);
        assert_eq!(
            got,
            [
                (
                    Some("数量指标".into()),
                    "改造标准化养殖圈舍数量(≥**座)".into(),
                    "大于等于16座".into()
                ),
                (None, "配套青贮池数量(≥**座)".into(), ">=8座".into()),
                (
                    Some("质量指标".into()),
                    "犊牛成活率(≥**%)".into(),
                    ">=85".into()
                ),
            ]
        );
        let na = read("生态效益指标:不适用。可持续影响指标:圈舍设计使用年限(≥**年)>=15年。");
        assert_eq!(na[0].1, "不适用");
        assert_eq!(na[0].2, "不适用");
        assert_eq!(na[1].2, ">=15年");
        // Cut off after a comma: the last item has no value.
        let cut = read("数量指标:外立面改造(≥**平方米)大于等于10157.6平方米,环");
        assert_eq!(cut.len(), 2);
        assert_eq!(cut[0].2, "大于等于10157.6平方米");
        assert_eq!((cut[1].1.as_str(), cut[1].2.as_str()), ("环", ""));
        // A sentence without a level-2 label at its start is no line of indicators.
        assert!(read("现将绩效目标设定公示如下:").is_empty());
    }
}
