//! V011 date-outside-period: a date whose year lies outside the budget year and 实施期限
//! (`2023年12月31日前` in a 2024 form).

use super::rows;
use crate::value::ValueKind;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V011",
        name: "date-outside-period",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "日期不在实施期内",
        title_en: "Date outside the period",
        doc: RuleDoc {
            catches_zh: "指标值中的日期不在预算年度或实施期限之内（如 2024 年的表中写“2023年12月31日前”）。",
            catches_en: "A date whose year lies outside the budget year or 实施期限 (`2023年12月31日前` in a 2024 form).",
            why_zh: "跨年的日期通常是沿用往年表格未修改，按此考核会得出错误结论。",
            why_en: "A date of another year usually comes from last year's form left unedited.",
            source: "财预〔2015〕88号",
            bad_example: "项目编码:\t440304241460100205000\n产出\t*时效\t完成时间\t2023年12月31日前",
            good_example: "项目编码:\t440304241460100205000\n产出\t*时效\t完成时间\t2024年12月31日前",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(by) = ctx.facts.budget_year else {
        return;
    };
    let last = by + ctx.form.years().unwrap_or(1).clamp(1, 10) as u16 - 1;
    for r in rows(ctx) {
        let ValueKind::Date { year, .. } = r.v.kind else {
            continue;
        };
        if year < by || year > last {
            let period = if last == by {
                format!("{by}年")
            } else {
                format!("{by}—{last}年")
            };
            let (name, value) = (r.name(), r.value());
            out.push(r.finding(&INFO, Message::new(
                    format!("指标「{name}」的日期“{value}”不在预算年度/实施期（{period}）内"),
                    format!("Indicator \"{name}\": the date \"{value}\" lies outside the budget period ({period})"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_last_years_date() {
        assert_eq!(found(&with("2023年12月31日前", "2022年12月31日前"), "V011").len(), 1);
    }

    #[test]
    fn quiet_on_a_date_within_the_year() {
        assert!(found(&with("2023年12月31日前", "2023年6月30日前"), "V011").is_empty());
    }
}
