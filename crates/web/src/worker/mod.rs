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
use kpiform_core::{Document, Options};
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
    Check(Options),
    Export(Format, ExportOptions),
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
    Exported(Vec<ExportFile>),
}

#[cfg(feature = "page")]
impl Outcome {
    fn checked(self) -> Option<Document> {
        match self {
            Outcome::Checked(doc) => Some(doc),
            Outcome::Exported(_) => None,
        }
    }

    fn exported(self) -> Option<Vec<ExportFile>> {
        match self {
            Outcome::Exported(files) => Some(files),
            Outcome::Checked(_) => None,
        }
    }
}

/// Do `task` on `text`, wherever this runs (in the worker, or on the page without one).
#[cfg(feature = "checker")]
fn run(text: &str, task: &Task) -> Outcome {
    match task {
        Task::Check(options) => Outcome::Checked(kpiform_core::check(text, options)),
        Task::Export(format, options) => {
            let input = Input { path: "page", text };
            Outcome::Exported(export::export(&[input], *format, options))
        }
    }
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
