//! The rules and the checker: every check kpiform makes, one rule per file.
//!
//! `rules/<family>/<code>_<name>.rs` holds one rule: its [`RuleInfo`] (code, name, severity,
//! category, fix kind, titles, documentation) as a named literal, its check function, and its
//! tests. A family's `mod.rs` names its rules ([`family!`]) and holds what they share. This
//! module gathers every family into the registry ([`all`], [`by_code`]) and runs them
//! ([`check`]); [`parse`] is the parser plus the structure rules that report what it could not
//! place.
//!
//! Codes are stable: a code never changes meaning once shipped; a retired rule keeps its code.

/// Declare the rules of a family: one module per rule (`a005_calc_basis_total_mismatch`, the
/// file `a005_calc_basis_total_mismatch.rs` beside the family's `mod.rs`) and the family's list
/// of them, which the registry gathers. Adding a rule is one new file and one name here.
macro_rules! family {
    ($($rule:ident),* $(,)?) => {
        $(pub(crate) mod $rule;)*

        /// The rules of this family.
        pub(crate) static RULES: &[&crate::rules::Rule] = &[$(&$rule::RULE),*];

        /// What the rules of this family are, apart from how they check: the page lists the
        /// rules and links their pages without bringing their checks into its module.
        pub(crate) static INFOS: &[&crate::diagnostic::RuleInfo] = &[$(&$rule::INFO),*];
    };
}

pub(crate) mod amounts;
mod checker;
pub(crate) mod cross;
pub mod docs;
pub(crate) mod facts;
pub(crate) mod fields;
pub(crate) mod indicators;
pub(crate) mod structure;
pub(crate) mod text;
pub(crate) mod values;

#[cfg(test)]
mod examples;
#[cfg(test)]
pub(crate) mod testing;

use std::sync::LazyLock;

use crate::diagnostic::{Diagnostic, RuleInfo, Severity};
use crate::model::Document;
use crate::parse::{Issue, Parsed};
pub use checker::{Checker, Origin, Reuse};
pub use facts::Facts;
use facts::{Ctx, PasteCtx};

/// One rule: what it is, and how it checks.
pub(crate) struct Rule {
    pub info: &'static RuleInfo,
    pub check: Check,
}

/// How a rule looks at a paste.
pub(crate) enum Check {
    /// It turns one thing the parser could not place or did not find into a finding (S001–S004).
    Parser(fn(&str, &Issue) -> Option<Diagnostic>),
    /// It looks at one form at a time.
    Form(fn(&Ctx, &mut Vec<Diagnostic>)),
    /// It looks at every form of the paste together.
    Paste(fn(&PasteCtx, &mut Vec<Placed>)),
}

/// A finding of a rule across forms, and where it goes: to a form (`Some(i)`, its index in
/// `Document::forms`) or to the paste (`None`).
pub(crate) type Placed = (Option<usize>, Diagnostic);

/// Every rule in catalogue order (S, F, A, I, V, T, X; by number within each).
static REGISTRY: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = [
        structure::RULES,
        fields::RULES,
        amounts::RULES,
        indicators::RULES,
        values::RULES,
        text::RULES,
        cross::RULES,
    ]
    .concat();
    in_catalogue_order(&mut all, |r| r.info.code);
    all
});

/// What every rule is, in catalogue order, without its check.
static INFOS: LazyLock<Vec<&'static RuleInfo>> = LazyLock::new(|| {
    let mut all: Vec<&'static RuleInfo> = [
        structure::INFOS,
        fields::INFOS,
        amounts::INFOS,
        indicators::INFOS,
        values::INFOS,
        text::INFOS,
        cross::INFOS,
    ]
    .concat();
    in_catalogue_order(&mut all, |r| r.code);
    all
});

