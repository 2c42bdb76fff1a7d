//! V003 value-missing-unit: a number with no unit where the name implies one (`≥8` for 人数,
//! `4` for 课题研究个数), with the unit suggested from the explanation or the name.

use super::rows;
use crate::value::{Expected, ValueKind};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V003",
        name: "value-missing-unit",
        severity: Severity::Error,
        category: Category::Values,
        dimension: Dimension::Relevance,
        fix: FixKind::Suggest,
        title_zh: "指标值缺少计量单位",
        title_en: "Value without unit",
        doc: RuleDoc {
            catches_zh: "数值后面没有单位，而指标名称要求有单位（如“人数”填“≥8”，“课题研究个数”填“4”）。",
            catches_en: "A number with no unit where the name implies one (`≥8` for 人数, `4` for 课题研究个数).",
            why_zh: "没有单位的数值含义不明（8 人？8 次？8%？），预算系统也要求量化指标写明计量单位。",
            why_en: "A number without unit is ambiguous (8 people? 8 times? 8%?); budget systems require a unit on quantitative values.",
            source: "预算系统填报要求；财预〔2021〕101号（度量单位）",
            bad_example: "产出\t*数量\t发放慰问金人数\t≥8",
            good_example: "产出\t*数量\t发放慰问金人数\t≥8人",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// The unit a name suggests for a bare number.
fn unit_from_name(name: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("人数", "人"),
        ("人次", "人次"),
        ("次数", "次"),
        ("场次", "场"),
        ("个数", "个"),
        ("份数", "份"),
        ("项数", "项"),
        ("套数", "套"),
        ("件数", "件"),
        ("户数", "户"),
        ("天数", "天"),
        ("册数", "册"),
        ("台数", "台"),
        ("篇数", "篇"),
        ("面积", "平方米"),
        ("人员数量", "人"),
        ("系统数量", "套"),
        ("数量", "个"),
        ("率", "%"),
        ("满意度", "%"),
        ("比例", "%"),
        ("时间", "个工作日"),
        ("时限", "个工作日"),
        ("成本", "元"),
        ("费用", "元"),
    ];
    MAP.iter().find(|(s, _)| name.ends_with(s)).map(|(_, u)| *u)
}

/// The unit an explanation gives: `目标值为4个` → `个`.
fn unit_from_explanation(expl: &str) -> Option<String> {
    let i = expl.find("目标值为")? + "目标值为".len();
    let rest = &expl[i..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let unit: String = rest[digits..]
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(2)
        .collect();
    (digits > 0 && !unit.is_empty()).then_some(unit)
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let v = r.v;
        // A bare 1 on a rate is V005's.
        if v.kind == ValueKind::Number
            && v.unit.is_none()
            && !r.has_unit_column()
            && !(r.bare_one() && r.expected == Expected::Rate)
            && v.prefix.is_empty()
            && matches!(
                r.expected,
                Expected::Count | Expected::Money | Expected::Time | Expected::Rate
            )
        {
            let (name, value) = (r.name(), r.value());
            let unit = unit_from_explanation(&r.ind.explanation.text)
                .or_else(|| unit_from_name(name).map(str::to_string));
            let span = r.ind.value.span;
            let d = r.finding(&INFO, Message::new(
                    format!(
                        "指标「{name}」的目标值“{value}”没有计量单位{}",
                        unit.as_ref()
                            .map_or(String::new(), |u| format!("（应为“{value}{u}”）"))
                    ),
                    format!("Indicator \"{name}\": the value \"{value}\" has no unit"),
                ),
            );
            out.push(match unit {
                Some(u) => d.with_fix(
                    Message::new(format!("补上单位“{u}”"), format!("Add the unit {u}")),
                    span,
                    format!("{value}{u}"),
                ),
                None => d,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::SHOWS;
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_with_the_unit_the_name_suggests() {
        let f = found(&with(SHOWS, "举办演出场次\t≥10"), "V003");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("应为“≥10场”"), "{f:?}");
    }

    #[test]
    fn quiet_on_a_score() {
        assert!(found(&with(SHOWS, "演出质量评分\t≥90"), "V003").is_empty());
    }
}
