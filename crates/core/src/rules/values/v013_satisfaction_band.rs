//! V013 satisfaction-band: a satisfaction target of ＝100% (hardly ever reached) or below 60%.

use super::rows;
use crate::model::Level2;
use crate::value::{Op, ValueKind};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V013",
        name: "satisfaction-band",
        severity: Severity::Info,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "满意度目标值异常",
        title_en: "Unusual satisfaction target",
        doc: RuleDoc {
            catches_zh: "满意度目标定为＝100%，或低于 60%。",
            catches_en: "A satisfaction target of ＝100% or below 60%.",
            why_zh: "满意度调查几乎不可能达到 100%；低于 60% 的目标又过低，均不利于合理评价。",
            why_en: "A 100% satisfaction is hardly ever reached; below 60% is too low to mean anything.",
            source: "满意度调查实践；财预〔2021〕101号",
            bad_example: "满意度\t*服务对象满意度\t区党工委满意度\t100%",
            good_example: "满意度\t*服务对象满意度\t区党工委满意度\t≥90%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let ind = r.ind;
        let satisfaction = ind.name.text.contains("满意")
            || matches!(
                ind.level2,
                Some(Level2::ServiceSatisfaction | Level2::OtherSatisfaction)
            );
        let (true, ValueKind::Percent, Some(p)) = (satisfaction, &r.v.kind, r.v.number) else {
            continue;
        };
        let full = p == 100.0 && matches!(r.v.op, None | Some(Op::Eq | Op::Ge));
        if !(full || p < 60.0) {
            continue;
        }
        let (name, value) = (r.name(), r.value());
        let (zh, en) = if full {
            (
                format!("满意度指标「{name}」的目标为100%，几乎无法达到"),
                format!("Satisfaction \"{name}\" targets 100%, which is hardly ever reached"),
            )
        } else {
            (
                format!("满意度指标「{name}」的目标“{value}”低于60%"),
                format!("Satisfaction \"{name}\" targets \"{value}\", below 60%"),
            )
        };
        out.push(r.finding(&INFO, Message::new(zh, en)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const SATISFIED: &str = "居民满意度\t≥90%";

    #[test]
    fn fires_on_a_hundred_and_on_half() {
        assert_eq!(found(&with(SATISFIED, "居民满意度\t100%"), "V013").len(), 1);
        assert_eq!(found(&with(SATISFIED, "居民满意度\t≥50%"), "V013").len(), 1);
    }

    #[test]
    fn quiet_on_ninety_five() {
        assert!(found(&with(SATISFIED, "居民满意度\t≥95%"), "V013").is_empty());
    }
}
