//! kpiform-core: parse, model, rules, normalize and export 绩效目标申报表 (budget
//! performance-target declaration forms).
//!
//! Pure Rust: no IO, no browser, no terminal. The page, the JavaScript API and the CLI call
//! [`check`] (or [`parse`]) and render what it returns; what they use is re-exported here, and
//! the modules behind it are private to the crate but for the two boundaries, [`json`] (the CLI's
//! JSON contract) and [`export`] (the cleaned exports), and the page's private [`wire`].
//!
//! The modules form layers, each using only those below it (ARCHITECTURE.md; a test checks it):
//!
//! ```text
//! span, text → value, calc → model, diagnostic → parse → rules → review → json → export → wire
//! ```

mod calc;
mod count;
mod diagnostic;
pub mod export;
pub mod json;
mod model;
mod parse;
mod review;
mod rules;
mod span;
mod template;
mod text;
mod value;
#[cfg(feature = "wire")]
pub mod wire;

pub use diagnostic::{
    Applicability, Category, Counts, Diagnostic, Dimension, Fix, FixKind, Lang, Message, Related,
    RuleDoc, RuleInfo, Severity,
};
pub use model::{
    AmountUnit, Cell, Document, Field, FieldKey, Form, FormKind, Indicator, Level1, Level2, Task,
    Text,
};
pub use review::compare::{compare, Change, Finding, FormComparison};
#[cfg(feature = "wire")]
pub use review::file::{NotAReview, ReviewFile};
pub use review::grade::{grade, FormGrade, Grade, GradeOptions};
pub use review::{form_id, Assessment, Dispositions, FindingKey, GradeOverride, Status};
/// The documentation pages of the site (`site/rules/`): one per rule, the index, the grading
/// formula and the style sheet.
pub mod docs {
    pub use crate::review::site_files;
    pub use crate::rules::docs::{index_page, rule_page, CSS};
}
pub use rules::{
    all as rules, by_code as rule, check, parse, Checker, Facts, Options, Origin, Reuse,
    UnknownCode,
};
pub use span::{difference, utf16_offset, LineCol, LineIndex, Span};
pub use text::{excerpt, file_line, is_space, label_key, thousands, to_simplified, Cents};
pub use value::{expected_kind, parse_value, Expected, Op, ParsedValue, ValueKind};

/// The version of kpiform, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
