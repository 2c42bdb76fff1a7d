//! Messages: one line at the bottom of the page (results of edits, files, copying), optionally
//! with an undo button, hidden after a while.

use std::time::Duration;

use kpiform_core::Message;
use leptos::prelude::*;

use super::State;

/// A message at the bottom of the page, optionally with an undo button.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: Message,
    pub undo: bool,
    pub error: bool,
}

impl State {
    pub fn show_toast(self, text: Message, undo: bool, error: bool) {
        let id = self.toast.get_untracked().map_or(1, |t| t.id + 1);
        self.toast.0.set(Some(Toast {
            id,
            text,
            undo,
            error,
        }));
        // Hide after a while unless another message replaced it.
        set_timeout(
            move || {
                if self.toast.get_untracked().is_some_and(|t| t.id == id) {
                    self.toast.0.set(None);
                }
            },
            Duration::from_secs(if undo { 12 } else { 6 }),
        );
    }

    /// Hide the message (its close button).
    pub fn dismiss_toast(self) {
        self.toast.0.set(None);
    }

    /// Take back the edit the message is about (its undo button).
    pub fn undo_from_toast(self) {
        self.dismiss_toast();
        self.undo();
    }
}
