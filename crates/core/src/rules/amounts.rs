//! A — amounts: the unit of the header amounts, their relations, and the arithmetic of the
//! 测算依据 against 本年度项目金额.

use super::facts::Ctx;
use crate::calc::{CalcBasis, Money, MoneyUnit};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Message};
use crate::model::{AmountUnit, FieldKey, Form, FormKind, Level1, Level2};
use crate::span::Span;
use crate::value::{Expected, Op};

rule!(A001, Amounts, "A001", "amount-unit-magnitude", Error, Suggest, "金额单位与数值不符", "Amount unit does not fit the numbers",
    "标签写“万元”，但数值实际是以元为单位填写的（例如本年度项目金额1,648,300.00万元，而测算依据只有153万元）。依据测算依据的金额和数额的合理性判断。",
    "The label says 万元 but the numbers are in 元 (e.g. 1,648,300.00 万元 while 测算依据 says 153万元); decided from the 测算依据 amounts and plausibility.",
    "单位错一级，金额就差一万倍：按标签理解，一个日常管理项目的预算高达上百亿元。预算批复、绩效评价和汇总统计都会因此出错。",
    "A unit one step off makes the amount ten thousand times too large: a routine project would cost tens of billions. Approval, evaluation and totals all go wrong.",
    "预算系统填报要求；财预〔2015〕88号（目标与预算相匹配）",
    "本年度项目金额(万元):\t1,648,300.00\n测算依据:\t2023年预计需要164.83万元……",
    "本年度项目金额(元):\t1,648,300.00\n测算依据:\t2023年预计需要164.83万元……");
rule!(
    A002,
    Amounts,
    "A002",
    "year-amount-exceeds-total",
    Error,
    None,
    "本年度金额超过总金额",
    "Amount this year exceeds the total",
    "本年度项目金额大于项目总金额（中期规划）。",
    "本年度项目金额 is larger than 项目总金额.",
    "总金额包含各年度金额，本年度金额不可能超过总金额，说明两个数中至少有一个填错。",
    "The total includes every year's amount; a larger year amount means one of the two is wrong.",
    "绩效目标申报表填报说明",
    "项目总金额(中期规划,元):\t500,000.00\n本年度项目金额(元):\t600,000.00",
    "项目总金额(中期规划,元):\t1,500,000.00\n本年度项目金额(元):\t600,000.00"
);
rule!(
    A003,
    Amounts,
    "A003",
    "single-year-total-mismatch",
    Warning,
    None,
    "一年期项目总金额与本年度金额不一致",
    "One-year project: total differs from this year",
    "实施期限为 1 年，但项目总金额不等于本年度项目金额。",
    "A one-year project whose total differs from the amount this year.",
    "一年期项目的全部资金都在本年度，两数应当相等；不相等说明期限或金额有误。",
    "All the money of a one-year project falls in this year; the two amounts must be equal.",
    "绩效目标申报表填报说明",
    "实施期限:\t1\n项目总金额(元):\t500,000.00\t本年度项目金额(元):\t150,070.00",
    "实施期限:\t1\n项目总金额(元):\t150,070.00\t本年度项目金额(元):\t150,070.00"
);
rule!(A004, Amounts, "A004", "total-amount-implausible", Warning, None, "总金额与期限不相称", "Total amount implausible for the period",
    "项目总金额超过“实施期限 × 本年度项目金额”的两倍。",
    "The total is more than twice the period times the year amount.",
    "中期规划总金额一般与各年度金额之和相当；远大于期限内各年之和，常见于单位填错或把其他项目的资金计入。",
    "The medium-term total is usually close to the sum of the yearly amounts; far more than that points to a slip or to other projects' money.",
    "绩效目标申报表填报说明",
    "实施期限:\t5\n项目总金额(元):\t25,535,206.00\t本年度项目金额(元):\t2,023,452.00",
    "实施期限:\t5\n项目总金额(元):\t10,117,260.00\t本年度项目金额(元):\t2,023,452.00");
rule!(A005, Amounts, "A005", "calc-basis-total-mismatch", Error, None, "测算依据合计与本年度金额不符", "Calculation basis does not add up to this year's amount",
    "测算依据中写明的合计（合计/共计/预计需要 X），或各分项之和，与本年度项目金额不一致（已换算元/万元，容差 0.5%）。提示中列出计算过程。",
    "The total stated in 测算依据 (合计/共计/预计需要 X), or the sum of its items, differs from 本年度项目金额 (元/万元 converted; tolerance 0.5%). The message shows the computation.",
    "测算依据是预算金额的来源，二者不一致说明预算没有测算依据支撑，或测算依据未随金额更新。",
    "The calculation basis is where the amount comes from; a mismatch means the budget is not backed by it, or it was not updated.",
    "财预〔2015〕88号（绩效目标与预算相匹配）；预算编制测算要求",
    "本年度项目金额(元):\t1,648,300.00\n测算依据:\t2023年预计需要153万元用于……",
    "本年度项目金额(元):\t1,530,000.00\n测算依据:\t2023年预计需要153万元用于……");
