//! A012 funds-breakdown-mismatch: a total of funds (年度资金总额, 中期资金总额 / 资金总额) that
//! differs from the sum of its sources (财政拨款, 其他资金, 上年结转, 中央补助, 地方资金, 自有资金).

use super::show;
use crate::calc::close;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{Field, FieldKey, FormKind};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::{thousands, Cents};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A012",
        name: "funds-breakdown-mismatch",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "资金总额与各来源之和不符",
        title_en: "Total of funds differs from the sum of its sources",
        doc: RuleDoc {
            catches_zh: "年度资金总额不等于其下列明的各项资金来源（财政拨款、其他资金、上年结转、中央补助、地方资金、自有资金）之和，或项目表的中期（总）资金总额不等于其财政拨款加其他资金（误差超过 0.5%）。只比较读到了财政拨款（或中央补助）一行的分项；有的模板把上年结转、中央补助和地方资金列为财政拨款的“其中”项，不计这些项时相符也不报告；部门整体支出表的金额合计由 A011 检查。",
            catches_en: "This year's total of funds differs from the sum of the sources listed under it (财政拨款, 其他资金, 上年结转, 中央补助, 地方资金, 自有资金), or a project form's medium-term (whole) total differs from its 财政拨款 + 其他资金, by more than 0.5 %. Only a breakdown whose 财政拨款 (or 中央补助) line was read is compared; some templates list 上年结转, 中央补助 and 地方资金 inside 财政拨款, so a sum that agrees without them is no finding; a department form's 金额合计 row is A011's.",
            why_zh: "资金总额 = 财政拨款 + 其他资金（及其他列明的来源）是申报表的基本平衡关系；不相等说明总额或某一来源填错、漏填。",
            why_en: "资金总额 = 财政拨款 + 其他资金 (and the other sources listed) is the form's basic balance; a gap means the total or a source is wrong or missing.",
            source: "财预〔2015〕88号 项目支出绩效目标申报表填报说明",
            bad_example: "年度资金总额(万元):\t20.00\n其中：财政拨款:\t15.00\n其他资金:\t3.00",
            good_example: "年度资金总额(万元):\t20.00\n其中：财政拨款:\t15.00\n其他资金:\t5.00",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// The sources of this year's funds, in the order of the templates.
const YEAR_SOURCES: &[FieldKey] = &[
    FieldKey::YearFiscal,
    FieldKey::YearUpper,
    FieldKey::YearLocal,
    FieldKey::YearCarryover,
    FieldKey::YearOwn,
    FieldKey::YearOther,
];

/// The sources of the medium-term (whole) total.
const TOTAL_SOURCES: &[FieldKey] = &[FieldKey::TotalFiscal, FieldKey::TotalOther];

/// The first line of every breakdown: without it, what was read is not the whole breakdown.
const MAIN_SOURCES: &[FieldKey] = &[
    FieldKey::YearFiscal,
    FieldKey::YearUpper,
    FieldKey::TotalFiscal,
];

/// A total and the sources it is compared with.
struct Breakdown<'a> {
    total: &'a Field,
    sources: Vec<&'a Field>,
}

impl Breakdown<'_> {
    fn sum(&self) -> f64 {
        self.sources.iter().filter_map(|f| f.amount).sum()
    }

    /// The sum, or the sum without the lines some templates list inside 财政拨款 (上年结转;
    /// 中央补助 and 地方资金, when 财政拨款 is given beside them), is the total.
    fn adds_up(&self) -> bool {
        let Some(t) = self.total.amount else {
            return true;
        };
        let without = |keys: &[FieldKey]| -> f64 {
            self.sources
                .iter()
                .filter(|f| !keys.contains(&f.key))
                .filter_map(|f| f.amount)
                .sum()
        };
        let fiscal = self.sources.iter().any(|f| f.key == FieldKey::YearFiscal);
        close(t, self.sum())
            || (fiscal && close(t, without(&[FieldKey::YearCarryover])))
            || (fiscal && close(t, without(&[FieldKey::YearUpper, FieldKey::YearLocal])))
    }
}

/// A total of funds, filled and read.
fn total<'a>(ctx: &Ctx<'a>, key: FieldKey) -> Option<&'a Field> {
    ctx.form.field(key).filter(|f| f.amount.is_some())
}

