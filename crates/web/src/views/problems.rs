//! The problem list: grouped by form, filtered by severity, category, form and fixability; each
//! problem with its code (linked to the rule page), message, quoted text, the other places it
//! points to, and its fix. F8 / Shift+F8 (j / k outside text fields) step through it
//! ([`State::step`], keys read by the app shell).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use kpiform_core::{Applicability, Category, Counts, Lang};
use leptos::prelude::*;

use crate::i18n as t;
use crate::report::{DiagRow, SEVERITIES};
use crate::state::{use_state, Analysis, State};
use crate::views::parts::{form_label, pills};
use crate::views::window::windowed;

/// The list windowed to the problems on screen (a hostile text may have tens of thousands).
const PROBLEM_LIST: &str = "[data-testid=\"problem-list\"]";
/// A problem's height before one was measured (px; head, message, quote and its actions).
const PROBLEM_HEIGHT: f64 = 130.0;

/// The space of the problems above or below those on screen.
fn spacer(height: f64) -> impl IntoView {
    (height > 0.0).then(|| {
        safe_view! { <div class="spacer" aria-hidden="true" style:height=format!("{height}px")></div> }
    })
}

/// One form's problems as the list shows them. Rendered once per key: a check that leaves a
/// form's problems as they were keeps its DOM (typing re-renders one group, not the list).
#[derive(Debug, Clone, PartialEq)]
struct Group {
    key: u64,
    form: Option<usize>,
    title: String,
    code: Option<String>,
    counts: Counts,
    rows: Vec<DiagRow>,
}

fn make_groups(a: &Analysis, ids: &[usize], l: Lang) -> Vec<Group> {
    let rows = &a.report.diagnostics;
    let mut out: Vec<Group> = Vec::new();
    for &id in ids {
        let d = &rows[id];
        if out.last().is_none_or(|g| g.form != d.form) {
            let title = match d.form {
                Some(n) => form_label(&a.report, n, l),
                None => t::OUTSIDE_FORMS.get(l).to_string(),
            };
            out.push(Group {
                key: 0,
                form: d.form,
                title,
                code: d
                    .form
                    .and_then(|n| a.report.form(n))
                    .and_then(|f| f.code.clone()),
                counts: Counts::default(),
                rows: Vec::new(),
            });
        }
        let g = out.last_mut().expect("a group");
        g.counts.add(d.severity);
        g.rows.push(d.clone());
    }
    for g in &mut out {
        let mut h = DefaultHasher::new();
        (g.form, &g.title, &g.code, l == Lang::Zh).hash(&mut h);
        for r in &g.rows {
            r.key.hash(&mut h);
        }
        g.key = h.finish();
    }
    out
}

#[component]
pub fn ProblemsView() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let shown_ids = Memo::new(move |_| {
        let a = st.analysis.get();
        let f = st.filter.get();
        f.visible(&a.report)
    });
    let keys = Memo::new(move |_| {
        st.analysis.with(|a| {
            shown_ids.with(|ids| {
                ids.iter()
                    .map(|&id| a.report.diagnostics[id].key)
                    .collect::<Vec<u64>>()
            })
        })
    });
    let window = windowed(st, keys, PROBLEM_HEIGHT, PROBLEM_LIST);
    // Keep the current problem on screen (F8 may step to one far below).
    Effect::new(move |_| {
        if let Some(c) = st.current.get() {
            if let Some(p) = keys.with_untracked(|k| k.iter().position(|&k| k == c)) {
                window.reveal(st, p);
            }
        }
    });
    let has_any = Memo::new(move |_| st.analysis.with(|a| !a.report.diagnostics.is_empty()));
    let groups = Memo::new(move |_| {
        let l = lang.get();
        let s = window.slice.get();
        shown_ids.with(|ids| {
            let end = s.end.min(ids.len());
            st.analysis
                .with(|a| make_groups(a, &ids[s.start.min(end)..end], l))
        })
    });

    safe_view! {
        <div class="problems-view" data-testid="problems-view">
            <Filters/>
            // Re-rendered as a whole only when the language changes or the list (dis)appears;
            // checks update it through the keyed groups.
            {move || {
                let l = lang.get();
                if !has_any.get() {
                    return safe_view! {
                        <p class="all-clear" data-testid="all-clear">{t::ALL_CLEAR.get(l)}</p>
                    }
                        .into_any();
                }
                let shown = move || shown_ids.with(Vec::len);
                safe_view! {
                    <p class="list-count" data-testid="problem-count" role="status">
                        <span>{move || t::showing(l, shown(), st.analysis.with(|a| a.report.diagnostics.len()))}</span>
                        <span class="kbd-hint">{t::KEYS_HINT.get(l)}</span>
                    </p>
                    <div class="problem-list" data-testid="problem-list">
                        {move || spacer(window.slice.with(|s| s.top))}
                        <For
                            each=move || groups.get()
                            key=|g| g.key
                            children=move |g| group_view(st, l, g)
                        />
                        {move || spacer(window.slice.with(|s| s.bottom))}
                    </div>
                    {move || {
                        (shown() == 0)
                            .then(|| {
                                safe_view! {
                                    <p class="muted empty-filter">{t::NOTHING_MATCHES.get(l)}</p>
                                }
                            })
                    }}
                }
                    .into_any()
            }}
        </div>
    }
}

