//! V014 annual-exceeds-medium-term: a count whose target this year is above its medium-term
//! target (中期指标值 `≥900人次`, 年度指标值 `≥1200人次`).

use super::rows;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{Level1, Level2};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::label_key;
use crate::value::{is_operator, parse_value, Expected, Op, ParsedValue, ValueKind};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V014",
        name: "annual-exceeds-medium-term",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "年度指标值高于中期指标值",
        title_en: "This year's target above the medium-term target",
        doc: RuleDoc {
            catches_zh: "同一指标同时有中期指标值和年度指标值，两者都是同一计量单位的数量（人次、个、场……），年度目标为“≥”（或“＞”），且年度数值大于中期数值（如中期“≥900人次”、年度“≥1200人次”）。只比较同类数值：百分比、时间、金额、成本指标、满意度、带“/”的单位（次/日、元/人）和人均、平均、每……的指标都不比较；中期指标值和年度指标值属于不同三级指标时也不比较。",
            catches_en: "An indicator with both a medium-term and an annual value, both counts in the same unit (人次, 个, 场 …), the annual one a floor (`≥`, `＞`) above the medium-term number (medium `≥900人次`, annual `≥1200人次`). Only like is compared with like: no percentages, times, money, cost or satisfaction indicators, units with `/` (次/日, 元/人), averages or per-unit names (人均, 平均, 每…), nor a medium-term value of another indicator.",
            why_zh: "中期目标覆盖包括本年度在内的整个实施期，本年度要完成的数量不应超过整个中期的数量；年度值高于中期值，说明其中一个填错（常见于中期、年度两栏填反）。",
            why_en: "The medium-term target covers the whole period, this year included; a year that must do more than the whole period means one of the two is wrong (often the two columns swapped).",
            source: "财预〔2015〕88号（中期目标与年度目标）",
            bad_example: "项目支出绩效目标申报表\n项目名称:\t农村义务教育学校课后服务补助\n一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值\t指标解释\n产出指标\t数量指标\t开展课后服务学校数\t≥36所\t≥36所\t提供课后服务的学校数\n产出指标\t数量指标\t课后服务教师培训人次\t≥900人次\t≥1200人次\t参加培训的教师人次",
            good_example: "项目支出绩效目标申报表\n项目名称:\t农村义务教育学校课后服务补助\n一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值\t指标解释\n产出指标\t数量指标\t开展课后服务学校数\t≥36所\t≥36所\t提供课后服务的学校数\n产出指标\t数量指标\t课后服务教师培训人次\t≥2700人次\t≥900人次\t参加培训的教师人次",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Words of a name that make the value a rate, an average or a standard, not a count that
/// grows with the period.
const NOT_A_TOTAL: &[&str] = &[
    "均", "每", "单位", "标准", "率", "比例", "占比", "年限", "时间", "时限", "周期", "成本",
    "费用", "金额", "资金", "满意",
];

/// A count as this rule compares it: a number with a count unit (or none), no words around it.
fn count(v: &ParsedValue, unit_column: Option<&str>) -> Option<(f64, Option<String>)> {
    if v.kind != ValueKind::Number || v.approx.is_some() {
        return None;
    }
    if !v.prefix.is_empty() || !v.suffix.is_empty() {
        return None;
    }
    let unit = v
        .unit
        .clone()
        .or_else(|| unit_column.map(str::to_string))
        .filter(|u| !u.is_empty());
    if unit
        .as_deref()
        .is_some_and(|u| u.contains(['/', '／', '元', '%', '％']))
    {
        return None;
    }
    Some((v.number?, unit))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let ind = r.ind;
        let Some(medium) = ind.medium_value.as_ref().filter(|m| !m.text.is_empty()) else {
            continue;
        };
        // The medium-term value of another indicator (a doubled table whose two sets differ).
        if let Some((_, other)) = ind.others.iter().find(|(h, _)| h == "中期三级指标") {
            if label_key(&other.text) != label_key(&ind.name.text) {
                continue;
            }
        }
        if matches!(r.expected, Expected::Rate | Expected::Time | Expected::Money)
            || ind.level1 == Some(Level1::Satisfaction)
            || ind.level1 == Some(Level1::Cost)
            || ind.level2 == Some(Level2::Cost)
            || NOT_A_TOTAL.iter().any(|w| ind.name.text.contains(w))
        {
            continue;
        }
        // The operator column stands before both values.
        let m = match &ind.operator {
            Some(op) if is_operator(&op.text) && parse_value(&medium.text).op.is_none() => {
                parse_value(&format!("{}{}", op.text, medium.text))
            }
            _ => parse_value(&medium.text),
        };
        let unit_column = ind.unit.as_ref().map(|u| u.text.trim());
        let (Some((annual, au)), Some((mid, mu))) =
            (count(r.v, unit_column), count(&m, unit_column))
        else {
            continue;
        };
        let floor = matches!(r.v.op, Some(Op::Ge | Op::Gt));
        let medium_not_ceiling = matches!(m.op, None | Some(Op::Ge | Op::Gt | Op::Eq));
        if au == mu && floor && medium_not_ceiling && annual > mid {
            let (name, value) = (r.name(), r.value());
            let mv = &medium.text;
            out.push(
                r.finding(
                    &INFO,
                    Message::new(
                        format!(
                            "指标「{name}」的年度指标值“{value}”高于中期指标值“{mv}”：中期目标包含本年度，不应少于本年度目标"
                        ),
                        format!(
                            "Indicator \"{name}\": this year's target \"{value}\" is above the medium-term target \"{mv}\", which includes this year"
                        ),
                    ),
                )
                .with_related(medium.span, Message::new("中期指标值", "medium-term value")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    const HEAD: &str = "项目支出绩效目标申报表\n项目名称:\t农村义务教育学校课后服务补助\n一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值\t指标解释\n产出指标\t数量指标\t开展课后服务学校数\t≥36所\t≥36所\t提供课后服务的学校数\n";

    fn row(name: &str, medium: &str, annual: &str) -> String {
        format!("{HEAD}产出指标\t数量指标\t{name}\t{medium}\t{annual}\t说明\n")
    }

    #[test]
    fn fires_on_a_count_above_its_medium_term() {
        let f = found(&row("课后服务教师培训人次", "≥900人次", "≥1200人次"), "V014");
        assert_eq!(
            f,
            [(
                "≥1200人次".to_string(),
                "指标「课后服务教师培训人次」的年度指标值“≥1200人次”高于中期指标值“≥900人次”：中期目标包含本年度，不应少于本年度目标".to_string()
            )]
        );
        assert_eq!(found(&row("培训场次", "30", "≥40"), "V014").len(), 1);
    }

    #[test]
    fn quiet_unless_like_is_compared_with_like() {
        for (name, medium, annual) in [
            ("课后服务教师培训人次", "≥2700人次", "≥900人次"),
            ("课后服务教师培训人次", "≥900人次", "≥900人次"),
            // Another unit, a rate, an average, a cost, a ceiling, a time.
            ("课后服务教师培训人次", "≥9万人次", "≥1200人次"),
            ("学生参与比例", "≥80%", "≥85%"),
            ("日均服务人次", "≥200人次", "≥250人次"),
            ("生均补助标准", "≤300元", "≤400元"),
            ("安全事故发生数", "≤2起", "≤3起"),
            ("培训人次", "≥900人次/年", "≥1200人次/年"),
            ("设施使用年限", "≥10年", "≥15年"),
            ("培训人次", "约900人次", "≥1200人次"),
        ] {
            assert!(found(&row(name, medium, annual), "V014").is_empty(), "{name} {medium} {annual}");
        }
    }
}
