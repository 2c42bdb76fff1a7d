//! Opening files and pasting tables: what users have (workbooks, Word documents, web pages, CSV,
//! text in any encoding, the `text/html` of a copy from Excel, WPS or Word) read into text by
//! `kpiform-import`.
//!
//! The import code (calamine, a ZIP and an XML reader) is a module of its own (feature
//! `importer`), which the page loads from its own origin when a file is first opened or a table
//! is first pasted (`kpiformLoadImporter` in `site/boot.js`), so that the page loads no sooner
//! for it. Built with both features (the native tests) the page calls it directly.

use serde::{Deserialize, Serialize};

/// A file or a paste read into text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub text: String,
    /// What it was read as (`xlsx`, `docx`, `html`, `text` …).
    pub kind: String,
    pub encoding: Option<String>,
    /// What the import changed or left out: (line, zh, en).
    pub notes: Vec<(usize, String, String)>,
    pub tables: usize,
}

/// The importer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Read(Imported),
    /// The file is no form kpiform can read; the message says why and what to do (zh, en).
    Refused(String, String),
    /// A rich paste without a table: the plain text is the better paste.
    NoTable,
}

#[cfg(feature = "importer")]
fn imported(i: kpiform_import::Imported) -> Imported {
    Imported {
        text: i.text,
        kind: i.kind.label().to_string(),
        encoding: i.encoding.map(str::to_string),
        notes: i.notes.into_iter().map(|n| (n.line, n.zh, n.en)).collect(),
        tables: i.tables,
    }
}

/// Read a file (its name and bytes).
#[cfg(feature = "importer")]
pub fn file(name: &str, bytes: &[u8]) -> Reply {
    match kpiform_import::import(name, bytes) {
        Ok(i) => Reply::Read(imported(i)),
        Err(r) => Reply::Refused(r.zh(), r.en()),
    }
}

/// Read a rich paste (its `text/html` and `text/plain`).
#[cfg(feature = "importer")]
pub fn clipboard(html: &str, plain: &str) -> Reply {
    match kpiform_import::clipboard(html, plain) {
        Some(i) => Reply::Read(imported(i)),
        None => Reply::NoTable,
    }
}

/// The importer module's entry point for files: the encoded [`Reply`].
#[cfg(feature = "importer")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn kp_import_file(name: &str, bytes: &[u8]) -> Vec<u8> {
    kpiform_core::wire::to_bytes(&file(name, bytes))
}

/// The importer module's entry point for rich pastes: the encoded [`Reply`].
#[cfg(feature = "importer")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn kp_import_clipboard(html: &str, plain: &str) -> Vec<u8> {
    kpiform_core::wire::to_bytes(&clipboard(html, plain))
}

/// What the page asks of the importer.
#[cfg(feature = "page")]
pub enum Ask<'a> {
    File(&'a str, &'a [u8]),
    Clipboard(&'a str, &'a str),
}

/// Ask the importer, loading its module first if this build does not hold it. `None` when the
/// module cannot be loaded (an old browser, a page saved without it).
#[cfg(feature = "page")]
pub async fn ask(what: Ask<'_>) -> Option<Reply> {
    #[cfg(feature = "importer")]
    {
        Some(match what {
            Ask::File(name, bytes) => file(name, bytes),
            Ask::Clipboard(html, plain) => clipboard(html, plain),
        })
    }
    #[cfg(not(feature = "importer"))]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let load = js_sys::Reflect::get(&js_sys::global(), &"kpiformLoadImporter".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let promise = load
            .call0(&JsValue::NULL)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()?;
        let bindings = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(b) => b,
            Err(e) => {
                web_sys::console::error_2(&"kpiform: the importer could not be loaded".into(), &e);
                return None;
            }
        };
        let function = |name: &str| {
            js_sys::Reflect::get(&bindings, &name.into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        };
        let reply = match what {
            Ask::File(name, bytes) => function("kp_import_file")?.call2(
                &JsValue::NULL,
                &name.into(),
                &js_sys::Uint8Array::from(bytes),
            ),
            Ask::Clipboard(html, plain) => {
                function("kp_import_clipboard")?.call2(&JsValue::NULL, &html.into(), &plain.into())
            }
        }
        .ok()?
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?
        .to_vec();
        kpiform_core::wire::from_bytes(&reply).ok()
    }
}

#[cfg(all(test, feature = "importer"))]
mod tests {
    use super::*;

    #[test]
    fn replies_cross_the_wire() {
        let reply = file("a.csv", "项目名称,示例\n".as_bytes());
        let back: Reply =
            kpiform_core::wire::from_bytes(&kp_import_file("a.csv", "项目名称,示例\n".as_bytes()))
                .unwrap();
        assert_eq!(back, reply);
        let Reply::Read(i) = reply else {
            panic!("{reply:?}")
        };
        assert_eq!(i.text, "项目名称\t示例\n");
        assert!(
            matches!(file("a.pdf", b"%PDF-1.4"), Reply::Refused(zh, en) if zh.contains("PDF") && en.contains("PDF"))
        );
        assert_eq!(clipboard("<p>x</p>", "x"), Reply::NoTable);
    }
}
