//! V009 approximate-value: 约, 左右, 力争, 争取 in a target.

use super::rows;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V009",
        name: "approximate-value",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "指标值为约数",
        title_en: "Approximate value",
        doc: RuleDoc {
            catches_zh: "指标值中有“约”“左右”“力争”“争取”等不确定的说法。",
            catches_en: "约, 左右, 力争, 争取 in a value.",
            why_zh: "目标值是考核的标准，必须确定；“约260件”无法判断是否达成。",
            why_en: "A target is a standard for assessment and must be definite; \"about 260\" cannot be judged.",
            source: "财预〔2015〕88号（绩效目标应清晰、可衡量）",
            bad_example: "产出\t*数量\t法律援助案件数\t约260件/年",
            good_example: "产出\t*数量\t法律援助案件数\t≥260件",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Words that make a target approximate.
const APPROX_WORDS: &[&str] = &["约", "左右", "力争", "争取", "大约", "预计"];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let (name, value) = (r.name(), r.value());
        let Some(w) = r
            .v
            .approx
            .or_else(|| APPROX_WORDS.iter().copied().find(|w| value.contains(w)))
        else {
            continue;
        };
        out.push(r.finding(&INFO, Message::new(
                format!("指标「{name}」的目标值“{value}”含有不确定的“{w}”"),
                format!("Indicator \"{name}\": the value \"{value}\" is approximate ({w})"),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::SHOWS;
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_about_and_roughly() {
        assert_eq!(found(&with(SHOWS, "举办演出场次\t约10场"), "V009").len(), 1);
        assert_eq!(found(&with(SHOWS, "举办演出场次\t10场左右"), "V009").len(), 1);
    }

    #[test]
    fn quiet_when_only_the_explanation_estimates() {
        let text = with(
            "举办演出场次\t≥10场\t全年举办的社区文化演出场次",
            "举办演出场次\t≥10场\t预计全年举办的社区文化演出场次",
        );
        assert!(found(&text, "V009").is_empty());
    }
}
