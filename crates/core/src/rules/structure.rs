//! S — structure rules. They are found by the parser itself (it is the only one that knows what
//! it could not place), so this module holds their metadata and message builders; the parser
//! calls the builders.

use super::facts::Ctx;
use super::{Category, FixKind, RuleDoc, RuleInfo};
use crate::diagnostic::{excerpt, Diagnostic, Message, Severity};
use crate::model::{FieldKey, FormKind};
use crate::span::Span;

pub static S001: RuleInfo = RuleInfo {
    code: "S001",
    name: "text-outside-form",
    severity: Severity::Info,
    category: Category::Structure,
    title_zh: "表单之外的文字",
    title_en: "Text outside any form",
    fix: FixKind::None,
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

pub static S002: RuleInfo = RuleInfo {
    code: "S002",
    name: "required-field-missing",
    severity: Severity::Error,
    category: Category::Structure,
    title_zh: "必填字段缺失或为空",
    title_en: "Required field missing or empty",
    fix: FixKind::None,
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

pub static S003: RuleInfo = RuleInfo {
    code: "S003",
    name: "indicator-table-missing",
    severity: Severity::Error,
    category: Category::Structure,
    title_zh: "缺少绩效指标表",
    title_en: "Indicator table missing",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "申报表中没有任何绩效指标行。",
        catches_en: "A form with no indicator rows at all.",
        why_zh: "绩效目标必须细化为可衡量的指标（产出、效益、满意度），没有指标的目标无法评价。",
        why_en: "Performance targets must be broken down into measurable indicators (output, benefit, satisfaction); a target without indicators cannot be evaluated.",
        source: "财预〔2015〕88号；财预〔2021〕101号",
        bad_example: "年度目标:\t完成年度工作。\n（表格到此结束）",
        good_example: "一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t培训人数\t≥200人\t…",
    },
};

pub static S004: RuleInfo = RuleInfo {
    code: "S004",
    name: "unrecognized-content",
    severity: Severity::Warning,
    category: Category::Structure,
    title_zh: "无法识别的内容",
    title_en: "Unrecognized content",
    fix: FixKind::None,
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

pub static S005: RuleInfo = RuleInfo {
    code: "S005",
    name: "option-left-unselected",
    severity: Severity::Error,
    category: Category::Structure,
    title_zh: "模板选项未选择",
    title_en: "Template options left unselected",
    fix: FixKind::None,
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

/// The S rules that look at parsed values (S001–S004 are found by the parser).
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for field in &ctx.form.fields {
        if unselected_options(&field.value.text) {
            out.push(Diagnostic::new(
                &S005,
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

/// S001 for a block of text outside any form.
pub fn text_outside_form(span: Span, text: &str) -> Diagnostic {
    let quote = excerpt(text, 30);
    let message = if text.contains("自评表") {
        Message::new(
            format!("「{quote}」是绩效自评表，不是申报表，未作检查"),
            format!(
                "\"{quote}\" is a self-evaluation form, not a declaration form; it was not checked"
            ),
        )
    } else {
        Message::new(
            format!("表单之外的文字未作检查：「{quote}」"),
            format!("Text outside any form was not checked: \"{quote}\""),
        )
    };
    Diagnostic::new(&S001, span, message)
}

/// S002 for a field that is absent (`label` is `None`) or present with an empty value.
pub fn required_field_missing(
    kind: FormKind,
    key: FieldKey,
    span: Span,
    present: bool,
) -> Diagnostic {
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
    Diagnostic::new(&S002, span, message)
}

/// S003 for a form without indicator rows.
pub fn indicator_table_missing(title_span: Span) -> Diagnostic {
    Diagnostic::new(
        &S003,
        title_span,
        Message::new("申报表中没有绩效指标行", "The form has no indicator rows"),
    )
}

/// Why a piece of a form could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unplaced {
    /// A line in the header part with no label.
    Line,
    /// A cell beyond the columns of the indicator table.
    ExtraCell,
    /// A line inside the indicator table that is not a row.
    TableLine,
    /// A header field given twice; the first is kept.
    DuplicateField,
    /// More than one value cell for a one-line field.
    ExtraValue,
}

/// S004 for content inside a form that was not placed.
pub fn unrecognized_content(span: Span, text: &str, why: Unplaced) -> Diagnostic {
    let quote = excerpt(text, 30);
    let (zh, en) = match why {
        Unplaced::Line => ("无法识别的行", "Unrecognized line"),
        Unplaced::ExtraCell => ("指标行多出的单元格", "Extra cell in an indicator row"),
        Unplaced::TableLine => (
            "指标表中无法识别的行",
            "Unrecognized line in the indicator table",
        ),
        Unplaced::DuplicateField => (
            "重复的字段（已保留第一次出现的值）",
            "Field given twice (the first is kept)",
        ),
        Unplaced::ExtraValue => ("字段多出的内容", "Extra content after a field value"),
    };
    Diagnostic::new(
        &S004,
        span,
        Message::new(
            format!("{zh}，未作检查：「{quote}」"),
            format!("{en}, not checked: \"{quote}\""),
        ),
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, found, with};

    #[test]
    fn s005_fires_on_unselected_options() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t新增项目□延续项目□");
        assert_eq!(found(&text, "S005").len(), 1);
        let text = with(
            "项目类型:\t15 其他经费",
            "项目类型:\t15 其他经费(一次性项目/经常性项目)",
        );
        assert_eq!(found(&text, "S005").len(), 1);
    }

    #[test]
    fn s005_quiet_when_an_option_is_chosen() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t新增项目☑延续项目□");
        assert!(!codes(&text).contains(&"S005"));
        let text = with(
            "年度目标:\t2023年",
            "年度目标:\t根据《规划》(一次性/经常性)说明，2023年",
        );
        assert!(!codes(&text).contains(&"S005"));
    }
}
