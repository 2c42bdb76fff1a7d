//! Checking (and exporting) off the main thread.
//!
//! The checker module (this crate with feature `checker`) runs in a dedicated Web Worker that
//! checks and exports (`site/worker.js` loads it, compiled once by `site/boot.js`). The page
//! (feature `page`) sends the text and the options; the worker answers with the checked
//! [`Document`] (or the exported files) as bytes ([`kpiform_core::wire`]), which the page
//! decodes and renders. Typing therefore never waits for a check, a check of megabytes does not
//! freeze the tab, and the page's own module, without the checker, loads sooner.
//!
//! This module holds what both sides share: the messages and how a task is done. The worker's
//! side is [`entry`] (its entry points, called by `site/worker.js`); the page's side is
//! [`client`] (sending requests, coalescing them, falling back to the main thread), and
//! [`local`], the checker module on the main thread for a page built without it.

#[cfg(feature = "page")]
pub mod client;
#[cfg(feature = "checker")]
pub mod entry;
#[cfg(all(feature = "page", not(feature = "checker")))]
mod local;

#[cfg(feature = "checker")]
use kpiform_core::export::{self, Input};
use kpiform_core::export::{ExportFile, ExportOptions, Format};
use kpiform_core::wire::Patch;
#[cfg(feature = "checker")]
use kpiform_core::ReviewFile;
use kpiform_core::{Dispositions, Document, Message, NotAReview, Options};
use serde::{Deserialize, Serialize};

/// True when this module runs in a worker (no `window`).
#[cfg(feature = "page")]
pub fn in_worker() -> bool {
    web_sys::window().is_none()
}

/// What the page asks the worker: a check or an export of a text.
#[derive(Serialize, Deserialize)]
struct Request {
    id: u64,
    text: String,
    task: Task,
}

#[derive(Serialize, Deserialize, Clone)]
enum Task {
    /// Check with these options. The number: the request whose document the page holds (it
    /// came from this worker); when it is the worker's last check, the answer is a patch of it.
    Check(Options, Option<u64>),
    /// The same, of the text of the worker's last check with one edit (the request's text is
    /// empty: the page sends a few bytes, not megabytes, for a key typed).
    CheckEdit(Options, Option<u64>, Edit),
    Export(Format, ExportOptions),
    /// The review file of the text (the forms under review).
    SaveReview(Box<SaveReview>),
    /// Read a review file (its bytes; the request's text is empty).
    OpenReview(Vec<u8>),
    /// Compare the text (a resubmission) with the earlier version given here.
    Compare(String, Options),
}

/// Bytes `start..old_end` of the text of check `of` replaced by `with`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Edit {
    pub of: u64,
    pub start: usize,
    pub old_end: usize,
    pub with: String,
}

impl Edit {
    /// The edit that makes `new` of `old` (the text of check `of`), at character boundaries.
    #[cfg(feature = "page")]
    pub fn between(of: u64, old: &str, new: &str) -> Edit {
        let (mut start, mut old_end, mut new_end) = kpiform_core::difference(old, new);
        // The bytes before `start` are the same in both, as those after the ends: a character
        // cut by one is cut at the same place in both.
        while !new.is_char_boundary(start) {
            start -= 1;
        }
        while !old.is_char_boundary(old_end) || !new.is_char_boundary(new_end) {
            old_end += 1;
            new_end += 1;
        }
        Edit {
            of,
            start,
            old_end,
            with: new[start..new_end].to_string(),
        }
    }

    /// `old` with the edit, when its range is one of `old`.
    #[cfg(feature = "checker")]
    pub fn apply(&self, old: &str) -> Option<String> {
        old.get(self.start..self.old_end)?;
        Some([&old[..self.start], &self.with, &old[self.old_end..]].concat())
    }
}

/// What goes into a review file besides the forms.
#[derive(Serialize, Deserialize, Clone)]
pub struct SaveReview {
    pub earlier: Option<String>,
    pub rules: Options,
    pub review: Dispositions,
    /// When (ISO 8601, the page's clock).
    pub saved: String,
}

/// An opened review file, as the page takes it: the decisions as lines
/// ([`crate::review_lines`]), so that the page's module needs no decoder of the review's types.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct OpenedReview {
    pub text: String,
    pub earlier: Option<String>,
    /// The rule settings as the page keeps them ([`crate::review_lines::rules_lines`]).
    pub rules: String,
    pub review: String,
}

/// One form of a comparison, as the page shows it (the core's [`kpiform_core::FormComparison`]
/// in owned parts, to cross from the worker).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Compared {
    pub code: Option<String>,
    pub name: Option<String>,
    /// 0-based positions in the earlier and the new version.
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub fixed: Vec<ComparedFinding>,
    pub added: Vec<ComparedFinding>,
    pub remaining: Vec<ComparedFinding>,
    pub changed: Vec<ComparedChange>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ComparedFinding {
    pub code: String,
    pub message: Message,
    pub quote: String,
}

/// A field (`indicator` false) or an indicator value that changed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ComparedChange {
    pub indicator: bool,
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What the worker answers, and how long the work took there.
#[derive(Serialize, Deserialize)]
struct Reply {
    id: u64,
    ms: f64,
    result: Outcome,
}

#[derive(Serialize, Deserialize)]
enum Outcome {
    Checked(Document),
    /// The document as a patch of the one the request named ([`Task::Check`]).
    Patched(Patch),
    Exported(Vec<ExportFile>),
    Opened(Result<OpenedReview, NotAReview>),
    Compared(Vec<Compared>),
    /// The edit is not of the worker's last check (it restarted, or ran another since): send
    /// the text whole.
    Resend,
}

