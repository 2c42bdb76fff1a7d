//! V012 value-mixed-text: words other than an operator, a number and a unit in a quantitative
//! value (`好评率100%`), with the target alone suggested.

use super::rows;
use crate::value::Op;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V012",
        name: "value-mixed-text",
        severity: Severity::Error,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::Suggest,
        title_zh: "指标值夹杂文字",
        title_en: "Words mixed into the value",
        doc: RuleDoc {
            catches_zh: "量化指标值中除比较符号、数字和单位外还夹杂了其他文字（如“好评率100%”）。",
            catches_en: "Words other than an operator, number and unit in a quantitative value (`好评率100%`).",
            why_zh: "指标值只应是目标本身；名称放进了指标值，说明指标名称与指标值填错了位置，系统也无法识别。",
            why_en: "The value should be the target alone; a name inside it means name and value were mixed up.",
            source: "预算系统填报要求",
            bad_example: "效益\t*社会效益\t宣传推广的影响力\t好评率100%",
            good_example: "效益\t*社会效益\t宣传推广好评率\t≥95%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        if !(r.v.kind.is_quantitative() && r.prefix_is_words()) {
            continue;
        }
        let (name, value, v) = (r.name(), r.value(), r.v);
        let rest = match v.number_range {
            Some((a, _)) => format!("{}{}", v.op.map_or("", Op::symbol), &value[a..]),
            None => value.to_string(),
        };
        let span = r.ind.value.span;
        out.push(
            r.finding(&INFO, Message::new(
                    format!(
                        "指标「{name}」的目标值“{value}”夹杂了文字“{}”，指标值应只写目标（如“{rest}”）",
                        v.prefix
                    ),
                    format!(
                        "Indicator \"{name}\": the value \"{value}\" mixes in the words \"{}\"",
                        v.prefix
                    ),
                ),
            )
            .with_fix(Message::new("只保留目标值", "Keep the target only"), span, rest),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{RATE, SHOWS};
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_words_before_the_number() {
        let f = found(&with(RATE, "演出验收合格率\t好评率100%"), "V012");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("“100%”"));
    }

    #[test]
    fn quiet_on_how_often() {
        assert!(found(&with(SHOWS, "举办演出场次\t每季度3场"), "V012").is_empty());
    }
}
