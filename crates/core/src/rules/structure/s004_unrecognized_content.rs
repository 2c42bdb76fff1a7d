//! S004 unrecognized-content: something inside a form that could not be placed (an extra cell,
//! a line without a label, a field given twice). Found by the parser; this rule words it.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::parse::{Issue, IssueKind, Unplaced};
use crate::rules::{Check, Rule};
use crate::text::excerpt;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "S004",
        name: "unrecognized-content",
        severity: Severity::Warning,
        category: Category::Structure,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "无法识别的内容",
        title_en: "Unrecognized content",
        doc: RuleDoc {
            catches_zh: "表单内部无法归入任何字段或表格单元格的非空内容，例如多出来的单元格、错位的一行。",
            catches_en: "Non-empty content inside a form that could not be assigned to a field or table cell, such as an extra cell or a row out of place.",
            why_zh: "这些文字没有被检查，可能是排版错位造成的遗漏或重复，需要人工确认。",
            why_en: "This text was not checked; it may be a shifted or duplicated piece of the form and needs a human look.",
            source: "kpiform",
            bad_example: "可持续影响指标\t工作正常运行率\t1\t不适用\t不适用",
            good_example: "效益指标\t可持续影响指标\t工作正常运行率\t100%\t保障工作正常运行",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Parser(report),
};

fn report(text: &str, issue: &Issue) -> Option<Diagnostic> {
    let IssueKind::Unplaced(why) = issue.kind else {
        return None;
    };
    let quote = excerpt(issue.span.text(text), 30);
    let (zh, en) = match why {
        Unplaced::Line => ("无法识别的行", "Unrecognized line"),
        Unplaced::ExtraCell => ("指标行多出的单元格", "Extra cell in an indicator row"),
        Unplaced::TableLine => (
            "指标表中无法识别的行",
            "Unrecognized line in the indicator table",
        ),
        Unplaced::DuplicateField { .. } => (
            "重复的字段（已保留第一次出现的值）",
            "Field given twice (the first is kept)",
        ),
        Unplaced::ExtraValue => ("字段多出的内容", "Extra content after a field value"),
    };
    let d = Diagnostic::new(
        &INFO,
        issue.span,
        Message::new(
            format!("{zh}，未作检查：「{quote}」"),
            format!("{en}, not checked: \"{quote}\""),
        ),
    );
    Some(match why {
        Unplaced::DuplicateField { first } => {
            d.with_related(first, Message::new("第一次出现", "first occurrence"))
        }
        _ => d,
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_an_extra_cell_and_a_field_given_twice() {
        let extra = with("举办演出场次\t≥10场\t全年举办的社区文化演出场次", "举办演出场次\t≥10场\t全年举办的社区文化演出场次\t多出的格");
        assert_eq!(
            found(&extra, "S004"),
            [("多出的格".to_string(), "指标行多出的单元格，未作检查：「多出的格」".to_string())]
        );
        let twice = with("分配方式:\t项目法", "分配方式:\t项目法\n分配方式:\t因素法");
        assert_eq!(found(&twice, "S004")[0].1, "重复的字段（已保留第一次出现的值），未作检查：「分配方式: 因素法」");
    }

    #[test]
    fn quiet_on_blank_merged_cells() {
        let blank = with("产出\t*质量\t演出验收合格率", "\t*质量\t演出验收合格率");
        assert!(found(&blank, "S004").is_empty());
    }
}
