//! The page: a text box on the left, what the core reads from it on the right.
//!
//! Everything pasted is rendered through Leptos text nodes and attribute setters only; the page
//! never builds HTML from strings (no `inner_html`), and the CSP in `index.html` enforces Trusted
//! Types so that an accidental HTML sink would fail loudly instead of running pasted markup.

use std::time::Duration;

use kpiform_core::{Lang, Severity};
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{strings, Strings};
use crate::report::{format_amount, Counts, DiagRow, FormRow, Report};

/// Parse this long after the last keystroke or paste.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// `localStorage` key of the chosen language.
const LANG_KEY: &str = "kpiform.lang";

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// `view!` with the scoped class `kp` on every element. Use it instead of `view!` in this crate.
///
/// Plain `view!` turns a fully static subtree (say `<span class="dot"></span>`) into an HTML
/// string that it instantiates through `innerHTML`. The page runs under Trusted Types (CSP in
/// `index.html`), where any `innerHTML` assignment throws, and so the page would fail to start.
/// With a scoped class Leptos creates every element with `createElement`.
macro_rules! safe_view {
    ($($body:tt)*) => {
        ::leptos::view! { class = "kp", $($body)* }
    };
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(stored_lang().unwrap_or_default());
    let report = RwSignal::new(Report::build(""));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let input = NodeRef::<html::Textarea>::new();

    // Keep <html lang>, the title and the stored choice in step with the language.
    Effect::new(move |_| {
        let l = lang.get();
        let s = strings(l);
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", s.html_lang);
        }
        doc.set_title(s.app_title);
        store_lang(l);
    });

    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let run = move || {
            pending.set_value(None);
            report.set(Report::build(&text));
        };
        pending.set_value(set_timeout_with_handle(run, DEBOUNCE).ok());
    };

    let clear = move |_| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(None);
        if let Some(el) = input.get_untracked() {
            el.set_value("");
            let _ = el.focus();
        }
        report.set(Report::build(""));
    };

    // Select a span of the pasted text (UTF-16 offsets) and bring it into view.
    let select = move |(start, end): (u32, u32), line: usize| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let _ = el.focus();
        let _ = el.set_selection_range(start, end);
        // The box does not wrap lines, so a line's position is a multiple of the line height.
        let lines = el.value().lines().count().max(1) as f64;
        let per_line = f64::from(el.scroll_height()) / lines;
        let top = per_line * (line.saturating_sub(1) as f64) - f64::from(el.client_height()) / 3.0;
        el.set_scroll_top(top.max(0.0) as i32);
    };

    let toggle_lang = move |_| {
        lang.update(|l| {
            *l = match l {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        })
    };

    let t = move || strings(lang.get());

    safe_view! {
        <div class="page">
            <header class="topbar">
                <div class="brand">
                    <Logo/>
                    <div>
                        <h1>{move || t().app_title}</h1>
                        <p class="tagline">{move || t().tagline}</p>
                    </div>
                </div>
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    title=move || t().switch_lang_title
                    on:click=toggle_lang
                >
                    {move || t().switch_lang}
                </button>
            </header>

            <main class="workspace">
                <section class="panel input-panel">
                    <div class="panel-head">
                        <label for="form-text" class="panel-title">{move || t().input_label}</label>
                        <button type="button" class="link-button" data-testid="clear" on:click=clear>
                            {move || t().clear}
                        </button>
                    </div>
                    <textarea
                        id="form-text"
                        data-testid="input"
                        node_ref=input
                        wrap="off"
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        placeholder=move || t().input_placeholder
                        on:input=on_input
                    ></textarea>
                    <p class="hint">
                        <span class="lock" aria-hidden="true"></span>
                        {move || t().privacy}
                        " "
                        {move || t().input_hint}
                    </p>
                </section>

                <section class="panel results-panel" aria-live="polite" data-testid="results">
                    {move || {
                        let s = t();
                        let lang = lang.get();
                        let r = report.get();
                        if r.blank {
                            empty_state(s).into_any()
                        } else {
                            results(s, lang, r, select).into_any()
                        }
                    }}
                </section>
            </main>

            <footer class="footer">{move || t().footer}</footer>
        </div>
    }
}

