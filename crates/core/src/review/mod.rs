//! The reviewer's side: a grade per form in the terms of 财预〔2015〕88号 (`grade`), and what
//! changed between a form and its resubmission (`compare`). Both read checked documents; no rule
//! reads them.

pub mod compare;
#[cfg(feature = "wire")]
pub mod file;
pub mod grade;

/// Every page of `site/rules/`: (file name, content): the rule pages, the index, the style sheet
/// and the grading formula (`grading.html`). `cargo xtask codegen` writes them.
pub fn site_files() -> Vec<(String, String)> {
    let mut files = crate::rules::docs::rule_files();
    files.push(("grading.html".to_string(), grade::grading_page()));
    files
}

use crate::diagnostic::{Diagnostic, Message};
use crate::model::{FieldKey, Form};
use grade::{FormGrade, Grade, GradeOptions};

/// A finding as a reviewer knows it across edits of the text: its form (项目编码, else its name),
/// its rule and the text it quotes (white space folded), never its offset. `form` and `quote`
/// `*` stand for any: the key of "every finding of this rule in this paste".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct FindingKey {
    pub form: String,
    pub code: String,
    pub quote: String,
}

/// Text with its white space folded to single spaces (how findings and values are compared).
pub(crate) fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl FindingKey {
    /// The key of finding `d` of `form` (none: a finding of the whole paste) in `text`.
    pub fn of(text: &str, form: Option<&Form>, d: &Diagnostic) -> FindingKey {
        FindingKey {
            form: form.map(form_id).unwrap_or_default(),
            code: d.code().to_string(),
            quote: fold(d.span.text(text)),
        }
    }

    /// The key that stands for every finding of rule `code`.
    pub fn every(code: &str) -> FindingKey {
        FindingKey {
            form: "*".into(),
            code: code.to_string(),
            quote: "*".into(),
        }
    }

    /// Whether this key (perhaps with `*`) stands for `other`.
    pub fn covers(&self, other: &FindingKey) -> bool {
        self.code == other.code
            && (self.form == "*" || self.form == other.form)
            && (self.quote == "*" || self.quote == other.quote)
    }
}

/// What the reviewer decided: findings dismissed (with the reason: 误报, 已说明, 不适用 …), kept
/// (confirmed) or commented on, grades set by hand (with the reason), forms marked done, and the
/// grading formula's settings. Dismissed findings leave the review reports and count for no
/// grade; comments join the reports.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "wire", serde(default))]
pub struct Dispositions {
    pub dismissed: Vec<(FindingKey, String)>,
    pub comments: Vec<(FindingKey, String)>,
    pub kept: Vec<FindingKey>,
    pub grades: Vec<GradeOverride>,
    /// Forms (by [`form_id`]) the reviewer marked done.
    pub done: Vec<String>,
    pub grading: GradeOptions,
}

/// A grade the reviewer set by hand, and why.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct GradeOverride {
    /// The form, by [`form_id`].
    pub form: String,
    pub grade: Grade,
    pub reason: String,
}

/// How far the reviewer got with a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Nothing decided yet.
    NotStarted,
    /// Some finding judged or the grade set, not marked done.
    InReview,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InReview, Status::Done];

    /// The key in JSON (`not-started`, `in-review`, `done`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InReview => "in-review",
            Status::Done => "done",
        }
    }

    pub fn label(self) -> Message {
        match self {
            Status::NotStarted => Message::new("未开始", "not started"),
            Status::InReview => Message::new("审核中", "in review"),
            Status::Done => Message::new("已完成", "done"),
        }
    }
}

/// A form as the reviewer knows it: its 项目编码, else its name (white space folded); empty for
/// a form with neither.
pub fn form_id(form: &Form) -> String {
    form.text(FieldKey::Code)
        .or(form.text(FieldKey::Name))
        .map(fold)
        .unwrap_or_default()
}

