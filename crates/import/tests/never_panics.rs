//! The import never panics: on the fixtures with bytes flipped, cut short or spliced, and on
//! arbitrary bytes under every extension (cases: PROPTEST_CASES, 256 by default). A panic of a
//! reader it uses is caught by `import` and refused as damaged (a mangled cell reference made
//! calamine overflow in a debug build): the property holds of `import`, the API.

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
    fn a_mangled_cell_reference(letters in "[A-Z]{8,20}") {
        // A cell reference of many letters overflows calamine's column arithmetic (debug builds).
        let xlsx = &fixtures()[0];
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.as_slice())).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut data).unwrap();
            if name.ends_with("sheet1.xml") {
                data = String::from_utf8(data).unwrap().replacen("r=\"A3\"", &format!("r=\"{letters}3\""), 1).into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut out, &data).unwrap();
        }
        let bytes = out.finish().unwrap().into_inner();
        let _ = kpiform_import::import("m.xlsx", &bytes);
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

/// One damaged cell record (row 65,535, column 65,535) would have calamine size a grid of 4 × 10⁹
/// cells, and a failed allocation aborts the process (the page's worker): the .xls is refused
/// first, with the sheet's extent.
#[test]
fn a_cell_record_far_out_is_refused_not_an_abort() {
    let mut bytes = fixtures()[1].clone();
    // A LABELSST record (0x00FD, 10 bytes): row, column, style, string index.
    let at = bytes
        .windows(4)
        .position(|w| w == [0xFD, 0x00, 0x0A, 0x00])
        .expect("a LABELSST record in corpus.xls");
    bytes[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    match kpiform_import::import("corpus.xls", &bytes) {
        Err(kpiform_import::Refusal::Damaged(_, why)) => {
            assert!(why.contains("65536"), "{why}")
        }
        other => panic!("not refused as damaged: {:?}", other.map(|i| i.text.len())),
    }
    // The file as it is still reads.
    assert!(kpiform_import::import("corpus.xls", &fixtures()[1]).is_ok());
}
