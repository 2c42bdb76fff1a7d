//! T001 goals-identical: on a multi-year project, a 年度目标 that is the 长期目标 again (or
//! nearly: at least 90 % similar).

use crate::model::FieldKey;
use crate::text::similarity::similarity_above;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T001",
        name: "goals-identical",
        severity: Severity::Warning,
        category: Category::Text,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "年度目标与长期目标相同",
        title_en: "Annual goal same as the long-term goal",
        doc: RuleDoc {
            catches_zh: "跨年度项目的年度目标与长期目标相同（或相似度达到 90%）。",
            catches_en: "On a multi-year project, 年度目标 the same as 长期目标 (or at least 90% similar).",
            why_zh: "多年期项目要分别说明本年度要完成的部分和整个实施期的目标；照抄说明没有把长期目标分解到年度。",
            why_en: "A multi-year project must say what this year achieves and what the whole period does; a copy means the goal was never broken down.",
            source: "绩效目标申报表填报说明（跨年度项目应单独填报年度目标）",
            bad_example: "实施期限:\t3\n年度目标:\t保障单位日常工作开展。\n长期目标:\t保障单位日常工作开展。",
            good_example: "年度目标:\t2024年完成文书档案整理5万件。\n长期目标:\t2028年前完成全区历史档案数字化。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    let (Some(a), Some(l)) = (
        form.field(FieldKey::AnnualGoal),
        form.field(FieldKey::LongTermGoal),
    ) else {
        return;
    };
    if !(form.years().is_some_and(|y| y > 1) && !a.value.text.is_empty() && !l.value.text.is_empty())
    {
        return;
    }
    let Some(s) = similarity_above(&a.value.text, &l.value.text, 0.9) else {
        return;
    };
    let how = if s >= 0.999 {
        "完全相同".to_string()
    } else {
        format!("几乎相同（相似度{:.0}%）", s * 100.0)
    };
    let years = form.years().unwrap_or(0);
    out.push(
        Diagnostic::new(
            &INFO,
            l.value.span,
            Message::new(
                format!("实施期限{years}年的项目，长期目标与年度目标{how}，没有把长期目标分解到年度"),
                format!("A {years}-year project whose long-term goal is the annual goal ({:.0}% similar)", s * 100.0),
            ),
        )
        .with_related(a.value.span, Message::new("年度目标", "annual goal")),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    /// A three-year form whose long-term goal is `long`.
    fn three_years(long: &str) -> String {
        let multi = with("实施期限:\t1", "实施期限:\t3")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t60.00");
        let table = multi.find("一级指标").unwrap();
        format!(
            "{}长期目标(跨度多年的项目需填):\t{long}\n{}",
            &multi[..table],
            &multi[table..]
        )
    }

    #[test]
    fn fires_on_the_annual_goal_again() {
        let same = three_years("2023年举办社区文化演出10场，覆盖居民5000人次。");
        assert_eq!(found(&same, "T001").len(), 1);
    }

    #[test]
    fn quiet_on_a_goal_of_its_own() {
        let differ = three_years("三年内建成覆盖全区的社区文化服务网络。");
        assert!(found(&differ, "T001").is_empty());
    }
}
