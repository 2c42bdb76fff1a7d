//! The cleaned export keeps meaning, is idempotent, and loses no field or indicator in any
//! format. (The formats' readers — JSON Schema, openpyxl, Python's csv — are exercised by
//! tests/exports/test_exports.py.)

use kpiform_core::export::{clean, export, normalize_cell, ExportOptions, Format, Input};
use kpiform_core::{parse, FieldKey, Form};

use kpiform_testkit::TEXTS as FILES;

/// A text as the cleaning should leave it: Simplified (T006), spaces folded, width and
/// operators canonical.
fn canon(s: &str) -> String {
    let simplified: String = s.chars().map(kpiform_core::to_simplified).collect();
    let folded: Vec<String> = simplified
        .lines()
        .map(|l| normalize_cell(l, false).0)
        .collect();
    folded.join(" ")
}

fn same_form(a: &Form, b: &Form) {
    assert_eq!(a.kind, b.kind);
    assert_eq!(a.budget_year, b.budget_year);
    for key in [
        FieldKey::Code,
        FieldKey::Name,
        FieldKey::Applicant,
        FieldKey::BudgetUnit,
        FieldKey::Years,
        FieldKey::ProjectType,
        FieldKey::IsNew,
        FieldKey::Allocation,
        FieldKey::PolicyBasis,
        FieldKey::CalcBasis,
        FieldKey::AnnualGoal,
        FieldKey::LongTermGoal,
        FieldKey::Authority,
    ] {
        assert_eq!(
            a.text(key).map(canon),
            b.text(key).map(canon),
            "{key:?} of {:?}",
            a.text(FieldKey::Name)
        );
    }
    for key in [
        FieldKey::TotalAmount,
        FieldKey::YearAmount,
        FieldKey::TotalFiscal,
        FieldKey::TotalOther,
    ] {
        assert_eq!(a.amount(key), b.amount(key), "{key:?}");
    }
    assert_eq!(a.amount_unit, b.amount_unit);
    assert_eq!(a.years(), b.years());
    assert_eq!(a.tasks.len(), b.tasks.len());
    for (x, y) in a.tasks.iter().zip(&b.tasks) {
        assert_eq!(
            (
                canon(&x.name.text),
                canon(&x.content.text),
                x.total,
                x.fiscal,
                x.other
            ),
            (
                canon(&y.name.text),
                canon(&y.content.text),
                y.total,
                y.fiscal,
                y.other
            )
        );
    }
    assert_eq!(
        a.goals.iter().map(|g| canon(&g.text)).collect::<Vec<_>>(),
        b.goals.iter().map(|g| canon(&g.text)).collect::<Vec<_>>()
    );
    assert_eq!(a.indicators.len(), b.indicators.len());
    for (x, y) in a.indicators.iter().zip(&b.indicators) {
        assert_eq!(
            (x.level1, &x.level2, x.mandatory, x.applicable),
            (y.level1, &y.level2, y.mandatory, y.applicable),
            "{}",
            x.name.text
        );
        assert_eq!(canon(&x.name.text), canon(&y.name.text));
        assert_eq!(
            normalize_cell(&canon(&x.value.text), true).0,
            canon(&y.value.text)
        );
        assert_eq!(canon(&x.explanation.text), canon(&y.explanation.text));
        assert_eq!(
            x.unit_text().map(|u| canon(&u)),
            y.unit_text().map(|u| canon(&u))
        );
    }
}

