//! The rule registry and the checker: every check kpiform makes, with its stable code, name,
//! default severity, category and documentation. Each rule's metadata, check, messages and tests
//! live together in the module of its category; this module lists them and runs them.
//!
//! Codes are stable: a code never changes meaning once shipped; a retired rule keeps its code.

/// Define a rule's static metadata (used by the category modules).
macro_rules! rule {
    ($id:ident, $cat:ident, $code:literal, $name:literal, $sev:ident, $fix:ident, $tzh:literal, $ten:literal,
     $czh:literal, $cen:literal, $wzh:literal, $wen:literal, $src:literal, $bad:literal, $good:literal) => {
        pub static $id: $crate::rules::RuleInfo = $crate::rules::RuleInfo {
            code: $code,
            name: $name,
            severity: $crate::diagnostic::Severity::$sev,
            category: $crate::rules::Category::$cat,
            title_zh: $tzh,
            title_en: $ten,
            fix: $crate::rules::FixKind::$fix,
            doc: $crate::rules::RuleDoc {
                catches_zh: $czh,
                catches_en: $cen,
                why_zh: $wzh,
                why_en: $wen,
                source: $src,
                bad_example: $bad,
                good_example: $good,
            },
        };
    };
}

pub mod amounts;
pub mod cross;
pub mod docs;
pub mod facts;
pub mod fields;
pub mod indicators;
pub mod structure;
pub mod text;
pub mod values;

#[cfg(test)]
pub(crate) mod testing;

use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::model::Document;

/// The families of rules, by the first letter of their code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// S: the shape of the form (sections, fields, tables).
    Structure,
    /// F: header field values.
    Fields,
    /// A: amounts and their arithmetic.
    Amounts,
    /// I: the indicator framework.
    Indicators,
    /// V: indicator values.
    Values,
    /// T: free text.
    Text,
    /// X: across the forms of one paste.
    CrossForm,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Structure,
        Category::Fields,
        Category::Amounts,
        Category::Indicators,
        Category::Values,
        Category::Text,
        Category::CrossForm,
    ];

    pub fn name(self) -> Message {
        match self {
            Category::Structure => Message::new("结构", "structure"),
            Category::Fields => Message::new("字段", "fields"),
            Category::Amounts => Message::new("金额", "amounts"),
            Category::Indicators => Message::new("指标体系", "indicator framework"),
            Category::Values => Message::new("指标值", "indicator values"),
            Category::Text => Message::new("文字", "text"),
            Category::CrossForm => Message::new("跨表", "across forms"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Fields => "fields",
            Category::Amounts => "amounts",
            Category::Indicators => "indicators",
            Category::Values => "values",
            Category::Text => "text",
            Category::CrossForm => "cross-form",
        }
    }
}

/// Whether a rule can offer a fix, and of which kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixKind {
    None,
    Safe,
    Suggest,
}

impl FixKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "none",
            FixKind::Safe => "safe",
            FixKind::Suggest => "suggest",
        }
    }
}

/// The documentation of a rule: what it catches, why it matters (with its source), an example
/// that fires and its corrected form. Rendered into the rule pages of the site and `kpiform rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    pub catches_zh: &'static str,
    pub catches_en: &'static str,
    pub why_zh: &'static str,
    pub why_en: &'static str,
    pub source: &'static str,
    pub bad_example: &'static str,
    pub good_example: &'static str,
}

/// Static metadata of one rule.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub fix: FixKind,
    pub doc: RuleDoc,
}

/// Every rule, in catalogue order (S, F, A, I, V, T, X; by number within each).
pub static ALL: &[&RuleInfo] = &[
    &structure::S001,
    &structure::S002,
    &structure::S003,
    &structure::S004,
    &structure::S005,
    &fields::F001,
    &fields::F002,
    &fields::F003,
    &fields::F004,
    &fields::F005,
    &fields::F006,
    &amounts::A001,
    &amounts::A002,
    &amounts::A003,
    &amounts::A004,
    &amounts::A005,
    &amounts::A006,
    &amounts::A007,
    &amounts::A008,
    &amounts::A009,
    &amounts::A010,
    &amounts::A011,
    &indicators::I001,
    &indicators::I002,
    &indicators::I004,
    &indicators::I005,
    &indicators::I006,
    &indicators::I007,
    &values::V001,
    &values::V002,
    &values::V003,
    &values::V004,
    &values::V005,
    &values::V006,
    &values::V007,
    &values::V008,
    &values::V009,
    &values::V010,
    &values::V011,
    &values::V012,
    &values::V013,
    &text::T001,
    &text::T002,
    &text::T003,
    &text::T005,
    &text::T006,
    &cross::X001,
    &cross::X002,
];

/// Look a rule up by its code (`"S002"`), case-insensitively.
pub fn by_code(code: &str) -> Option<&'static RuleInfo> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Which rules run, at which severity, for which budget year.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Options {
    /// The budget year; detected from the text when `None`.
    pub budget_year: Option<u16>,
    /// Only these codes or code prefixes (`"V"`, `"A005"`); all when empty.
    pub select: Vec<String>,
    /// Codes or prefixes switched off.
    pub ignore: Vec<String>,
    /// Severities changed by the user.
    pub severity: Vec<(String, Severity)>,
}

