//! kpiform's JavaScript API (ES module + wasm, built with wasm-bindgen).
//!
//! ```js
//! import init, { check, exportAs, importFile, importClipboard, rules, version } from "./kpiform.js";
//! await init();
//! const report = check(text, { budgetYear: 2024, ignore: ["V002"], lang: "zh" });
//! const csv = exportAs(text, "csv", { table: "indicators" });
//! const { text: fromWorkbook } = importFile("申报表.xlsx", new Uint8Array(await file.arrayBuffer()));
//! const pasted = importClipboard(event.clipboardData.getData("text/html"), event.clipboardData.getData("text/plain"));
//! ```
//!
//! `check` returns the same structure as `kpiform check --format json` for one input (plain JS
//! objects). Invalid options and formats become exceptions with a clear message.

use kpiform_core::export::{self, ExportOptions, Format};
use kpiform_core::{json, Lang, Options, Severity};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of `check` and `exportAs`. Every key is optional. */
export interface CheckOptions {
  /** Budget year; detected from the text when absent. */
  budgetYear?: number;
  /** Only these rule codes or prefixes ("V", "A005"). */
  select?: string[];
  /** Rule codes or prefixes switched off. */
  ignore?: string[];
  /** Severity per code or prefix: { "V007": "info" }. */
  severity?: Record<string, "error" | "warning" | "info">;
  /** Language of messages: "zh" (default) or "en". */
  lang?: "zh" | "en";
  /** Name of the input in the result (default "input"). */
  path?: string;
}

export interface ExportOptions extends CheckOptions {
  /** Apply the suggested fixes too (safe fixes always are). */
  applySuggested?: boolean;
  /** For "csv": which table, "forms" (default) or "indicators". */
  table?: "forms" | "indicators";
}

export type ExportFormat = "text" | "json" | "csv" | "xlsx" | "report" | "report-html" | "report-docx";

export interface Diagnostic {
  code: string; name: string; severity: "error" | "warning" | "info"; category: string;
  message: string; message_en: string; line: number; column: number; end_line: number; end_column: number;
  start_offset: number; end_offset: number;
  related: { message: string; line: number; column: number; end_line: number; end_column: number }[];
  fix: null | { applicability: "safe" | "suggest"; title: string; replacement: string };
}

export interface Indicator {
  level1: "产出" | "效益" | "满意度" | "成本" | null; level2: string | null; mandatory: boolean;
  name: string; value: string; unit: string | null; explanation: string; applicable: boolean; line: number;
  parsed: { kind: string; operator: string | null; number: number | null; unit: string | null; date: number[] | null; approximate: boolean; expected: string };
}

export interface Form {
  kind: "project" | "department"; title: string; start_line: number; end_line: number; budget_year: number | null;
  fields: Record<string, unknown>; indicators: Indicator[]; diagnostics: Diagnostic[];
}

export interface CheckResult {
  path: string; budget_year: number | null; forms: Form[]; diagnostics: Diagnostic[];
}

/** A file or a paste read into the text `check` reads (tables one row per line, cells at tabs). */
export interface ImportResult {
  text: string;
  /** "xlsx" | "xlsb" | "xls" | "ods" | "docx" | "html" | "mht" | "csv" | "text" */
  kind: string;
  /** The encoding of a text file when it was not UTF-8 ("GB18030", "UTF-16LE" …). */
  encoding: string | null;
  tables: number;
  /** What the import changed or left out (a line break in a cell, a hidden sheet …). */
  notes: { line: number; message: string; message_en: string }[];
}

export interface Rule {
  code: string; name: string; severity: "error" | "warning" | "info"; category: string;
  /** 财预〔2015〕88号's review dimension: "completeness" | "relevance" | "appropriateness" | "feasibility" */
  dimension: string;
  title: string; title_en: string; fix: "none" | "safe" | "suggest"; catches: string; catches_en: string;
}
"#;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsOptions {
    budget_year: Option<u16>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: std::collections::BTreeMap<String, String>,
    lang: Option<String>,
    path: Option<String>,
    #[serde(default)]
    apply_suggested: bool,
    table: Option<String>,
}

fn error(zh: &str, en: &str) -> JsError {
    JsError::new(&format!("kpiform: {zh} / {en}"))
}

fn options(value: JsValue) -> Result<(Options, Lang, JsOptions), JsError> {
    const KEYS: [&str; 8] = [
        "budgetYear",
        "select",
        "ignore",
        "severity",
        "lang",
        "path",
        "applySuggested",
        "table",
    ];
    if value.is_object() {
        // A misspelt key (`budget_year`) must not be ignored silently.
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !KEYS.contains(&key.as_str()) {
                return Err(error(
                    "未知的选项",
                    &format!(
                        "invalid options: unknown key {key:?} (known: {})",
                        KEYS.join(", ")
                    ),
                ));
            }
        }
    }
    let o: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| error("选项无效", &format!("invalid options: {e}")))?
    };
    let lang = match o.lang.as_deref() {
        None | Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        Some(other) => {
            return Err(error(
                "语言只能是 zh 或 en",
                &format!("lang must be \"zh\" or \"en\", not {other:?}"),
            ))
        }
    };
    let mut severity = Vec::new();
    for (code, level) in &o.severity {
        let s = Severity::parse(level).ok_or_else(|| {
            error(
                "未知的严重程度",
                &format!("unknown severity {level:?} for {code} (error, warning, info)"),
            )
        })?;
        severity.push((code.clone(), s));
    }
    if let Some(y) = o.budget_year {
        if !(1990..=2100).contains(&y) {
            return Err(error("预算年度无效", &format!("invalid budget year {y}")));
        }
    }
    let check = Options {
        budget_year: o.budget_year,
        select: o.select.clone(),
        ignore: o.ignore.clone(),
        severity,
    };
    check
        .validate()
        .map_err(|e| JsError::new(&format!("kpiform: {e}")))?;
    Ok((check, lang, o))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Check the text of one or many forms: the structure and every diagnostic.
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions | undefined")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let (opts, lang, o) = options(options_value)?;
    let doc = kpiform_core::check(text, &opts);
    to_js(&json::input(
        o.path.as_deref().unwrap_or("input"),
        text,
        &doc,
        lang,
        &Default::default(),
    ))
}

