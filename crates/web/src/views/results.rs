//! The results panel: the five tabs, and what it shows instead of the views while there is
//! nothing to show (no text yet, or a text too large to check as one types).

use leptos::prelude::*;

use crate::constants::CHECK_LIMIT;
use crate::i18n as t;
use crate::state::{use_state, Tab};
use crate::views::compare::CompareView;
use crate::views::export::ExportView;
use crate::views::overview::OverviewView;
use crate::views::problems::ProblemsView;
use crate::views::settings::SettingsView;
use crate::views::structure::StructureView;

#[component]
pub fn ResultsPanel(printing: RwSignal<bool>) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    // What the panel shows; the views themselves follow each check (re-creating them on every
    // check would re-render everything).
    let mode = Memo::new(move |_| {
        st.analysis
            .with(|a| (a.checked, a.report.blank, a.len16 > CHECK_LIMIT))
    });
    let on_tab_key = move |e: web_sys::KeyboardEvent| {
        let i = Tab::ALL
            .iter()
            .position(|&x| x == st.tab.get_untracked())
            .unwrap_or(0);
        let n = Tab::ALL.len();
        let next = match e.key().as_str() {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        e.prevent_default();
        let tab = Tab::ALL[next];
        st.open(tab);
        if let Some(el) = crate::dom::by_data_id("data-tab", tab.as_str()) {
            let _ = el.focus();
        }
    };
    safe_view! {
        <section class="panel results-panel" aria-label=move || t::RESULTS.get(lang.get())>
            <div class="tabs" role="tablist" on:keydown=on_tab_key>
                {Tab::ALL
                    .into_iter()
                    .map(|tab| {
                        let selected = move || st.tab.get() == tab;
                        let badge = move || {
                            let a = st.analysis.get();
                            if !a.checked || a.report.blank {
                                return None;
                            }
                            let n = match tab {
                                Tab::Overview => a.report.forms.len(),
                                Tab::Problems => a.report.diagnostics.len(),
                                _ => return None,
                            };
                            Some(safe_view! { <span class="tab-badge">{n}</span> })
                        };
                        safe_view! {
                            <button
                                type="button"
                                role="tab"
                                class="tab"
                                id=format!("tab-{}", tab.as_str())
                                data-tab=tab.as_str()
                                data-testid=format!("tab-{}", tab.as_str())
                                aria-selected=move || selected().to_string()
                                aria-controls="tab-panel"
                                tabindex=move || if selected() { "0" } else { "-1" }
                                on:click=move |_| st.open(tab)
                            >
                                {move || t::tab(lang.get(), tab)}
                                {badge}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div
                class="tab-panel"
                id="tab-panel"
                role="tabpanel"
                data-testid="results"
                on:scroll=move |_| st.results_scrolled()
                data-checked-in=move || {
                    st.analysis.with(|a| match (a.checked, a.off_thread) {
                        (false, _) => "",
                        (true, true) => "worker",
                        (true, false) => "page",
                    })
                }
                aria-labelledby=move || format!("tab-{}", st.tab.get().as_str())
            >
                {move || {
                    let tab = st.tab.get();
                    let (checked, blank, too_large) = mode.get();
                    if tab == Tab::Settings {
                        return safe_view! { <SettingsView/> }.into_any();
                    }
                    if !checked {
                        return safe_view! { <LargeNotice too_large=too_large/> }.into_any();
                    }
                    if blank {
                        return safe_view! { <EmptyState/> }.into_any();
                    }
                    match tab {
                        Tab::Overview => safe_view! { <OverviewView/> }.into_any(),
                        Tab::Structure => safe_view! { <StructureView/> }.into_any(),
                        Tab::Problems => safe_view! { <ProblemsView/> }.into_any(),
                        Tab::Compare => safe_view! { <CompareView/> }.into_any(),
                        Tab::Export => safe_view! { <ExportView printing=printing/> }.into_any(),
                        Tab::Settings => unreachable!(),
                    }
                }}
            </div>
        </section>
    }
}

/// No text yet: what the page reads (templates, layouts) and does, and the example.
#[component]
fn EmptyState() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    safe_view! {
        <div class="empty" data-testid="empty-state">
            <h2>{move || t::EMPTY_TITLE.get(lang.get())}</h2>
            <p>{move || t::EMPTY_BODY.get(lang.get())}</p>
            <ul>
                {t::EMPTY_POINTS
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        // What is read: the templates, then the layouts.
                        let id = ["empty-templates", "empty-layouts"].get(i).copied();
                        safe_view! { <li data-testid=id>{move || p.get(lang.get())}</li> }
                    })
                    .collect_view()}
            </ul>
            <p class="empty-actions">
                <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="empty-example"
                    on:click=move |_| st.load_example()
                >
                    {move || t::TRY_EXAMPLE.get(lang.get())}
                </button>
            </p>
        </div>
    }
}

/// A text too large to check as one types (a button checks it), or to check at all.
#[component]
fn LargeNotice(too_large: bool) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let info = move || {
        let l = lang.get();
        st.analysis.with(|a| {
            t::text_size(
                l,
                a.report.chars,
                a.report.lines,
                &t::bytes(l, a.text.len()),
            )
        })
    };
    safe_view! {
        <div class="empty large" data-testid="large-notice">
            <h2>{move || t::LARGE_TITLE.get(lang.get())}</h2>
            <p class="muted" data-testid="large-size">{info}</p>
            <p>
                {move || {
                    if too_large { t::TOO_LARGE_BODY.get(lang.get()) } else { t::LARGE_BODY.get(lang.get()) }
                }}
            </p>
            {(!too_large)
                .then(|| {
                    safe_view! {
                        <p>
                            <button
                                type="button"
                                class="btn btn-primary"
                                data-testid="check-now"
                                disabled=move || st.busy.get()
                                on:click=move |_| st.run_large()
                            >
                                {move || {
                                    if st.busy.get() { t::BUSY.get(lang.get()) } else { t::CHECK_NOW.get(lang.get()) }
                                }}
                            </button>
                        </p>
                    }
                })}
        </div>
    }
}
