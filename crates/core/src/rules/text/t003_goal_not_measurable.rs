//! T003 goal-not-measurable: a 年度目标 with no number and no concrete deliverable.

use crate::model::FieldKey;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T003",
        name: "goal-not-measurable",
        severity: Severity::Warning,
        category: Category::Text,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "年度目标不可衡量",
        title_en: "Annual goal not measurable",
        doc: RuleDoc {
            catches_zh: "年度目标中没有任何数字或具体的产出数量。",
            catches_en: "年度目标 with no number and no concrete deliverable.",
            why_zh: "绩效目标应当尽量量化（做多少、达到什么程度、何时完成），只写“保障工作开展”无法评价。",
            why_en: "Targets must be quantified where possible (how much, how well, by when); \"ensure the work goes on\" cannot be evaluated.",
            source: "财预〔2015〕88号（绩效目标应细化、量化）",
            bad_example: "年度目标:\t通过本项目实施，保障单位日常工作开展。",
            good_example: "年度目标:\t2024年完成12次党建活动，党员参与率达到95%。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

const CN_NUM: &str = "一二两三四五六七八九十百千万";
const MEASURES: &str = "个次场项份套人批期名家台本册件户条篇年月季度天日所类支";

/// Whether a text holds a number: Arabic digits, or a Chinese numeral with a measure word.
fn has_number(t: &str) -> bool {
    if t.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return true;
    }
    let chars: Vec<char> = t.chars().collect();
    chars.windows(2).any(|w| {
        CN_NUM.contains(w[0])
            && MEASURES.contains(w[1])
            && !(w[0] == '一' && "般定些直切体起同项".contains(w[1]))
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(a) = ctx.form.field(FieldKey::AnnualGoal) else {
        return;
    };
    if !a.value.text.is_empty() && !has_number(&a.value.text) {
        out.push(Diagnostic::new(
            &INFO,
            a.value.span,
            Message::new(
                "年度目标中没有任何数量、比例或时间要求，无法衡量是否达成",
                "The annual goal states no quantity, rate or deadline and cannot be measured",
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const GOAL: &str = "2023年举办社区文化演出10场，覆盖居民5000人次。";

    #[test]
    fn fires_on_a_goal_without_a_number() {
        let text = with(GOAL, "通过本项目实施，丰富社区居民的文化生活。");
        assert_eq!(found(&text, "T003").len(), 1);
    }

    #[test]
    fn quiet_on_a_number_in_words() {
        let text = with(GOAL, "全年举办社区文化演出十场，丰富居民文化生活。");
        assert!(found(&text, "T003").is_empty());
    }
}
