//! Exports: every format of the core (`kpiform_core::export`: normalized text, JSON, CSV, Excel,
//! the review report in Markdown and HTML) plus the page's own problem list as CSV; a preview
//! of each file (always as text, never rendered), download, copy, and the printed report.
//!
//! The formats are listed in one place, [`formats`]; a new format of the core appears by itself.

use std::sync::Arc;
use std::time::Duration;

use kpiform_core::export::{self, ExportFile, ExportOptions};
use kpiform_core::Message;
use leptos::html;
use leptos::prelude::*;

use crate::dom;
use crate::i18n as t;
use crate::report::SEVERITIES;
use crate::state::{use_state, Analysis};
use crate::views::parts::form_label;

/// A format of the export view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One of the core's formats.
    Core(export::Format),
    /// The problem list as CSV, one row per problem (the page's own).
    Problems,
}

/// The formats, in the order the view shows them.
pub fn formats() -> Vec<Format> {
    export::Format::ALL
        .into_iter()
        .map(Format::Core)
        .chain([Format::Problems])
        .collect()
}

impl Format {
    /// A stable name (the core's command-line name), for tests and file names.
    pub fn id(self) -> &'static str {
        match self {
            Format::Core(f) => f.as_str(),
            Format::Problems => "problems",
        }
    }

    pub fn label(self) -> Message {
        match self {
            Format::Core(f) => f.label(),
            Format::Problems => Message::new("问题清单（CSV）", "Problem list (CSV)"),
        }
    }

    /// Make the files of this format for `a` with `options` (in the checking worker where there
    /// is one) and call `done` with them, unless a newer request replaces this one first.
    fn produce(
        self,
        serial: u64,
        a: &Analysis,
        options: ExportOptions,
        done: impl FnOnce(Vec<ExportFile>) + 'static,
    ) {
        match self {
            Format::Core(f) => {
                crate::worker::client::export(serial, a.text.clone(), f, options, done);
            }
            Format::Problems => done(vec![ExportFile {
                name: "kpiform-problems.csv".to_string(),
                mime: export::MIME_CSV,
                bytes: local::problems_csv(&a.report, options.lang),
            }]),
        }
    }
}

/// Previews show at most this many characters.
const PREVIEW_CHARS: usize = 200_000;
/// Exports follow the text this long after the last check (they check again themselves, in
/// the worker, and the JSON of a large paste takes a while).
const EXPORT_DELAY: Duration = Duration::from_millis(600);

/// What the page exports on its own: the problem list as CSV.
pub mod local {
    use kpiform_core::Lang;

    use crate::report::Report;

    /// A CSV field: quoted when needed; a leading `=`, `+`, `-`, `@` is neutralized with `'`
    /// so that a spreadsheet never reads pasted text as a formula.
    fn field(out: &mut String, s: &str) {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&s);
        }
    }

    fn row(out: &mut String, cells: &[&str]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(out, c);
        }
        out.push_str("\r\n");
    }

    /// One row per problem, grouped by form (UTF-8 with BOM, so that Excel reads it as Unicode).
    pub fn problems_csv(report: &Report, l: Lang) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let header: [&str; 12] = match l {
            Lang::Zh => [
                "表序号",
                "表名称",
                "项目编码",
                "行",
                "列",
                "级别",
                "规则",
                "类别",
                "说明",
                "原文",
                "建议修改",
                "修改为",
            ],
            Lang::En => [
                "form",
                "form name",
                "code",
                "line",
                "column",
                "severity",
                "rule",
                "category",
                "message",
                "text",
                "fix",
                "replacement",
            ],
        };
        row(&mut out, &header);
        for d in &report.diagnostics {
            let form = d.form.and_then(|n| report.form(n));
            let number = d.form.map(|n| n.to_string()).unwrap_or_default();
            let (line, column) = (d.line.to_string(), d.column.to_string());
            let fix_title = d.fix.as_ref().map(|f| f.title.get(l).to_string());
            row(
                &mut out,
                &[
                    &number,
                    form.and_then(|f| f.name.as_deref()).unwrap_or(""),
                    form.and_then(|f| f.code.as_deref()).unwrap_or(""),
                    &line,
                    &column,
                    d.severity.label().get(l),
                    d.code,
                    d.category.name().get(l),
                    d.message.get(l),
                    &d.quote,
                    fix_title.as_deref().unwrap_or(""),
                    d.fix.as_ref().map_or("", |f| f.replacement.as_str()),
                ],
            );
        }
        out.into_bytes()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn csv_quotes_and_neutralizes() {
            let mut s = String::new();
            row(
                &mut s,
                &["a,b", "say \"hi\"", "=1+1", "line\nbreak", "plain"],
            );
            assert_eq!(
                s,
                "\"a,b\",\"say \"\"hi\"\"\",'=1+1,\"line\nbreak\",plain\r\n"
            );
        }

        #[test]
        fn problems_of_the_example() {
            let text = crate::example::EXAMPLE;
            let doc = kpiform_core::check(text, &kpiform_core::Options::default());
            let report = Report::from_document(&doc, text);
            let csv = problems_csv(&report, Lang::Zh);
            assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
            let csv = String::from_utf8(csv).unwrap();
            let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
            assert_eq!(lines.len(), 1 + doc.all_diagnostics().count());
            assert!(
                lines[1].starts_with("1,后勤保障服务,440313240021500600002,"),
                "{}",
                lines[1]
            );
        }
    }
}

