//! V — indicator values, read by [`crate::value::parse_value`] against what the indicator's name
//! calls for ([`crate::value::expected_kind`]).

use super::facts::Ctx;
use super::RuleInfo;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Message};
use crate::model::{Indicator, Level1, Level2};
use crate::value::{Expected, Op, ParsedValue, ValueKind};

rule!(V001, Values, "V001", "value-empty-or-placeholder", Error, None, "指标值为空或占位", "Empty or placeholder value",
    "指标值为空，或是“*”“**”“XX”“……”“待定”“(≥**%)”之类的占位文字。",
    "An empty value, or a placeholder: `*`, `**`, `XX`, `……`, `待定`, `(≥**%)`.",
    "没有目标值的指标无法考核；预算系统也会拒收空值和占位符。",
    "An indicator without a target cannot be assessed; budget systems reject empty values and placeholders.",
    "预算系统填报要求；财预〔2015〕88号",
    "产出\t*数量\t培训场次\t**\t…",
    "产出\t*数量\t培训场次\t≥5场\t…");
rule!(
    V002,
    Values,
    "V002",
    "value-missing-operator",
    Info,
    None,
    "量化指标缺少比较符号",
    "Quantitative value without operator",
    "量化指标值没有写明“≥ ≤ ＝ ＞ ＜”等比较符号。",
    "A quantitative value with no ≥ ≤ ＝ ＞ ＜.",
    "指标性质（≥、≤、＝）决定考核时怎样判断达标；只写数字，评价时会产生歧义。",
    "The operator decides how the target is judged; a bare number is ambiguous at evaluation.",
    "财预〔2021〕101号（指标性质）",
    "产出\t*质量\t验收合格率\t100%",
    "产出\t*质量\t验收合格率\t＝100%"
);
rule!(V003, Values, "V003", "value-missing-unit", Error, Suggest, "指标值缺少计量单位", "Value without unit",
    "数值后面没有单位，而指标名称要求有单位（如“人数”填“≥8”，“课题研究个数”填“4”）。",
    "A number with no unit where the name implies one (`≥8` for 人数, `4` for 课题研究个数).",
    "没有单位的数值含义不明（8 人？8 次？8%？），预算系统也要求量化指标写明计量单位。",
    "A number without unit is ambiguous (8 people? 8 times? 8%?); budget systems require a unit on quantitative values.",
    "预算系统填报要求；财预〔2021〕101号（度量单位）",
    "产出\t*数量\t发放慰问金人数\t≥8",
    "产出\t*数量\t发放慰问金人数\t≥8人");
rule!(
    V004,
    Values,
    "V004",
    "percent-out-of-range",
    Error,
    Suggest,
    "百分比超出范围",
    "Percentage out of range",
    "百分比大于 100%，或对比率写“≥100%”“＞100%”。",
    "A percentage above 100, or `≥100%`/`＞100%` on a rate.",
    "比率最多为 100%；“≥100%”实际只能是“＝100%”，“＞100%”不可能达到。",
    "A rate is at most 100%: `≥100%` can only mean `＝100%`, and `＞100%` cannot be reached.",
    "财预〔2021〕101号",
    "产出\t*质量\t验收合格率\t≥100%",
    "产出\t*质量\t验收合格率\t＝100%"
);
rule!(
    V005,
    Values,
    "V005",
    "rate-as-bare-one",
    Error,
    Suggest,
    "比率写成了“1”",
    "Rate written as 1",
    "比率类指标的目标值写成了“1”（本意是 100%）。",
    "A rate given as `1` (meant 100%).",
    "“1”在比率指标中既可能指 1%，也可能指 100%，考核时无法判断。",
    "`1` on a rate may mean 1% or 100%; the target cannot be judged.",
    "财预〔2021〕101号",
    "产出\t*质量\t项目验收合格率\t1",
    "产出\t*质量\t项目验收合格率\t＝100%"
);
rule!(V006, Values, "V006", "value-type-mismatch", Error, None, "指标值类型与指标不符", "Value of the wrong kind",
    "数量指标填了百分比（数量指标“100%”）、事件数指标填了百分比（“事故发生数 ≤10%”），或比率指标填了计数单位。",
    "A count given as % (数量 indicator `100%`), a % on a count of incidents (`≤10%` for 事故发生数), a count unit on a rate.",
    "数量指标要回答“做了多少”，用完成率代替会使产出无法衡量；计数与比率混用使目标没有意义。",
    "A quantity indicator answers \"how much\"; a completion rate in its place measures nothing; mixing counts and rates makes the target meaningless.",
    "财预〔2021〕101号（产出数量指标）",
    "产出\t*数量\t基层党建工作完成率\t100%",
    "产出\t*数量\t开展党建活动次数\t≥12次");
