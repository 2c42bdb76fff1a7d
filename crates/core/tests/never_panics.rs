//! Parsing never panics and never drops text, on any input: random text, a soup of the forms'
//! own tokens, and mutated corpus files and region fixtures. Run longer with PROPTEST_CASES=N.

mod common;

use kpiform_core::parse;
use proptest::prelude::*;

use kpiform_testkit::TEXTS as CORPUS;

const TOKENS: &[&str] = &[
    "二级项目支出绩效目标申报表",
    "部门（单位）整体支出绩效目标申报表",
    "项目支出绩效自评表",
    "（2026年度）",
    "项目编码:",
    "项目编号：",
    "项目名称",
    "申请单位:",
    "实施期限:",
    "项目总金额(中期规划,万元):",
    "本年度项目金额（元）：",
    "测算依据:",
    "年度目标",
    "长期目标（跨度多年的项目需填）:",
    "部门（单位）名称",
    "主管部门",
    "年度<br>主要<br>任务",
    "任务名称",
    "预算金额（万元）",
    "总额",
    "财政拨款",
    "其他资金",
    "金额合计：",
    "年度<br>总体<br>目标",
    "目标1：",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "目标值",
    "度量单位",
    "指标解释",
    "产出",
    "产出指标",
    "*数量",
    "*数量指标",
    "效益指标",
    "成本指标",
    "经济成本指标",
    "满意度",
    "*服务对象满意度指标",
    "不适用",
    "≥5项",
    "100%",
    "1,648,300.00",
    "17,10.03",
    "4",
    "显著",
    // What the tier-2 rules read: counts, years, flags, formulas.
    "是否新增项目:",
    "是",
    "否",
    "项目属性",
    "新增□ 延续√",
    "新建类项目",
    "上年结转",
    "2022年…尾款",
    "拟采购8台台式电脑",
    "12台(套)",
    "（台）",
    "≥8",
    "慰问人数",
    "正常运行率",
    "无法正常运行天数/全年天数",
    "资金节约率",
    "实际产生经费/预算经费",
    "满意的单位数量/单位总数",
    "考察发放及时性",
    "好评率100%",
    "每季度1次",
    "一份",
    "1.2万人次",
    "2024—2026年",
    "《年鉴2023》",
    "\t",
    "\t\t",
    "|",
    " | ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "<p>",
    "</p>",
    "<br>",
    "<ol><li>",
    "</li>",
    "&nbsp;",
    "&#",
    "<",
    "&",
    "：",
    "(",
    "（",
    ")",
    "\u{a0}",
    "\u{3000}",
    "\u{200b}",
    "𝄞",
    "é",
    "|---|---|",
    "单位：万元",
    "甲",
    "乙丙",
];

/// The region fixtures (tests/fixtures/regions): other regions' templates and layouts.
const REGIONS: &[&str] = &[
    include_str!("../../../tests/fixtures/regions/ningxia-prose__prose.txt"),
    include_str!("../../../tests/fixtures/regions/anhui-project__cell-per-line.txt"),
    include_str!("../../../tests/fixtures/regions/chongqing-approval__spaces.txt"),
    include_str!("../../../tests/fixtures/regions/cutoff__pipes.txt"),
    include_str!("../../../tests/fixtures/regions/glued-labels__plain.txt"),
    include_str!("../../../tests/fixtures/regions/hebei-transfer__trad-pinyin.txt"),
    include_str!("../../../tests/fixtures/regions/hubei-department__pdf-one-line.txt"),
    include_str!("../../../tests/fixtures/regions/hunan-fupin__spaces.txt"),
    include_str!("../../../tests/fixtures/regions/hunan-longform__cell-per-line-blank.txt"),
    include_str!("../../../tests/fixtures/regions/lookalike-evaluation__pipes.txt"),
    include_str!("../../../tests/fixtures/regions/lookalike-selfeval__tabs.txt"),
    include_str!("../../../tests/fixtures/regions/national88-department__tabs.txt"),
    include_str!("../../../tests/fixtures/regions/national88-project__pipes.txt"),
    include_str!("../../../tests/fixtures/regions/national88-project__tabs.txt"),
    include_str!("../../../tests/fixtures/regions/shandong-project__cell-per-line-blank.txt"),
    include_str!("../../../tests/fixtures/regions/shanghai-project__pdf-broken-cells.txt"),
    include_str!("../../../tests/fixtures/regions/shanghai-project__tabs.txt"),
    include_str!("../../../tests/fixtures/regions/transfer-regional__tabs.txt"),
    include_str!("../../../tests/fixtures/regions/yitihua-department__pipes.txt"),
    include_str!("../../../tests/fixtures/regions/yitihua-list__pipes.txt"),
    include_str!("../../../tests/fixtures/regions/yitihua-project__pipes.txt"),
    include_str!("../../../tests/fixtures/regions/yitihua-project__spaces.txt"),
    include_str!("../../../tests/fixtures/regions/zhejiang-project__pipes.txt"),
];

