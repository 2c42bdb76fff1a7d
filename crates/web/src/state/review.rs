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
