//! The reviewer's desk beyond single findings: the earlier version a resubmission is compared
//! with, and the review file (save the whole review, open it again on another machine).

use kpiform_core::Message;
use leptos::prelude::*;

use super::State;
use crate::settings::RuleSettings;
use crate::worker::{client, SaveReview};

impl State {
    /// The text in the text box (what a review is about).
    fn current_text(self) -> String {
        self.input
            .get_untracked()
            .map(|el| el.value())
            .unwrap_or_else(|| self.analysis.with_untracked(|a| a.text.clone()))
    }

    /// Compare the forms with `earlier` (the version sent before), from now on at every check.
    pub fn set_earlier(self, earlier: Option<String>) {
        self.compared.0.set(None);
        self.earlier.0.set(earlier.filter(|t| !t.trim().is_empty()));
        self.refresh_compare();
    }

    /// Compare again (the text or the earlier version changed).
    pub fn refresh_compare(self) {
        let Some(earlier) = self.earlier.get_untracked() else {
            return;
        };
        let text = self.analysis.with_untracked(|a| a.text.clone());
        let rules = self.rules.get_untracked().options();
        let id = self.next_id();
        client::compare(id, text, earlier, rules, move |forms| {
            self.compared.0.set(Some(forms));
        });
    }

    /// Download the whole review as one file: the forms, the earlier version, the settings and
    /// every decision.
    pub fn save_review(self) {
        let d = js_sys::Date::new_0();
        let saved = d.to_iso_string().as_string().unwrap_or_default();
        let save = SaveReview {
            earlier: self.earlier.get_untracked(),
            rules: self.rules.get_untracked().options(),
            review: self.review.get_untracked(),
            saved,
        };
        let id = self.next_id();
        client::save_review(id, self.current_text(), save, move |files| {
            if !crate::dom::download_all(&files) {
                self.show_toast(
                    Message::new(
                        "无法下载审核文件。",
                        "The review file could not be downloaded.",
                    ),
                    false,
                    true,
                );
                return;
            }
            self.show_toast(
                Message::new(
                    "已保存审核文件：申报表、设置、等级、忽略和批注都在其中。",
                    "Review saved: the forms, settings, grades, dismissals and comments are in the file.",
                ),
                false,
                false,
            );
        });
    }

    /// Open a review file: its forms replace the text (undoable), its decisions and settings
    /// replace the page's. A file that is no review changes nothing and says why.
    pub fn open_review(self, name: String, bytes: Vec<u8>) {
        let id = self.next_id();
        client::open_review(id, bytes, move |file| match file {
            Ok(file) => {
                self.rules.set(RuleSettings::parse(&file.rules));
                self.review
                    .set(crate::review_lines::from_lines(&file.review));
                self.replace_text(
                    &file.text,
                    Some(Message::new(
                        format!("已打开审核文件 {name}。"),
                        format!("Review file {name} opened."),
                    )),
                );
                self.set_earlier(file.earlier);
            }
            Err(e) => self.show_toast(
                Message::new(format!("{name}：{}", e.zh), format!("{name}: {}", e.en)),
                false,
                true,
            ),
        });
    }

    /// Make the files of an export of the forms as the review stands (the desk's workbook, one
    /// unit's 审核意见) and download them.
    pub fn download_export(self, format: kpiform_core::export::Format, unit: Option<String>) {
        let options = kpiform_core::export::ExportOptions {
            lang: self.lang.get_untracked(),
            check: self.rules.get_untracked().options(),
            review: self.review.get_untracked(),
            unit,
            ..Default::default()
        };
        let id = self.next_id();
        client::export(id, self.current_text(), format, options, move |files| {
            if !crate::dom::download_all(&files) {
                self.show_toast(
                    Message::new("无法下载文件。", "The file could not be downloaded."),
                    false,
                    true,
                );
            }
        });
    }

    /// Start over: no text, no decisions, no earlier version (the settings stay).
    pub fn clear_review(self) {
        self.review.set(Default::default());
        self.set_earlier(None);
        self.clear_text();
    }

    /// An id for a request of the desk (the checks' own versions are left alone: they tell a
    /// stale check).
    fn next_id(self) -> u64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1 << 40);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }
}
