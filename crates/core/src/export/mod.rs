//! Cleaned exports of a paste: normalized text in the canonical layout, JSON, CSV, Excel and the
//! review report (审核意见). Every change the cleaning makes is listed ([`Change`]); safe fixes are
//! applied, suggested ones only when the user accepts them.
//!
//! Pure: each format is produced as bytes; the edges (CLI, page) write or download them.

mod clean;
mod csv;
mod docx;
mod report;
mod xlsx;
mod zip;

pub use clean::{clean, normalize_cell, Cleaned};

use crate::diagnostic::{Lang, Message};
use crate::json::ChangeJson;
use crate::model::Document;
use crate::span::{LineIndex, Span};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Format {
    /// The forms rewritten in the canonical tab-separated layout, normalized.
    Text,
    /// The full structure and diagnostics (schema: `schema/kpiform-report.schema.json`).
    Json,
    /// Two CSV files (UTF-8 with BOM): forms and indicators.
    Csv,
    /// An Excel workbook: sheets 项目, 指标, 问题.
    Xlsx,
    /// The review report (审核意见) in Markdown.
    Report,
    /// The review report as a printable HTML page (A4, one form per page).
    ReportHtml,
    /// The review report as a Word document (one section per form), what bureaus send back.
    ReportDocx,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Report,
        Format::ReportHtml,
        Format::ReportDocx,
    ];

    /// The name used on the command line and in the JavaScript API.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Report => "report",
            Format::ReportHtml => "report-html",
            Format::ReportDocx => "report-docx",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn label(self) -> Message {
        match self {
            Format::Text => Message::new("规范文本", "Normalized text"),
            Format::Json => Message::new("JSON", "JSON"),
            Format::Csv => Message::new("CSV 表格", "CSV"),
            Format::Xlsx => Message::new("Excel 工作簿", "Excel workbook"),
            Format::Report => Message::new("审核意见（Markdown）", "Review report (Markdown)"),
            Format::ReportHtml => Message::new("审核意见（打印版）", "Review report (printable)"),
            Format::ReportDocx => Message::new("审核意见（Word）", "Review report (Word)"),
        }
    }

    /// Whether the format is text a page can preview.
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Xlsx | Format::ReportDocx)
    }
}

/// How to export.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct ExportOptions {
    /// Apply the suggested fixes too (safe fixes are always applied).
    pub apply_suggested: bool,
    /// Suggested fixes the user accepted one by one: (rule code, byte start of the fix's span).
    pub accepted: Vec<(String, usize)>,
    /// Language of messages and headers (Chinese by default).
    pub lang: Lang,
    /// Options of the checker (rules on or off, budget year).
    pub check: crate::rules::Options,
    /// The reviewer's decisions: dismissed findings leave the review reports, comments join them.
    pub review: crate::review::Dispositions,
    /// Only the forms of this unit (申请单位, else 主管部门): one unit's 审核意见. All when `None`.
    #[cfg_attr(feature = "wire", serde(default))]
    pub unit: Option<String>,
}

/// The unit a form is from, as the desk groups forms: its 申请单位, else its 主管部门 (white space
/// folded).
pub fn unit_of(form: &crate::model::Form) -> Option<String> {
    use crate::model::FieldKey;
    form.text(FieldKey::Applicant)
        .or(form.text(FieldKey::Authority))
        .map(crate::review::fold)
        .filter(|u| !u.is_empty())
}

/// One input of an export.
pub struct Input<'a> {
    /// File name, or `-` for standard input, or a label of the page.
    pub path: &'a str,
    pub text: &'a str,
}

/// One produced file.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    /// Suggested file name (`kpiform-forms.csv`).
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// A change the cleaning made: a fix (rule code) or a normalization (N001–N008).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub code: &'static str,
    /// Where, in the original text.
    pub span: Span,
    pub before: String,
    pub after: String,
}

impl Change {
    /// What the normalization codes mean.
    pub fn describe(code: &str) -> Message {
        match code {
            "N001" => Message::new("HTML 标记转为纯文本", "HTML turned into plain text"),
            "N002" => Message::new(
                "全角数字、字母和符号改为半角",
                "Full-width digits, letters and signs made half-width",
            ),
            "N003" => Message::new(
                "合并单元格按上一行补齐",
                "Merged cells filled from the row above",
            ),
            "N004" => Message::new("指标类别名称规范化", "Category names made canonical"),
            "N005" => Message::new("比较符号规范化", "Operators made canonical"),
            "N006" => Message::new(
                "金额去掉千分位",
                "Thousands separators removed from amounts",
            ),
            "N007" => Message::new("空白字符规范化", "Whitespace normalized"),
            "N008" => Message::new("字段标签规范化", "Labels made canonical"),
            code => crate::rules::by_code(code).map_or_else(
                || Message::new(code, code),
                |r| Message::new(r.title_zh, r.title_en),
            ),
        }
    }
}

/// The JSON view of one change.
fn change_json(text: &str, lines: &LineIndex, c: &Change, lang: Lang) -> ChangeJson {
    let lc = lines.line_col(text, c.span.start);
    ChangeJson {
        code: c.code,
        description: Change::describe(c.code).get(lang).to_string(),
        line: lc.line,
        column: lc.column,
        before: c.before.clone(),
        after: c.after.clone(),
    }
}

