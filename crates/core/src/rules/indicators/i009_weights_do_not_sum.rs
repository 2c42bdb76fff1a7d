//! I009 weights-do-not-sum: a table with a 权重 / 分值 column whose weights do not add up to
//! 100 (or to 90, where 10 points are kept for budget execution).

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::{is_space, to_half_width};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "I009",
        name: "weights-do-not-sum",
        severity: Severity::Error,
        category: Category::Indicators,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "指标权重合计不等于100",
        title_en: "Indicator weights do not add up",
        doc: RuleDoc {
            catches_zh: "指标表有“权重”（分值）一列，每个适用指标都填了权重且都是数字，但合计既不是 100，也不是 90（不少一体化表格指标共 90 分，另 10 分留给预算执行率）。合计恰为 100 或 90 的整数倍（200、180……）时多半是两张表读成了一张，不作判断；表格有未能读取的行时也不作判断。",
            catches_en: "The table has a weight column (权重, 分值), every applicable indicator has a numeric weight, and they add up to neither 100 nor 90 (many integrated-system forms score indicators out of 90 and keep 10 for budget execution). A sum that is a multiple of 100 or 90 (200, 180 …) most likely means two tables read as one and is left alone, as is a table with rows that could not be read.",
            why_zh: "权重决定评价时各指标的分值，合计不是满分说明有指标的权重填错或漏填；预算管理一体化系统会拒收权重合计不为 100 的指标。",
            why_en: "Weights are the points each indicator scores in the evaluation; a sum other than full marks means a weight is wrong or missing, and budget systems reject weights that do not sum to 100.",
            source: "预算管理一体化系统绩效目标填报说明；财预〔2020〕10号",
            bad_example: "项目支出绩效目标表\n项目名称:\t社区矫正工作经费\n一级指标\t二级指标\t三级指标\t指标值\t权重\t指标解释\n产出指标\t数量指标\t集中教育次数\t≥12次\t50\t全年集中教育次数\n效益指标\t社会效益指标\t再犯风险降低\t显著\t35\t再犯率下降10%以上为显著\n满意度指标\t服务对象满意度指标\t矫正对象满意度\t≥90%\t10\t满意人数/调查人数",
            good_example: "项目支出绩效目标表\n项目名称:\t社区矫正工作经费\n一级指标\t二级指标\t三级指标\t指标值\t权重\t指标解释\n产出指标\t数量指标\t集中教育次数\t≥12次\t50\t全年集中教育次数\n效益指标\t社会效益指标\t再犯风险降低\t显著\t30\t再犯率下降10%以上为显著\n满意度指标\t服务对象满意度指标\t矫正对象满意度\t≥90%\t10\t满意人数/调查人数",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// A weight cell read as a number: `10`, `10分`, `10%`, `7.5`.
fn weight(text: &str) -> Option<f64> {
    let t: String = text
        .chars()
        .filter(|c| !is_space(*c))
        .map(to_half_width)
        .collect();
    let t = t
        .strip_suffix('分')
        .or_else(|| t.strip_suffix('%'))
        .unwrap_or(&t);
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    t.parse().ok().filter(|w: &f64| w.is_finite())
}

fn show(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Whether `sum` is `target` times a whole number (within rounding).
fn multiple(sum: f64, target: f64, min: f64) -> bool {
    let k = (sum / target).round();
    k >= min && (sum - k * target).abs() < 0.01
}

/// Whether the parser read the whole table: no line inside it left unplaced (S004), and the
/// paste does not end inside it (S006).
fn table_read_whole(ctx: &Ctx) -> bool {
    let form = ctx.form;
    let Some(first) = form.indicators.first() else {
        return false;
    };
    !form.diagnostics.iter().any(|d| {
        d.code() == "S006" || (d.code() == "S004" && d.span.start >= first.span.start)
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if !form.indicators.iter().any(|i| i.weight.is_some()) || !table_read_whole(ctx) {
        return;
    }
    let mut sum = 0.0;
    let mut weighted = 0;
    let mut not_applicable = 0.0;
    for ind in &form.indicators {
        let w = match &ind.weight {
            Some(c) => match weight(&c.text) {
                Some(w) => Some(w),
                // A cell that is no number: the column is not read as weights.
                None => return,
            },
            None => None,
        };
        if !ind.applicable {
            not_applicable += w.unwrap_or(0.0);
            continue;
        }
        // An empty row (no name, no value) is V001's, and no row to weigh.
        if ind.name.text.is_empty() && ind.value.text.is_empty() {
            continue;
        }
        match w {
            Some(w) => {
                sum += w;
                weighted += 1;
            }
            // An applicable indicator without a weight: the sum would be a guess.
            None => return,
        }
    }
    if weighted < 2 {
        return;
    }
    let full = [100.0, 90.0, 1.0, 0.9];
    if full.iter().any(|&t| (sum - t).abs() < 0.01) {
        return;
    }
    // Two tables read as one (two projects of a list, a medium-term and an annual set).
    if multiple(sum, 100.0, 2.0) || multiple(sum, 90.0, 2.0) {
        return;
    }
    let total = show(sum);
    let (note_zh, note_en) = if not_applicable > 0.0 {
        let n = show(not_applicable);
        (
            format!("；另有“不适用”指标的权重{n}未计入"),
            format!("; {n} more are given to rows marked 不适用"),
        )
    } else {
        (String::new(), String::new())
    };
    out.push(Diagnostic::new(
        &INFO,
        form.indicators[0].span,
        Message::new(
            format!("{weighted}个指标的权重合计为{total}，既不是100，也不是90（预留10分给预算执行率时）{note_zh}"),
            format!("The weights of the {weighted} indicators add up to {total}, neither 100 nor 90 (with 10 kept for budget execution){note_en}"),
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::weight;
    use crate::rules::testing::{found, CLEAN};

    const HEAD: &str = "项目支出绩效目标表\n项目名称:\t社区矫正工作经费\n一级指标\t二级指标\t三级指标\t指标值\t权重\t指标解释\n";

    fn table(weights: &[&str]) -> String {
        let rows = [
            "产出指标\t数量指标\t集中教育次数\t≥12次",
            "产出指标\t质量指标\t矫正档案规范率\t＝100%",
            "效益指标\t社会效益指标\t再犯风险降低\t显著",
            "满意度指标\t服务对象满意度指标\t矫正对象满意度\t≥90%",
        ];
        let mut out = HEAD.to_string();
        for (r, w) in rows.iter().zip(weights) {
            out.push_str(&format!("{r}\t{w}\t说明\n"));
        }
        out
    }

    #[test]
    fn reads_weights() {
        assert_eq!(weight("10"), Some(10.0));
        assert_eq!(weight("7.5分"), Some(7.5));
        assert_eq!(weight("２０%"), Some(20.0));
        assert_eq!(weight("正向"), None);
    }

    #[test]
    fn fires_on_a_sum_of_95() {
        let f = found(&table(&["40", "10", "35", "10"]), "I009");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].1,
            "4个指标的权重合计为95，既不是100，也不是90（预留10分给预算执行率时）"
        );
        assert_eq!(found(&table(&["40分", "20分", "30分", "20分"]), "I009").len(), 1);
    }

    #[test]
    fn quiet_on_100_or_90_or_when_the_column_is_not_all_numbers() {
        for weights in [
            ["40", "20", "30", "10"],
            ["40", "10", "30", "10"],
            ["40", "20", "30", "正向"],
            ["80", "40", "60", "20"],
        ] {
            assert!(found(&table(&weights), "I009").is_empty(), "{weights:?}");
        }
        // A row without a weight: the sum would be a guess.
        assert!(found(&table(&["40", "20", "20", ""]), "I009").is_empty());
        // No weight column at all.
        assert!(found(CLEAN, "I009").is_empty());
    }
}