/// The filled sources among `keys`; `None` when one of them is filled but cannot be read (the
/// sum would then be a guess).
fn sources<'a>(ctx: &Ctx<'a>, keys: &[FieldKey]) -> Option<Vec<&'a Field>> {
    let mut out = Vec::new();
    for &k in keys {
        let Some(f) = ctx.form.field(k) else {
            continue;
        };
        if f.value.text.trim().is_empty() {
            continue;
        }
        f.amount?;
        out.push(f);
    }
    Some(out)
}

fn has_main(fields: &[&Field]) -> bool {
    fields.iter().any(|f| MAIN_SOURCES.contains(&f.key))
}

/// The breakdowns of the form worth comparing.
fn breakdowns<'a>(ctx: &Ctx<'a>) -> Vec<Breakdown<'a>> {
    let form = ctx.form;
    // A department form's 金额合计 row (TotalAmount, TotalFiscal, TotalOther) is A011's.
    let total_keys = match form.kind {
        FormKind::Project => TOTAL_SOURCES,
        FormKind::Department => &[],
    };
    let (Some(year_src), Some(total_src)) = (sources(ctx, YEAR_SOURCES), sources(ctx, total_keys))
    else {
        return Vec::new();
    };
    let year = total(ctx, FieldKey::YearAmount);
    let whole = total(ctx, FieldKey::TotalAmount).filter(|_| form.kind == FormKind::Project);
    let two_breakdowns = has_main(&year_src) && has_main(&total_src);
    let mut out = Vec::new();
    match (year, whole) {
        (Some(y), Some(t)) => {
            let by = Breakdown {
                total: y,
                sources: year_src,
            };
            let bt = Breakdown {
                total: t,
                sources: total_src,
            };
            // Each total adding up to the other's sources: the two columns were read
            // crosswise, not filled wrong.
            let crosswise = !by.sources.is_empty()
                && !bt.sources.is_empty()
                && close(y.amount.unwrap_or(0.0), bt.sum())
                && close(t.amount.unwrap_or(0.0), by.sum());
            if !crosswise {
                out.push(by);
                out.push(bt);
            }
        }
        // One total (`资金总额` alone): the sources read under either heading are its own,
        // unless both headings hold a 财政拨款 (then the other total was not read).
        (Some(one), None) | (None, Some(one)) => {
            let own_year = one.key == FieldKey::YearAmount;
            let sources = if two_breakdowns {
                if own_year {
                    year_src
                } else {
                    total_src
                }
            } else {
                let mut all = year_src;
                all.extend(total_src);
                all
            };
            out.push(Breakdown {
                total: one,
                sources,
            });
        }
        (None, None) => {}
    }
    out.retain(|b| has_main(&b.sources) && same_unit(ctx, b));
    out
}

/// Whether the total and its sources are in one unit (the form's, or their labels' alike).
fn same_unit(ctx: &Ctx, b: &Breakdown) -> bool {
    let unit = |f: &Field| f.label_unit.or(ctx.form.amount_unit);
    let u = unit(b.total);
    b.sources.iter().all(|f| unit(f) == u)
}

/// An amount as the other amount rules show it: in the form's unit, after A001's verdict; the
/// number alone when the form names no unit.
fn money(ctx: &Ctx, v: f64) -> String {
    match ctx.facts.unit {
        Some(u) => show(v * u.in_yuan() / 10_000.0, ctx.form.amount_unit.or(Some(u))),
        None => thousands(v, Cents::Always),
    }
}

fn amount(ctx: &Ctx, f: &Field) -> String {
    money(ctx, f.amount.unwrap_or(0.0))
}

