//! S005 option-left-unselected: a template's option list left in a field with no choice made
//! (`(一次性项目/经常性项目)`, `新增项目□延续项目□`).

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::excerpt;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "S005",
        name: "option-left-unselected",
        severity: Severity::Error,
        category: Category::Structure,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "模板选项未选择",
        title_en: "Template options left unselected",
        doc: RuleDoc {
            catches_zh: "模板中的选项列表原样保留、没有作出选择，例如“(一次性项目/经常性项目)”“新增项目□延续项目□”“是/否”。",
            catches_en: "A template's option list left as it was, with no choice made: `(一次性项目/经常性项目)`, `新增项目□延续项目□`, `是/否`.",
            why_zh: "未选择的选项使字段没有确定的值，预算系统无法据此分类，审核人也无法判断项目性质。",
            why_en: "An unselected option leaves the field without a value: the budget system cannot classify the project and the reviewer cannot tell its nature.",
            source: "预算系统填报要求",
            bad_example: "是否新增项目:\t新增项目□延续项目□",
            good_example: "是否新增项目:\t否",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Known alternatives of template option lists.
const OPTION_PAIRS: &[(&str, &str)] = &[
    ("一次性项目", "经常性项目"),
    ("新增项目", "延续项目"),
    ("是", "否"),
    ("因素法", "项目法"),
    ("新增", "延续"),
];

/// Whether a field value still holds an unselected option list.
fn unselected_options(value: &str) -> bool {
    // Only a box or a slash can make an option list: most values are skipped at once.
    if !value.contains(['□', '☐', '/', '／']) {
        return false;
    }
    let boxes = value.contains(['□', '☐']);
    let chosen = value.contains(['☑', '■', '√', '☒', '✓', '✔', '▇']);
    if boxes && !chosen {
        return true;
    }
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    OPTION_PAIRS.iter().any(|(a, b)| {
        [
            format!("{a}/{b}"),
            format!("{a}／{b}"),
            format!("{b}/{a}"),
            format!("{b}／{a}"),
        ]
        .iter()
        .any(|alt| {
            compact == *alt
                || compact.contains(&format!("({alt})"))
                || compact.contains(&format!("（{alt}）"))
        })
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for field in &ctx.form.fields {
        if unselected_options(&field.value.text) {
            out.push(Diagnostic::new(
                &INFO,
                field.value.span,
                Message::new(
                    format!(
                        "「{}」中的模板选项未作选择：「{}」",
                        field.label.text,
                        excerpt(&field.value.text, 30)
                    ),
                    format!(
                        "Template options left unselected in {}: \"{}\"",
                        field.key.label_en(),
                        excerpt(&field.value.text, 30)
                    ),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, found, with};

    #[test]
    fn fires_on_unselected_options() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t新增项目□延续项目□");
        assert_eq!(found(&text, "S005").len(), 1);
        let text = with(
            "项目类型:\t15 其他经费",
            "项目类型:\t15 其他经费(一次性项目/经常性项目)",
        );
        assert_eq!(found(&text, "S005").len(), 1);
    }

    #[test]
    fn quiet_when_an_option_is_chosen() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t新增项目☑延续项目□");
        assert!(!codes(&text).contains(&"S005"));
        let text = with(
            "年度目标:\t2023年",
            "年度目标:\t根据《规划》(一次性/经常性)说明，2023年",
        );
        assert!(!codes(&text).contains(&"S005"));
    }
}
