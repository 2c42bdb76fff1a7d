//! The checker that remembers gives the full check's result, always: random edits of the corpus
//! (characters, lines, titles, tabs, file lines, deletions across forms), checked by one
//! [`Checker`] after another, and each result compared with a fresh [`check`] of the same text.
//!
//! Each case checks a whole corpus file twice per edit, so this test has its own bound,
//! `INCREMENTAL_CASES` (64 by default, what CI runs; not `PROPTEST_CASES`, which CI sets to
//! 2,000 for the fast property tests). By hand, 10,000:
//! `INCREMENTAL_CASES=10000 cargo test --release -p kpiform-core --test incremental`.

use kpiform_core::{check, Checker, Document, Options};
use kpiform_testkit::CORPUS;
use proptest::prelude::*;

/// The two results are the same check.
fn assert_same(got: &Document, want: &Document, text: &str) {
    assert_eq!(got.budget_year, want.budget_year, "budget year");
    assert_eq!(got.files, want.files, "files");
    assert_eq!(got.forms.len(), want.forms.len(), "forms");
    for (i, (a, b)) in got.forms.iter().zip(&want.forms).enumerate() {
        assert!(a == b, "form {i} differs in {} bytes of text", text.len());
    }
    assert_eq!(
        got.diagnostics, want.diagnostics,
        "diagnostics outside forms"
    );
    assert_eq!(got.lines, want.lines, "line index");
}

/// Pieces an edit inserts: what moves a form's boundaries and what changes its findings.
const PIECES: &[&str] = &[
    "1",
    "万元",
    "\n",
    "\t",
    "\n\n",
    "项目支出绩效目标申报表\n",
    "2025年度项目支出绩效目标表\n",
    "项目名称：\t某项目\n",
    "项目编码：\t44030422146150000007\n",
    "产出指标\t数量指标\t采购数量\t≥10台\t采购10台\n",
    "【文件：乙.xlsx】\n",
    "绩效自评表\n",
    "年度目标：\t完成2022年采购\n",
    "是否新增项目：\t是\n",
    "，",
    "x",
];

#[derive(Debug, Clone)]
struct Edit {
    /// Where, as a fraction of the text.
    at: f64,
    /// How many characters are taken out.
    delete: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        0.0..1.0f64,
        prop_oneof![4 => Just(0usize), 3 => 1usize..8, 1 => 8usize..4000],
        prop_oneof![
            2 => Just(String::new()),
            5 => prop::sample::select(PIECES).prop_map(str::to_string),
        ],
    )
        .prop_map(|(at, delete, insert)| Edit { at, delete, insert })
}

fn apply(text: &str, e: &Edit) -> String {
    let mut at = ((text.len() as f64) * e.at) as usize;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let end = text[at..]
        .char_indices()
        .nth(e.delete)
        .map_or(text.len(), |(i, _)| at + i);
    format!("{}{}{}", &text[..at], e.insert, &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("INCREMENTAL_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn an_incremental_check_is_the_full_check(
        file in 0..CORPUS.len() + 1,
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut text = match CORPUS.get(file) {
            Some(f) => f.text.to_string(),
            None => kpiform_testkit::corpus_all(),
        };
        let options = Options::default();
        let mut checker = Checker::new(options.clone());
        // The other side's copy (the page's), kept up to date with patches.
        let mut copy = checker.check(&text).0.clone();
        for e in &edits {
            let before = std::mem::take(&mut text);
            text = apply(&before, e);
            let (got, _) = checker.check(&text);
            let want = check(&text, &options);
            assert_same(got, &want, &text);
            copy = patched(&checker, copy, &before, &text);
            assert_same(&copy, &want, &text);
        }
    }
}

/// `copy` (of `before`) brought up to date with the checker's patch, sent as bytes, its line
/// index mended (as the page does) and, from a second copy, made anew.
#[cfg(feature = "wire")]
fn patched(checker: &Checker, copy: Document, before: &str, text: &str) -> Document {
    use kpiform_core::wire::{self, Patch};
    let bytes = wire::to_bytes(&Patch::of(checker));
    let patch: Patch = wire::from_bytes(&bytes).unwrap();
    let anew = patch.clone().apply(copy.clone(), text).unwrap();
    let mended = patch.apply_edited(copy, before, text).unwrap();
    assert_eq!(mended.lines, anew.lines, "line index mended");
    mended
}

#[cfg(not(feature = "wire"))]
fn patched(checker: &Checker, _: Document, _: &str, _: &str) -> Document {
    checker.document().clone()
}

/// A one-character edit in the middle of a paste of 42 forms reads again only the segments
/// around it, and the options, when they change, make everything be read again.
#[test]
fn an_edit_reads_only_its_segment() {
    let text = kpiform_testkit::corpus_all();
    let mut checker = Checker::new(Options::default());
    let (doc, first) = checker.check(&text);
    let forms = doc.forms.len();
    assert_eq!(forms, 42);
    assert_eq!(first.kept, 0);
    // A digit in an indicator value halfway through.
    let half = (text.len() / 2..)
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let at = text[half..].find(|c: char| c.is_ascii_digit()).unwrap() + half;
    let edited = format!("{}9{}", &text[..at], &text[at..]);
    let (doc, reuse) = checker.check(&edited);
    assert_eq!(doc.forms.len(), 42);
    assert_eq!(reuse.read, 1, "{reuse:?}");
    assert!(reuse.kept >= 42, "{reuse:?}");
    assert_same(doc, &check(&edited, &Options::default()), &edited);
    // What the other side gets: the form read again; the others named by runs, with their
    // findings only where a finding across forms (F002) is on them.
    #[cfg(feature = "wire")]
    {
        use kpiform_core::wire::{Part, Patch};
        let patch = Patch::of(&checker);
        let doc = checker.document();
        let (mut at, mut read, mut runs) = (0, 0, 0);
        for part in &patch.forms {
            match part {
                Part::Kept { count, .. } => {
                    at += count;
                    runs += 1;
                }
                Part::Refound { .. } => {
                    assert!(doc.forms[at].diagnostics.iter().any(|d| d.code() == "F002"));
                    at += 1;
                }
                Part::Read(_) => {
                    at += 1;
                    read += 1;
                }
            }
        }
        assert_eq!((at, read), (42, 1));
        assert!(runs <= 4, "{:?}", patch.forms);
    }
    // The same text again: nothing is read.
    assert_eq!(checker.check(&edited).1.read, 0);
    let options = Options {
        ignore: vec!["V".into()],
        ..Options::default()
    };
    checker.set_options(options.clone());
    let (doc, reuse) = checker.check(&edited);
    assert_eq!(reuse.kept, 0);
    assert!(doc.all_diagnostics().all(|d| !d.code().starts_with('V')));
    assert_same(doc, &check(&edited, &options), &edited);
}
