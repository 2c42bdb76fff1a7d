//! Editing: the page's own edits of the text (fixes, the example, files, clearing), each made
//! the way typing does and undoable.

use kpiform_core::{utf16_offset, Message, Span};
use leptos::prelude::*;

use super::{byte_offset, focus, hash_str, State};
use crate::dom;
use crate::example::EXAMPLE;

/// Undo entries kept, and the most text (bytes) they may hold.
const UNDO_DEPTH: usize = 30;
const UNDO_BYTES: usize = 16 << 20;

/// An edit the page made, and how to take it back.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UndoEntry {
    /// Where the inserted text starts, in UTF-16 units.
    start: u32,
    /// Length (UTF-16) and hash of the inserted text, to check it is still there.
    inserted_len: u32,
    inserted_hash: u64,
    /// The text it replaced.
    original: String,
}

impl State {
    /// Put the example form into the text box (undoable).
    pub fn load_example(self) {
        self.replace_text(
            EXAMPLE,
            Some(Message::new("已载入示例申报表。", "Example form loaded.")),
        );
    }

    /// Empty the text box (undoable).
    pub fn clear_text(self) {
        self.replace_text("", Some(Message::new("已清空。", "Cleared.")));
    }

    /// Replace the whole text by one the user chose (example, file, clear; undoable): the
    /// restored text's notice goes. `label` names the edit in an undo toast.
    pub fn replace_text(self, text: &str, label: Option<Message>) {
        self.restored.0.set(None);
        self.replace_all(text, label);
    }

    /// Put `text` in place of the UTF-16 range `start..end` of the text box, as a paste does
    /// (undoable): a table pasted from Excel, WPS or Word, read by its cells.
    pub fn insert_at(self, start: u32, end: u32, text: &str) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let value = el.value();
        let (Some(a), Some(b)) = (byte_offset(&value, start), byte_offset(&value, end)) else {
            return;
        };
        let original = value[a..b].to_string();
        if self.replace_range(start, end, text) {
            self.push_undo(start, text, original);
        }
    }

    /// Replace the UTF-16 range `start..end` of the text box by `with` the way typing does, so
    /// that the browser's own undo (Ctrl+Z) can take it back too; then check at once.
    fn replace_range(self, start: u32, end: u32, with: &str) -> bool {
        let Some(el) = self.input.get_untracked() else {
            return false;
        };
        self.forget_typed();
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
    fn replace_all(self, text: &str, label: Option<Message>) {
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
        self.can_undo.0.set(true);
    }

    /// Take back the last edit the page made, if the text it inserted is still in place.
    pub fn undo(self) {
        let Some(entry) = self.undo.try_update_value(|s| s.pop()).flatten() else {
            return;
        };
        self.can_undo.0.set(self.undo.with_value(|s| !s.is_empty()));
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
        let Some(row) = a.report.diagnostic(key) else {
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
            self.current.0.set(next);
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
}
