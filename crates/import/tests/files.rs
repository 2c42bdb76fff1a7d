//! Files written by real writers (scripts/import_fixtures.py: openpyxl, xlwt, python-docx) read
//! into the same forms, fields and indicator rows as the text they were made from.

use kpiform_core::{Document, FieldKey};
use kpiform_import::{import, Kind, Refusal};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");
const REGIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/regions");

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).unwrap()
}

/// What the test compares of a form: its kind and template, every field (amounts by number,
/// since a number cell holds 7944900 where the text says 7,944,900.00), every indicator row.
#[derive(Debug, PartialEq)]
struct Summary {
    kind: String,
    template: String,
    fields: Vec<(String, String)>,
    indicators: Vec<[String; 5]>,
    codes: Vec<String>,
}

fn summary(doc: &Document) -> Vec<Summary> {
    doc.forms
        .iter()
        .map(|f| {
            let mut codes: Vec<String> =
                f.diagnostics.iter().map(|d| d.code().to_string()).collect();
            codes.sort();
            Summary {
                kind: format!("{:?}", f.kind),
                template: format!("{:?}", f.template),
                fields: f
                    .fields
                    .iter()
                    .map(|x| {
                        let v = match x.amount {
                            Some(a) => format!("{a}"),
                            None => x.value.text.clone(),
                        };
                        (format!("{:?}", x.key), v)
                    })
                    .collect(),
                indicators: f
                    .indicators
                    .iter()
                    .map(|i| {
                        [
                            format!("{:?}", i.level1),
                            i.level2
                                .as_ref()
                                .map(|l| l.name().to_string())
                                .unwrap_or_default(),
                            i.name.text.clone(),
                            i.value.text.clone(),
                            i.explanation.text.clone(),
                        ]
                    })
                    .collect(),
                codes,
            }
        })
        .collect()
}

fn check(text: &str) -> Document {
    kpiform_core::check(text, &kpiform_core::Options::default())
}

fn corpus_text() -> String {
    kpiform_testkit::TEXTS.join("\n")
}

fn assert_same(name: &str, kind: Kind, expected: &[Summary]) {
    let imported = import(name, &file(name)).unwrap_or_else(|r| panic!("{name}: {r}"));
    assert_eq!(imported.kind, kind);
    let got = summary(&check(&imported.text));
    assert_eq!(got.len(), expected.len(), "{name}: forms");
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        assert_eq!(g, e, "{name}: form {}", i + 1);
    }
}

#[test]
fn seed_forms_as_workbooks_and_documents() {
    let expected = summary(&check(&corpus_text()));
    assert_eq!(expected.len(), 42);
    assert_eq!(
        expected.iter().map(|s| s.indicators.len()).sum::<usize>(),
        526
    );
    assert_same("corpus.xlsx", Kind::Xlsx, &expected);
    assert_same("corpus.xls", Kind::Xls, &expected);
    assert_same("corpus.docx", Kind::Docx, &expected);
    assert_same("corpus.ods", Kind::Ods, &expected);
}

#[test]
fn a_workbook_saved_as_a_web_page() {
    // xlsx2html: merged cells as rowspan/colspan, numbers as displayed (7,944,900.00).
    let expected = summary(&check(kpiform_testkit::TEXTS[0]));
    assert_eq!(expected.len(), 11);
    assert_same("corpus-000.html", Kind::Html, &expected);
}

#[test]
fn region_forms_as_workbooks_and_documents() {
    let texts: Vec<String> = [
        "national88-project__tabs.txt",
        "shanghai-project__tabs.txt",
        "national88-department__tabs.txt",
        "transfer-regional__tabs.txt",
    ]
    .iter()
    .map(|n| std::fs::read_to_string(format!("{REGIONS}/{n}")).unwrap())
    .collect();
    let mut expected = summary(&check(&texts.join("\n")));
    assert_same("regions.docx", Kind::Docx, &expected);
    // In the workbook the Shanghai form's dates are date cells: they read as ISO dates.
    let xlsx = import("regions.xlsx", &file("regions.xlsx")).unwrap();
    assert!(xlsx
        .text
        .contains("计划开始日期\t2025-01-01\t计划完成日期\t2025-12-31"));
    for s in &mut expected {
        for (_, v) in &mut s.fields {
            *v = v
                .replace("2025年1月1日", "2025-01-01")
                .replace("2025年12月31日", "2025-12-31");
        }
    }
    assert_same("regions.xlsx", Kind::Xlsx, &expected);
}

