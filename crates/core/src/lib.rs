//! kpiform-core: parse, model, rules, normalize and export 绩效目标申报表 (budget
//! performance-target declaration forms).
//!
//! Pure Rust: no IO, no browser, no terminal. The page, the JavaScript API and the CLI call
//! [`parse`] and render what it returns.

pub mod calc;
pub mod diagnostic;
pub mod export;
pub mod json;
pub mod model;
pub mod parse;
pub mod rules;
pub mod span;
pub mod text;
pub mod value;
#[cfg(feature = "wire")]
pub mod wire;

pub use diagnostic::{Diagnostic, Lang, Message, Severity};
pub use model::{Document, FieldKey, Form, FormKind, Indicator};
pub use parse::parse;
pub use rules::{check, Options};
pub use span::{LineIndex, Span};

/// The version of kpiform, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
