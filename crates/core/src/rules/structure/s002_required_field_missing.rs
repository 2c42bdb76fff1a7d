//! S002 required-field-missing: a header field the form's kind requires is absent or empty.
//! Found by the parser (it knows which fields it read); this rule words it.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::parse::{Issue, IssueKind};
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "S002",
        name: "required-field-missing",
        severity: Severity::Error,
        category: Category::Structure,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "必填字段缺失或为空",
        title_en: "Required field missing or empty",
        doc: RuleDoc {
            catches_zh: "申报表的表头字段缺失或留空，例如项目编码未填写。",
            catches_en: "A header field of the form is absent or left empty, e.g. 项目编码 (project code) left blank.",
            why_zh: "预算系统拒收缺少必填项的申报表；缺少项目编码的表无法与预算项目对应。",
            why_en: "Budget systems reject forms with empty required fields; a form without a project code cannot be matched to its budget line.",
            source: "财预〔2015〕88号《中央部门预算绩效目标管理办法》；预算系统填报要求",
            bad_example: "项目编码:\t\t项目名称:\t文化下乡系列活动",
            good_example: "项目编码:\t440313230021500305026\t项目名称:\t文化下乡系列活动",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Parser(report),
};

fn report(_text: &str, issue: &Issue) -> Option<Diagnostic> {
    let IssueKind::MissingField { kind, key, present } = issue.kind else {
        return None;
    };
    let (zh, en) = (key.label_zh_for(kind), key.label_en());
    let message = if present {
        Message::new(
            format!("必填字段「{zh}」为空"),
            format!("Required field {zh} ({en}) is empty"),
        )
    } else {
        Message::new(
            format!("缺少必填字段「{zh}」"),
            format!("Required field {zh} ({en}) is missing"),
        )
    };
    Some(Diagnostic::new(&INFO, issue.span, message))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with, CLEAN};

    #[test]
    fn fires_on_an_empty_or_absent_field() {
        let empty = with("项目编码:\t440304231460100205000", "项目编码:\t");
        assert_eq!(
            found(&empty, "S002"),
            [("项目编码:".to_string(), "必填字段「项目编码」为空".to_string())]
        );
        let absent = with("分配方式:\t项目法", "");
        assert_eq!(found(&absent, "S002")[0].1, "缺少必填字段「分配方式」");
    }

    #[test]
    fn quiet_when_a_multi_year_project_has_its_long_term_goal() {
        let text = with("实施期限:\t1", "实施期限:\t2").replace(
            "年度目标:",
            "长期目标(跨度多年的项目需填):\t2024年前完成全区社区文化设施改造。\n年度目标:",
        );
        assert!(found(&text, "S002").is_empty(), "{:?}", found(&text, "S002"));
        assert!(!found(&with("实施期限:\t1", "实施期限:\t2"), "S002").is_empty());
        assert!(found(CLEAN, "S002").is_empty());
    }
}
