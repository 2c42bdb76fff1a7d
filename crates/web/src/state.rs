//! The page's state and what changes it: checking the text, selecting a span, editing the text
//! (fixes, example, files) with undo, remembering the text.
//!
//! The text box is the source of truth for the text (it is never re-rendered from a signal, so
//! typing stays native and fast). A check reads it once, [`State::schedule`]d after a pause in
//! typing, and publishes an [`Analysis`]: the exact text checked, the core's [`Document`] and the
//! [`Report`] the views render. Everything that points into the text (selection, fixes, the
//! highlight) goes through the analysis and refuses to act when the text box has moved on.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use kpiform_core::span::utf16_offset;
use kpiform_core::{Document, Lang, Message, Severity, Span};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::constants::{AUTO_CHECK_LIMIT, CHECK_LIMIT, DEBOUNCE, LINE_HEIGHT, PAD_LEFT, PAD_TOP};
use crate::dom;
use crate::report::Report;
use crate::settings::{self, RuleSettings, Theme};

/// `localStorage` keys of the text and of when it was saved.
const TEXT_KEY: &str = "kpiform.text";
const TEXT_TIME_KEY: &str = "kpiform.text.saved";
/// Undo entries kept, and the most text (bytes) they may hold.
const UNDO_DEPTH: usize = 30;
const UNDO_BYTES: usize = 16 << 20;

/// One check of one text.
#[derive(Debug)]
pub struct Analysis {
    /// Increases with every analysis.
    pub version: u64,
    /// The text as checked.
    pub text: String,
    /// Its length in UTF-16 code units (what the text box counts).
    pub len16: u32,
    /// False when the text was too large to check automatically and waits for the user.
    pub checked: bool,
    pub doc: Document,
    pub report: Report,
    /// Milliseconds from the request to the report (checking, transfer, decoding, report).
    pub check_ms: f64,
    /// The check ran in the checking worker (not on the page's main thread).
    pub off_thread: bool,
}

impl Analysis {
    fn empty() -> Analysis {
        Analysis {
            version: 0,
            text: String::new(),
            len16: 0,
            checked: true,
            doc: Document::default(),
            report: Report {
                blank: true,
                ..Report::default()
            },
            check_ms: 0.0,
            off_thread: false,
        }
    }
}

/// The views of the results panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Structure,
    Problems,
    Export,
    Settings,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Structure,
        Tab::Problems,
        Tab::Export,
        Tab::Settings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Structure => "structure",
            Tab::Problems => "problems",
            Tab::Export => "export",
            Tab::Settings => "settings",
        }
    }
}

/// Which problems the list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Error, warning, info.
    pub severities: [bool; 3],
    /// In the order of `Category::ALL`.
    pub categories: [bool; 7],
    /// Only the problems of this form (1-based); `Some(0)` for text outside forms.
    pub form: Option<usize>,
    pub fixable_only: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            severities: [true; 3],
            categories: [true; 7],
            form: None,
            fixable_only: false,
        }
    }
}

impl Filter {
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }
}

/// Spans of the checked text drawn over the text box: the selected problem and the other places
/// it points to.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The [`Analysis::version`] the spans belong to.
    pub version: u64,
    pub primary: Span,
    pub related: Vec<Span>,
}

/// Scroll position and size of the text box, for the line numbers and the highlight.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Viewport {
    pub top: f64,
    pub left: f64,
    pub height: f64,
    pub scroll_height: f64,
}

/// A message at the bottom of the page, optionally with an undo button.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: Message,
    pub undo: bool,
    pub error: bool,
}

/// An edit the page made, and how to take it back.
#[derive(Debug, Clone, PartialEq)]
struct UndoEntry {
    /// Where the inserted text starts, in UTF-16 units.
    start: u32,
    /// Length (UTF-16) and hash of the inserted text, to check it is still there.
    inserted_len: u32,
    inserted_hash: u64,
    /// The text it replaced.
    original: String,
}

