//! The review file (`*.kpiform-review.json`): a whole review handed from one reviewer or machine to
//! another, with nothing sent anywhere: the texts (the forms, and the earlier version they were
//! compared with), the settings (rules and the grading formula), the decisions (grades set,
//! findings dismissed, kept or commented on, forms done) and, for the record, each form's grade
//! as it stood when saved. Opening it restores everything but the grades, which are computed
//! again from the rest (and so cannot disagree with it).

use serde::{Deserialize, Serialize};

use super::{form_id, Dispositions};
use crate::model::FieldKey;
use crate::rules::Options;

/// What the file's `format` field says.
pub const FORMAT: &str = "kpiform-review";
/// The version this build writes; it reads this one and older ones.
pub const VERSION: u32 = 1;

/// A saved review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewFile {
    /// Always [`FORMAT`].
    pub format: String,
    pub version: u32,
    /// When it was saved (ISO 8601, as the saving edge's clock gives it).
    #[serde(default)]
    pub saved: String,
    /// The forms under review (with their `【文件：…】` lines when several files were opened).
    pub text: String,
    /// The earlier version the forms were compared with, when there is one.
    #[serde(default)]
    pub earlier: Option<String>,
    #[serde(default)]
    pub rules: Options,
    #[serde(default)]
    pub review: Dispositions,
    /// Each form's grade when saved (for other systems to read; ignored when opened).
    #[serde(default)]
    pub forms: Vec<FormRecord>,
}

/// One form's standing when the review was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormRecord {
    /// The form as decisions name it ([`form_id`]).
    pub form: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    /// `excellent` … `poor`: the grade that counts, and the formula's.
    pub grade: String,
    pub suggested: String,
    pub score: f64,
    pub reason: Option<String>,
    /// `not-started`, `in-review`, `done`.
    pub status: String,
}

/// Why a file is not a review file kpiform can open (both languages).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotAReview {
    pub zh: String,
    pub en: String,
}

impl std::fmt::Display for NotAReview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.zh, self.en)
    }
}

impl std::error::Error for NotAReview {}

impl ReviewFile {
    /// A review of `text` to save, checked with `rules`.
    pub fn new(
        text: &str,
        earlier: Option<&str>,
        rules: &Options,
        review: &Dispositions,
        saved: &str,
    ) -> ReviewFile {
        let doc = crate::rules::check(text, rules);
        let forms = doc
            .forms
            .iter()
            .map(|f| {
                let a = review.assess(text, f);
                FormRecord {
                    form: form_id(f),
                    name: f.text(FieldKey::Name).map(str::to_string),
                    unit: f
                        .text(FieldKey::Applicant)
                        .or(f.text(FieldKey::Authority))
                        .map(str::to_string),
                    grade: a.grade.as_str().to_string(),
                    suggested: a.suggested.grade.as_str().to_string(),
                    score: a.suggested.score,
                    reason: a.reason,
                    status: a.status.as_str().to_string(),
                }
            })
            .collect();
        ReviewFile {
            format: FORMAT.to_string(),
            version: VERSION,
            saved: saved.to_string(),
            text: text.to_string(),
            earlier: earlier.map(str::to_string),
            rules: rules.clone(),
            review: review.clone(),
            forms,
        }
    }

    /// The file's bytes (pretty JSON, UTF-8).
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    /// Whether `bytes` look like a review file (what an edge asks before importing a file as
    /// forms).
    pub fn sniff(bytes: &[u8]) -> bool {
        let head = &bytes[..bytes.len().min(200)];
        let head = String::from_utf8_lossy(head);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        head.starts_with('{') && head.contains(&format!("\"{FORMAT}\""))
    }

    /// Read a review file.
    pub fn from_bytes(bytes: &[u8]) -> Result<ReviewFile, NotAReview> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let file: ReviewFile = serde_json::from_slice(bytes).map_err(|e| NotAReview {
            zh: format!("不是可以打开的审核文件（{e}）"),
            en: format!("not a review file kpiform can open ({e})"),
        })?;
        if file.format != FORMAT {
            return Err(NotAReview {
                zh: format!("不是 kpiform 审核文件（format 为 “{}”）", file.format),
                en: format!("not a kpiform review file (format is \"{}\")", file.format),
            });
        }
        if file.version > VERSION {
            return Err(NotAReview {
                zh: format!(
                    "审核文件由较新版本的 kpiform 保存（第 {} 版），请更新后再打开",
                    file.version
                ),
                en: format!(
                    "the review file was saved by a newer kpiform (version {}); update to open it",
                    file.version
                ),
            });
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::grade::Grade;
    use crate::review::{FindingKey, GradeOverride};

    #[test]
    fn a_review_survives_the_round_trip() {
        let text = kpiform_testkit::TEXTS[0];
        let doc = crate::rules::check(text, &Options::default());
        let form = &doc.forms[2];
        let review = Dispositions {
            dismissed: vec![(
                FindingKey::of(text, Some(form), &form.diagnostics[0]),
                "已说明".into(),
            )],
            comments: vec![(FindingKey::every("V005"), "请核实".into())],
            grades: vec![GradeOverride {
                form: form_id(form),
                grade: Grade::Fair,
                reason: "指标不够细化".into(),
            }],
            done: vec![form_id(&doc.forms[0])],
            ..Default::default()
        };
        let rules = Options {
            ignore: vec!["N".into()],
            ..Options::default()
        };
        let file = ReviewFile::new(text, Some("旧版"), &rules, &review, "2026-12-02T10:00:00Z");
        assert_eq!(file.forms.len(), 11);
        assert_eq!(file.forms[2].grade, "fair");
        assert_eq!(file.forms[2].reason.as_deref(), Some("指标不够细化"));
        assert_eq!(file.forms[0].status, "done");
        let bytes = file.to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            json["review"]["grades"][0]["grade"], "fair",
            "as the JSON report names grades"
        );
        assert!(ReviewFile::sniff(&bytes));
        assert!(!ReviewFile::sniff(b"{\"inputs\": []}"));
        assert_eq!(ReviewFile::from_bytes(&bytes), Ok(file));
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        let e = ReviewFile::from_bytes(b"{\"tool\": {}}").unwrap_err();
        assert!(e.zh.contains("不是可以打开的审核文件"), "{e}");
        let e =
            ReviewFile::from_bytes(b"{\"format\":\"x\",\"version\":1,\"text\":\"\"}").unwrap_err();
        assert!(e.en.contains("format is \"x\""), "{e}");
        let e =
            ReviewFile::from_bytes(b"{\"format\":\"kpiform-review\",\"version\":9,\"text\":\"\"}")
                .unwrap_err();
        assert!(e.zh.contains("较新版本"), "{e}");
        // An older file without the later fields opens.
        let f = ReviewFile::from_bytes(
            "\u{feff}{\"format\":\"kpiform-review\",\"version\":1,\"text\":\"表\"}".as_bytes(),
        )
        .unwrap();
        assert_eq!((f.text.as_str(), f.review.is_empty()), ("表", true));
    }
}
