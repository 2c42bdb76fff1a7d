//! A010 calc-basis-missing: a 测算依据 with no amount at all, or that repeats the 政策依据.

use crate::model::{FieldKey, FormKind};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A010",
        name: "calc-basis-missing",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "测算依据缺少金额",
        title_en: "Calculation basis without amounts",
        doc: RuleDoc {
            catches_zh: "测算依据中没有任何金额，或只是重复了政策依据。",
            catches_en: "测算依据 has no amount at all, or repeats 政策依据.",
            why_zh: "测算依据要说明预算金额是怎样算出来的（数量 × 单价、合同金额、支付比例等）；没有金额的测算依据无法支撑预算。",
            why_en: "The calculation basis must show how the amount was computed (quantity × price, contract sums, payment shares); without amounts it supports nothing.",
            source: "预算编制测算要求",
            bad_example: "测算依据:\t根据关于调整《福田区行政事业单位常用办公设备配置标准》的通知",
            good_example: "测算依据:\t按配置标准采购台式电脑10台×0.48万元=4.8万元……合计9.88万元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (form, facts) = (ctx.form, ctx.facts);
    if form.kind != FormKind::Project {
        return;
    }
    let calc_field = form
        .field(FieldKey::CalcBasis)
        .filter(|f| !f.value.text.is_empty());
    let (Some(cf), Some(calc)) = (calc_field, &facts.calc) else {
        return;
    };
    if calc.amounts.is_empty() || facts.calc_repeats_policy {
        let (zh, en) = if calc.amounts.is_empty() {
            (
                "测算依据中没有任何金额，无法说明预算是怎样算出来的",
                "The calculation basis holds no amount and does not show how the budget was computed",
            )
        } else {
            (
                "测算依据只是重复了政策依据，没有说明预算是怎样算出来的",
                "The calculation basis only repeats the policy basis",
            )
        };
        out.push(Diagnostic::new(&INFO, cf.value.span, Message::new(zh, en)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const CALC: &str = "演出费15万元、宣传费5万元，合计20万元。";

    #[test]
    fn fires_without_amounts_and_on_the_policy_again() {
        assert_eq!(found(&with(CALC, "按照市场价格测算。"), "A010").len(), 1);
        let copy = with(CALC, "《福田区公共文化服务发展规划》(福府〔2021〕12号)");
        assert_eq!(found(&copy, "A010").len(), 1);
    }

    #[test]
    fn quiet_on_one_amount() {
        assert!(found(&with(CALC, "按照市场价格测算，共需20万元。"), "A010").is_empty());
    }
}
