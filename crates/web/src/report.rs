//! What the page shows, computed once per check from the core's [`Document`].
//!
//! The core model is kept next to it (in [`crate::state::Analysis`]) for the structure view and
//! the exports; this module copies out what the overview and the problem list render on every
//! update, in plain comparable structs. Spans stay byte offsets into the checked text; they are
//! turned into UTF-16 offsets (what the text box counts) only when the user selects one, since
//! each conversion scans the text.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use kpiform_core::{
    excerpt, AmountUnit, Applicability, Category, Counts, Diagnostic, Document, FieldKey, FormKind,
    Message, Severity, Span,
};

/// Severities, most severe first.
pub const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Longest quote of the pasted text shown next to a problem, in characters.
const QUOTE_CHARS: usize = 60;

/// One row of the forms table.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    /// 1-based position in the paste.
    pub number: usize,
    /// Changes when anything shown in the row changes.
    pub key: u64,
    pub kind: FormKind,
    pub name: Option<String>,
    pub code: Option<String>,
    /// 申请单位 of a project form, 主管部门 of a department form.
    pub unit_name: Option<String>,
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
    /// The title line (what "go to the form" selects).
    pub title: Span,
    /// The file it came from, when several files were opened at once (`【文件：…】`).
    pub file: Option<String>,
    /// The suggested grade (财预〔2015〕88号), from the findings not dismissed.
    pub grade: kpiform_core::FormGrade,
    /// The grade that counts: the reviewer's, else the suggested one ([`FormRow::review`]).
    pub final_grade: kpiform_core::Grade,
    /// Why the reviewer set the grade, when they did.
    pub reason: Option<String>,
    pub status: kpiform_core::Status,
    /// The form as the reviewer's decisions name it ([`kpiform_core::form_id`]).
    pub id: String,
    /// The unit the desk groups it under ([`kpiform_core::export::unit_of`]).
    pub desk_unit: Option<String>,
}

impl FormRow {
    /// The row as the review stands: grade (suggested without the dismissed findings, or set by
    /// hand) and status; its key changes with them.
    pub fn review(&mut self, doc: &Document, text: &str, review: &kpiform_core::Dispositions) {
        let Some(form) = doc.forms.get(self.number - 1) else {
            return;
        };
        let a = review.assess(text, form);
        let changed = (a.grade, a.status, &a.reason, a.suggested.score.to_bits())
            != (
                self.final_grade,
                self.status,
                &self.reason,
                self.grade.score.to_bits(),
            );
        if changed {
            self.grade = a.suggested;
            self.final_grade = a.grade;
            self.reason = a.reason;
            self.status = a.status;
            self.key = form_key(self);
        }
    }
}

/// Another place a problem points to.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedRow {
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub label: Message,
    pub quote: String,
}

/// A proposed edit of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FixRow {
    pub title: Message,
    pub applicability: Applicability,
    pub span: Span,
    pub replacement: String,
    /// The text the fix replaces, quoted.
    pub original: String,
}

/// One problem.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagRow {
    /// Index in [`Report::diagnostics`].
    pub id: usize,
    /// Identity of the problem across checks: the same finding at the same line and column
    /// keeps its key while the text changes elsewhere (what the list keeps rendered, and what
    /// "the current problem" is). Unique within a report.
    pub key: u64,
    pub code: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub message: Message,
    pub line: usize,
    pub column: usize,
    /// The form (1-based) the finding is in; `None` for text outside any form.
    pub form: Option<usize>,
    /// The finding as the reviewer's decisions name it (form, rule, quoted text).
    pub finding: kpiform_core::FindingKey,
    pub span: Span,
    /// The text of the span, shortened.
    pub quote: String,
    pub related: Vec<RelatedRow>,
    pub fix: Option<FixRow>,
    /// A finding outside the forms of the core's document (one across forms, S001), shown
    /// with the form it points into.
    pub outside: bool,
}

/// A form of a check that is a form of the check before (the same text), moved: its place
/// there, by how many bytes, and whether its findings are those it had (from the worker's
/// [`Patch`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub from: usize,
    pub by: isize,
    pub same_findings: bool,
}

