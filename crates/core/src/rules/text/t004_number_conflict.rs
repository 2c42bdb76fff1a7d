//! T004 number-conflict: the same thing counted differently across the 年度目标, the 测算依据
//! and the indicator values (`拟采购8台台式电脑` against `采购10台台式电脑`; an indicator
//! `≥1900套` against `2259套` in the basis).
//!
//! Two counts conflict when they count in the same measure word (场 and 次 alike), speak of the
//! same thing ([`Thing::same`](crate::count::Thing::same): the content characters they share) and allow no common value:
//! `≥10台` and `12台` agree, `8台` and `10台` do not. Before a conflict is reported, every
//! count of the other side that speaks of the same thing is asked, and their sum (parts of one
//! total agree with it): one that fits is enough to stay silent. Counts per something (`每季度1次`,
//! `5000元/人`) and counts of another year's sentence are left out.

use crate::count::Bound;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::{Ctx, Mention, Source};
use crate::rules::{Check, Rule};
use crate::text::capitalize;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T004",
        name: "number-conflict",
        severity: Severity::Error,
        category: Category::Text,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "数量前后不一致",
        title_en: "Numbers conflict",
        doc: RuleDoc {
            catches_zh: "同一事项在年度目标、测算依据和指标值中的数量不一致（年度目标“拟采购8台台式电脑”，测算依据“采购10台台式电脑”；指标“≥1900套”，测算依据“2259套”）。只比较量词相同（场与次视为相同）、所指事项相同、且不可能同时成立的数量。",
            catches_en: "The same thing counted differently across 年度目标, 测算依据 and indicator values (`拟采购8台台式电脑` vs `采购10台台式电脑`). Only counts in the same measure word, of the same thing, that cannot both hold.",
            why_zh: "目标、测算和指标是同一项工作的三种表述，数量不一致说明其中至少一处填错，资金测算或考核标准随之失据。",
            why_en: "Goal, basis and indicators describe one piece of work; when their numbers differ, at least one is wrong, and the budget or the assessment rests on it.",
            source: "财预〔2015〕88号（绩效目标应与预算确定的项目源头、资金规模相匹配）",
            bad_example: "测算依据:\t采购10台台式电脑，每台0.48万元，合计4.8万元。\n年度目标:\t年内拟采购8台台式电脑，保障办公需要。",
            good_example: "测算依据:\t采购10台台式电脑，每台0.48万元，合计4.8万元。\n年度目标:\t年内拟采购10台台式电脑，保障办公需要。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let all: Vec<&Mention> = ctx.mentions.iter().filter(|m| !m.other_year).collect();
    let kind = |m: &Mention| match m.source {
        Source::Goal => 0,
        Source::Basis => 1,
        Source::Indicator(_) => 2,
    };
    // Goal against basis, goal against indicators, basis against indicators: the first side's
    // each count, against every count of the second side that speaks of the same thing.
    for (first, second) in [(0, 1), (0, 2), (1, 2)] {
        for a in all.iter().filter(|m| kind(m) == first) {
            let same: Vec<&&Mention> = all
                .iter()
                .filter(|b| kind(b) == second && b.measure == a.measure && a.thing.same(&b.thing))
                .collect();
            let Some(b) = same.first() else { continue };
            let fits = |n: f64, bound: Bound| Bound::compatible((a.bound, a.number), (bound, n));
            if same.iter().any(|b| fits(b.number, b.bound)) {
                continue;
            }
            let sum: f64 = same.iter().map(|b| b.number).sum();
            if same.len() > 1 && fits(sum, Bound::Exact) {
                continue;
            }
            // The same total the other way round: several counts of the first side that add up.
            let parts: f64 = all
                .iter()
                .filter(|x| kind(x) == first && x.measure == a.measure && x.thing.same(&b.thing))
                .map(|x| x.number)
                .sum();
            if Bound::compatible((Bound::Exact, parts), (b.bound, b.number)) {
                continue;
            }
            // The indicator value is the finding when there is one; the goal's count else.
            let (here, there): (&Mention, &Mention) = if kind(b) == 2 { (b, a) } else { (a, b) };
            let (tz, te) = there.source.label();
            out.push(
                Diagnostic::new(
                    &INFO,
                    here.span,
                    Message::new(
                        format!("{}与{}说的是同一事项，数量不一致", describe(here).0, describe(there).0),
                        format!("{} and {} count the same thing differently", capitalize(&describe(here).1), describe(there).1),
                    ),
                )
                .with_related(
                    there.span,
                    Message::new(format!("{tz}中的“{}”", there.written), format!("\"{}\" in {te}", there.written)),
                ),
            );
        }
    }
}

/// A count as the message names it: an indicator by its name and value, a count of a text with
/// its clause (`年度目标“年内拟采购8台台式电脑”`).
fn describe(m: &Mention) -> (String, String) {
    match m.source {
        Source::Indicator(_) => (
            format!("指标「{}」的“{}”", m.object, m.written),
            format!("indicator \"{}\" ({})", m.object, m.written),
        ),
        source => {
            let (zh, en) = source.label();
            let words = &m.words;
            (format!("{zh}“{words}”"), format!("{en} \"{words}\""))
        }
    }
}


#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const BASIS: &str = "测算依据:\t演出费15万元、宣传费5万元，合计20万元。";
    const GOAL: &str = "年度目标:\t2023年举办社区文化演出10场，覆盖居民5000人次。";

    #[test]
    fn fires_on_a_goal_and_an_indicator_that_disagree() {
        // The goal plans 8, the indicator asks at least 10.
        let text = with(GOAL, "年度目标:\t2023年举办社区文化演出8场，覆盖居民5000人次。");
        let f = found(&text, "T004");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "≥10场");
        assert!(f[0].1.contains("8场"), "{}", f[0].1);
    }

    #[test]
    fn fires_on_a_basis_and_a_goal_that_disagree() {
        let text = with(BASIS, "测算依据:\t演出费15万元（演出8场）、宣传费5万元，合计20万元。");
        let f = found(&text, "T004");
        assert!(f.iter().any(|(q, _)| q == "10场"), "{f:?}");
    }

    #[test]
    fn quiet_on_an_at_least_that_the_goal_meets() {
        // ≥10场 and 10场 agree; so do ≥10场 and 12场 when the indicator says at least.
        let text = with("\t≥10场\t", "\t≥8场\t");
        assert!(found(&text, "T004").is_empty());
    }

    #[test]
    fn quiet_on_parts_of_a_total() {
        let text = with(
            GOAL,
            "年度目标:\t2023年举办社区文化演出4场、社区文化讲座演出6场，覆盖居民5000人次。",
        )
        .replace("\t≥10场\t", "\t10场\t");
        assert!(found(&text, "T004").is_empty(), "{:?}", found(&text, "T004"));
    }

    #[test]
    fn quiet_on_other_things_in_the_same_measure() {
        let text = with(GOAL, "年度目标:\t2023年举办社区文化演出10场，开展志愿培训3场，覆盖居民5000人次。");
        assert!(found(&text, "T004").is_empty());
    }

    #[test]
    fn quiet_on_a_count_of_another_year() {
        let text = with(
            GOAL,
            "年度目标:\t2023年举办社区文化演出10场，2024年举办社区文化演出12场，覆盖居民5000人次。",
        );
        assert!(found(&text, "T004").is_empty());
    }
}
