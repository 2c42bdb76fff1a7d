//! S006 indicator-table-cut-off: the paste ends in the middle of the indicator table, inside a
//! row. Found by the parser; this rule words it.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::parse::{Issue, IssueKind};
use crate::rules::{Check, Rule};
use crate::text::excerpt;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "S006",
        name: "indicator-table-cut-off",
        severity: Severity::Warning,
        category: Category::Structure,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "指标表不完整（粘贴内容在表中截断）",
        title_en: "Indicator table cut off",
        doc: RuleDoc {
            catches_zh: "粘贴的文字在指标表中间、某一行的中途结束：最后这行不完整（没有指标值），未作为指标读取；其后的指标行不在粘贴内容中。",
            catches_en: "The paste ends in the middle of the indicator table, inside a row: that last, incomplete row (it has no value) was not read as an indicator, and the rows after it are not in the paste.",
            why_zh: "网页、PDF 摘录常在表中截断；缺失的行没有被检查，缺少必填类别等结论可能只是截断造成的，需要补全原表后再审。",
            why_en: "Excerpts of web pages and PDFs often stop inside the table; the missing rows were not checked, and findings such as a missing mandatory category may only be the cut: paste the whole table.",
            source: "kpiform",
            bad_example: "项目支出绩效目标申报表\n项目名称:\t乡镇卫生院医疗设备购置\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出指标\t数量指标\t购置医疗设备台数\t≥12台\t购置的设备台数\n效益指标\t社会效益指标\t乡镇卫生院基本医疗服",
            good_example: "项目支出绩效目标申报表\n项目名称:\t乡镇卫生院医疗设备购置\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出指标\t数量指标\t购置医疗设备台数\t≥12台\t购置的设备台数\n效益指标\t社会效益指标\t乡镇卫生院基本医疗服务能力提升\t显著\t门诊人次增长10%以上为显著",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Parser(report),
};

fn report(text: &str, issue: &Issue) -> Option<Diagnostic> {
    (issue.kind == IssueKind::TableCutOff).then(|| {
        let quote = excerpt(issue.span.text(text), 40);
        Diagnostic::new(
            &INFO,
            issue.span,
            Message::new(
                format!(
                    "粘贴内容在指标表中间结束：最后一行不完整，未读取：「{quote}」；其后的指标行不在粘贴内容中"
                ),
                format!(
                    "The paste ends in the middle of the indicator table: the last, incomplete row was not read: \"{quote}\"; the rows after it are not in the paste"
                ),
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, CLEAN};

    #[test]
    fn fires_on_a_paste_that_ends_inside_a_row() {
        let cut = CLEAN.replace("\t≥90%\t满意人数/调查人数×100%\n", "");
        let f = found(&cut, "S006");
        assert_eq!(
            f,
            [(
                "满意度\t*服务对象满意度\t居民满意度".to_string(),
                "粘贴内容在指标表中间结束：最后一行不完整，未读取：「满意度 *服务对象满意度 居民满意度」；其后的指标行不在粘贴内容中".to_string()
            )]
        );
        // One cell per line, the last row still waiting for its value.
        let stream = "项目支出绩效目标申报表\n项目名称:\t乡镇卫生院医疗设备购置\n一级指标\n二级指标\n三级指标\n指标值\n指标解释\n产出指标\n数量指标\n购置医疗设备台数\n≥12台\n台数\n效益指标\n社会效益指标\n乡镇卫生院基本医疗服\n";
        assert_eq!(found(stream, "S006").len(), 1);
    }

    #[test]
    fn quiet_on_a_whole_table() {
        assert!(found(CLEAN, "S006").is_empty());
        // A last row with its value but no explanation is complete.
        let short = CLEAN.replace("\t满意人数/调查人数×100%\n", "\n");
        assert!(found(&short, "S006").is_empty());
    }
}
