//! `kpiform`: check 绩效目标申报表 from the command line.
//!
//! Exit codes: 0 no error-severity diagnostic, 1 at least one, 2 usage or IO failure.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod batch;
use kpiform_core::{Lang, Options, Severity};

#[derive(Parser)]
#[command(
    name = "kpiform",
    version,
    about = "检查绩效目标申报表 / Check budget performance-target declaration forms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查申报表并列出问题 / Check forms and list the problems
    Check {
        /// 输出格式 / Output format
        #[arg(long, value_enum, default_value_t = batch::CheckFormat::Text)]
        format: batch::CheckFormat,
        /// 消息语言 / Language of messages
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// 只运行这些规则（编号或前缀，逗号分隔）/ Only these rules (codes or prefixes, comma-separated)
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        select: Vec<String>,
        /// 不运行这些规则 / Switch these rules off
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        ignore: Vec<String>,
        /// 调整严重程度，如 V002=warning / Change severities, e.g. V002=warning
        #[arg(long, value_delimiter = ',', value_name = "CODE=LEVEL")]
        severity: Vec<String>,
        /// 预算年度（默认从文本推断）/ Budget year (detected from the text by default)
        #[arg(long, value_name = "YYYY")]
        budget_year: Option<u16>,
        /// 文件或目录（文本、CSV、Excel、WPS、Word、网页文件，目录含子目录）；不给或为 `-` 时读标准输入
        /// / Files or folders (text, CSV, Excel, WPS, Word and web page files; folders recursively);
        /// standard input when none or `-`
        files: Vec<String>,
    },
    /// 导出整理后的文本、JSON、CSV、Excel 或审核意见 / Export cleaned text, JSON, CSV, Excel or the review report
    Export {
        /// 导出格式 / Export format
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// 输出文件（CSV 为两个文件：名称-forms.csv、名称-indicators.csv）；默认标准输出
        /// / Output file (CSV: NAME-forms.csv and NAME-indicators.csv); standard output by default
        #[arg(short, long, value_name = "OUT")]
        output: Option<std::path::PathBuf>,
        /// 同时应用建议修复（安全修复总是应用）/ Also apply the suggested fixes (safe fixes always are)
        #[arg(long)]
        apply_suggested: bool,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        select: Vec<String>,
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        ignore: Vec<String>,
        #[arg(long, value_name = "YYYY")]
        budget_year: Option<u16>,
        /// 审核文件（页面“保存审核”所存）：按其中的等级改定、忽略和批注导出；不给文件时导出其中的申报表
        /// / A review file (the page's "save review"): export with its grades, dismissals and
        /// comments; without files, export the forms it holds
        #[arg(long, value_name = "FILE")]
        review: Option<std::path::PathBuf>,
        /// 只导出该单位（申请单位或主管部门）的申报表：一个单位的审核意见
        /// / Only the forms of this unit (申请单位 or 主管部门): one unit's review report
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// 文件（文本、CSV、Excel、WPS、Word、网页）；不给或为 `-` 时读标准输入
        /// / Files (text, CSV, Excel, WPS, Word, web pages); standard input when none or `-`
        files: Vec<String>,
    },
    /// 比较重新报送的申报表与上一版：已改正、新出现、仍存在的问题，以及改动的字段和指标值
    /// / Compare a resubmission with the earlier version: findings fixed, new and remaining, and
    /// the fields and indicator values that changed
    Compare {
        /// 输出格式 / Output format
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
        /// 消息语言 / Language of messages
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// 上一版 / The earlier version
        old: String,
        /// 重新报送的版本 / The resubmission
        new: String,
    },
    /// 把文件读成检查所用的文本（工作簿、Word 文档、网页、CSV）并输出；问题的行号即此文本的行号
    /// / Print the text a file is read into (workbooks, Word documents, web pages, CSV): the
    /// lines that `check` names
    Import {
        /// 文件；多个文件时各以一行【文件：名称】开头 / Files; several each start with a line
        /// 【文件：name】
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// 列出所有规则 / List every rule
    Rules {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// 与 --format html 一起：写入该目录 / With --format html: write the pages into this folder
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Text,
    Json,
    /// 规则文档页面（仅用于 rules）/ Rule documentation pages (rules only)
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Text,
    Json,
    Csv,
    Xlsx,
    Report,
    ReportHtml,
    /// 审核意见 Word 文档（每张表一节）/ The review report as a Word document (a section per form)
    ReportDocx,
}

impl From<ExportFormat> for kpiform_core::export::Format {
    fn from(f: ExportFormat) -> Self {
        use kpiform_core::export::Format as F;
        match f {
            ExportFormat::Text => F::Text,
            ExportFormat::Json => F::Json,
            ExportFormat::Csv => F::Csv,
            ExportFormat::Xlsx => F::Xlsx,
            ExportFormat::Report => F::Report,
            ExportFormat::ReportHtml => F::ReportHtml,
            ExportFormat::ReportDocx => F::ReportDocx,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            format,
            lang,
            select,
            ignore,
            severity,
            budget_year,
            files,
        } => options(select, ignore, severity, budget_year)
            .and_then(|o| batch::run(&files, format, lang.into(), &o)),
        Command::Export {
            format,
            output,
            apply_suggested,
            lang,
            select,
            ignore,
            budget_year,
            review,
            unit,
            files,
        } => options(select, ignore, Vec::new(), budget_year).and_then(|check| {
            let saved = review.as_deref().map(read_review).transpose()?;
            let mut o = kpiform_core::export::ExportOptions {
                apply_suggested,
                accepted: Vec::new(),
                lang: lang.into(),
                check,
                review: Default::default(),
                unit,
            };
            let mut texts = Vec::new();
            if let (Some(path), Some(file)) = (&review, saved) {
                if o.check == Options::default() {
                    o.check = file.rules.clone();
                }
                o.review = file.review;
                if files.is_empty() {
                    texts.push((path.display().to_string(), file.text));
                }
            }
            export(format.into(), &o, output.as_deref(), &files, texts)
        }),
        Command::Import { files } => import(&files),
        Command::Compare {
            format,
            lang,
            old,
            new,
        } => compare(&old, &new, format, lang.into()),
        Command::Rules { format, lang, out } => list_rules(format, lang.into(), out.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("kpiform: {message}");
            ExitCode::from(2)
        }
    }
}

/// Read a file (or standard input) into the text the checker reads: a workbook, a Word document,
/// a web page or CSV through `kpiform-import`, a text file in its encoding. What is no readable
/// form (a PDF, an image, random bytes, a damaged file) is an error with a message in Chinese
/// and English, never mojibake; what the import changed goes to standard error.
pub(crate) fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入 / cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path)
            .map_err(|e| format!("无法读取 {path} / cannot read {path}: {e}"))?;
    }
    let imported = kpiform_import::import(path, &bytes).map_err(|r| format!("{path}: {r}"))?;
    if let Some(enc) = imported.encoding {
        eprintln!("kpiform: {path}: 按 {enc} 解码 / decoded as {enc}");
    }
    if imported.kind != kpiform_import::Kind::Text {
        eprintln!(
            "kpiform: {path}: 读作 {kind}，{n} 个表格 / read as {kind}, {n} table{s}",
            kind = imported.kind.label(),
            n = imported.tables,
            s = if imported.tables == 1 { "" } else { "s" }
        );
    }
    for n in &imported.notes {
        eprintln!("kpiform: {path}:{}: {} / {}", n.line, n.zh, n.en);
    }
    Ok(imported.text)
}

