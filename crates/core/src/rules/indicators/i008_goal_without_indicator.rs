//! I008 goal-without-indicator: a count the 年度目标 commits to (`完成3个课题`, `培训200人次`, a
//! department form's `目标4：…法律专项服务1项`) that no indicator measures.
//!
//! An indicator measures a count when it speaks of the same thing ([`Thing::same`] of the words
//! around the number and the indicator's name), or counts in the same measure word something
//! that shares a content bigram with it and allows the same number (`开展党建活动4次以上` and
//! `党组织建设事项数 ≥4次`), or names the count itself (`4本名村志编纂完成时间`). Counts per
//! something, of another year, and the article 一 (一个, 一次) are no commitments; a form whose
//! table is cut off or missing is S006's and S003's.

use crate::count::{Bound, Thing};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::{Ctx, Mention, Source};
use crate::rules::{Check, Rule};
use crate::span::Span;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I008",
        name: "goal-without-indicator",
        severity: Severity::Warning,
        category: Category::Indicators,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "目标没有对应指标",
        title_en: "Goal without an indicator",
        doc: RuleDoc {
            catches_zh: "年度目标（或部门整体支出表的各项目标）中承诺了数量（“完成3个课题”“培训200人次”），但没有任何绩效指标衡量这一数量。",
            catches_en: "年度目标 (or a department form's numbered goals) commits to a count (`完成3个课题`, `培训200人次`) that no indicator measures.",
            why_zh: "绩效指标是对年度目标的细化和量化；目标中承诺的产出没有指标，年底就无法据此考核，目标与指标也不相对应。",
            why_en: "Indicators break the annual goal down into measurable targets; a committed output with no indicator cannot be assessed at the year's end.",
            source: "财预〔2015〕88号（绩效指标应与绩效目标相对应，细化、量化）",
            bad_example: "年度目标:\t2023年举办社区文化演出10场，开展非遗培训20人次。\n产出\t*数量\t举办演出场次\t≥10场\t全年举办的社区文化演出场次",
            good_example: "年度目标:\t2023年举办社区文化演出10场，开展非遗培训20人次。\n产出\t*数量\t举办演出场次\t≥10场\t全年举办的社区文化演出场次\n产出\t*数量\t非遗培训人次\t≥20人次\t参加非遗培训的人次",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if ctx.table_cut_off() || form.applicable_indicators().next().is_none() {
        return;
    }
    let measured: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| matches!(m.source, Source::Indicator(_)))
        .collect();
    let goal: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| m.source == Source::Goal && !m.other_year && !is_article(m))
        .filter(|m| !(m.measure == "天" && m.bound == Bound::AtMost))
        .collect();
    let names: Vec<(&str, Thing)> = form
        .applicable_indicators()
        .map(|i| (i.name.text.as_str(), Thing::of(&i.name.text)))
        .collect();
    // Each count measured on its own: by an indicator's name, or by a value in its measure word.
    let alone: Vec<&&Mention> = goal
        .iter()
        .filter(|m| {
            let by_name = names
                .iter()
                .any(|(name, thing)| m.thing.same(thing) || name.contains(m.written.as_str()));
            // `70个行政村` and `≥70村`: the indicator counts in the noun the goal counts.
            let noun = m.object.split_once('|').map_or("", |(_, a)| a);
            let by_value = measured.iter().any(|v| {
                (v.measure == m.measure || noun.ends_with(v.measure))
                    && (v.number == m.number && m.number >= 2.0
                        || Bound::compatible((m.bound, m.number), (v.bound, v.number))
                            && m.thing.overlap(&v.thing).0 >= 2)
            });
            !by_name && !by_value
        })
        .collect();
    // The unmeasured counts, those of one clause together (`300个…及2000个…事项`).
    let mut report: Vec<Vec<&Mention>> = Vec::new();
    for m in &alone {
        // Parts of a total: the unmeasured counts of one sentence in one measure word that add
        // up to about what an indicator counts (`拟采购8台台式电脑、12台显示器…` and
        // `办公设备购置数量 ≥25台`).
        let parts: Vec<f64> = alone
            .iter()
            .filter(|x| x.measure == m.measure && x.sentence == m.sentence)
            .map(|x| x.number)
            .collect();
        let total: f64 = parts.iter().sum();
        let by_total = parts.len() > 1
            && measured.iter().any(|v| {
                v.measure == m.measure
                    && v.number >= 0.8 * total
                    && Bound::compatible((Bound::Exact, total), (v.bound, v.number))
            });
        if by_total {
            continue;
        }
        match report.last_mut() {
            Some(group) if group[0].clause.end >= m.span.start => group.push(m),
            _ => report.push(vec![m]),
        }
    }
    for group in report {
        let (first, last) = (group[0], group[group.len() - 1]);
        let words = &first.words;
        let counts: Vec<&str> = group.iter().map(|m| m.written.as_str()).collect();
        let span = Span::new(first.span.start, last.span.end);
        out.push(Diagnostic::new(
            &INFO,
            span,
            Message::new(
                format!("年度目标中的“{words}”承诺了{}，但没有绩效指标衡量", counts.join("、")),
                format!("The annual goal commits to {} (\"{words}\"), but no indicator measures it", counts.join(", ")),
            ),
        ));
    }
}

/// 一个, 一次, 一批 written in words: an article (`打造一个…`, `进一步`), not a count.
fn is_article(m: &Mention) -> bool {
    m.written.starts_with('一') && matches!(m.measure, "个" | "次" | "批")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const GOAL: &str = "年度目标:\t2023年举办社区文化演出10场，覆盖居民5000人次。";

    #[test]
    fn fires_on_a_count_no_indicator_measures() {
        let text = with(GOAL, "年度目标:\t2023年举办社区文化演出10场，开展非遗传承培训20人次，覆盖居民5000人次。");
        let f = found(&text, "I008");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "20人次");
        assert!(f[0].1.contains("“开展非遗传承培训20人次”承诺了20人次"), "{}", f[0].1);
    }

    #[test]
    fn quiet_when_an_indicator_words_it_otherwise() {
        // 演出 shared, the same measure word (场 = 次) and a number both allow.
        let text = with(GOAL, "年度目标:\t2023年组织文艺演出不少于10次，覆盖居民5000人次。");
        assert!(found(&text, "I008").is_empty());
    }

    #[test]
    fn quiet_on_a_rate_an_article_or_another_year() {
        for goal in [
            "年度目标:\t2023年举办社区文化演出10场，每场2小时，覆盖居民5000人次。",
            "年度目标:\t2023年举办社区文化演出10场，打造一个文化品牌，覆盖居民5000人次。",
            "年度目标:\t2023年举办社区文化演出10场，覆盖居民5000人次；2024年新增演出3场。",
        ] {
            assert!(found(&with(GOAL, goal), "I008").is_empty(), "{goal}");
        }
    }

    #[test]
    fn quiet_when_the_table_is_cut_off() {
        let text = with(GOAL, "年度目标:\t2023年举办社区文化演出10场，开展非遗传承培训20人次，覆盖居民5000人次。");
        let cut = &text[..text.find("产出\t*质量").unwrap()];
        let cut = format!("{cut}产出\t*质量\t演出验收");
        assert!(found(&cut, "I008").is_empty());
    }
}
