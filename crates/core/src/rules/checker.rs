//! The checker, and the checker that remembers: [`Checker`] checks a paste and keeps what it
//! found per segment (a form's lines from its title to the next, [`crate::parse::Segment`]), so
//! that the next check of an edited text reads again only the segments the edit changed and
//! runs the form rules on their forms only; the paste rules (X…, F002) run on the whole set,
//! which is cheap. The result is always the full check's ([`check`](super::check) is this
//! checker with nothing remembered): a segment's read depends on its lines' text and its place
//! among the titles only, and a form's rules on the form, the text of its spans and the budget
//! year; when the budget year or the options change, everything is checked again.
//!
//! With the feature `parallel` (the CLI), the segments are read and their forms checked on all
//! cores.

use std::collections::HashMap;

use super::facts::{self, Ctx, PasteCtx};
use super::{apply_options, registry, report, Check, Facts, Options};
use crate::diagnostic::Diagnostic;
use crate::model::{Document, Form};
use crate::parse::{self, Piece, Segment, Title};
use crate::span::{LineIndex, Span};

/// A checker that remembers its last check: [`Checker::check`] an edited text again and only
/// what the edit touched is read again.
#[derive(Debug, Default)]
pub struct Checker {
    options: Options,
    /// The budget year the remembered forms were checked with.
    budget_year: Option<u16>,
    /// The text last checked.
    text: String,
    doc: Document,
    /// What each segment of the last check gave, in the order of the text.
    done: Vec<Done>,
    /// Where each form of the last check's document came from.
    origins: Vec<Origin>,
}

/// Where a form of a check came from: read again, or taken over from the check before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Read,
    Kept {
        /// Its index in the document of the check before.
        from: usize,
        /// How far its spans moved (bytes).
        by: isize,
        /// Its findings are those it had there (moved by `by`): no finding across forms
        /// (F002) was or is on it.
        same_findings: bool,
    },
}

/// One segment of the last check, what it read and what it gave.
#[derive(Debug)]
struct Done {
    /// Its text (whole lines) in the text last checked.
    span: Span,
    title: Option<Title>,
    last: bool,
    /// Its lines, relative to `span.start` (the cuts of flattened lines included).
    lines: Vec<(usize, usize)>,
    /// How many forms of the document it gave (they follow those of the segments before it).
    forms: usize,
    /// Its diagnostics outside forms (S001), as the options left them.
    outside: Vec<Diagnostic>,
}

/// Counts of one check: how much of the text was read again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reuse {
    /// Segments taken over from the last check.
    pub kept: usize,
    /// Segments read and checked again.
    pub read: usize,
}

impl Checker {
    pub fn new(options: Options) -> Checker {
        Checker {
            options,
            ..Checker::default()
        }
    }

    /// The document of the last check.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The text of the last check (empty when it remembers none).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where each form of the last check's document came from (empty for a check that
    /// remembers nothing).
    pub fn origins(&self) -> &[Origin] {
        &self.origins
    }