/// Produce `format` for the inputs. CSV gives two files (forms and indicators); every other
/// format one.
/// The media types of the exported files.
pub const MIME_TEXT: &str = "text/plain;charset=utf-8";
pub const MIME_JSON: &str = "application/json";
pub const MIME_CSV: &str = "text/csv;charset=utf-8";
pub const MIME_XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const MIME_DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const MIME_MARKDOWN: &str = "text/markdown;charset=utf-8";
pub const MIME_HTML: &str = "text/html;charset=utf-8";
/// Every media type an [`ExportFile`] can have.
pub const MIMES: [&str; 7] = [
    MIME_TEXT,
    MIME_JSON,
    MIME_CSV,
    MIME_XLSX,
    MIME_MARKDOWN,
    MIME_HTML,
    MIME_DOCX,
];

/// Text for XML (the workbook, the Word report): escaped, and without the control characters
/// XML 1.0 forbids (pasted junk).
fn xml(s: &str) -> String {
    let allowed: String = s
        .chars()
        .filter(|&c| {
            !(((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
                || c == '\u{fffe}'
                || c == '\u{ffff}')
        })
        .collect();
    crate::text::escape(&allowed)
}

/// The documents as the review reports show them: without the findings the reviewer dismissed
/// (which then count for no grade either), each comment after its finding's message.
fn reviewed<'a>(
    checked: &[(&'a Input<'a>, Document)],
    r: &crate::review::Dispositions,
) -> Vec<(&'a Input<'a>, Document)> {
    use crate::review::FindingKey;
    let keep = |text: &str,
                form: Option<&crate::model::Form>,
                ds: &mut Vec<crate::diagnostic::Diagnostic>| {
        ds.retain(|d| r.dismissed(&FindingKey::of(text, form, d)).is_none());
        for d in ds.iter_mut() {
            if let Some(c) = r.comment(&FindingKey::of(text, form, d)) {
                d.message.zh.push_str(&format!("【审核意见：{c}】"));
                d.message.en.push_str(&format!(" [Reviewer: {c}]"));
            }
        }
    };
    checked
        .iter()
        .map(|(input, doc)| {
            let mut doc = doc.clone();
            for i in 0..doc.forms.len() {
                let mut ds = std::mem::take(&mut doc.forms[i].diagnostics);
                keep(input.text, Some(&doc.forms[i]), &mut ds);
                doc.forms[i].diagnostics = ds;
            }
            let mut ds = std::mem::take(&mut doc.diagnostics);
            keep(input.text, None, &mut ds);
            doc.diagnostics = ds;
            (*input, doc)
        })
        .collect()
}

pub fn export(inputs: &[Input], format: Format, options: &ExportOptions) -> Vec<ExportFile> {
    let checked: Vec<(&Input, Document)> = inputs
        .iter()
        .map(|i| {
            let mut doc = crate::rules::check(i.text, &options.check);
            if let Some(unit) = &options.unit {
                doc.forms
                    .retain(|f| unit_of(f).as_deref() == Some(crate::review::fold(unit).as_str()));
            }
            (i, doc)
        })
        .collect();
    match format {
        Format::Text => {
            let mut out = String::new();
            for (input, _) in &checked {
                let cleaned = clean(input.text, options);
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&cleaned.text);
            }
            vec![file("kpiform-cleaned.txt", MIME_TEXT, out.into_bytes())]
        }
        Format::Json => {
            let inputs_json = checked
                .iter()
                .map(|(input, doc)| {
                    let mut j = crate::json::input(
                        input.path,
                        input.text,
                        doc,
                        options.lang,
                        &options.review,
                    );
                    let cleaned = clean(input.text, options);
                    j.changes = cleaned
                        .changes
                        .iter()
                        .map(|c| change_json(input.text, &doc.lines, c, options.lang))
                        .collect();
                    j
                })
                .collect();
            let bytes =
                serde_json::to_vec_pretty(&crate::json::report(inputs_json)).unwrap_or_default();
            vec![file("kpiform-report.json", MIME_JSON, bytes)]
        }
        Format::Csv => {
            let (forms, indicators) = csv::tables(&checked, options.lang, &options.review);
            vec![
                file("kpiform-forms.csv", MIME_CSV, forms),
                file("kpiform-indicators.csv", MIME_CSV, indicators),
            ]
        }
        Format::Xlsx => vec![file(
            "kpiform.xlsx",
            MIME_XLSX,
            xlsx::workbook(&checked, options.lang, &options.review),
        )],
        Format::Report => vec![file(
            "kpiform-审核意见.md",
            MIME_MARKDOWN,
            report::markdown(
                &reviewed(&checked, &options.review),
                options.lang,
                &options.review,
            )
            .into_bytes(),
        )],
        Format::ReportHtml => vec![file(
            "kpiform-审核意见.html",
            MIME_HTML,
            report::html(
                &reviewed(&checked, &options.review),
                options.lang,
                &options.review,
            )
            .into_bytes(),
        )],
        Format::ReportDocx => vec![file(
            "kpiform-审核意见.docx",
            MIME_DOCX,
            docx::report(
                &reviewed(&checked, &options.review),
                options.lang,
                &options.review,
            ),
        )],
    }
}

fn file(name: &str, mime: &'static str, bytes: Vec<u8>) -> ExportFile {
    ExportFile {
        name: name.to_string(),
        mime,
        bytes,
    }
}