/// A form's grade as the review stands: the suggested one (from the findings not dismissed, by
/// the settings' formula) and, when the reviewer set another, that one with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub suggested: FormGrade,
    /// The grade that counts: the reviewer's, else the suggested one.
    pub grade: Grade,
    /// Why the reviewer set the grade (when they did).
    pub reason: Option<String>,
    pub status: Status,
}

impl Dispositions {
    /// The reason `key` was dismissed for, if it was (by its own key or one that covers it).
    pub fn dismissed(&self, key: &FindingKey) -> Option<&str> {
        self.dismissed
            .iter()
            .find(|(k, _)| k.covers(key))
            .map(|(_, r)| r.as_str())
    }

    /// The reviewer's comment on `key`, if any.
    pub fn comment(&self, key: &FindingKey) -> Option<&str> {
        self.comments
            .iter()
            .find(|(k, _)| k.covers(key))
            .map(|(_, c)| c.as_str())
    }

    /// Whether the reviewer confirmed the finding `key`.
    pub fn is_kept(&self, key: &FindingKey) -> bool {
        self.kept.iter().any(|k| k.covers(key))
    }

    /// The grade the reviewer set for form `id`, with the reason.
    pub fn grade_set(&self, id: &str) -> Option<&GradeOverride> {
        self.grades.iter().find(|g| g.form == id)
    }

    /// Where the review of form `id` stands.
    pub fn status(&self, id: &str) -> Status {
        if self.done.iter().any(|d| d == id) {
            return Status::Done;
        }
        let on = |k: &FindingKey| k.form == id;
        if self.dismissed.iter().any(|(k, _)| on(k))
            || self.comments.iter().any(|(k, _)| on(k))
            || self.kept.iter().any(on)
            || self.grade_set(id).is_some()
        {
            Status::InReview
        } else {
            Status::NotStarted
        }
    }

    /// Whether nothing was decided (the settings aside).
    pub fn is_empty(&self) -> bool {
        self.dismissed.is_empty()
            && self.comments.is_empty()
            && self.kept.is_empty()
            && self.grades.is_empty()
            && self.done.is_empty()
    }

    /// The grade of `form` of `text` as the review stands.
    pub fn assess(&self, text: &str, form: &Form) -> Assessment {
        let counted: Vec<&Diagnostic> = form
            .diagnostics
            .iter()
            .filter(|d| {
                self.dismissed.is_empty()
                    || self
                        .dismissed(&FindingKey::of(text, Some(form), d))
                        .is_none()
            })
            .collect();
        let suggested = grade::grade_of(&counted, &self.grading);
        let id = form_id(form);
        let set = self.grade_set(&id);
        Assessment {
            grade: set.map_or(suggested.grade, |g| g.grade),
            reason: set.map(|g| g.reason.clone()),
            suggested,
            status: self.status(&id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{with, CLEAN};
    use crate::rules::{check, Options};

    #[test]
    fn a_finding_keeps_its_key_across_edits_elsewhere() {
        let text = with("≥95%\t验收合格", "≥950%\t验收合格");
        let doc = check(&text, &Options::default());
        let d = &doc.forms[0].diagnostics[0];
        let key = FindingKey::of(&text, Some(&doc.forms[0]), d);
        assert_eq!(
            (key.form.as_str(), key.code.as_str(), key.quote.as_str()),
            ("440304231460100205000", "V004", "≥950%")
        );
        // Lines added above it: another offset, the same key.
        let edited = text.replace(
            "二级项目支出绩效目标申报表\n",
            "\n\n二级项目支出绩效目标申报表\n",
        );
        let doc2 = check(&edited, &Options::default());
        let d2 = &doc2.forms[0].diagnostics[0];
        assert_ne!(d.span, d2.span);
        assert_eq!(FindingKey::of(&edited, Some(&doc2.forms[0]), d2), key);
        let dispositions = Dispositions {
            dismissed: vec![(FindingKey::every("V004"), "误报".into())],
            ..Default::default()
        };
        assert_eq!(dispositions.dismissed(&key), Some("误报"));
        assert!(!CLEAN.is_empty());
    }
}
