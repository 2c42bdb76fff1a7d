//! The region fixtures (`tests/fixtures/regions`: invented forms in the templates and layouts of
//! other regions, counted by hand in their INDEX.md): the number of forms and indicator rows
//! each holds, its template family, nothing dropped, S002 asking only for fields of the form's
//! own template, and a snapshot of what the parser reads (reviewed line by line; `cargo insta
//! review` after a change). When the real forms of `../shared/regions` are present beside the
//! repository, the parser is measured on them too.

mod common;

use std::fmt::Write;
use std::path::{Path, PathBuf};

use kpiform_core::{parse, Diagnostic, Document, FieldKey, Form, Indicator};

/// What INDEX.md counts in one fixture.
struct Expected {
    /// The file name without `.txt`.
    file: &'static str,
    /// Every form: (indicator rows, of them applicable, medium-term rows).
    forms: &'static [(usize, usize, usize)],
    /// The template key of its forms: the family INDEX.md names.
    template: Family,
    /// Codes that must be among its diagnostics.
    codes: &'static [&'static str],
}

enum Family {
    /// No form to have a family.
    None,
    /// The catalogue's template of the family INDEX.md names.
    Is(&'static str),
    /// The family INDEX.md names has this template in the catalogue and the parser once
    /// recorded another: only "not Shenzhen's" is asserted here, `template_gaps_are_closed`
    /// holds the template (an ignored test while a gap is open).
    Gap(&'static str),
}

const fn form(rows: usize, applicable: usize) -> (usize, usize, usize) {
    (rows, applicable, 0)
}

const EXPECTED: &[Expected] = &[
    Expected {
        file: "anhui-project__cell-per-line",
        forms: &[form(10, 9)],
        template: Family::Is("anhui-project"),
        codes: &[],
    },
    Expected {
        file: "chongqing-approval__spaces",
        forms: &[form(11, 10)],
        template: Family::Is("chongqing-approval"),
        codes: &[],
    },
    Expected {
        file: "cutoff__pipes",
        forms: &[form(5, 5)],
        template: Family::Is("project-88"),
        // The text ends inside row 6.
        codes: &["S006"],
    },
    Expected {
        file: "glued-labels__plain",
        forms: &[form(9, 8)],
        template: Family::Is("project-88"),
        codes: &[],
    },
    // hebei-transfer__trad-pinyin: not read yet, see `hebei_transfer_trad_pinyin_is_read`.
    Expected {
        file: "hubei-department__pdf-one-line",
        forms: &[form(9, 8)],
        // Hubei's 附件2 has no template of its own in the catalogue: the generic department one.
        template: Family::Is("department"),
        codes: &[],
    },
    Expected {
        file: "hunan-fupin__spaces",
        forms: &[form(11, 10)],
        template: Family::Is("poverty-relief"),
        codes: &[],
    },
    Expected {
        file: "hunan-longform__cell-per-line-blank",
        // 10 annual rows (one 不适用) and 8 long-term rows.
        forms: &[(10, 9, 8)],
        template: Family::Is("provincial-long"),
        codes: &[],
    },
    Expected {
        file: "lookalike-evaluation__pipes",
        forms: &[],
        template: Family::None,
        codes: &[],
    },
    Expected {
        file: "lookalike-selfeval__tabs",
        forms: &[],
        template: Family::None,
        codes: &[],
    },
    Expected {
        file: "national88-department__tabs",
        forms: &[form(11, 10)],
        template: Family::Is("department-88"),
        codes: &[],
    },
    Expected {
        file: "national88-project__pipes",
        forms: &[form(9, 8)],
        template: Family::Is("project-88"),
        codes: &[],
    },
    Expected {
        file: "national88-project__tabs",
        forms: &[form(10, 9)],
        template: Family::Is("project-88"),
        codes: &[],
    },
    Expected {
        file: "ningxia-prose__prose",
        forms: &[form(11, 10)],
        template: Family::Is("announcement"),
        codes: &[],
    },
    Expected {
        file: "shandong-project__cell-per-line-blank",
        forms: &[form(8, 7)],
        template: Family::Is("shandong-project"),
        codes: &[],
    },
    Expected {
        file: "shanghai-project__pdf-broken-cells",
        forms: &[form(9, 8)],
        template: Family::Is("shanghai-project"),
        codes: &[],
    },
    Expected {
        file: "shanghai-project__tabs",
        forms: &[form(10, 9)],
        template: Family::Is("shanghai-project"),
        codes: &[],
    },
    Expected {
        file: "transfer-regional__tabs",
        forms: &[form(8, 7)],
        template: Family::Is("transfer-regional"),
        codes: &[],
    },
    Expected {
        file: "yitihua-department__pipes",
        forms: &[form(8, 7)],
        template: Family::Is("yitihua-department"),
        codes: &[],
    },
    Expected {
        file: "yitihua-list__pipes",
        // One table listing two projects, read as a form each; one 不适用 row in all.
        forms: &[form(6, 6), form(7, 6)],
        template: Family::Is("yitihua-project"),
        codes: &[],
    },
    Expected {
        file: "yitihua-project__pipes",
        forms: &[form(13, 12)],
        // The 一体化 export (指标性质, 度量单位, 评(扣)分标准, 权重) under the 88号 title
        // 项目支出绩效目标表: once recorded as project-88, see `template_gaps_are_closed`.
        template: Family::Gap("yitihua-project"),
        codes: &[],
    },
    Expected {
        file: "yitihua-project__spaces",
        forms: &[form(14, 13)],
        template: Family::Is("yitihua-project"),
        codes: &[],
    },
    Expected {
        file: "zhejiang-project__pipes",
        forms: &[form(9, 8)],
        template: Family::Is("zhejiang-project"),
        codes: &[],
    },
];

/// The fixture the parser does not read yet (see `hebei_transfer_trad_pinyin_is_read`).
const NOT_READ_YET: &[&str] = &["hebei-transfer__trad-pinyin"];

const SHENZHEN: &str = "shenzhen-project";

fn regions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/regions")
}

fn fixture(file: &str) -> String {
    let path = regions_dir().join(format!("{file}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every fixture with its text, in the order of `EXPECTED`.
fn fixtures() -> Vec<(&'static Expected, String)> {
    EXPECTED.iter().map(|e| (e, fixture(e.file))).collect()
}

fn all_diagnostics(doc: &Document) -> impl Iterator<Item = &Diagnostic> {
    doc.diagnostics
        .iter()
        .chain(doc.forms.iter().flat_map(|f| &f.diagnostics))
}

/// (rows, applicable, medium-term rows) of every form.
fn counts(doc: &Document) -> Vec<(usize, usize, usize)> {
    doc.forms
        .iter()
        .map(|f| {
            (
                f.indicators.len(),
                f.applicable_indicators().count(),
                f.medium_indicators.len(),
            )
        })
        .collect()
}

#[test]
fn every_fixture_has_its_counts() {
    let mut on_disk: Vec<String> = std::fs::read_dir(regions_dir())
        .expect("the region fixtures")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    on_disk.sort();
    let mut known: Vec<String> = EXPECTED
        .iter()
        .map(|e| e.file)
        .chain(NOT_READ_YET.iter().copied())
        .map(str::to_string)
        .collect();
    known.sort();
    assert_eq!(on_disk, known, "a fixture without its counts here, or gone");
}

#[test]
fn forms_and_rows_are_the_hand_counts() {
    let mut wrong = Vec::new();
    for (e, text) in fixtures() {
        let doc = parse(&text);
        let got = counts(&doc);
        if got != e.forms {
            wrong.push(format!(
                "{}: (rows, applicable, medium) of each form {got:?}, INDEX.md {:?}",
                e.file, e.forms
            ));
        }
        for code in e.codes {
            if !all_diagnostics(&doc).any(|d| d.code() == *code) {
                wrong.push(format!("{}: no {code}", e.file));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn templates_are_the_families_of_the_index() {
    let mut wrong = Vec::new();
    for (e, text) in fixtures() {
        let doc = parse(&text);
        for (n, f) in doc.forms.iter().enumerate() {
            let key = f.template.info().key;
            let ok = match e.template {
                Family::None => false,
                Family::Is(want) => key == want,
                Family::Gap(_) => key != SHENZHEN,
            };
            if !ok || key == SHENZHEN {
                wrong.push(format!("{} form {}: template {key}", e.file, n + 1));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Pieces of `text` in no span of the structure and no diagnostic.
fn dropped(text: &str) -> Vec<String> {
    common::uncovered(text)
}

#[test]
fn nothing_is_dropped() {
    let files = EXPECTED
        .iter()
        .map(|e| e.file)
        .chain(NOT_READ_YET.iter().copied());
    let mut wrong = Vec::new();
    for file in files {
        let missing = dropped(&fixture(file));
        if !missing.is_empty() {
            wrong.push(format!("{file}: {missing:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The field an S002 message names: `缺少必填字段「项目名称」` → `项目名称`.
fn named_field(d: &Diagnostic) -> &str {
    let zh = d.message.zh.as_str();
    let start = zh.find('「').map(|i| i + '「'.len_utf8());
    let end = zh.rfind('」');
    match (start, end) {
        (Some(s), Some(e)) if s <= e => &zh[s..e],
        _ => panic!("an S002 message naming no field: {zh}"),
    }
}

/// The labels of the fields a form's template asks for.
fn required_labels(f: &Form) -> Vec<&'static str> {
    let t = f.template.info();
    let mut keys: Vec<FieldKey> = t.required.to_vec();
    if t.long_term_goal_when_multi_year {
        keys.push(FieldKey::LongTermGoal);
    }
    keys.into_iter().map(|k| k.label_zh_for(f.kind)).collect()
}

/// Each fixture with the value of its first form's name left out (`项目名称 | ` with nothing
/// after it): a text that lacks a required field.
fn without_name(text: &str) -> Option<String> {
    let doc = parse(text);
    let field = doc.forms.first()?.fields.iter().find(|f| {
        f.key == FieldKey::Name && !f.value.text.is_empty() && !f.value.span.is_empty()
    })?;
    let span = field.value.span;
    Some(format!("{}{}", &text[..span.start], &text[span.end..]))
}

#[test]
fn s002_names_only_fields_of_the_template() {
    let mut seen = 0;
    let mut wrong = Vec::new();
    let texts = fixtures().into_iter().flat_map(|(e, text)| {
        let blanked = without_name(&text);
        [
            Some((e.file.to_string(), text)),
            blanked.map(|t| (format!("{} without its name", e.file), t)),
        ]
        .into_iter()
        .flatten()
    });
    for (file, text) in texts {
        let doc = parse(&text);
        for d in doc.diagnostics.iter().filter(|d| d.code() == "S002") {
            wrong.push(format!("{file}: S002 outside any form: {}", d.message.zh));
        }
        for f in &doc.forms {
            let required = required_labels(f);
            for d in f.diagnostics.iter().filter(|d| d.code() == "S002") {
                seen += 1;
                let field = named_field(d);
                if !required.contains(&field) {
                    wrong.push(format!(
                        "{file}: S002 asks for {field}, template {} asks for {required:?}",
                        f.template.info().key
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(seen > 0, "no S002 on any fixture: the test checks nothing");
}

#[test]
#[ignore = "Traditional+pinyin graded table not read yet (issue 11 left-out)"]
fn hebei_transfer_trad_pinyin_is_read() {
    // INDEX.md: one graded 预算指标绩效目标表, 4 indicator rows, none 不适用.
    let doc = parse(&fixture("hebei-transfer__trad-pinyin"));
    assert_eq!(counts(&doc), [form(4, 4)]);
    assert_eq!(doc.forms[0].template.info().key, "graded-transfer");
}

#[test]
fn template_gaps_are_closed() {
    let mut wrong = Vec::new();
    for (e, text) in fixtures() {
        let Family::Gap(want) = e.template else {
            continue;
        };
        for f in &parse(&text).forms {
            let key = f.template.info().key;
            if key != want {
                wrong.push(format!(
                    "{}: template {key}, INDEX.md's family {want}",
                    e.file
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// The snapshots.

fn short(s: &str) -> String {
    let one_line = s.replace('\n', "⏎");
    let n = one_line.chars().count();
    if n <= 40 {
        one_line
    } else {
        format!("{}…({n})", one_line.chars().take(40).collect::<String>())
    }
}

fn render_row(out: &mut String, doc: &Document, i: &Indicator) {
    let mut more = Vec::new();
    if let Some(c) = &i.operator {
        more.push(format!("op={}", c.text));
    }
    if let Some(c) = &i.medium_value {
        more.push(format!("mid={}", c.text));
    }
    if let Some(c) = &i.weight {
        more.push(format!("w={}", c.text));
    }
    if !i.explanation.text.is_empty() {
        more.push(format!("expl={}", short(&i.explanation.text)));
    }
    for (head, c) in &i.others {
        more.push(format!("{head}={}", short(&c.text)));
    }
    writeln!(
        out,
        "  L{:<3} {} | {}{} | {} | {} | {} | {}{}",
        doc.lines.line(i.span.start),
        i.level1.map_or("-", |l| l.as_str()),
        i.level2.as_ref().map_or("-", |l| l.name()),
        if i.mandatory { "*" } else { "" },
        i.name.text,
        i.value.text,
        i.unit_text().unwrap_or_else(|| "-".into()),
        if i.applicable {
            "applicable"
        } else {
            "不适用"
        },
        if more.is_empty() {
            String::new()
        } else {
            format!("  [{}]", more.join("; "))
        }
    )
    .unwrap();
}

fn render_diagnostic(out: &mut String, text: &str, doc: &Document, d: &Diagnostic) {
    let lc = doc.lines.line_col(text, d.span.start);
    writeln!(
        out,
        "  {}:{} {} {}",
        lc.line,
        lc.column,
        d.code(),
        d.message.zh
    )
    .unwrap();
}

/// What the checker reads and finds: the structure, and every diagnostic (the parser's and the
/// rules').
fn render(text: &str) -> String {
    let doc = kpiform_core::check(text, &Default::default());
    let mut out = String::new();
    writeln!(out, "forms: {}", doc.forms.len()).unwrap();
    if !doc.diagnostics.is_empty() {
        writeln!(out, "outside forms:").unwrap();
        for d in &doc.diagnostics {
            render_diagnostic(&mut out, text, &doc, d);
        }
    }
    for f in &doc.forms {
        writeln!(
            out,
            "\n== {} [{}] L{}-{} {:?} year={:?} unit={:?}",
            f.kind.as_str(),
            f.template.info().key,
            doc.lines.line(f.span.start),
            doc.lines.line(f.span.end),
            f.title.text,
            f.budget_year,
            f.amount_unit.map(|u| u.as_str())
        )
        .unwrap();
        writeln!(out, "fields:").unwrap();
        for field in &f.fields {
            writeln!(
                out,
                "  {} {} = {}{}",
                field.key.as_str(),
                field.label.text.replace('\n', "⏎"),
                short(&field.value.text),
                field.amount.map(|a| format!("  [{a}]")).unwrap_or_default()
            )
            .unwrap();
        }
        for t in &f.tasks {
            writeln!(
                out,
                "  task {} | {} | {:?} {:?} {:?}",
                t.name.text,
                short(&t.content.text),
                t.total,
                t.fiscal,
                t.other
            )
            .unwrap();
        }
        for (n, g) in f.goals.iter().enumerate() {
            writeln!(out, "  goal {} {}", n + 1, short(&g.text)).unwrap();
        }
        writeln!(out, "indicators: {}", f.indicators.len()).unwrap();
        for i in &f.indicators {
            render_row(&mut out, &doc, i);
        }
        if !f.medium_indicators.is_empty() {
            writeln!(out, "medium-term indicators: {}", f.medium_indicators.len()).unwrap();
            for i in &f.medium_indicators {
                render_row(&mut out, &doc, i);
            }
        }
        if !f.diagnostics.is_empty() {
            writeln!(out, "diagnostics:").unwrap();
            for d in &f.diagnostics {
                render_diagnostic(&mut out, text, &doc, d);
            }
        }
    }
    out
}

#[test]
fn snapshots() {
    let files = EXPECTED
        .iter()
        .map(|e| e.file)
        .chain(NOT_READ_YET.iter().copied());
    for file in files {
        insta::assert_snapshot!(file, render(&fixture(file)));
    }
}

// The real forms of ../shared/regions, when they are there.

/// What a person counted in a real form: (file name prefix, forms, indicator rows of all its
/// forms, medium-term rows included; codes that must be among its diagnostics).
const SHARED: &[(&str, usize, usize, &[&str])] = &[
    ("cqfj.gov.cn", 1, 1, &["S006"]),
    ("fuliang.gov.cn", 1, 13, &[]),
    ("gxs.wuhai.gov.cn", 1, 11, &["S006"]),
    // Cut off before its indicator table.
    ("jtysj.yq.gov.cn", 1, 0, &[]),
    ("linhai.gov.cn", 1, 7, &[]),
    ("linyixian.gov.cn", 1, 8, &[]),
    // Two projects of one list: 8 + 4 rows.
    ("m.qbidia.com", 2, 12, &[]),
    ("nanyue.gov.cn", 1, 16, &[]),
    // The header only: no indicator table.
    ("pdf.chddh.cn", 1, 0, &["S003"]),
    // Cut off after its first indicator sentence.
    ("tongxin.gov.cn", 1, 1, &["S006"]),
    ("wlt.huaibei.gov.cn", 1, 9, &[]),
    ("xtcg.xiangtan.gov.cn", 1, 7, &[]),
];

/// Real forms the parser does not read yet. boteman.cn (Hebei 邯郸, a graded 预算指标绩效目标表
/// flattened into Traditional characters with pinyin glosses): counted by hand as 2 forms and 3
/// indicator rows, read as 0 forms today. Only that it parses (and drops nothing) is asserted.
const SHARED_NOT_READ_YET: &[&str] = &["boteman.cn"];

#[test]
#[ignore = "Traditional+pinyin graded table not read yet (issue 11 left-out)"]
fn shared_boteman_is_read() {
    let Ok(entries) = std::fs::read_dir(shared_dir()) else {
        eprintln!("{} is not here", shared_dir().display());
        return;
    };
    let path = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("boteman.cn"))
        })
        .expect("the boteman.cn form");
    let doc = parse(&std::fs::read_to_string(path).expect("a shared form"));
    let rows: usize = doc
        .forms
        .iter()
        .map(|f| f.indicators.len() + f.medium_indicators.len())
        .sum();
    assert_eq!((doc.forms.len(), rows), (2, 3), "counted by hand");
}

fn shared_dir() -> PathBuf {
    // The repository's root is two levels above this crate; `shared` sits beside it.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/regions")
}

#[test]
fn shared_regions_are_the_hand_counts() {
    let dir = shared_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "{} is not here: the real forms of other regions are not measured",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let mut wrong = Vec::new();
    for prefix in SHARED_NOT_READ_YET {
        if !files.iter().any(|p| name(p).starts_with(prefix)) {
            wrong.push(format!("{prefix}: no file"));
        }
    }
    for (prefix, forms, rows, codes) in SHARED {
        let found: Vec<&PathBuf> = files
            .iter()
            .filter(|p| name(p).starts_with(prefix))
            .collect();
        let [path] = found[..] else {
            wrong.push(format!("{prefix}: {} files", found.len()));
            continue;
        };
        let text = std::fs::read_to_string(path).expect("a shared form");
        let doc = parse(&text);
        let got_rows: usize = doc
            .forms
            .iter()
            .map(|f| f.indicators.len() + f.medium_indicators.len())
            .sum();
        if (doc.forms.len(), got_rows) != (*forms, *rows) {
            wrong.push(format!(
                "{prefix}: {} forms, {got_rows} rows; counted by hand {forms} forms, {rows} rows",
                doc.forms.len()
            ));
        }
        for code in *codes {
            if !all_diagnostics(&doc).any(|d| d.code() == *code) {
                wrong.push(format!("{prefix}: no {code}"));
            }
        }
    }
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a shared form");
        // Every file, counted or not: parsing holds and nothing is dropped (the third-party
        // text is not shown, only how many pieces).
        let missing = dropped(&text);
        if !missing.is_empty() {
            wrong.push(format!("{}: {} pieces dropped", name(path), missing.len()));
        }
        let counted = SHARED
            .iter()
            .map(|s| s.0)
            .chain(SHARED_NOT_READ_YET.iter().copied())
            .any(|prefix| name(path).starts_with(prefix));
        if !counted {
            eprintln!("{}: no hand count here", name(path));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every diagnostic the checker makes on the real forms of ../shared/regions, by place and code
/// only (their text is third-party, and one names a person): reviewed in the snapshot.
#[test]
fn shared_regions_diagnostics() {
    let dir = shared_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} is not here: nothing to list", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = String::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let site = name.split('_').next().unwrap_or(&name).to_string();
        let text = std::fs::read_to_string(path).expect("a shared form");
        let doc = kpiform_core::check(&text, &Default::default());
        writeln!(out, "{site}: {} forms", doc.forms.len()).unwrap();
        for d in all_diagnostics(&doc) {
            let lc = doc.lines.line_col(&text, d.span.start);
            writeln!(out, "  {}:{} {}", lc.line, lc.column, d.code()).unwrap();
        }
    }
    insta::assert_snapshot!("shared-regions-diagnostics", out);
}