rule!(V007, Values, "V007", "qualitative-not-graded", Warning, None, "定性指标未分级", "Qualitative value not graded",
    "指标值为“有效”“显著”“明显”“提升”“稳定运转”等定性描述，且指标解释中没有给出分级标准。指标解释已定义等级的不报。",
    "有效, 显著, 明显, 提升, 稳定运转 and the like, with no grading; nothing is reported where 指标解释 defines the grades.",
    "定性指标必须分级才能评价（如“显著”为 80%-100%）；否则任何结果都可以说“有效”。",
    "A qualitative target must be graded to be evaluated (显著 = 80%–100%); otherwise any outcome is \"effective\".",
    "财预〔2015〕88号（定性指标应分级分档表述）",
    "效益\t*社会效益\t保障工作正常运转\t有效\t考察是否有效保障",
    "效益\t*社会效益\t保障工作正常运转\t显著\t“显著”为80%-100%，“明显”为60%-80%，“一般”为60%以下");
rule!(
    V008,
    Values,
    "V008",
    "timeliness-not-measurable",
    Warning,
    None,
    "时效指标不可衡量",
    "Timeliness not measurable",
    "时效指标的目标值是“及时”“按时”之类的描述，而不是日期、时限或比率。",
    "A *时效 value such as 及时/按时 instead of a date, duration or rate.",
    "“及时”没有标准，无法判断是否达成；应写明完成时间（如2024年12月31日前）或时限（≤7个工作日）。",
    "\"Timely\" has no standard; state a deadline (2024年12月31日前) or a time limit (≤7个工作日).",
    "财预〔2021〕101号（时效指标）",
    "产出\t*时效\t工作完成及时性\t及时",
    "产出\t*时效\t工作完成时间\t2024年12月31日前"
);
rule!(
    V009,
    Values,
    "V009",
    "approximate-value",
    Warning,
    None,
    "指标值为约数",
    "Approximate value",
    "指标值中有“约”“左右”“力争”“争取”等不确定的说法。",
    "约, 左右, 力争, 争取 in a value.",
    "目标值是考核的标准，必须确定；“约260件”无法判断是否达成。",
    "A target is a standard for assessment and must be definite; \"about 260\" cannot be judged.",
    "财预〔2015〕88号（绩效目标应清晰、可衡量）",
    "产出\t*数量\t法律援助案件数\t约260件/年",
    "产出\t*数量\t法律援助案件数\t≥260件"
);
rule!(
    V010,
    Values,
    "V010",
    "cost-direction",
    Warning,
    None,
    "成本指标方向错误",
    "Cost indicator in the wrong direction",
    "成本指标使用“≥”或“＞”（成本应当有上限）。",
    "A cost indicator with ≥ or ＞.",
    "成本指标控制支出，应设上限（≤）；“≥”表示花得越多越好，与成本控制的目的相反。",
    "A cost indicator caps spending (≤); ≥ rewards spending more.",
    "财预〔2021〕101号（成本指标）",
    "产出\t*成本\t成本控制率\t≥90%",
    "产出\t*成本\t人均培训成本\t≤800元"
);
rule!(V011, Values, "V011", "date-outside-period", Warning, None, "日期不在实施期内", "Date outside the period",
    "指标值中的日期不在预算年度或实施期限之内（如 2024 年的表中写“2023年12月31日前”）。",
    "A date whose year lies outside the budget year or 实施期限 (`2023年12月31日前` in a 2024 form).",
    "跨年的日期通常是沿用往年表格未修改，按此考核会得出错误结论。",
    "A date of another year usually comes from last year's form left unedited.",
    "财预〔2015〕88号",
    "（2024年度申报）\t*时效\t完成时间\t2023年12月31日前",
    "（2024年度申报）\t*时效\t完成时间\t2024年12月31日前");
