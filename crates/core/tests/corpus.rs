//! The parser on the four real corpus dumps (copied into tests/fixtures/corpus).

use kpiform_core::{parse, Document, FieldKey, FormKind};

use kpiform_testkit::CORPUS;

#[test]
fn corpus_counts() {
    let (mut forms, mut project, mut department, mut rows, mut applicable) = (0, 0, 0, 0, 0);
    let mut per_file = Vec::new();
    for (name, text) in CORPUS.map(|f| (f.short(), f.text)) {
        let doc = parse(text);
        per_file.push((name, doc.forms.len()));
        forms += doc.forms.len();
        project += doc
            .forms
            .iter()
            .filter(|f| f.kind == FormKind::Project)
            .count();
        department += doc
            .forms
            .iter()
            .filter(|f| f.kind == FormKind::Department)
            .count();
        rows += doc.indicator_count();
        applicable += doc
            .forms
            .iter()
            .map(|f| f.applicable_indicators().count())
            .sum::<usize>();
    }
    assert_eq!(
        per_file,
        vec![("000", 11), ("001", 1), ("002", 11), ("003", 19)]
    );
    assert_eq!((forms, project, department), (42, 41, 1));
    assert_eq!(rows, 526);
    assert_eq!(applicable, 362);
}

/// Codes, names, amounts and 实施期限 are read exactly as written: the parsed text is the text of
/// the span it came from, and amounts are the written numbers.
#[test]
fn header_values_exactly_as_written() {
    let mut codes = 0;
    for text in CORPUS.map(|f| f.text) {
        let doc = parse(text);
        for form in &doc.forms {
            for key in [
                FieldKey::Code,
                FieldKey::Name,
                FieldKey::Years,
                FieldKey::TotalAmount,
                FieldKey::YearAmount,
            ] {
                let Some(field) = form.field(key) else {
                    assert_eq!(
                        form.kind,
                        FormKind::Department,
                        "{key:?} missing in {}",
                        form.title.text
                    );
                    continue;
                };
                assert_eq!(field.value.span.text(text), field.value.text, "{key:?}");
            }
            if let Some(code) = form.text(FieldKey::Code) {
                assert!(code.chars().all(|c| c.is_ascii_digit()), "{code}");
                codes += 1;
            }
            if form.kind == FormKind::Project {
                let years = form
                    .years()
                    .expect("every corpus project form has 实施期限");
                assert!((1..=5).contains(&years));
                for key in [FieldKey::TotalAmount, FieldKey::YearAmount] {
                    let f = form.field(key).unwrap();
                    let written: f64 = f.value.text.replace(',', "").parse().unwrap();
                    assert_eq!(f.amount, Some(written));
                }
            }
        }
    }
    assert_eq!(codes, 39, "41 project forms, two with an empty 项目编码");
}

fn find<'a>(doc: &'a Document, code: &str) -> &'a kpiform_core::Form {
    doc.forms
        .iter()
        .find(|f| f.text(FieldKey::Code) == Some(code))
        .unwrap()
}

