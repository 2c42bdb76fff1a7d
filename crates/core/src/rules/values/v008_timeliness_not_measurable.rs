//! V008 timeliness-not-measurable: a *时效 value such as 及时/按时 instead of a date, a duration
//! or a rate.

use super::rows;
use crate::model::Level2;
use crate::value::ValueKind;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V008",
        name: "timeliness-not-measurable",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "时效指标不可衡量",
        title_en: "Timeliness not measurable",
        doc: RuleDoc {
            catches_zh: "时效指标的目标值是“及时”“按时”之类的描述，而不是日期、时限或比率。",
            catches_en: "A *时效 value such as 及时/按时 instead of a date, duration or rate.",
            why_zh: "“及时”没有标准，无法判断是否达成；应写明完成时间（如2024年12月31日前）或时限（≤7个工作日）。",
            why_en: "\"Timely\" has no standard; state a deadline (2024年12月31日前) or a time limit (≤7个工作日).",
            source: "财预〔2021〕101号（时效指标）",
            bad_example: "产出\t*时效\t工作完成及时性\t及时",
            good_example: "产出\t*时效\t工作完成时间\t2024年12月31日前",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Timeliness in words.
const TIMELY_WORDS: &[&str] = &[
    "及时",
    "按时",
    "准时",
    "按期",
    "及时完成",
    "按时完成",
    "按期完成",
    "是",
    "及时性",
];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        if r.ind.level2 == Some(Level2::Timeliness)
            && r.v.kind == ValueKind::Text
            && TIMELY_WORDS.contains(&r.plain())
        {
            let (name, value) = (r.name(), r.value());
            out.push(r.finding(&INFO, Message::new(
                    format!("时效指标「{name}」的目标值“{value}”无法衡量，应写明完成时间或时限"),
                    format!("Timeliness indicator \"{name}\": \"{value}\" cannot be measured; give a deadline or time limit"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const DEADLINE: &str = "演出完成时间\t2023年12月31日前";

    #[test]
    fn fires_on_in_time() {
        assert_eq!(found(&with(DEADLINE, "演出完成及时性\t及时"), "V008").len(), 1);
    }

    #[test]
    fn quiet_on_a_rate_of_timeliness() {
        assert!(found(&with(DEADLINE, "演出按时完成率\t≥95%"), "V008").is_empty());
    }
}
