//! Diagnostics: what a rule found, where, how bad, and how it might be fixed.

use crate::rules::RuleInfo;
use crate::span::Span;

/// How serious a finding is. Ordered from most to least severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label(self) -> Message {
        match self {
            Severity::Error => Message::new("错误", "error"),
            Severity::Warning => Message::new("警告", "warning"),
            Severity::Info => Message::new("提示", "info"),
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A user-facing text in Chinese (primary) and English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The two languages of every user-facing string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Whether a fix only changes representation (safe, applied by the cleaned export) or changes
/// meaning (suggested, applied only when the user accepts it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Applicability {
    Safe,
    Suggest,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Suggest => "suggest",
        }
    }
}

/// A proposed edit: replace the text of `span` by `replacement`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Fix {
    pub applicability: Applicability,
    pub title: Message,
    pub span: Span,
    pub replacement: String,
}

/// Another place that explains a diagnostic (the other side of a mismatch).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Related {
    pub span: Span,
    pub label: Message,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Diagnostic {
    #[cfg_attr(feature = "wire", serde(with = "crate::wire::rule"))]
    pub rule: &'static RuleInfo,
    pub severity: Severity,
    pub message: Message,
    /// The exact text the finding is about.
    pub span: Span,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at its default severity.
    pub fn new(rule: &'static RuleInfo, span: Span, message: Message) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message,
            span,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    pub fn with_related(mut self, span: Span, label: Message) -> Self {
        self.related.push(Related { span, label });
        self
    }
}

/// A short quote of pasted text for messages: whitespace folded, at most `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut last_space = true;
    for c in text.chars() {
        let c = if crate::text::is_space(c) { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        if count == max {
            out.push('…');
            return out.trim_end().to_string();
        }
        out.push(c);
        count += 1;
    }
    out.trim_end().to_string()
}
