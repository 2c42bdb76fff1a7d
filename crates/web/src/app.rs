//! The page: a top bar, the text box on the left, the results on the right in five views
//! (overview, structure, problems, export, settings), a message line at the bottom.
//!
//! Everything pasted is rendered through Leptos text nodes and attribute setters only; the page
//! never builds HTML from strings (no `inner_html`), and the CSP in `index.html` enforces Trusted
//! Types so that an accidental HTML sink would fail loudly instead of running pasted markup.

use kpiform_core::Lang;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::constants::CHECK_LIMIT;
use crate::editor::InputPanel;
use crate::export::{ExportView, PrintReport};
use crate::i18n as t;
use crate::overview::OverviewView;
use crate::problems::{self, ProblemsView};
use crate::settings::{self, Theme};
use crate::settings_view::SettingsView;
use crate::state::{State, Tab};
use crate::structure::StructureView;

#[component]
pub fn App() -> impl IntoView {
    let st = State::new();
    let printing = RwSignal::new(false);

    // <html lang>, the title and the stored choice follow the language.
    Effect::new(move |_| {
        let l = st.lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute(
                "lang",
                match l {
                    Lang::Zh => "zh-CN",
                    Lang::En => "en",
                },
            );
        }
        doc.set_title(t::APP_TITLE.get(l));
        settings::store_lang(l);
    });
    // The theme: an attribute on <html> the stylesheet keys on ("system" leaves it to the
    // browser's preference).
    Effect::new(move |_| {
        let th = st.theme.get();
        if let Some(root) = document().document_element() {
            match th {
                Theme::System => {
                    let _ = root.remove_attribute("data-theme");
                }
                _ => {
                    let _ = root.set_attribute("data-theme", th.as_str());
                }
            }
        }
        settings::store_theme(th);
    });
    // Rule settings: remember them and check again.
    Effect::new(move |first: Option<()>| {
        let rules = st.rules.get();
        if first.is_some() {
            settings::store_rules(&rules);
            st.recheck();
        }
    });
    // Bring back the text of the last visit, once the text box exists.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if st.input.get().is_some() {
            st.restore();
            st.update_viewport();
            true
        } else {
            false
        }
    });

    // Checks run in a worker, started now so that it is ready by the first paste.
    crate::worker::client::prepare();

    // Keep the text when the tab is closed or hidden before the pending check saved it.
    let _ = window_event_listener(ev::pagehide, move |_| st.save_now());
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            st.save_now();
        }
    });
    let _ = window_event_listener(ev::resize, move |_| st.update_viewport());
    let _ = window_event_listener(ev::keydown, move |e| on_key(st, e));

    let toggle_lang = move |_| {
        st.lang.update(|l| {
            *l = match l {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        })
    };
    let toggle_theme = move |_| {
        let dark = match st.theme.get_untracked() {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::System => window()
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
                .is_some_and(|m| m.matches()),
        };
        st.theme.set(if dark { Theme::Light } else { Theme::Dark });
    };
    let lang = st.lang;

    safe_view! {
        <div class="page" class:printing=move || printing.get()>
            <header class="topbar">
                <div class="brand">
                    <Logo/>
                    <div class="brand-text">
                        <h1>{move || t::APP_TITLE.get(lang.get())}</h1>
                        <p class="tagline">{move || t::TAGLINE.get(lang.get())}</p>
                    </div>
                </div>
                <div class="top-actions">
                    <button
                        type="button"
                        class="icon-toggle"
                        data-testid="theme-toggle"
                        title=move || t::THEME_TOGGLE.get(lang.get())
                        aria-label=move || t::THEME_TOGGLE.get(lang.get())
                        on:click=toggle_theme
                    >
                        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" class="theme-icon">
                            <circle cx="10" cy="10" r="7" class="theme-ring"></circle>
                            <path d="M10 3a7 7 0 0 1 0 14z" class="theme-half"></path>
                        </svg>
                    </button>
                    <button
                        type="button"
                        class="lang-toggle"
                        data-testid="lang-toggle"
                        title=move || t::SWITCH_LANG_TITLE.get(lang.get())
                        on:click=toggle_lang
                    >
                        {move || t::SWITCH_LANG.get(lang.get())}
                    </button>
                </div>
            </header>

            <main class="workspace">
                <InputPanel st=st/>
                <ResultsPanel st=st printing=printing/>
            </main>

            <footer class="footer">{move || t::FOOTER.get(lang.get())}</footer>
            <ToastLine st=st/>
        </div>
        {move || printing.get().then(|| safe_view! { <PrintReport st=st/> })}
    }
}

