//! Layouts beyond the corpus (domain.md, "Layouts to expect"), and the structure rules.

mod common;

use kpiform_core::{parse, FieldKey, FormKind};

const F000: &str = kpiform_testkit::TEXTS[0];

/// What matters of a parse, for comparing layouts of the same content.
fn essence(text: &str) -> Vec<String> {
    let doc = parse(text);
    let mut out = Vec::new();
    for f in &doc.forms {
        let mut fields: Vec<_> = f
            .fields
            .iter()
            .map(|x| format!("{:?}={}|{:?}", x.key, x.value.text, x.amount))
            .collect();
        fields.sort();
        out.push(format!("{:?} {}", f.kind, fields.join(";")));
        for i in &f.indicators {
            out.push(format!(
                "{:?}/{:?}/{} {} {} {} {}",
                i.level1,
                i.level2,
                i.mandatory,
                i.name.text,
                i.value.text,
                i.explanation.text,
                i.applicable
            ));
        }
    }
    out
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let crlf = F000.replace('\n', "\r\n");
    assert_eq!(essence(&crlf), essence(F000));
    assert!(common::uncovered(&crlf).is_empty());
    let cr = F000.replace('\n', "\r");
    assert_eq!(essence(&cr), essence(F000));
}

#[test]
fn pipe_tables_read_like_tabs() {
    let piped: String = F000
        .lines()
        .map(|l| {
            if l.contains('\t') {
                format!("| {} |\n", l.split('\t').collect::<Vec<_>>().join(" | "))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_eq!(essence(&piped), essence(F000));
    assert!(common::uncovered(&piped).is_empty());
}

#[test]
fn odd_spaces_and_widths_in_labels() {
    let text = "二级项目支出绩效目标申报表\n项目编码：\u{3000}440304221461500000001\u{a0}\t项 目 名 称 :\t党组织建设\n项目总金额（中期规划，万元）：\t1,000.00\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t活动次数\t≥4次\t考察次数\n";
    let doc = parse(text);
    let f = &doc.forms[0];
    assert_eq!(f.text(FieldKey::Code), Some("440304221461500000001"));
    assert_eq!(f.text(FieldKey::Name), Some("党组织建设"));
    assert_eq!(f.amount(FieldKey::TotalAmount), Some(1000.0));
    assert_eq!(f.indicators.len(), 1);
    assert!(common::uncovered(text).is_empty());
}

#[test]
fn one_field_per_line_and_glued_labels() {
    let text = "二级项目支出绩效目标申报表\n项目编码：440304221461500000001\n项目名称农村义务教育\n申请单位\n深圳市某某中心\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t活动次数\t≥4次\t考察次数\n";
    let doc = parse(text);
    let f = &doc.forms[0];
    assert_eq!(f.text(FieldKey::Code), Some("440304221461500000001"));
    assert_eq!(f.text(FieldKey::Name), Some("农村义务教育"));
    assert_eq!(
        f.text(FieldKey::Applicant),
        Some("深圳市某某中心"),
        "a value on the line after its label"
    );
    assert!(common::uncovered(text).is_empty());
}

#[test]
fn prose_fields_continue_over_lines_and_html_is_removed() {
    let text = "二级项目支出绩效目标申报表\n测算依据:\t<p>1. 保洁费100万元；</p>\n2. 保安费53万元。\n年度目标:\t<ol><li>完成保洁</li><li>完成保安</li></ol>\n";
    let doc = parse(text);
    let f = &doc.forms[0];
    assert_eq!(
        f.text(FieldKey::CalcBasis),
        Some("1. 保洁费100万元；\n2. 保安费53万元。")
    );
    assert_eq!(
        f.text(FieldKey::AnnualGoal),
        Some("1. 完成保洁\n2. 完成保安")
    );
    // The value span covers both lines of the calculation basis.
    let span = f.field(FieldKey::CalcBasis).unwrap().value.span;
    assert!(span.text(text).starts_with("<p>1.") && span.text(text).ends_with("53万元。"));
}

#[test]
fn text_outside_forms_is_reported_not_dropped() {
    let text = "附件2：\n福田区2024年预算\n\n二级项目支出绩效目标申报表\n项目名称:\t甲\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t活动次数\t≥4次\t考察次数\n\n以下为自评表\n二级项目支出绩效自评表\n项目名称:\t乙\n";
    let doc = parse(text);
    assert_eq!(doc.forms.len(), 1, "a 自评表 is not a 申报表");
    let s001: Vec<_> = doc
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.span.text(text)))
        .collect();
    assert_eq!(
        s001,
        vec![
            ("S001", "附件2：\n福田区2024年预算"),
            ("S001", "以下为自评表"),
            ("S001", "二级项目支出绩效自评表\n项目名称:\t乙"),
        ]
    );
    assert!(doc.diagnostics[2].message.zh.contains("是绩效自评表"));
    assert_eq!(
        doc.lines.line(doc.forms[0].span.end),
        7,
        "the form ends at its last row"
    );
    assert!(common::uncovered(text).is_empty());
}

#[test]
fn s002_s003_s004() {
    let text = "二级项目支出绩效目标申报表\n项目编码:\t\t项目名称:\t甲\n实施期限:\t3\n这一行不属于任何字段\t也不是表格\n";
    let doc = parse(text);
    let f = &doc.forms[0];
    let codes: Vec<_> = f.diagnostics.iter().map(|d| d.code()).collect();
    assert!(codes.contains(&"S003"), "{codes:?}");
    assert!(codes.contains(&"S004"), "{codes:?}");
    let s002: Vec<_> = f
        .diagnostics
        .iter()
        .filter(|d| d.code() == "S002")
        .map(|d| d.message.zh.clone())
        .collect();
    assert!(
        s002.contains(&"必填字段「项目编码」为空".to_string()),
        "{s002:?}"
    );
    assert!(
        s002.contains(&"缺少必填字段「申请单位」".to_string()),
        "{s002:?}"
    );
    assert!(
        s002.contains(&"缺少必填字段「长期目标」".to_string()),
        "a 3-year project needs its long-term goal"
    );
    // The empty code points at its label.
    let d = f
        .diagnostics
        .iter()
        .find(|d| d.message.zh.contains("项目编码"))
        .unwrap();
    assert_eq!(d.span.text(text), "项目编码:");
    assert!(common::uncovered(text).is_empty());
}

#[test]
fn department_form_in_tabs() {
    let text = "部门（单位）整体支出绩效目标申报表\n（2025年度）\n部门（单位）名称\t某中心\t主管部门\t某局\n年度主要任务\t任务名称\t主要内容\t预算金额（万元）\n\t\t\t总额\t财政拨款\t其他资金\n\t基本支出\t人员经费\t100\t90\t10\n金额合计\t\t100\t90\t10\n年度总体目标\t目标1：完成甲。\n目标2：完成乙。\n一级指标\t二级指标\t三级指标\t指标值\t度量单位\t指标解释\n产出指标\t数量指标\t活动次数\t≥4\t次\t考察次数\n";
    let doc = parse(text);
    let f = &doc.forms[0];
    assert_eq!(f.kind, FormKind::Department);
    assert_eq!(f.budget_year, Some(2025));
    assert_eq!(f.text(FieldKey::Name), Some("某中心"));
    assert_eq!(f.text(FieldKey::Authority), Some("某局"));
    assert_eq!(f.amount(FieldKey::TotalAmount), Some(100.0));
    assert_eq!(f.amount(FieldKey::TotalOther), Some(10.0));
    assert_eq!(f.tasks.len(), 1);
    assert_eq!(
        (f.tasks[0].total, f.tasks[0].fiscal, f.tasks[0].other),
        (Some(100.0), Some(90.0), Some(10.0))
    );
    let goals: Vec<_> = f.goals.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(goals, vec!["完成甲。", "完成乙。"]);
    assert_eq!(f.indicators[0].unit.as_ref().unwrap().text, "次");
    assert_eq!(f.indicators[0].unit_text().as_deref(), Some("次"));
    assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
    assert!(common::uncovered(text).is_empty());
}

#[test]
fn other_regions_cost_level_and_unknown_categories() {
    let text = "项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n成本指标\t经济成本指标\t设备购置成本\t≤50万元\t按合同\n产出指标\t数量指标\t设备数量\t≥10台\t\n履职效能\t工作效率\t审批时限\t≤5个工作日\t\n";
    let doc = parse(text);
    let rows: Vec<_> = doc.forms[0]
        .indicators
        .iter()
        .map(|i| {
            (
                i.level1.map(|l| l.as_str()),
                i.level2.as_ref().map(|l| l.name().to_string()),
                i.name.text.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows[0],
        (Some("成本"), Some("经济成本".into()), "设备购置成本".into())
    );
    assert_eq!(
        rows[1],
        (Some("产出"), Some("数量".into()), "设备数量".into())
    );
    assert_eq!(
        rows[2],
        (None, Some("工作效率".into()), "审批时限".into()),
        "unknown categories read by position"
    );
}

#[test]
fn empty_and_blank_input() {
    for text in ["", "\n\n", " \t\u{3000}\r\n"] {
        let doc = parse(text);
        assert!(doc.forms.is_empty() && doc.diagnostics.is_empty());
    }
}

#[test]
fn space_separated_columns_and_traditional_labels() {
    let text = "二級項目支出績效目標申報表\n項目編碼：440304221461500000001  項目名稱：党组织建设\n申请单位: 某中心 一级预算单位: 某局\n項目總金額（中期規劃，萬元）：  1,000.00\n一級指標  二級指標  三級指標  指標值  指標解釋\n產出  *數量  活动次数  ≥4次  考察次数 每年统计\n效益  經濟效益  不適用  不適用  不適用\n";
    let doc = parse(text);
    assert_eq!(doc.forms.len(), 1);
    let f = &doc.forms[0];
    assert_eq!(f.text(FieldKey::Code), Some("440304221461500000001"));
    assert_eq!(f.text(FieldKey::Name), Some("党组织建设"));
    assert_eq!(
        f.text(FieldKey::Applicant),
        Some("某中心"),
        "a label after a single space, with its colon"
    );
    assert_eq!(f.text(FieldKey::BudgetUnit), Some("某局"));
    assert_eq!(f.amount(FieldKey::TotalAmount), Some(1000.0));
    assert_eq!(f.amount_unit.map(|u| u.as_str()), Some("万元"));
    let rows: Vec<_> = f
        .indicators
        .iter()
        .map(|i| {
            (
                i.level2.as_ref().unwrap().name(),
                i.name.text.as_str(),
                i.value.text.as_str(),
                i.explanation.text.as_str(),
                i.applicable,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("数量", "活动次数", "≥4次", "考察次数 每年统计", true),
            ("经济效益", "不適用", "不適用", "不適用", false)
        ]
    );
    assert!(f.indicators[0].mandatory);
    assert!(common::uncovered(text).is_empty());
}

/// A paste that ends in the first word of a row (a flattened table cut by an excerpt): the table
/// is said to be cut off there (S006), and the rules that count rows say nothing.
#[test]
fn a_table_of_words_cut_in_its_first_word() {
    let text = "项目绩效目标表\n项目名称 某某项目\n一级指标 二级指标 三级指标 指标值\n\
                产出指标 数量指标 培训人次 ≥100人次\n效";
    let checked = kpiform_core::check(text, &Default::default());
    let codes: Vec<&str> = checked.all_diagnostics().map(|d| d.code()).collect();
    assert!(codes.contains(&"S006"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| matches!(*c, "I002" | "I007")),
        "{codes:?}"
    );
    assert_eq!(checked.forms[0].indicators.len(), 1);
}

/// The year under the title with spaces inside its brackets (`(   2023年度)`), as a page's
/// space-separated copy leaves it: the budget year, no line left unread.
#[test]
fn a_year_line_with_spaces_inside_its_brackets() {
    let text = "项目支出绩效目标审批表\n(   2023年度)\n项目名称 某某项目\n";
    let doc = parse(text);
    assert_eq!(doc.forms[0].budget_year, Some(2023));
    assert!(common::uncovered(text).is_empty());
    assert!(!doc.all_diagnostics().any(|d| d.code() == "S004"));
}
