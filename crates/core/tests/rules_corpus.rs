//! Every diagnostic of the checker on the corpus, reviewed by hand (see the snapshots), and the
//! count per rule. A change of precision shows up here line by line.

use std::collections::BTreeMap;
use std::fmt::Write;

use kpiform_testkit::CORPUS;

fn listing(text: &str) -> String {
    let doc = kpiform_core::check(text, &Default::default());
    let mut all: Vec<_> = doc.all_diagnostics().collect();
    all.sort_by_key(|d| (d.span.start, d.rule.code));
    let mut out = String::new();
    for d in all {
        let lc = doc.lines.line_col(text, d.span.start);
        writeln!(
            out,
            "{}:{} {} {}",
            lc.line,
            lc.column,
            d.code(),
            d.message.zh
        )
        .unwrap();
    }
    out
}

#[test]
fn corpus_000() {
    insta::assert_snapshot!(listing(CORPUS[0].text));
}

#[test]
fn corpus_001() {
    insta::assert_snapshot!(listing(CORPUS[1].text));
}

#[test]
fn corpus_002() {
    insta::assert_snapshot!(listing(CORPUS[2].text));
}

#[test]
fn corpus_003() {
    insta::assert_snapshot!(listing(CORPUS[3].text));
}

#[test]
fn counts_per_rule() {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for text in CORPUS.map(|f| f.text) {
        let doc = kpiform_core::check(text, &Default::default());
        for d in doc.all_diagnostics() {
            *counts.entry(d.code()).or_default() += 1;
        }
    }
    let table: String = counts.iter().map(|(c, n)| format!("{c} {n}\n")).collect();
    insta::assert_snapshot!(table);
}

#[test]
fn budget_years_are_detected() {
    let years: Vec<_> = CORPUS
        .iter()
        .map(|f| kpiform_core::check(f.text, &Default::default()).budget_year)
        .collect();
    assert_eq!(years, vec![Some(2023), Some(2026), Some(2023), Some(2024)]);
}