rule!(
    V012,
    Values,
    "V012",
    "value-mixed-text",
    Error,
    Suggest,
    "指标值夹杂文字",
    "Words mixed into the value",
    "量化指标值中除比较符号、数字和单位外还夹杂了其他文字（如“好评率100%”）。",
    "Words other than an operator, number and unit in a quantitative value (`好评率100%`).",
    "指标值只应是目标本身；名称放进了指标值，说明指标名称与指标值填错了位置，系统也无法识别。",
    "The value should be the target alone; a name inside it means name and value were mixed up.",
    "预算系统填报要求",
    "效益\t*社会效益\t宣传推广的影响力\t好评率100%",
    "效益\t*社会效益\t宣传推广好评率\t≥95%"
);
rule!(
    V013,
    Values,
    "V013",
    "satisfaction-band",
    Info,
    None,
    "满意度目标值异常",
    "Unusual satisfaction target",
    "满意度目标定为＝100%，或低于 60%。",
    "A satisfaction target of ＝100% or below 60%.",
    "满意度调查几乎不可能达到 100%；低于 60% 的目标又过低，均不利于合理评价。",
    "A 100% satisfaction is hardly ever reached; below 60% is too low to mean anything.",
    "满意度调查实践；财预〔2021〕101号",
    "满意度\t*服务对象满意度\t区党工委满意度\t100%",
    "满意度\t*服务对象满意度\t区党工委满意度\t≥90%"
);

const GRADE_WORDS: &[&str] = &[
    "有效",
    "显著",
    "明显",
    "提升",
    "稳定运转",
    "良好",
    "较好",
    "持续提升",
    "有所提升",
    "大幅提升",
    "明显提升",
    "稳步提升",
    "逐步提升",
    "不断提升",
    "提高",
    "改善",
    "正常",
    "积极",
    "较大",
    "增强",
    "优化",
    "有效提升",
    "有效保障",
    "稳定",
    "好",
    "较高",
    "高",
];
const TIMELY_WORDS: &[&str] = &[
    "及时",
    "按时",
    "准时",
    "按期",
    "及时完成",
    "按时完成",
    "按期完成",
    "是",
    "及时性",
];
const APPROX_WORDS: &[&str] = &["约", "左右", "力争", "争取", "大约", "预计"];
const COUNT_UNITS: &[&str] = &[
    "个", "次", "人", "项", "件", "场", "套", "份", "台", "本", "册", "辆", "户", "家", "篇", "期",
    "批", "场次", "人次",
];
/// Words before a number that belong to how the value is counted, not to a name.
const ALLOWED_PREFIX: &[&str] = &[
    "每",
    "每年",
    "每月",
    "每季度",
    "每季",
    "每周",
    "每天",
    "每日",
    "全年",
    "年均",
    "月均",
    "日均",
    "累计",
    "第",
    "至少",
    "不少于",
    "完成",
    "达到",
    "共",
    "年度",
    "季度",
];

/// The unit a name suggests for a bare number.
fn unit_from_name(name: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("人数", "人"),
        ("人次", "人次"),
        ("次数", "次"),
        ("场次", "场"),
        ("个数", "个"),
        ("份数", "份"),
        ("项数", "项"),
        ("套数", "套"),
        ("件数", "件"),
        ("户数", "户"),
        ("天数", "天"),
        ("册数", "册"),
        ("台数", "台"),
        ("篇数", "篇"),
        ("面积", "平方米"),
        ("人员数量", "人"),
        ("系统数量", "套"),
        ("数量", "个"),
        ("率", "%"),
        ("满意度", "%"),
        ("比例", "%"),
        ("时间", "个工作日"),
        ("时限", "个工作日"),
        ("成本", "元"),
        ("费用", "元"),
    ];
    MAP.iter().find(|(s, _)| name.ends_with(s)).map(|(_, u)| *u)
}

