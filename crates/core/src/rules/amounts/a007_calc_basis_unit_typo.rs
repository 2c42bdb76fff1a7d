//! A007 calc-basis-unit-typo: the A005 gap is explained exactly by one item of the 测算依据
//! written in 元 instead of 万元 or the reverse (`普法经费共计97.7元`); the corrected unit is
//! suggested.

use super::{show, total_gap, unit_typo};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A007",
        name: "calc-basis-unit-typo",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::Suggest,
        title_zh: "测算依据金额单位笔误",
        title_en: "Unit typo in the calculation basis",
        doc: RuleDoc {
            catches_zh: "测算依据与本年度项目金额的差额，恰好能由某一项把“万元”写成“元”（或反过来）来解释，例如“普法经费共计97.7元”。",
            catches_en: "The A005 gap is explained exactly by one item written in 元 instead of 万元 (or the reverse), e.g. `普法经费共计97.7元`.",
            why_zh: "单位笔误让测算依据与预算对不上；指出具体是哪一项，单位可以一次改正。",
            why_en: "A unit slip makes the basis disagree with the budget; pointing at the item lets it be fixed at once.",
            source: "预算编制测算要求",
            bad_example: "本年度项目金额(万元):\t100.00\n测算依据:\t一、宣传费共计2.3万元。二、普法经费共计97.7元。",
            good_example: "本年度项目金额(万元):\t100.00\n测算依据:\t一、宣传费共计2.3万元。二、普法经费共计97.7万元。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(gap) = total_gap(ctx) else {
        return;
    };
    let Some(typo) = unit_typo(&gap) else {
        return;
    };
    let unit = ctx.form.amount_unit;
    let m = &gap.calc.amounts[typo.amount];
    let (to, c, y) = (typo.to.as_str(), typo.corrected, gap.year);
    out.push(
        Diagnostic::new(
            &INFO,
            m.span,
            Message::new(
                format!(
                    "「{}」的单位应为“{to}”：改正后测算依据合计{}，与本年度项目金额{}一致",
                    m.span.text(ctx.text),
                    show(c, unit),
                    show(y, unit)
                ),
                format!(
                    "\"{}\" should be in {to}: corrected, the basis adds up to {}, as this year's amount {}",
                    m.span.text(ctx.text),
                    show(c, unit),
                    show(y, unit)
                ),
            ),
        )
        .with_related(
            gap.year_span,
            Message::new("本年度项目金额", "amount this year"),
        )
        .with_fix(
            Message::new(format!("改为“{to}”"), format!("Change to {to}")),
            m.unit_span,
            to,
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const CALC: &str = "演出费15万元、宣传费5万元，合计20万元。";

    #[test]
    fn fires_on_the_item_in_the_wrong_unit() {
        let text = with(CALC, "一、演出费共计15万元。二、宣传费共计5元。");
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
    fn quiet_when_no_one_unit_explains_the_gap() {
        let text = with(CALC, "一、演出费共计15万元。二、宣传费共计3元。");
        assert!(found(&text, "A007").is_empty());
        assert_eq!(found(&text, "A005").len(), 1);
    }
}
