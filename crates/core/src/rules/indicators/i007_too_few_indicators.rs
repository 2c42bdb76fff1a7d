//! I007 too-few-indicators: fewer than 3 applicable indicators.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I007",
        name: "too-few-indicators",
        severity: Severity::Warning,
        category: Category::Indicators,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "适用指标过少",
        title_en: "Too few indicators",
        doc: RuleDoc {
            catches_zh: "适用的指标（不含“不适用”）少于 3 个。",
            catches_en: "Fewer than 3 applicable indicators.",
            why_zh: "少于 3 个指标无法覆盖产出、效益和满意度，绩效目标难以评价。",
            why_en: "Fewer than three indicators cannot cover output, benefit and satisfaction.",
            source: "财预〔2021〕101号",
            bad_example: "二级项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t工作完成率\t100%\t完成的工作/计划的工作\n效益\t*社会效益\t不适用\t不适用\t不适用\n满意度\t*服务对象满意度\t不适用\t不适用\t不适用",
            good_example: "二级项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t工作完成率\t100%\t完成的工作/计划的工作\n效益\t*社会效益\t覆盖居民人次\t≥5000人次\t观看演出的居民人次\n满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%",
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
    let applicable = form.applicable_indicators().count();
    if applicable < 3 {
        out.push(Diagnostic::new(
            &INFO,
            form.indicators[0].span,
            Message::new(
                format!("只有 {applicable} 个适用的绩效指标（少于 3 个）"),
                format!("Only {applicable} applicable indicators (fewer than 3)"),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    const HEAD: &str = "二级项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t举办演出场次\t≥10场\t全年场次\n";

    #[test]
    fn fires_on_one_applicable_indicator() {
        let few = format!("{HEAD}效益\t*社会效益\t不适用\t不适用\t不适用\n");
        assert!(found(&few, "I007")[0].1.contains("只有 1 个"));
    }

    #[test]
    fn quiet_on_three() {
        let three = format!("{HEAD}效益\t*社会效益\t覆盖居民人次\t≥5000人次\t观看人次\n满意度\t*服务对象满意度\t居民满意度\t≥90%\t调查\n");
        assert!(found(&three, "I007").is_empty());
    }
}
