//! A004 total-amount-implausible: a 总金额 more than twice 实施期限 × 本年度金额.

use super::{both, show};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A004",
        name: "total-amount-implausible",
        severity: Severity::Warning,
        category: Category::Amounts,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "总金额与期限不相称",
        title_en: "Total amount implausible for the period",
        doc: RuleDoc {
            catches_zh: "项目总金额超过“实施期限 × 本年度项目金额”的两倍。",
            catches_en: "The total is more than twice the period times the year amount.",
            why_zh: "中期规划总金额一般与各年度金额之和相当；远大于期限内各年之和，常见于单位填错或把其他项目的资金计入。",
            why_en: "The medium-term total is usually close to the sum of the yearly amounts; far more than that points to a slip or to other projects' money.",
            source: "绩效目标申报表填报说明",
            bad_example: "实施期限:\t5\n项目总金额(元):\t25,535,206.00\t本年度项目金额(元):\t2,023,452.00",
            good_example: "实施期限:\t5\n项目总金额(元):\t10,117,260.00\t本年度项目金额(元):\t2,023,452.00",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(a) = both(ctx) else {
        return;
    };
    let (y, t, unit) = (a.year, a.total, a.unit);
    let Some(years) = ctx.form.years() else {
        return;
    };
    if years > 1 && t > 2.0 * years as f64 * y && y > 0.0 {
        out.push(
            Diagnostic::new(
                &INFO,
                a.total_field.value.span,
                Message::new(
                    format!(
                        "项目总金额{}超过实施期限{}年×本年度项目金额{}的两倍（{}）",
                        show(t, unit),
                        years,
                        show(y, unit),
                        show(2.0 * years as f64 * y, unit)
                    ),
                    format!(
                        "The total {} is more than twice {} years × this year's {}",
                        show(t, unit),
                        years,
                        show(y, unit)
                    ),
                ),
            )
            .with_related(
                a.year_field.value.span,
                Message::new("本年度项目金额", "amount this year"),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_a_total_of_five_years_for_two() {
        let text = with("实施期限:\t1", "实施期限:\t2")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t100.00");
        assert_eq!(found(&text, "A004").len(), 1);
    }

    #[test]
    fn quiet_on_a_total_of_two_years() {
        let text = with("实施期限:\t1", "实施期限:\t2")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t40.00");
        assert!(found(&text, "A004").is_empty());
    }
}
