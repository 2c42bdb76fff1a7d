//! A001 amount-unit-magnitude: the label says 万元 but the numbers are in 元 (1,648,300.00 万元
//! while 测算依据 says 153万元). The verdict is read once into the facts
//! ([`wan_mislabeled`](super::wan_mislabeled)); every amount rule then reads the amounts in
//! the effective unit, so the mistake is reported once.

use super::trim_num;
use crate::model::FieldKey;
use crate::text::{thousands, Cents};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A001",
        name: "amount-unit-magnitude",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Appropriateness,
        fix: FixKind::Suggest,
        title_zh: "金额单位与数值不符",
        title_en: "Amount unit does not fit the numbers",
        doc: RuleDoc {
            catches_zh: "标签写“万元”，但数值实际是以元为单位填写的（例如本年度项目金额1,648,300.00万元，而测算依据只有153万元）。依据测算依据的金额和数额的合理性判断。",
            catches_en: "The label says 万元 but the numbers are in 元 (e.g. 1,648,300.00 万元 while 测算依据 says 153万元); decided from the 测算依据 amounts and plausibility.",
            why_zh: "单位错一级，金额就差一万倍：按标签理解，一个日常管理项目的预算高达上百亿元。预算批复、绩效评价和汇总统计都会因此出错。",
            why_en: "A unit one step off makes the amount ten thousand times too large: a routine project would cost tens of billions. Approval, evaluation and totals all go wrong.",
            source: "预算系统填报要求；财预〔2015〕88号（目标与预算相匹配）",
            bad_example: "本年度项目金额(万元):\t1,648,300.00\n测算依据:\t2023年预计需要164.83万元……",
            good_example: "本年度项目金额(元):\t1,648,300.00\n测算依据:\t2023年预计需要164.83万元……",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if !ctx.facts.wan_mislabeled {
        return;
    }
    let Some(y) = form.field(FieldKey::YearAmount) else {
        return;
    };
    let yuan = y.amount.unwrap_or(0.0);
    let yi = trim_num((yuan / 10_000.0 * 100.0).round() / 100.0);
    let written = thousands(yuan, Cents::Always);
    let mut d = Diagnostic::new(
        &INFO,
        y.label.span,
        Message::new(
            format!("金额单位标为“万元”，但数值{written}按万元计为{yi}亿元，明显是以元填写的；应改标为“元”（即{yi}万元）"),
            format!("The amounts are labelled 万元, but {written} 万元 would be {yi} hundred million yuan: the numbers are in 元; label them 元 ({yi} 万元)"),
        ),
    );
    let label = y.label.span.text(ctx.text);
    if label.contains("万元") {
        d = d.with_fix(
            Message::new("改标为“元”", "Label the amounts 元"),
            y.label.span,
            label.replacen("万元", "元", 1),
        );
    }
    if let Some(t) = form.field(FieldKey::TotalAmount) {
        d = d.with_related(
            t.label.span,
            Message::new("项目总金额的单位", "unit of the total"),
        );
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with, CLEAN};

    #[test]
    fn fires_on_yuan_labelled_wan() {
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
    fn quiet_on_large_amounts_backed_by_the_basis() {
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
        assert!(found(&text, "A001").is_empty(), "{:?}", found(&text, "A001"));
    }
}
