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
    let result = super::run(id, &text, &task);
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
            task: Task::Check(Options::default(), None),
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

    /// The next check of an edited text, naming the last one as the page's, is answered with a
    /// patch, which makes the full check's document of the last one; naming another, with the
    /// whole document.
    #[test]
    fn a_check_after_a_check_is_answered_with_a_patch() {
        let ask = |id: u64, text: &str, base: Option<u64>| {
            let request = wire::to_bytes(&Request {
                id,
                text: text.to_string(),
                task: Task::Check(Options::default(), base),
            });
            let reply: Reply = wire::from_bytes(&kp_worker_handle(&request)).unwrap();
            assert_eq!(reply.id, id);
            reply.result
        };
        let text = [EXAMPLE; 6].join("\n");
        let Outcome::Checked(first) = ask(20, &text, None) else {
            panic!("not a whole document");
        };
        let mut edited = text.clone();
        edited.insert_str(text.len() / 2, "\n项目名称：\t新的项目\n");
        let Outcome::Patched(patch) = ask(21, &edited, Some(20)) else {
            panic!("not a patch");
        };
        let kept = patch
            .forms
            .iter()
            .filter(|p| matches!(p, kpiform_core::wire::Part::Kept { .. }))
            .count();
        assert!(kept >= 1);
        let doc = patch.apply(first, &edited).unwrap();
        let want = kpiform_core::check(&edited, &Options::default());
        assert_eq!(doc.forms, want.forms);
        assert_eq!(doc.diagnostics, want.diagnostics);
        assert_eq!(doc.lines.line_count(), want.lines.line_count());
        // The page holds another document: it gets the whole one.
        assert!(matches!(ask(22, &text, Some(20)), Outcome::Checked(_)));
    }

    /// A check sent as an edit of the worker's last check is answered as the edited text sent
    /// whole would be; an edit of another check, with a request to send the text whole.
    #[test]
    fn a_check_sent_as_an_edit_is_that_of_the_edited_text() {
        let ask = |id: u64, text: &str, task: Task| {
            let request = wire::to_bytes(&Request {
                id,
                text: text.to_string(),
                task,
            });
            let reply: Reply = wire::from_bytes(&kp_worker_handle(&request)).unwrap();
            assert_eq!(reply.id, id);
            reply.result
        };
        let options = Options::default();
        let text = [EXAMPLE; 4].join("\n");
        assert!(matches!(
            ask(30, &text, Task::Check(options.clone(), None)),
            Outcome::Checked(_)
        ));
        // A character cut by the bytes that differ ("年" for "月"): the edit takes it whole.
        let at = text.find('年').unwrap();
        let mut edited = text.clone();
        edited.replace_range(at..at + '年'.len_utf8(), "月");
        let edit = crate::worker::Edit::between(30, &text, &edited);
        assert_eq!(
            (edit.start, edit.old_end, edit.with.as_str()),
            (at, at + 3, "月")
        );
        let Outcome::Checked(doc) =
            ask(31, "", Task::CheckEdit(options.clone(), None, edit.clone()))
        else {
            panic!("not a whole document");
        };
        let want = kpiform_core::check(&edited, &options);
        assert_eq!(doc.forms, want.forms);
        assert_eq!(doc.diagnostics, want.diagnostics);
        // The same edit again: of check 30, which is no longer the worker's last.
        assert!(matches!(
            ask(32, "", Task::CheckEdit(options.clone(), None, edit)),
            Outcome::Resend
        ));
        // An edit whose range is not one of the text (inside a character, past the end).
        for (start, old_end) in [(at + 1, at + 3), (0, edited.len() + 1)] {
            let bad = crate::worker::Edit {
                of: 31,
                start,
                old_end,
                with: "x".into(),
            };
            assert!(matches!(
                ask(33, "", Task::CheckEdit(options.clone(), None, bad)),
                Outcome::Resend
            ));
        }
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