fn check(text: &str) {
    // The whole checker (parser and every rule) must hold on any input too.
    let checked = kpiform_core::check(text, &Default::default());
    for d in checked.all_diagnostics() {
        assert!(
            text.get(d.span.range()).is_some(),
            "{} span off a char boundary",
            d.code()
        );
        for r in &d.related {
            assert!(text.get(r.span.range()).is_some());
        }
        if let Some(fix) = &d.fix {
            assert!(
                text.get(fix.span.range()).is_some(),
                "{} fix span off a char boundary",
                d.code()
            );
        }
    }
    let doc = parse(text);
    for d in doc.all_diagnostics() {
        assert!(
            text.get(d.span.range()).is_some(),
            "diagnostic span off a char boundary"
        );
        let _ = doc.lines.line_col(text, d.span.end);
    }
    for f in &doc.forms {
        assert!(text.get(f.span.range()).is_some());
        for i in &f.indicators {
            for s in [i.span, i.name.span, i.value.span, i.explanation.span] {
                assert!(text.get(s.range()).is_some());
            }
        }
        for x in &f.fields {
            assert!(
                text.get(x.value.span.range()).is_some()
                    && text.get(x.label.span.range()).is_some()
            );
        }
    }
    let missing = common::uncovered(text);
    if !missing.is_empty() {
        // Keep the last failing input for a look (`cargo run --example dump`).
        let _ = std::fs::write(std::env::temp_dir().join("kpiform-dropped.txt"), text);
    }
    assert!(missing.is_empty(), "dropped {missing:?} from {text:?}");
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.concat())
}

/// A corpus file with line ranges deleted, duplicated, or with tokens spliced in.
fn mutated() -> impl Strategy<Value = String> {
    mutated_from(&CORPUS)
}

/// A region fixture mutated the same way.
fn mutated_region() -> impl Strategy<Value = String> {
    mutated_from(REGIONS)
}

fn mutated_from(texts: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        0..texts.len(),
        prop::collection::vec(
            (0usize..500, 0usize..4, 0u8..3, prop::sample::select(TOKENS)),
            1..12,
        ),
    )
        .prop_map(move |(file, edits)| {
            let mut lines: Vec<String> = texts[file].lines().map(str::to_string).collect();
            for (at, len, op, tok) in edits {
                if lines.is_empty() {
                    break;
                }
                let at = at % lines.len();
                let end = (at + len).min(lines.len());
                match op {
                    0 => {
                        lines.drain(at..end);
                    }
                    1 => {
                        let dup: Vec<_> = lines[at..end].to_vec();
                        lines.splice(at..at, dup);
                    }
                    _ => {
                        let l = &mut lines[at];
                        let cut = l.char_indices().nth(len * 3).map_or(l.len(), |(i, _)| i);
                        l.insert_str(cut, tok);
                    }
                }
            }
            lines.join("\n")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn token_soup(text in soup()) {
        check(&text);
    }

    #[test]
    fn mutated_corpus(text in mutated()) {
        check(&text);
    }

    #[test]
    fn mutated_regions(text in mutated_region()) {
        check(&text);
    }
}

/// The region fixtures as they are, while their mutations are not yet held (`mutated_regions`).
#[test]
fn region_fixtures() {
    for text in REGIONS {
        check(text);
    }
}

#[test]
fn hostile_inputs() {
    let long_line = "项目名称:".repeat(20_000);
    let binary: String = (0u32..2000).filter_map(char::from_u32).collect();
    let many_titles = "二级项目支出绩效目标申报表\n".repeat(5000);
    let deep_html = "<p>".repeat(10_000) + &"</p>".repeat(10_000);
    for text in [
        long_line,
        binary,
        many_titles,
        deep_html,
        "\u{feff}".into(),
        "|".repeat(10_000),
    ] {
        check(&text);
    }
}

/// Inputs the property tests once shrank to, kept as plain cases.
#[test]
fn found_by_the_property_tests() {
    for text in [
        "二级项目支出绩效目标申报表\n项目名称\t项目编码:\t<p>\t项目编码:（2026年度）二级项目支出绩效目标申报表项目编码:",
        "目标1：\r本年度项目金额（元）：\r项目编号：\u{200b}</p>\u{3000}项目编号：(目标1：<ol><li>经济成本指标|---|---|</li>\r\n项目总金额(中期规划,万元):≥5项其他资金<br>测算依据:项目编号：主管部门&nbsp;17,10.03金额合计：年度<br>主要<br>任务总额预算金额（万元）测算依据:\r\n",
            // A cell before the name in a 88号 中期/年度 table; a one-cell-per-line row without its
        // name; markup alone in a list's project cell; a 二级 word in a table of words.
        "项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n甲\t开展课后服务学校数\t≥36所\t开展课后服务学校数\t≥36所",
        "项目支出绩效目标表\n一级指标\n二级指标\n三级指标\n指标值\n数量指标\n里程\n≥420公里\n≥6000平方米\n质量指标\n合格率\n≥85%",
        " 部门预算项目绩效目标申报表(2024年度) \n 项目名称 | 一级指标 | 指标值 \n<p>| 产出指标 ||\n 完成9个行政村日常保洁和垃圾清运,农村人居环境持续改善 | 产出指标 ||",
        " 其中:财政拨款 \n 其他资金 \n 年度目标 \n 二级指标 | 三级指标 | 指标值 | 三级指标 | 指标值 \n 满意度指标 | 服务对象满意度指标 | ≥90% \n主办单位: 某某县人民政府 承办单位: 某某县人民政府办公室",
] {
        check(text);
    }
}