/// Export in a format: a string for text formats, a `Uint8Array` for "xlsx".
#[wasm_bindgen(js_name = exportAs, unchecked_return_type = "string | Uint8Array")]
pub fn export_as(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ExportFormat")] format: &str,
    #[wasm_bindgen(unchecked_param_type = "ExportOptions | undefined")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let format = Format::parse(format).ok_or_else(|| {
        error(
            "未知的导出格式",
            &format!(
                "unknown export format {format:?} (text, json, csv, xlsx, report, report-html, report-docx)"
            ),
        )
    })?;
    let (check, lang, o) = options(options_value)?;
    let eo = ExportOptions {
        apply_suggested: o.apply_suggested,
        accepted: Vec::new(),
        lang,
        check,
        review: Default::default(),
        unit: None,
    };
    let input = [export::Input {
        path: o.path.as_deref().unwrap_or("input"),
        text,
    }];
    let mut files = export::export(&input, format, &eo);
    let index = match (format, o.table.as_deref()) {
        (Format::Csv, None | Some("forms")) => 0,
        (Format::Csv, Some("indicators")) => 1,
        (Format::Csv, Some(t)) => {
            return Err(error(
                "table 只能是 forms 或 indicators",
                &format!("table must be \"forms\" or \"indicators\", not {t:?}"),
            ))
        }
        _ => 0,
    };
    let file = files.swap_remove(index);
    if format.is_text() {
        let s = String::from_utf8(file.bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(JsValue::from_str(&s))
    } else {
        Ok(js_sys::Uint8Array::from(&file.bytes[..]).into())
    }
}

#[derive(Serialize)]
struct RuleJs {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    category: &'static str,
    dimension: &'static str,
    title: &'static str,
    title_en: &'static str,
    fix: &'static str,
    catches: &'static str,
    catches_en: &'static str,
}

/// Every rule of the catalogue.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsError> {
    let list: Vec<RuleJs> = kpiform_core::rules()
        .map(|r| RuleJs {
            code: r.code,
            name: r.name,
            severity: r.severity.as_str(),
            category: r.category.as_str(),
            dimension: r.dimension.as_str(),
            title: r.title_zh,
            title_en: r.title_en,
            fix: r.fix.as_str(),
            catches: r.doc.catches_zh,
            catches_en: r.doc.catches_en,
        })
        .collect();
    to_js(&list)
}

#[derive(Serialize)]
struct NoteJs {
    line: usize,
    message: String,
    message_en: String,
}

#[derive(Serialize)]
struct ImportJs {
    text: String,
    kind: &'static str,
    encoding: Option<&'static str>,
    tables: usize,
    notes: Vec<NoteJs>,
}

fn imported(i: kpiform_import::Imported) -> Result<JsValue, JsError> {
    to_js(&ImportJs {
        text: i.text,
        kind: i.kind.label(),
        encoding: i.encoding,
        tables: i.tables,
        notes: i
            .notes
            .into_iter()
            .map(|n| NoteJs {
                line: n.line,
                message: n.zh,
                message_en: n.en,
            })
            .collect(),
    })
}

/// Read a file (its name, for the extension, and its bytes): a workbook (.xlsx, .xls, .ods), a
/// Word document (.docx), a web page (.html, .mht), CSV or text in any encoding. A file that is
/// no form (a PDF, an image, an encrypted or damaged file, random bytes) throws, with a message
/// in Chinese and English that says what to do instead.
#[wasm_bindgen(js_name = importFile, unchecked_return_type = "ImportResult")]
pub fn import_file(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    match kpiform_import::import(name, bytes) {
        Ok(i) => imported(i),
        Err(r) => Err(error(&r.zh(), &r.en())),
    }
}

/// Read a paste's `text/html` (a copy from Excel, WPS, Word or a web page) with its
/// `text/plain`: the table rebuilt by its cells; `null` when the HTML holds no table.
#[wasm_bindgen(js_name = importClipboard, unchecked_return_type = "ImportResult | null")]
pub fn import_clipboard(html: &str, plain: &str) -> Result<JsValue, JsError> {
    match kpiform_import::clipboard(html, plain) {
        Some(i) => imported(i),
        None => Ok(JsValue::NULL),
    }
}

/// The version of kpiform.
#[wasm_bindgen]
pub fn version() -> String {
    kpiform_core::VERSION.to_string()
}
