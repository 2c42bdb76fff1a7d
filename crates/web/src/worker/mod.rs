//! Checking (and exporting) off the main thread.
//!
//! The page's wasm module runs twice: on the page, and in a dedicated Web Worker that checks
//! and exports (`site/worker.js` loads the same module, compiled once by `site/boot.js`). The
//! page sends the text and the options; the worker answers with the checked [`Document`] (or
//! the exported files) as bytes ([`kpiform_core::wire`]), which the page decodes and renders.
//! Typing therefore never waits for a check, and a check of megabytes does not freeze the tab.
//!
//! This module holds what both sides share: the messages and how a task is done. The worker's
//! side is [`entry`] (its entry points, called by `site/worker.js`); the page's side is
//! [`client`] (sending requests, coalescing them, falling back to the main thread).

pub mod client;
pub mod entry;

use kpiform_core::export::{self, ExportFile, ExportOptions, Format, Input};
use kpiform_core::{Document, Options};
use serde::{Deserialize, Serialize};

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
fn warm_up() {
    thread_local! {
        static TEXT: String = [crate::example::EXAMPLE; 8].join("\n");
    }
    TEXT.with(|t| kpiform_core::check(t, &Options::default()));
}