#[test]
fn spot_checks_of_the_layouts() {
    // 000: tab-separated, 万元 labels.
    let doc = parse(CORPUS[0].text);
    let f = find(&doc, "44030422146150000007");
    assert_eq!(f.text(FieldKey::Name), Some("一般管理事务"));
    assert_eq!(f.amount(FieldKey::TotalAmount), Some(7_944_900.0));
    assert_eq!(f.amount_unit.map(|u| u.as_str()), Some("万元"));
    assert_eq!(f.text(FieldKey::ProjectType), Some("15 其他经费"));
    assert_eq!(f.is_new(), Some(false));
    assert_eq!(f.text(FieldKey::Allocation), Some("因素法和项目法"));
    // `项目编号` is read as the code.
    assert_eq!(
        find(&doc, "44030422146150000006")
            .field(FieldKey::Code)
            .unwrap()
            .label
            .text,
        "项目编号"
    );

    // 002: shifted columns, `(中期规划, 万)` label, <p> HTML, a page break inside the table.
    let doc = parse(CORPUS[2].text);
    let f = find(&doc, "440304231060100205004");
    assert_eq!(f.amount(FieldKey::TotalAmount), Some(21_693_300.0));
    assert_eq!(f.amount_unit.map(|u| u.as_str()), Some("万元"));
    assert!(f
        .text(FieldKey::LongTermGoal)
        .unwrap()
        .starts_with("通过本项目的实施，确保福田区智慧城市指挥中心正常运营"));
    assert!(!f.text(FieldKey::CalcBasis).unwrap().contains("<p>"));
    assert_eq!(
        f.indicators.len(),
        26,
        "rows after the blank line belong to the table"
    );
    let f = find(&doc, "440304231060100205001");
    assert_eq!(f.text(FieldKey::Name), Some("政务事项管理"));
    assert_eq!(
        f.text(FieldKey::Applicant),
        Some("深圳市福田区政务服务数据管理局(本级)")
    );

    // 003: 元 labels, 目标值, blank merged cells, shifted rows, <ol>, full-width colons.
    let doc = parse(CORPUS[3].text);
    let f = find(&doc, "440313240021500600002");
    assert_eq!(f.amount_unit.map(|u| u.as_str()), Some("元"));
    assert_eq!(f.amount(FieldKey::YearAmount), Some(2_565_378.9));
    let rows: Vec<_> = f
        .indicators
        .iter()
        .map(|i| {
            (
                i.level2.as_ref().unwrap().name(),
                i.name.text.as_str(),
                i.value.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows[1],
        ("数量", "租赁车辆数", "11辆"),
        "blank merged cells inherit the category"
    );
    assert_eq!(
        rows[7],
        ("成本", "成本控制率", "≤100%"),
        "a row shifted left is placed by its 二级"
    );
    assert_eq!(rows[12], ("可持续影响", "工作正常运行率", "1"));
    assert!(f.indicators.iter().all(|i| i.mandatory
        == matches!(
            i.level2.as_ref().unwrap().name(),
            "数量" | "质量" | "时效" | "成本" | "社会效益" | "服务对象满意度"
        )));
    let f = find(&doc, "440313220021506200009");
    let sat = f
        .indicators
        .iter()
        .find(|i| i.name.text == "区各单位满意度")
        .unwrap();
    assert_eq!(
        sat.level1.map(|l| l.as_str()),
        Some("满意度"),
        "the 一级 label in the wrong row does not matter"
    );
    let f = find(&doc, "440313240021500100006");
    assert!(f
        .text(FieldKey::AnnualGoal)
        .unwrap()
        .starts_with("1.正常使用文印室"));
    let f = find(&doc, "440313230021500305025");
    assert_eq!(
        f.text(FieldKey::Name),
        Some("社矫及安置帮教工作经费"),
        "full-width colon labels"
    );

    // 001: the department form.
    let doc = parse(CORPUS[1].text);
    let f = &doc.forms[0];
    assert_eq!(f.kind, FormKind::Department);
    assert_eq!(f.title.text, "部门（单位）整体支出绩效目标申报表");
    assert_eq!(f.budget_year, Some(2026));
    assert_eq!(
        f.text(FieldKey::Authority),
        Some("深圳市福田区重点片区建设发展中心（本级）")
    );
    assert_eq!(f.amount(FieldKey::TotalAmount), Some(3293.33));
    let tasks: Vec<_> = f
        .tasks
        .iter()
        .map(|t| (t.name.text.as_str(), t.total, t.fiscal, t.other))
        .collect();
    assert_eq!(
        tasks,
        vec![
            ("基本支出", Some(1125.33), Some(1125.33), Some(0.0)),
            ("一般管理事务", Some(888.96), Some(888.96), Some(0.0)),
            (
                "重点片区建设（其他项目）",
                Some(1279.04),
                Some(1279.04),
                Some(0.0)
            ),
        ]
    );
    assert_eq!(f.goals.len(), 10);
    assert!(f.goals[1].text.starts_with("通过加强2026年辅助人员力量"));
    assert_eq!(f.indicators.len(), 33);
    let flattened = f
        .indicators
        .iter()
        .find(|i| i.name.text == "对提升区域品牌影响力的促进程度")
        .unwrap();
    assert_eq!(
        (
            flattened.value.text.as_str(),
            flattened.level2.as_ref().unwrap().name()
        ),
        ("显著", "社会效益")
    );
    assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
}

#[test]
fn structure_diagnostics_on_the_corpus() {
    let mut found = Vec::new();
    for (name, text) in CORPUS.map(|f| (f.short(), f.text)) {
        let doc = parse(text);
        for d in doc.all_diagnostics() {
            found.push(format!(
                "{name}:{} {}",
                doc.lines.line(d.span.start),
                d.code()
            ));
        }
    }
    // The two forms with an empty 项目编码, and the extra `不适用` cell of a shifted row.
    assert_eq!(found, vec!["003:27 S004", "003:436 S002", "003:459 S002"]);
}

/// Every non-space character of the input is placed in the structure or reported.
#[test]
fn nothing_is_dropped_on_the_corpus() {
    for (name, text) in CORPUS.map(|f| (f.short(), f.text)) {
        let uncovered = common::uncovered(text);
        assert!(
            uncovered.is_empty(),
            "{name}: text neither placed nor reported: {uncovered:?}"
        );
    }
}

mod common;
