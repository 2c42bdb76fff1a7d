//! V015 operator-contradicts-value: the 指标性质 / 计算符号 column says one thing and the value
//! another (`≥` and `≤5`; `定性` and `95%`; `≥` and `有效`).

use super::rows;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::is_space;
use crate::value::{is_not_applicable, is_operator, parse_value, Op, ValueKind};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "V015",
        name: "operator-contradicts-value",
        severity: Severity::Warning,
        category: Category::Values,
        dimension: Dimension::Appropriateness,
        fix: FixKind::None,
        title_zh: "指标性质与指标值矛盾",
        title_en: "Operator column contradicts the value",
        doc: RuleDoc {
            catches_zh: "指标表有“指标性质”（计算符号）一列，但它与指标值矛盾：比较方向相反或不同（“≥”一列、指标值“≤5”；“≤”一列、指标值“≥90%”；“＝”一列、指标值“≥95%”）；“定性”却填了数值（“95%”“100”）；“≥ ≤ ＝”等定量符号却填了文字（“有效”）。日期、等级（“3A级”“5星级”）不作判断。",
            catches_en: "The table has an operator column (指标性质, 计算符号) that contradicts the value: an operator of another direction in the value (`≥` column, value `≤5`; `≤` and `≥90%`; `＝` and `≥95%`); `定性` with a number (`95%`, `100`); a quantitative operator (`≥ ≤ ＝`) with words (`有效`). Dates and grades (`3A级`, `5星级`) are left alone.",
            why_zh: "一体化系统按指标性质判断考核方向和取值类型；两处说法不一致时，无法确定目标是上限还是下限、是定量还是定性，评价时会按错误方向打分。",
            why_en: "Budget systems read the operator column for the direction and the kind of the target; when it and the value disagree, nobody can tell whether the target is a floor or a ceiling, a number or a grade.",
            source: "财预〔2021〕101号（指标性质：≥ ≤ ＝ 定性）",
            bad_example: "项目支出绩效目标表\n项目名称:\t高标准农田工程设施管护\n一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标解释\n产出指标\t数量指标\t高标准农田管护面积\t≥\t5.5\t万亩\t管护的农田面积\n产出指标\t时效指标\t巡查发现问题整改时限\t≥\t≤5\t天\t发现问题至整改完成的天数",
            good_example: "项目支出绩效目标表\n项目名称:\t高标准农田工程设施管护\n一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标解释\n产出指标\t数量指标\t高标准农田管护面积\t≥\t5.5\t万亩\t管护的农田面积\n产出指标\t时效指标\t巡查发现问题整改时限\t≤\t5\t天\t发现问题至整改完成的天数",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Which way an operator points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    AtLeast,
    AtMost,
    Exactly,
}

fn direction(op: Op) -> Direction {
    match op {
        Op::Ge | Op::Gt => Direction::AtLeast,
        Op::Le | Op::Lt => Direction::AtMost,
        Op::Eq => Direction::Exactly,
    }
}

/// What the operator column says.
enum Column {
    Quantitative(Op),
    Qualitative,
}

fn column(text: &str) -> Option<Column> {
    let t: String = text.chars().filter(|c| !is_space(*c)).collect();
    if t == "定性" {
        return Some(Column::Qualitative);
    }
    if !is_operator(&t) {
        return None;
    }
    parse_value(&t).op.map(Column::Quantitative)
}

/// A number that is plainly a measure: an operator, a number and a short unit, nothing else.
/// A grade (`3A级`, `5星级`) is not one.
fn plainly_quantitative(value: &str) -> bool {
    let v = parse_value(value);
    if !v.kind.is_quantitative() || v.number.is_none() || v.approx.is_some() {
        return false;
    }
    if !v.prefix.is_empty() || !v.suffix.is_empty() {
        return false;
    }
    !v.unit.as_deref().is_some_and(|u| {
        u.chars().any(|c| c.is_ascii_alphabetic()) || u.contains('级') || u.contains('星')
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in rows(ctx) {
        let Some(op_cell) = &r.ind.operator else {
            continue;
        };
        let Some(col) = column(&op_cell.text) else {
            continue;
        };
        let value = r.value();
        if value.is_empty() || is_not_applicable(value) {
            continue;
        }
        // The value read alone, without the column's operator.
        let own = parse_value(value);
        let (name, op_text) = (r.name(), op_cell.text.trim());
        let message = match col {
            Column::Quantitative(op) => match own.kind {
                // A date says its own direction (`6月底前`): not compared.
                ValueKind::Date { .. } => None,
                ValueKind::Text => Some(Message::new(
                    format!("指标「{name}」的指标性质为“{op_text}”（定量），但指标值“{value}”不是数值"),
                    format!("Indicator \"{name}\": the operator column says \"{op_text}\" (quantitative), but the value \"{value}\" is no number"),
                )),
                _ => match own.op {
                    Some(vop) if direction(vop) != direction(op) => Some(Message::new(
                        format!("指标「{name}」的指标性质为“{op_text}”，指标值却写“{value}”，比较方向矛盾"),
                        format!("Indicator \"{name}\": the operator column says \"{op_text}\" but the value says \"{value}\""),
                    )),
                    _ => None,
                },
            },
            Column::Qualitative => plainly_quantitative(value).then(|| {
                Message::new(
                    format!("指标「{name}」的指标性质为“定性”，指标值却是数值“{value}”"),
                    format!("Indicator \"{name}\": the operator column says qualitative (定性), but the value is the number \"{value}\""),
                )
            }),
        };
        if let Some(m) = message {
            out.push(
                r.finding(&INFO, m)
                    .with_related(op_cell.span, Message::new("指标性质", "operator column")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    const TABLE: &str = "项目支出绩效目标表\n项目名称:\t高标准农田工程设施管护\n一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标解释\n产出指标\t数量指标\t高标准农田管护面积\t≥\t5.5\t万亩\t管护的农田面积\n";

    fn row(op: &str, value: &str, unit: &str) -> String {
        format!("{TABLE}产出指标\t质量指标\t灌排设施完好率\t{op}\t{value}\t{unit}\t完好设施/设施总数\n")
    }

    #[test]
    fn fires_on_each_contradiction() {
        for (op, value, unit) in [
            ("≥", "≤5", "天"),
            ("≤", "≥90%", ""),
            ("＝", "≥95", "%"),
            ("定性", "95%", ""),
            ("定性", "100", "%"),
            ("≥", "有效", ""),
        ] {
            let f = found(&row(op, value, unit), "V015");
            assert_eq!(f.len(), 1, "{op} {value}: {f:?}");
            assert_eq!(f[0].0, value);
        }
        assert_eq!(
            found(&row("≥", "≤5", "天"), "V015")[0].1,
            "指标「灌排设施完好率」的指标性质为“≥”，指标值却写“≤5”，比较方向矛盾"
        );
    }

    #[test]
    fn quiet_when_they_agree_or_the_value_says_no_more() {
        for (op, value, unit) in [
            ("≥", "90", "%"),
            ("≥", "≥90", "%"),
            ("≥", "＞90", "%"),
            ("＝", "100", "%"),
            ("定性", "有效", ""),
            ("定性", "2025年6月底前", ""),
            ("≤", "2025年6月底前", ""),
            ("定性", "3A级", ""),
            ("正向", "90", "%"),
            ("", "90%", ""),
        ] {
            assert!(found(&row(op, value, unit), "V015").is_empty(), "{op} {value}");
        }
        // No operator column at all.
        assert!(found(crate::rules::testing::CLEAN, "V015").is_empty());
    }
}
