//! The page's state and what changes it: checking the text, selecting a span, editing the text
//! (fixes, example, files) with undo, remembering the text.
//!
//! The text box is the source of truth for the text (it is never re-rendered from a signal, so
//! typing stays native and fast). A check reads it once, [`State::schedule`]d after a pause in
//! typing, and publishes an [`Analysis`]: the exact text checked, the core's [`Document`] and the
//! [`Report`] the views render. Everything that points into the text (selection, fixes, the
//! highlight) goes through the analysis and refuses to act when the text box has moved on.
//!
//! One [`State`] is created by the app shell and provided as context; components get it with
//! [`use_state`]. Views read its signals and change it through its intents (`open`,
//! `show_problems`, `select_problem`, `apply_fix`, …); only this module and its submodules write
//! the signals, except the user's settings (language, theme, rules), which the settings view
//! and the top bar edit directly.
//!
//! [`Document`]: kpiform_core::Document
//! [`Report`]: crate::report::Report

mod check;
mod desk;
mod mirror;
mod review;
mod selection;
mod storage;
mod toasts;
mod typing;
mod undo;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::panic::Location;
use std::sync::Arc;

use kpiform_core::Lang;
use leptos::html;
use leptos::prelude::*;
use leptos::reactive::traits::{DefinedAt, ReadUntracked, Track};

pub use check::Analysis;
pub use selection::{Filter, Highlight, Tab, Viewport};
pub use toasts::Toast;
use undo::UndoEntry;

use crate::settings::{self, RuleSettings, Theme};

/// Everything the views share. Cheap to copy: signals are handles.
#[derive(Clone, Copy)]
pub struct State {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    /// Pastes with a table in their `text/html` are rebuilt from it (settings).
    pub rich_paste: RwSignal<bool>,
    /// The reviewer's decisions on findings (dismissed, with the reason), kept across reloads.
    pub review: RwSignal<kpiform_core::Dispositions>,
    /// The version sent before, when the forms are compared with it (a resubmission).
    pub earlier: ReadOnly<Option<String>>,
    /// The comparison with `earlier`, per form, as of the last check.
    pub compared: ReadOnly<Option<Vec<crate::worker::Compared>>>,
    pub rules: RwSignal<RuleSettings>,
    pub analysis: ReadOnly<Arc<Analysis>>,
    /// The text box changed since the last check.
    pub dirty: ReadOnly<bool>,
    /// A check the user asked for is about to run (large texts).
    pub busy: ReadOnly<bool>,
    pub tab: ReadOnly<Tab>,
    pub filter: ReadOnly<Filter>,
    /// The problem the user is on (its [`DiagRow::key`](crate::report::DiagRow::key)).
    pub current: ReadOnly<Option<u64>>,
    pub highlight: ReadOnly<Option<Highlight>>,
    pub viewport: ReadOnly<Viewport>,
    /// Bumped when the results panel scrolls or the window resizes: long lists read again which
    /// of their items are on screen ([`crate::views::window`]).
    pub scrolled: ReadOnly<u32>,
    /// The form the structure view shows (1-based).
    pub structure_form: ReadOnly<usize>,
    /// When the text restored at start was saved (ms since 1970), while the notice is shown.
    pub restored: ReadOnly<Option<f64>>,
    /// The text could not be saved in this browser (too large, storage off).
    pub save_failed: ReadOnly<bool>,
    pub toast: ReadOnly<Option<Toast>>,
    pub can_undo: ReadOnly<bool>,
    pub input: NodeRef<html::Textarea>,
    pending: StoredValue<Option<TimeoutHandle>>,
    undo: StoredValue<Vec<UndoEntry>>,
    /// Hash of the text last saved, to skip writing the same text again.
    saved_hash: StoredValue<u64>,
    /// The save of a large text, due a moment after the last check.
    save_due: StoredValue<Option<TimeoutHandle>>,
    version: StoredValue<u64>,
    /// The text box's text, followed edit by edit ([`typing`]).
    typed: StoredValue<typing::Typed>,
}

/// A signal of the state that the views only read (`get`, `with`, `track`, … as any signal).
/// The signal itself (`.0`) is private to `state/`, which alone writes it.
pub struct ReadOnly<T: 'static>(RwSignal<T>);

