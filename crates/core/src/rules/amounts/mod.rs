//! A — amounts: the unit of the header amounts, their relations, and the arithmetic of the
//! 测算依据 against 本年度项目金额. What the rules share: the tolerance, the formatting of amounts
//! in messages, the ways a 测算依据 may add up ([`candidates`]), A001's verdict on the unit
//! ([`wan_mislabeled`], read once into the facts), and the gap A005 and A007 explain
//! ([`total_gap`], [`unit_typo`]).

use crate::calc::{CalcBasis, Money, MoneyUnit};
use crate::model::{AmountUnit, FieldKey, Form, FormKind};
use crate::rules::facts::Ctx;
use crate::span::Span;
use crate::text::{thousands, Cents};

family! {
    a001_amount_unit_magnitude,
    a002_year_amount_exceeds_total,
    a003_single_year_total_mismatch,
    a004_total_amount_implausible,
    a005_calc_basis_total_mismatch,
    a006_calc_basis_arithmetic,
    a007_calc_basis_unit_typo,
    a008_cost_cap_mismatch,
    a009_malformed_number,
    a010_calc_basis_missing,
    a011_task_sum_mismatch,
}

/// Whether two amounts agree within the tolerance of the catalogue (0.5 %).
pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1e-9)
}

/// Format an amount in 万元 for a message in the form's unit: `164.83万元`, `6,665,818.60元`.
pub(crate) fn show(wan: f64, unit: Option<AmountUnit>) -> String {
    match unit {
        Some(AmountUnit::Yuan) => format!("{}元", thousands(wan * 10_000.0, Cents::Always)),
        _ => format!("{}万元", thousands(wan, Cents::Always)),
    }
}

pub(crate) fn show_money(m: &Money) -> String {
    format!("{}{}", trim_num(m.number), m.unit.as_str())
}

pub(crate) fn trim_num(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// How a candidate total of the 测算依据 was formed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    One(usize),
    Sum(Vec<usize>),
}

/// The amounts that count: not prices per unit, not operands of an expression.
pub(crate) fn counted(calc: &CalcBasis) -> Vec<usize> {
    calc.amounts
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.per && m.in_expr != Some(false))
        .map(|(i, _)| i)
        .collect()
}

/// The totals a 测算依据 may mean: each amount, the sum of all, the sum over numbered items
/// (first, last or stated amount of each), the sum of amounts sharing a stated-total word.
pub(crate) fn candidates(calc: &CalcBasis, value: &dyn Fn(usize) -> f64) -> Vec<(f64, Source)> {
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
pub(crate) fn supports(calc: &CalcBasis, value: &dyn Fn(usize) -> f64, target: f64) -> bool {
    candidates(calc, value)
        .iter()
        .any(|(c, _)| close(*c, target))
        || stated_subset_matches(calc, value, target)
}

/// A001's verdict, shared by all amount rules: the label says 万元 but the numbers are 元.
/// Evidence: a 测算依据 total that matches the 元 reading and not the 万元 one; without such
/// evidence, a year amount of 1亿元 or more labelled 万元 (10,000 万元 and up).
pub(crate) fn wan_mislabeled(form: &Form, calc: Option<&CalcBasis>) -> bool {
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

/// A project form whose 测算依据 does not add up to its 本年度项目金额 in any way it may be read:
/// what A005 reports, unless A007 explains it by one unit typo.
pub(crate) struct Gap<'a> {
    pub calc: &'a CalcBasis,
    /// 本年度项目金额 in 万元 (with the effective unit).
    pub year: f64,
    pub year_span: Span,
}

pub(crate) fn total_gap<'a>(ctx: &'a Ctx) -> Option<Gap<'a>> {
    let (form, facts) = (ctx.form, ctx.facts);
    if form.kind != FormKind::Project {
        return None;
    }
    let (Some(year), Some(calc), Some(yf)) = (
        facts.wan(form, FieldKey::YearAmount),
        &facts.calc,
        form.field(FieldKey::YearAmount),
    ) else {
        return None;
    };
    let plain = |i: usize| calc.amounts[i].wan();
    if counted(calc).is_empty() || supports(calc, &plain, year) {
        return None;
    }
    Some(Gap {
        calc,
        year,
        year_span: yf.value.span,
    })
}

/// One amount of the 测算依据 written in the wrong unit: with it corrected, the items add up to
/// the year amount exactly (A007).
pub(crate) struct UnitTypo {
    /// Which amount of the 测算依据.
    pub amount: usize,
    /// The unit it should have.
    pub to: MoneyUnit,
    /// The corrected total, in 万元.
    pub corrected: f64,
}

/// The first amount whose unit, flipped between 元 and 万元, closes the gap exactly.
pub(crate) fn unit_typo(gap: &Gap) -> Option<UnitTypo> {
    let (calc, y) = (gap.calc, gap.year);
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
                return Some(UnitTypo {
                    amount: i,
                    to,
                    corrected: c,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_amounts() {
        assert_eq!(show(164.83, Some(AmountUnit::WanYuan)), "164.83万元");
        assert_eq!(show(666.58186, Some(AmountUnit::Yuan)), "6,665,818.60元");
    }
}