#[cfg(feature = "page")]
impl Outcome {
    fn check_result(self) -> Option<client::CheckResult> {
        match self {
            Outcome::Checked(doc) => Some(client::CheckResult::Whole(doc)),
            Outcome::Patched(patch) => Some(client::CheckResult::Patch(patch)),
            _ => None,
        }
    }

    fn exported(self) -> Option<Vec<ExportFile>> {
        match self {
            Outcome::Exported(files) => Some(files),
            _ => None,
        }
    }

    fn opened(self) -> Option<Result<OpenedReview, NotAReview>> {
        match self {
            Outcome::Opened(file) => Some(file),
            _ => None,
        }
    }

    fn compared(self) -> Option<Vec<Compared>> {
        match self {
            Outcome::Compared(forms) => Some(forms),
            _ => None,
        }
    }
}

/// Do request `id`'s `task` on `text`, wherever this runs (in the worker, or on the page without
/// one).
#[cfg(feature = "checker")]
fn run(id: u64, text: &str, task: &Task) -> Outcome {
    match task {
        Task::Check(options, base) => check(id, text, options, *base),
        Task::CheckEdit(options, base, edit) => {
            let last = CHECKER.with(|c| {
                let c = c.borrow();
                (c.last == Some(edit.of))
                    .then(|| edit.apply(c.checker.text()))
                    .flatten()
            });
            match last {
                Some(text) => check(id, &text, options, *base),
                None => Outcome::Resend,
            }
        }
        Task::Export(format, options) => {
            let input = Input { path: "page", text };
            Outcome::Exported(export::export(&[input], *format, options))
        }
        Task::SaveReview(s) => {
            let file = ReviewFile::new(text, s.earlier.as_deref(), &s.rules, &s.review, &s.saved);
            let day: String = s
                .saved
                .chars()
                .filter(char::is_ascii_digit)
                .take(8)
                .collect();
            Outcome::Exported(vec![ExportFile {
                name: format!("kpiform-审核-{day}.kpiform-review.json"),
                mime: export::MIME_JSON,
                bytes: file.to_bytes(),
            }])
        }
        Task::OpenReview(bytes) => {
            Outcome::Opened(ReviewFile::from_bytes(bytes).map(|f| OpenedReview {
                text: f.text,
                earlier: f.earlier,
                rules: crate::review_lines::rules_lines(&f.rules),
                review: crate::review_lines::to_lines(&f.review),
            }))
        }
        Task::Compare(earlier, options) => Outcome::Compared(compare(earlier, text, options)),
    }
}

/// The checker of this thread, which remembers its last check, and that check's request.
#[cfg(feature = "checker")]
struct Remembered {
    checker: kpiform_core::Checker,
    last: Option<u64>,
}

#[cfg(feature = "checker")]
thread_local! {
    static CHECKER: std::cell::RefCell<Remembered> = std::cell::RefCell::new(Remembered {
        checker: kpiform_core::Checker::default(),
        last: None,
    });
}

/// Check `text` with the checker that remembers (only what an edit changed is read again):
/// the document as a patch when the page holds the last check's (`base`), else whole.
#[cfg(feature = "checker")]
fn check(id: u64, text: &str, options: &Options, base: Option<u64>) -> Outcome {
    CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        // A patch is of the last check with the same options (other options: all is read).
        let patch = base.is_some() && base == c.last && c.checker.options() == options;
        c.checker.set_options(options.clone());
        c.checker.check(text);
        c.last = Some(id);
        if patch {
            Outcome::Patched(Patch::of(&c.checker))
        } else {
            Outcome::Checked(c.checker.document().clone())
        }
    })
}

/// The resubmission `text` against the `earlier` version, both checked with `options`.
#[cfg(feature = "checker")]
fn compare(earlier: &str, text: &str, options: &Options) -> Vec<Compared> {
    let (old, new) = (
        kpiform_core::check(earlier, options),
        kpiform_core::check(text, options),
    );
    let finding = |f: &kpiform_core::Finding| ComparedFinding {
        code: f.code.to_string(),
        message: f.message.clone(),
        quote: f.quote.clone(),
    };
    kpiform_core::compare(earlier, &old, text, &new)
        .into_iter()
        .map(|c| Compared {
            code: c.code,
            name: c.name,
            old: c.old,
            new: c.new,
            fixed: c.fixed.iter().map(finding).collect(),
            added: c.added.iter().map(finding).collect(),
            remaining: c.remaining.iter().map(finding).collect(),
            changed: c
                .changed
                .into_iter()
                .map(|ch| match ch {
                    kpiform_core::Change::Field { label, old, new } => ComparedChange {
                        indicator: false,
                        label,
                        old,
                        new,
                    },
                    kpiform_core::Change::Indicator { name, old, new } => ComparedChange {
                        indicator: true,
                        label: name,
                        old,
                        new,
                    },
                })
                .collect(),
        })
        .collect()
}

/// Check the example once, so that the engine optimizes the checker before the first real
/// paste: in the worker ([`entry::kp_worker_warm_up`]), or on the page without one.
#[cfg(feature = "checker")]
fn warm_up() {
    thread_local! {
        static TEXT: String = [crate::example::EXAMPLE; 8].join("\n");
    }
    TEXT.with(|t| kpiform_core::check(t, &Options::default()));
}
