//! A006 calc-basis-arithmetic: an expression of the 测算依据 that is wrong (`a×b=c`,
//! `a*b*12=c`), or a stated total that differs from the items listed with it.

use super::{show, show_money, trim_num};
use crate::calc::{close, counted, MoneyUnit};
use crate::model::FormKind;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A006",
        name: "calc-basis-arithmetic",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "测算依据算式有误",
        title_en: "Wrong arithmetic in the calculation basis",
        doc: RuleDoc {
            catches_zh: "测算依据中的算式算错了：`a×b=c`、`a*b*12=c`，或写明的合计不等于紧挨着列出的各项之和。",
            catches_en: "An expression in 测算依据 is wrong (`a×b=c`, `a*b*12=c`), or a stated total differs from the sum of the items listed with it.",
            why_zh: "算式错误会直接导致预算金额错误，也让审核人无法复核。",
            why_en: "A wrong expression makes the budget wrong and cannot be verified.",
            source: "预算编制测算要求",
            bad_example: "办公场所租赁费用500平米×200元/平米≈100万元",
            good_example: "办公场所租赁费用500平米×200元/平米≈10万元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.form.kind != FormKind::Project {
        return;
    }
    let Some(calc) = &ctx.facts.calc else {
        return;
    };
    let unit = ctx.form.amount_unit;
    for e in &calc.exprs {
        if e.is_right() || e.explained_by_nearby_factor() {
            continue;
        }
        let ru = e.result_unit.map_or("", MoneyUnit::as_str);
        out.push(Diagnostic::new(
            &INFO,
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
                &INFO,
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const CALC: &str = "演出费15万元、宣传费5万元，合计20万元。";

    #[test]
    fn fires_on_a_wrong_product_and_a_wrong_sum() {
        let text = with(CALC, "演出10场×1.5万元=20万元，宣传费5万元，合计20万元。");
        let f = found(&text, "A006");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("计算得 15万元"));
        let sum = with(CALC, "演出费15万元、宣传费6万元，合计20万元。");
        assert_eq!(found(&sum, "A006").len(), 1);
    }

    #[test]
    fn quiet_on_a_right_product() {
        let text = with(CALC, "演出10场×1.5万元=15万元，宣传费5万元，合计20万元。");
        assert!(found(&text, "A006").is_empty());
    }
}