/// The label as written, without `其中` and the colon (`其中：财政拨款` → `财政拨款`).
fn label(f: &Field) -> String {
    let t = f.label.text.trim();
    let t = t.trim_end_matches([':', '：']).trim();
    let t = ["其中:", "其中：", "其中"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    // A label that names its unit (`年度资金总额(万元)`): the unit is in the amounts.
    let t = match t.find(['(', '（']) {
        Some(i) if i > 0 => &t[..i],
        _ => t,
    };
    if t.is_empty() {
        f.key.label_zh().to_string()
    } else {
        t.to_string()
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for b in breakdowns(ctx) {
        if b.adds_up() {
            continue;
        }
        let sum = b.sum();
        let parts_zh: Vec<String> = b
            .sources
            .iter()
            .map(|f| format!("{}{}", label(f), amount(ctx, f)))
            .collect();
        let parts_en: Vec<String> = b
            .sources
            .iter()
            .map(|f| format!("{} {}", f.key.label_en(), amount(ctx, f)))
            .collect();
        let (total_zh, total_en) = (label(b.total), b.total.key.label_en());
        let mut d = Diagnostic::new(
            &INFO,
            b.total.value.span,
            Message::new(
                format!(
                    "{total_zh}{}不等于各项资金来源之和：{} = {}",
                    amount(ctx, b.total),
                    parts_zh.join(" + "),
                    money(ctx, sum)
                ),
                format!(
                    "The {total_en}, {}, differs from the sum of its sources: {} = {}",
                    amount(ctx, b.total),
                    parts_en.join(" + "),
                    money(ctx, sum)
                ),
            ),
        );
        for f in &b.sources {
            d = d.with_related(f.value.span, Message::new(label(f), f.key.label_en()));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    /// A 财预〔2015〕88号 project form: medium-term and annual funds side by side.
    const NATIONAL: &str = "项目支出绩效目标申报表
（2025年度）
项目名称\t某某县城区公厕运行维护经费
项目期\t3年
项目资金（万元）\t中期资金总额：\t259.20\t年度资金总额：\t86.40
\t其中：财政拨款\t247.20\t其中：财政拨款\t82.40
\t其他资金\t12.00\t其他资金\t4.00
一级指标\t二级指标\t三级指标\t指标值\t指标解释
产出指标\t数量指标\t维护城区公厕座数\t≥48座\t公厕座数
";

    #[test]
    fn fires_on_the_year_and_on_the_whole() {
        let year = NATIONAL.replace("\t82.40", "\t80.00");
        let f = found(&year, "A012");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "86.40");
        assert_eq!(
            f[0].1,
            "年度资金总额86.40万元不等于各项资金来源之和：财政拨款80.00万元 + 其他资金4.00万元 = 84.00万元"
        );
        let whole = NATIONAL.replace("\t12.00", "\t10.00");
        let f = found(&whole, "A012");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "259.20");
    }

    #[test]
    fn quiet_when_the_sources_add_up_or_within_the_tolerance() {
        assert!(found(NATIONAL, "A012").is_empty());
        // 0.3 % off: rounding, not a mistake.
        let close = NATIONAL.replace("\t247.20", "\t246.50");
        assert!(found(&close, "A012").is_empty());
    }

    #[test]
    fn one_total_takes_every_source_read() {
        // 资金总额 alone, with 自有资金 filed under this year's sources: 150 + 20 + 10 = 180.
        let text = "项目绩效目标表\n项目名称:\t公共自行车运营维护\n项目资金申请(万元)\n资金总额:\t180\n财政拨款:\t150\n自有资金:\t20\n其他:\t10\n";
        assert!(found(text, "A012").is_empty());
        let wrong = text.replace("自有资金:\t20", "自有资金:\t25");
        assert_eq!(found(&wrong, "A012").len(), 1);
    }

    #[test]
    fn quiet_without_a_main_source_or_with_columns_read_crosswise() {
        // Only 其他资金 read: the 财政资金 line was not, the breakdown is not whole.
        let text = "项目支出绩效目标表\n项目名称:\t某某工程\n年度资金总额(万元):\t48\n其他资金:\t3\n";
        assert!(found(text, "A012").is_empty());
        // Each total equal to the other's sources.
        let crosswise = NATIONAL
            .replace("\t247.20\t其中：财政拨款\t82.40", "\t82.40\t其中：财政拨款\t247.20")
            .replace("\t12.00\t其他资金\t4.00", "\t4.00\t其他资金\t12.00");
        assert!(found(&crosswise, "A012").is_empty(), "{crosswise}");
    }

    #[test]
    fn quiet_when_the_carryover_is_part_of_the_fiscal_funds() {
        let text = "项目支出绩效目标表\n项目名称:\t农村公路日常养护补助\n年度资金总额(万元):\t150.00\n其中：财政拨款:\t120.00\n上年结转:\t30.00\n其他资金:\t0.00\n";
        assert!(found(text, "A012").is_empty());
        let inside = text.replace("\t120.00", "\t150.00");
        assert!(found(&inside, "A012").is_empty());
        let wrong = text.replace("\t120.00", "\t130.00");
        assert_eq!(found(&wrong, "A012").len(), 1);
    }

    #[test]
    fn a_department_total_is_a011s() {
        let dept = "部门（单位）整体支出绩效目标申报表\n部门（单位）名称\t某中心\t主管部门\t某局\n年度主要任务\t任务名称\t主要内容\t预算金额（万元）\n\t\t\t总额\t财政拨款\t其他资金\n\t基本支出\t人员经费\t100\t90\t10\n金额合计\t\t100\t80\t10\n";
        assert!(found(dept, "A012").is_empty());
    }
}
