//! I003 indicator-misplaced: an indicator whose measure belongs to another category: a
//! satisfaction under 效益 (`好评率100%` under 社会效益), a deadline or 及时率 under 数量 or 质量, a
//! pass rate under 数量, an amount of money under 数量, 质量 or 时效, a plain count under 时效.
//!
//! The measure is read from the end of the name and from the value together, never from a word
//! of the subject alone (`经费拨付时间` is a time, `补贴人次` a count). Left alone: 完成率 (at home
//! under 数量, 质量 and 时效 alike), 办结率 and frequencies (`每季度1次`) under 时效, counts and
//! times under 效益, perceptions (信任度, 知晓率) under 效益, rates under 成本 (I006's), a
//! survey counted as a deliverable (`满意度调查报告 1套`).

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{Indicator, Level1, Level2};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::value::{ParsedValue, ValueKind};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I003",
        name: "indicator-misplaced",
        severity: Severity::Warning,
        category: Category::Indicators,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "指标类别放错",
        title_en: "Indicator under the wrong category",
        doc: RuleDoc {
            catches_zh: "指标衡量的内容属于另一类别：满意度、好评率放在效益指标下，完成时间、及时率放在数量或质量指标下，合格率放在数量指标下，金额放在数量、质量或时效指标下，单纯的数量放在时效指标下。",
            catches_en: "An indicator whose measure belongs to another category: a satisfaction or approval rate under 效益, a deadline or 及时率 under 数量 or 质量, a pass rate under 数量, an amount of money under 数量/质量/时效, a plain count under 时效.",
            why_zh: "指标体系按产出（数量、质量、时效、成本）、效益、满意度分类设置，各类指标回答不同的问题；放错类别会使该类别实际上缺少指标，评分时也会归错维度。",
            why_en: "Each category of the framework answers its own question; an indicator in the wrong one leaves its own category empty in effect and is scored under the wrong dimension.",
            source: "财预〔2015〕88号附件（绩效指标分类）；《项目支出绩效评价管理办法》（财预〔2020〕10号）",
            bad_example: "效益\t*社会效益\t居民满意度\t≥90%\t满意人数/调查人数×100%",
            good_example: "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// The category a measure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Home {
    Satisfaction,
    Timeliness,
    Quality,
    Cost,
    Quantity,
}

impl Home {
    fn label(self) -> (&'static str, &'static str) {
        match self {
            Home::Satisfaction => ("满意度指标", "satisfaction"),
            Home::Timeliness => ("时效指标", "timeliness"),
            Home::Quality => ("质量指标", "quality"),
            Home::Cost => ("成本指标", "cost"),
            Home::Quantity => ("数量指标", "quantity"),
        }
    }
}

const SATISFACTION: &[&str] = &["满意度", "满意率", "满意程度", "满意情况", "好评率"];
const TIME_ENDS: &[&str] = &[
    "及时率", "及时性", "时限", "完成时间", "响应时间", "办结时间", "到位时间", "拨付时间", "完成时限",
];
const PASS_ENDS: &[&str] = &["合格率", "达标率", "验收通过率", "准确率", "完好率", "优良率", "合规率"];
const MONEY_WORDS: &[&str] = &["成本", "费用", "经费", "单价", "标准", "补助", "补贴", "金额", "资金"];

/// Where an indicator's measure belongs, when its name and value say so together.
fn home(ind: &Indicator, v: &ParsedValue) -> Option<Home> {
    let name = ind.name.text.trim();
    let value = ind.value.text.as_str();
    let percent = v.kind == ValueKind::Percent;
    if SATISFACTION.iter().any(|w| name.contains(w)) && percent
        || v.prefix.contains("满意") || v.prefix.contains("好评")
    {
        return Some(Home::Satisfaction);
    }
    if name.contains("完成率") || name.contains("办结率") {
        return None;
    }
    // 故障时限, 停机时间: how long a thing is down is its reliability, a quality.
    let downtime = ["故障", "停机", "中断", "宕机"].iter().any(|w| name.contains(w));
    if !downtime && TIME_ENDS.iter().any(|e| name.ends_with(e)) || matches!(v.kind, ValueKind::Date { .. }) {
        return Some(Home::Timeliness);
    }
    if PASS_ENDS.iter().any(|e| name.ends_with(e)) && percent && !name.contains("及时") {
        return Some(Home::Quality);
    }
    let money_unit = v.unit.as_deref().is_some_and(|u| u == "元" || u == "万元" || u.starts_with("元/") || u.starts_with("万元/"));
    if money_unit && MONEY_WORDS.iter().any(|w| name.contains(w)) {
        return Some(Home::Cost);
    }
    let counted = matches!(v.kind, ValueKind::Number)
        && v.prefix.is_empty()
        && !value.contains(['/', '／', '每'])
        && v.unit.as_deref().is_some_and(|u| crate::count::measure_of_unit(u).is_some_and(|m| m != "天"));
    if counted && !["及时", "按时", "按期", "时间", "时限", "周期", "频次"].iter().any(|w| name.contains(w)) {
        return Some(Home::Quantity);
    }
    None
}

