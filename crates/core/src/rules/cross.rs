//! X — across the forms of one paste.

use super::{Category, FixKind, RuleDoc, RuleInfo};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Message, Severity};
use crate::model::{Document, FieldKey};
use crate::span::Span;

pub static X001: RuleInfo = RuleInfo {
    code: "X001",
    name: "unit-name-inconsistent",
    severity: Severity::Error,
    category: Category::CrossForm,
    title_zh: "单位名称写法不一致",
    title_en: "Unit name written two ways",
    fix: FixKind::Suggest,
    doc: RuleDoc {
        catches_zh: "同一次粘贴中，同一个单位的名称有两种写法（如“活力城区建设事务中心”与“活力城市建设事务中心”）。",
        catches_en: "The same unit written two ways in one paste (`活力城区建设事务中心` vs `活力城市建设事务中心`).",
        why_zh: "单位名称用于归集和统计预算；写法不一致会使同一单位的项目被分到两个单位名下，其中一种写法通常是错字。",
        why_en: "Unit names group and total the budget; two spellings split one unit's projects, and one spelling is usually a typo.",
        source: "预算单位名录",
        bad_example: "申请单位:\t深圳市福田区活力城市建设事务中心（其他表为“活力城区”）",
        good_example: "申请单位:\t深圳市福田区活力城区建设事务中心",
    },
};

pub static X002: RuleInfo = RuleInfo {
    code: "X002",
    name: "duplicate-code",
    severity: Severity::Error,
    category: Category::CrossForm,
    title_zh: "项目编码重复",
    title_en: "Duplicate project code",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "两张申报表使用了同一个项目编码。",
        catches_en: "Two forms with the same 项目编码.",
        why_zh: "项目编码唯一标识一个预算项目；重复说明有一张表的编码填错，或同一项目重复申报。",
        why_en: "A code identifies one budget project; a duplicate means a wrong code or a project declared twice.",
        source: "预算系统项目库编码规则",
        bad_example: "表1 项目编码:\t440304221461500000004\n表2 项目编码:\t440304221461500000004",
        good_example: "表2 项目编码:\t440304221461500000005",
    },
};

/// A unit name for comparison: width and spaces folded, a trailing （本级） dropped.
fn unit_key(name: &str) -> String {
    let k = crate::text::label_key(name);
    k.strip_suffix("(本级)").unwrap_or(&k).to_string()
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

pub fn check(_text: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    // X001: names of units across forms; spellings one or two characters apart are one unit.
    struct Occ {
        key: String,
        text: String,
        span: Span,
    }
    let mut occs: Vec<Occ> = Vec::new();
    for f in &doc.forms {
        for k in [
            FieldKey::Applicant,
            FieldKey::BudgetUnit,
            FieldKey::Authority,
        ] {
            if let Some(field) = f.field(k).filter(|x| !x.value.text.is_empty()) {
                occs.push(Occ {
                    key: unit_key(&field.value.text),
                    text: field.value.text.clone(),
                    span: field.value.span,
                });
            }
        }
        if let Some(field) = f
            .field(FieldKey::Name)
            .filter(|_| f.kind == crate::model::FormKind::Department)
        {
            occs.push(Occ {
                key: unit_key(&field.value.text),
                text: field.value.text.clone(),
                span: field.value.span,
            });
        }
    }
    let mut keys: Vec<(String, usize)> = Vec::new();
    for o in &occs {
        match keys.iter_mut().find(|(k, _)| *k == o.key) {
            Some((_, n)) => *n += 1,
            None => keys.push((o.key.clone(), 1)),
        }
    }
    for (key, count) in &keys {
        let kc: Vec<char> = key.chars().collect();
        if kc.len() < 6 {
            continue;
        }
        // The spelling most used among the near-identical ones.
        let best = keys
            .iter()
            .filter(|(k2, _)| k2 != key)
            .filter(|(k2, n2)| {
                let c2: Vec<char> = k2.chars().collect();
                c2.len() == kc.len() && edit_distance(&kc, &c2) <= 2 && *n2 > *count
            })
            .max_by_key(|(_, n)| *n);
        if let Some((major, n)) = best {
            let major_occ = occs.iter().find(|o| o.key == *major).unwrap();
            for o in occs.iter().filter(|o| o.key == *key) {
                let mut d = Diagnostic::new(
                    &X001,
                    o.span,
                    Message::new(
                        format!(
                            "单位名称「{}」与其他 {n} 处的「{}」写法不一致",
                            o.text, major_occ.text
                        ),
                        format!(
                            "Unit name \"{}\" differs from \"{}\" used {n} times elsewhere",
                            o.text, major_occ.text
                        ),
                    ),
                )
                .with_related(
                    major_occ.span,
                    Message::new("多数表中的写法", "spelling of most forms"),
                );
                d.fix = Some(Fix {
                    applicability: Applicability::Suggest,
                    title: Message::new("改为多数表中的写法", "Use the majority spelling"),
                    span: o.span,
                    replacement: major_occ.text.clone(),
                });
                out.push(d);
            }
        }
    }

    // X002
    let codes: Vec<(usize, &str, Span)> = doc
        .forms
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.field(FieldKey::Code)
                .filter(|x| !x.value.text.is_empty())
                .map(|x| (i, x.value.text.as_str(), x.value.span))
        })
        .collect();
    for (n, (i, code, span)) in codes.iter().enumerate() {
        if let Some((j, _, first)) = codes[..n].iter().find(|(_, c, _)| c == code) {
            out.push(
                Diagnostic::new(
                    &X002,
                    *span,
                    Message::new(
                        format!(
                            "项目编码「{code}」与第 {} 张表重复（本表为第 {} 张）",
                            j + 1,
                            i + 1
                        ),
                        format!(
                            "Project code {code} is also the code of form {} (this is form {})",
                            j + 1,
                            i + 1
                        ),
                    ),
                )
                .with_related(
                    *first,
                    Message::new("同一编码第一次出现", "first use of the code"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, CLEAN};

    fn second(code: &str, unit: &str) -> String {
        CLEAN
            .replace("440304231460100205000", code)
            .replace("社区文化活动", "社区体育活动")
            .replace("深圳市福田区文化事务中心", unit)
    }

    #[test]
    fn x001() {
        let text = format!(
            "{CLEAN}\n{}\n{}",
            second("440304231460100205001", "深圳市福田区文化事务中心"),
            second("440304231460100205002", "深圳市福田区文体事务中心")
        );
        let f = found(&text, "X001");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].1.contains("「深圳市福田区文体事务中心」"));
        // Width and （本级） differences are not two spellings.
        let text = format!(
            "{CLEAN}\n{}",
            second("440304231460100205001", "深圳市福田区文化事务中心（本级）")
        );
        assert!(found(&text, "X001").is_empty());
    }

    #[test]
    fn x002() {
        let text = format!(
            "{CLEAN}\n{}",
            second("440304231460100205000", "深圳市福田区文化事务中心")
        );
        assert_eq!(found(&text, "X002").len(), 1);
        let text = format!(
            "{CLEAN}\n{}",
            second("440304231460100205001", "深圳市福田区文化事务中心")
        );
        assert!(found(&text, "X002").is_empty());
    }
}
