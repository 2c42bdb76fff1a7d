//! The JavaScript API as JavaScript sees it (run in Node by wasm-bindgen-test-runner):
//! `cargo test -p kpiform-wasm --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const CORPUS_003: &str = kpiform_testkit::TEXTS[3];

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn check_returns_plain_objects() {
    let r = kpiform_wasm::check(CORPUS_003, JsValue::UNDEFINED).unwrap();
    let forms = Array::from(&get(&r, "forms"));
    assert_eq!(forms.length(), 19);
    assert_eq!(get(&r, "budget_year").as_f64(), Some(2024.0));
    let first = forms.get(0);
    assert_eq!(
        get(&get(&first, "fields"), "code").as_string().as_deref(),
        Some("440313240021500600002")
    );
    let last = forms.get(18);
    assert!(
        get(&get(&last, "fields"), "code").is_null(),
        "absent is null"
    );
    let diags = Array::from(&get(&forms.get(5), "diagnostics"));
    let a007 = diags
        .iter()
        .find(|d| get(d, "code").as_string().as_deref() == Some("A007"))
        .unwrap();
    assert_eq!(get(&a007, "line").as_f64(), Some(148.0));
    assert_eq!(
        get(&get(&a007, "fix"), "replacement")
            .as_string()
            .as_deref(),
        Some("万元")
    );
}

#[wasm_bindgen_test]
fn options_select_and_language() {
    let r = kpiform_wasm::check(
        CORPUS_003,
        options(r#"{"select":["V005"],"lang":"en","severity":{"V005":"warning"}}"#),
    )
    .unwrap();
    let forms = Array::from(&get(&r, "forms"));
    let mut n = 0;
    for f in forms.iter() {
        for d in Array::from(&get(&f, "diagnostics")).iter() {
            assert_eq!(get(&d, "code").as_string().as_deref(), Some("V005"));
            assert_eq!(get(&d, "severity").as_string().as_deref(), Some("warning"));
            assert!(get(&d, "message").as_string().unwrap().starts_with("Rate"));
            n += 1;
        }
    }
    assert_eq!(n, 8);
}

#[wasm_bindgen_test]
fn bad_options_throw_clear_errors() {
    for (opts, says) in [
        (r#"{"select":["Z999"]}"#, "unknown rule code: Z999"),
        (r#"{"lang":"fr"}"#, "lang must be"),
        (r#"{"budgetYear":1800}"#, "invalid budget year"),
        (r#"{"severity":{"V002":"fatal"}}"#, "unknown severity"),
        (r#"{"colour":"red"}"#, "invalid options"),
    ] {
        let Err(err) = kpiform_wasm::check("x", options(opts)) else {
            panic!("accepted: {opts}");
        };
        let msg = format!("{:?}", JsValue::from(err));
        assert!(msg.contains(says), "{opts}: {msg}");
    }
    let err = kpiform_wasm::export_as("x", "pdf", JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(format!("{:?}", JsValue::from(err)).contains("unknown export format"));
}

#[wasm_bindgen_test]
fn exports_strings_and_bytes() {
    let text = kpiform_wasm::export_as(CORPUS_003, "text", JsValue::UNDEFINED)
        .unwrap()
        .as_string()
        .unwrap();
    assert!(text.starts_with("二级项目支出绩效目标申报表\n项目编码:\t440313240021500600002"));
    let csv = kpiform_wasm::export_as(CORPUS_003, "csv", options(r#"{"table":"indicators"}"#))
        .unwrap()
        .as_string()
        .unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), 1 + 230);
    let xlsx =
        Uint8Array::new(&kpiform_wasm::export_as(CORPUS_003, "xlsx", JsValue::UNDEFINED).unwrap());
    let bytes = xlsx.to_vec();
    assert!(bytes.len() > 10_000 && bytes.starts_with(b"PK"), "a zip");
    let report =
        kpiform_wasm::export_as(CORPUS_003, "report", options(r#"{"applySuggested":true}"#))
            .unwrap()
            .as_string()
            .unwrap();
    assert!(report.contains("建议修改为：「万元」"));
}

#[wasm_bindgen_test]
fn rules_and_version() {
    let rules = Array::from(&kpiform_wasm::rules().unwrap());
    assert_eq!(rules.length(), 60);
    assert_eq!(
        get(&rules.get(0), "code").as_string().as_deref(),
        Some("S001")
    );
    assert_eq!(kpiform_wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn import_reads_files_and_refuses_what_is_no_form() {
    let csv = "项目名称,\"示例,项目\"\r\n".as_bytes();
    let r = kpiform_wasm::import_file("a.csv", csv).unwrap();
    assert_eq!(
        get(&r, "text").as_string().as_deref(),
        Some("项目名称\t示例,项目\n")
    );
    assert_eq!(get(&r, "kind").as_string().as_deref(), Some("csv"));
    let refused = kpiform_wasm::import_file("a.pdf", b"%PDF-1.4 ...");
    let message = format!("{:?}", JsValue::from(refused.unwrap_err()));
    assert!(message.contains("PDF"), "{message}");
    let pasted = kpiform_wasm::import_clipboard(
        "<table><tr><td colspan=2>a</td><td>b</td></tr></table>",
        "a\t\tb",
    )
    .unwrap();
    assert_eq!(
        get(&pasted, "text").as_string().as_deref(),
        Some("a\t\tb\n")
    );
    assert!(kpiform_wasm::import_clipboard("<p>x</p>", "x")
        .unwrap()
        .is_null());
}
