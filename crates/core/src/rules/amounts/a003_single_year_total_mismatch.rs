//! A003 single-year-total-mismatch: a one-year project whose 总金额 differs from 本年度金额.

use super::{both, show};
use crate::calc::close;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A003",
        name: "single-year-total-mismatch",
        severity: Severity::Warning,
        category: Category::Amounts,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "一年期项目总金额与本年度金额不一致",
        title_en: "One-year project: total differs from this year",
        doc: RuleDoc {
            catches_zh: "实施期限为 1 年，但项目总金额不等于本年度项目金额。",
            catches_en: "A one-year project whose total differs from the amount this year.",
            why_zh: "一年期项目的全部资金都在本年度，两数应当相等；不相等说明期限或金额有误。",
            why_en: "All the money of a one-year project falls in this year; the two amounts must be equal.",
            source: "绩效目标申报表填报说明",
            bad_example: "实施期限:\t1\n项目总金额(元):\t500,000.00\t本年度项目金额(元):\t150,070.00",
            good_example: "实施期限:\t1\n项目总金额(元):\t150,070.00\t本年度项目金额(元):\t150,070.00",
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
    if years == 1 && !close(y, t) {
        out.push(
            Diagnostic::new(
                &INFO,
                a.total_field.value.span,
                Message::new(
                    format!(
                        "实施期限为1年，但项目总金额{}与本年度项目金额{}不一致",
                        show(t, unit),
                        show(y, unit)
                    ),
                    format!(
                        "A one-year project whose total {} differs from this year's {}",
                        show(t, unit),
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
    fn fires_on_one_year_and_two_amounts() {
        let text = with("(中期规划,万元):\t20.00", "(中期规划,万元):\t10.00");
        assert_eq!(found(&text, "A003").len(), 1);
    }

    #[test]
    fn quiet_on_two_years() {
        let text = with("实施期限:\t1", "实施期限:\t2")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t40.00");
        assert!(found(&text, "A003").is_empty());
    }
}
