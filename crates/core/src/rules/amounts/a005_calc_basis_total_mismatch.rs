//! A005 calc-basis-total-mismatch: the total stated in the 测算依据 (合计/共计/预计需要 X), or
//! the sum of its items, differs from 本年度项目金额; the message shows the computation. When
//! one unit typo explains the gap, A007 reports it instead.

use super::{show, show_money, total_gap, unit_typo};
use crate::calc::{counted, CalcBasis, Source};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A005",
        name: "calc-basis-total-mismatch",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "测算依据合计与本年度金额不符",
        title_en: "Calculation basis does not add up to this year's amount",
        doc: RuleDoc {
            catches_zh: "测算依据中写明的合计（合计/共计/预计需要 X），或各分项之和，与本年度项目金额不一致（已换算元/万元，容差 0.5%）。提示中列出计算过程。",
            catches_en: "The total stated in 测算依据 (合计/共计/预计需要 X), or the sum of its items, differs from 本年度项目金额 (元/万元 converted; tolerance 0.5%). The message shows the computation.",
            why_zh: "测算依据是预算金额的来源，二者不一致说明预算没有测算依据支撑，或测算依据未随金额更新。",
            why_en: "The calculation basis is where the amount comes from; a mismatch means the budget is not backed by it, or it was not updated.",
            source: "财预〔2015〕88号（绩效目标与预算相匹配）；预算编制测算要求",
            bad_example: "本年度项目金额(元):\t1,648,300.00\n测算依据:\t2023年预计需要153万元用于……",
            good_example: "本年度项目金额(元):\t1,530,000.00\n测算依据:\t2023年预计需要153万元用于……",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

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
fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(gap) = total_gap(ctx) else {
        return;
    };
    if unit_typo(&gap).is_some() {
        return;
    }
    let (calc, y) = (gap.calc, gap.year);
    let unit = ctx.form.amount_unit;
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
                format!("测算依据各项合计{}（{}）", show(sum, unit), parts.join(" + ")),
                format!(
                    "The items of the calculation basis add up to {} ({})",
                    show(sum, unit),
                    parts.join(" + ")
                ),
            )
        }
    };
    let gap_text = show((value - y).abs(), unit);
    out.push(
        Diagnostic::new(
            &INFO,
            span,
            Message::new(
                format!(
                    "{how_zh}，与本年度项目金额{}不一致（相差{gap_text}）",
                    show(y, unit)
                ),
                format!(
                    "{how_en}, but this year's amount is {} (a gap of {gap_text})",
                    show(y, unit)
                ),
            ),
        )
        .with_related(
            gap.year_span,
            Message::new("本年度项目金额", "amount this year"),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const CALC: &str = "演出费15万元、宣传费5万元，合计20万元。";

    #[test]
    fn fires_with_the_computation() {
        let f = found(&with(CALC, "2023年预计需要15.3万元用于演出。"), "A005");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].1,
            "测算依据预计需要15.3万元，与本年度项目金额20.00万元不一致（相差4.70万元）"
        );
        assert_eq!(f[0].0, "15.3万元");
        let items = with(CALC, "1. 演出费15万元；2. 宣传费3万元。");
        assert!(found(&items, "A005")[0]
            .1
            .starts_with("测算依据各项合计18.00万元（15万元 + 3万元）"));
    }

    #[test]
    fn quiet_on_amounts_in_yuan_that_add_up() {
        let text = with("演出费15万元、宣传费5万元，合计20万元", "演出费150000元、宣传费50000元");
        assert!(found(&text, "A005").is_empty());
    }
}