/// Whether a measure is out of place under a category.
fn misplaced(home: Home, level2: &Level2, level1: Option<Level1>) -> bool {
    use Level2::*;
    match home {
        Home::Satisfaction => level1 == Some(Level1::Benefit),
        Home::Timeliness => matches!(level2, Quantity | Quality),
        Home::Quality => matches!(level2, Quantity),
        Home::Cost => matches!(level2, Quantity | Quality | Timeliness),
        Home::Quantity => matches!(level2, Timeliness),
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (n, ind) in ctx.form.indicators.iter().enumerate() {
        if !ind.applicable {
            continue;
        }
        let Some(level2) = &ind.level2 else { continue };
        if matches!(level2, Level2::Other(_)) {
            continue;
        }
        let Some(home) = home(ind, &ctx.facts.values[n]) else {
            continue;
        };
        if !misplaced(home, level2, ind.level1) {
            continue;
        }
        let (hz, he) = home.label();
        let under = level2.name();
        let name = ind.name.text.trim();
        let value = ind.value.text.trim();
        let v = &ctx.facts.values[n];
        let by_value = home == Home::Satisfaction && (v.prefix.contains("满意") || v.prefix.contains("好评"));
        let message = if by_value {
            Message::new(
                format!("指标「{name}」的指标值“{value}”是满意度（好评）的衡量，属于{hz}，却放在了{under}指标下"),
                format!("Indicator \"{name}\": its value \"{value}\" measures {he}, but it sits under {under}"),
            )
        } else {
            Message::new(
                format!("指标「{name}」（{value}）衡量的属于{hz}，却放在了{under}指标下"),
                format!("Indicator \"{name}\" ({value}) measures {he}, but it sits under {under}"),
            )
        };
        out.push(Diagnostic::new(&INFO, ind.name.span, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const SOCIAL: &str = "效益\t*社会效益\t覆盖居民人次\t≥5000人次\t观看演出的居民人次";

    #[test]
    fn fires_on_a_satisfaction_under_benefit() {
        let f = found(&with(SOCIAL, "效益\t*社会效益\t观演居民满意度\t≥90%\t满意人数/调查人数"), "I003");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("满意度指标"), "{}", f[0].1);
    }

    #[test]
    fn fires_on_an_approval_rate_in_the_value() {
        let text = with(SOCIAL, "效益\t*社会效益\t反映宣传推广的影响力\t好评率100%\t观众评价");
        assert_eq!(found(&text, "I003").len(), 1);
    }

    #[test]
    fn fires_on_a_deadline_under_quality() {
        let text = with(
            "产出\t*质量\t演出验收合格率\t≥95%\t验收合格场次/演出场次×100%",
            "产出\t*质量\t演出验收完成时间\t2023年10月31日前\t全部演出验收完成的时间",
        );
        assert_eq!(found(&text, "I003").len(), 1);
    }

    #[test]
    fn fires_on_a_count_under_timeliness() {
        let text = with(
            "产出\t*时效\t演出完成时间\t2023年12月31日前\t全部演出完成的时间",
            "产出\t*时效\t演出彩排场数\t≥5场\t彩排的场数",
        );
        assert_eq!(found(&text, "I003").len(), 1);
    }

    #[test]
    fn quiet_on_what_belongs_in_several_places() {
        for (from, to) in [
            // 完成率 under 数量.
            ("产出\t*数量\t举办演出场次\t≥10场\t全年举办的社区文化演出场次", "产出\t*数量\t演出计划完成率\t100%\t完成场次/计划场次"),
            // A satisfaction survey counted as a deliverable.
            ("产出\t*数量\t举办演出场次\t≥10场\t全年举办的社区文化演出场次", "产出\t*数量\t满意度调查报告\t1份\t形成调查报告"),
            // A frequency under 时效.
            ("产出\t*时效\t演出完成时间\t2023年12月31日前\t全部演出完成的时间", "产出\t*时效\t演出巡查及时性\t每季度1次\t按季度巡查"),
            // A payment time with a money word, under 时效.
            ("产出\t*时效\t演出完成时间\t2023年12月31日前\t全部演出完成的时间", "产出\t*时效\t演出经费拨付时间\t2023年6月30日前\t拨付时间"),
            // A perception under 社会效益.
            (SOCIAL, "效益\t*社会效益\t居民对社区文化的认可度\t≥90%\t调查"),
        ] {
            assert!(found(&with(from, to), "I003").is_empty(), "{to}");
        }
    }
}