/// Everything the views share. Cheap to copy: signals are handles.
#[derive(Clone, Copy)]
pub struct State {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    pub rules: RwSignal<RuleSettings>,
    pub analysis: RwSignal<Arc<Analysis>>,
    /// The text box changed since the last check.
    pub dirty: RwSignal<bool>,
    /// A check the user asked for is about to run (large texts).
    pub busy: RwSignal<bool>,
    pub tab: RwSignal<Tab>,
    pub filter: RwSignal<Filter>,
    /// The problem the user is on (its [`DiagRow::key`](crate::report::DiagRow::key)).
    pub current: RwSignal<Option<u64>>,
    pub highlight: RwSignal<Option<Highlight>>,
    pub viewport: RwSignal<Viewport>,
    /// The form the structure view shows (1-based).
    pub structure_form: RwSignal<usize>,
    /// When the text restored at start was saved (ms since 1970), while the notice is shown.
    pub restored: RwSignal<Option<f64>>,
    /// The text could not be saved in this browser (too large, storage off).
    pub save_failed: RwSignal<bool>,
    pub toast: RwSignal<Option<Toast>>,
    pub input: NodeRef<html::Textarea>,
    pending: StoredValue<Option<TimeoutHandle>>,
    undo: StoredValue<Vec<UndoEntry>>,
    pub can_undo: RwSignal<bool>,
    /// Hash of the text last saved, to skip writing the same text again.
    saved_hash: StoredValue<u64>,
    version: StoredValue<u64>,
}

impl State {
    pub fn new() -> State {
        State {
            lang: RwSignal::new(settings::load_lang().unwrap_or_else(browser_lang)),
            theme: RwSignal::new(settings::load_theme()),
            rules: RwSignal::new(settings::load_rules()),
            analysis: RwSignal::new(Arc::new(Analysis::empty())),
            dirty: RwSignal::new(false),
            busy: RwSignal::new(false),
            tab: RwSignal::new(Tab::Overview),
            filter: RwSignal::new(Filter::default()),
            current: RwSignal::new(None),
            highlight: RwSignal::new(None),
            viewport: RwSignal::new(Viewport::default()),
            structure_form: RwSignal::new(1),
            restored: RwSignal::new(None),
            save_failed: RwSignal::new(false),
            toast: RwSignal::new(None),
            input: NodeRef::new(),
            pending: StoredValue::new(None),
            undo: StoredValue::new(Vec::new()),
            can_undo: RwSignal::new(false),
            saved_hash: StoredValue::new(hash_str("")),
            version: StoredValue::new(0),
        }
    }

    // ---------- checking ----------

    /// The text box changed: check after a pause.
    pub fn schedule(self) {
        self.cancel_pending();
        if !self.dirty.get_untracked() {
            self.dirty.set(true);
        }
        // The highlight points into the old text.
        if self.highlight.get_untracked().is_some() {
            self.highlight.set(None);
        }
        let handle = set_timeout_with_handle(move || self.run(false), DEBOUNCE).ok();
        self.pending.set_value(handle);
    }

    /// Check now, on the main thread, if the results do not match the text box. True when
    /// they now do. For clicks on results a moment old: the click acts on what it shows.
    pub fn flush(self) -> bool {
        if self.pending.with_value(Option::is_some) || self.dirty.get_untracked() {
            self.run_now();
        }
        self.is_fresh()
    }

    /// The results describe exactly what the text box holds.
    pub fn is_fresh(self) -> bool {
        let a = self.analysis.get_untracked();
        let len = self
            .input
            .get_untracked()
            .map(|el| el.text_length())
            .unwrap_or(0);
        !self.dirty.get_untracked()
            && self.pending.with_value(Option::is_none)
            && a.checked
            && a.len16 == len
    }

    fn cancel_pending(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        self.pending.set_value(None);
    }

    /// Start a check of the text box (large texts only when `force`). It runs in the checking
    /// worker; the results are published when it answers, unless the text changed again.
    pub fn run(self, force: bool) {
        let Some((version, text, len16, start)) = self.begin() else {
            return;
        };
        if (len16 > AUTO_CHECK_LIMIT && !force) || len16 > CHECK_LIMIT {
            self.publish_unchecked(version, text, len16);
            return;
        }
        let options = self.rules.get_untracked().options();
        crate::worker::client::check(version, text, options, move |checked| {
            self.publish(version, len16, checked, start)
        });
        dom::measure("kp-send", start);
    }

