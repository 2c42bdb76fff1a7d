//! A resubmission against the version sent before: the earlier version opened (a file) or
//! pasted, then per form (matched by 项目编码, else by name) the findings fixed, new and
//! remaining, and the fields and indicator values that changed. The comparison follows every
//! check of the text.

use kpiform_core::Lang;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n as t;
use crate::state::{use_state, State};
use crate::worker::{Compared, ComparedChange, ComparedFinding};

#[component]
pub fn CompareView() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let has_earlier = Memo::new(move |_| st.earlier.with(Option::is_some));
    safe_view! {
        {move || {
            let l = lang.get();
            if has_earlier.get() {
                safe_view! { <Comparison/> }.into_any()
            } else {
                choose_earlier(st, l).into_any()
            }
        }}
    }
}

/// No earlier version yet: open one, or paste it.
fn choose_earlier(st: State, l: Lang) -> impl IntoView {
    let file_input = NodeRef::<html::Input>::new();
    let pasted = NodeRef::<html::Textarea>::new();
    let on_files = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        crate::views::editor::load_files(st, crate::dom::take_files(&input), true);
    };
    let compare_pasted = move |_| {
        if let Some(el) = pasted.get_untracked() {
            st.set_earlier(Some(el.value()));
        }
    };
    safe_view! {
        <div class="compare-start" data-testid="compare-start">
            <h2 class="section-title">{t::COMPARE_TITLE.get(l)}</h2>
            <p>{t::COMPARE_BODY.get(l)}</p>
            <p>
                <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="earlier-open"
                    on:click=move |_| {
                        if let Some(el) = file_input.get_untracked() {
                            el.click();
                        }
                    }
                >
                    {t::EARLIER_OPEN.get(l)}
                </button>
                <input
                    type="file"
                    class="kp-offscreen"
                    multiple
                    data-testid="earlier-file"
                    node_ref=file_input
                    on:change=on_files
                />
            </p>
            <label class="compare-paste">
                <span>{t::EARLIER_PASTE.get(l)}</span>
                <textarea
                    rows="6"
                    data-testid="earlier-text"
                    spellcheck="false"
                    node_ref=pasted
                ></textarea>
            </label>
            <p>
                <button type="button" class="btn" data-testid="earlier-compare" on:click=compare_pasted>
                    {t::COMPARE_NOW.get(l)}
                </button>
            </p>
        </div>
    }
}

#[component]
fn Comparison() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    safe_view! {
        {move || {
            let l = lang.get();
            let Some(forms) = st.compared.get() else {
                return safe_view! { <p class="muted" data-testid="compare-busy">{t::BUSY.get(l)}</p> }
                    .into_any();
            };
            let total = |f: fn(&Compared) -> usize| forms.iter().map(f).sum::<usize>();
            let (fixed, added, remaining) = (
                total(|c| c.fixed.len()),
                total(|c| c.added.len()),
                total(|c| c.remaining.len()),
            );
            let changed = total(|c| c.changed.len());
            safe_view! {
                <div class="compare" data-testid="compare">
                    <div class="compare-head">
                        <p data-testid="compare-summary" data-fixed=fixed data-new=added data-remaining=remaining data-changed=changed>
                            {t::compare_summary(l, forms.len(), fixed, added, remaining, changed)}
                        </p>
                        <button
                            type="button"
                            class="btn btn-small btn-quiet"
                            data-testid="earlier-clear"
                            on:click=move |_| st.set_earlier(None)
                        >
                            {t::EARLIER_CLEAR.get(l)}
                        </button>
                    </div>
                    {forms.into_iter().map(|c| compared_form(st, l, c)).collect_view()}
                </div>
            }
            .into_any()
        }}
    }
}

fn compared_form(st: State, l: Lang, c: Compared) -> impl IntoView {
    let name = c
        .name
        .clone()
        .unwrap_or_else(|| t::NO_NAME.get(l).to_string());
    let status = match (c.old, c.new) {
        (None, _) => Some(t::FORM_ADDED.get(l)),
        (_, None) => Some(t::FORM_REMOVED.get(l)),
        _ => None,
    };
    let open = c.new.map(|n| move |_| st.open_form(n + 1));
    let quiet = c.fixed.is_empty() && c.added.is_empty() && c.changed.is_empty();
    safe_view! {
        <section class="compare-form" class:quiet=quiet data-testid="compare-form" data-code=c.code.clone().unwrap_or_default()>
            <h3 class="group-title">
                {match open {
                    Some(open) => safe_view! {
                        <button type="button" class="link-button group-name" on:click=open>{name}</button>
                    }
                    .into_any(),
                    None => safe_view! { <span class="group-name">{name}</span> }.into_any(),
                }}
                {c.code.clone().map(|code| safe_view! { <span class="form-code">{code}</span> })}
                {status.map(|s| safe_view! { <span class="pill">{s}</span> })}
                <span class="muted">
                    {t::compare_counts(l, c.fixed.len(), c.added.len(), c.remaining.len())}
                </span>
            </h3>
            {findings(l, "fixed", t::FIXED.get(l), &c.fixed, true)}
            {findings(l, "new", t::NEW_FINDINGS.get(l), &c.added, true)}
            {changes(l, &c.changed)}
            {findings(l, "remaining", t::REMAINING.get(l), &c.remaining, false)}
        </section>
    }
}

fn findings(
    l: Lang,
    kind: &'static str,
    title: &'static str,
    list: &[ComparedFinding],
    open: bool,
) -> Option<impl IntoView> {
    if list.is_empty() {
        return None;
    }
    let items = list
        .iter()
        .map(|f| {
            let code = f.code.clone();
            let shown = f.code.clone();
            let message = f.message.get(l).to_string();
            let quote = (!f.quote.is_empty()).then(|| {
                let q = crate::report::shorten(&f.quote);
                safe_view! { <q class="quote">{q}</q> }
            });
            safe_view! {
                <li data-testid="compare-finding" data-code=code.clone()>
                    <code class="code">{shown}</code>
                    " "
                    <span>{message}</span>
                    " "
                    {quote}
                </li>
            }
        })
        .collect_view();
    Some(safe_view! {
        <details class=format!("compare-list compare-{kind}") open=open data-testid=format!("compare-{kind}")>
            <summary>{format!("{title}（{}）", list.len())}</summary>
            <ul>{items}</ul>
        </details>
    })
}

fn changes(l: Lang, list: &[ComparedChange]) -> Option<impl IntoView> {
    if list.is_empty() {
        return None;
    }
    let items = list
        .iter()
        .map(|c| {
            let kind = if c.indicator {
                t::INDICATOR.get(l)
            } else {
                t::FIELD.get(l)
            };
            let none = || t::ABSENT.get(l).to_string();
            let old = c.old.clone().unwrap_or_else(none);
            let new = c.new.clone().unwrap_or_else(none);
            let label = c.label.clone();
            safe_view! {
                <li data-testid="compare-change">
                    <span class="muted">{kind}</span>
                    " "
                    <strong>{label}</strong>
                    "："
                    <del>{crate::report::shorten(&old)}</del>
                    <span aria-hidden="true">" → "</span>
                    <span class="kp-offscreen">{t::REPLACED_BY.get(l)}</span>
                    <ins>{crate::report::shorten(&new)}</ins>
                </li>
            }
        })
        .collect_view();
    Some(safe_view! {
        <details class="compare-list compare-changed" open=true data-testid="compare-changed">
            <summary>{format!("{}（{}）", t::CHANGED.get(l), list.len())}</summary>
            <ul>{items}</ul>
        </details>
    })
}
