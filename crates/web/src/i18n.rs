//! Every user-facing string of the page, in Chinese (primary) and English.
//!
//! Texts that come from the core (diagnostic messages, severity labels) carry both languages
//! themselves ([`kpiform_core::Message`]); everything the page adds lives here.

use kpiform_core::{FormKind, Lang};

/// The strings of one language.
pub struct Strings {
    /// Value of `<html lang>`.
    pub html_lang: &'static str,
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub privacy: &'static str,
    /// Text of the language button: the *other* language.
    pub switch_lang: &'static str,
    pub switch_lang_title: &'static str,

    pub input_label: &'static str,
    pub input_placeholder: &'static str,
    pub input_hint: &'static str,
    pub clear: &'static str,

    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub empty_points: [&'static str; 3],
    pub no_forms_title: &'static str,
    pub no_forms_body: &'static str,

    pub forms_heading: &'static str,
    /// Unit after the form count (`11 张申报表`).
    pub forms_unit: &'static str,
    pub indicators_label: &'static str,
    pub applicable_label: &'static str,

    pub col_index: &'static str,
    pub col_kind: &'static str,
    pub col_name: &'static str,
    pub col_code: &'static str,
    pub col_unit: &'static str,
    pub col_total: &'static str,
    pub col_year: &'static str,
    pub col_indicators: &'static str,
    pub col_indicators_title: &'static str,
    pub col_problems: &'static str,

    pub kind_project: &'static str,
    pub kind_department: &'static str,
    pub name_label_project: &'static str,
    pub name_label_department: &'static str,
    pub no_value: &'static str,
    pub no_problems: &'static str,

    pub diag_heading: &'static str,
    pub col_location: &'static str,
    pub col_severity: &'static str,
    pub col_rule: &'static str,
    pub col_message: &'static str,
    pub col_form: &'static str,
    pub outside_forms: &'static str,
    pub select_in_text: &'static str,
    pub rule_doc: &'static str,
    pub all_clear: &'static str,

    pub footer: &'static str,
}

pub const ZH: Strings = Strings {
    html_lang: "zh-CN",
    app_title: "绩效目标申报表检查",
    tagline: "粘贴从预算系统、Word、Excel 或 PDF 复制的申报表文本，查看识别出的表格和发现的问题。",
    privacy: "文本只在本机浏览器中处理，不会发送到任何地方。",
    switch_lang: "English",
    switch_lang_title: "Switch to English",

    input_label: "申报表文本",
    input_placeholder: "在此粘贴一张或多张绩效目标申报表……",
    input_hint: "支持制表符分隔、Markdown 表格和带 HTML 标记的文本。",
    clear: "清空",

    empty_title: "还没有内容",
    empty_body: "把申报表全文粘贴到左侧文本框，结果会立即显示在这里：",
    empty_points: [
        "二级项目支出绩效目标申报表、部门（单位）整体支出绩效目标申报表均可识别；",
        "一次可以粘贴多张表，逐张列出名称、编码、金额和绩效指标；",
        "结构问题会标出所在的行和列，点击位置即可在原文中选中。",
    ],
    no_forms_title: "没有识别出申报表",
    no_forms_body: "请确认粘贴的是申报表全文，包括表头「……绩效目标申报表」。",

    forms_heading: "识别结果",
    forms_unit: "张申报表",
    indicators_label: "绩效指标",
    applicable_label: "适用",

    col_index: "序号",
    col_kind: "类型",
    col_name: "名称",
    col_code: "项目编码",
    col_unit: "金额单位",
    col_total: "项目总金额",
    col_year: "本年度金额",
    col_indicators: "指标",
    col_indicators_title: "适用指标数 / 指标行数",
    col_problems: "问题",

    kind_project: "项目",
    kind_department: "部门",
    name_label_project: "项目名称",
    name_label_department: "部门名称",
    no_value: "—",
    no_problems: "无",

    diag_heading: "问题清单",
    col_location: "位置",
    col_severity: "级别",
    col_rule: "规则",
    col_message: "说明",
    col_form: "所属表",
    outside_forms: "表外",
    select_in_text: "在原文中选中",
    rule_doc: "查看规则说明",
    all_clear: "未发现问题。",

    footer: "kpiform · 绩效目标申报表检查工具 · 离线运行",
};

pub const EN: Strings = Strings {
    html_lang: "en",
    app_title: "Performance Target Form Checker",
    tagline: "Paste the text of 绩效目标申报表 copied from the budget system, Word, Excel or PDF to see the forms found and the problems in them.",
    privacy: "Your text is processed in this browser only and is never sent anywhere.",
    switch_lang: "中文",
    switch_lang_title: "切换为中文",

    input_label: "Form text",
    input_placeholder: "Paste one or more performance target forms here…",
    input_hint: "Tab-separated text, Markdown tables and text with HTML tags all work.",
    clear: "Clear",

    empty_title: "Nothing here yet",
    empty_body: "Paste the full text of your forms into the box on the left; results appear here at once:",
    empty_points: [
        "project forms (二级项目支出) and department forms (部门整体支出) are both recognized;",
        "paste many forms at once: each is listed with its name, code, amounts and indicators;",
        "structural problems show their line and column; click one to select it in the text.",
    ],
    no_forms_title: "No form found",
    no_forms_body: "Make sure you pasted a whole form, including its title “…绩效目标申报表”.",

    forms_heading: "Results",
    forms_unit: "forms",
    indicators_label: "indicators",
    applicable_label: "applicable",

    col_index: "#",
    col_kind: "Kind",
    col_name: "Name",
    col_code: "Code",
    col_unit: "Unit",
    col_total: "Total amount",
    col_year: "This year",
    col_indicators: "Indicators",
    col_indicators_title: "applicable indicators / indicator rows",
    col_problems: "Problems",

    kind_project: "Project",
    kind_department: "Department",
    name_label_project: "project name",
    name_label_department: "department name",
    no_value: "—",
    no_problems: "none",

    diag_heading: "Problems",
    col_location: "Where",
    col_severity: "Severity",
    col_rule: "Rule",
    col_message: "Message",
    col_form: "Form",
    outside_forms: "outside",
    select_in_text: "Select in the text",
    rule_doc: "Read the rule's documentation",
    all_clear: "No problems found.",

    footer: "kpiform · performance target form checker · works offline",
};

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn kind(&self, kind: FormKind) -> &'static str {
        match kind {
            FormKind::Project => self.kind_project,
            FormKind::Department => self.kind_department,
        }
    }

    pub fn name_label(&self, kind: FormKind) -> &'static str {
        match kind {
            FormKind::Project => self.name_label_project,
            FormKind::Department => self.name_label_department,
        }
    }

    /// `第 27 行，第 23 列` / `line 27, column 23` (for titles and screen readers).
    pub fn line_col_long(&self, line: usize, column: usize) -> String {
        match self.html_lang {
            "en" => format!("line {line}, column {column}"),
            _ => format!("第 {line} 行，第 {column} 列"),
        }
    }

    /// `第 3 行起` / `from line 3`.
    pub fn starts_at_line(&self, line: usize) -> String {
        match self.html_lang {
            "en" => format!("from line {line}"),
            _ => format!("第 {line} 行起"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_filled() {
        for s in [&ZH, &EN] {
            assert!(!s.app_title.is_empty());
            assert!(s.empty_points.iter().all(|p| !p.is_empty()));
        }
        assert_eq!(ZH.line_col_long(3, 5), "第 3 行，第 5 列");
        assert_eq!(EN.line_col_long(3, 5), "line 3, column 5");
    }
}