rule!(A006, Amounts, "A006", "calc-basis-arithmetic", Error, None, "测算依据算式有误", "Wrong arithmetic in the calculation basis",
    "测算依据中的算式算错了：`a×b=c`、`a*b*12=c`，或写明的合计不等于紧挨着列出的各项之和。",
    "An expression in 测算依据 is wrong (`a×b=c`, `a*b*12=c`), or a stated total differs from the sum of the items listed with it.",
    "算式错误会直接导致预算金额错误，也让审核人无法复核。",
    "A wrong expression makes the budget wrong and cannot be verified.",
    "预算编制测算要求",
    "办公场所租赁费用500平米×200元/平米≈100万元",
    "办公场所租赁费用500平米×200元/平米≈10万元");
rule!(A007, Amounts, "A007", "calc-basis-unit-typo", Error, Suggest, "测算依据金额单位笔误", "Unit typo in the calculation basis",
    "测算依据与本年度项目金额的差额，恰好能由某一项把“万元”写成“元”（或反过来）来解释，例如“普法经费共计97.7元”。",
    "The A005 gap is explained exactly by one item written in 元 instead of 万元 (or the reverse), e.g. `普法经费共计97.7元`.",
    "单位笔误让测算依据与预算对不上；指出具体是哪一项，单位可以一次改正。",
    "A unit slip makes the basis disagree with the budget; pointing at the item lets it be fixed at once.",
    "预算编制测算要求",
    "四、普法经费共计97.7元。",
    "四、普法经费共计97.7万元。");
rule!(A008, Amounts, "A008", "cost-cap-mismatch", Error, None, "成本指标金额与预算不符", "Cost cap differs from the budget",
    "成本指标以金额设定上限（如“≤1464520.00元”），但该金额与本年度项目金额不一致。",
    "A 成本 indicator that caps money (`≤1464520.00元`) differs from 本年度项目金额.",
    "成本指标控制的是本项目的支出，其金额应与本年度预算一致；不一致说明指标是从其他项目或旧版本复制来的。",
    "The cost indicator caps this project's spending and should equal this year's budget; a different figure was copied from elsewhere.",
    "财预〔2021〕101号（成本指标）",
    "本年度项目金额(元):\t6,665,818.60\n产出指标\t*成本指标\t项目开展成本\t≤6471317.62元",
    "本年度项目金额(元):\t6,665,818.60\n产出指标\t*成本指标\t项目开展成本\t≤6665818.60元");
rule!(A009, Amounts, "A009", "malformed-number", Error, None, "数字格式错误", "Malformed number",
    "千分位逗号位置错误（如“17,10.03万元”），或一个数字中有两个小数点。",
    "Misplaced thousands separators (`17,10.03万元`) or two decimal points in one number.",
    "格式错误的数字含义不明：可能是171,003.00，也可能是1,710.03，测算无法复核。",
    "A malformed number is ambiguous (171,003.00 or 1,710.03?) and the calculation cannot be verified.",
    "预算编制测算要求",
    "合同金额为17,10.03万元",
    "合同金额为1,710.03万元");
rule!(A010, Amounts, "A010", "calc-basis-missing", Error, None, "测算依据缺少金额", "Calculation basis without amounts",
    "测算依据中没有任何金额，或只是重复了政策依据。",
    "测算依据 has no amount at all, or repeats 政策依据.",
    "测算依据要说明预算金额是怎样算出来的（数量 × 单价、合同金额、支付比例等）；没有金额的测算依据无法支撑预算。",
    "The calculation basis must show how the amount was computed (quantity × price, contract sums, payment shares); without amounts it supports nothing.",
    "预算编制测算要求",
    "测算依据:\t根据关于调整《福田区行政事业单位常用办公设备配置标准》的通知",
    "测算依据:\t按配置标准采购台式电脑10台×0.48万元=4.8万元……合计9.88万元");
rule!(A011, Amounts, "A011", "task-sum-mismatch", Error, None, "部门任务金额不平衡", "Department task amounts do not add up",
    "部门整体支出表中，任务的总额不等于财政拨款加其他资金，或各任务总额之和不等于金额合计。",
    "Department form: a task's 总额 differs from 财政拨款 + 其他资金, or the task totals do not add up to 金额合计.",
    "资金总额 = 财政拨款 + 其他资金，合计 = 各任务之和，是整体支出表的基本平衡关系。",
    "总额 = 财政拨款 + 其他资金 and 合计 = Σ tasks are the basic balances of the form.",
    "部门整体支出绩效目标申报表填报说明",
    "基本支出\t…\t1125.33\t1125.00\t0.00",
    "基本支出\t…\t1125.33\t1125.33\t0.00");

/// Whether two amounts agree within the tolerance of the catalogue (0.5 %).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1e-9)
}

