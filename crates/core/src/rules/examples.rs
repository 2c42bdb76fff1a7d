//! Every rule's documentation examples, run: the bad example must make its rule fire and the
//! good one must not, so a rule page never shows an example that lies. The test is generated
//! from the registry: a new rule is covered by adding it.
//!
//! How an example is checked ([`paste`]):
//!
//! - An example that holds a form title (`二级项目支出绩效目标申报表`) is a whole paste and is
//!   checked as it is, except that a line `…` in one of its forms stands for the rest of the
//!   reference form ([`CLEAN`], the form no rule fires on): the form's own lines are merged into
//!   it as below.
//! - Any other example is a piece of one form: its lines are merged into the reference form.
//!   A line with header fields takes the place of the reference lines that hold the same fields;
//!   an indicator row takes the place of the reference row of the same 二级 category (or is added
//!   to the table); a table header takes the place of the reference's; a line without a label
//!   continues the line before it, and at the start of an example it continues the 测算依据,
//!   where the amounts are computed.

use super::testing::CLEAN;
use crate::model::{FieldKey, FormKind, Level2};
use crate::parse::vocab::title_kind;

/// What a line of a form is, for merging.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    /// Header fields (one or more).
    Fields(Vec<FieldKey>),
    /// An indicator row of this 二级 category.
    Row(Option<Level2>),
    /// The indicator table's header.
    TableHeader,
    /// Anything else: it continues the line before it.
    Text,
}

const TITLE: &str = "二级项目支出绩效目标申报表";
const TABLE_HEADER: &str = "一级指标\t二级指标\t三级指标\t指标值\t指标解释";

fn classify(line: &str) -> Line {
    if line.contains("一级指标") && line.contains("三级指标") {
        return Line::TableHeader;
    }
    let doc = crate::parse::parse(&format!("{TITLE}\n{line}\n")).doc;
    if let Some(form) = doc.forms.first() {
        let keys: Vec<FieldKey> = form.fields.iter().map(|f| f.key).collect();
        if !keys.is_empty() {
            return Line::Fields(keys);
        }
    }
    let doc = crate::parse::parse(&format!("{TITLE}\n{TABLE_HEADER}\n{line}\n")).doc;
    match doc.forms.first().and_then(|f| f.indicators.first()) {
        Some(row) if row.level2.is_some() => Line::Row(row.level2.clone()),
        _ => Line::Text,
    }
}

/// The reference form's body (without its title) with the lines of `piece` merged in.
fn merge(piece: &[&str]) -> Vec<String> {
    let mut body: Vec<(String, Line, bool)> = CLEAN
        .lines()
        .skip(1)
        .map(|l| (l.to_string(), classify(l), false))
        .collect();
    // Where the last merged line went: a line without a label goes after it.
    let mut last: Option<usize> = None;
    for &line in piece {
        let kind = classify(line);
        let at = match &kind {
            Line::Fields(keys) => {
                let holding: Vec<usize> = body
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, k, _))| {
                        matches!(k, Line::Fields(ks) if ks.iter().any(|x| keys.contains(x)))
                    })
                    .map(|(i, _)| i)
                    .collect();
                match holding.split_first() {
                    Some((&first, rest)) => {
                        body[first] = (line.to_string(), kind, true);
                        for &i in rest.iter().rev() {
                            body.remove(i);
                        }
                        first
                    }
                    None => {
                        let header_end = body
                            .iter()
                            .position(|(_, k, _)| *k == Line::TableHeader)
                            .unwrap_or(body.len());
                        body.insert(header_end, (line.to_string(), kind, true));
                        header_end
                    }
                }
            }
            Line::Row(l2) => {
                let same = body
                    .iter()
                    .position(|(_, k, merged)| !merged && *k == Line::Row(l2.clone()));
                match same {
                    Some(i) => {
                        body[i] = (line.to_string(), kind, true);
                        i
                    }
                    None => {
                        let end = body
                            .iter()
                            .rposition(|(_, k, _)| matches!(k, Line::Row(_)))
                            .map_or(body.len(), |i| i + 1);
                        body.insert(end, (line.to_string(), kind, true));
                        end
                    }
                }
            }
            Line::TableHeader => {
                let i = body
                    .iter()
                    .position(|(_, k, _)| *k == Line::TableHeader)
                    .unwrap_or(body.len());
                body[i] = (line.to_string(), kind, true);
                i
            }
            Line::Text => {
                let after = last.unwrap_or_else(|| {
                    body.iter()
                        .position(|(_, k, _)| {
                            matches!(k, Line::Fields(ks) if ks.contains(&FieldKey::CalcBasis))
                        })
                        .expect("the reference form has a 测算依据")
                });
                body.insert(after + 1, (line.to_string(), kind, true));
                after + 1
            }
        };
        last = Some(at);
    }
    body.into_iter().map(|(l, _, _)| l).collect()
}

