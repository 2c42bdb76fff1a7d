//! A008 cost-cap-mismatch: a 成本 indicator that caps money (`≤1464520.00元`) while the cap
//! differs from 本年度项目金额 (within a factor of two: a cap of this project's budget, not a unit
//! cost).

use super::{header, show, Header};
use crate::calc::{close, MoneyUnit};
use crate::model::{Level1, Level2};
use crate::span::Span;
use crate::value::{Expected, Op};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A008",
        name: "cost-cap-mismatch",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "成本指标金额与预算不符",
        title_en: "Cost cap differs from the budget",
        doc: RuleDoc {
            catches_zh: "成本指标以金额设定上限（如“≤1464520.00元”），但该金额与本年度项目金额不一致。",
            catches_en: "A 成本 indicator that caps money (`≤1464520.00元`) differs from 本年度项目金额.",
            why_zh: "成本指标控制的是本项目的支出，其金额应与本年度预算一致；不一致说明指标是从其他项目或旧版本复制来的。",
            why_en: "The cost indicator caps this project's spending and should equal this year's budget; a different figure was copied from elsewhere.",
            source: "财预〔2021〕101号（成本指标）",
            bad_example: "本年度项目金额(元):\t6,665,818.60\n产出指标\t*成本指标\t项目开展成本\t≤6471317.62元",
            good_example: "本年度项目金额(元):\t6,665,818.60\n产出指标\t*成本指标\t项目开展成本\t≤6665818.60元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(Header {
        unit,
        year,
        year_wan: y_wan,
        ..
    }) = header(ctx)
    else {
        return;
    };
    let (form, facts) = (ctx.form, ctx.facts);
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
                    &INFO,
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with, CLEAN};

    const COST: &str = "产出\t*成本\t演出场均成本\t≤1.5万元";

    #[test]
    fn fires_on_a_cap_that_is_not_the_budget() {
        let text = with(COST, "产出\t*成本\t项目开展成本\t≤18万元");
        assert_eq!(found(&text, "A008").len(), 1);
    }

    #[test]
    fn quiet_on_the_budget_and_on_a_unit_cost() {
        assert!(found(&with(COST, "产出\t*成本\t项目开展成本\t≤20万元"), "A008").is_empty());
        assert!(found(CLEAN, "A008").is_empty(), "a cost per show is no cap of the budget");
    }
}
