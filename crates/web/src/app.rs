//! The page's shell: creates the [`State`] and provides it to every component as context;
//! keeps the document (language, title, theme) and the stored settings in step with it; a top
//! bar, the text box on the left, the results on the right in five views (overview, structure,
//! problems, export, settings), a message line at the bottom; the page-wide keys.
//!
//! Everything pasted is rendered through Leptos text nodes and attribute setters only; the page
//! never builds HTML from strings (no `inner_html`), and the CSP in `index.html` enforces Trusted
//! Types so that an accidental HTML sink would fail loudly instead of running pasted markup.

use kpiform_core::Lang;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n as t;
use crate::settings::{self, Theme};
use crate::state::{use_state, State};
use crate::views::editor::InputPanel;
use crate::views::export::PrintReport;
use crate::views::results::ResultsPanel;

#[component]
pub fn App() -> impl IntoView {
    let st = State::new();
    provide_context(st);
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
    Effect::new(move |_| settings::store_rich_paste(st.rich_paste.get()));
    Effect::new(move |_| st.review.with(settings::store_review));
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
    let _ = window_event_listener(ev::resize, move |_| {
        st.update_viewport();
        st.results_scrolled();
    });
    // Narrow screens scroll the page rather than the results panel.
    let _ = window_event_listener(ev::scroll, move |_| st.results_scrolled());
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
                <InputPanel/>
                <ResultsPanel printing=printing/>
            </main>

            <footer class="footer">{move || t::FOOTER.get(lang.get())}</footer>
            <ToastLine/>
        </div>
        {move || printing.get().then(|| safe_view! { <PrintReport/> })}
    }
}

/// Keyboard: F8 / Shift+F8 anywhere, j / k outside text fields, Escape drops the highlight.
fn on_key(st: State, e: web_sys::KeyboardEvent) {
    let key = e.key();
    if key == "F8" {
        e.prevent_default();
        st.step(if e.shift_key() { -1 } else { 1 });
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
        "Escape" => st.clear_highlight(),
        "j" if !typing => st.step(1),
        "k" if !typing => st.step(-1),
        _ => {}
    }
}

/// The message line at the bottom (results of edits, files, copying), with undo.
#[component]
fn ToastLine() -> impl IntoView {
    let st = use_state();
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
                                        on:click=move |_| st.undo_from_toast()
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
                                    on:click=move |_| st.dismiss_toast()
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