#[test]
fn what_the_cells_hold() {
    let x = import("corpus.xlsx", &file("corpus.xlsx")).unwrap();
    // An amount cell formatted #,##0.00 holds the number; a percentage cell shows its percent.
    assert!(x
        .text
        .contains("项目总金额(中期规划,万元):\t7944900\t本年度项目金额(万元):\t1648300"));
    assert!(x.text.contains("\t100%\t"));
    // The .xls too: a BIFF number cell 1.0 formatted 0% (its format read from the XF records).
    let xls = import("corpus.xls", &file("corpus.xls")).unwrap();
    assert!(xls.text.contains("第三方服务质量合格率\t100%\t"));
    assert!(xls.text.contains("项目总金额(中期规划,万元):\t7944900\t"));
    // The merged 一级指标 leaves the rows below it empty in that column, as Excel copies it.
    assert!(x.text.contains("\n\t*质量\t"));
    // A line break inside a cell became a space, and the import says where.
    assert!(!x.notes.is_empty());
    assert!(x.notes.iter().all(|n| n.zh.contains("换行") && n.line > 0));
}

#[test]
fn its_own_workbook_reads_back() {
    use kpiform_core::export::{export, ExportOptions, Format, Input};
    let text = corpus_text();
    let input = Input {
        path: "corpus.txt",
        text: &text,
    };
    let out = export(&[input], Format::Xlsx, &ExportOptions::default());
    let bytes = out.into_iter().next().unwrap().bytes;
    let back = import("审核.xlsx", &bytes).unwrap();
    let original = check(&text);
    let doc = check(&back.text);
    assert_eq!(doc.forms.len(), original.forms.len());
    for (a, b) in doc.forms.iter().zip(&original.forms) {
        assert_eq!(a.text(FieldKey::Name), b.text(FieldKey::Name));
        assert_eq!(a.text(FieldKey::Code), b.text(FieldKey::Code));
        assert_eq!(
            a.amount(FieldKey::YearAmount),
            b.amount(FieldKey::YearAmount)
        );
        let rows = |f: &kpiform_core::Form| -> Vec<(String, String, String)> {
            f.indicators
                .iter()
                .map(|i| {
                    (
                        i.name.text.clone(),
                        i.value.text.clone(),
                        i.explanation.text.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(rows(a), rows(b));
    }
}

#[test]
fn what_cannot_be_read_says_so() {
    assert_eq!(import("a.pdf", &file("form.pdf")), Err(Refusal::Pdf));
    assert_eq!(
        import("a.png", &file("image.png")),
        Err(Refusal::Image("PNG"))
    );
    assert_eq!(
        import("a.xlsx", &file("encrypted.xlsx")),
        Err(Refusal::Encrypted)
    );
    let xlsx = file("corpus.xlsx");
    match import("a.xlsx", &xlsx[..xlsx.len() / 2]) {
        Err(Refusal::Damaged(Kind::Xlsx, _)) => {}
        other => panic!("{other:?}"),
    }
    let docx = file("corpus.docx");
    match import("a.docx", &docx[..docx.len() - 100]) {
        Err(Refusal::Damaged(Kind::Docx, _)) => {}
        other => panic!("{other:?}"),
    }
    let mut x: u64 = 7;
    let random: Vec<u8> = (0..10_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    assert_eq!(import("a.txt", &random), Err(Refusal::Binary));
    let frames =
        "<html><frameset rows=\"*,39\"><frame src=\"a_files/sheet001.htm\"></frameset></html>";
    assert!(matches!(
        import("a.htm", frames.as_bytes()),
        Err(Refusal::Unsupported(_))
    ));
    for r in [Refusal::Pdf, Refusal::Binary, Refusal::Encrypted] {
        assert!(!r.zh().is_empty() && r.en().is_ascii());
    }
}
