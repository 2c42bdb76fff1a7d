//! V007 qualitative-not-graded: 有效, 显著, 明显, 提升, 稳定运转 … with no grading; quiet where the
//! 指标解释 defines the grades.

use super::rows;
use crate::model::Level2;
use crate::value::ValueKind;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V007",
        name: "qualitative-not-graded",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "定性指标未分级",
        title_en: "Qualitative value not graded",
        doc: RuleDoc {
            catches_zh: "指标值为“有效”“显著”“明显”“提升”“稳定运转”等定性描述，且指标解释中没有给出分级标准。指标解释已定义等级的不报。",
            catches_en: "有效, 显著, 明显, 提升, 稳定运转 and the like, with no grading; nothing is reported where 指标解释 defines the grades.",
            why_zh: "定性指标必须分级才能评价（如“显著”为 80%-100%）；否则任何结果都可以说“有效”。",
            why_en: "A qualitative target must be graded to be evaluated (显著 = 80%–100%); otherwise any outcome is \"effective\".",
            source: "财预〔2015〕88号（定性指标应分级分档表述）",
            bad_example: "效益\t*社会效益\t保障工作正常运转\t有效\t考察是否有效保障",
            good_example: "效益\t*社会效益\t保障工作正常运转\t显著\t“显著”为80%-100%，“明显”为60%-80%，“一般”为60%以下",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Qualitative values that need a grading to be assessed.
const GRADE_WORDS: &[&str] = &[
    "有效",
    "显著",
    "明显",
    "提升",
    "稳定运转",
    "良好",
    "较好",
    "持续提升",
    "有所提升",
    "大幅提升",
    "明显提升",
    "稳步提升",
    "逐步提升",
    "不断提升",
    "提高",
    "改善",
    "正常",
    "积极",
    "较大",
    "增强",
    "优化",
    "有效提升",
    "有效保障",
    "稳定",
    "好",
    "较高",
    "高",
];

/// Whether an explanation grades the value (`“显著”为80%-100%`, 等级, 分为, 优秀…良好).
fn graded(expl: &str, word: &str) -> bool {
    let has_range =
        expl.contains("%-") || expl.contains("%～") || expl.contains("%~") || expl.contains("%至");
    (expl.contains(word) && has_range)
        || expl.contains("等级")
        || expl.contains("分为")
        || expl.contains("优秀") && expl.contains("良好")
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let plain = r.plain();
        let grade_word = GRADE_WORDS.contains(&plain)
            || (plain.chars().count() <= 6
                && ["有效", "显著", "明显", "提升", "提高", "改善", "稳定"]
                    .iter()
                    .any(|w| plain.starts_with(w)));
        // A timeliness value in words is V008's.
        if r.v.kind == ValueKind::Text
            && grade_word
            && !graded(&r.ind.explanation.text, plain)
            && r.ind.level2 != Some(Level2::Timeliness)
        {
            let (name, value) = (r.name(), r.value());
            out.push(r.finding(&INFO, Message::new(
                    format!("指标「{name}」的目标值“{value}”是定性描述，指标解释中没有分级标准"),
                    format!("Indicator \"{name}\": \"{value}\" is qualitative and not graded in the explanation"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const REACH: &str = "覆盖居民人次\t≥5000人次\t观看演出的居民人次";

    #[test]
    fn fires_on_a_word_without_grades() {
        let text = with(REACH, "居民文化生活改善程度\t显著\t考察居民文化生活是否改善");
        assert_eq!(found(&text, "V007").len(), 1);
    }

    #[test]
    fn quiet_where_the_explanation_grades_it() {
        let graded = with(
            REACH,
            "居民文化生活改善程度\t显著\t“显著”则为“80%-100%”，“明显”则为“60%-80%”",
        );
        assert!(found(&graded, "V007").is_empty());
    }
}
