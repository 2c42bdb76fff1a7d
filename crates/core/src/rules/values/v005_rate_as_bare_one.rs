//! V005 rate-as-bare-one: a rate given as `1` (meant as 100%); V003 stays quiet there.

use super::rows;
use crate::value::{Expected, Op};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V005",
        name: "rate-as-bare-one",
        severity: Severity::Error,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::Suggest,
        title_zh: "比率写成了“1”",
        title_en: "Rate written as 1",
        doc: RuleDoc {
            catches_zh: "比率类指标的目标值写成了“1”（本意是 100%）。",
            catches_en: "A rate given as `1` (meant 100%).",
            why_zh: "“1”在比率指标中既可能指 1%，也可能指 100%，考核时无法判断。",
            why_en: "`1` on a rate may mean 1% or 100%; the target cannot be judged.",
            source: "财预〔2021〕101号",
            bad_example: "产出\t*质量\t项目验收合格率\t1",
            good_example: "产出\t*质量\t项目验收合格率\t＝100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        if r.expected == Expected::Rate && r.bare_one() && !r.has_unit_column() {
            let (name, value) = (r.name(), r.value());
            let pct = format!("{}100%", r.v.op.unwrap_or(Op::Eq).symbol());
            let span = r.ind.value.span;
            out.push(
                r.finding(&INFO, Message::new(
                        format!("比率指标「{name}」的目标值写作“{value}”，应写为百分比（“{pct}”）"),
                        format!("Rate \"{name}\" has the value \"{value}\"; write a percentage ({pct})"),
                    ),
                )
                .with_fix(
                    Message::new(format!("改为“{pct}”"), format!("Change to {pct}")),
                    span,
                    pct.clone(),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{RATE, SHOWS};
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_one_for_a_rate_keeping_the_operator() {
        assert_eq!(found(&with(RATE, "演出验收合格率\t1"), "V005").len(), 1);
        assert!(found(&with(RATE, "演出验收合格率\t1"), "V003").is_empty());
        let le = found(&with(RATE, "演出验收合格率\t≤1"), "V005");
        assert!(le[0].1.contains("“≤100%”"), "{le:?}");
    }

    #[test]
    fn quiet_on_one_of_a_count() {
        assert!(found(&with(SHOWS, "举办演出场次\t1场"), "V005").is_empty());
    }
}
