//! Diagnostics: what a rule found, where, how bad, and how it might be fixed; and what a rule
//! is ([`RuleInfo`]: code, name, severity, category, fix kind, documentation), which every
//! diagnostic points to. The rules themselves (their checks) live in `rules/`, above.

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
    /// Move its spans (its own, the related places', the fix's) by `by` bytes.
    pub fn shift(&mut self, by: isize) {
        self.span = self.span.shift(by);
        for r in &mut self.related {
            r.span = r.span.shift(by);
        }
        if let Some(fix) = &mut self.fix {
            fix.span = fix.span.shift(by);
        }
    }

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

    /// Offer a fix: replace the text of `span` by `replacement`. Its applicability is the one
    /// its rule declares (a rule declares its fix kind once, in its [`RuleInfo`]).
    pub fn with_fix(mut self, title: Message, span: Span, replacement: impl Into<String>) -> Self {
        let applicability = match self.rule.fix {
            FixKind::Safe => Applicability::Safe,
            FixKind::Suggest => Applicability::Suggest,
            FixKind::None => {
                debug_assert!(false, "{} declares no fix but offers one", self.rule.code);
                Applicability::Suggest
            }
        };
        self.fix = Some(Fix {
            applicability,
            title,
            span,
            replacement: replacement.into(),
        });
        self
    }
}

/// Diagnostics per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    /// The counts of some diagnostics.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diagnostics {
            c.add(d.severity);
        }
        c
    }

    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
    }
}

/// The four things 财预〔2015〕88号 has a reviewer judge a target form by (审核内容); each rule
/// bears on one, and the grade of a form scores each (`review::grade`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Dimension {
    /// 完整性: the content is complete, clear and correctly written (fields, tables, codes).
    Completeness,
    /// 相关性: the goals fit the project, and each has related indicators, specific and
    /// measurable (细化、量化).
    Relevance,
    /// 适当性: the size of the funds fits the targets; the targets are neither too high nor too
    /// low for them.
    Appropriateness,
    /// 可行性: the targets are argued and computed soundly (测算依据, 政策依据) and can be met.
    Feasibility,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Completeness,
        Dimension::Relevance,
        Dimension::Appropriateness,
        Dimension::Feasibility,
    ];

    /// The key in JSON and settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Completeness => "completeness",
            Dimension::Relevance => "relevance",
            Dimension::Appropriateness => "appropriateness",
            Dimension::Feasibility => "feasibility",
        }
    }

    pub fn name(self) -> Message {
        match self {
            Dimension::Completeness => Message::new("完整性", "completeness"),
            Dimension::Relevance => Message::new("相关性", "relevance"),
            Dimension::Appropriateness => Message::new("适当性", "appropriateness"),
            Dimension::Feasibility => Message::new("可行性", "feasibility"),
        }
    }
}

/// The families of rules, by the first letter of their code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
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

    /// The category of a rule code, by its first letter (`A005` → amounts).
    pub fn of_code(code: &str) -> Option<Category> {
        let i = "SFAIVTX".find(code.get(..1)?)?;
        Some(Category::ALL[i])
    }

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
///
/// The examples run: a test checks each bad example fires its rule and each good one does not
/// (see `rules::examples` for how a fragment of a form is checked).
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

/// What a rule is: its stable code, kebab-case name, default severity, family, fix kind,
/// titles and documentation. Every [`Diagnostic`] points to its rule's.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    /// What of the form the rule judges, in the terms of 财预〔2015〕88号 (the grade's scores).
    pub dimension: Dimension,
    pub fix: FixKind,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub doc: RuleDoc,
}
