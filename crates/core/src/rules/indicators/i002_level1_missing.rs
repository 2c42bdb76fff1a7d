//! I002 level1-missing: 产出, 效益 or 满意度 absent from the indicator table altogether.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::FormKind;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I002",
        name: "level1-missing",
        severity: Severity::Error,
        category: Category::Indicators,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "缺少一级指标",
        title_en: "Level-1 category missing",
        doc: RuleDoc {
            catches_zh: "产出、效益或满意度中有一类一级指标完全没有出现。",
            catches_en: "产出, 效益 or 满意度 absent altogether.",
            why_zh: "绩效指标体系由产出、效益、满意度（和成本）构成，缺少一整类就无法全面评价项目。",
            why_en: "The framework consists of output, benefit and satisfaction (and cost); a missing class leaves the project half-evaluated.",
            source: "财预〔2021〕101号",
            bad_example: "二级项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t举办演出场次\t≥10场\t全年举办的演出场次\n产出\t*质量\t演出验收合格率\t≥95%\t验收合格场次/演出场次×100%",
            good_example: "二级项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t举办演出场次\t≥10场\t全年举办的演出场次\n产出\t*质量\t演出验收合格率\t≥95%\t验收合格场次/演出场次×100%\n效益\t*社会效益\t覆盖居民人次\t≥5000人次\t观看演出的居民人次\n满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if form.indicators.is_empty() || form.kind != FormKind::Project || ctx.table_cut_off() {
        return;
    }
    let anchor = form.indicators[0].span;
    for &l1 in form.template.info().level1 {
        if !form.indicators.iter().any(|i| i.level1 == Some(l1)) {
            out.push(Diagnostic::new(
                &INFO,
                anchor,
                Message::new(
                    format!("指标表中没有「{}」类一级指标", l1.as_str()),
                    format!("No {} indicators in the table", l1.label_en()),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const SATISFACTION: &str = "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%";

    #[test]
    fn fires_when_a_level1_has_no_row() {
        let text = with(&format!("{SATISFACTION}\n"), "");
        assert!(found(&text, "I002")[0].1.contains("满意度"));
    }

    #[test]
    fn asks_for_the_level1_categories_of_the_template() {
        // Shandong's 项目支出目标申报表 has no 满意度 indicators.
        let shandong = "项目支出目标申报表\n项目名称\t某某项目\n项目主管部门\t某某局\n\
            一级指标\t二级指标\t三级指标\t指标值\n\
            产出指标\t数量指标\t培训人次\t≥100人次\n\
            效益指标\t社会效益指标\t受训人员技能提升\t显著\n";
        assert!(found(shandong, "I002").is_empty());
        let national = shandong.replace("项目支出目标申报表", "项目支出绩效目标申报表");
        assert!(found(&national, "I002")[0].1.contains("满意度"));
    }

    #[test]
    fn quiet_when_the_level1_cell_is_blank() {
        // The 二级 category decides the 一级: a blank merged cell is still 满意度.
        let text = with(SATISFACTION, "\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%");
        assert!(found(&text, "I002").is_empty());
    }
}