/// Sort rules into catalogue order. A few dozen, nearly in order (F002 comes with the rules
/// across forms): an insertion sort, which brings no general sort into the page's wasm.
fn in_catalogue_order<T>(all: &mut [T], code: impl Fn(&T) -> &'static str) {
    for i in 1..all.len() {
        let mut j = i;
        while j > 0 && catalogue_order(code(&all[j - 1])) > catalogue_order(code(&all[j])) {
            all.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Where a code stands in the catalogue: its family (`SFAIVTX`), then its number.
fn catalogue_order(code: &str) -> (usize, &str) {
    let family = "SFAIVTX".find(code.get(..1).unwrap_or("")).unwrap_or(7);
    (family, code)
}

pub(crate) fn registry() -> &'static [&'static Rule] {
    &REGISTRY
}

/// Every rule, in catalogue order.
pub fn all() -> impl ExactSizeIterator<Item = &'static RuleInfo> + Clone {
    INFOS.iter().copied()
}

/// Look a rule up by its code (`"S002"`), case-insensitively.
pub fn by_code(code: &str) -> Option<&'static RuleInfo> {
    all().find(|r| r.code.eq_ignore_ascii_case(code))
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
            if pattern.is_empty() || !self::all().any(|r| matches_code(pattern, r.code)) {
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

/// Parse a paste and report what the parser could not place or did not find (S001–S004): the
/// structure, with the structure rules' diagnostics and no other rule's.
pub fn parse(text: &str) -> Document {
    let Parsed { mut doc, issues } = crate::parse::parse(text);
    for issue in &issues {
        report(text, issue, |d| match issue.form {
            Some(i) => doc.forms[i].diagnostics.push(d),
            None => doc.diagnostics.push(d),
        });
    }
    doc
}

/// The findings of the structure rules that word one issue of the parser (S001–S004, S006), in
/// the order of the registry.
pub(crate) fn report(text: &str, issue: &Issue, mut found: impl FnMut(Diagnostic)) {
    for rule in registry() {
        if let Check::Parser(word) = rule.check {
            if let Some(d) = word(text, issue) {
                found(d);
            }
        }
    }
}

/// Parse and check a paste: the structure with every rule's diagnostics, filtered and graded
/// by the options.
pub fn check(text: &str, options: &Options) -> Document {
    Checker::check_once(options, text)
}

/// Drop the diagnostics of rules switched off, grade the rest as the user asked, and put them
/// in the order of the text (then of the code).
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
    use crate::diagnostic::{Category, FixKind};

    #[test]
    fn registry_is_consistent() {
        let codes: Vec<&str> = all().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|c| catalogue_order(c));
        assert_eq!(codes, sorted, "rules are listed in catalogue order");
        let mut unique = codes.clone();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "codes are unique");
        for r in all() {
            assert_eq!(
                Category::of_code(r.code),
                Some(r.category),
                "{} is in the wrong category",
                r.code
            );
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

    /// One rule, one file: each rule lives in `rules/<family>/<code>_<name>.rs`, and each such
    /// file holds the rule of its name.
    #[test]
    fn every_rule_has_its_own_file() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut files = Vec::new();
        for family in std::fs::read_dir(&dir).unwrap() {
            let family = family.unwrap().path();
            if family.is_dir() {
                for f in std::fs::read_dir(&family).unwrap() {
                    let name = f.unwrap().file_name().to_string_lossy().into_owned();
                    if name != "mod.rs" {
                        files.push(name);
                    }
                }
            }
        }
        files.sort();
        let mut expected: Vec<String> = all()
            .map(|r| format!("{}_{}.rs", r.code.to_lowercase(), r.name.replace('-', "_")))
            .collect();
        expected.sort();
        assert_eq!(files, expected);
    }

    /// A rule declares its fix kind once: every fix it offers (on the corpus, on its
    /// documentation's examples) has that kind, and a rule without a fix kind offers none.
    #[test]
    fn every_fix_has_its_rules_kind() {
        let mut texts: Vec<String> = kpiform_testkit::CORPUS
            .iter()
            .map(|f| f.text.to_string())
            .collect();
        for r in all() {
            texts.push(examples::paste(r.doc.bad_example));
        }
        let mut fixes = 0;
        for text in &texts {
            let doc = check(text, &Options::default());
            for d in doc.all_diagnostics() {
                match (&d.fix, d.rule.fix) {
                    (None, _) => {}
                    (Some(_), FixKind::None) => {
                        panic!("{} offers a fix it does not declare", d.code())
                    }
                    (Some(f), kind) => {
                        fixes += 1;
                        assert_eq!(f.applicability.as_str(), kind.as_str(), "{}", d.code());
                    }
                }
            }
        }
        assert!(fixes > 20, "only {fixes} fixes seen");
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
        assert_eq!(o.severity_of(by_code("V001").unwrap()), Severity::Error);
        assert_eq!(o.severity_of(by_code("V007").unwrap()), Severity::Info);
        let bad = Options {
            ignore: vec!["Z999".into()],
            ..Options::default()
        };
        assert_eq!(bad.validate(), Err(UnknownCode("Z999".into())));
    }
}
