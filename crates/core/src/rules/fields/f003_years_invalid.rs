//! F003 years-invalid: 实施期限 not a whole number of years from 1 to 10.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use super::project_field;
use crate::model::{FieldKey, TemplateId};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F003",
        name: "years-invalid",
        severity: Severity::Error,
        category: Category::Fields,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "实施期限无效",
        title_en: "Invalid implementation period",
        doc: RuleDoc {
            catches_zh: "实施期限不是 1 到 10 之间的整数年（或是无法识别的区间）。只查深圳模板（填年数）；其他模板写起止时间，由 F007 检查。",
            catches_en: "实施期限 is not a whole number of years from 1 to 10 (or an unreadable range). Shenzhen's template only (a number of years); other templates write a period, which F007 checks.",
            why_zh: "实施期限决定中期规划金额和是否需要填写长期目标，必须是明确的整数年。",
            why_en: "The period decides the medium-term amount and whether a long-term goal is needed; it must be a whole number of years.",
            source: "绩效目标申报表填报说明",
            bad_example: "实施期限:\t2023-2025",
            good_example: "实施期限:\t3",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // A number of years is what Shenzhen's template asks; other templates write a period
    // (全年, 2025年1月-12月), which F007 reads.
    if ctx.form.template != TemplateId::Shenzhen {
        return;
    }
    let Some(f) = project_field(ctx, FieldKey::Years) else {
        return;
    };
    if !ctx.form.years().is_some_and(|y| (1..=10).contains(&y)) {
        out.push(Diagnostic::new(
            &INFO,
            f.value.span,
            Message::new(
                format!("实施期限「{}」不是 1 到 10 之间的整数年", f.value.text),
                format!(
                    "Implementation period \"{}\" is not a whole number of years from 1 to 10",
                    f.value.text
                ),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_a_range_or_too_many_years() {
        assert_eq!(
            found(&with("实施期限:\t1", "实施期限:\t2023-2025"), "F003").len(),
            1
        );
        assert_eq!(
            found(&with("实施期限:\t1", "实施期限:\t12"), "F003").len(),
            1
        );
    }

    #[test]
    fn quiet_on_years_with_their_unit() {
        assert!(found(&with("实施期限:\t1", "实施期限:\t1年"), "F003").is_empty());
    }
}
