//! V006 value-type-mismatch: a count given as % (a 数量 indicator `100%`), a % on a count of
//! incidents (`≤10%` for 事故发生数), a count unit on a rate.

use super::rows;
use crate::model::Level2;
use crate::value::{Expected, ValueKind};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V006",
        name: "value-type-mismatch",
        severity: Severity::Error,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "指标值类型与指标不符",
        title_en: "Value of the wrong kind",
        doc: RuleDoc {
            catches_zh: "数量指标填了百分比（数量指标“100%”）、事件数指标填了百分比（“事故发生数 ≤10%”），或比率指标填了计数单位。",
            catches_en: "A count given as % (数量 indicator `100%`), a % on a count of incidents (`≤10%` for 事故发生数), a count unit on a rate.",
            why_zh: "数量指标要回答“做了多少”，用完成率代替会使产出无法衡量；计数与比率混用使目标没有意义。",
            why_en: "A quantity indicator answers \"how much\"; a completion rate in its place measures nothing; mixing counts and rates makes the target meaningless.",
            source: "财预〔2021〕101号（产出数量指标）",
            bad_example: "产出\t*数量\t基层党建工作完成率\t100%",
            good_example: "产出\t*数量\t开展党建活动次数\t≥12次",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Units of counted things.
const COUNT_UNITS: &[&str] = &[
    "个", "次", "人", "项", "件", "场", "套", "份", "台", "本", "册", "辆", "户", "家", "篇", "期",
    "批", "场次", "人次",
];

/// Names that count incidents.
const INCIDENTS: [&str; 7] = [
    "发生数",
    "发生次数",
    "事故数",
    "事件数",
    "投诉数",
    "差错数",
    "事件发生",
];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let (name, value, v) = (r.name(), r.value(), r.v);
        let incidents = INCIDENTS.iter().any(|w| name.contains(w));
        let (zh, en) = if v.kind == ValueKind::Percent && r.ind.level2 == Some(Level2::Quantity) {
            (
                format!("数量指标「{name}」的目标值是百分比“{value}”，数量指标应填写具体数量"),
                format!("Quantity indicator \"{name}\" has a percentage \"{value}\"; give a count"),
            )
        } else if v.kind == ValueKind::Percent && incidents {
            (
                format!("「{name}」是事件的次数，目标值却是百分比“{value}”"),
                format!("\"{name}\" counts incidents but its value is a percentage \"{value}\""),
            )
        } else if r.expected == Expected::Rate
            && v.kind == ValueKind::Number
            && v.unit.as_deref().is_some_and(|u| COUNT_UNITS.contains(&u))
        {
            (
                format!("比率指标「{name}」的目标值“{value}”使用了计数单位"),
                format!("Rate \"{name}\" has a count unit in \"{value}\""),
            )
        } else {
            continue;
        };
        out.push(r.finding(&INFO, Message::new(zh, en)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{RATE, SHOWS};
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_each_kind_of_mismatch() {
        assert_eq!(
            found(&with(SHOWS, "举办演出完成率\t100%"), "V006").len(),
            1,
            "a quantity as a rate"
        );
        let incidents = with("覆盖居民人次\t≥5000人次", "安全事故发生数\t≤10%");
        assert_eq!(found(&incidents, "V006").len(), 1);
        assert_eq!(found(&with(RATE, "演出验收合格率\t≥95场"), "V006").len(), 1);
    }

    #[test]
    fn quiet_on_incidents_counted() {
        let incidents = with("覆盖居民人次\t≥5000人次", "安全事故发生数\t≤1次");
        assert!(found(&incidents, "V006").is_empty());
    }
}
