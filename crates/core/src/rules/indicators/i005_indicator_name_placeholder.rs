//! I005 indicator-name-placeholder: a 三级 name that is a category label, `指标1`, `……` or
//! another placeholder.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::parse::vocab::category;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I005",
        name: "indicator-name-placeholder",
        severity: Severity::Error,
        category: Category::Indicators,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "三级指标名称为占位文字",
        title_en: "Placeholder indicator name",
        doc: RuleDoc {
            catches_zh: "三级指标名称是类别名称、“指标1”、“……”之类的占位文字。",
            catches_en: "A 三级 name that is a category label, `指标1`, `……` or another placeholder.",
            why_zh: "三级指标要写明具体衡量什么；占位文字说明模板没有填完。",
            why_en: "A 三级 indicator must say what it measures; a placeholder means the template was not filled in.",
            source: "财预〔2021〕101号",
            bad_example: "产出\t*数量\t指标1\t≥5项",
            good_example: "产出\t*数量\t培训场次\t≥5场",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn is_placeholder_name(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if n.is_empty() {
        return false;
    }
    let cat = category(&n);
    if cat.level1.is_some() || cat.level2.is_some() {
        return true;
    }
    let without_digits = n.trim_end_matches(|c: char| c.is_ascii_digit());
    matches!(
        without_digits,
        "指标" | "三级指标" | "指标名称" | "xx" | "XX" | "××"
    ) || n.chars().all(|c| {
        matches!(
            c,
            '…' | '.' | '。' | '*' | '-' | '—' | '/' | 'x' | 'X' | '×'
        )
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for i in ctx.form.applicable_indicators() {
        if is_placeholder_name(&i.name.text) {
            out.push(Diagnostic::new(
                &INFO,
                i.name.span,
                Message::new(
                    format!("三级指标名称「{}」是占位文字或类别名称", i.name.text),
                    format!(
                        "Indicator name \"{}\" is a placeholder or a category",
                        i.name.text
                    ),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_a_numbered_placeholder_or_a_category() {
        assert_eq!(found(&with("举办演出场次", "指标1"), "I005").len(), 1);
        assert_eq!(found(&with("举办演出场次", "数量指标"), "I005").len(), 1);
    }

    #[test]
    fn quiet_on_a_name_that_only_holds_a_category_word() {
        assert!(found(&with("举办演出场次", "演出场次数量"), "I005").is_empty());
    }
}
