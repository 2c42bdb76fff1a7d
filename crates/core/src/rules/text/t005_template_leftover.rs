//! T005 template-leftover: `XX`, `××`, `**`, `请填写`, `示例`, `（可选）` left in a field or a cell.

use super::pieces;
use crate::text::excerpt;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T005",
        name: "template-leftover",
        severity: Severity::Error,
        category: Category::Text,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "模板说明未删除",
        title_en: "Template text left in",
        doc: RuleDoc {
            catches_zh: "字段或指标中残留“XX”“××”“**”“请填写”“示例”“（可选）”等模板文字。",
            catches_en: "`XX`, `××`, `**`, `请填写`, `示例`, `（可选）` left in a field or indicator.",
            why_zh: "模板文字说明这一处没有填写完成，提交后会被退回。",
            why_en: "Template text means the place was never filled in; the form will be returned.",
            source: "预算系统填报要求",
            bad_example: "项目名称:\tXX区XX项目",
            good_example: "项目名称:\t福田区社区文化活动项目",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Words of the template that a filled form does not keep.
const LEFTOVERS: &[&str] = &[
    "XX",
    "xx",
    "××",
    "**",
    "请填写",
    "示例",
    "（可选）",
    "(可选)",
    "填写说明",
    "此处填写",
];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // A placeholder value is V001's.
    for p in pieces(ctx).iter().filter(|p| !p.placeholder_value) {
        if let Some(w) = LEFTOVERS.iter().find(|w| p.text.contains(**w)) {
            out.push(Diagnostic::new(
                &INFO,
                p.span,
                Message::new(
                    format!("残留模板文字“{w}”：「{}」", excerpt(p.text, 30)),
                    format!("Template text \"{w}\" left in: \"{}\"", excerpt(p.text, 30)),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_marks_and_instructions() {
        assert_eq!(found(&with("社区文化活动", "XX社区文化活动"), "T005").len(), 1);
        let text = with("全年举办的社区文化演出场次", "请填写指标解释");
        assert_eq!(found(&text, "T005").len(), 1);
    }

    #[test]
    fn quiet_on_a_placeholder_value_which_is_v001s() {
        let text = with("举办演出场次\t≥10场", "举办演出场次\t**");
        assert!(found(&text, "T005").is_empty());
        assert_eq!(found(&text, "V001").len(), 1);
    }
}
