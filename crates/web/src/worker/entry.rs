//! The worker's side: the entry points `site/worker.js` calls in the checking worker, and the
//! test that tells the module where it runs.

use kpiform_core::wire;
use wasm_bindgen::prelude::*;

use super::{Reply, Request};
use crate::clock;

/// The worker's entry point (called by `site/worker.js` for every message): do the task of an
/// encoded [`Request`] and return the encoded [`Reply`]. An undecodable request (the page and
/// the worker are not the same build) returns an empty array, which the page treats as a failed
/// worker.
#[wasm_bindgen]
pub fn kp_worker_handle(request: &[u8]) -> Vec<u8> {
    let Ok(Request { id, text, task }) = wire::from_bytes::<Request>(request) else {
        return Vec::new();
    };
    let start = clock::now();
    let result = super::run(&text, &task);
    let ms = clock::now() - start;
    wire::to_bytes(&Reply { id, ms, result })
}

/// Check the example once, so that the engine optimizes the checker before the first real
/// paste (`site/worker.js` calls this in slices while idle).
#[wasm_bindgen]
pub fn kp_worker_warm_up() {
    super::warm_up();
}

#[cfg(test)]
mod tests {
    use kpiform_core::export::{self, ExportOptions, Format, Input};
    use kpiform_core::Options;

    use super::*;
    use crate::example::EXAMPLE;
    use crate::worker::{Outcome, Task};

    #[test]
    fn a_request_is_answered_with_the_checked_document() {
        let text = EXAMPLE.to_string();
        let request = wire::to_bytes(&Request {
            id: 7,
            text: text.clone(),
            task: Task::Check(Options::default()),
        });
        let reply: Reply = wire::from_bytes(&kp_worker_handle(&request)).unwrap();
        assert_eq!(reply.id, 7);
        let here = kpiform_core::check(&text, &Options::default());
        let Outcome::Checked(doc) = reply.result else {
            panic!("not a check");
        };
        assert_eq!(doc.forms, here.forms);
        assert_eq!(doc.diagnostics, here.diagnostics);
        assert!(!doc.forms.is_empty());
    }

    #[test]
    fn an_export_request_is_answered_with_the_files() {
        let text = EXAMPLE.to_string();
        let options = ExportOptions::default();
        let request = wire::to_bytes(&Request {
            id: 8,
            text: text.clone(),
            task: Task::Export(Format::Csv, options.clone()),
        });
        let reply: Reply = wire::from_bytes(&kp_worker_handle(&request)).unwrap();
        assert_eq!(reply.id, 8);
        let Outcome::Exported(files) = reply.result else {
            panic!("not an export");
        };
        let input = Input {
            path: "page",
            text: &text,
        };
        assert_eq!(files, export::export(&[input], Format::Csv, &options));
        assert_eq!(files.len(), 2);
    }

    #[test]
    fn a_foreign_request_gets_an_empty_answer() {
        assert!(kp_worker_handle(&[0xff, 0xff, 0xff]).is_empty());
    }
}
