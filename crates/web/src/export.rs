//! Exports: the formats the page offers, a preview, download, copy, and the printed report.
//!
//! The formats come from [`export`], a module with the same shape as the core's coming
//! `kpiform_core::export` (`Format::ALL`, `extension`, `mime`, `label`, `export(text, doc,
//! format, options)`). Until that lands, [`local`] provides two formats the page can produce on
//! its own. To use the core's formats, change the one line `use local as export;` below to
//! `use kpiform_core::export;` (and adjust [`options`] if `ExportOptions` differs).

use std::sync::Arc;

use kpiform_core::{Lang, Message};
use leptos::html;
use leptos::prelude::*;

use crate::dom;
use crate::i18n as t;
use crate::report::SEVERITIES;
use crate::state::State;

use local as export;

/// The options of an export in the page's language.
fn options(lang: Lang) -> export::ExportOptions {
    export::ExportOptions { lang }
}

/// Previews show at most this many characters.
const PREVIEW_CHARS: usize = 200_000;

/// Formats the page produces itself: the problem list as text and as CSV.
pub mod local {
    use kpiform_core::{Document, Lang, Message};

    use crate::report::{Report, SEVERITIES};

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Format {
        /// The problem list, one line per problem, grouped by form.
        Text,
        /// The problem list as a table (UTF-8 with BOM, so that Excel reads it as Unicode).
        Csv,
    }

    impl Format {
        pub const ALL: [Format; 2] = [Format::Text, Format::Csv];

        pub fn extension(self) -> &'static str {
            match self {
                Format::Text => "txt",
                Format::Csv => "csv",
            }
        }