fn unit_from_explanation(expl: &str) -> Option<String> {
    // `目标值为4个`.
    let i = expl.find("目标值为")? + "目标值为".len();
    let rest = &expl[i..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let unit: String = rest[digits..]
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(2)
        .collect();
    (digits > 0 && !unit.is_empty()).then_some(unit)
}

fn graded(expl: &str, word: &str) -> bool {
    let has_range =
        expl.contains("%-") || expl.contains("%～") || expl.contains("%~") || expl.contains("%至");
    (expl.contains(word) && has_range)
        || expl.contains("等级")
        || expl.contains("分为")
        || expl.contains("优秀") && expl.contains("良好")
}

fn is_satisfaction(i: &Indicator) -> bool {
    i.name.text.contains("满意")
        || matches!(
            i.level2,
            Some(Level2::ServiceSatisfaction | Level2::OtherSatisfaction)
        )
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (n, ind) in ctx.form.indicators.iter().enumerate() {
        if !ind.applicable {
            continue;
        }
        let v = &ctx.facts.values[n];
        let expected = ctx.facts.expected[n];
        check_one(ctx, ind, v, expected, out);
    }
}

fn value_fix(ind: &Indicator, replacement: String, zh: &str, en: &str) -> Option<Fix> {
    Some(Fix {
        applicability: Applicability::Suggest,
        title: Message::new(zh, en),
        span: ind.value.span,
        replacement,
    })
}

fn check_one(
    ctx: &Ctx,
    ind: &Indicator,
    v: &ParsedValue,
    expected: Expected,
    out: &mut Vec<Diagnostic>,
) {
    let name = &ind.name.text;
    let value = &ind.value.text;
    let span = ind.value.span;
    let has_unit_column = ind
        .unit
        .as_ref()
        .is_some_and(|u| !u.text.is_empty() && !crate::parse::vocab::is_not_applicable(&u.text));
    let push = |out: &mut Vec<Diagnostic>,
                rule: &'static RuleInfo,
                zh: String,
                en: String,
                fix: Option<Fix>| {
        let mut d = Diagnostic::new(rule, span, Message::new(zh, en));
        d.fix = fix;
        out.push(d);
    };

    // V001
    if matches!(v.kind, ValueKind::Empty | ValueKind::Placeholder)
        || value.contains("**")
        || value.contains("××")
    {
        let (zh, en) = if v.kind == ValueKind::Empty {
            (
                format!("指标「{name}」没有填写指标值"),
                format!("Indicator \"{name}\" has no value"),
            )
        } else {
            (
                format!("指标「{name}」的指标值「{value}」是占位文字"),
                format!("Indicator \"{name}\" has a placeholder value \"{value}\""),
            )
        };
        push(out, &V001, zh, en, None);
        return;
    }

    let bare_one = v.kind == ValueKind::Number
        && v.unit.is_none()
        && v.number == Some(1.0)
        && v.prefix.is_empty();
    // V005
    if expected == Expected::Rate && bare_one && !has_unit_column {
        let pct = format!("{}100%", v.op.unwrap_or(Op::Eq).symbol());
        push(
            out,
            &V005,
            format!("比率指标「{name}」的目标值写作“{value}”，应写为百分比（“{pct}”）"),
            format!("Rate \"{name}\" has the value \"{value}\"; write a percentage ({pct})"),
            value_fix(
                ind,
                pct.clone(),
                &format!("改为“{pct}”"),
                &format!("Change to {pct}"),
            ),
        );
    }

    // V003
    if v.kind == ValueKind::Number
        && v.unit.is_none()
        && !has_unit_column
        && !(bare_one && expected == Expected::Rate)
        && v.prefix.is_empty()
        && matches!(
            expected,
            Expected::Count | Expected::Money | Expected::Time | Expected::Rate
        )
    {
        let unit = unit_from_explanation(&ind.explanation.text)
            .or_else(|| unit_from_name(name).map(str::to_string));
        let fix = unit.as_ref().map(|u| Fix {
            applicability: Applicability::Suggest,
            title: Message::new(format!("补上单位“{u}”"), format!("Add the unit {u}")),
            span,
            replacement: format!("{value}{u}"),
        });
        push(
            out,
            &V003,
            format!(
                "指标「{name}」的目标值“{value}”没有计量单位{}",
                unit.as_ref()
                    .map_or(String::new(), |u| format!("（应为“{value}{u}”）"))
            ),
            format!("Indicator \"{name}\": the value \"{value}\" has no unit"),
            fix,
        );
    }

    // V004
    if v.kind == ValueKind::Percent {
        if let Some(p) = v.number {
            if p > 100.0 || (p == 100.0 && matches!(v.op, Some(Op::Ge | Op::Gt))) {
                push(
                    out,
                    &V004,
                    format!("指标「{name}」的目标值“{value}”超出比率的范围（最多为 100%）"),
                    format!("Indicator \"{name}\": \"{value}\" is beyond what a rate can be (100% at most)"),
                    (p == 100.0).then(|| Fix {
                        applicability: Applicability::Suggest,
                        title: Message::new("改为“＝100%”", "Change to ＝100%"),
                        span,
                        replacement: "＝100%".into(),
                    }),
                );
            }
        }
    }

    // V006
    let incidents = [
        "发生数",
        "发生次数",
        "事故数",
        "事件数",
        "投诉数",
        "差错数",
        "事件发生",
    ]
    .iter()
    .any(|w| name.contains(w));
    if v.kind == ValueKind::Percent && ind.level2 == Some(Level2::Quantity) {
        push(
            out,
            &V006,
            format!("数量指标「{name}」的目标值是百分比“{value}”，数量指标应填写具体数量"),
            format!("Quantity indicator \"{name}\" has a percentage \"{value}\"; give a count"),
            None,
        );
    } else if v.kind == ValueKind::Percent && incidents {
        push(
            out,
            &V006,
            format!("「{name}」是事件的次数，目标值却是百分比“{value}”"),
            format!("\"{name}\" counts incidents but its value is a percentage \"{value}\""),
            None,
        );
    } else if expected == Expected::Rate
        && v.kind == ValueKind::Number
        && v.unit.as_deref().is_some_and(|u| COUNT_UNITS.contains(&u))
    {
        push(
            out,
            &V006,
            format!("比率指标「{name}」的目标值“{value}”使用了计数单位"),
            format!("Rate \"{name}\" has a count unit in \"{value}\""),
            None,
        );
    }

    // V007
    let plain = value.trim_end_matches(['。', '.']);
    let grade_word = GRADE_WORDS.contains(&plain)
        || (plain.chars().count() <= 6
            && ["有效", "显著", "明显", "提升", "提高", "改善", "稳定"]
                .iter()
                .any(|w| plain.starts_with(w)));
    if v.kind == ValueKind::Text
        && grade_word
        && !graded(&ind.explanation.text, plain)
        && ind.level2 != Some(Level2::Timeliness)
    {
        push(
            out,
            &V007,
            format!("指标「{name}」的目标值“{value}”是定性描述，指标解释中没有分级标准"),
            format!("Indicator \"{name}\": \"{value}\" is qualitative and not graded in the explanation"),
            None,
        );
    }

    // V008
    if ind.level2 == Some(Level2::Timeliness)
        && v.kind == ValueKind::Text
        && TIMELY_WORDS.contains(&plain)
    {
        push(
            out,
            &V008,
            format!("时效指标「{name}」的目标值“{value}”无法衡量，应写明完成时间或时限"),
            format!("Timeliness indicator \"{name}\": \"{value}\" cannot be measured; give a deadline or time limit"),
            None,
        );
    }

    // V009
    if let Some(w) = v
        .approx
        .or_else(|| APPROX_WORDS.iter().copied().find(|w| value.contains(w)))
    {
        push(
            out,
            &V009,
            format!("指标「{name}」的目标值“{value}”含有不确定的“{w}”"),
            format!("Indicator \"{name}\": the value \"{value}\" is approximate ({w})"),
            None,
        );
    }

    // V010
    let is_cost = ind.level2 == Some(Level2::Cost) || ind.level1 == Some(Level1::Cost);
    if is_cost
        && matches!(v.op, Some(Op::Ge | Op::Gt))
        && !super::indicators::measures_progress(ind)
    {
        push(
            out,
            &V010,
            format!("成本指标「{name}」的目标值“{value}”使用了“≥/＞”，成本指标应设上限（≤）"),
            format!("Cost indicator \"{name}\" uses ≥/＞ in \"{value}\"; a cost needs an upper bound (≤)"),
            None,
        );
    }

    // V011
    if let (ValueKind::Date { year, .. }, Some(by)) = (&v.kind, ctx.facts.budget_year) {
        let last = by + ctx.form.years().unwrap_or(1).clamp(1, 10) as u16 - 1;
        if *year < by || *year > last {
            let period = if last == by {
                format!("{by}年")
            } else {
                format!("{by}—{last}年")
            };
            push(
                out,
                &V011,
                format!("指标「{name}」的日期“{value}”不在预算年度/实施期（{period}）内"),
                format!("Indicator \"{name}\": the date \"{value}\" lies outside the budget period ({period})"),
                None,
            );
        }
    }

    // V012
    let prefix_is_words = !v.prefix.is_empty()
        && v.prefix
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !ALLOWED_PREFIX
            .iter()
            .any(|p| v.prefix == *p || v.prefix.starts_with('每'));
    if v.kind.is_quantitative() && prefix_is_words {
        let rest = match v.number_range {
            Some((a, _)) => format!("{}{}", v.op.map_or("", Op::symbol), &value[a..]),
            None => value.clone(),
        };
        push(
            out,
            &V012,
            format!(
                "指标「{name}」的目标值“{value}”夹杂了文字“{}”，指标值应只写目标（如“{rest}”）",
                v.prefix
            ),
            format!(
                "Indicator \"{name}\": the value \"{value}\" mixes in the words \"{}\"",
                v.prefix
            ),
            value_fix(ind, rest, "只保留目标值", "Keep the target only"),
        );
    }

    // V002
    if v.kind.is_quantitative()
        && v.op.is_none()
        && !(expected == Expected::Rate && bare_one)
        && v.approx.is_none()
        && !prefix_is_words
    {
        push(
            out,
            &V002,
            format!("量化指标「{name}」的目标值“{value}”没有写明比较符号（≥、≤、＝）"),
            format!("Indicator \"{name}\": the value \"{value}\" has no operator (≥, ≤, ＝)"),
            None,
        );
    }

    // V013
    if is_satisfaction(ind) && v.kind == ValueKind::Percent {
        if let Some(p) = v.number {
            let full = p == 100.0 && matches!(v.op, None | Some(Op::Eq | Op::Ge));
            if full || p < 60.0 {
                let (zh, en) = if full {
                    (
                        format!("满意度指标「{name}」的目标为100%，几乎无法达到"),
                        format!(
                            "Satisfaction \"{name}\" targets 100%, which is hardly ever reached"
                        ),
                    )
                } else {
                    (
                        format!("满意度指标「{name}」的目标“{value}”低于60%"),
                        format!("Satisfaction \"{name}\" targets \"{value}\", below 60%"),
                    )
                };
                push(out, &V013, zh, en, None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with, CLEAN};

    const SHOWS: &str = "举办演出场次\t≥10场";
    const RATE: &str = "演出验收合格率\t≥95%";

    #[test]
    fn v001() {
        assert_eq!(found(&with(SHOWS, "举办演出场次\t**"), "V001").len(), 1);
        assert_eq!(found(&with(SHOWS, "举办演出场次\t(≥**%)"), "V001").len(), 1);
        assert_eq!(found(&with(SHOWS, "举办演出场次\t"), "V001").len(), 1);
        assert!(found(CLEAN, "V001").is_empty());
    }

    #[test]
    fn v002() {
        assert_eq!(found(&with(RATE, "演出验收合格率\t95%"), "V002").len(), 1);
        assert!(found(CLEAN, "V002").is_empty());
    }

    #[test]
    fn v003() {
        let f = found(&with(SHOWS, "举办演出场次\t≥10"), "V003");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("应为“≥10场”"), "{f:?}");
        assert!(found(CLEAN, "V003").is_empty());
    }

    #[test]
    fn v004() {
        assert_eq!(found(&with(RATE, "演出验收合格率\t≥100%"), "V004").len(), 1);
        assert_eq!(found(&with(RATE, "演出验收合格率\t120%"), "V004").len(), 1);
        assert!(found(&with(RATE, "演出验收合格率\t≤100%"), "V004").is_empty());
        assert!(found(CLEAN, "V004").is_empty());
    }

    #[test]
    fn v005() {
        assert_eq!(found(&with(RATE, "演出验收合格率\t1"), "V005").len(), 1);
        assert!(found(&with(RATE, "演出验收合格率\t1"), "V003").is_empty());
        assert!(found(&with(SHOWS, "举办演出场次\t1场"), "V005").is_empty());
        let le = found(&with(RATE, "演出验收合格率\t≤1"), "V005");
        assert!(le[0].1.contains("“≤100%”"), "{le:?}");
    }

    #[test]
    fn v006() {
        assert_eq!(
            found(&with(SHOWS, "举办演出完成率\t100%"), "V006").len(),
            1,
            "a quantity as a rate"
        );
        let incidents = with("覆盖居民人次\t≥5000人次", "安全事故发生数\t≤10%");
        assert_eq!(found(&incidents, "V006").len(), 1);
        assert_eq!(found(&with(RATE, "演出验收合格率\t≥95场"), "V006").len(), 1);
        assert!(found(CLEAN, "V006").is_empty());
    }

    #[test]
    fn v007() {
        let text = with(
            "覆盖居民人次\t≥5000人次\t观看演出的居民人次",
            "居民文化生活改善程度\t显著\t考察居民文化生活是否改善",
        );
        assert_eq!(found(&text, "V007").len(), 1);
        let graded = with(
            "覆盖居民人次\t≥5000人次\t观看演出的居民人次",
            "居民文化生活改善程度\t显著\t“显著”则为“80%-100%”，“明显”则为“60%-80%”",
        );
        assert!(found(&graded, "V007").is_empty());
    }

    #[test]
    fn v008() {
        assert_eq!(
            found(
                &with("演出完成时间\t2023年12月31日前", "演出完成及时性\t及时"),
                "V008"
            )
            .len(),
            1
        );
        assert!(found(CLEAN, "V008").is_empty());
    }

    #[test]
    fn v009() {
        assert_eq!(found(&with(SHOWS, "举办演出场次\t约10场"), "V009").len(), 1);
        assert_eq!(
            found(&with(SHOWS, "举办演出场次\t10场左右"), "V009").len(),
            1
        );
        assert!(found(CLEAN, "V009").is_empty());
    }

    #[test]
    fn v010() {
        assert_eq!(
            found(&with("演出场均成本\t≤1.5万元", "成本控制率\t≥90%"), "V010").len(),
            1
        );
        assert!(found(CLEAN, "V010").is_empty());
    }

    #[test]
    fn v011() {
        assert_eq!(
            found(&with("2023年12月31日前", "2022年12月31日前"), "V011").len(),
            1
        );
        assert!(found(CLEAN, "V011").is_empty());
    }

    #[test]
    fn v012() {
        let f = found(&with(RATE, "演出验收合格率\t好评率100%"), "V012");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("“100%”"));
        assert!(found(&with(SHOWS, "举办演出场次\t每季度3场"), "V012").is_empty());
        assert!(found(CLEAN, "V012").is_empty());
    }

    #[test]
    fn v013() {
        assert_eq!(
            found(&with("居民满意度\t≥90%", "居民满意度\t100%"), "V013").len(),
            1
        );
        assert_eq!(
            found(&with("居民满意度\t≥90%", "居民满意度\t≥50%"), "V013").len(),
            1
        );
        assert!(found(CLEAN, "V013").is_empty());
    }
}