    pub fn into_document(self) -> Document {
        self.doc
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Check with other options: everything is checked again at the next check.
    pub fn set_options(&mut self, options: Options) {
        if options != self.options {
            self.options = options;
            self.forget();
        }
    }

    /// Forget the last check.
    pub fn forget(&mut self) {
        self.done.clear();
        self.origins.clear();
        self.doc = Document::default();
        self.text.clear();
    }

    /// Check `text`, reading again only the segments that differ from the last check's.
    pub fn check(&mut self, text: &str) -> (&Document, Reuse) {
        let reuse = self.run(text, true);
        (&self.doc, reuse)
    }

    /// Check `text` once: nothing remembered for a next check (no copy of the text).
    pub(crate) fn check_once(options: &Options, text: &str) -> Document {
        let mut checker = Checker {
            options: options.clone(),
            ..Checker::default()
        };
        checker.run(text, false);
        checker.doc
    }

    fn run(&mut self, text: &str, remember: bool) -> Reuse {
        let layout = parse::layout(text);
        let lines = &layout.lines;
        let spans: Vec<Span> = layout
            .segments
            .iter()
            .map(|s| s.span(text, lines))
            .collect();
        // What the last check gave, by segment: its forms (their paste findings taken out: they
        // are found again on the new set) and its place.
        let mut old_forms = std::mem::take(&mut self.doc.forms).into_iter();
        let mut first = 0;
        let mut old: Vec<Option<(Done, Vec<Form>, usize)>> = std::mem::take(&mut self.done)
            .into_iter()
            .map(|d| {
                let forms = old_forms.by_ref().take(d.forms).collect();
                let at = first;
                first += d.forms;
                Some((d, forms, at))
            })
            .collect();
        let mut by_text: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
        for (i, (d, _, _)) in old
            .iter()
            .enumerate()
            .filter_map(|(i, o)| Some((i, o.as_ref()?)))
        {
            by_text.entry(key(&self.text, d.span)).or_default().push(i);
        }
        // Each segment: the last check's, when it is the same segment (same text, same cuts,
        // same place among the titles), else read again.
        enum Slot {
            /// What the segment gave before, and where each of its forms came from.
            Kept(Done, Vec<Form>, Vec<Origin>),
            New,
        }
        let mut slots = Vec::with_capacity(layout.segments.len());
        let mut to_read = Vec::new();
        for (n, (segment, &span)) in layout.segments.iter().zip(&spans).enumerate() {
            let found = by_text.get_mut(&key(text, span)).and_then(|candidates| {
                let at = candidates.iter().position(|&i| {
                    old[i]
                        .as_ref()
                        .is_some_and(|(d, _, _)| same(&self.text, d, text, span, segment, lines))
                })?;
                old[candidates.remove(at)].take()
            });
            match found {
                Some((mut done, mut forms, from)) => {
                    let by = span.start as isize - done.span.start as isize;
                    let mut origins = Vec::with_capacity(forms.len());
                    for (k, f) in forms.iter_mut().enumerate() {
                        let before = f.diagnostics.len();
                        f.diagnostics.retain(|d| !is_paste(d));
                        origins.push(Origin::Kept {
                            from: from + k,
                            by,
                            same_findings: f.diagnostics.len() == before,
                        });
                    }
                    if by != 0 {
                        forms.iter_mut().for_each(|f| f.shift(by));
                        done.outside.iter_mut().for_each(|d| d.shift(by));
                        done.span = span;
                    }
                    slots.push(Slot::Kept(done, forms, origins));
                }
                None => {
                    slots.push(Slot::New);
                    to_read.push(n);
                }
            }
        }
        drop(old);
        let reuse = Reuse {
            kept: slots.len() - to_read.len(),
            read: to_read.len(),
        };
        let mut pieces = par_map(&to_read, |&n| {
            reported(text, parse::read(text, lines, &layout.segments[n]))
        })
        .into_iter();
        // The document, in the order of the segments; which forms are new.
        let mut doc = Document {
            forms: Vec::new(),
            diagnostics: Vec::new(),
            lines: LineIndex::default(),
            budget_year: None,
            files: layout.files,
        };
        let mut fresh = Vec::new();
        let mut done = Vec::with_capacity(slots.len());
        let mut origins = Vec::new();
        for (slot, (segment, &span)) in slots.into_iter().zip(layout.segments.iter().zip(&spans)) {
            let (d, forms) = match slot {
                Slot::Kept(d, forms, kept) => {
                    origins.extend(kept);
                    (d, forms)
                }
                Slot::New => {
                    let (forms, outside) = pieces.next().unwrap_or_default();
                    fresh.extend(doc.forms.len()..doc.forms.len() + forms.len());
                    origins.extend(forms.iter().map(|_| Origin::Read));
                    let lines = if remember {
                        lines[segment.lines.clone()]
                            .iter()
                            .map(|l| (l.span.start - span.start, l.span.end - span.start))
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let d = Done {
                        span,
                        title: segment.title,
                        last: segment.last,
                        lines,
                        forms: forms.len(),
                        outside,
                    };
                    (d, forms)
                }
            };
            doc.forms.extend(forms);
            done.push(d);
        }
        // The budget year: when it is not the one the kept forms were checked with, they are
        // all checked again.
        let budget_year = self
            .options
            .budget_year
            .or_else(|| facts::detect_budget_year(&doc));
        if budget_year != self.budget_year && reuse.kept > 0 {
            // Nothing is remembered now (the last check's segments were taken): all is read.
            self.budget_year = budget_year;
            return self.run(text, remember);
        }
        self.budget_year = budget_year;
        doc.budget_year = budget_year;
        // The form rules, on the new forms only.
        let options = &self.options;
        let found = par_map(&fresh, |&i| form_findings(text, &doc.forms[i], budget_year));
        for (&i, found) in fresh.iter().zip(found) {
            let form = &mut doc.forms[i];
            form.diagnostics.extend(found);
            apply_options(&mut form.diagnostics, options);
        }
        // The paste rules, on the whole set.
        let mut across = Vec::new();
        let ctx = PasteCtx { doc: &doc };
        for rule in registry() {
            if let Check::Paste(f) = rule.check {
                f(&ctx, &mut across);
            }
        }
        let mut outside: Vec<Diagnostic> = done.iter().flat_map(|d| d.outside.clone()).collect();
        let mut touched = Vec::new();
        for (form, d) in across {
            match form {
                Some(i) => {
                    doc.forms[i].diagnostics.push(d);
                    touched.push(i);
                }
                None => outside.push(d),
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for i in touched {
            apply_options(&mut doc.forms[i].diagnostics, options);
            if let Some(Origin::Kept { same_findings, .. }) = origins.get_mut(i) {
                *same_findings = false;
            }
        }
        apply_options(&mut outside, options);
        doc.diagnostics = outside;
        // The line index: the last check's mended where the texts differ (it is of `self.text`;
        // with no last check, both are empty and the index is made anew).
        let (start, old_end, new_end) = crate::span::difference(&self.text, text);
        doc.lines = self.doc.lines.edited(text, start, old_end, new_end);
        if remember {
            self.text.clear();
            self.text.push_str(text);
            self.done = done;
            self.origins = origins;
        }
        self.doc = doc;
        reuse
    }
}

/// A segment's forms with the findings of the parser's issues, and its findings outside forms
/// (the structure rules that word the issues: S001–S004, S006).
fn reported(text: &str, piece: Piece) -> (Vec<Form>, Vec<Diagnostic>) {
    let Piece {
        mut forms,
        issues,
        outside,
    } = piece;
    let mut found = Vec::new();
    for issue in outside.iter().chain(&issues) {
        report(text, issue, |d| match issue.form {
            Some(i) => forms[i].diagnostics.push(d),
            None => found.push(d),
        });
    }
    (forms, found)
}

/// The findings of the form rules on one form.
fn form_findings(text: &str, form: &Form, budget_year: Option<u16>) -> Vec<Diagnostic> {
    let facts = Facts::new(text, form, budget_year);
    let mentions = facts::mentions(text, form, &facts.values, budget_year);
    let ctx = Ctx {
        text,
        form,
        facts: &facts,
        mentions: &mentions,
    };
    let mut found = Vec::new();
    for rule in registry() {
        if let Check::Form(f) = rule.check {
            f(&ctx, &mut found);
        }
    }
    found
}

/// A finding of a rule across the forms of a paste (found again on every check).
fn is_paste(d: &Diagnostic) -> bool {
    static PASTE: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        registry()
            .iter()
            .filter(|r| matches!(r.check, Check::Paste(_)))
            .map(|r| r.info.code)
            .collect()
    });
    PASTE.contains(&d.rule.code)
}

/// A quick key of a segment's text: its length and a hash of its first and last bytes (the
/// segment is compared whole before it is taken).
fn key(text: &str, span: Span) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let bytes = &text.as_bytes()[span.start..span.end];
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes[..bytes.len().min(64)].hash(&mut h);
    bytes[bytes.len().saturating_sub(64)..].hash(&mut h);
    (bytes.len(), h.finish())
}

/// The segment `done` of the last check is `segment` of this one: the same text, cut into the
/// same lines, in the same place among the titles.
fn same(
    old: &str,
    done: &Done,
    text: &str,
    span: Span,
    segment: &Segment,
    lines: &[parse::lines::Line],
) -> bool {
    done.title == segment.title
        && done.last == segment.last
        && done.lines.len() == segment.lines.len()
        && old.get(done.span.start..done.span.end) == text.get(span.start..span.end)
        && lines[segment.lines.clone()]
            .iter()
            .zip(&done.lines)
            .all(|(l, &(a, b))| (l.span.start - span.start, l.span.end - span.start) == (a, b))
}

/// `f` over `items`, in order: on every core with the feature `parallel`, else here.
#[cfg(feature = "parallel")]
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(items.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break out;
                        };
                        out.push((i, f(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(not(feature = "parallel"))]
fn par_map<T, R>(items: &[T], f: impl Fn(&T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}