/// Keyboard: F8 / Shift+F8 anywhere, j / k outside text fields, Escape drops the highlight.
fn on_key(st: State, e: web_sys::KeyboardEvent) {
    let key = e.key();
    if key == "F8" {
        e.prevent_default();
        problems::step(st, if e.shift_key() { -1 } else { 1 });
        return;
    }
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
        return;
    }
    let typing = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        });
    match key.as_str() {
        "Escape" if st.highlight.get_untracked().is_some() => st.highlight.set(None),
        "j" if !typing => problems::step(st, 1),
        "k" if !typing => problems::step(st, -1),
        _ => {}
    }
}

#[component]
fn ResultsPanel(st: State, printing: RwSignal<bool>) -> impl IntoView {
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
        st.tab.set(tab);
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
                                on:click=move |_| st.tab.set(tab)
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
                        return safe_view! { <SettingsView st=st/> }.into_any();
                    }
                    if !checked {
                        return large_notice(st, too_large).into_any();
                    }
                    if blank {
                        return empty_state(st).into_any();
                    }
                    match tab {
                        Tab::Overview => safe_view! { <OverviewView st=st/> }.into_any(),
                        Tab::Structure => safe_view! { <StructureView st=st/> }.into_any(),
                        Tab::Problems => safe_view! { <ProblemsView st=st/> }.into_any(),
                        Tab::Export => safe_view! { <ExportView st=st printing=printing/> }.into_any(),
                        Tab::Settings => unreachable!(),
                    }
                }}
            </div>
        </section>
    }
}

fn empty_state(st: State) -> impl IntoView {
    let lang = st.lang;
    safe_view! {
        <div class="empty" data-testid="empty-state">
            <h2>{move || t::EMPTY_TITLE.get(lang.get())}</h2>
            <p>{move || t::EMPTY_BODY.get(lang.get())}</p>
            <ul>
                {t::EMPTY_POINTS
                    .iter()
                    .map(|p| safe_view! { <li>{move || p.get(lang.get())}</li> })
                    .collect_view()}
            </ul>
            <p class="empty-actions">
                <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="empty-example"
                    on:click=move |_| crate::editor::load_example(st)
                >
                    {move || t::TRY_EXAMPLE.get(lang.get())}
                </button>
            </p>
        </div>
    }
}

fn large_notice(st: State, too_large: bool) -> impl IntoView {
    let lang = st.lang;
    let info = move || {
        let l = lang.get();
        st.analysis.with(|a| {
            format!(
                "{} · {} · {}",
                t::chars_count(l, a.report.chars),
                t::lines_count(l, a.report.lines),
                t::bytes(l, a.text.len())
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

/// The message line at the bottom (results of edits, files, copying), with undo.
#[component]
fn ToastLine(st: State) -> impl IntoView {
    let lang = st.lang;
    safe_view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || {
                st.toast
                    .get()
                    .map(|toast| {
                        let l = lang.get();
                        let undo = (toast.undo && st.can_undo.get())
                            .then(|| {
                                safe_view! {
                                    <button
                                        type="button"
                                        class="btn btn-small"
                                        data-testid="undo"
                                        on:click=move |_| {
                                            st.toast.set(None);
                                            st.undo();
                                        }
                                    >
                                        {t::UNDO.get(l)}
                                    </button>
                                }
                            });
                        safe_view! {
                            <div class="toast" class:toast-error=toast.error data-testid="toast">
                                <span data-testid="toast-text">{toast.text.get(l).to_string()}</span>
                                {undo}
                                <button
                                    type="button"
                                    class="toast-close"
                                    aria-label=t::CLOSE.get(l)
                                    title=t::CLOSE.get(l)
                                    on:click=move |_| st.toast.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
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
