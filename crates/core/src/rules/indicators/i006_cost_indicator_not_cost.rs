//! I006 cost-indicator-not-cost: a *成本 indicator that measures spending progress (支出进度达标率,
//! 预算执行率) instead of cost.

use super::measures_progress;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I006",
        name: "cost-indicator-not-cost",
        severity: Severity::Warning,
        category: Category::Indicators,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "成本指标未衡量成本",
        title_en: "Cost indicator does not measure cost",
        doc: RuleDoc {
            catches_zh: "*成本指标下填的是支出进度、预算执行率之类的进度指标，而不是成本。",
            catches_en: "A *成本 indicator that measures spending progress (支出进度达标率, 预算执行率) instead of cost.",
            why_zh: "成本指标应反映项目的经济成本（如单位成本、总成本控制），支出进度是预算执行管理的内容，不能代替成本指标。",
            why_en: "Cost indicators measure economic cost (unit cost, total cost control); spending progress belongs to budget execution and does not replace them.",
            source: "财预〔2021〕101号（成本指标）",
            bad_example: "产出\t*成本\t支出进度达标率\t≥90%",
            good_example: "产出\t*成本\t人均培训成本\t≤800元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for i in ctx.form.applicable_indicators() {
        if measures_progress(i) {
            out.push(Diagnostic::new(
                &INFO,
                i.name.span,
                Message::new(
                    format!("成本指标「{}」衡量的是支出进度，不是成本；应设置如单位成本、总成本控制等指标", i.name.text),
                    format!("Cost indicator \"{}\" measures spending progress, not cost", i.name.text),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_spending_progress_as_a_cost() {
        let text = with("演出场均成本\t≤1.5万元", "支出进度达标率\t≥90%");
        assert_eq!(found(&text, "I006").len(), 1);
        assert!(
            found(&text, "V010").is_empty(),
            "one finding for one problem"
        );
    }

    #[test]
    fn quiet_on_spending_progress_under_another_category() {
        let text = with("演出验收合格率\t≥95%", "支出进度达标率\t≥95%");
        assert!(found(&text, "I006").is_empty());
    }
}
