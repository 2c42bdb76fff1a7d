//! A011 task-sum-mismatch: on a department form, a task's 总额 that is not 财政拨款 + 其他资金,
//! or task totals that do not add up to 金额合计.

use super::show;
use crate::calc::close;
use crate::model::{FieldKey, FormKind};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A011",
        name: "task-sum-mismatch",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "部门任务金额不平衡",
        title_en: "Department task amounts do not add up",
        doc: RuleDoc {
            catches_zh: "部门整体支出表中，任务的总额不等于财政拨款加其他资金，或各任务总额之和不等于金额合计。",
            catches_en: "Department form: a task's 总额 differs from 财政拨款 + 其他资金, or the task totals do not add up to 金额合计.",
            why_zh: "资金总额 = 财政拨款 + 其他资金，合计 = 各任务之和，是整体支出表的基本平衡关系。",
            why_en: "总额 = 财政拨款 + 其他资金 and 合计 = Σ tasks are the basic balances of the form.",
            source: "部门整体支出绩效目标申报表填报说明",
            bad_example: "部门（单位）整体支出绩效目标申报表\n部门（单位）名称\t某中心\t主管部门\t某局\n年度主要任务\t任务名称\t主要内容\t预算金额（万元）\n\t\t\t总额\t财政拨款\t其他资金\n\t基本支出\t人员经费\t1125.33\t1025.33\t0.00\n金额合计\t\t1125.33\t1025.33\t0.00",
            good_example: "部门（单位）整体支出绩效目标申报表\n部门（单位）名称\t某中心\t主管部门\t某局\n年度主要任务\t任务名称\t主要内容\t预算金额（万元）\n\t\t\t总额\t财政拨款\t其他资金\n\t基本支出\t人员经费\t1125.33\t1125.33\t0.00\n金额合计\t\t1125.33\t1125.33\t0.00",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.form.kind != FormKind::Department {
        return;
    }
    let form = ctx.form;
    let unit = form.amount_unit;
    let mut sum = 0.0;
    let mut all = true;
    for t in &form.tasks {
        match (t.total, t.fiscal, t.other) {
            (Some(total), Some(f), Some(o)) if !close(total, f + o) => out.push(Diagnostic::new(
                &INFO,
                t.total_span,
                Message::new(
                    format!(
                        "任务「{}」总额{}不等于财政拨款{}加其他资金{}",
                        t.name.text,
                        show(total, unit),
                        show(f, unit),
                        show(o, unit)
                    ),
                    format!(
                        "Task \"{}\": total {} differs from fiscal {} + other {}",
                        t.name.text,
                        show(total, unit),
                        show(f, unit),
                        show(o, unit)
                    ),
                ),
            )),
            _ => {}
        }
        match t.total {
            Some(v) => sum += v,
            None => all = false,
        }
    }
    if let (Some(f), true, false) = (
        form.field(FieldKey::TotalAmount),
        all,
        form.tasks.is_empty(),
    ) {
        if let Some(total) = f.amount {
            if !close(total, sum) {
                out.push(Diagnostic::new(
                    &INFO,
                    f.value.span,
                    Message::new(
                        format!(
                            "金额合计{}不等于各任务总额之和{}",
                            show(total, unit),
                            show(sum, unit)
                        ),
                        format!(
                            "The total {} differs from the sum of the tasks, {}",
                            show(total, unit),
                            show(sum, unit)
                        ),
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    const BASE: &str = "部门（单位）整体支出绩效目标申报表\n部门（单位）名称\t某中心\t主管部门\t某局\n年度主要任务\t任务名称\t主要内容\t预算金额（万元）\n\t\t\t总额\t财政拨款\t其他资金\n\t基本支出\t人员经费\t100\t90\t10\n\t项目支出\t业务经费\t50\t50\t0\n金额合计\t\t150\t140\t10\n";

    #[test]
    fn fires_on_a_task_and_on_the_total() {
        let wrong = BASE
            .replace("\t100\t90\t10", "\t100\t80\t10")
            .replace("\t150\t140", "\t160\t130");
        assert_eq!(found(&wrong, "A011").len(), 2);
    }

    #[test]
    fn quiet_when_everything_adds_up() {
        assert!(found(BASE, "A011").is_empty());
    }
}
