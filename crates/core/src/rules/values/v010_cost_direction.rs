//! V010 cost-direction: a cost indicator with ≥ or ＞ (a cost needs an upper bound); quiet where
//! I006 finds the indicator measures spending progress.

use super::rows;
use crate::model::{Level1, Level2};
use crate::rules::indicators::measures_progress;
use crate::value::Op;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V010",
        name: "cost-direction",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "成本指标方向错误",
        title_en: "Cost indicator in the wrong direction",
        doc: RuleDoc {
            catches_zh: "成本指标使用“≥”或“＞”（成本应当有上限）。",
            catches_en: "A cost indicator with ≥ or ＞.",
            why_zh: "成本指标控制支出，应设上限（≤）；“≥”表示花得越多越好，与成本控制的目的相反。",
            why_en: "A cost indicator caps spending (≤); ≥ rewards spending more.",
            source: "财预〔2021〕101号（成本指标）",
            bad_example: "产出\t*成本\t成本控制率\t≥90%",
            good_example: "产出\t*成本\t人均培训成本\t≤800元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let ind = r.ind;
        let is_cost = ind.level2 == Some(Level2::Cost) || ind.level1 == Some(Level1::Cost);
        if is_cost && matches!(r.v.op, Some(Op::Ge | Op::Gt)) && !measures_progress(ind) {
            let (name, value) = (r.name(), r.value());
            out.push(r.finding(&INFO, Message::new(
                    format!("成本指标「{name}」的目标值“{value}”使用了“≥/＞”，成本指标应设上限（≤）"),
                    format!("Cost indicator \"{name}\" uses ≥/＞ in \"{value}\"; a cost needs an upper bound (≤)"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const COST: &str = "演出场均成本\t≤1.5万元";

    #[test]
    fn fires_on_a_lower_bound_for_a_cost() {
        assert_eq!(found(&with(COST, "成本控制率\t≥90%"), "V010").len(), 1);
    }

    #[test]
    fn quiet_on_an_upper_bound() {
        assert!(found(&with(COST, "成本控制率\t≤90%"), "V010").is_empty());
    }
}
