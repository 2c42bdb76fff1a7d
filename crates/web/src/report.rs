//! What the page shows, computed once per paste from the core's [`Document`].
//!
//! The core model borrows nothing and is not meant to be kept in signals (no `PartialEq`), so
//! the page copies out the few values it renders into plain, comparable structs.

use kpiform_core::model::AmountUnit;
use kpiform_core::span::utf16_offset;
use kpiform_core::{Diagnostic, Document, FieldKey, FormKind, Message, Severity};

/// Diagnostics per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
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

/// One row of the forms table.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    /// 1-based position in the paste.
    pub number: usize,
    pub kind: FormKind,
    pub name: Option<String>,
    pub code: Option<String>,
    pub unit: Option<AmountUnit>,
    pub total: Option<f64>,
    pub year: Option<f64>,
    pub indicators: usize,
    pub applicable: usize,
    pub counts: Counts,
    /// Rule codes of the form's diagnostics, sorted, without repeats (for tests and tooltips).
    pub codes: Vec<&'static str>,
    /// First line of the form.
    pub line: usize,
    /// Where the form starts, in UTF-16 units (for selecting it in the textarea).
    pub select: (u32, u32),
}

/// One row of the problem list.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagRow {
    pub code: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub line: usize,
    pub column: usize,
    /// The form (1-based) the finding belongs to; `None` for text outside any form.
    pub form: Option<usize>,
    /// The span in UTF-16 units, for `setSelectionRange`.
    pub select: (u32, u32),
}

/// Everything the page renders for one paste.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The paste is empty or only whitespace.
    pub blank: bool,
    pub forms: Vec<FormRow>,
    pub diagnostics: Vec<DiagRow>,
    pub counts: Counts,
    pub indicators: usize,
    pub applicable: usize,
}

impl Report {
    /// Check `text` (parse and every rule) and keep what the page shows.
    pub fn build(text: &str) -> Report {
        if text.trim().is_empty() {
            return Report {
                blank: true,
                ..Report::default()
            };
        }
        let doc = kpiform_core::check(text, &kpiform_core::Options::default());
        Report::from_document(&doc, text)
    }

    pub fn from_document(doc: &Document, text: &str) -> Report {
        let select = |start: usize, end: usize| -> (u32, u32) {
            let a = utf16_offset(text, start) as u32;
            let b = utf16_offset(text, end.max(start)) as u32;
            (a, b)
        };
        let diag_row = |d: &Diagnostic, form: Option<usize>| {
            let lc = doc.lines.line_col(text, d.span.start);
            DiagRow {
                code: d.rule.code,
                severity: d.severity,
                message: d.message.clone(),
                line: lc.line,
                column: lc.column,
                form,
                select: select(d.span.start, d.span.end),
            }
        };

        let mut report = Report::default();
        report
            .diagnostics
            .extend(doc.diagnostics.iter().map(|d| diag_row(d, None)));
        for (i, form) in doc.forms.iter().enumerate() {
            let number = i + 1;
            let mut counts = Counts::default();
            let mut codes: Vec<&'static str> = Vec::new();
            for d in &form.diagnostics {
                counts.add(d.severity);
                codes.push(d.rule.code);
                report.diagnostics.push(diag_row(d, Some(number)));
            }
            codes.sort_unstable();
            codes.dedup();
            let applicable = form.applicable_indicators().count();
            report.indicators += form.indicators.len();
            report.applicable += applicable;
            // Select the title line only: selecting a whole form would scroll to its end.
            let title = if form.title.span.is_empty() {
                form.span
            } else {
                form.title.span
            };
            report.forms.push(FormRow {
                number,
                kind: form.kind,
                name: form.text(FieldKey::Name).map(str::to_string),
                code: form.text(FieldKey::Code).map(str::to_string),
                unit: form.amount_unit,
                total: form.amount(FieldKey::TotalAmount),
                year: form.amount(FieldKey::YearAmount),
                indicators: form.indicators.len(),
                applicable,
                counts,
                codes,
                line: doc.lines.line(form.span.start),
                select: select(title.start, title.end),
            });
        }
        for d in &report.diagnostics {
            report.counts.add(d.severity);
        }
        // In reading order; the sort is stable, so findings at one place keep the core's order.
        report.diagnostics.sort_by_key(|d| (d.line, d.column));
        report
    }
}

/// An amount for display: thousands separators, no decimals for whole numbers, else two.
pub fn format_amount(value: f64) -> String {
    if !value.is_finite() {
        return String::from("—");
    }
    // Integer arithmetic on cents (saturates far beyond any budget); avoids float formatting.
    let cents = (value.abs() * 100.0).round() as u64;
    let digits = (cents / 100).to_string();
    let frac = cents % 100;
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if value < 0.0 && cents > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        out.push(char::from(b'0' + (frac % 10) as u8));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(format_amount(0.0), "0");
        assert_eq!(format_amount(999.0), "999");
        assert_eq!(format_amount(7944900.0), "7,944,900");
        assert_eq!(format_amount(7696136.7), "7,696,136.70");
        assert_eq!(format_amount(3293.33), "3,293.33");
        assert_eq!(format_amount(1000.005), "1,000.01");
        assert_eq!(format_amount(-1234.5), "-1,234.50");
        assert_eq!(format_amount(110010426.1), "110,010,426.10");
    }

    #[test]
    fn blank_and_garbage() {
        assert!(Report::build("  \n\t").blank);
        let r = Report::build("<img src=x onerror=alert(1)>");
        assert!(!r.blank);
        assert!(r.forms.is_empty());
        assert!(r.diagnostics.iter().all(|d| d.form.is_none()));
    }

    #[test]
    fn corpus_000() {
        let text = include_str!("../../../tests/fixtures/corpus/000_9a8050d2e31200e0.txt");
        let r = Report::build(text);
        assert_eq!(r.forms.len(), 11);
        let first = &r.forms[0];
        assert_eq!(first.code.as_deref(), Some("44030422146150000007"));
        assert_eq!(first.name.as_deref(), Some("一般管理事务"));
        assert_eq!(first.unit, Some(AmountUnit::WanYuan));
        assert_eq!(first.line, 3);
        // The selection covers the title line.
        let (a, b) = first.select;
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let title = String::from_utf16_lossy(&utf16[a as usize..b as usize]);
        assert!(title.contains("绩效目标申报表"), "{title}");
    }
}
