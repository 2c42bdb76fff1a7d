//! V001 value-empty-or-placeholder: an empty value, `*`, `**`, `XX`, `……`, `待定`, `(≥**%)`.
//! The other V rules leave such a value alone.

use super::all_rows;
use crate::value::ValueKind;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V001",
        name: "value-empty-or-placeholder",
        severity: Severity::Error,
        category: Category::Values,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "指标值为空或占位",
        title_en: "Empty or placeholder value",
        doc: RuleDoc {
            catches_zh: "指标值为空，或是“*”“**”“XX”“……”“待定”“(≥**%)”之类的占位文字。",
            catches_en: "An empty value, or a placeholder: `*`, `**`, `XX`, `……`, `待定`, `(≥**%)`.",
            why_zh: "没有目标值的指标无法考核；预算系统也会拒收空值和占位符。",
            why_en: "An indicator without a target cannot be assessed; budget systems reject empty values and placeholders.",
            source: "预算系统填报要求；财预〔2015〕88号",
            bad_example: "产出\t*数量\t培训场次\t**\t…",
            good_example: "产出\t*数量\t培训场次\t≥5场\t…",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in all_rows(ctx).filter(|r| r.is_placeholder()) {
        let (name, value) = (r.name(), r.value());
        let (zh, en) = if r.v.kind == ValueKind::Empty {
            (
                format!("指标「{name}」没有填写指标值"),
                format!("Indicator \"{name}\" has no value"),
            )
        } else {
            (
                format!("指标「{name}」的指标值「{value}」是占位文字"),
                format!("Indicator \"{name}\" has a placeholder value \"{value}\""),
            )
        };
        out.push(r.finding(&INFO, Message::new(zh, en)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::SHOWS;
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_stars_template_marks_and_nothing() {
        assert_eq!(found(&with(SHOWS, "举办演出场次\t**"), "V001").len(), 1);
        assert_eq!(found(&with(SHOWS, "举办演出场次\t(≥**%)"), "V001").len(), 1);
        assert_eq!(found(&with(SHOWS, "举办演出场次\t"), "V001").len(), 1);
    }

    #[test]
    fn quiet_on_a_target_of_zero() {
        let zero = with("覆盖居民人次\t≥5000人次", "安全事故发生次数\t0次");
        assert!(found(&zero, "V001").is_empty());
    }
}
