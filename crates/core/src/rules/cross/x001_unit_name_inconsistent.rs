//! X001 unit-name-inconsistent: the same unit written two ways across the forms of a paste
//! (`活力城区建设事务中心` vs `活力城市建设事务中心`).

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{FieldKey, FormKind};
use crate::rules::facts::PasteCtx;
use crate::rules::{Check, Placed, Rule};
use crate::span::Span;
use crate::text::{label_key, similarity::distance_within};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "X001",
        name: "unit-name-inconsistent",
        severity: Severity::Error,
        category: Category::CrossForm,
        dimension: Dimension::Completeness,
        fix: FixKind::Suggest,
        title_zh: "单位名称写法不一致",
        title_en: "Unit name written two ways",
        doc: RuleDoc {
            catches_zh: "同一次粘贴中，同一个单位的名称有两种写法（如“活力城区建设事务中心”与“活力城市建设事务中心”）。",
            catches_en: "The same unit written two ways in one paste (`活力城区建设事务中心` vs `活力城市建设事务中心`).",
            why_zh: "单位名称用于归集和统计预算；写法不一致会使同一单位的项目被分到两个单位名下，其中一种写法通常是错字。",
            why_en: "Unit names group and total the budget; two spellings split one unit's projects, and one spelling is usually a typo.",
            source: "预算单位名录",
            bad_example: "二级项目支出绩效目标申报表\n申请单位:\t深圳市福田区活力城区建设事务中心\t一级预算单位:\t深圳市福田区活力城区建设事务中心\n…\n二级项目支出绩效目标申报表\n申请单位:\t深圳市福田区活力城市建设事务中心\t一级预算单位:\t深圳市福田区活力城区建设事务中心\n…",
            good_example: "申请单位:\t深圳市福田区活力城区建设事务中心",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Paste(check),
};

/// A unit name for comparison: width and spaces folded, a trailing （本级） dropped.
fn unit_key(name: &str) -> String {
    let k = label_key(name);
    k.strip_suffix("(本级)").unwrap_or(&k).to_string()
}

/// One place a unit is named.
struct Occ {
    key: String,
    text: String,
    span: Span,
}

/// Names of units across forms; spellings one or two characters apart are one unit, and the
/// spelling most used is right.
fn check(ctx: &PasteCtx, out: &mut Vec<Placed>) {
    let mut occs: Vec<Occ> = Vec::new();
    for f in &ctx.doc.forms {
        let department_name = f
            .field(FieldKey::Name)
            .filter(|_| f.kind == FormKind::Department);
        let fields = [
            FieldKey::Applicant,
            FieldKey::BudgetUnit,
            FieldKey::Authority,
        ]
        .into_iter()
        .filter_map(|k| f.field(k).filter(|x| !x.value.text.is_empty()))
        .chain(department_name);
        for field in fields {
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
                c2.len() == kc.len() && distance_within(&kc, &c2, 2).is_some() && *n2 > *count
            })
            .max_by_key(|(_, n)| *n);
        let Some((major, n)) = best else { continue };
        let major_occ = occs.iter().find(|o| o.key == *major).unwrap();
        for o in occs.iter().filter(|o| o.key == *key) {
            let d = Diagnostic::new(
                &INFO,
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
            )
            .with_fix(
                Message::new("改为多数表中的写法", "Use the majority spelling"),
                o.span,
                major_occ.text.clone(),
            );
            out.push((None, d));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::second;
    use crate::rules::testing::{found, CLEAN};

    #[test]
    fn fires_on_a_spelling_of_the_minority() {
        let text = format!(
            "{CLEAN}\n{}\n{}",
            second("440304231460100205001", "深圳市福田区文化事务中心"),
            second("440304231460100205002", "深圳市福田区文体事务中心")
        );
        let f = found(&text, "X001");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].1.contains("「深圳市福田区文体事务中心」"));
    }

    #[test]
    fn quiet_on_width_and_ben_ji() {
        // Width and （本级） differences are not two spellings.
        let text = format!(
            "{CLEAN}\n{}",
            second("440304231460100205001", "深圳市福田区文化事务中心（本级）")
        );
        assert!(found(&text, "X001").is_empty());
    }
}
