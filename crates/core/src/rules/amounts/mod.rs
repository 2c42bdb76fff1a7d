//! A — amounts: the unit of the header amounts, their relations, and the arithmetic of the
//! 测算依据 against 本年度项目金额. What the rules share: the formatting of amounts in messages,
//! and the gap A005 and A007 explain ([`total_gap`], [`unit_typo`]). The ways a 测算依据 may add
//! up are `calc`'s; A001's verdict on the unit is read once into the facts.

use crate::calc::{candidates, counted, supports, CalcBasis, Money, MoneyUnit, Source};
use crate::model::{AmountUnit, Field, FieldKey, FormKind};
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
    a012_funds_breakdown_mismatch,
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

/// The header amounts of a project form, as the amount rules read them.
pub(crate) struct Header<'a> {
    /// The unit of the form's labels, which messages speak (万元 even when A001 finds the numbers
    /// written in 元: the 测算依据 speaks 万元 then).
    pub unit: Option<AmountUnit>,
    pub year: Option<&'a Field>,
    pub total: Option<&'a Field>,
    /// 本年度项目金额 and 项目总金额 in 万元, read in the effective unit (after A001's verdict).
    pub year_wan: Option<f64>,
    pub total_wan: Option<f64>,
}

/// The header amounts of a project form; `None` for a department form.
pub(crate) fn header<'a>(ctx: &Ctx<'a>) -> Option<Header<'a>> {
    let (form, facts) = (ctx.form, ctx.facts);
    (form.kind == FormKind::Project).then(|| Header {
        unit: form.amount_unit,
        year: form.field(FieldKey::YearAmount),
        total: form.field(FieldKey::TotalAmount),
        year_wan: facts.wan(form, FieldKey::YearAmount),
        total_wan: facts.wan(form, FieldKey::TotalAmount),
    })
}

/// Both header amounts of a project form, read, with their fields: what A002–A004 compare.
pub(crate) struct Both<'a> {
    /// The unit messages speak (see [`Header::unit`]).
    pub unit: Option<AmountUnit>,
    /// 本年度项目金额 and 项目总金额 in 万元, in the effective unit.
    pub year: f64,
    pub total: f64,
    pub year_field: &'a Field,
    pub total_field: &'a Field,
}

/// Both header amounts of a project form, when both are there and read.
pub(crate) fn both<'a>(ctx: &Ctx<'a>) -> Option<Both<'a>> {
    let h = header(ctx)?;
    Some(Both {
        unit: h.unit,
        year: h.year_wan?,
        total: h.total_wan?,
        year_field: h.year?,
        total_field: h.total?,
    })
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