/// Format an amount in 万元 for a message in the form's unit: `164.83万元`, `6,665,818.60元`.
pub fn show(wan: f64, unit: Option<AmountUnit>) -> String {
    match unit {
        Some(AmountUnit::Yuan) => format!("{}元", thousands(wan * 10_000.0)),
        _ => format!("{}万元", thousands(wan)),
    }
}

fn thousands(v: f64) -> String {
    let s = format!("{:.2}", v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{}{out}.{frac}", if v < 0.0 { "-" } else { "" })
}

fn show_money(m: &Money) -> String {
    format!("{}{}", trim_num(m.number), m.unit.as_str())
}

fn trim_num(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// How a candidate total of the 测算依据 was formed.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    One(usize),
    Sum(Vec<usize>),
}

/// The amounts that count: not prices per unit, not operands of an expression.
fn counted(calc: &CalcBasis) -> Vec<usize> {
    calc.amounts
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.per && m.in_expr != Some(false))
        .map(|(i, _)| i)
        .collect()
}

/// The totals a 测算依据 may mean: each amount, the sum of all, the sum over numbered items
/// (first, last or stated amount of each), the sum of amounts sharing a stated-total word.
fn candidates(calc: &CalcBasis, value: &dyn Fn(usize) -> f64) -> Vec<(f64, Source)> {
    let idx = counted(calc);
    let mut out: Vec<(f64, Source)> = idx.iter().map(|&i| (value(i), Source::One(i))).collect();
    let sum = |v: &[usize]| v.iter().map(|&i| value(i)).sum::<f64>();
    if idx.len() > 1 {
        out.push((sum(&idx), Source::Sum(idx.clone())));
    }
    if calc.items >= 2 {
        for pick in 0..3 {
            let mut chosen = Vec::new();
            for item in 1..=calc.items {
                let in_item: Vec<usize> = idx
                    .iter()
                    .copied()
                    .filter(|&i| calc.amounts[i].item == item)
                    .collect();
                let stated = in_item
                    .iter()
                    .copied()
                    .rfind(|&i| calc.amounts[i].keyword.is_some());
                let c = match pick {
                    0 => in_item.first().copied(),
                    1 => in_item.last().copied(),
                    _ => stated.or_else(|| in_item.first().copied()),
                };
                chosen.extend(c);
            }
            if chosen.len() >= 2 {
                out.push((sum(&chosen), Source::Sum(chosen)));
            }
        }
    }
    // Amounts stated with words of one kind (`合计金额: 327万元` … `合计: 125万`) add up to the whole.
    for class in [KeywordClass::Total, KeywordClass::Need, KeywordClass::Pay] {
        let same: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&i| calc.amounts[i].keyword.map(keyword_class) == Some(class))
            .collect();
        if same.len() >= 2 {
            out.push((sum(&same), Source::Sum(same)));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeywordClass {
    /// 合计, 共计, 总计, 共需, 共.
    Total,
    /// 需要, 预计需要, 预测经费, 预算经费, 申请.
    Need,
    /// 支付, 需支付, 即.
    Pay,
}

fn keyword_class(word: &str) -> KeywordClass {
    if word.contains('计') || word.starts_with('共') || word.contains("合计") {
        KeywordClass::Total
    } else if word.contains("支付") || word == "即" {
        KeywordClass::Pay
    } else {
        KeywordClass::Need
    }
}

/// Whether some of the stated totals outside brackets add up to `target` (a 测算依据 in
/// sections, each closing with its own 合计). At most 12 are tried.
fn stated_subset_matches(calc: &CalcBasis, value: &dyn Fn(usize) -> f64, target: f64) -> bool {
    let stated: Vec<usize> = counted(calc)
        .into_iter()
        .filter(|&i| calc.amounts[i].keyword.is_some() && calc.amounts[i].depth == 0)
        .collect();
    if stated.len() < 2 || stated.len() > 12 {
        return false;
    }
    (1u32..(1 << stated.len()))
        .filter(|m| m.count_ones() >= 2)
        .any(|mask| {
            let sum: f64 = stated
                .iter()
                .enumerate()
                .filter(|(b, _)| mask & (1 << b) != 0)
                .map(|(_, &i)| value(i))
                .sum();
            close(sum, target)
        })
}

/// Whether the 测算依据 supports `target` (in 万元) in any of the ways it may be read.
fn supports(calc: &CalcBasis, value: &dyn Fn(usize) -> f64, target: f64) -> bool {
    candidates(calc, value)
        .iter()
        .any(|(c, _)| close(*c, target))
        || stated_subset_matches(calc, value, target)
}

/// The figure to report when no candidate agrees: the total the text states for the whole
/// (before the numbered items, or as the last word), a lone amount, or the sum of the items.
/// `None` when the text is too tangled to say.
fn stated(calc: &CalcBasis) -> Option<Source> {
    let idx = counted(calc);
    if idx.is_empty() {
        return None;
    }
    if let Some(&i) = idx.iter().find(|&&i| {
        calc.amounts[i].item == 0 && calc.amounts[i].keyword.is_some() && calc.items >= 1
    }) {
        return Some(Source::One(i));
    }
    let last = *idx.last()?;
    if matches!(
        calc.amounts[last].keyword,
        Some(
            "以上合计"
                | "合计"
                | "共计"
                | "总计"
                | "合计共需"
                | "合计需要"
                | "合计金额"
                | "合计费用"
        )
    ) {
        return Some(Source::One(last));
    }
    if idx.len() == 1 {
        return Some(Source::One(idx[0]));
    }
    let keyed: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&i| calc.amounts[i].keyword.is_some())
        .collect();
    if calc.items >= 2 {
        let firsts: Vec<usize> = (1..=calc.items)
            .filter_map(|item| idx.iter().copied().find(|&i| calc.amounts[i].item == item))
            .collect();
        if firsts.len() >= 2
            && idx.iter().all(|&i| calc.amounts[i].item > 0)
            && idx.len() <= firsts.len() + 2
        {
            return Some(Source::Sum(if idx.len() == firsts.len() {
                firsts
            } else {
                idx
            }));
        }
    }
    if keyed.len() == 1 && calc.items == 0 {
        return Some(Source::One(keyed[0]));
    }
    if keyed.is_empty() && idx.len() <= 12 && calc.exprs.is_empty() {
        return Some(Source::Sum(idx));
    }
    None
}

/// A001's verdict, shared by all amount rules: the label says 万元 but the numbers are 元.
/// Evidence: a 测算依据 total that matches the 元 reading and not the 万元 one; without such
/// evidence, a year amount of 1亿元 or more labelled 万元 (10,000 万元 and up).
pub fn wan_mislabeled(form: &Form, calc: Option<&CalcBasis>) -> bool {
    if form.amount_unit != Some(AmountUnit::WanYuan) || form.kind != FormKind::Project {
        return false;
    }
    let Some(y) = form
        .amount(FieldKey::YearAmount)
        .or_else(|| form.amount(FieldKey::TotalAmount))
    else {
        return false;
    };
    if let Some(calc) = calc {
        let wan = |i: usize| calc.amounts[i].wan();
        if supports(calc, &wan, y) {
            return false;
        }
        if supports(calc, &wan, y / 10_000.0) {
            return true;
        }
    }
    y >= 10_000.0
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (form, facts) = (ctx.form, ctx.facts);
    if form.kind == FormKind::Department {
        check_tasks(ctx, out);
        return;
    }
    let year = form.field(FieldKey::YearAmount);
    let total = form.field(FieldKey::TotalAmount);
    // Messages show amounts in the unit the form's reader uses: its labels' (万元 even when A001
    // finds the numbers written in 元, since the 测算依据 speaks 万元 then).
    let unit = form.amount_unit;

    // A001
    if facts.wan_mislabeled {
        if let Some(y) = year {
            let yuan = y.amount.unwrap_or(0.0);
            let mut d = Diagnostic::new(
                &A001,
                y.label.span,
                Message::new(
                    format!(
                        "金额单位标为“万元”，但数值{}按万元计为{}亿元，明显是以元填写的；应改标为“元”（即{}万元）",
                        thousands(yuan),
                        trim_num((yuan / 10_000.0 * 100.0).round() / 100.0),
                        trim_num((yuan / 10_000.0 * 100.0).round() / 100.0)
                    ),
                    format!(
                        "The amounts are labelled 万元, but {} 万元 would be {} hundred million yuan: the numbers are in 元; label them 元 ({} 万元)",
                        thousands(yuan),
                        trim_num((yuan / 10_000.0 * 100.0).round() / 100.0),
                        trim_num((yuan / 10_000.0 * 100.0).round() / 100.0)
                    ),
                ),
            );
            let label = y.label.span.text(ctx.text);
            if label.contains("万元") {
                d.fix = Some(Fix {
                    applicability: Applicability::Suggest,
                    title: Message::new("改标为“元”", "Label the amounts 元"),
                    span: y.label.span,
                    replacement: label.replacen("万元", "元", 1),
                });
            }
            if let Some(t) = total {
                d = d.with_related(
                    t.label.span,
                    Message::new("项目总金额的单位", "unit of the total"),
                );
            }
            out.push(d);
        }
    }

    let y_wan = facts.wan(form, FieldKey::YearAmount);
    let t_wan = facts.wan(form, FieldKey::TotalAmount);
    // A002
    if let (Some(y), Some(t), Some(yf), Some(tf)) = (y_wan, t_wan, year, total) {
        if y > t * 1.000_001 {
            out.push(
                Diagnostic::new(
                    &A002,
                    yf.value.span,
                    Message::new(
                        format!(
                            "本年度项目金额{}大于项目总金额{}",
                            show(y, unit),
                            show(t, unit)
                        ),
                        format!(
                            "The amount this year, {}, exceeds the total, {}",
                            show(y, unit),
                            show(t, unit)
                        ),
                    ),
                )
                .with_related(tf.value.span, Message::new("项目总金额", "total amount")),
            );
        }
    }
    // A003, A004
    if let (Some(y), Some(t), Some(years), Some(tf), Some(yf)) =
        (y_wan, t_wan, form.years(), total, year)
    {
        if years == 1 && !close(y, t) {
            out.push(
                Diagnostic::new(
                    &A003,
                    tf.value.span,
                    Message::new(
                        format!(
                            "实施期限为1年，但项目总金额{}与本年度项目金额{}不一致",
                            show(t, unit),
                            show(y, unit)
                        ),
                        format!(
                            "A one-year project whose total {} differs from this year's {}",
                            show(t, unit),
                            show(y, unit)
                        ),
                    ),
                )
                .with_related(
                    yf.value.span,
                    Message::new("本年度项目金额", "amount this year"),
                ),
            );
        }
        if years > 1 && t > 2.0 * years as f64 * y && y > 0.0 {
            out.push(
                Diagnostic::new(
                    &A004,
                    tf.value.span,
                    Message::new(
                        format!(
                            "项目总金额{}超过实施期限{}年×本年度项目金额{}的两倍（{}）",
                            show(t, unit),
                            years,
                            show(y, unit),
                            show(2.0 * years as f64 * y, unit)
                        ),
                        format!(
                            "The total {} is more than twice {} years × this year's {}",
                            show(t, unit),
                            years,
                            show(y, unit)
                        ),
                    ),
                )
                .with_related(
                    yf.value.span,
                    Message::new("本年度项目金额", "amount this year"),
                ),
            );
        }
    }

    // A009: header amounts and the 测算依据.
    for f in [total, year].into_iter().flatten() {
        if crate::calc::is_malformed_number(&f.value.text) {
            out.push(malformed(f.value.span, &f.value.text));
        }
    }
    if let Some(calc) = &facts.calc {
        for span in &calc.malformed {
            out.push(malformed(*span, span.text(ctx.text)));
        }
    }

    let calc_field = form
        .field(FieldKey::CalcBasis)
        .filter(|f| !f.value.text.is_empty());
    // A010
    if let (Some(cf), Some(calc)) = (calc_field, &facts.calc) {
        let repeats = facts.calc_repeats_policy;
        if calc.amounts.is_empty() || repeats {
            let (zh, en) = if calc.amounts.is_empty() {
                ("测算依据中没有任何金额，无法说明预算是怎样算出来的", "The calculation basis holds no amount and does not show how the budget was computed")
            } else {
                (
                    "测算依据只是重复了政策依据，没有说明预算是怎样算出来的",
                    "The calculation basis only repeats the policy basis",
                )
            };
            out.push(Diagnostic::new(&A010, cf.value.span, Message::new(zh, en)));
        }
    }

    // A006
    if let Some(calc) = &facts.calc {
        check_arithmetic(ctx, calc, out);
    }

    // A005 and A007
    if let (Some(y), Some(calc), Some(yf)) = (y_wan, &facts.calc, year) {
        check_total(ctx, calc, y, yf.value.span, out);
    }

    // A008
    if let Some(y) = y_wan {
        for (i, ind) in form.indicators.iter().enumerate() {
            let v = &facts.values[i];
            let is_cost = ind.level2 == Some(Level2::Cost) || ind.level1 == Some(Level1::Cost);
            let per_unit = ["单位", "平均", "场均", "人均", "每", "单价", "均"]
                .iter()
                .any(|w| ind.name.text.contains(w));
            if !ind.applicable || !is_cost || per_unit || facts.expected[i] == Expected::Rate {
                continue;
            }
            let money = match v.unit.as_deref() {
                Some("元") => Some(MoneyUnit::Yuan),
                Some("万元") | Some("万") => Some(MoneyUnit::Wan),
                Some("亿元") => Some(MoneyUnit::Yi),
                _ => None,
            };
            let (Some(n), Some(mu)) = (v.number, money) else {
                continue;
            };
            if !matches!(v.op, None | Some(Op::Le) | Some(Op::Lt) | Some(Op::Eq)) {
                continue;
            }
            let cap = n * mu.in_wan();
            let ratio = cap / y;
            if (0.5..=2.0).contains(&ratio) && !close(cap, y) {
                let span = v.number_range.map_or(ind.value.span, |(a, b)| {
                    let base = ind.value.span.start
                        + ind
                            .value
                            .span
                            .text(ctx.text)
                            .find(&ind.value.text[a..b])
                            .unwrap_or(0);
                    Span::new(base, base + (b - a))
                });
                let mut d = Diagnostic::new(
                    &A008,
                    span,
                    Message::new(
                        format!(
                            "成本指标「{}」设定的金额{}与本年度项目金额{}不一致（相差{}）",
                            ind.name.text,
                            show(cap, unit),
                            show(y, unit),
                            show((cap - y).abs(), unit)
                        ),
                        format!(
                            "Cost indicator \"{}\" caps {} but this year's amount is {}",
                            ind.name.text,
                            show(cap, unit),
                            show(y, unit)
                        ),
                    ),
                );
                if let Some(yf) = year {
                    d = d.with_related(
                        yf.value.span,
                        Message::new("本年度项目金额", "amount this year"),
                    );
                }
                out.push(d);
            }
        }
    }
}

fn malformed(span: Span, text: &str) -> Diagnostic {
    Diagnostic::new(
        &A009,
        span,
        Message::new(
            format!("数字「{text}」的千分位或小数点位置错误，含义不明"),
            format!("The number \"{text}\" has misplaced separators or decimal points"),
        ),
    )
}

fn check_arithmetic(ctx: &Ctx, calc: &CalcBasis, out: &mut Vec<Diagnostic>) {
    let unit = ctx.form.amount_unit;
    for e in &calc.exprs {
        if e.is_right() || e.explained_by_nearby_factor() {
            continue;
        }
        let ru = e.result_unit.map_or("", MoneyUnit::as_str);
        out.push(Diagnostic::new(
            &A006,
            e.span,
            Message::new(
                format!(
                    "算式「{}」有误：{} 计算得 {}{ru}，文中写作 {}{ru}",
                    e.span.text(ctx.text).trim(),
                    e.left,
                    trim_num((e.computed * 100.0).round() / 100.0),
                    trim_num(e.result)
                ),
                format!(
                    "Wrong expression \"{}\": {} makes {}{ru}, the text says {}{ru}",
                    e.span.text(ctx.text).trim(),
                    e.left,
                    trim_num((e.computed * 100.0).round() / 100.0),
                    trim_num(e.result)
                ),
            ),
        ));
    }
    // A stated total against the items listed with it, in the same sentence.
    let idx = counted(calc);
    for (pos, &k) in idx.iter().enumerate() {
        let m = &calc.amounts[k];
        if !matches!(
            m.keyword,
            Some("合计" | "共计" | "总计" | "合计共需" | "合计需要" | "共" | "以上合计")
        ) {
            continue;
        }
        let listed: Vec<usize> = idx[..pos]
            .iter()
            .rev()
            .take_while(|&&i| {
                calc.amounts[i].keyword.is_none()
                    && calc.amounts[i].sentence == m.sentence
                    && calc.amounts[i].depth == m.depth
            })
            .copied()
            .collect();
        let has_noise = calc
            .amounts
            .iter()
            .any(|a| a.sentence == m.sentence && (a.per || a.in_expr.is_some()));
        if listed.len() < 2 || has_noise {
            continue;
        }
        let sum: f64 = listed.iter().map(|&i| calc.amounts[i].wan()).sum();
        if !close(sum, m.wan()) {
            let parts: Vec<String> = listed
                .iter()
                .rev()
                .map(|&i| show_money(&calc.amounts[i]))
                .collect();
            out.push(Diagnostic::new(
                &A006,
                m.span,
                Message::new(
                    format!(
                        "{}{}与所列各项之和不符：{} = {}",
                        m.keyword.unwrap_or("合计"),
                        show_money(m),
                        parts.join(" + "),
                        show(sum, unit)
                    ),
                    format!(
                        "The stated total {} differs from the items listed: {} = {}",
                        show_money(m),
                        parts.join(" + "),
                        show(sum, unit)
                    ),
                ),
            ));
        }
    }
}

fn check_total(ctx: &Ctx, calc: &CalcBasis, y: f64, year_span: Span, out: &mut Vec<Diagnostic>) {
    let unit = ctx.form.amount_unit;
    if counted(calc).is_empty() {
        return;
    }
    let plain = |i: usize| calc.amounts[i].wan();
    if supports(calc, &plain, y) {
        return;
    }
    // A007: one amount's unit flipped between 元 and 万元 explains the gap exactly.
    for &i in &counted(calc) {
        let m = &calc.amounts[i];
        let flips: &[(MoneyUnit, f64)] = match m.unit {
            MoneyUnit::Yuan => &[(MoneyUnit::Wan, 10_000.0)],
            MoneyUnit::Wan => &[(MoneyUnit::Yuan, 0.0001)],
            _ => &[],
        };
        for &(to, factor) in flips {
            let flipped = |j: usize| {
                if j == i {
                    calc.amounts[j].wan() * factor
                } else {
                    calc.amounts[j].wan()
                }
            };
            if let Some((c, _)) = candidates(calc, &flipped).into_iter().find(|(c, src)| {
                (c - y).abs() <= 0.0005 * y && matches!(src, Source::Sum(v) if v.contains(&i))
            }) {
                let mut d = Diagnostic::new(
                    &A007,
                    m.span,
                    Message::new(
                        format!(
                            "「{}」的单位应为“{}”：改正后测算依据合计{}，与本年度项目金额{}一致",
                            m.span.text(ctx.text),
                            to.as_str(),
                            show(c, unit),
                            show(y, unit)
                        ),
                        format!("\"{}\" should be in {}: corrected, the basis adds up to {}, as this year's amount {}", m.span.text(ctx.text), to.as_str(), show(c, unit), show(y, unit)),
                    ),
                )
                .with_related(year_span, Message::new("本年度项目金额", "amount this year"));
                d.fix = Some(Fix {
                    applicability: Applicability::Suggest,
                    title: Message::new(
                        format!("改为“{}”", to.as_str()),
                        format!("Change to {}", to.as_str()),
                    ),
                    span: m.unit_span,
                    replacement: to.as_str().to_string(),
                });
                out.push(d);
                return;
            }
        }
    }
    let Some(src) = stated(calc) else { return };
    let (value, span, how_zh, how_en) = match &src {
        Source::One(i) => {
            let m = &calc.amounts[*i];
            let word = m.keyword.unwrap_or("写明");
            (
                m.wan(),
                m.span,
                format!("测算依据{word}{}", show_money(m)),
                format!("The calculation basis states {}", show_money(m)),
            )
        }
        Source::Sum(v) => {
            let parts: Vec<String> = v.iter().map(|&i| show_money(&calc.amounts[i])).collect();
            let sum: f64 = v.iter().map(|&i| calc.amounts[i].wan()).sum();
            let span = calc.amounts[v[0]]
                .span
                .cover(calc.amounts[*v.last().unwrap()].span);
            (
                sum,
                span,
                format!(
                    "测算依据各项合计{}（{}）",
                    show(sum, unit),
                    parts.join(" + ")
                ),
                format!(
                    "The items of the calculation basis add up to {} ({})",
                    show(sum, unit),
                    parts.join(" + ")
                ),
            )
        }
    };
    let gap = show((value - y).abs(), unit);
    out.push(
        Diagnostic::new(
            &A005,
            span,
            Message::new(
                format!(
                    "{how_zh}，与本年度项目金额{}不一致（相差{gap}）",
                    show(y, unit)
                ),
                format!(
                    "{how_en}, but this year's amount is {} (a gap of {gap})",
                    show(y, unit)
                ),
            ),
        )
        .with_related(
            year_span,
            Message::new("本年度项目金额", "amount this year"),
        ),
    );
}

fn check_tasks(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    let unit = form.amount_unit;
    let mut sum = 0.0;
    let mut all = true;
    for t in &form.tasks {
        match (t.total, t.fiscal, t.other) {
            (Some(total), Some(f), Some(o)) if !close(total, f + o) => out.push(Diagnostic::new(
                &A011,
                t.total_span,
                Message::new(
                    format!(
                        "任务「{}」总额{}不等于财政拨款{}加其他资金{}",
                        t.name.text,
                        show(total, unit),
                        show(f, unit),
                        show(o, unit)
                    ),
                    format!(
                        "Task \"{}\": total {} differs from fiscal {} + other {}",
                        t.name.text,
                        show(total, unit),
                        show(f, unit),
                        show(o, unit)
                    ),
                ),
            )),
            _ => {}
        }
        match t.total {
            Some(v) => sum += v,
            None => all = false,
        }
    }
    if let (Some(f), true, false) = (
        form.field(FieldKey::TotalAmount),
        all,
        form.tasks.is_empty(),
    ) {
        if let Some(total) = f.amount {
            if !close(total, sum) {
                out.push(Diagnostic::new(
                    &A011,
                    f.value.span,
                    Message::new(
                        format!(
                            "金额合计{}不等于各任务总额之和{}",
                            show(total, unit),
                            show(sum, unit)
                        ),
                        format!(
                            "The total {} differs from the sum of the tasks, {}",
                            show(total, unit),
                            show(sum, unit)
                        ),
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{found, with, CLEAN};

    #[test]
    fn a001_fires_on_yuan_labelled_wan() {
        let text = with(
            "本年度项目金额(万元):\t20.00",
            "本年度项目金额(万元):\t200,000.00",
        )
        .replace("20.00\t本年", "200,000.00\t本年");
        let f = found(&text, "A001");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("应改标为“元”"));
        // The other amount rules then read the amounts as 元: 20万元 agrees with the basis.
        assert!(found(&text, "A005").is_empty());
    }

    #[test]
    fn a001_quiet_on_large_amounts_backed_by_the_basis() {
        let text = CLEAN
            .replace(
                "20.00\t本年度项目金额(万元):\t20.00",
                "20,000.00\t本年度项目金额(万元):\t20,000.00",
            )
            .replace(
                "演出费15万元、宣传费5万元，合计20万元",
                "演出费15000万元、宣传费5000万元，合计20000万元",
            )
            .replace("≤1.5万元", "≤1500万元");
        assert!(
            found(&text, "A001").is_empty(),
            "{:?}",
            found(&text, "A001")
        );
        assert!(found(CLEAN, "A001").is_empty());
    }

    #[test]
    fn a002_a003_a004() {
        let a002 = with("(中期规划,万元):\t20.00", "(中期规划,万元):\t10.00");
        assert_eq!(found(&a002, "A002").len(), 1);
        assert_eq!(found(&a002, "A003").len(), 1, "one year and the two differ");
        let multi = with("实施期限:\t1", "实施期限:\t2")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t100.00");
        assert_eq!(found(&multi, "A004").len(), 1);
        let fine = with("实施期限:\t1", "实施期限:\t2")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t40.00");
        assert!(
            found(&fine, "A004").is_empty()
                && found(&fine, "A002").is_empty()
                && found(&fine, "A003").is_empty()
        );
    }

    #[test]
    fn a005_shows_the_computation() {
        let text = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "2023年预计需要15.3万元用于演出。",
        );
        let f = found(&text, "A005");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].1,
            "测算依据预计需要15.3万元，与本年度项目金额20.00万元不一致（相差4.70万元）"
        );
        assert_eq!(f[0].0, "15.3万元");
        let items = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "1. 演出费15万元；2. 宣传费3万元。",
        );
        assert!(found(&items, "A005")[0]
            .1
            .starts_with("测算依据各项合计18.00万元（15万元 + 3万元）"));
        assert!(found(CLEAN, "A005").is_empty());
        // Amounts in 元 are converted.
        assert!(found(
            &with(
                "演出费15万元、宣传费5万元，合计20万元",
                "演出费150000元、宣传费50000元"
            ),
            "A005"
        )
        .is_empty());
    }

    #[test]
    fn a006_expressions_and_sums() {
        let text = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "演出10场×1.5万元=20万元，宣传费5万元，合计20万元。",
        );
        let f = found(&text, "A006");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("计算得 15万元"));
        let sum = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "演出费15万元、宣传费6万元，合计20万元。",
        );
        assert_eq!(found(&sum, "A006").len(), 1);
        assert!(found(
            &with(
                "演出费15万元、宣传费5万元，合计20万元。",
                "演出10场×1.5万元=15万元，宣传费5万元，合计20万元。"
            ),
            "A006"
        )
        .is_empty());
        assert!(found(CLEAN, "A006").is_empty());
    }

    #[test]
    fn a007_names_the_unit_typo() {
        let text = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "一、演出费共计15万元。二、宣传费共计5元。",
        );
        let f = found(&text, "A007");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.starts_with("「5元」的单位应为“万元”"));
        assert!(found(&text, "A005").is_empty(), "the typo explains the gap");
        let doc = crate::rules::check(&text, &Default::default());
        let fix = doc.forms[0]
            .diagnostics
            .iter()
            .find(|d| d.code() == "A007")
            .unwrap()
            .fix
            .clone()
            .unwrap();
        assert_eq!(
            (fix.span.text(&text), fix.replacement.as_str()),
            ("元", "万元")
        );
    }

    #[test]
    fn a008_cost_cap() {
        let text = with(
            "产出\t*成本\t演出场均成本\t≤1.5万元",
            "产出\t*成本\t项目开展成本\t≤18万元",
        );
        assert_eq!(found(&text, "A008").len(), 1);
        assert!(found(
            &with(
                "产出\t*成本\t演出场均成本\t≤1.5万元",
                "产出\t*成本\t项目开展成本\t≤20万元"
            ),
            "A008"
        )
        .is_empty());
        assert!(
            found(CLEAN, "A008").is_empty(),
            "a cost per show is no cap of the budget"
        );
    }

    #[test]
    fn a009_a010() {
        assert_eq!(
            found(&with("演出费15万元", "演出费1,5.00万元"), "A009").len(),
            1
        );
        assert!(found(CLEAN, "A009").is_empty());
        assert_eq!(
            found(
                &with(
                    "演出费15万元、宣传费5万元，合计20万元。",
                    "按照市场价格测算。"
                ),
                "A010"
            )
            .len(),
            1
        );
        let copy = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "《福田区公共文化服务发展规划》(福府〔2021〕12号)",
        );
        assert_eq!(found(&copy, "A010").len(), 1);
        assert!(found(CLEAN, "A010").is_empty());
    }

    #[test]
    fn a011_department_tasks() {
        let base = "部门（单位）整体支出绩效目标申报表\n部门（单位）名称\t某中心\t主管部门\t某局\n年度主要任务\t任务名称\t主要内容\t预算金额（万元）\n\t\t\t总额\t财政拨款\t其他资金\n\t基本支出\t人员经费\t100\t90\t10\n\t项目支出\t业务经费\t50\t50\t0\n金额合计\t\t150\t140\t10\n";
        assert!(found(base, "A011").is_empty());
        let wrong = base
            .replace("\t100\t90\t10", "\t100\t80\t10")
            .replace("\t150\t140", "\t160\t130");
        assert_eq!(found(&wrong, "A011").len(), 2);
    }

    #[test]
    fn formats_amounts() {
        assert_eq!(show(164.83, Some(AmountUnit::WanYuan)), "164.83万元");
        assert_eq!(show(666.58186, Some(AmountUnit::Yuan)), "6,665,818.60元");
    }
}
