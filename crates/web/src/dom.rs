//! Small browser helpers: local storage, performance marks, downloads, the clipboard, files.
//!
//! Everything here fails soft: a browser without storage, or one that refuses a write (quota,
//! private mode), leaves the page working with nothing remembered.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Read `key` from `localStorage`.
pub fn load(key: &str) -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(key).ok().flatten()
}

/// Write `key` to `localStorage`; false when the browser refused (quota, private mode).
pub fn store(key: &str, value: &str) -> bool {
    match window().local_storage() {
        Ok(Some(storage)) => storage.set_item(key, value).is_ok(),
        _ => false,
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item(key);
    }
}

pub use crate::clock::now;

/// `performance.measure(name, {start})` from `start` (a [`now`] value) to now, so that
/// `tests/e2e/measure.mjs` and the browser's profiler see the page's own timings.
pub fn measure(name: &str, start: f64) {
    user_timing(name, start, None);
}

/// `performance.measure(name, {start, duration})`: a span of time measured elsewhere (in the
/// checking worker).
pub fn measure_span(name: &str, start: f64, duration: f64) {
    user_timing(name, start, Some(duration));
}

fn user_timing(name: &str, start: f64, duration: Option<f64>) {
    let Some(perf) = window().performance() else {
        return;
    };
    // `measure(name, {start, duration})` (User Timing Level 3); web-sys only binds the
    // mark-name forms.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &JsValue::from_f64(start));
    if let Some(d) = duration {
        let _ = js_sys::Reflect::set(&options, &"duration".into(), &JsValue::from_f64(d));
    }
    if let Ok(f) = js_sys::Reflect::get(&perf, &"measure".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call2(&perf, &JsValue::from_str(name), &options);
        }
    }
}

/// Offer `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_class_name("kp-offscreen");
    let body = document()
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // The download has started reading the blob; free it once the click has been handled.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Copy `text` to the clipboard: the asynchronous clipboard API where the page is a secure
/// context (https, localhost), else the selection of `fallback` (a text box holding the same
/// text) and `execCommand("copy")`, which also works on plain-http intranet servers.
pub fn copy_text(text: &str, fallback: Option<&web_sys::HtmlTextAreaElement>) -> bool {
    if window().is_secure_context() {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(text);
        return true;
    }
    let Some(area) = fallback else {
        return false;
    };
    area.select();
    let ok = html_document()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.set_selection_range(0, 0).ok();
    ok
}

pub fn html_document() -> Option<web_sys::HtmlDocument> {
    document().dyn_into::<web_sys::HtmlDocument>().ok()
}

/// The files chosen in a file input, which is emptied so that choosing the same files again
/// reads them again.
pub fn take_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = input
        .files()
        .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Download every file; false when one could not be offered.
pub fn download_all(files: &[kpiform_core::export::ExportFile]) -> bool {
    files
        .iter()
        .all(|f| download(&f.name, f.mime, &f.bytes).is_ok())
}

/// The bytes of a dropped or chosen file.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Decode a text file's bytes when the importer cannot be loaded: UTF-8 (with or without BOM)
/// and UTF-16 with BOM as such, anything else that is not UTF-8 as GB18030 (what Chinese
/// Windows saves). Returns the text and the encoding used.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return (String::from_utf16_lossy(&units), "UTF-16");
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "UTF-8");
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(false);
    if let Ok(decoder) = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options) {
        let copy = bytes.to_vec();
        if let Ok(text) = decoder.decode_with_u8_array(&copy) {
            return (text, "GB18030");
        }
    }
    (String::from_utf8_lossy(bytes).into_owned(), "UTF-8")
}

/// The element with `data-kp-id="{id}"`, if rendered.
pub fn by_data_id(attr: &str, id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(&format!("[{attr}=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Scroll `el` into view inside its scrolling panel, as little as needed.
pub fn scroll_into_view(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// A date and time (`2025-11-20 22:35`) in the user's time zone, from milliseconds since 1970.
pub fn local_time(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Milliseconds since 1970.
pub fn date_now() -> f64 {
    js_sys::Date::now()
}
