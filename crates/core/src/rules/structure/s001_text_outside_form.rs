//! S001 text-outside-form: text before the first form, between forms, or in a document that is
//! no 申报表 (a 自评表). Found by the parser; this rule words it.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::parse::{Issue, IssueKind, NotDeclaration};
use crate::rules::{Check, Rule};
use crate::text::excerpt;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "S001",
        name: "text-outside-form",
        severity: Severity::Info,
        category: Category::Structure,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "表单之外的文字",
        title_en: "Text outside any form",
        doc: RuleDoc {
            catches_zh: "第一张申报表之前或两张申报表之间的非空文字。kpiform 不会悄悄丢弃任何文字：读不进表单的内容都会在这里列出。",
            catches_en: "Non-empty text before the first form or between forms. kpiform never drops text silently: whatever is not read into a form is listed here.",
            why_zh: "粘贴的内容里可能夹着说明、页眉页脚，或者一张未被识别的表（例如绩效自评表）。审核人应当知道哪些文字没有被检查。",
            why_en: "A paste may carry notes, page headers or a form that was not recognized (a self-evaluation form, say). The reviewer must know what was not checked.",
            source: "kpiform",
            bad_example: "附件2：\n\n二级项目支出绩效目标申报表\n…",
            good_example: "二级项目支出绩效目标申报表\n…",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Parser(report),
};

fn report(text: &str, issue: &Issue) -> Option<Diagnostic> {
    let IssueKind::OutsideForm { what } = issue.kind else {
        return None;
    };
    let quote = excerpt(issue.span.text(text), 30);
    let what = match what {
        Some(w) => Some(w),
        None => issue
            .span
            .text(text)
            .contains("自评表")
            .then_some(NotDeclaration::SelfEvaluation),
    };
    let message = match what {
        Some(w) => {
            let (zh, en) = match w {
                NotDeclaration::SelfEvaluation => ("绩效自评表", "a self-evaluation form"),
                NotDeclaration::Evaluation => ("绩效评价（评分）表", "an evaluation (scoring) table"),
                NotDeclaration::Review => ("审核（评审）表", "a review form"),
                NotDeclaration::Monitoring => ("绩效监控表", "a monitoring table"),
            };
            Message::new(
                format!("「{quote}」是{zh}，不是申报表，未作检查"),
                format!("\"{quote}\" is {en}, not a declaration form; it was not checked"),
            )
        }
        None => Message::new(
            format!("表单之外的文字未作检查：「{quote}」"),
            format!("Text outside any form was not checked: \"{quote}\""),
        ),
    };
    Some(Diagnostic::new(&INFO, issue.span, message))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, CLEAN};

    #[test]
    fn fires_on_notes_around_the_forms_and_on_a_self_evaluation() {
        let text = format!("附件2：\n{CLEAN}\n项目支出绩效自评表\n自评得分\t90\n");
        let f = found(&text, "S001");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].1, "表单之外的文字未作检查：「附件2：」");
        assert!(f[1].1.contains("是绩效自评表"), "{f:?}");
    }

    #[test]
    fn quiet_on_a_form_alone() {
        assert!(found(&format!("\n\n{CLEAN}\n\n"), "S001").is_empty());
    }
}