#[test]
fn cleaning_keeps_meaning() {
    for text in FILES {
        let original = parse(text);
        let cleaned = clean(text, &ExportOptions::default());
        let again = parse(&cleaned.text);
        assert_eq!(original.forms.len(), again.forms.len());
        for (a, b) in original.forms.iter().zip(&again.forms) {
            same_form(a, b);
        }
        // The cleaned text is clean: nothing left that the parser cannot place.
        assert!(
            again
                .all_diagnostics()
                .all(|d| !matches!(d.code(), "S001" | "S004")),
            "{:?}",
            again
                .all_diagnostics()
                .map(|d| d.message.zh.clone())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn cleaning_twice_changes_nothing_more() {
    for text in FILES {
        let once = clean(text, &ExportOptions::default());
        let twice = clean(&once.text, &ExportOptions::default());
        assert_eq!(once.text, twice.text);
        assert!(
            twice.changes.is_empty(),
            "{:?}",
            &twice.changes[..twice.changes.len().min(5)]
        );
    }
    let all = ExportOptions {
        apply_suggested: true,
        ..ExportOptions::default()
    };
    for text in FILES {
        let once = clean(text, &all);
        let twice = clean(&once.text, &all);
        assert_eq!(once.text, twice.text, "with suggested fixes too");
    }
}

#[test]
fn fixes_are_applied_as_asked() {
    let text = FILES[3];
    // Safe fixes only: the unit typo stays, the Traditional character goes.
    let safe = clean(text, &ExportOptions::default());
    assert!(safe.text.contains("普法经费共计97.7元"));
    assert!(!safe.text.contains('計'));
    assert!(safe.changes.iter().any(|c| c.code == "T006"));
    // Suggested fixes on request: 97.7万元, rates as percentages.
    let all = clean(
        text,
        &ExportOptions {
            apply_suggested: true,
            ..ExportOptions::default()
        },
    );
    assert!(all.text.contains("普法经费共计97.7万元"));
    assert!(all
        .changes
        .iter()
        .any(|c| c.code == "A007" && c.before == "元" && c.after == "万元"));
    // One accepted fix only.
    let doc = kpiform_core::check(text, &Default::default());
    let a007 = doc.all_diagnostics().find(|d| d.code() == "A007").unwrap();
    let one = clean(
        text,
        &ExportOptions {
            accepted: vec![("A007".into(), a007.fix.as_ref().unwrap().span.start)],
            ..ExportOptions::default()
        },
    );
    assert!(one.text.contains("97.7万元") && one.text.contains("车辆维护达标率\t1\t"));
    // A001 relabels the amounts of 000 as 元, without touching the numbers.
    let relabeled = clean(
        FILES[0],
        &ExportOptions {
            apply_suggested: true,
            ..ExportOptions::default()
        },
    );
    assert!(relabeled.text.contains("本年度项目金额(元):\t1648300.00"));
    assert!(!relabeled.text.contains("(万元)"));
}

#[test]
fn every_change_is_listed() {
    let cleaned = clean(FILES[3], &ExportOptions::default());
    let codes: std::collections::BTreeSet<&str> = cleaned.changes.iter().map(|c| c.code).collect();
    for code in ["N001", "N003", "N006", "N008", "S004", "T006"] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
    let n008 = cleaned.changes.iter().find(|c| c.code == "N008").unwrap();
    assert_eq!(
        (n008.before.as_str(), n008.after.as_str()),
        ("项目编号:", "项目编码:")
    );
    assert_eq!(
        &FILES[3][n008.span.range()],
        "项目编号:",
        "changes point into the original"
    );
}

fn count_lines_with(bytes: &[u8], needle: &str) -> usize {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| l.contains(needle))
        .count()
}

#[test]
fn nothing_is_lost_in_any_format() {
    let inputs: Vec<Input> = FILES
        .iter()
        .enumerate()
        .map(|(i, t)| Input {
            path: ["000", "001", "002", "003"][i],
            text: t,
        })
        .collect();
    let o = ExportOptions::default();
    // Text: the same forms and indicators.
    let text = String::from_utf8(export(&inputs, Format::Text, &o).remove(0).bytes).unwrap();
    let doc = parse(&text);
    assert_eq!((doc.forms.len(), doc.indicator_count()), (42, 526));
    // JSON: every form, field and indicator.
    let json: serde_json::Value =
        serde_json::from_slice(&export(&inputs, Format::Json, &o).remove(0).bytes).unwrap();
    let forms: Vec<&serde_json::Value> = json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["forms"].as_array().unwrap())
        .collect();
    assert_eq!(forms.len(), 42);
    assert_eq!(
        forms
            .iter()
            .map(|f| f["indicators"].as_array().unwrap().len())
            .sum::<usize>(),
        526
    );
    assert_eq!(
        forms
            .iter()
            .filter(|f| f["fields"]["code"].is_string())
            .count(),
        39
    );
    // CSV: a header and a row per form / indicator; BOM first.
    let csv = export(&inputs, Format::Csv, &o);
    assert_eq!(csv.len(), 2);
    assert!(csv[0].bytes.starts_with("\u{feff}".as_bytes()));
    assert_eq!(
        count_lines_with(&csv[0].bytes, ",项目,") + count_lines_with(&csv[0].bytes, ",部门,"),
        42
    );
    // Report: a heading per form.
    let md = String::from_utf8(export(&inputs, Format::Report, &o).remove(0).bytes).unwrap();
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("## ") && l.contains('（'))
            .count(),
        42
    );
    let html = String::from_utf8(export(&inputs, Format::ReportHtml, &o).remove(0).bytes).unwrap();
    assert!(html.matches("<section class=\"form\">").count() >= 42);
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing loaded from outside"
    );
    // Excel: a zip with three sheets (read back by openpyxl in tests/exports).
    let xlsx = export(&inputs, Format::Xlsx, &o).remove(0).bytes;
    assert!(xlsx.starts_with(b"PK"));
}

