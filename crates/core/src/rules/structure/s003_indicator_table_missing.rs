//! S003 indicator-table-missing: a form with no indicator row. Found by the parser; this rule
//! words it.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::parse::{Issue, IssueKind};
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "S003",
        name: "indicator-table-missing",
        severity: Severity::Error,
        category: Category::Structure,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "缺少绩效指标表",
        title_en: "Indicator table missing",
        doc: RuleDoc {
            catches_zh: "申报表中没有任何绩效指标行。",
            catches_en: "A form with no indicator rows at all.",
            why_zh: "绩效目标必须细化为可衡量的指标（产出、效益、满意度），没有指标的目标无法评价。",
            why_en: "Performance targets must be broken down into measurable indicators (output, benefit, satisfaction); a target without indicators cannot be evaluated.",
            source: "财预〔2015〕88号；财预〔2021〕101号",
            bad_example: "二级项目支出绩效目标申报表\n项目名称:\t社区文化活动\n年度目标:\t完成年度工作。",
            good_example: "一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t培训人数\t≥200人\t…",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Parser(report),
};

fn report(_text: &str, issue: &Issue) -> Option<Diagnostic> {
    (issue.kind == IssueKind::NoIndicators).then(|| {
        Diagnostic::new(
            &INFO,
            issue.span,
            Message::new("申报表中没有绩效指标行", "The form has no indicator rows"),
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, CLEAN};

    #[test]
    fn fires_on_a_form_without_rows_and_only_there() {
        let header = &CLEAN[..CLEAN.find("一级指标").unwrap()];
        let f = found(header, "S003");
        assert_eq!(f, [("二级项目支出绩效目标申报表".to_string(), "申报表中没有绩效指标行".to_string())]);
        // A table header with no row under it is no table either.
        assert_eq!(found(&format!("{header}一级指标\t二级指标\t三级指标\t指标值\t指标解释\n"), "S003").len(), 1);
    }
}
