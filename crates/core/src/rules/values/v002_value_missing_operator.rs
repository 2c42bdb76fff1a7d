//! V002 value-missing-operator: a quantitative value with no ≥ ≤ ＝ ＞ ＜.

use super::rows;
use crate::value::Expected;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V002",
        name: "value-missing-operator",
        severity: Severity::Info,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "量化指标缺少比较符号",
        title_en: "Quantitative value without operator",
        doc: RuleDoc {
            catches_zh: "量化指标值没有写明“≥ ≤ ＝ ＞ ＜”等比较符号。",
            catches_en: "A quantitative value with no ≥ ≤ ＝ ＞ ＜.",
            why_zh: "指标性质（≥、≤、＝）决定考核时怎样判断达标；只写数字，评价时会产生歧义。",
            why_en: "The operator decides how the target is judged; a bare number is ambiguous at evaluation.",
            source: "财预〔2021〕101号（指标性质）",
            bad_example: "产出\t*质量\t验收合格率\t100%",
            good_example: "产出\t*质量\t验收合格率\t＝100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        if r.v.kind.is_quantitative()
            && r.v.op.is_none()
            && !(r.expected == Expected::Rate && r.bare_one())
            && r.v.approx.is_none()
            && !r.prefix_is_words()
        {
            let (name, value) = (r.name(), r.value());
            out.push(r.finding(&INFO, Message::new(
                    format!("量化指标「{name}」的目标值“{value}”没有写明比较符号（≥、≤、＝）"),
                    format!("Indicator \"{name}\": the value \"{value}\" has no operator (≥, ≤, ＝)"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::RATE;
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_a_bare_percentage() {
        assert_eq!(found(&with(RATE, "演出验收合格率\t95%"), "V002").len(), 1);
    }

    #[test]
    fn quiet_on_an_operator_written_as_a_word() {
        assert!(found(&with(RATE, "演出验收合格率\t95%以上"), "V002").is_empty());
    }
}