    /// Check the text box now, on the main thread, so that the results match it when this
    /// returns (edits made by the page, clicks on outdated results).
    fn run_now(self) {
        let Some((version, text, len16, start)) = self.begin() else {
            return;
        };
        if len16 > AUTO_CHECK_LIMIT {
            self.publish_unchecked(version, text, len16);
            return;
        }
        let checked = crate::worker::client::check_now(text, self.rules.get_untracked().options());
        self.publish(version, len16, checked, start);
    }

    /// A new version of the text to check: its number, the text, its UTF-16 length and when.
    fn begin(self) -> Option<(u64, String, u32, f64)> {
        self.cancel_pending();
        let el = self.input.get_untracked()?;
        let start = dom::now();
        let len16 = el.text_length();
        let version = self.version.get_value() + 1;
        self.version.set_value(version);
        let text = el.value();
        self.save_text(&text);
        Some((version, text, len16, start))
    }

    /// A text too large to check as one types: only counted, until the user asks.
    fn publish_unchecked(self, version: u64, text: String, len16: u32) {
        let report = Report {
            chars: text.chars().count(),
            lines: count_lines(&text),
            ..Report::default()
        };
        self.set_analysis(Analysis {
            version,
            text,
            len16,
            checked: false,
            doc: Document::default(),
            report,
            check_ms: 0.0,
            off_thread: false,
        });
        let end = dom::now();
        set_timeout(move || dom::measure("kp-update", end), Duration::ZERO);
    }

    /// Show the results of check `version`, unless the text has been checked again since.
    fn publish(
        self,
        version: u64,
        len16: u32,
        checked: crate::worker::client::Checked,
        start: f64,
    ) {
        if version != self.version.get_value() {
            return;
        }
        let crate::worker::client::Answer {
            text,
            outcome: doc,
            ms,
            received,
            off_thread,
        } = checked;
        let report = Report::from_document(&doc, &text);
        // Measures for tests/e2e/measure.mjs: "kp-core" the core's check (in the worker, or
        // here), "kp-check" from the request to the report, "kp-apply" the main thread's part
        // of it once the answer came (decoding, the report).
        dom::measure_span("kp-core", received - ms, ms);
        dom::measure("kp-check", start);
        dom::measure("kp-apply", received);
        self.set_analysis(Analysis {
            version,
            text,
            len16,
            checked: true,
            doc,
            report,
            check_ms: dom::now() - start,
            off_thread,
        });
        // The views render in microtasks after the signal changed; a zero timeout runs after
        // them, so "kp-update" covers the main thread's work on the answer: decoding, the
        // report and rendering (not the browser's layout). "kp-frame" ends after the next
        // frame: style, layout and paint of the new results.
        set_timeout(move || dom::measure("kp-update", received), Duration::ZERO);
        request_animation_frame(move || {
            set_timeout(move || dom::measure("kp-frame", received), Duration::ZERO)
        });
    }

    fn set_analysis(self, analysis: Analysis) {
        let previous = self.analysis.get_untracked();
        let same_text = previous.checked && previous.text == analysis.text;
        // Keep the user on the same problem when it is still there (same message, same place;
        // else the closest one with the same message and quote).
        let current = self.current.get_untracked().and_then(|key| {
            let rows = &analysis.report.diagnostics;
            if rows.iter().any(|d| d.key == key) {
                return Some(key);
            }
            let old = previous.report.diagnostics.iter().find(|d| d.key == key)?;
            rows.iter()
                .filter(|d| d.code == old.code && d.message == old.message && d.quote == old.quote)
                .min_by_key(|d| d.id.abs_diff(old.id))
                .map(|d| d.key)
        });
        if !same_text && self.highlight.get_untracked().is_some() {
            self.highlight.set(None);
        }
        let structure_form = self.structure_form.get_untracked();
        let forms = analysis.report.forms.len();
        if structure_form > forms.max(1) {
            self.structure_form.set(forms.max(1));
        }
        self.analysis.set(Arc::new(analysis));
        if self.current.get_untracked() != current {
            self.current.set(current);
        }
        self.dirty.set(false);
        self.busy.set(false);
    }

