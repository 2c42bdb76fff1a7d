//! A002 year-amount-exceeds-total: 本年度项目金额 larger than 项目总金额.

use super::{both, show};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A002",
        name: "year-amount-exceeds-total",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "本年度金额超过总金额",
        title_en: "Amount this year exceeds the total",
        doc: RuleDoc {
            catches_zh: "本年度项目金额大于项目总金额（中期规划）。",
            catches_en: "本年度项目金额 is larger than 项目总金额.",
            why_zh: "总金额包含各年度金额，本年度金额不可能超过总金额，说明两个数中至少有一个填错。",
            why_en: "The total includes every year's amount; a larger year amount means one of the two is wrong.",
            source: "绩效目标申报表填报说明",
            bad_example: "项目总金额(中期规划,元):\t500,000.00\n本年度项目金额(元):\t600,000.00",
            good_example: "项目总金额(中期规划,元):\t1,500,000.00\n本年度项目金额(元):\t600,000.00",
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
    if y > t * 1.000_001 {
        out.push(
            Diagnostic::new(
                &INFO,
                a.year_field.value.span,
                Message::new(
                    format!(
                        "本年度项目金额{}大于项目总金额{}",
                        show(y, unit),
                        show(t, unit)
                    ),
                    format!(
                        "The amount this year, {}, exceeds the total, {}",
                        show(y, unit),
                        show(t, unit)
                    ),
                ),
            )
            .with_related(a.total_field.value.span, Message::new("项目总金额", "total amount")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_when_the_year_exceeds_the_total() {
        let text = with("(中期规划,万元):\t20.00", "(中期规划,万元):\t10.00");
        assert_eq!(found(&text, "A002").len(), 1);
    }

    #[test]
    fn quiet_when_the_total_holds_two_years() {
        let text = with("实施期限:\t1", "实施期限:\t2")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t40.00");
        assert!(found(&text, "A002").is_empty());
    }
}
