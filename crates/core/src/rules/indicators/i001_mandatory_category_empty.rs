//! I001 mandatory-category-empty: a starred 二级 category (`*服务对象满意度`) whose only row is
//! 不适用, or that has no row at all.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{Indicator, Level1, Level2};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I001",
        name: "mandatory-category-empty",
        severity: Severity::Error,
        category: Category::Indicators,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "必填指标类别为空",
        title_en: "Mandatory indicator category empty",
        doc: RuleDoc {
            catches_zh: "带星号的必填二级指标（如“*服务对象满意度”）只有“不适用”一行，或者根本没有指标。",
            catches_en: "A starred (mandatory) 二级 category, e.g. `*服务对象满意度`, whose only row is 不适用, or that has no row.",
            why_zh: "模板用星号标出每个项目都必须设置的指标类别；填“不适用”等于没有设置，预算系统和评价时都会被认定为缺项。",
            why_en: "The template stars the categories every project must set; 不适用 there means the category is missing.",
            source: "深圳市项目支出绩效目标申报表模板；财预〔2021〕101号",
            bad_example: "满意度\t*服务对象满意度\t不适用\t不适用\t不适用",
            good_example: "满意度\t*服务对象满意度\t参训人员满意度\t≥90%\t满意人数/调查人数×100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if form.indicators.is_empty() || ctx.table_cut_off() {
        return;
    }
    let anchor = form.indicators[0].span;
    let applicable: Vec<&Indicator> = form.applicable_indicators().collect();
    let starred: Vec<Level2> = {
        let mut v: Vec<Level2> = form
            .indicators
            .iter()
            .filter(|i| i.mandatory)
            .filter_map(|i| i.level2.clone())
            .collect();
        v.dedup();
        v
    };
    // The categories the form's template stars, whether or not the form kept its stars, and
    // those the form itself stars.
    let mut mandatory: Vec<Level2> = form.template.info().starred.to_vec();
    mandatory.extend(starred);
    let mut seen = Vec::new();
    for l2 in mandatory {
        if seen.contains(&l2) {
            continue;
        }
        seen.push(l2.clone());
        let satisfied = applicable.iter().any(|i| i.level2.as_ref() == Some(&l2))
            // 101号 forms set cost under its own 一级 (经济成本 …).
            || (l2 == Level2::Cost && applicable.iter().any(|i| i.level1 == Some(Level1::Cost)));
        if satisfied {
            continue;
        }
        let rows: Vec<&Indicator> = form
            .indicators
            .iter()
            .filter(|i| i.level2.as_ref() == Some(&l2))
            .collect();
        let span = rows.first().map_or(anchor, |r| r.span);
        let (zh, en) = if rows.is_empty() {
            (
                format!("必填指标类别「*{}」没有设置任何指标", l2.name()),
                format!("Mandatory category *{} has no indicator", l2.name()),
            )
        } else {
            (
                format!("必填指标类别「*{}」只填了“不适用”", l2.name()),
                format!("Mandatory category *{} is only 不适用", l2.name()),
            )
        };
        out.push(Diagnostic::new(&INFO, span, Message::new(zh, en)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with, CLEAN};

    const SATISFACTION: &str = "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%";

    #[test]
    fn fires_on_a_starred_category_not_applicable_or_gone() {
        let text = with(SATISFACTION, "满意度\t*服务对象满意度\t不适用\t不适用\t不适用");
        let f = found(&text, "I001");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("*服务对象满意度"));
        let gone = with(&format!("{SATISFACTION}\n"), "");
        assert!(found(&gone, "I001")[0].1.contains("没有设置任何指标"));
    }

    /// A national 88号 form without stars: its template stars nothing, so a category it leaves
    /// out is no I001 (the Shenzhen template's stars are Shenzhen's).
    const NATIONAL: &str = "项目支出绩效目标申报表\n项目名称\t某某项目\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥100人次\n\
        效益指标\t社会效益指标\t受训人员技能提升\t显著\n\
        满意度指标\t服务对象满意度指标\t参训人员满意度\t≥90%\n";

    #[test]
    fn the_stars_are_the_templates() {
        assert!(found(NATIONAL, "I001").is_empty());
        // The same table under the Shenzhen title: its starred 质量/时效/成本 are missing.
        let sz = NATIONAL.replace("项目支出绩效目标申报表", "二级项目支出绩效目标申报表");
        assert_eq!(found(&sz, "I001").len(), 3);
    }

    #[test]
    fn quiet_when_the_paste_ends_inside_the_table() {
        let cut = format!("{}\n产出\t*质量\t验收合格率", with(SATISFACTION, "").trim_end());
        assert_eq!(found(&cut, "S006").len(), 1, "the cut is found");
        assert!(found(&cut, "I001").is_empty());
    }

    #[test]
    fn quiet_on_an_unstarred_category_not_applicable() {
        let other = format!("{CLEAN}满意度\t其他满意度\t不适用\t不适用\t不适用\n");
        assert!(found(&other, "I001").is_empty());
    }
}