/// The paste an example stands for (see the module's documentation).
pub(crate) fn paste(example: &str) -> String {
    let lines: Vec<&str> = example.lines().collect();
    let is_title = |l: &str| title_kind(l.trim()).is_some();
    if !lines.iter().any(|l| is_title(l)) {
        let mut out = vec![TITLE.to_string()];
        out.extend(merge(&lines));
        return out.join("\n") + "\n";
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_title(lines[i]) {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&j| is_title(lines[j]))
            .unwrap_or(lines.len());
        let form = &lines[i + 1..end];
        out.push(lines[i].to_string());
        if form.iter().any(|l| l.trim() == "…") {
            let own: Vec<&str> = form.iter().copied().filter(|l| l.trim() != "…").collect();
            out.extend(merge(&own));
        } else {
            out.extend(form.iter().map(|l| l.to_string()));
        }
        i = end;
    }
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{all, check, Options};

    fn fires(code: &str, text: &str) -> usize {
        check(text, &Options::default())
            .all_diagnostics()
            .filter(|d| d.code() == code)
            .count()
    }

    /// Every rule's bad example fires it; every good example does not.
    #[test]
    fn every_rules_examples_run() {
        let mut lies = Vec::new();
        for r in all() {
            let (bad, good) = (paste(r.doc.bad_example), paste(r.doc.good_example));
            if fires(r.code, &bad) == 0 {
                lies.push(format!("{}: the bad example does not fire:\n{bad}", r.code));
            }
            if fires(r.code, &good) > 0 {
                lies.push(format!("{}: the good example fires:\n{good}", r.code));
            }
        }
        assert!(lies.is_empty(), "{}", lies.join("\n\n"));
    }

    #[test]
    fn pieces_take_the_place_of_their_fields_and_rows() {
        let text = paste("本年度项目金额(元):\t1,648,300.00\n产出\t*数量\t培训场次\t≥5场\t…");
        assert!(text.starts_with(TITLE));
        assert!(text.contains("\n本年度项目金额(元):\t1,648,300.00\n"));
        assert!(!text.contains("本年度项目金额(万元)"), "{text}");
        assert!(text.contains("\n产出\t*数量\t培训场次\t≥5场\t…\n"));
        assert!(!text.contains("举办演出场次"));
        // Unlabelled text continues the 测算依据.
        let text = paste("办公场所租赁费用500平米×200元/平米≈100万元");
        let doc = crate::parse::parse(&text).doc;
        let calc = doc.forms[0].text(FieldKey::CalcBasis).unwrap();
        assert!(calc.ends_with("≈100万元"), "{calc}");
        // A whole paste stays as it is but for its `…`.
        let text = paste("附件2：\n\n二级项目支出绩效目标申报表\n…");
        assert!(text.starts_with("附件2：\n\n二级项目支出绩效目标申报表\n项目编码"));
        assert_eq!(
            crate::parse::parse(&text).doc.forms[0].kind,
            FormKind::Project
        );
    }
}