/// An error in the options: a code that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "未知的规则编号 / unknown rule code: {}", self.0)
    }
}

fn matches_code(pattern: &str, code: &str) -> bool {
    code.len() >= pattern.len() && code[..pattern.len()].eq_ignore_ascii_case(pattern)
}

impl Options {
    /// Check that every code or prefix in the options names at least one rule.
    pub fn validate(&self) -> Result<(), UnknownCode> {
        let all = self
            .select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.iter().map(|(c, _)| c));
        for pattern in all {
            if pattern.is_empty() || !ALL.iter().any(|r| matches_code(pattern, r.code)) {
                return Err(UnknownCode(pattern.clone()));
            }
        }
        Ok(())
    }

    pub fn enabled(&self, code: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| matches_code(p, code)))
            && !self.ignore.iter().any(|p| matches_code(p, code))
    }

    pub fn severity_of(&self, rule: &RuleInfo) -> Severity {
        // The longest matching pattern wins (`V` then `V007`).
        self.severity
            .iter()
            .filter(|(p, _)| matches_code(p, rule.code))
            .max_by_key(|(p, _)| p.len())
            .map_or(rule.severity, |(_, s)| *s)
    }
}

/// Parse and check a paste: the structure with every rule's diagnostics, filtered and graded
/// by the options.
pub fn check(text: &str, options: &Options) -> Document {
    let mut doc = crate::parse::parse(text);
    let budget_year = options
        .budget_year
        .or_else(|| facts::detect_budget_year(&doc));
    doc.budget_year = budget_year;
    let all_facts: Vec<facts::Facts> = doc
        .forms
        .iter()
        .map(|f| facts::Facts::new(text, f, budget_year))
        .collect();
    for (form, facts) in doc.forms.iter_mut().zip(&all_facts) {
        let mut found = Vec::new();
        let ctx = facts::Ctx { text, form, facts };
        structure::check(&ctx, &mut found);
        fields::check(&ctx, &mut found);
        amounts::check(&ctx, &mut found);
        indicators::check(&ctx, &mut found);
        values::check(&ctx, &mut found);
        text::check(&ctx, &mut found);
        form.diagnostics.extend(found);
    }
    fields::check_paste(&mut doc);
    let mut across = Vec::new();
    cross::check(text, &doc, &mut across);
    doc.diagnostics.extend(across);
    apply_options(&mut doc.diagnostics, options);
    for form in &mut doc.forms {
        apply_options(&mut form.diagnostics, options);
    }
    doc
}

fn apply_options(diagnostics: &mut Vec<Diagnostic>, options: &Options) {
    diagnostics.retain(|d| options.enabled(d.rule.code));
    for d in diagnostics.iter_mut() {
        d.severity = options.severity_of(d.rule);
    }
    diagnostics.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.rule.code.cmp(b.rule.code))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        let mut codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let order = |code: &str| ("SFAIVTX".find(&code[..1]).unwrap(), code.to_string());
        let sorted = {
            let mut c = codes.clone();
            c.sort_by_key(|c| order(c));
            c
        };
        assert_eq!(codes, sorted, "rules are listed in catalogue order");
        for r in ALL {
            let expected = Category::ALL["SFAIVTX".find(&r.code[..1]).unwrap()];
            assert_eq!(r.category, expected, "{} is in the wrong category", r.code);
        }
        codes.dedup();
        assert_eq!(codes.len(), ALL.len(), "codes are unique");
        for r in ALL {
            assert_eq!(r.code.len(), 4, "{}", r.code);
            assert!(
                r.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.name
            );
            assert!(!r.title_zh.is_empty() && !r.title_en.is_empty());
            let d = &r.doc;
            for s in [
                d.catches_zh,
                d.catches_en,
                d.why_zh,
                d.why_en,
                d.source,
                d.bad_example,
                d.good_example,
            ] {
                assert!(!s.is_empty(), "{} has an empty documentation field", r.code);
            }
            assert!(by_code(&r.code.to_lowercase()).is_some());
        }
    }

    #[test]
    fn options_select_ignore_and_grade() {
        let o = Options {
            select: vec!["V".into(), "A005".into()],
            ignore: vec!["V002".into()],
            severity: vec![
                ("V".into(), Severity::Info),
                ("V001".into(), Severity::Error),
            ],
            budget_year: None,
        };
        assert!(o.validate().is_ok());
        assert!(o.enabled("V001") && o.enabled("A005") && !o.enabled("V002") && !o.enabled("A001"));
        assert_eq!(o.severity_of(&values::V001), Severity::Error);
        assert_eq!(o.severity_of(&values::V007), Severity::Info);
        let bad = Options {
            ignore: vec!["Z999".into()],
            ..Options::default()
        };
        assert_eq!(bad.validate(), Err(UnknownCode("Z999".into())));
    }
}