#[test]
fn pasted_markup_stays_text_in_the_reports() {
    let text = "二级项目支出绩效目标申报表\n项目名称:\t<script>alert(1)</script>*加粗*\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t<img src=x onerror=alert(1)>\t≥1次\t解释\n";
    let input = [Input { path: "x", text }];
    let html = String::from_utf8(
        export(&input, Format::ReportHtml, &ExportOptions::default())
            .remove(0)
            .bytes,
    )
    .unwrap();
    assert!(!html.contains("<script>") && !html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;") || html.contains("&lt;script&gt;"));
    let md = String::from_utf8(
        export(&input, Format::Report, &ExportOptions::default())
            .remove(0)
            .bytes,
    )
    .unwrap();
    assert!(!md.contains("<img") && !md.contains("<script"));
}

/// The reviewer's decisions reach the reports: a dismissed finding leaves them (and the grade), a
/// comment joins its finding; a finding is known by its form, rule and quoted text.
#[test]
fn dismissed_findings_leave_the_report_and_comments_join_it() {
    use kpiform_core::{Dispositions, FindingKey};
    let text = kpiform_testkit::TEXTS[0];
    let input = Input {
        path: "000.txt",
        text,
    };
    let doc = kpiform_core::check(text, &Default::default());
    let form = &doc.forms[2];
    let v005 = form
        .diagnostics
        .iter()
        .find(|d| d.code() == "V005")
        .unwrap();
    let i001 = form
        .diagnostics
        .iter()
        .find(|d| d.code() == "I001")
        .unwrap();
    let report = |review: Dispositions| {
        let o = ExportOptions {
            review,
            ..Default::default()
        };
        String::from_utf8(
            export(&[Input { ..input }], Format::Report, &o)
                .remove(0)
                .bytes,
        )
        .unwrap()
    };
    let before = report(Dispositions::default());
    let message = &v005.message.zh;
    assert_eq!(
        before.matches(message.as_str()).count(),
        2,
        "forms 3 and 9 both have it"
    );
    let after = report(Dispositions {
        dismissed: vec![(FindingKey::of(text, Some(form), v005), "已说明".into())],
        comments: vec![(
            FindingKey::of(text, Some(form), i001),
            "请补充满意度指标".into(),
        )],
        ..Default::default()
    });
    assert_eq!(
        after.matches(message.as_str()).count(),
        1,
        "only form 3's is dismissed"
    );
    assert!(after.contains("【审核意见：请补充满意度指标】"));
    // Every V005 of the paste, at once.
    let all = report(Dispositions {
        dismissed: vec![(FindingKey::every("V005"), "不适用".into())],
        ..Default::default()
    });
    assert_eq!(all.matches(message.as_str()).count(), 0);
}

/// A grade the reviewer sets, with the reason, is the grade of the report, the JSON and the
/// workbook's table; the suggested grade stays beside it. A dismissed finding counts for no
/// grade.
#[test]
fn the_reviewers_grade_and_reason_reach_every_export() {
    use kpiform_core::{Dispositions, FindingKey, Grade, GradeOverride};
    let text = kpiform_testkit::TEXTS[0];
    let doc = kpiform_core::check(text, &Default::default());
    let (n, form) = doc
        .forms
        .iter()
        .enumerate()
        .find(|(_, f)| !f.diagnostics.is_empty())
        .unwrap();
    let id = kpiform_core::form_id(form);
    let suggested = kpiform_core::grade(form, &Default::default());
    assert_ne!(suggested.grade, Grade::Poor, "{suggested:?}");
    let review = Dispositions {
        grades: vec![GradeOverride {
            form: id.clone(),
            grade: Grade::Poor,
            reason: "测算依据不充分".into(),
        }],
        ..Default::default()
    };
    let run = |format: Format, review: &Dispositions| {
        let o = ExportOptions {
            review: review.clone(),
            ..Default::default()
        };
        export(
            &[Input {
                path: "000.txt",
                text,
            }],
            format,
            &o,
        )
        .remove(0)
        .bytes
    };
    let md = String::from_utf8(run(Format::Report, &review)).unwrap();
    let expected = format!(
        "审核结论：差（建议等级为{}，{} 分；审核人员改定，理由：测算依据不充分）。绩效目标存在严重问题，不得进入下一步预算安排流程。",
        suggested.grade.label().zh,
        suggested.score
    );
    assert!(md.contains(&expected), "{md}");
    assert_eq!(md.matches("审核人员改定").count(), 1, "one form only");
    let json: serde_json::Value = serde_json::from_slice(&run(Format::Json, &review)).unwrap();
    let g = &json["inputs"][0]["forms"][n]["grade"];
    assert_eq!(g["level"], "poor");
    assert_eq!(g["suggested"], suggested.grade.as_str());
    assert_eq!(g["reason"], "测算依据不充分");
    assert_eq!(g["status"], "in-review");
    let other = &json["inputs"][0]["forms"][(n + 1) % doc.forms.len()]["grade"];
    assert_eq!(other["status"], "not-started");
    assert!(other.get("reason").is_none());
    let csv = String::from_utf8(run(Format::Csv, &review)).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with("审核等级,改定理由,审核状态"), "{header}");
    let row = csv.lines().nth(n + 1).unwrap();
    assert!(row.ends_with(",差,测算依据不充分,审核中"), "{row}");
    // Dismissing every finding of the form: nothing left to count, 100 points.
    let all_dismissed = Dispositions {
        dismissed: form
            .diagnostics
            .iter()
            .map(|d| (FindingKey::of(text, Some(form), d), "误报".to_string()))
            .collect(),
        ..Default::default()
    };
    let a = all_dismissed.assess(text, form);
    assert_eq!((a.suggested.score, a.grade), (100.0, Grade::Excellent));
    assert_eq!(a.status, kpiform_core::Status::InReview);
}

