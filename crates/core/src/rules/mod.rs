//! The rule registry: every check kpiform makes, with its stable code, name, default severity,
//! category and documentation. A rule's metadata, messages and tests live together in the module
//! of its category; this module only lists them.
//!
//! Codes are stable: a code never changes meaning once shipped; a retired rule keeps its code.

pub mod structure;

use crate::diagnostic::{Message, Severity};

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

/// The documentation of a rule: what it catches, why it matters, an example that fires and its
/// corrected form. Rendered into the rule pages of the site and `kpiform rules`.
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

/// Every rule, in code order.
pub static ALL: &[&RuleInfo] = &[
    &structure::S001,
    &structure::S002,
    &structure::S003,
    &structure::S004,
];

/// Look a rule up by its code (`"S002"`), case-insensitively.
pub fn by_code(code: &str) -> Option<&'static RuleInfo> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        let mut codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let sorted = {
            let mut c = codes.clone();
            c.sort();
            c
        };
        assert_eq!(codes, sorted, "rules are listed in code order");
        codes.dedup();
        assert_eq!(codes.len(), ALL.len(), "codes are unique");
        for r in ALL {
            assert_eq!(r.code.len(), 4, "{}", r.code);
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            assert!(!r.title_zh.is_empty() && !r.title_en.is_empty());
            assert!(!r.doc.catches_zh.is_empty() && !r.doc.bad_example.is_empty());
            assert!(by_code(&r.code.to_lowercase()).is_some());
        }
    }
}