impl Kept {
    /// For each form of the document a patch makes, the form of the earlier one it is, unless
    /// it was read again.
    pub fn of(patch: &kpiform_core::wire::Patch) -> Vec<Option<Kept>> {
        use kpiform_core::wire::Part;
        let mut out = Vec::new();
        for part in &patch.forms {
            match *part {
                Part::Kept { from, count, by } => out.extend((from..from + count).map(|from| {
                    Some(Kept {
                        from,
                        by,
                        same_findings: true,
                    })
                })),
                Part::Refound { from, by, .. } => out.push(Some(Kept {
                    from,
                    by,
                    same_findings: false,
                })),
                Part::Read(_) => out.push(None),
            }
        }
        out
    }
}

/// The hasher of a set of hashes: a key is its own hash.
#[derive(Default)]
struct AsIs(u64);

impl Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Earlier rows that may be found again at one place, each with how far it moved.
type Spare = Vec<(isize, DiagRow)>;

/// Problems per category and severity (the overview chart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryCount {
    pub category: Category,
    pub counts: Counts,
}

/// Everything the overview and the problem list render for one check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The text is empty or only whitespace.
    pub blank: bool,
    pub forms: Vec<FormRow>,
    /// Grouped by form (text outside forms first), in reading order inside a group.
    pub diagnostics: Vec<DiagRow>,
    pub counts: Counts,
    pub categories: Vec<CategoryCount>,
    pub indicators: usize,
    pub applicable: usize,
    pub chars: usize,
    pub lines: usize,
    pub budget_year: Option<u16>,
}

impl Report {
    pub fn from_document(doc: &Document, text: &str) -> Report {
        Report::make(doc, text, text.chars().count(), None)
    }

    /// The report of `doc` made from `earlier`, the report of the check before: the rows of
    /// the forms `kept` names (one entry per form of `doc`) moved over, the others made anew.
    /// The same as [`Report::from_document`], in a fraction of the time when an edit changed a
    /// few forms of thousands (the rows kept are not copied).
    /// `earlier_text`: the text `earlier` is of, and where `text` differs from it
    /// ([`kpiform_core::difference`]).
    pub fn update(
        earlier: Report,
        (earlier_text, changed): (&str, (usize, usize, usize)),
        kept: &[Option<Kept>],
        doc: &Document,
        text: &str,
    ) -> Report {
        // Characters counted where the texts differ only (a character is a byte that does not
        // continue one: the bytes the texts share count the same in both).
        let (start, old_end, new_end) = changed;
        let starts = |s: &[u8]| s.iter().filter(|&&b| (b as i8) >= -0x40).count();
        let chars = earlier.chars - starts(&earlier_text.as_bytes()[start..old_end])
            + starts(&text.as_bytes()[start..new_end]);
        Report::make(doc, text, chars, Some((earlier, kept)))
    }