impl<T: Send + Sync + 'static> ReadOnly<T> {
    fn new(value: T) -> ReadOnly<T> {
        ReadOnly(RwSignal::new(value))
    }
}

impl<T> Clone for ReadOnly<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ReadOnly<T> {}

impl<T> DefinedAt for ReadOnly<T> {
    #[inline]
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.0.defined_at()
    }
}

impl<T: Send + Sync + 'static> Track for ReadOnly<T> {
    #[inline]
    fn track(&self) {
        self.0.track();
    }
}

impl<T: Send + Sync + 'static> ReadUntracked for ReadOnly<T> {
    type Value = <RwSignal<T> as ReadUntracked>::Value;

    #[inline]
    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0.try_read_untracked()
    }
}

/// The page's [`State`], provided by the app shell (every component is inside it).
pub fn use_state() -> State {
    // Not `expect_context`: its panic message formats a `Location` and a type name with
    // `Debug`, about 1 KB of wasm the page has no other use for.
    use_context::<State>().expect("the app shell provides the State")
}

impl State {
    pub fn new() -> State {
        State {
            lang: RwSignal::new(settings::load_lang().unwrap_or_else(browser_lang)),
            theme: RwSignal::new(settings::load_theme()),
            rich_paste: RwSignal::new(settings::load_rich_paste()),
            review: RwSignal::new(settings::load_review()),
            earlier: ReadOnly::new(None),
            compared: ReadOnly::new(None),
            rules: RwSignal::new(settings::load_rules()),
            analysis: ReadOnly::new(Arc::new(Analysis::empty())),
            dirty: ReadOnly::new(false),
            busy: ReadOnly::new(false),
            tab: ReadOnly::new(Tab::Overview),
            filter: ReadOnly::new(Filter::default()),
            current: ReadOnly::new(None),
            highlight: ReadOnly::new(None),
            viewport: ReadOnly::new(Viewport::default()),
            scrolled: ReadOnly::new(0),
            structure_form: ReadOnly::new(1),
            restored: ReadOnly::new(None),
            save_failed: ReadOnly::new(false),
            toast: ReadOnly::new(None),
            can_undo: ReadOnly::new(false),
            input: NodeRef::new(),
            pending: StoredValue::new(None),
            undo: StoredValue::new(Vec::new()),
            saved_hash: StoredValue::new(hash_str("")),
            save_due: StoredValue::new(None),
            version: StoredValue::new(0),
            typed: StoredValue::new(typing::Typed::default()),
        }
    }
}

/// The browser's preferred language, when the user never chose one.
fn browser_lang() -> Lang {
    let lang = window().navigator().language().unwrap_or_default();
    if lang.is_empty() || lang.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Focus the text box without scrolling the page.
fn focus(el: &web_sys::HtmlTextAreaElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// Lines as the core counts them (`\n`, `\r\n`, `\r`).
pub fn count_lines(text: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    let bytes = text.as_bytes();
    let mut n = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}

/// The byte offset of UTF-16 offset `u16_offset` in `text`, if it is on a character boundary.
fn byte_offset(text: &str, u16_offset: u32) -> Option<usize> {
    let target = u16_offset as usize;
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units == target {
            return Some(i);
        }
        if units > target {
            return None;
        }
        units += c.len_utf16();
    }
    (units == target).then_some(text.len())
}

fn hash_str(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_lines() {
        let t = "a项𝄞b\r\nc\rd\n";
        assert_eq!(byte_offset(t, 0), Some(0));
        assert_eq!(byte_offset(t, 1), Some(1));
        assert_eq!(byte_offset(t, 2), Some(4));
        assert_eq!(byte_offset(t, 3), None);
        assert_eq!(byte_offset(t, 4), Some(8));
        assert_eq!(byte_offset(t, 100), None);
        assert_eq!(
            byte_offset(t, t.encode_utf16().count() as u32),
            Some(t.len())
        );
        assert_eq!(count_lines(t), 4);
        assert_eq!(count_lines(""), 0);
        assert_eq!(count_lines("x"), 1);
        let doc = kpiform_core::parse(t);
        assert_eq!(doc.lines.line_count(), count_lines(t));
    }
}