/// Severity, category, form and fix filters with counts.
#[component]
fn Filters() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let fixable = move || {
        st.analysis.with(|a| {
            a.report
                .diagnostics
                .iter()
                .filter(|d| d.fix.is_some())
                .count()
        })
    };
    safe_view! {
        <div class="filters" role="group" aria-label=move || t::FILTERS.get(lang.get())>
            <div class="filter-row">
                <span class="filter-label">{move || t::SEVERITY.get(lang.get())}</span>
                {SEVERITIES
                    .iter()
                    .enumerate()
                    .map(|(i, &sev)| {
                        let pressed = move || st.filter.with(|f| f.severities[i]);
                        safe_view! {
                            <button
                                type="button"
                                class=format!("chip sev-{}", sev.as_str())
                                data-testid=format!("filter-{}", sev.as_str())
                                aria-pressed=move || pressed().to_string()
                                on:click=move |_| st.toggle_severity(i)
                            >
                                <span class="sev-dot" aria-hidden="true"></span>
                                {move || sev.label().get(lang.get()).to_string()}
                                <span class="chip-n">
                                    {move || st.analysis.with(|a| a.report.counts.get(sev))}
                                </span>
                            </button>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="chip chip-toggle"
                    data-testid="filter-fixable"
                    aria-pressed=move || st.filter.with(|f| f.fixable_only).to_string()
                    on:click=move |_| st.toggle_fixable()
                >
                    {move || t::FIXABLE.get(lang.get())}
                    <span class="chip-n">{fixable}</span>
                </button>
            </div>
            <div class="filter-row">
                <span class="filter-label">{move || t::CATEGORY.get(lang.get())}</span>
                {Category::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, &cat)| {
                        let n = move || {
                            st.analysis
                                .with(|a| a.report.categories.get(i).map_or(0, |c| c.counts.total()))
                        };
                        safe_view! {
                            <button
                                type="button"
                                class="chip"
                                class:chip-zero=move || n() == 0
                                data-testid=format!("filter-cat-{}", cat.as_str())
                                aria-pressed=move || st.filter.with(|f| f.categories[i]).to_string()
                                on:click=move |_| st.toggle_category(i)
                            >
                                {move || cat.name().get(lang.get()).to_string()}
                                <span class="chip-n">{n}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                let l = lang.get();
                let f = st.filter.get();
                let form = f.form.map(|n| {
                    let label = if n == 0 {
                        t::OUTSIDE_FORMS.get(l).to_string()
                    } else {
                        st.analysis.with(|a| form_label(&a.report, n, l))
                    };
                    safe_view! {
                        <span class="chip chip-on" data-testid="filter-form">
                            {t::ONLY_FORM.get(l)} " " {label}
                            <button
                                type="button"
                                class="chip-x"
                                aria-label=t::REMOVE_FILTER.get(l)
                                title=t::REMOVE_FILTER.get(l)
                                on:click=move |_| st.drop_form_filter()
                            >
                                "×"
                            </button>
                        </span>
                    }
                });
                let reset = (!f.is_default())
                    .then(|| {
                        safe_view! {
                            <button
                                type="button"
                                class="link-button"
                                data-testid="filter-reset"
                                on:click=move |_| st.reset_filter()
                            >
                                {t::SHOW_ALL.get(l)}
                            </button>
                        }
                    });
                (form.is_some() || reset.is_some())
                    .then(|| safe_view! { <div class="filter-row">{form} {reset}</div> })
            }}
        </div>
    }
}

fn group_view(st: State, l: Lang, g: Group) -> impl IntoView {
    let form = g.form;
    let select_form = move |_| {
        if let Some(n) = form {
            st.select_form(n);
        }
    };
    let items: Vec<_> = g.rows.into_iter().map(|d| problem(st, l, d)).collect();
    safe_view! {
        <section class="group" data-testid="problem-group" data-form=form.unwrap_or(0)>
            <h3 class="group-title">
                <button type="button" class="link-button group-name" on:click=select_form>
                    {g.title}
                </button>
                {g.code.map(|c| safe_view! { <span class="form-code">{c}</span> })}
                <span class="group-counts">{pills(g.counts, l)}</span>
            </h3>
            <ul class="problems">{items}</ul>
        </section>
    }
}

fn problem(st: State, l: Lang, d: DiagRow) -> impl IntoView {
    let key = d.key;
    let finding = d.finding.clone();
    let dismissed = {
        let finding = finding.clone();
        move || {
            st.review
                .with(|r| r.dismissed(&finding).map(str::to_string))
        }
    };
    let rule_code = d.code;
    let judged = {
        let finding = finding.clone();
        let editing = RwSignal::new(false);
        move || {
            let (kept, comment) = st
                .review
                .with(|r| (r.is_kept(&finding), r.comment(&finding).map(str::to_string)));
            let keep_key = finding.clone();
            let comment_key = finding.clone();
            let shown = comment.clone();
            safe_view! {
                <button
                    type="button"
                    class="btn btn-small btn-quiet"
                    class:on=kept
                    data-testid="keep"
                    aria-pressed=kept.to_string()
                    title=t::KEEP_TITLE.get(l)
                    on:click=move |_| st.keep(keep_key.clone(), !kept)
                >
                    {if kept { t::KEPT.get(l) } else { t::KEEP_FINDING.get(l) }}
                </button>
                <button
                    type="button"
                    class="btn btn-small btn-quiet"
                    data-testid="comment-edit"
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {t::COMMENT.get(l)}
                </button>
                {shown
                    .filter(|_| !editing.get())
                    .map(|c| safe_view! { <span class="comment-text" data-testid="comment-text">{t::comment(l, &c)}</span> })}
                {move || {
                    editing
                        .get()
                        .then(|| {
                            let key = comment_key.clone();
                            safe_view! {
                                <input
                                    class="comment-input"
                                    data-testid="comment-input"
                                    maxlength="500"
                                    placeholder=t::COMMENT_PLACEHOLDER.get(l)
                                    aria-label=t::COMMENT.get(l)
                                    prop:value=comment.clone().unwrap_or_default()
                                    on:change=move |ev| {
                                        st.comment(key.clone(), &event_target_value(&ev));
                                        editing.set(false);
                                    }
                                />
                            }
                        })
                }}
            }
        }
    };
    let disposition = {
        let dismissed = dismissed.clone();
        move || match dismissed() {
            Some(reason) => {
                let finding = finding.clone();
                safe_view! {
                    <span class="dismissed-note" data-testid="dismissed">{t::dismissed(l, &reason)}</span>
                    <button
                        type="button"
                        class="btn btn-small btn-quiet"
                        data-testid="restore"
                        on:click=move |_| st.undismiss(&finding)
                    >
                        {t::RESTORE.get(l)}
                    </button>
                }
                .into_any()
            }
            None => {
                let one = finding.clone();
                safe_view! {
                    <select
                        class="dismiss"
                        data-testid="dismiss"
                        aria-label=t::DISMISS.get(l)
                        on:change=move |ev| {
                            let reason = event_target_value(&ev);
                            if !reason.is_empty() {
                                st.dismiss(one.clone(), &reason);
                            }
                        }
                    >
                        <option value="">{t::DISMISS.get(l)}</option>
                        {t::DISMISS_REASONS
                            .iter()
                            .map(|r| safe_view! { <option value=r.0>{r.get(l)}</option> })
                            .collect_view()}
                    </select>
                    <button
                        type="button"
                        class="btn btn-small btn-quiet"
                        data-testid="dismiss-rule"
                        title=t::DISMISS_RULE_TITLE.get(l)
                        on:click=move |_| st.dismiss_rule(rule_code, t::DISMISS_REASONS[2].0)
                    >
                        {t::DISMISS_RULE.get(l)}
                    </button>
                }
                .into_any()
            }
        }
    };
    let sev = d.severity.as_str();
    let (line, column) = (d.line, d.column);
    let related = d
        .related
        .iter()
        .map(|r| {
            let span = r.span;
            let label = r.label.get(l).to_string();
            let quote = r.quote.clone();
            let where_ = t::line_col(l, r.line, r.column);
            safe_view! {
                <li>
                    <button
                        type="button"
                        class="link-button related"
                        data-testid="diag-related"
                        title=t::SELECT_IN_TEXT.get(l)
                        on:click=move |_| st.select_related(key, span)
                    >
                        <span class="related-where">{where_}</span>
                        " "
                        <q class="quote">{quote}</q>
                    </button>
                    " "
                    <span class="muted">{label}</span>
                </li>
            }
        })
        .collect_view();
    let has_related = !d.related.is_empty();
    let fix = d.fix.as_ref().map(|f| {
        let title = f.title.get(l).to_string();
        let suggest = f.applicability == Applicability::Suggest;
        let original = f.original.clone();
        let replacement = if f.replacement.is_empty() {
            t::NOTHING.get(l).to_string()
        } else {
            f.replacement.clone()
        };
        safe_view! {
            <div class="fix">
                <button
                    type="button"
                    class="btn btn-fix"
                    data-testid="diag-fix"
                    title=if suggest { t::FIX_SUGGEST.get(l) } else { t::FIX_SAFE.get(l) }
                    on:click=move |ev| {
                        ev.stop_propagation();
                        st.apply_fix(key)
                    }
                >
                    {t::APPLY.get(l)} "：" {title}
                </button>
                <span class="fix-preview">
                    <del data-testid="fix-from">{original}</del>
                    <span aria-hidden="true">" → "</span>
                    <span class="kp-offscreen">{t::REPLACED_BY.get(l)}</span>
                    <ins data-testid="fix-to">{replacement}</ins>
                </span>
            </div>
        }
    });
    let quote = (!d.quote.is_empty()).then(|| {
        let q = d.quote.clone();
        safe_view! { <q class="quote" data-testid="diag-quote">{q}</q> }
    });
    let is_current = move || st.current.get() == Some(key);
    let message = d.message.get(l).to_string();
    let code = d.code;
    let category = d.category.name().get(l).to_string();
    let sev_label = d.severity.label().get(l).to_string();
    let location_title = format!(
        "{} · {}",
        t::SELECT_IN_TEXT.get(l),
        t::line_col(l, line, column)
    );
    safe_view! {
        <li
            class=format!("problem sev-{sev}")
            class:current=is_current
            class:dismissed=move || dismissed().is_some()
            aria-current=move || is_current().then_some("true")
            data-testid="diagnostic"
            data-code=code
            data-severity=sev
            data-key=key.to_string()
            on:click=move |ev: web_sys::MouseEvent| {
                // Clicks on the row's own buttons and links do their own thing.
                let on_control = ev
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|e| e.closest("button, a, select, input").ok().flatten())
                    .is_some();
                if !on_control {
                    st.select_problem(key, false);
                }
            }
        >
            <div class="problem-head">
                <span class=format!("pill sev-{sev}") data-testid="diag-severity">{sev_label}</span>
                <a
                    class="code"
                    data-testid="diag-code"
                    href=format!("rules/{code}.html")
                    target="_blank"
                    rel="noopener"
                    title=t::RULE_DOC.get(l)
                >
                    {code}
                </a>
                <span class="category">{category}</span>
                <button
                    type="button"
                    class="link-button location"
                    data-testid="diag-location"
                    title=location_title
                    on:click=move |_| st.select_problem(key, true)
                >
                    {t::line_col_short(l, line, column)}
                </button>
            </div>
            <p class="message" data-testid="diag-message">{message}</p>
            {quote}
            <div class="disposition">{disposition} {judged}</div>
            {has_related
                .then(|| {
                    safe_view! {
                        <div class="related-list">
                            <span class="muted">{t::SEE_ALSO.get(l)}</span>
                            <ul>{related}</ul>
                        </div>
                    }
                })}
            {fix}
        </li>
    }
}
