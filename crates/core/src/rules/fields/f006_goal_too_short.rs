//! F006 goal-too-short: a 年度目标 of fewer than 15 characters, or the project's name again.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use super::project_field;
use crate::model::FieldKey;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F006",
        name: "goal-too-short",
        severity: Severity::Warning,
        category: Category::Fields,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "年度目标过于简略",
        title_en: "Annual goal too short",
        doc: RuleDoc {
            catches_zh: "年度目标少于 15 个字，或与项目名称相同。",
            catches_en: "An annual goal shorter than 15 characters, or equal to the project name.",
            why_zh: "年度目标要说明本年度通过项目实施要达到的产出和效果；一句短语无法据以设置和评价指标。",
            why_en: "The annual goal states the outputs and effects the project is to reach this year; a short phrase gives no ground for indicators.",
            source: "财预〔2015〕88号",
            bad_example: "年度目标:\t保障工作开展",
            good_example: "年度目标:\t2023年完成13名劳务派遣人员工资发放，保障单位各项工作正常开展。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(f) = project_field(ctx, FieldKey::AnnualGoal) else {
        return;
    };
    let goal = f.value.text.trim_end_matches(['。', '.']);
    let n = goal.chars().filter(|c| !c.is_whitespace()).count();
    let same_as_name = ctx.form.text(FieldKey::Name).is_some_and(|name| name == goal);
    if n < 15 || same_as_name {
        let (zh, en) = if same_as_name {
            (
                "年度目标与项目名称相同".to_string(),
                "The annual goal repeats the project name".to_string(),
            )
        } else {
            (
                format!("年度目标只有 {n} 个字，过于简略"),
                format!("The annual goal has only {n} characters"),
            )
        };
        out.push(Diagnostic::new(
            &INFO,
            f.value.span,
            Message::new(
                format!("{zh}：「{}」", f.value.text),
                format!("{en}: \"{}\"", f.value.text),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const GOAL: &str = "2023年举办社区文化演出10场，覆盖居民5000人次。";

    #[test]
    fn fires_on_a_short_goal_or_the_name() {
        assert_eq!(found(&with(GOAL, "开展文化活动"), "F006").len(), 1);
        let same = with(GOAL, "社区文化活动");
        assert!(found(&same, "F006")[0].1.contains("与项目名称相同"));
    }

    #[test]
    fn quiet_on_fifteen_characters() {
        assert!(found(&with(GOAL, "举办社区文化演出十场覆盖居民五千人"), "F006").is_empty());
    }
}