    /// The report of `doc` (`chars` characters), from the earlier one where it can.
    fn make(
        doc: &Document,
        text: &str,
        chars: usize,
        reuse: Option<(Report, &[Option<Kept>])>,
    ) -> Report {
        let (old_forms, old_rows, kept) = match reuse {
            Some((r, kept)) => (r.forms, r.diagnostics, kept),
            None => (Vec::new(), Vec::new(), &[][..]),
        };
        // The earlier forms that are forms of this check, by their place there: their place
        // here and how they moved.
        let mut now_of: Vec<Option<(usize, Kept)>> = vec![None; old_forms.len()];
        for (i, k) in kept.iter().take(doc.forms.len()).enumerate() {
            if let Some(k) = *k {
                if let Some(slot @ None) = now_of.get_mut(k.from) {
                    *slot = Some((i, k));
                }
            }
        }
        let mut old_forms: Vec<Option<FormRow>> = old_forms.into_iter().map(Some).collect();
        // The earlier rows: those of a form with the same findings move over whole; those of a
        // finding that may be found again (in a form still here, the findings across forms) wait
        // for it, by rule and place in this text.
        let mut own: Vec<Option<(Kept, FormRow, Vec<DiagRow>)>> =
            (0..doc.forms.len()).map(|_| None).collect();
        for (from, now) in now_of.iter().enumerate() {
            if let Some((i, k)) = *now {
                if let Some(row) = old_forms[from].take().filter(|_| k.same_findings) {
                    own[i] = Some((k, row, Vec::new()));
                }
            }
        }
        let mut spare: HashMap<(&'static str, usize, usize), Spare> = HashMap::new();
        for r in old_rows {
            let Some((i, k)) = r.form.and_then(|n| *now_of.get(n - 1)?) else {
                continue;
            };
            match &mut own[i] {
                Some((_, _, rows)) if !r.outside => rows.push(r),
                _ => {
                    let span = r.span.shift(k.by);
                    spare
                        .entry((r.code, span.start, span.end))
                        .or_default()
                        .push((k.by, r));
                }
            }
        }
        let mut report = Report {
            blank: text.trim().is_empty(),
            chars,
            lines: if text.is_empty() {
                0
            } else {
                doc.lines.line_count()
            },
            budget_year: doc.budget_year,
            ..Report::default()
        };
        if report.blank {
            return report;
        }

        // Findings of the whole paste (across forms) belong to the form they point into.
        // (The forms are in the order of the text and do not overlap.)
        let form_of = |span: Span| {
            let i = doc
                .forms
                .partition_point(|f| f.span.start <= span.start)
                .checked_sub(1)?;
            let f = &doc.forms[i];
            (span.start < f.span.end.max(f.span.start + 1)).then_some(i + 1)
        };
        // The row of finding `d` of form `form`: an earlier one found again, when there is one
        // for the same finding in the same text, else made.
        let mut row_of = |d: &Diagnostic, form: Option<usize>| {
            let within = form
                .and_then(|n| doc.forms.get(n - 1))
                .is_some_and(|f| f.span.start <= d.span.start && d.span.end <= f.span.end);
            let again = within
                .then(|| spare.get_mut(&(d.rule.code, d.span.start, d.span.end)))
                .flatten()
                .and_then(|earlier| {
                    let at = earlier.iter().position(|(by, r)| r.is_of(d, *by))?;
                    Some(earlier.swap_remove(at))
                });
            match again {
                Some((by, r)) => r.found_again(doc, text, by, form),
                None => diag_row(doc, text, d, form),
            }
        };
        // The findings outside the forms' own, by the form they point into (0: none).
        let mut outside: Vec<Vec<(DiagRow, bool)>> =
            (0..=doc.forms.len()).map(|_| Vec::new()).collect();
        for d in &doc.diagnostics {
            let form = form_of(d.span);
            let mut row = row_of(d, form);
            row.outside = true;
            outside[form.unwrap_or(0)].push((row, false));
        }
        // The rows: outside forms first, then form by form, each group in reading order (a
        // stable sort: findings at one place keep the core's order, those across forms first);
        // each row with its place in the list and a key no other row has.
        let mut rows: Vec<DiagRow> = Vec::with_capacity(doc.all_diagnostics().count());
        // (The keys are hashes already: the set takes them as they are.)
        let mut seen: HashSet<u64, BuildHasherDefault<AsIs>> =
            HashSet::with_capacity_and_hasher(rows.capacity(), Default::default());
        let mut add = |rows: &mut Vec<DiagRow>, mut row: DiagRow, same_key: bool| {
            row.id = rows.len();
            let mut key = if same_key { row.key } else { row_key(&row) };
            while !seen.insert(key) {
                key = key.wrapping_add(0x9E37_79B9_7F4A_7C15);
            }
            row.key = key;
            rows.push(row);
        };
        let mut add_group = |rows: &mut Vec<DiagRow>, mut group: Vec<(DiagRow, bool)>| {
            if !group.is_sorted_by_key(|(d, _)| d.span.start) {
                group.sort_by_key(|(d, _)| d.span.start);
            }
            for (row, same_key) in group {
                add(rows, row, same_key);
            }
        };
        add_group(&mut rows, std::mem::take(&mut outside[0]));
        let mut form_rows: Vec<Option<FormRow>> = Vec::with_capacity(doc.forms.len());
        for (i, form) in doc.forms.iter().enumerate() {
            let mut group = std::mem::take(&mut outside[i + 1]);
            match own[i].take() {
                Some((k, row, earlier)) => {
                    // A row keeps its key when what the key is made of (rule, message, line,
                    // column, form number, quotes, fix) is as it was: for a kept form that moved
                    // by no line and kept its number (a one-line edit moves every form after it
                    // by bytes only).
                    let lines = doc.lines.line(form.span.start) as isize - row.line as isize;
                    let same_key = lines == 0 && k.from == i;
                    form_rows.push(Some(row));
                    let moved = earlier
                        .into_iter()
                        .map(|r| (r.moved(doc, text, k.by, lines, i + 1), same_key));
                    group.extend(moved);
                }
                None => {
                    form_rows.push(None);
                    let made = form
                        .diagnostics
                        .iter()
                        .map(|d| (row_of(d, Some(i + 1)), false));
                    group.extend(made);
                }
            }
            add_group(&mut rows, group);
        }

        // The rows are grouped by form, in form order: each form's are the next run.
        let mut rest = &rows[rows.partition_point(|d| d.form.is_none())..];
        for (i, form) in doc.forms.iter().enumerate() {
            let number = i + 1;
            let mut counts = Counts::default();
            let mut codes: Vec<&'static str> = Vec::new();
            let n = rest.partition_point(|d| d.form <= Some(number));
            for d in rest[..n].iter().filter(|d| d.form == Some(number)) {
                counts.add(d.severity);
                codes.push(d.code);
            }
            rest = &rest[n..];
            codes.sort_unstable();
            codes.dedup();
            // A kept form's row as it was (its values, its grade), else made from the form;
            // then what depends on its place and on the rows.
            let mut row = form_rows[i].take().unwrap_or_else(|| form_row(form));
            report.indicators += row.indicators;
            report.applicable += row.applicable;
            row.number = number;
            // Select the title line only: selecting a whole form would scroll to its end.
            row.title = if form.title.span.is_empty() {
                Span::new(form.span.start, form.span.start)
            } else {
                form.title.span
            };
            row.line = doc.lines.line(form.span.start);
            row.file = doc.file_at(form.span.start).map(|f| f.text.clone());
            row.counts = counts;
            row.codes = codes;
            row.key = form_key(&row);
            report.forms.push(row);
        }

        let mut by_category = [Counts::default(); Category::ALL.len()];
        for d in &rows {
            report.counts.add(d.severity);
            if let Some(i) = Category::ALL.iter().position(|&c| c == d.category) {
                by_category[i].add(d.severity);
            }
        }
        report.categories = Category::ALL
            .iter()
            .zip(by_category)
            .map(|(&category, counts)| CategoryCount { category, counts })
            .collect();
        report.diagnostics = rows;
        report
    }

    /// The row of form `number` (1-based).
    pub fn form(&self, number: usize) -> Option<&FormRow> {
        number.checked_sub(1).and_then(|i| self.forms.get(i))
    }

    /// The problem with key `key` ([`DiagRow::key`]).
    pub fn diagnostic(&self, key: u64) -> Option<&DiagRow> {
        self.diagnostics.iter().find(|d| d.key == key)
    }
}

/// The row of a form, but what depends on its place and on the report's rows (number, title,
/// line, file, counts, codes, key: set by [`Report::make`]).
fn form_row(form: &kpiform_core::Form) -> FormRow {
    let unit_key = match form.kind {
        FormKind::Project => FieldKey::Applicant,
        FormKind::Department => FieldKey::Authority,
    };
    let grade = kpiform_core::grade(form, &Default::default());
    FormRow {
        number: 0,
        key: 0,
        kind: form.kind,
        name: form.text(FieldKey::Name).map(str::to_string),
        code: form.text(FieldKey::Code).map(str::to_string),
        unit_name: form.text(unit_key).map(str::to_string),
        unit: form.amount_unit,
        total: form.amount(FieldKey::TotalAmount),
        year: form.amount(FieldKey::YearAmount),
        indicators: form.indicators.len(),
        applicable: form.applicable_indicators().count(),
        counts: Counts::default(),
        codes: Vec::new(),
        line: 0,
        title: Span::default(),
        file: None,
        final_grade: grade.grade,
        grade,
        reason: None,
        status: kpiform_core::Status::NotStarted,
        id: kpiform_core::form_id(form),
        desk_unit: kpiform_core::export::unit_of(form),
    }
}

/// The key of a problem: everything the list shows of it, but not its byte offsets.
fn row_key(d: &DiagRow) -> u64 {
    let mut h = DefaultHasher::new();
    (
        d.code,
        d.severity,
        &d.message.zh,
        &d.message.en,
        d.line,
        d.column,
    )
        .hash(&mut h);
    (d.form, &d.quote).hash(&mut h);
    for r in &d.related {
        (r.line, r.column, &r.label.zh, &r.quote).hash(&mut h);
    }
    if let Some(f) = &d.fix {
        (&f.title.zh, &f.title.en, &f.replacement, &f.original).hash(&mut h);
    }
    h.finish()
}

/// The key of a forms-table row: everything it shows.
fn form_key(f: &FormRow) -> u64 {
    let mut h = DefaultHasher::new();
    (f.number, f.kind.as_str(), &f.name, &f.code, &f.unit_name).hash(&mut h);
    (
        f.unit.map(|u| u.as_str()),
        f.total.map(f64::to_bits),
        f.year.map(f64::to_bits),
    )
        .hash(&mut h);
    (
        f.indicators,
        f.applicable,
        f.counts.error,
        f.counts.warning,
        f.counts.info,
    )
        .hash(&mut h);
    (&f.codes, f.line, &f.file).hash(&mut h);
    (f.grade.grade, f.grade.score.to_bits()).hash(&mut h);
    (f.final_grade, f.status, &f.reason).hash(&mut h);
    h.finish()
}

fn quote(text: &str, span: Span) -> String {
    shorten(span.text(text))
}

/// A quote of the text as the page shows it: at most [`QUOTE_CHARS`] characters.
pub fn shorten(s: &str) -> String {
    excerpt(s, QUOTE_CHARS)
}

fn diag_row(doc: &Document, text: &str, d: &Diagnostic, form: Option<usize>) -> DiagRow {
    let lc = doc.lines.line_col(text, d.span.start);
    DiagRow {
        id: 0,
        key: 0,
        code: d.rule.code,
        severity: d.severity,
        category: d.rule.category,
        message: d.message.clone(),
        line: lc.line,
        column: lc.column,
        form,
        finding: kpiform_core::FindingKey::of(
            text,
            form.and_then(|n| doc.forms.get(n.wrapping_sub(1))),
            d,
        ),
        span: d.span,
        quote: quote(text, d.span),
        related: d
            .related
            .iter()
            .map(|r| {
                let lc = doc.lines.line_col(text, r.span.start);
                RelatedRow {
                    span: r.span,
                    line: lc.line,
                    column: lc.column,
                    label: r.label.clone(),
                    quote: quote(text, r.span),
                }
            })
            .collect(),
        fix: d.fix.as_ref().map(|f| FixRow {
            title: f.title.clone(),
            applicability: f.applicability,
            span: f.span,
            replacement: f.replacement.clone(),
            original: quote(text, f.span),
        }),
        outside: false,
    }
}

impl DiagRow {
    /// This row is of finding `d`, its spans moved `by` bytes (what the row shows but its
    /// lines and quotes).
    fn is_of(&self, d: &Diagnostic, by: isize) -> bool {
        self.code == d.rule.code
            && self.severity == d.severity
            && self.span.shift(by) == d.span
            && self.message == d.message
            && self.related.len() == d.related.len()
            && self
                .related
                .iter()
                .zip(&d.related)
                .all(|(r, n)| r.span.shift(by) == n.span && r.label == n.label)
            && match (&self.fix, &d.fix) {
                (None, None) => true,
                (Some(a), Some(b)) => {
                    a.span.shift(by) == b.span
                        && a.replacement == b.replacement
                        && a.title == b.title
                        && a.applicability == b.applicability
                }
                _ => false,
            }
    }