/// The streamed JSON of an input (`json::input_view`, the CLI's) is byte for byte the JSON of
/// the whole `json::input`: on every corpus file, on the corpus as one paste and as a paste of
/// files (each form then names its file).
#[test]
fn streamed_json_is_the_whole_json() {
    use kpiform_core::{json, Lang};
    use kpiform_testkit::{corpus_all, CORPUS};
    let files: String = CORPUS
        .iter()
        .map(|f| format!("{}\n{}", kpiform_core::file_line(f.file), f.text))
        .collect();
    let mut inputs: Vec<(&str, String)> = CORPUS
        .iter()
        .map(|f| (f.file, f.text.to_string()))
        .collect();
    inputs.push(("all", corpus_all()));
    inputs.push(("files", files));
    for (name, text) in &inputs {
        let doc = kpiform_core::check(text, &Default::default());
        assert!(!doc.forms.is_empty(), "{name}");
        let review = Default::default();
        for lang in [Lang::Zh, Lang::En] {
            let whole = json::input(name, text, &doc, lang, &review);
            let streamed = json::input_view(name, text, &doc, lang, &review);
            assert_eq!(
                serde_json::to_string_pretty(&whole).unwrap(),
                serde_json::to_string_pretty(&streamed).unwrap(),
                "{name}"
            );
        }
    }
}
