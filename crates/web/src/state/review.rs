//! The reviewer's decisions on findings: dismissed with a reason (误报, 已说明, 不适用), or
//! restored. Known by form, rule and quoted text, so they survive edits of the text; kept across
//! reloads (settings.rs) and honoured by the review reports (the export's `review` option).

use kpiform_core::FindingKey;
use leptos::prelude::*;

use super::State;

impl State {
    /// Dismiss a finding, with the reason.
    pub fn dismiss(self, key: FindingKey, reason: &str) {
        self.review.update(|r| {
            r.dismissed.retain(|(k, _)| *k != key);
            r.dismissed.push((key, reason.to_string()));
        });
    }

    /// Dismiss every finding of a rule in this paste.
    pub fn dismiss_rule(self, code: &str, reason: &str) {
        self.dismiss(FindingKey::every(code), reason);
    }

    /// Take a dismissal back: the finding's own, and a rule-wide one that covers it.
    pub fn undismiss(self, key: &FindingKey) {
        self.review
            .update(|r| r.dismissed.retain(|(k, _)| !k.covers(key)));
    }
}

impl State {
    /// Confirm a finding (or take the confirmation back).
    pub fn keep(self, key: FindingKey, kept: bool) {
        self.review.update(|r| {
            r.kept.retain(|k| *k != key);
            if kept {
                r.kept.push(key);
            }
        });
    }

    /// Comment on a finding; an empty comment removes it.
    pub fn comment(self, key: FindingKey, comment: &str) {
        let comment = comment.trim();
        self.review.update(|r| {
            r.comments.retain(|(k, _)| *k != key);
            if !comment.is_empty() {
                r.comments.push((key, comment.to_string()));
            }
        });
    }

    /// Set the grade of form `id` by hand, with the reason; `None` goes back to the suggested one.
    pub fn set_grade(self, id: &str, grade: Option<(kpiform_core::Grade, String)>) {
        self.review.update(|r| {
            r.grades.retain(|g| g.form != id);
            if let Some((grade, reason)) = grade {
                r.grades.push(kpiform_core::GradeOverride {
                    form: id.to_string(),
                    grade,
                    reason: reason.trim().to_string(),
                });
            }
        });
    }

    /// Mark the review of form `id` done, or not.
    pub fn mark_done(self, id: &str, done: bool) {
        self.review.update(|r| {
            r.done.retain(|f| f != id);
            if done {
                r.done.push(id.to_string());
            }
        });
    }
}
