//! I004 duplicate-indicator: the same 三级 name twice among a form's applicable indicators.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::Indicator;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I004",
        name: "duplicate-indicator",
        severity: Severity::Warning,
        category: Category::Indicators,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "三级指标重复",
        title_en: "Duplicate indicator",
        doc: RuleDoc {
            catches_zh: "同一张表中出现两个名称相同的三级指标。",
            catches_en: "The same 三级 name twice in one form.",
            why_zh: "重复的指标不提供新的信息，常见于复制粘贴时忘记修改，或把同一指标放进了两个类别。",
            why_en: "A repeated indicator adds nothing; it is usually a copy-paste left unedited or one indicator put in two categories.",
            source: "财预〔2021〕101号（高度关联、重点突出）",
            bad_example: "效益\t*社会效益\t工作正常运行率\t1\n效益\t可持续影响\t工作正常运行率\t1",
            good_example: "效益\t*社会效益\t工作正常运行率\t100%\n效益\t可持续影响\t制度长效运行机制建立\t建立",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let applicable: Vec<&Indicator> = ctx.form.applicable_indicators().collect();
    for (n, i) in applicable.iter().enumerate() {
        if let Some(first) = applicable[..n]
            .iter()
            .find(|p| p.name.text == i.name.text && !i.name.text.is_empty())
        {
            out.push(
                Diagnostic::new(
                    &INFO,
                    i.name.span,
                    Message::new(
                        format!("三级指标「{}」重复出现", i.name.text),
                        format!("Indicator \"{}\" appears twice", i.name.text),
                    ),
                )
                .with_related(
                    first.name.span,
                    Message::new("第一次出现", "first occurrence"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, CLEAN, with};

    #[test]
    fn fires_on_a_name_given_twice() {
        let text = with("覆盖居民人次\t≥5000人次", "举办演出场次\t≥5000人次");
        assert_eq!(found(&text, "I004").len(), 1);
    }

    #[test]
    fn quiet_on_rows_not_applicable() {
        let text = format!(
            "{CLEAN}效益\t经济效益\t不适用\t不适用\t不适用\n效益\t生态效益\t不适用\t不适用\t不适用\n"
        );
        assert!(found(&text, "I004").is_empty());
    }
}
