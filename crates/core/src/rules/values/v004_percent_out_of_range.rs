//! V004 percent-out-of-range: a percentage above 100, or `≥100%`/`＞100%` on a rate.

use super::rows;
use crate::value::{Op, ValueKind};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V004",
        name: "percent-out-of-range",
        severity: Severity::Error,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::Suggest,
        title_zh: "百分比超出范围",
        title_en: "Percentage out of range",
        doc: RuleDoc {
            catches_zh: "百分比大于 100%，或对比率写“≥100%”“＞100%”。",
            catches_en: "A percentage above 100, or `≥100%`/`＞100%` on a rate.",
            why_zh: "比率最多为 100%；“≥100%”实际只能是“＝100%”，“＞100%”不可能达到。",
            why_en: "A rate is at most 100%: `≥100%` can only mean `＝100%`, and `＞100%` cannot be reached.",
            source: "财预〔2021〕101号",
            bad_example: "产出\t*质量\t验收合格率\t≥100%",
            good_example: "产出\t*质量\t验收合格率\t＝100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let (ValueKind::Percent, Some(p)) = (&r.v.kind, r.v.number) else {
            continue;
        };
        if p > 100.0 || (p == 100.0 && matches!(r.v.op, Some(Op::Ge | Op::Gt))) {
            let (name, value) = (r.name(), r.value());
            let span = r.ind.value.span;
            let d = r.finding(&INFO, Message::new(
                    format!("指标「{name}」的目标值“{value}”超出比率的范围（最多为 100%）"),
                    format!("Indicator \"{name}\": \"{value}\" is beyond what a rate can be (100% at most)"),
                ),
            );
            out.push(if p == 100.0 {
                d.with_fix(Message::new("改为“＝100%”", "Change to ＝100%"), span, "＝100%")
            } else {
                d
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::RATE;
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_above_a_hundred() {
        assert_eq!(found(&with(RATE, "演出验收合格率\t≥100%"), "V004").len(), 1);
        assert_eq!(found(&with(RATE, "演出验收合格率\t120%"), "V004").len(), 1);
    }

    #[test]
    fn quiet_on_at_most_a_hundred() {
        assert!(found(&with(RATE, "演出验收合格率\t≤100%"), "V004").is_empty());
    }
}