    /// Check a large text the user asked for: say so first, then check on the next frame.
    pub fn run_large(self) {
        self.busy.set(true);
        // Two frames: the "checking" message is painted before the long check starts.
        request_animation_frame(move || {
            set_timeout(move || self.run(true), Duration::from_millis(16));
        });
    }

    /// Check again with new settings (same text).
    pub fn recheck(self) {
        let a = self.analysis.get_untracked();
        if a.checked && self.input.get_untracked().is_some() {
            self.run(false);
        }
    }

    // ---------- remembering the text ----------

    fn save_text(self, text: &str) {
        let hash = hash_str(text);
        if self.saved_hash.get_value() == hash {
            return;
        }
        self.saved_hash.set_value(hash);
        let ok = if text.is_empty() {
            dom::remove(TEXT_KEY);
            dom::remove(TEXT_TIME_KEY);
            true
        } else {
            // Remove first, so that a failed write cannot leave an older text behind.
            dom::remove(TEXT_KEY);
            let ok = dom::store(TEXT_KEY, text);
            if ok {
                dom::store(TEXT_TIME_KEY, &dom::date_now().to_string());
            } else {
                dom::remove(TEXT_TIME_KEY);
            }
            ok
        };
        if self.save_failed.get_untracked() == ok {
            self.save_failed.set(!ok);
        }
    }

    /// Save what the text box holds now (the page is being hidden or closed).
    pub fn save_now(self) {
        if let Some(el) = self.input.get_untracked() {
            if self.dirty.get_untracked() || self.pending.with_value(Option::is_some) {
                self.save_text(&el.value());
            }
        }
    }

    /// Put the text saved by an earlier visit into the text box. Called once at start.
    pub fn restore(self) {
        let Some(text) = dom::load(TEXT_KEY).filter(|t| !t.is_empty()) else {
            return;
        };
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        el.set_value(&text);
        self.saved_hash.set_value(hash_str(&text));
        let saved = dom::load(TEXT_TIME_KEY)
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(0.0);
        self.restored.set(Some(saved));
        self.run(false);
        self.update_viewport();
    }

    /// Drop the restored text (the notice's button).
    pub fn discard_restored(self) {
        self.restored.set(None);
        self.replace_all("", None);
        if let Some(el) = self.input.get_untracked() {
            let _ = el.focus();
        }
    }

    // ---------- editing ----------

    /// Replace the UTF-16 range `start..end` of the text box by `with` the way typing does, so
    /// that the browser's own undo (Ctrl+Z) can take it back too; then check at once.
    fn replace_range(self, start: u32, end: u32, with: &str) -> bool {
        let Some(el) = self.input.get_untracked() else {
            return false;
        };
        focus(&el);
        let _ = el.set_selection_range(start, end);
        let before = el.text_length();
        let expected = before - (end - start) + with.encode_utf16().count() as u32;
        // Small edits (fixes) go through the editing command, which the browser's own undo
        // knows. Anything with more lines goes in directly: Chromium's insertText takes time
        // quadratic in the number of lines (2 s for the corpus, 20 s for 4,000 short lines);
        // the page's undo covers those edits.
        let small =
            |s: &str| s.len() < 4096 && s.bytes().filter(|&b| b == b'\n' || b == b'\r').count() < 8;
        let removed_small = end - start < 1024 && {
            let text = el.value();
            match (byte_offset(&text, start), byte_offset(&text, end)) {
                (Some(a), Some(b)) => small(&text[a..b]),
                _ => false,
            }
        };
        let native = small(with)
            && removed_small
            && dom::html_document()
                .and_then(|d| {
                    if with.is_empty() {
                        d.exec_command("delete").ok()
                    } else {
                        d.exec_command_with_show_ui_and_value("insertText", false, with)
                            .ok()
                    }
                })
                .unwrap_or(false);
        if !native || el.text_length() != expected {
            if el.text_length() != before {
                // The command did something else; do not pile another edit on top.
                self.schedule();
                return false;
            }
            let _ = el.set_range_text_with_start_and_end(with, start, end);
            let caret = start + with.encode_utf16().count() as u32;
            let _ = el.set_selection_range(caret, caret);
        }
        self.run_now();
        self.update_viewport();
        true
    }

