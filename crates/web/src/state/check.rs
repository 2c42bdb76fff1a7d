//! Checking: after a pause in typing in the checking worker, at once on the main thread when
//! the page needs fresh results (large texts in the worker then too). The worker remembers its
//! last check and answers the next with a patch of the document the page holds: only the forms
//! an edit touched travel, and the others move into the new document. Without a worker, large
//! texts are checked only on request.

use std::sync::Arc;
use std::time::Duration;

use kpiform_core::Document;
use leptos::prelude::*;

use super::{count_lines, State};
use crate::constants::{CHECK_LIMIT, DEBOUNCE, DEBOUNCE_LARGE, MAIN_THREAD_LIMIT};
use crate::dom;
use crate::report::{DiagRow, Kept, Report};
use crate::worker::client::{self as worker, Answer, Answered, CheckResult};

/// Field `$part` of the results `$state` shows, taken out of them (they are about to be
/// replaced); copied when something else still holds the results.
macro_rules! take {
    ($state:expr, $part:ident) => {{
        let mut taken = Default::default();
        $state.analysis.0.update_untracked(|a| {
            taken = match Arc::get_mut(a) {
                Some(a) => std::mem::take(&mut a.$part),
                None => {
                    web_sys::console::debug_1(&"kpiform: results still held: copied".into());
                    a.$part.clone()
                }
            }
        });
        taken
    }};
}

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
    pub(super) fn empty() -> Analysis {
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

impl State {
    /// The text box changed: check after a pause.
    pub fn schedule(self) {
        self.mark_dirty();
        let large = self
            .analysis
            .with_untracked(|a| a.len16 > MAIN_THREAD_LIMIT && worker::off_thread());
        let pause = if large { DEBOUNCE_LARGE } else { DEBOUNCE };
        let handle = set_timeout_with_handle(move || self.run(false), pause).ok();
        self.pending.set_value(handle);
    }

    /// The text box changed: the results no longer match it (checked later).
    pub fn mark_dirty(self) {
        self.cancel_pending();
        if !self.dirty.get_untracked() {
            self.dirty.0.set(true);
        }
        // The highlight points into the old text.
        if self.highlight.get_untracked().is_some() {
            self.highlight.0.set(None);
        }
    }

    /// Check now, on the main thread, if the results do not match the text box. True when
    /// they now do. For clicks on results a moment old: the click acts on what it shows.
    pub(super) fn flush(self) -> bool {
        if self.pending.with_value(Option::is_some) || self.dirty.get_untracked() {
            self.run_now();
        }
        self.is_fresh()
    }

    /// The results describe exactly what the text box holds.
    pub(super) fn is_fresh(self) -> bool {
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

    /// Start a check of the text box (without a worker, large texts only when `force`). It
    /// runs in the checking worker; the results are published when it answers, unless the
    /// text changed again.
    pub(super) fn run(self, force: bool) {
        let Some((version, text, len16, start)) = self.begin() else {
            return;
        };
        let here = !worker::off_thread();
        if (here && len16 > MAIN_THREAD_LIMIT && !force) || len16 > CHECK_LIMIT {
            self.publish_unchecked(version, text, len16);
            return;
        }
        self.ask(version, text, len16, start, self.base());
        dom::measure("kp-send", start);
    }

    /// The check whose document the page holds, when the worker made it: the answer to the next
    /// check may be a patch of it.
    fn base(self) -> Option<u64> {
        self.analysis
            .with_untracked(|a| (a.checked && a.off_thread).then_some(a.version))
    }

    fn ask(self, version: u64, text: String, len16: u32, start: f64, base: Option<u64>) {
        let options = self.rules.get_untracked().options();
        worker::check(version, text, options, base, move |answered| {
            self.publish(version, len16, answered, start, base)
        });
    }

    /// Check the text box now, on the main thread, so that the results match it when this
    /// returns (edits made by the page, clicks on outdated results).
    pub(super) fn run_now(self) {
        let Some((version, text, len16, start)) = self.begin() else {
            return;
        };
        if len16 > MAIN_THREAD_LIMIT {
            // Too long to check here at once: in the worker (results a moment later), or,
            // without one, on request.
            if worker::off_thread() && len16 <= CHECK_LIMIT {
                self.ask(version, text, len16, start, self.base());
            } else {
                self.publish_unchecked(version, text, len16);
            }
            return;
        }
        let options = self.rules.get_untracked().options();
        match worker::check_now(text, options) {
            Ok(answered) => self.publish(version, len16, answered, start, None),
            // The checker is not on the page yet: as any check.
            Err(text) => self.ask(version, text, len16, start, None),
        }
    }

    /// A new version of the text to check: its number, the text, its UTF-16 length and when.
    fn begin(self) -> Option<(u64, String, u32, f64)> {
        self.cancel_pending();
        let el = self.input.get_untracked()?;
        let start = dom::now();
        let len16 = el.text_length();
        let version = self.version.get_value() + 1;
        self.version.set_value(version);
        let text = self.text_now(&el);
        self.save_text_soon(&text);
        Some((version, text, len16, start))
    }

    /// A text too large to check as one types: only counted, until the user asks.
    fn publish_unchecked(self, version: u64, text: String, len16: u32) {
        let report = Report {
            chars: text.chars().count(),
            lines: count_lines(&text),
            ..Report::default()
        };
        self.set_analysis(
            self.current_row(),
            Analysis {
                version,
                text,
                len16,
                checked: false,
                doc: Document::default(),
                report,
                check_ms: 0.0,
                off_thread: false,
            },
        );
        let end = dom::now();
        set_timeout(move || dom::measure("kp-update", end), Duration::ZERO);
    }

    /// Show the results of check `version`, unless the text has been checked again since. A
    /// patch is applied to the document the page holds, when it is still `base`'s (else, or
    /// when it does not fit, the worker is asked for the whole document).
    fn publish(self, version: u64, len16: u32, answered: Answered, start: f64, base: Option<u64>) {
        if version != self.version.get_value() {
            return;
        }
        let Answer {
            text,
            outcome,
            ms,
            received,
            off_thread,
            edit_of,
        } = answered;
        // The problem the user is on, as it is now (the report is about to be taken).
        let was = self.current_row();
        // The forms the patch keeps: their rows of the report are moved, not made again.
        let mut kept = None;
        let doc = match outcome {
            CheckResult::Whole(doc) => doc,
            CheckResult::Patch(patch) => {
                // Where the text differs from the one of the results shown (base's): as it went
                // to the worker, when it went as an edit of that text.
                let changed = match edit_of {
                    Some((of, changed)) if Some(of) == base => changed,
                    _ => self
                        .analysis
                        .with_untracked(|a| kpiform_core::difference(&a.text, &text)),
                };
                kept = Some((Kept::of(&patch), changed));
                // "kp-patch": taking the page's document and applying the patch to it.
                let patching = dom::now();
                // The line index mended where the text changed since (the results shown are of
                // the text the patch was made against, `take_document`).
                let applied = self
                    .take_document(base)
                    .ok_or_else(|| "the page no longer holds the document".to_string())
                    .and_then(|earlier| {
                        patch
                            .apply_changed(earlier, changed, &text)
                            .map_err(|e| e.to_string())
                    });
                match applied {
                    Ok(doc) => {
                        dom::measure("kp-patch", patching);
                        doc
                    }
                    Err(e) => {
                        web_sys::console::warn_1(&format!("kpiform: {e}; checking again").into());
                        self.ask(version, text, len16, start, None);
                        return;
                    }
                }
            }
        };
        let report = match kept {
            // The results shown are still those the patch was made against (`take_document`).
            Some((kept, changed)) => {
                let earlier = take!(self, report);
                self.analysis.with_untracked(|a| {
                    Report::update(earlier, (&a.text, changed), &kept, &doc, &text)
                })
            }
            None => Report::from_document(&doc, &text),
        };
        // Measures for tests/e2e/measure.mjs: "kp-core" the core's check (in the worker, or
        // here), "kp-check" from the request to the report, "kp-apply" the main thread's part
        // of it once the answer came (decoding, the report).
        dom::measure_span("kp-core", received - ms, ms);
        dom::measure("kp-check", start);
        dom::measure("kp-apply", received);
        self.set_analysis(
            was,
            Analysis {
                version,
                text,
                len16,
                checked: true,
                doc,
                report,
                check_ms: dom::now() - start,
                off_thread,
            },
        );
        self.refresh_compare();
        // The views render in microtasks after the signal changed; a zero timeout runs after
        // them, so "kp-update" covers the main thread's work on the answer: decoding, the
        // report and rendering (not the browser's layout). "kp-frame" ends after the next
        // frame: style, layout and paint of the new results.
        set_timeout(move || dom::measure("kp-update", received), Duration::ZERO);
        request_animation_frame(move || {
            set_timeout(move || dom::measure("kp-frame", received), Duration::ZERO)
        });
    }

    /// The document of the results shown, taken out of them (they are about to be replaced),
    /// when it is check `base`'s.
    fn take_document(self, base: Option<u64>) -> Option<Document> {
        let base = base?;
        self.analysis
            .with_untracked(|a| a.checked && a.off_thread && a.version == base)
            .then(|| take!(self, doc))
    }

    /// The problem the user is on, in the results shown.
    fn current_row(self) -> Option<DiagRow> {
        let key = self.current.get_untracked()?;
        self.analysis
            .with_untracked(|a| a.report.diagnostic(key).cloned())
    }

    /// Show `analysis`; `was`: the problem the user was on, in the results it replaces.
    fn set_analysis(self, was: Option<DiagRow>, analysis: Analysis) {
        let previous = self.analysis.get_untracked();
        let same_text = previous.checked && previous.text == analysis.text;
        // Keep the user on the same problem when it is still there (same message, same place;
        // else the closest one with the same message and quote).
        let current = was.and_then(|old| {
            if analysis.report.diagnostic(old.key).is_some() {
                return Some(old.key);
            }
            analysis
                .report
                .diagnostics
                .iter()
                .filter(|d| d.code == old.code && d.message == old.message && d.quote == old.quote)
                .min_by_key(|d| d.id.abs_diff(old.id))
                .map(|d| d.key)
        });
        if !same_text && self.highlight.get_untracked().is_some() {
            self.highlight.0.set(None);
        }
        let structure_form = self.structure_form.get_untracked();
        let forms = analysis.report.forms.len();
        if structure_form > forms.max(1) {
            self.structure_form.0.set(forms.max(1));
        }
        self.analysis.0.set(Arc::new(analysis));
        if self.current.get_untracked() != current {
            self.current.0.set(current);
        }
        self.dirty.0.set(false);
        self.busy.0.set(false);
    }

    /// Check a large text the user asked for (the notice's button), saying so until the
    /// results are in.
    pub fn run_large(self) {
        self.busy.0.set(true);
        if worker::off_thread() {
            self.run(true);
        } else {
            // Without a worker the check runs here and holds the main thread: start it a
            // frame after the next one, so that the "checking" message is painted first.
            request_animation_frame(move || {
                set_timeout(move || self.run(true), Duration::from_millis(16));
            });
        }
    }

    /// Check again with new settings (same text).
    pub fn recheck(self) {
        let a = self.analysis.get_untracked();
        if a.checked && self.input.get_untracked().is_some() {
            self.run(false);
        }
    }
}