    /// This row ([`DiagRow::is_of`] a finding of this check in the same text of form `form`),
    /// moved `by` bytes: its places found again, the quotes of other places quoted again.
    fn found_again(
        mut self,
        doc: &Document,
        text: &str,
        by: isize,
        form: Option<usize>,
    ) -> DiagRow {
        self.shift(doc, text, by, form);
        // (A row outside the forms' own is marked so by the caller.)
        self.outside = false;
        let lc = doc.lines.line_col(text, self.span.start);
        (self.line, self.column) = (lc.line, lc.column);
        for r in &mut self.related {
            r.quote = quote(text, r.span);
        }
        if let Some(f) = &mut self.fix {
            f.original = quote(text, f.span);
        }
        self
    }

    /// This row of a form that moved `by` bytes and `lines` lines, now form `form`.
    fn moved(
        mut self,
        doc: &Document,
        text: &str,
        by: isize,
        lines: isize,
        form: usize,
    ) -> DiagRow {
        self.shift(doc, text, by, Some(form));
        self.line = (self.line as isize + lines) as usize;
        self
    }

    /// Its places moved `by` bytes, now in form `form`; the other places' lines and columns
    /// found again (a finding has few such places).
    fn shift(&mut self, doc: &Document, text: &str, by: isize, form: Option<usize>) {
        self.form = form;
        self.span = self.span.shift(by);
        for r in &mut self.related {
            r.span = r.span.shift(by);
            let lc = doc.lines.line_col(text, r.span.start);
            (r.line, r.column) = (lc.line, lc.column);
        }
        if let Some(f) = &mut self.fix {
            f.span = f.span.shift(by);
        }
    }
}

/// An amount for display: thousands separators, no decimals for whole numbers, else two.
pub fn format_amount(value: f64) -> String {
    kpiform_core::thousands(value, kpiform_core::Cents::IfAny)
}

/// A plain number for display (indicator values): up to four decimals, no trailing zeros, no
/// thousands separators below 10,000.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::from("—");
    }
    if value.abs() >= 10_000.0 {
        return format_amount(value);
    }
    let s = format!("{value:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        String::from("0")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        let doc = kpiform_core::check(text, &kpiform_core::Options::default());
        Report::from_document(&doc, text)
    }

    /// The report of a check the worker answered with a patch, made from the report before,
    /// is the report made anew: for edits that move the forms after them by bytes and by lines,
    /// change a form's findings, add a form and remove one, and change the findings across
    /// forms (F002).
    #[test]
    fn a_report_updated_from_a_patch_is_the_report_made_anew() {
        use kpiform_core::wire::Patch;
        let mut text = [kpiform_testkit::corpus_all(), kpiform_testkit::corpus_all()].join("\n");
        let mut checker = kpiform_core::Checker::default();
        let mut doc = checker.check(&text).0.clone();
        let mut report = Report::from_document(&doc, &text);
        fn middle(t: &str, find: &str) -> usize {
            let half = (t.len() / 2..).find(|&i| t.is_char_boundary(i)).unwrap();
            t[half..].find(find).unwrap() + half
        }
        type Edit = Box<dyn Fn(&str) -> String>;
        let edits: Vec<Edit> = vec![
            // One byte more in an indicator value: the forms after it move.
            Box::new(|t| {
                let at = middle(t, "≥");
                format!("{}9{}", &t[..at], &t[at..])
            }),
            // Two lines more: the forms after it move by lines.
            Box::new(|t| {
                let at = middle(t, "\n") + 1;
                format!("{}\n说明\n{}", &t[..at], &t[at..])
            }),
            // A value emptied: that form's findings change.
            Box::new(|t| {
                let at = middle(t, "\t100%\t");
                format!("{}\t\t{}", &t[..at], &t[at + "\t100%\t".len()..])
            }),
            // A new form in the middle.
            Box::new(|t| {
                let at = middle(t, "\n二级项目支出绩效目标申报表") + 1;
                let one = kpiform_testkit::corpus("000").text;
                let first = one.find("二级项目").unwrap();
                let next = one[first + 3..].find("二级项目").unwrap() + first + 3;
                let form = &one[first..next];
                format!("{}{form}\n{}", &t[..at], &t[at..])
            }),
            // A project code one digit longer: the code-length findings (F002) change.
            Box::new(|t| {
                let at = middle(t, "项目编码:\t") + "项目编码:\t".len();
                format!("{}1{}", &t[..at], &t[at..])
            }),
            // A form's title taken out: it joins the form before.
            Box::new(|t| {
                let at = middle(t, "二级项目支出绩效目标申报表");
                format!(
                    "{}{}",
                    &t[..at],
                    &t[at + "二级项目支出绩效目标申报表".len()..]
                )
            }),
        ];
        for (n, edit) in edits.iter().enumerate() {
            let edited = edit(&text);
            let earlier_text = std::mem::replace(&mut text, edited);
            checker.check(&text);
            let patch = Patch::of(&checker);
            let kept = Kept::of(&patch);
            assert!(kept.iter().flatten().count() > 50, "edit {n}");
            doc = patch.apply(doc, &text).unwrap();
            assert_eq!(kept.len(), doc.forms.len(), "edit {n}");
            let changed = kpiform_core::difference(&earlier_text, &text);
            let updated = Report::update(report, (&earlier_text, changed), &kept, &doc, &text);
            let anew = Report::from_document(&doc, &text);
            assert_eq!(updated.forms, anew.forms, "edit {n}");
            assert_eq!(
                updated.diagnostics.len(),
                anew.diagnostics.len(),
                "edit {n}"
            );
            for (a, b) in updated.diagnostics.iter().zip(&anew.diagnostics) {
                assert_eq!(a, b, "edit {n}");
            }
            assert_eq!(updated, anew, "edit {n}");
            report = updated;
        }
    }

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
        assert_eq!(format_number(5.0), "5");
        assert_eq!(format_number(0.95), "0.95");
        assert_eq!(format_number(12345.0), "12,345");
        assert_eq!(format_number(-0.0), "0");
    }

    #[test]
    fn blank_and_garbage() {
        assert!(report("  \n\t").blank);
        let r = report("<img src=x onerror=alert(1)>");
        assert!(!r.blank);
        assert!(r.forms.is_empty());
        assert!(r.diagnostics.iter().all(|d| d.form.is_none()));
        assert_eq!(r.chars, 28);
        assert_eq!(r.lines, 1);
    }

    #[test]
    fn corpus_000() {
        let text = kpiform_testkit::TEXTS[0];
        let r = report(text);
        assert_eq!(r.forms.len(), 11);
        let first = &r.forms[0];
        assert_eq!(first.code.as_deref(), Some("44030422146150000007"));
        assert_eq!(first.name.as_deref(), Some("一般管理事务"));
        assert_eq!(first.unit, Some(AmountUnit::WanYuan));
        assert_eq!(first.line, 3);
        assert!(first.title.text(text).contains("绩效目标申报表"));
        // Every diagnostic is counted once, in its group, and ids are positions.
        assert_eq!(r.counts.total(), r.diagnostics.len());
        assert!(r.diagnostics.iter().enumerate().all(|(i, d)| d.id == i));
        let keys: HashSet<u64> = r.diagnostics.iter().map(|d| d.key).collect();
        assert_eq!(keys.len(), r.diagnostics.len());
        // Typing on the last line changes no key of an earlier problem.
        let more = format!("{text}x");
        let r2 = report(&more);
        let same = r2
            .diagnostics
            .iter()
            .filter(|d| keys.contains(&d.key))
            .count();
        assert!(
            same + 2 >= r.diagnostics.len(),
            "{same} of {}",
            r.diagnostics.len()
        );
        let per_form: usize = r.forms.iter().map(|f| f.counts.total()).sum();
        let outside = r.diagnostics.iter().filter(|d| d.form.is_none()).count();
        assert_eq!(per_form + outside, r.diagnostics.len());
        let by_category: usize = r.categories.iter().map(|c| c.counts.total()).sum();
        assert_eq!(by_category, r.diagnostics.len());
        // Groups are in form order.
        let forms: Vec<usize> = r.diagnostics.iter().map(|d| d.form.unwrap_or(0)).collect();
        assert!(forms.windows(2).all(|w| w[0] <= w[1]));
        // Fixes quote what they replace.
        let fix = r
            .diagnostics
            .iter()
            .find_map(|d| d.fix.as_ref())
            .expect("a fix");
        assert_eq!(fix.original, fix.span.text(text));
    }
}
