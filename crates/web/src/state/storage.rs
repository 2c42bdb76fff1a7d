//! Remembering the text: saved in `localStorage` with every check (a large text a moment after
//! the last one), brought back at the next visit, with a notice that offers to discard it.

use std::time::Duration;

use leptos::prelude::*;

use super::{hash_str, State};
use crate::dom;

/// `localStorage` keys of the text and of when it was saved.
const TEXT_KEY: &str = "kpiform.text";
const TEXT_TIME_KEY: &str = "kpiform.text.saved";

/// Texts of at least this many bytes are saved a moment after the last check, not with each:
/// writing megabytes to `localStorage` holds the main thread for tens of milliseconds.
const SAVE_LATER_FROM: usize = 256 * 1024;
const SAVE_DELAY: Duration = Duration::from_secs(1);

impl State {
    /// Save the text being checked: now, or a large one a moment after the last check (and at
    /// the latest when the page is hidden, [`State::save_now`]).
    pub(super) fn save_text_soon(self, text: &str) {
        self.cancel_due_save();
        if text.len() < SAVE_LATER_FROM {
            self.save_text(text);
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                self.save_due.set_value(None);
                if let Some(el) = self.input.get_untracked() {
                    self.save_text(&self.text_now(&el));
                }
            },
            SAVE_DELAY,
        )
        .ok();
        self.save_due.set_value(handle);
    }

    /// Cancel the save that is due, if one is: true when there was one.
    fn cancel_due_save(self) -> bool {
        let due = self.save_due.get_value();
        if let Some(handle) = due {
            handle.clear();
            self.save_due.set_value(None);
        }
        due.is_some()
    }

    pub(super) fn save_text(self, text: &str) {
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
            self.save_failed.0.set(!ok);
        }
    }

    /// Save what the text box holds now (the page is being hidden or closed).
    pub fn save_now(self) {
        if let Some(el) = self.input.get_untracked() {
            let due = self.cancel_due_save();
            if self.dirty.get_untracked() || self.pending.with_value(Option::is_some) || due {
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
        self.forget_typed();
        self.saved_hash.set_value(hash_str(&text));
        let saved = dom::load(TEXT_TIME_KEY)
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(0.0);
        self.restored.0.set(Some(saved));
        self.run(false);
        self.update_viewport();
    }

    /// Drop the restored text (the notice's button).
    pub fn discard_restored(self) {
        self.replace_text("", None);
        if let Some(el) = self.input.get_untracked() {
            let _ = el.focus();
        }
    }

    /// Keep the restored text and hide the notice (its other button).
    pub fn keep_restored(self) {
        self.restored.0.set(None);
    }
}
