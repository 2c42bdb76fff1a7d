//! The import never panics: on the fixtures with bytes flipped, cut short or spliced, and on
//! arbitrary bytes under every extension (cases: PROPTEST_CASES, 256 by default).

use proptest::prelude::*;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");
const NAMES: [&str; 7] = [
    "corpus.xlsx",
    "corpus.xls",
    "corpus.docx",
    "corpus.ods",
    "corpus-000.html",
    "regions.xlsx",
    "regions.docx",
];
const EXTENSIONS: [&str; 8] = [
    "x.xlsx", "x.xls", "x.docx", "x.html", "x.mht", "x.csv", "x.txt", "x",
];

fn fixtures() -> &'static [Vec<u8>] {
    static F: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        NAMES
            .iter()
            .map(|n| std::fs::read(format!("{DIR}/{n}")).unwrap())
            .collect()
    })
}

proptest! {
    #[test]
    fn mutated_files(which in 0..NAMES.len(), flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), cut in any::<prop::sample::Index>(), truncate in any::<bool>()) {
        let mut bytes = fixtures()[which].clone();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b | 1;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = kpiform_import::import(NAMES[which], &bytes);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000), ext in 0..EXTENSIONS.len(), zip_head in any::<bool>()) {
        let mut bytes = bytes;
        if zip_head {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        let _ = kpiform_import::import(EXTENSIONS[ext], &bytes);
    }

    #[test]
    fn arbitrary_html(s in "(<t(able|r|d|h)( (row|col)span=[0-9]{1,4})?>|</t(able|r|d)>|<br>|&[a-z#0-9]{0,6};?|[a-z项目 \t\n]){0,200}", plain in "[a\t\n#]{0,40}") {
        let _ = kpiform_import::clipboard(&s, &plain);
    }
}
