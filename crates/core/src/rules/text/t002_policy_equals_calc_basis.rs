//! T002 policy-equals-calc-basis: a 测算依据 that is the 政策依据 again (at least 90 % similar).

use crate::model::FieldKey;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T002",
        name: "policy-equals-calc-basis",
        severity: Severity::Error,
        category: Category::Text,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "政策依据与测算依据相同",
        title_en: "Policy basis equals calculation basis",
        doc: RuleDoc {
            catches_zh: "政策依据与测算依据内容相同。",
            catches_en: "政策依据 the same as 测算依据.",
            why_zh: "政策依据说明为什么做，测算依据说明花多少钱、怎么算；两者相同说明至少有一项没有认真填写。",
            why_en: "The policy basis says why, the calculation basis says how much and how; identical texts mean one of them was not filled in.",
            source: "预算编制测算要求",
            bad_example: "政策依据:\t根据《…管理办法》，开展党建活动\n测算依据:\t根据《…管理办法》，开展党建活动",
            good_example: "测算依据:\t党建活动12次×0.5万元=6万元，学习资料4万元，合计10万元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    let (Some(p), Some(c)) = (
        form.field(FieldKey::PolicyBasis),
        form.field(FieldKey::CalcBasis),
    ) else {
        return;
    };
    // Computed once in the facts: A010 asks the same.
    if ctx.facts.calc_repeats_policy {
        out.push(
            Diagnostic::new(
                &INFO,
                c.value.span,
                Message::new(
                    "测算依据与政策依据内容相同",
                    "The calculation basis repeats the policy basis",
                ),
            )
            .with_related(p.value.span, Message::new("政策依据", "policy basis")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const CALC: &str = "演出费15万元、宣传费5万元，合计20万元。";

    #[test]
    fn fires_on_the_policy_basis_again() {
        let text = with(CALC, "《福田区公共文化服务发展规划》(福府〔2021〕12号)");
        assert_eq!(found(&text, "T002").len(), 1);
    }

    #[test]
    fn quiet_on_a_basis_that_cites_the_policy_and_computes() {
        let text = with(
            CALC,
            "按《福田区公共文化服务发展规划》(福府〔2021〕12号)，演出费15万元、宣传费5万元，合计20万元。",
        );
        assert!(found(&text, "T002").is_empty());
    }
}