        pub fn mime(self) -> &'static str {
            match self {
                Format::Text => "text/plain;charset=utf-8",
                Format::Csv => "text/csv;charset=utf-8",
            }
        }

        pub fn label(self) -> Message {
            match self {
                Format::Text => Message::new("问题清单（文本）", "Problem list (text)"),
                Format::Csv => Message::new(
                    "问题清单（CSV，可用 Excel 打开）",
                    "Problem list (CSV, opens in Excel)",
                ),
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct ExportOptions {
        pub lang: Lang,
    }

    pub fn export(text: &str, doc: &Document, format: Format, options: &ExportOptions) -> Vec<u8> {
        let report = Report::from_document(doc, text);
        match format {
            Format::Text => problems_text(&report, options.lang).into_bytes(),
            Format::Csv => problems_csv(&report, options.lang),
        }
    }

    fn tr(l: Lang, zh: &'static str, en: &'static str) -> &'static str {
        match l {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn form_title(report: &Report, form: Option<usize>, l: Lang) -> String {
        match form.and_then(|n| report.form(n)) {
            Some(f) => {
                let name = f
                    .name
                    .as_deref()
                    .unwrap_or(tr(l, "（无名称）", "(no name)"));
                match &f.code {
                    Some(code) => format!("#{} {name} ({code})", f.number),
                    None => format!("#{} {name}", f.number),
                }
            }
            None => tr(l, "表外文字", "Outside the forms").to_string(),
        }
    }

    pub fn problems_text(report: &Report, l: Lang) -> String {
        let mut out = String::new();
        out.push_str(tr(
            l,
            "绩效目标申报表检查结果",
            "Performance target form check",
        ));
        out.push('\n');
        let c = report.counts;
        out.push_str(&match l {
            Lang::Zh => format!(
                "共 {} 张申报表，{} 个问题（错误 {}，警告 {}，提示 {}）\n",
                report.forms.len(),
                c.total(),
                c.error,
                c.warning,
                c.info
            ),
            Lang::En => format!(
                "{} forms, {} problems ({} errors, {} warnings, {} info)\n",
                report.forms.len(),
                c.total(),
                c.error,
                c.warning,
                c.info
            ),
        });
        let mut group = None;
        for d in &report.diagnostics {
            if group != Some(d.form) {
                group = Some(d.form);
                out.push('\n');
                out.push_str(&form_title(report, d.form, l));
                out.push('\n');
            }
            out.push_str(&format!(
                "  {}:{} {}[{}] {}\n",
                d.line,
                d.column,
                d.severity.label().get(l),
                d.code,
                d.message.get(l)
            ));
            if !d.quote.is_empty() {
                out.push_str(&format!("      {}「{}」\n", tr(l, "原文", "text"), d.quote));
            }
            if let Some(f) = &d.fix {
                out.push_str(&format!(
                    "      {}{}：「{}」→「{}」\n",
                    tr(l, "建议", "fix: "),
                    f.title.get(l),
                    f.original,
                    f.replacement
                ));
            }
        }
        if report.diagnostics.is_empty() {
            out.push('\n');
            out.push_str(tr(l, "未发现问题。\n", "No problems found.\n"));
        }
        out
    }

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
        let _ = SEVERITIES;
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
        fn exports_of_the_example() {
            let text = crate::editor::EXAMPLE;
            let doc = kpiform_core::check(text, &kpiform_core::Options::default());
            let o = ExportOptions { lang: Lang::Zh };
            let csv = export(text, &doc, Format::Csv, &o);
            assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
            let csv = String::from_utf8(csv).unwrap();
            let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
            assert_eq!(lines.len(), 1 + doc.all_diagnostics().count());
            assert!(
                lines[1].starts_with("1,后勤保障服务,440313240021500600002,"),
                "{}",
                lines[1]
            );
            let txt = String::from_utf8(export(text, &doc, Format::Text, &o)).unwrap();
            assert!(
                txt.contains("#1 后勤保障服务 (440313240021500600002)"),
                "{txt}"
            );
            assert!(txt.contains("[V005]"));
        }
    }
}

/// A format's file name.
fn file_name(format: export::Format) -> String {
    format!("kpiform-report.{}", format.extension())
}

fn is_text(mime: &str) -> bool {
    mime.starts_with("text/") || mime.contains("json") || mime.contains("xml")
}

/// The preview text of an export: its text without a BOM, cut at [`PREVIEW_CHARS`].
fn preview_text(bytes: &[u8]) -> (String, bool) {
    let s = String::from_utf8_lossy(bytes);
    let s = s.strip_prefix('\u{feff}').unwrap_or(&s);
    match s.char_indices().nth(PREVIEW_CHARS) {
        Some((i, _)) => (s[..i].to_string(), true),
        None => (s.to_string(), false),
    }
}

#[component]
pub fn ExportView(st: State, printing: RwSignal<bool>) -> impl IntoView {
    let lang = st.lang;
    let format = RwSignal::new(export::Format::ALL[0]);
    let preview_box = NodeRef::<html::Textarea>::new();
    // The export of the current analysis; recomputed only while this view is shown.
    let output = Memo::new(move |_| {
        let a = st.analysis.get();
        let f = format.get();
        let l = lang.get();
        let start = dom::now();
        let bytes = export::export(&a.text, &a.doc, f, &options(l));
        dom::measure("kp-export", start);
        Arc::new(bytes)
    });
    let download = move |_| {
        let f = format.get_untracked();
        let bytes = output.get_untracked();
        if dom::download(&file_name(f), f.mime(), &bytes).is_err() {
            st.show_toast(
                Message::new("下载失败。", "The download failed."),
                false,
                true,
            );
        }
    };
    let copy = move |_| {
        let bytes = output.get_untracked();
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let ok = dom::copy_text(text, preview_box.get_untracked().as_ref());
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
                std::time::Duration::from_millis(50),
            );
        });
    };

    safe_view! {
        <div class="export-view" data-testid="export-view">
            <div class="export-head">
                <div class="format-list" role="radiogroup" aria-label=move || t::FORMAT.get(lang.get())>
                    {export::Format::ALL
                        .iter()
                        .map(|&f| {
                            let checked = move || format.get() == f;
                            safe_view! {
                                <button
                                    type="button"
                                    role="radio"
                                    class="format"
                                    data-testid="format"
                                    data-ext=f.extension()
                                    aria-checked=move || checked().to_string()
                                    on:click=move |_| format.set(f)
                                >
                                    <span class="format-label">{move || f.label().get(lang.get()).to_string()}</span>
                                    <span class="format-ext">{format!(".{}", f.extension())}</span>
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="export-actions">
                    <button type="button" class="btn btn-primary" data-testid="download" on:click=download>
                        {move || t::DOWNLOAD.get(lang.get())}
                    </button>
                    <button type="button" class="btn" data-testid="copy" on:click=copy>
                        {move || t::COPY.get(lang.get())}
                    </button>
                    <button type="button" class="btn" data-testid="print" on:click=print>
                        {move || t::PRINT.get(lang.get())}
                    </button>
                </div>
            </div>
            {move || {
                let l = lang.get();
                let f = format.get();
                let bytes = output.get();
                let size = t::bytes(l, bytes.len());
                if is_text(f.mime()) {
                    let (text, cut) = preview_text(&bytes);
                    safe_view! {
                        <p class="muted preview-meta">
                            {file_name(f)} " · " {size}
                            {cut.then(|| safe_view! { <span>" · " {t::PREVIEW_CUT.get(l)}</span> })}
                        </p>
                        <textarea
                            class="preview"
                            data-testid="preview"
                            node_ref=preview_box
                            readonly=true
                            wrap="off"
                            spellcheck="false"
                            aria-label=t::PREVIEW.get(l)
                            prop:value=text
                        ></textarea>
                    }
                        .into_any()
                } else {
                    safe_view! {
                        <p class="muted preview-meta" data-testid="preview-binary">
                            {file_name(f)} " · " {size} " · " {t::NO_PREVIEW.get(l)}
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
pub fn PrintReport(st: State) -> impl IntoView {
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
                .map(|n| crate::problems::form_label(r, n, l))
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