/// Files shown as text (everything but the Excel workbook).
fn is_text(mime: &str) -> bool {
    mime.starts_with("text/") || mime.starts_with("application/json")
}

/// The text of a file, without a BOM (what the preview shows and "copy" copies).
fn file_text(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    s.strip_prefix('\u{feff}').unwrap_or(&s).to_string()
}

/// The preview text of a file: its text, cut at [`PREVIEW_CHARS`].
fn preview_text(bytes: &[u8]) -> (String, bool) {
    let mut s = file_text(bytes);
    match s.char_indices().nth(PREVIEW_CHARS) {
        Some((i, _)) => {
            s.truncate(i);
            (s, true)
        }
        None => (s, false),
    }
}

/// The files of one export; compared by the export they came from, not byte by byte.
#[derive(Clone)]
struct Output {
    serial: u64,
    files: Arc<Vec<ExportFile>>,
}

impl PartialEq for Output {
    fn eq(&self, other: &Self) -> bool {
        self.serial == other.serial
    }
}

#[component]
pub fn ExportView(printing: RwSignal<bool>) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let format = RwSignal::new(formats()[0]);
    let apply = RwSignal::new(false);
    let selected_file = RwSignal::new(0usize);
    let preview_box = NodeRef::<html::Textarea>::new();
    // The analysis the exports show: the current one when the view opens, then the latest one
    // a moment after checks stop (the worker is not kept busy by exports nobody looks at).
    let source = RwSignal::new(st.analysis.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
    };
    Effect::new(move |first: Option<()>| {
        let a = st.analysis.get();
        if first.is_none() {
            return;
        }
        cancel();
        let h = set_timeout_with_handle(move || source.set(a), EXPORT_DELAY).ok();
        pending.set_value(h);
    });
    on_cleanup(cancel);
    // The files shown, and the export asked for last: while they differ, newer files are being
    // made. A new format shows no files until its own are ready; a new text keeps the files of
    // the older one meanwhile.
    let output = RwSignal::new(Output {
        serial: 0,
        files: Arc::new(Vec::new()),
    });
    let requested = RwSignal::new(0u64);
    // What the note above the files says: the text changed since, or the files are being made.
    let note = move || {
        if source.with(|s| s.version) != st.analysis.with(|a| a.version) {
            Some(t::EXPORT_UPDATING)
        } else if output.with(|o| o.serial) != requested.get() {
            Some(t::EXPORT_PREPARING)
        } else {
            None
        }
    };
    let shown_format = StoredValue::new(None::<Format>);
    Effect::new(move |_| {
        let a = source.get();
        let f = format.get();
        let l = lang.get();
        let apply = apply.get();
        let rules = st.rules.get_untracked();
        let review = st.review.get();
        let mine = requested.get_untracked() + 1;
        requested.set(mine);
        if shown_format.get_value() != Some(f) {
            shown_format.set_value(Some(f));
            output.set(Output {
                serial: 0,
                files: Arc::new(Vec::new()),
            });
        }
        let start = dom::now();
        let options = ExportOptions {
            apply_suggested: apply,
            accepted: Vec::new(),
            lang: l,
            check: rules.options(),
            review,
            unit: None,
        };
        f.produce(mine, &a, options, move |files| {
            // The view may be gone (another tab), or a newer export asked for.
            if requested.try_get_untracked() != Some(mine) {
                return;
            }
            dom::measure("kp-export", start);
            output.try_set(Output {
                serial: mine,
                files: Arc::new(files),
            });
        });
    });
    // A new format starts at its first file.
    Effect::new(move |_| {
        format.track();
        selected_file.set(0);
    });

    let download = move |i: usize| {
        let out = output.get_untracked();
        if let Some(f) = out.files.get(i) {
            if dom::download(&f.name, f.mime, &f.bytes).is_err() {
                st.show_toast(
                    Message::new("下载失败。", "The download failed."),
                    false,
                    true,
                );
            }
        }
    };
    let copy = move |i: usize| {
        let out = output.get_untracked();
        let Some(f) = out.files.get(i) else {
            return;
        };
        let text = file_text(&f.bytes);
        selected_file.set(i);
        let ok = dom::copy_text(&text, preview_box.get_untracked().as_ref());
        st.show_toast(
            if ok {
                Message::new("已复制到剪贴板。", "Copied to the clipboard.")
            } else {
                Message::new(
                    "无法访问剪贴板，请在预览框中全选后复制。",
                    "No access to the clipboard; select the preview and copy it.",
                )
            },
            false,
            !ok,
        );
    };
    let print = move |_| {
        printing.set(true);
        // Print once the report is in the page, then take it away again.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = window().print();
                    printing.set(false);
                },
                Duration::from_millis(50),
            );
        });
    };

    safe_view! {
        <div class="export-view" data-testid="export-view">
            <div class="export-head">
                <div class="format-list" role="radiogroup" aria-label=move || t::FORMAT.get(lang.get())>
                    {formats()
                        .into_iter()
                        .map(|f| {
                            let checked = move || format.get() == f;
                            safe_view! {
                                <button
                                    type="button"
                                    role="radio"
                                    class="format"
                                    data-testid="format"
                                    data-format=f.id()
                                    aria-checked=move || checked().to_string()
                                    on:click=move |_| format.set(f)
                                >
                                    {move || f.label().get(lang.get()).to_string()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="export-actions">
                    <label class="check-label" title=move || t::APPLY_SUGGESTED_TITLE.get(lang.get())>
                        <input
                            type="checkbox"
                            data-testid="apply-suggested"
                            prop:checked=move || apply.get()
                            on:change=move |ev| apply.set(event_target_checked(&ev))
                        />
                        {move || t::APPLY_SUGGESTED.get(lang.get())}
                    </label>
                    <button type="button" class="btn" data-testid="print" on:click=print>
                        {move || t::PRINT.get(lang.get())}
                    </button>
                </div>
            </div>
            {move || {
                note()
                    .map(|note| {
                        safe_view! {
                            <p class="muted preview-meta" data-testid="export-stale" role="status">
                                {note.get(lang.get())}
                            </p>
                        }
                    })
            }}
            <ul class="export-files" data-testid="export-files">
                {move || {
                    let l = lang.get();
                    let out = output.get();
                    out.files
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let text = is_text(f.mime);
                            let name = f.name.clone();
                            let data_name = f.name.clone();
                            let size = t::bytes(l, f.bytes.len());
                            safe_view! {
                                <li
                                    class="export-file"
                                    class:selected=move || selected_file.get() == i
                                    data-testid="export-file"
                                    data-name=data_name
                                >
                                    <button
                                        type="button"
                                        class="link-button file-name"
                                        aria-pressed=move || (selected_file.get() == i).to_string()
                                        title=t::PREVIEW.get(l)
                                        on:click=move |_| selected_file.set(i)
                                    >
                                        {name}
                                    </button>
                                    <span class="muted">{size}</span>
                                    <button
                                        type="button"
                                        class="btn btn-primary btn-small"
                                        data-testid="download"
                                        on:click=move |_| download(i)
                                    >
                                        {t::DOWNLOAD.get(l)}
                                    </button>
                                    {text
                                        .then(|| {
                                            safe_view! {
                                                <button
                                                    type="button"
                                                    class="btn btn-small"
                                                    data-testid="copy"
                                                    on:click=move |_| copy(i)
                                                >
                                                    {t::COPY.get(l)}
                                                </button>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                let l = lang.get();
                let out = output.get();
                let Some(f) = out.files.get(selected_file.get()).cloned() else {
                    return ().into_any();
                };
                if is_text(f.mime) {
                    let (text, cut) = preview_text(&f.bytes);
                    safe_view! {
                        {cut.then(|| safe_view! { <p class="muted preview-meta">{t::PREVIEW_CUT.get(l)}</p> })}
                        <textarea
                            class="preview"
                            data-testid="preview"
                            node_ref=preview_box
                            readonly=true
                            wrap="off"
                            spellcheck="false"
                            aria-label=format!("{}: {}", t::PREVIEW.get(l), f.name)
                            prop:value=text
                        ></textarea>
                    }
                        .into_any()
                } else {
                    safe_view! {
                        <p class="muted preview-meta" data-testid="preview-binary">
                            {t::NO_PREVIEW.get(l)}
                        </p>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The report for printing: totals, forms, problems by form. Rendered only while printing.
#[component]
pub fn PrintReport() -> impl IntoView {
    let st = use_state();
    let l = st.lang.get_untracked();
    let a = st.analysis.get_untracked();
    let r = &a.report;
    let c = r.counts;
    let forms = r
        .forms
        .iter()
        .map(|f| {
            let name = f.name.clone().unwrap_or_default();
            let code = f.code.clone().unwrap_or_default();
            let unit = f.unit.map(|u| u.as_str()).unwrap_or("");
            let year = f
                .year
                .map(|v| format!("{} {unit}", crate::report::format_amount(v)))
                .unwrap_or_default();
            safe_view! {
                <tr>
                    <td>{f.number}</td>
                    <td>{name}</td>
                    <td>{code}</td>
                    <td class="num">{year}</td>
                    <td class="num">{f.counts.error}</td>
                    <td class="num">{f.counts.warning}</td>
                    <td class="num">{f.counts.info}</td>
                </tr>
            }
        })
        .collect_view();
    let problems = r
        .diagnostics
        .iter()
        .map(|d| {
            let form = d
                .form
                .map(|n| form_label(r, n, l))
                .unwrap_or_else(|| t::OUTSIDE_FORMS.get(l).to_string());
            let sev = d.severity;
            safe_view! {
                <tr>
                    <td>{form}</td>
                    <td>{format!("{}:{}", d.line, d.column)}</td>
                    <td>{sev.label().get(l).to_string()}</td>
                    <td>{d.code}</td>
                    <td>{d.message.get(l).to_string()} <br/> <q class="quote">{d.quote.clone()}</q></td>
                </tr>
            }
        })
        .collect_view();
    safe_view! {
        <div class="print-report" data-testid="print-report">
            <h1>{t::APP_TITLE.get(l)}</h1>
            <p>
                {dom::local_time(dom::date_now())} " · "
                {t::forms_count(l, r.forms.len())} " · "
                {SEVERITIES
                    .iter()
                    .map(|s| format!("{} {}  ", s.label().get(l), c.get(*s)))
                    .collect::<String>()}
            </p>
            <h2>{t::FORMS_HEADING.get(l)}</h2>
            <table>
                <thead>
                    <tr>
                        <th>"#"</th>
                        <th>{t::COL_NAME.get(l)}</th>
                        <th>{t::COL_CODE.get(l)}</th>
                        <th>{t::COL_YEAR.get(l)}</th>
                        <th>{kpiform_core::Severity::Error.label().get(l).to_string()}</th>
                        <th>{kpiform_core::Severity::Warning.label().get(l).to_string()}</th>
                        <th>{kpiform_core::Severity::Info.label().get(l).to_string()}</th>
                    </tr>
                </thead>
                <tbody>{forms}</tbody>
            </table>
            <h2>{t::PROBLEMS.get(l)}</h2>
            <table>
                <thead>
                    <tr>
                        <th>{t::FORM.get(l)}</th>
                        <th>{t::WHERE.get(l)}</th>
                        <th>{t::SEVERITY.get(l)}</th>
                        <th>{t::RULE.get(l)}</th>
                        <th>{t::MESSAGE.get(l)}</th>
                    </tr>
                </thead>
                <tbody>{problems}</tbody>
            </table>
        </div>
    }
}