/// The mark of the page (same drawing as `site/favicon.svg`), inline so it costs no request.
#[component]
fn Logo() -> impl IntoView {
    safe_view! {
        <svg class="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
            <rect x="3" y="2" width="26" height="28" rx="4" class="logo-sheet"></rect>
            <path d="M9 10h14M9 16h14M9 22h7" class="logo-lines"></path>
            <path d="M19 22l2.5 2.5L26 19" class="logo-check"></path>
        </svg>
    }
}

fn empty_state(s: &'static Strings) -> impl IntoView {
    safe_view! {
        <div class="empty" data-testid="empty-state">
            <h2>{s.empty_title}</h2>
            <p>{s.empty_body}</p>
            <ul>{s.empty_points.iter().map(|p| safe_view! { <li>{*p}</li> }).collect_view()}</ul>
        </div>
    }
}

fn results(
    s: &'static Strings,
    lang: Lang,
    r: Report,
    select: impl Fn((u32, u32), usize) + Copy + 'static,
) -> impl IntoView {
    let names: Vec<Option<String>> = r.forms.iter().map(|f| f.name.clone()).collect();
    let has_forms = !r.forms.is_empty();
    let no_diagnostics = r.diagnostics.is_empty();
    safe_view! {
        <div class="summary" data-testid="summary">
            <div class="stat stat-main">
                <span class="stat-value" data-testid="form-count">{r.forms.len()}</span>
                <span class="stat-label">{s.forms_unit}</span>
            </div>
            <div class="stat">
                <span class="stat-value" data-testid="total-indicators">{r.indicators}</span>
                <span class="stat-label">{s.indicators_label}</span>
                <span class="stat-sub">
                    {r.applicable} " " {s.applicable_label}
                </span>
            </div>
            <div class="stat stat-problems">
                {SEVERITIES
                    .iter()
                    .map(|&sev| severity_count(sev, r.counts.get(sev), lang))
                    .collect_view()}
            </div>
        </div>

        {(!has_forms)
            .then(|| {
                safe_view! {
                    <div class="notice" data-testid="no-forms">
                        <strong>{s.no_forms_title}</strong>
                        <span>{s.no_forms_body}</span>
                    </div>
                }
            })}

        {has_forms
            .then(|| {
                safe_view! {
                    <h2 class="section-title">{s.forms_heading}</h2>
                    <div class="table-wrap">
                        <table class="forms" data-testid="forms">
                            <thead>
                                <tr>
                                    <th class="num">{s.col_index}</th>
                                    <th>{s.col_kind}</th>
                                    <th>{s.col_name} " / " {s.col_code}</th>
                                    <th>{s.col_unit}</th>
                                    <th class="num">{s.col_total}</th>
                                    <th class="num">{s.col_year}</th>
                                    <th class="num" title=s.col_indicators_title>{s.col_indicators}</th>
                                    <th>{s.col_problems}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {r.forms.into_iter().map(|f| form_row(s, lang, f, select)).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}

        <h2 class="section-title">{s.diag_heading}</h2>
        {if no_diagnostics {
            safe_view! { <p class="all-clear" data-testid="all-clear">{s.all_clear}</p> }.into_any()
        } else {
            safe_view! {
                <div class="table-wrap">
                    <table class="diagnostics" data-testid="diagnostics">
                        <thead>
                            <tr>
                                <th>{s.col_location}</th>
                                <th>{s.col_severity}</th>
                                <th>{s.col_rule}</th>
                                <th>{s.col_message}</th>
                                <th>{s.col_form}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {r
                                .diagnostics
                                .into_iter()
                                .map(|d| diag_row(s, lang, d, &names, select))
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
                .into_any()
        }}
    }
}

fn severity_count(sev: Severity, n: usize, lang: Lang) -> impl IntoView {
    safe_view! {
        <span
            class=format!("sev-count sev-{}", sev.as_str())
            class:zero=n == 0
            data-testid=format!("count-{}", sev.as_str())
        >
            <span class="sev-dot" aria-hidden="true"></span>
            <span class="sev-label">{sev.label().get(lang).to_string()}</span>
            <span class="sev-n">{n}</span>
        </span>
    }
}

fn amount(value: Option<f64>, unit: Option<&'static str>, s: &'static Strings) -> impl IntoView {
    match value {
        Some(v) => safe_view! {
            <span class="amount">{format_amount(v)}</span>
            <span class="unit">{unit.unwrap_or("")}</span>
        }
        .into_any(),
        None => safe_view! { <span class="muted">{s.no_value}</span> }.into_any(),
    }
}

fn form_row(
    s: &'static Strings,
    lang: Lang,
    f: FormRow,
    select: impl Fn((u32, u32), usize) + Copy + 'static,
) -> impl IntoView {
    let unit = f.unit.map(|u| u.as_str());
    let (sel, line) = (f.select, f.line);
    let kind_class = format!("kind kind-{}", f.kind.as_str());
    safe_view! {
        <tr data-testid="form-row" data-kind=f.kind.as_str() data-codes=f.codes.join(" ")>
            <td class="num">
                <button
                    type="button"
                    class="link-button"
                    title=s.starts_at_line(line)
                    on:click=move |_| select(sel, line)
                >
                    {f.number}
                </button>
            </td>
            <td>
                <span class=kind_class data-testid="form-kind">{s.kind(f.kind)}</span>
            </td>
            <td class="name">
                <span class="form-name" data-testid="form-name" title=s.name_label(f.kind)>
                    {f.name.unwrap_or_else(|| s.no_value.to_string())}
                </span>
                <span class="form-code" data-testid="form-code" title=s.col_code>
                    {f.code.unwrap_or_else(|| s.no_value.to_string())}
                </span>
            </td>
            <td data-testid="form-unit">{unit.unwrap_or(s.no_value)}</td>
            <td class="num" data-testid="form-total">{amount(f.total, unit, s)}</td>
            <td class="num" data-testid="form-year">{amount(f.year, unit, s)}</td>
            <td class="num" title=s.col_indicators_title>
                <span data-testid="indicator-count">{f.indicators}</span>
                <span class="sub">
                    {s.applicable_label} " "
                    <span data-testid="applicable-count">{f.applicable}</span>
                </span>
            </td>
            <td data-testid="form-problems">{problem_pills(f.counts, lang, s)}</td>
        </tr>
    }
}

fn problem_pills(c: Counts, lang: Lang, s: &'static Strings) -> impl IntoView {
    if c.total() == 0 {
        return safe_view! { <span class="muted">{s.no_problems}</span> }.into_any();
    }
    SEVERITIES
        .iter()
        .filter(|&&sev| c.get(sev) > 0)
        .map(|&sev| {
            safe_view! {
                <span
                    class=format!("pill sev-{}", sev.as_str())
                    title=sev.label().get(lang).to_string()
                    data-severity=sev.as_str()
                >
                    {sev.label().get(lang).to_string()}
                    " "
                    {c.get(sev)}
                </span>
            }
        })
        .collect_view()
        .into_any()
}

fn diag_row(
    s: &'static Strings,
    lang: Lang,
    d: DiagRow,
    names: &[Option<String>],
    select: impl Fn((u32, u32), usize) + Copy + 'static,
) -> impl IntoView {
    let (sel, line, column) = (d.select, d.line, d.column);
    let form = match d.form {
        Some(n) => {
            let name = names.get(n - 1).cloned().flatten().unwrap_or_default();
            let title = name.clone();
            safe_view! {
                <span class="form-ref" title=title>
                    "#" {n} " " <span class="form-ref-name">{name}</span>
                </span>
            }
            .into_any()
        }
        None => safe_view! { <span class="muted">{s.outside_forms}</span> }.into_any(),
    };
    safe_view! {
        <tr data-testid="diagnostic" data-code=d.code data-severity=d.severity.as_str()>
            <td>
                <button
                    type="button"
                    class="link-button location"
                    data-testid="diag-location"
                    title=format!("{} · {}", s.select_in_text, s.line_col_long(line, column))
                    on:click=move |_| select(sel, line)
                >
                    {format!("{line}:{column}")}
                </button>
            </td>
            <td>
                <span class=format!("pill sev-{}", d.severity.as_str()) data-testid="diag-severity">
                    {d.severity.label().get(lang).to_string()}
                </span>
            </td>
            <td class="code">
                <a
                    data-testid="diag-code"
                    href=format!("rules/{}.html", d.code)
                    target="_blank"
                    rel="noopener"
                    title=s.rule_doc
                >
                    {d.code}
                </a>
            </td>
            <td class="message" data-testid="diag-message">{d.message.get(lang).to_string()}</td>
            <td class="form-col" data-testid="diag-form">{form}</td>
        </tr>
    }
}

fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    match storage.get_item(LANG_KEY).ok().flatten()?.as_str() {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

fn store_lang(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let value = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let _ = storage.set_item(LANG_KEY, value);
    }
}