/// Read a review file the page saved.
fn read_review(path: &std::path::Path) -> Result<kpiform_core::ReviewFile, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("无法读取 {p} / cannot read {p}: {e}", p = path.display()))?;
    kpiform_core::ReviewFile::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// `kpiform compare OLD NEW`: per form, the findings fixed, new and remaining, and what changed.
/// Exits 1 when the resubmission has findings that are errors, else 0.
fn compare(old: &str, new: &str, format: CompareFormat, lang: Lang) -> Result<ExitCode, String> {
    use kpiform_core::{Change, Options};
    let (old_text, new_text) = (read_input(old)?, read_input(new)?);
    let o = Options::default();
    let (a, b) = (
        kpiform_core::check(&old_text, &o),
        kpiform_core::check(&new_text, &o),
    );
    let forms = kpiform_core::compare(&old_text, &a, &new_text, &b);
    let finding = |f: &kpiform_core::Finding| serde_json::json!({ "code": f.code, "message": f.message.get(lang), "quote": f.quote });
    let mut out = String::new();
    match format {
        CompareFormat::Json => {
            let list: Vec<serde_json::Value> = forms
                .iter()
                .map(|c| {
                    let changed: Vec<serde_json::Value> = c
                        .changed
                        .iter()
                        .map(|ch| match ch {
                            Change::Field { label, old, new } => {
                                serde_json::json!({ "field": label, "old": old, "new": new })
                            }
                            Change::Indicator { name, old, new } => {
                                serde_json::json!({ "indicator": name, "old": old, "new": new })
                            }
                        })
                        .collect();
                    serde_json::json!({
                        "code": c.code,
                        "name": c.name,
                        "old_form": c.old.map(|i| i + 1),
                        "new_form": c.new.map(|i| i + 1),
                        "fixed": c.fixed.iter().map(finding).collect::<Vec<_>>(),
                        "new": c.added.iter().map(finding).collect::<Vec<_>>(),
                        "remaining": c.remaining.iter().map(finding).collect::<Vec<_>>(),
                        "changed": changed,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&serde_json::json!({ "forms": list }))
                .map_err(|e| e.to_string())?;
            out.push('\n');
        }
        CompareFormat::Text => {
            let zh = lang == Lang::Zh;
            let none = if zh { "（空）" } else { "(none)" };
            for c in &forms {
                let title = match (c.old, c.new) {
                    (Some(_), None) => {
                        if zh {
                            "（重新报送中没有此表）"
                        } else {
                            " (not in the resubmission)"
                        }
                    }
                    (None, Some(_)) => {
                        if zh {
                            "（新增的表）"
                        } else {
                            " (a new form)"
                        }
                    }
                    _ => "",
                };
                out.push_str(&format!(
                    "== {} {}{title}\n",
                    c.code.as_deref().unwrap_or("-"),
                    c.name.as_deref().unwrap_or("-")
                ));
                let counts = if zh {
                    format!(
                        "   已改正 {}，新出现 {}，仍存在 {}\n",
                        c.fixed.len(),
                        c.added.len(),
                        c.remaining.len()
                    )
                } else {
                    format!(
                        "   fixed {}, new {}, remaining {}\n",
                        c.fixed.len(),
                        c.added.len(),
                        c.remaining.len()
                    )
                };
                out.push_str(&counts);
                for (mark, list) in [("-", &c.fixed), ("+", &c.added)] {
                    for f in list {
                        out.push_str(&format!("   {mark} [{}] {}\n", f.code, f.message.get(lang)));
                    }
                }
                for ch in &c.changed {
                    let (what, old, new) = match ch {
                        Change::Field { label, old, new } => (label, old, new),
                        Change::Indicator { name, old, new } => (name, old, new),
                    };
                    out.push_str(&format!(
                        "   ~ {what}: {} → {}\n",
                        old.as_deref().unwrap_or(none),
                        new.as_deref().unwrap_or(none)
                    ));
                }
            }
        }
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())?;
    let errors = b
        .all_diagnostics()
        .any(|d| d.severity == kpiform_core::Severity::Error);
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `kpiform import FILES`: the text each file is read into, on standard output; a file that is
/// no form gives its message and exit code 2, and the others are still printed.
fn import(files: &[String]) -> Result<ExitCode, String> {
    let mut out = String::new();
    let mut failed = false;
    for path in files {
        match read_input(path) {
            Ok(text) => {
                if files.len() > 1 {
                    out.push_str(&kpiform_core::file_line(path));
                    out.push('\n');
                }
                out.push_str(&text);
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Err(e) => {
                eprintln!("kpiform: {e}");
                failed = true;
            }
        }
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn options(
    select: Vec<String>,
    ignore: Vec<String>,
    severity: Vec<String>,
    budget_year: Option<u16>,
) -> Result<Options, String> {
    let mut grades = Vec::new();
    for s in severity {
        let (code, level) = s.split_once('=').ok_or_else(|| {
            format!("--severity 需要 CODE=LEVEL 的形式 / --severity takes CODE=LEVEL: {s}")
        })?;
        let level = Severity::parse(level).ok_or_else(|| {
            format!("未知的严重程度 / unknown severity: {level} (error, warning, info)")
        })?;
        grades.push((code.to_string(), level));
    }
    if let Some(y) = budget_year {
        if !(1990..=2100).contains(&y) {
            return Err(format!("预算年度无效 / invalid budget year: {y}"));
        }
    }
    let o = Options {
        budget_year,
        select,
        ignore,
        severity: grades,
    };
    o.validate().map_err(|e| e.to_string())?;
    Ok(o)
}

fn export(
    format: kpiform_core::export::Format,
    options: &kpiform_core::export::ExportOptions,
    output: Option<&std::path::Path>,
    files: &[String],
    given: Vec<(String, String)>,
) -> Result<ExitCode, String> {
    use kpiform_core::export::{self, Format as F, Input};
    use std::io::IsTerminal;
    let texts: Vec<(String, String)> = if !given.is_empty() {
        given
    } else {
        let files = if files.is_empty() {
            vec!["-".to_string()]
        } else {
            batch::expand(files)?
        };
        files
            .iter()
            .map(|p| read_input(p).map(|t| (p.clone(), t)))
            .collect::<Result<_, _>>()?
    };
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(path, text)| Input { path, text })
        .collect();
    if format == F::Text {
        // The cleaning is never silent: every change goes to standard error.
        for input in &inputs {
            let cleaned = export::clean(input.text, options);
            let lines = kpiform_core::LineIndex::new(input.text);
            eprintln!(
                "kpiform: {}: {} 处修改 / changes",
                input.path,
                cleaned.changes.len()
            );
            for c in &cleaned.changes {
                let lc = lines.line_col(input.text, c.span.start);
                eprintln!(
                    "  {}:{}:{}: {} {} 「{}」→「{}」",
                    input.path,
                    lc.line,
                    lc.column,
                    c.code,
                    export::Change::describe(c.code).get(options.lang),
                    kpiform_core::excerpt(&c.before, 40),
                    kpiform_core::excerpt(&c.after, 40)
                );
            }
        }
    }
    let produced = export::export(&inputs, format, options);
    match output {
        Some(path) => {
            let stem = path.with_extension("");
            for (n, f) in produced.iter().enumerate() {
                let target = if produced.len() == 1 {
                    path.to_path_buf()
                } else {
                    let part = f.name.trim_start_matches("kpiform-");
                    std::path::PathBuf::from(format!("{}-{part}", stem.display()))
                };
                std::fs::write(&target, &f.bytes)
                    .map_err(|e| format!("无法写入 / cannot write {}: {e}", target.display()))?;
                if produced.len() > 1 || n == 0 {
                    eprintln!("kpiform: 已写入 / wrote {}", target.display());
                }
            }
        }
        None => {
            if format == F::Xlsx && std::io::stdout().is_terminal() {
                return Err("Excel 文件不能输出到终端，请用 -o 文件名.xlsx / an Excel file cannot go to a terminal: use -o FILE.xlsx".into());
            }
            let mut out = std::io::stdout().lock();
            for (n, f) in produced.iter().enumerate() {
                if n > 0 {
                    out.write_all(b"\n").map_err(|e| e.to_string())?;
                }
                out.write_all(&f.bytes).map_err(|e| e.to_string())?;
            }
            out.flush().map_err(|e| e.to_string())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list_rules(
    format: Format,
    lang: Lang,
    dir: Option<&std::path::Path>,
) -> Result<ExitCode, String> {
    if format == Format::Html {
        let dir = dir.ok_or("--format html 需要 --out DIR / --format html needs --out DIR")?;
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("无法创建 / cannot create {}: {e}", dir.display()))?;
        for (name, content) in kpiform_core::docs::site_files() {
            let path = dir.join(name);
            std::fs::write(&path, content)
                .map_err(|e| format!("无法写入 / cannot write {}: {e}", path.display()))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    match format {
        Format::Html => unreachable!("handled above"),
        Format::Text => {
            for r in kpiform_core::rules() {
                let title = match lang {
                    Lang::Zh => r.title_zh,
                    Lang::En => r.title_en,
                };
                writeln!(
                    out,
                    "{}  {:<7} {:<26} {}",
                    r.code,
                    r.severity.as_str(),
                    r.name,
                    title
                )
                .map_err(|e| e.to_string())?;
            }
        }
        Format::Json => {
            let list: Vec<_> = kpiform_core::rules()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity.as_str(),
                        "category": r.category.as_str(),
                        "dimension": r.dimension.as_str(),
                        "title": r.title_zh,
                        "title_en": r.title_en,
                        "fix": r.fix.as_str(),
                        "catches": r.doc.catches_zh,
                        "catches_en": r.doc.catches_en,
                        "why": r.doc.why_zh,
                        "why_en": r.doc.why_en,
                        "source": r.doc.source,
                        "example": r.doc.bad_example,
                        "corrected": r.doc.good_example,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list).map_err(|e| e.to_string())?;
            writeln!(out).map_err(|e| e.to_string())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