    /// Replace the whole text (example, file, clear); `label` names it in an undo toast.
    pub fn replace_all(self, text: &str, label: Option<Message>) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let original = el.value();
        let len = el.text_length();
        if self.replace_range(0, len, text) {
            self.push_undo(0, text, original);
            let _ = el.set_selection_range(0, 0);
            el.set_scroll_top(0);
            el.set_scroll_left(0);
            self.update_viewport();
            if let Some(text) = label {
                self.show_toast(text, true, false);
            }
        }
    }

    fn push_undo(self, start: u32, inserted: &str, original: String) {
        self.undo.update_value(|stack| {
            stack.push(UndoEntry {
                start,
                inserted_len: inserted.encode_utf16().count() as u32,
                inserted_hash: hash_str(inserted),
                original,
            });
            while stack.len() > UNDO_DEPTH
                || stack.iter().map(|e| e.original.len()).sum::<usize>() > UNDO_BYTES
            {
                stack.remove(0);
            }
        });
        self.can_undo.set(true);
    }

    /// Take back the last edit the page made, if the text it inserted is still in place.
    pub fn undo(self) {
        let Some(entry) = self.undo.try_update_value(|s| s.pop()).flatten() else {
            return;
        };
        self.can_undo.set(self.undo.with_value(|s| !s.is_empty()));
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let text = el.value();
        let end16 = entry.start + entry.inserted_len;
        let still_there = match (byte_offset(&text, entry.start), byte_offset(&text, end16)) {
            (Some(a), Some(b)) => hash_str(&text[a..b]) == entry.inserted_hash,
            _ => false,
        };
        if !still_there {
            self.show_toast(
                Message::new(
                    "无法撤销：该处文本已被改动。可在文本框中按 Ctrl+Z 逐步撤销。",
                    "Cannot undo: the text there has changed since. Ctrl+Z in the text box undoes step by step.",
                ),
                false,
                true,
            );
            return;
        }
        if self.replace_range(entry.start, end16, &entry.original) {
            let a = self.analysis.get_untracked();
            let start = byte_offset(&a.text, entry.start).unwrap_or(0);
            let span = Span::new(start, start + entry.original.len());
            if entry.start > 0 || !entry.original.is_empty() {
                self.select_span(span, Vec::new(), true);
            }
            self.show_toast(Message::new("已撤销。", "Undone."), false, false);
        }
    }

    /// Apply the fix of problem `key` of the current analysis.
    pub fn apply_fix(self, key: u64) {
        if !self.is_fresh() {
            self.flush();
            self.show_toast(
                Message::new(
                    "文本刚刚改动过，问题清单已更新，请再点一次。",
                    "The text had just changed; the list is updated now, please click again.",
                ),
                false,
                true,
            );
            return;
        }
        let a = self.analysis.get_untracked();
        let Some(row) = a.report.diagnostics.iter().find(|d| d.key == key) else {
            return;
        };
        let id = row.id;
        let Some(fix) = row.fix.clone() else {
            return;
        };
        let original = fix.span.text(&a.text).to_string();
        let start = utf16_offset(&a.text, fix.span.start) as u32;
        let end = utf16_offset(&a.text, fix.span.end) as u32;
        let line = row.line;
        if self.replace_range(start, end, &fix.replacement) {
            self.push_undo(start, &fix.replacement, original);
            // Select what was put in, and stay at the same place of the list (the next problem).
            let span = Span::new(fix.span.start, fix.span.start + fix.replacement.len());
            self.select_span(span, Vec::new(), true);
            let a = self.analysis.get_untracked();
            let next = a.report.diagnostics.get(id).map(|d| d.key);
            self.current.set(next);
            let title = fix.title;
            self.show_toast(
                Message::new(
                    format!("已修改第 {line} 行：{}", title.zh),
                    format!("Changed line {line}: {}", title.en),
                ),
                true,
                false,
            );
        }
    }

    // ---------- selection ----------

    /// Select the byte span `span` of the checked text in the text box, highlight it and the
    /// `related` spans, and scroll it into view.
    pub fn select_span(self, span: Span, related: Vec<Span>, focus_box: bool) {
        if !self.is_fresh() {
            // The click was on results of an older text; bring them up to date instead.
            self.flush();
            return;
        }
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let a = self.analysis.get_untracked();
        let start = utf16_offset(&a.text, span.start) as u32;
        let end = utf16_offset(&a.text, span.end.max(span.start)) as u32;
        if focus_box {
            focus(&el);
        }
        let _ = el.set_selection_range(start, end);
        self.highlight.set(Some(Highlight {
            version: a.version,
            primary: span,
            related,
        }));
        let line = a.doc.lines.line(span.start);
        // After the highlight is drawn (it tells how far right the span is).
        request_animation_frame(move || self.reveal(line));
    }

    /// Select problem `key`: its span, its related places, and make it the current one.
    pub fn select_problem(self, key: u64, focus_box: bool) {
        // A click on a list a moment old: check now; the same problem (same key) is selected
        // if it is still there.
        if !self.is_fresh() && !self.flush() {
            return;
        }
        let a = self.analysis.get_untracked();
        let Some(row) = a.report.diagnostics.iter().find(|d| d.key == key) else {
            return;
        };
        self.current.set(Some(key));
        let related = row.related.iter().map(|r| r.span).collect();
        self.select_span(row.span, related, focus_box);
    }

    /// Scroll the text box so that `line` and the highlighted span are in view.
    fn reveal(self, line: usize) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let height = f64::from(el.client_height());
        let top = f64::from(el.scroll_top());
        let y = PAD_TOP + (line.saturating_sub(1) as f64) * LINE_HEIGHT;
        if y < top + LINE_HEIGHT || y > top + height - 2.0 * LINE_HEIGHT {
            el.set_scroll_top((y - height / 3.0).max(0.0) as i32);
        }
        let width = f64::from(el.client_width());
        let left = f64::from(el.scroll_left());
        let mark = document()
            .query_selector(".hl-primary")
            .ok()
            .flatten()
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
        match mark {
            Some(mark) => {
                let x = PAD_LEFT + f64::from(mark.offset_left());
                let w = f64::from(mark.offset_width()).min(width / 2.0);
                if x < left + 8.0 || x + w > left + width - 8.0 {
                    el.set_scroll_left((x - 48.0).max(0.0) as i32);
                }
            }
            None => el.set_scroll_left(0),
        }
        self.update_viewport();
    }

    /// Read the text box's scroll position and size (line numbers, highlight).
    pub fn update_viewport(self) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let v = Viewport {
            top: f64::from(el.scroll_top()),
            left: f64::from(el.scroll_left()),
            height: f64::from(el.client_height()),
            scroll_height: f64::from(el.scroll_height()),
        };
        if self.viewport.get_untracked() != v {
            self.viewport.set(v);
        }
    }

    // ---------- messages ----------

    pub fn show_toast(self, text: Message, undo: bool, error: bool) {
        let id = self.toast.get_untracked().map_or(1, |t| t.id + 1);
        self.toast.set(Some(Toast {
            id,
            text,
            undo,
            error,
        }));
        // Hide after a while unless another message replaced it.
        set_timeout(
            move || {
                if self.toast.get_untracked().is_some_and(|t| t.id == id) {
                    self.toast.set(None);
                }
            },
            Duration::from_secs(if undo { 12 } else { 6 }),
        );
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
pub fn byte_offset(text: &str, u16_offset: u32) -> Option<usize> {
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

/// Severity by its position in `SEVERITIES`.
pub fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
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
