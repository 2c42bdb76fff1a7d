//! `kpiform check` over many files and folders: inputs expanded (folders recursively: `*.txt`,
//! `*.csv`, `*.md`), checked in parallel, written in input order as they complete (memory stays
//! flat however many files), with a summary per unit at the end and a progress bar on a terminal.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::{mpsc, Mutex};

use kpiform_core::{json, Counts, Lang, Options, Severity};

use crate::read_input;

/// How `check` writes its findings.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// `path:line:column: severity[CODE] message`
    Text,
    /// One JSON object (schema/kpiform-report.schema.json)
    Json,
    /// SARIF 2.1.0, for code-scanning tools
    Sarif,
}

/// What a folder's files are read by their extension (kpiform-import reads each by its content).
const EXTENSIONS: [&str; 14] = [
    "txt", "csv", "tsv", "md", "xlsx", "xlsm", "xlsb", "xls", "ods", "docx", "html", "htm", "mht",
    "mhtml",
];

/// Files named on the command line, and the matching files of named folders (recursively,
/// sorted). A missing path is an error.
pub fn expand(args: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(arg.clone());
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let before = out.len();
            walk(path, &mut out)
                .map_err(|e| format!("无法读取目录 / cannot read folder {arg}: {e}"))?;
            if out.len() == before {
                return Err(format!(
                    "目录中没有可读取的文件（.txt、.csv、.xlsx、.xls、.docx、.html …）/ no file to read (.txt, .csv, .xlsx, .xls, .docx, .html …) in {arg}"
                ));
            }
        } else if path.exists() {
            out.push(arg.clone());
        } else {
            return Err(format!("找不到文件或目录 / no such file or folder: {arg}"));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| EXTENSIONS.iter().any(|e| x.eq_ignore_ascii_case(e)))
        {
            out.push(p.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

/// Counts of one unit (申请单位, or the department's name).
#[derive(Default, Clone)]
struct UnitCounts {
    files: usize,
    forms: usize,
    counts: Counts,
}

/// The result of one input, ready to write.
struct Done {
    report: Report,
    /// The report writes nothing (text and SARIF without findings).
    empty: bool,
    counts: Counts,
    forms: usize,
    units: Vec<(String, UnitCounts)>,
    failed: Option<String>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn indent(s: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    s.lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn sarif_region(
    doc: &kpiform_core::Document,
    text: &str,
    span: kpiform_core::Span,
) -> serde_json::Value {
    let s = doc.lines.line_col(text, span.start);
    let e = doc.lines.line_col(text, span.end);
    serde_json::json!({ "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column })
}

/// What an input gives to write: written by its worker (a small input), or its document, to be
/// written straight to the output when its turn comes (a large input: its report is never
/// whole in memory).
enum Report {
    Written(Vec<u8>),
    Checked {
        path: String,
        text: String,
        doc: kpiform_core::Document,
    },
}

/// An input at least this long (bytes) is written straight to the output by the writer.
const STREAM_ABOVE: usize = 1 << 20;

fn process(path: &str, format: CheckFormat, lang: Lang, options: &Options, many: bool) -> Done {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(e) => {
            return Done {
                report: Report::Written(Vec::new()),
                empty: true,
                counts: Counts::default(),
                forms: 0,
                units: Vec::new(),
                failed: Some(e),
            }
        }
    };
    let doc = kpiform_core::check(&text, options);
    let counts = Counts::of(doc.all_diagnostics());
    let mut units: HashMap<String, UnitCounts> = HashMap::new();
    for f in &doc.forms {
        let unit = f
            .text(kpiform_core::FieldKey::Applicant)
            .or(f.text(kpiform_core::FieldKey::BudgetUnit))
            .or(if f.kind == kpiform_core::FormKind::Department {
                f.text(kpiform_core::FieldKey::Name)
            } else {
                None
            })
            .unwrap_or("（未填单位）")
            .to_string();
        let c = units.entry(unit).or_default();
        c.files = 1;
        c.forms += 1;
        c.counts += Counts::of(&f.diagnostics);
    }
    if !many && format == CheckFormat::Text {
        let (errors, warnings, infos) = (counts.error, counts.warning, counts.info);
        let summary = match lang {
            Lang::Zh => format!(
                "{path}: {} 张申报表，{errors} 个错误，{warnings} 个警告，{infos} 个提示",
                doc.forms.len()
            ),
            Lang::En => format!(
                "{path}: {} forms, {errors} errors, {warnings} warnings, {infos} infos",
                doc.forms.len()
            ),
        };
        eprintln!("{summary}");
    }
    let forms = doc.forms.len();
    let empty = format != CheckFormat::Json && doc.all_diagnostics().next().is_none();
    let report = if text.len() >= STREAM_ABOVE {
        Report::Checked {
            path: path.to_string(),
            text,
            doc,
        }
    } else {
        let mut chunk = Vec::new();
        // Writing to memory does not fail.
        let _ = write_report(&mut chunk, format, lang, path, &text, &doc);
        Report::Written(chunk)
    };
    Done {
        report,
        empty,
        counts,
        forms,
        units: units.into_iter().collect(),
        failed: None,
    }
}

/// The findings of one input in `format`, written to `out` as they are made: text lines
/// sorted by place, the input's JSON object (`json::input`, streamed form by form), or its
/// SARIF results. Nothing is written for a text report without findings.
fn write_report(
    out: &mut dyn Write,
    format: CheckFormat,
    lang: Lang,
    path: &str,
    text: &str,
    doc: &kpiform_core::Document,
) -> std::io::Result<()> {
    match format {
        CheckFormat::Text => {
            let mut all: Vec<_> = doc.all_diagnostics().collect();
            all.sort_by_key(|d| d.span.start);
            for d in all {
                let lc = doc.lines.line_col(text, d.span.start);
                writeln!(
                    out,
                    "{path}:{}:{}: {}[{}] {}",
                    lc.line,
                    lc.column,
                    d.severity.as_str(),
                    d.code(),
                    d.message.get(lang)
                )?;
            }
        }
        // Pretty, but not re-indented under "inputs": one pass over a large input is enough.
        CheckFormat::Json => {
            let review = Default::default();
            let view = json::input_view(path, text, doc, lang, &review);
            serde_json::to_writer_pretty(&mut *out, &view)?;
        }
        CheckFormat::Sarif => {
            for (n, d) in doc.all_diagnostics().enumerate() {
                let loc = |span| serde_json::json!({ "physicalLocation": { "artifactLocation": { "uri": path }, "region": sarif_region(doc, text, span) } });
                let mut r = serde_json::json!({
                    "ruleId": d.code(),
                    "ruleIndex": kpiform_core::rules().position(|x| x.code == d.code()),
                    "level": level(d.severity),
                    "message": { "text": d.message.get(lang) },
                    "locations": [loc(d.span)],
                });
                if !d.related.is_empty() {
                    r["relatedLocations"] = d
                        .related
                        .iter()
                        .enumerate()
                        .map(|(k, rel)| {
                            let mut l = loc(rel.span);
                            l["id"] = serde_json::json!(k + 1);
                            l["message"] = serde_json::json!({ "text": rel.label.get(lang) });
                            l
                        })
                        .collect();
                }
                if let Some(fix) = &d.fix {
                    r["fixes"] = serde_json::json!([{
                        "description": { "text": fix.title.get(lang) },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": path },
                            "replacements": [{ "deletedRegion": sarif_region(doc, text, fix.span), "insertedContent": { "text": fix.replacement } }]
                        }]
                    }]);
                }
                if n > 0 {
                    out.write_all(b",\n")?;
                }
                let pretty = serde_json::to_string_pretty(&r).map_err(std::io::Error::other)?;
                out.write_all(indent(&pretty, 8).as_bytes())?;
            }
        }
    }
    Ok(())
}

struct Progress {
    on: bool,
    total: usize,
}

impl Progress {
    fn show(&self, done: usize) {
        if self.on {
            let width = 30;
            let filled = done * width / self.total.max(1);
            eprint!(
                "\r检查中 / checking [{}{}] {done}/{}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
            let _ = std::io::stderr().flush();
        }
    }

    fn clear(&self) {
        if self.on {
            eprint!("\r{}\r", " ".repeat(70));
        }
    }
}

/// Check every input; returns the exit code (0 no error, 1 errors, 2 an input could not be read).
pub fn run(
    files: &[String],
    format: CheckFormat,
    lang: Lang,
    options: &Options,
) -> Result<std::process::ExitCode, String> {
    let stdin = ["-".to_string()];
    let files = if files.is_empty() {
        stdin.to_vec()
    } else {
        expand(files)?
    };
    let many = files.len() > 1;
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(files.len())
        .max(1);
    // At most this many inputs are in flight or waiting to be written: memory does not grow
    // with the number of files.
    let window = (workers * 4).max(8);
    let progress = Progress {
        on: std::io::stderr().is_terminal() && files.len() >= 10,
        total: files.len(),
    };

    // Buffered: a large report is written in many small pieces.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let w = |out: &mut std::io::BufWriter<std::io::StdoutLock>, s: &str| {
        out.write_all(s.as_bytes()).map_err(|e| e.to_string())
    };
    match format {
        CheckFormat::Text => {}
        CheckFormat::Json => w(&mut out, &format!("{{\n  \"tool\": {{\n    \"name\": \"kpiform\",\n    \"version\": \"{}\"\n  }},\n  \"inputs\": [\n", kpiform_core::VERSION))?,
        CheckFormat::Sarif => {
            let rules: Vec<serde_json::Value> = kpiform_core::rules()
                .map(|r| {
                    serde_json::json!({
                        "id": r.code,
                        "name": r.name,
                        "shortDescription": { "text": if lang == Lang::En { r.title_en } else { r.title_zh } },
                        "fullDescription": { "text": if lang == Lang::En { r.doc.catches_en } else { r.doc.catches_zh } },
                        "helpUri": format!("rules/{}.html", r.code),
                        "defaultConfiguration": { "level": level(r.severity) },
                    })
                })
                .collect();
            let driver = serde_json::json!({ "name": "kpiform", "version": kpiform_core::VERSION, "informationUri": "rules/index.html", "rules": rules });
            w(
                &mut out,
                &format!(
                    "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {{\n        \"driver\": {}\n      }},\n      \"results\": [\n",
                    indent(&serde_json::to_string_pretty(&driver).unwrap_or_default(), 8).trim_start()
                ),
            )?;
        }
    }

    let (task_tx, task_rx) = mpsc::channel::<usize>();
    let task_rx = Mutex::new(task_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Done)>();
    // Forms, and diagnostics per severity.
    let mut totals = (0usize, Counts::default());
    // Units by a width- and space-insensitive key, shown in their most used spelling.
    let mut units: BTreeMap<String, UnitCounts> = BTreeMap::new();
    let mut spellings: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let mut failures = Vec::new();
    let mut wrote_any = false;
    std::thread::scope(|scope| -> Result<(), String> {
        for _ in 0..workers {
            let (task_rx, done_tx, files) = (&task_rx, done_tx.clone(), &files);
            scope.spawn(move || loop {
                let next = task_rx.lock().map(|rx| rx.recv());
                let Ok(Ok(i)) = next else { break };
                if done_tx
                    .send((i, process(&files[i], format, lang, options, many)))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut sent = 0;
        while sent < files.len().min(window) {
            task_tx.send(sent).map_err(|e| e.to_string())?;
            sent += 1;
        }
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        for (i, done) in done_rx.iter() {
            pending.insert(i, done);
            while let Some(d) = pending.remove(&next) {
                next += 1;
                if sent < files.len() {
                    task_tx.send(sent).map_err(|e| e.to_string())?;
                    sent += 1;
                }
                if let Some(e) = d.failed {
                    progress.clear();
                    eprintln!("kpiform: {e}");
                    failures.push(e);
                } else {
                    if !d.empty {
                        if format != CheckFormat::Text && wrote_any {
                            w(&mut out, ",\n")?;
                        }
                        match &d.report {
                            Report::Written(chunk) => out.write_all(chunk),
                            Report::Checked { path, text, doc } => {
                                write_report(&mut out, format, lang, path, text, doc)
                            }
                        }
                        .map_err(|e| e.to_string())?;
                        wrote_any = true;
                    }
                    totals.0 += d.forms;
                    totals.1 += d.counts;
                    for (u, c) in d.units {
                        let key = kpiform_core::label_key(&u);
                        *spellings
                            .entry(key.clone())
                            .or_default()
                            .entry(u)
                            .or_default() += c.forms;
                        let t = units.entry(key).or_default();
                        t.files += c.files;
                        t.forms += c.forms;
                        t.counts += c.counts;
                    }
                }
                progress.show(next);
            }
            if next == files.len() {
                break;
            }
        }
        drop(task_tx);
        Ok(())
    })?;
    progress.clear();
    let units: BTreeMap<String, UnitCounts> = units
        .into_iter()
        .map(|(key, c)| {
            let shown = spellings
                .get(&key)
                .and_then(|m| {
                    m.iter()
                        .max_by_key(|(s, n)| (**n, std::cmp::Reverse((*s).clone())))
                        .map(|(s, _)| s.clone())
                })
                .unwrap_or(key);
            (shown, c)
        })
        .collect();
    match format {
        CheckFormat::Text => {}
        CheckFormat::Json => {
            let summary: Vec<serde_json::Value> = units
                .iter()
                .map(|(u, c)| serde_json::json!({ "unit": u, "files": c.files, "forms": c.forms, "errors": c.counts.error, "warnings": c.counts.warning }))
                .collect();
            w(
                &mut out,
                &format!(
                    "\n  ],\n  \"summary\": {}\n}}\n",
                    indent(
                        &serde_json::to_string_pretty(&summary).unwrap_or_default(),
                        2
                    )
                    .trim_start()
                ),
            )?;
        }
        CheckFormat::Sarif => w(&mut out, "\n      ]\n    }\n  ]\n}\n")?,
    }
    out.flush().map_err(|e| e.to_string())?;
    if many {
        summary_table(&units, files.len() - failures.len(), totals, lang);
    }
    Ok(if !failures.is_empty() {
        std::process::ExitCode::from(2)
    } else if totals.1.error > 0 {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    })
}

/// Display width: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x2e80 { 2 } else { 1 })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn summary_table(
    units: &BTreeMap<String, UnitCounts>,
    files: usize,
    totals: (usize, Counts),
    lang: Lang,
) {
    let head = match lang {
        Lang::Zh => ["单位", "文件", "申报表", "错误", "警告"],
        Lang::En => ["unit", "files", "forms", "errors", "warnings"],
    };
    let total_label = if lang == Lang::En { "total" } else { "合计" };
    let name_w = units
        .keys()
        .map(|u| width(u))
        .chain([width(head[0]), width(total_label)])
        .max()
        .unwrap_or(4);
    let row = |cells: [&str; 5]| {
        format!(
            "{}  {:>6}  {:>6}  {:>6}  {:>6}",
            pad(cells[0], name_w),
            cells[1],
            cells[2],
            cells[3],
            cells[4]
        )
    };
    let mut lines = vec![row([head[0], head[1], head[2], head[3], head[4]])];
    for (u, c) in units {
        lines.push(row([
            u,
            &c.files.to_string(),
            &c.forms.to_string(),
            &c.counts.error.to_string(),
            &c.counts.warning.to_string(),
        ]));
    }
    lines.push(row([
        total_label,
        &files.to_string(),
        &totals.0.to_string(),
        &totals.1.error.to_string(),
        &totals.1.warning.to_string(),
    ]));
    eprintln!("{}", lines.join("\n"));
}
