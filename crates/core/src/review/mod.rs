//! The reviewer's side: a grade per form in the terms of 财预〔2015〕88号 (`grade`), and what
//! changed between a form and its resubmission (`compare`). Both read checked documents; no rule
//! reads them.

pub mod compare;
pub mod grade;

/// Every page of `site/rules/`: (file name, content): the rule pages, the index, the style sheet
/// and the grading formula (`grading.html`). `cargo xtask codegen` writes them.
pub fn site_files() -> Vec<(String, String)> {
    let mut files = crate::rules::docs::rule_files();
    files.push(("grading.html".to_string(), grade::grading_page()));
    files
}

use crate::diagnostic::Diagnostic;
use crate::model::{FieldKey, Form};

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
        let form = form
            .and_then(|f| f.text(FieldKey::Code).or(f.text(FieldKey::Name)))
            .map(fold)
            .unwrap_or_default();
        FindingKey {
            form,
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

/// What the reviewer decided about findings: dismissed ones (with the reason: 误报, 已说明,
/// 不适用 …) leave the review report, comments join it.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Dispositions {
    pub dismissed: Vec<(FindingKey, String)>,
    pub comments: Vec<(FindingKey, String)>,
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
            comments: vec![],
        };
        assert_eq!(dispositions.dismissed(&key), Some("误报"));
        assert!(!CLEAN.is_empty());
    }
}
