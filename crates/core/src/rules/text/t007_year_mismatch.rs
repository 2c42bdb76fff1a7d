//! T007 year-mismatch: a year in the 年度目标, the project's name or an indicator's name or
//! explanation that lies outside the budget year and the project's period (a 2024 form planning
//! `开展2022年…` work). Dates in indicator values are V011's.
//!
//! Earlier years are often right: a basis (`根据2022年、2023年打印需求`), a comparison
//! (`较2023年增长`), past spending, the balance of an earlier contract, a document's title or
//! number (`《…2023》`, `〔2021〕27号`), work that is about an earlier year by nature (归档,
//! 年鉴, 奖励 of last year's results), a range that reaches the budget year. The rule stays
//! silent on all of these, and on a form that does not itself name its budget year.

use crate::count::years;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{FieldKey, Text};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::capitalize;
use crate::value::ValueKind;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T007",
        name: "year-mismatch",
        severity: Severity::Warning,
        category: Category::Text,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "年份与预算年度不符",
        title_en: "Year does not fit the budget year",
        doc: RuleDoc {
            catches_zh: "年度目标、项目名称、指标名称或指标解释中安排的是预算年度和实施期以外某一年的工作（如 2024 年的表中写“开展2022年杂志订阅”）。指标值中的日期由 V011 检查。",
            catches_en: "The 年度目标, the project name or an indicator's name or explanation plans work of a year outside the budget year and period (`开展2022年杂志订阅` in a 2024 form). Dates in indicator values are V011's.",
            why_zh: "这类年份多半是沿用往年表格没有修改，说明目标没有按本年度重新设定；按此考核会得出错误结论。",
            why_en: "Such a year usually comes from an earlier year's form left unedited: the target was not set for this year.",
            source: "财预〔2015〕88号（年度绩效目标应与预算年度对应）",
            bad_example: "项目编码:\t440304241460100205000\n测算依据:\t预计2024年需要12万元。\n年度目标:\t开展2022年杂志订阅、宣传教育及培训等工作。",
            good_example: "项目编码:\t440304241460100205000\n测算依据:\t预计2024年需要12万元。\n年度目标:\t开展2024年杂志订阅、宣传教育及培训等工作。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Words before a year that make it a reference, not a plan: a basis, a comparison, a start.
const REFERENCE_BEFORE: &[&str] = &[
    "根据", "参考", "参照", "依据", "按照", "较", "比", "同比", "相比", "对比", "截至", "截止",
    "自", "从", "基于", "延续", "沿用", "结合", "继", "巩固",
];

/// Words in the same clause that tie the year to the past or to a document: spending, needs,
/// carry-over, balances, archives, yearbooks, rewards of past results, reviews of past work.
const REFERENCE_CLAUSE: &[&str] = &[
    "支出", "需求", "结转", "尾款", "期款", "已于", "已经", "年鉴", "村志", "县志", "市志", "区志", "镇志", "方志", "志书", "归档", "档案",
    "接收", "奖励", "补助", "考核", "评估", "评价", "结算", "审计", "决算", "以来", "基数",
    "基础上", "经验", "成果", "往年", "上年", "以前", "历年", "实际", "数据", "统计", "文件",
    "通知", "方案", "规划", "意见", "办法", "印发", "下达", "批复", "发布",
];

/// The pieces of a form the rule reads: what the form plans, in words.
fn pieces<'a>(ctx: &'a Ctx) -> Vec<(&'a Text, &'static str, &'static str)> {
    let form = ctx.form;
    let mut out = Vec::new();
    for (key, zh, en) in [
        (FieldKey::Name, "项目名称", "the project name"),
        (FieldKey::AnnualGoal, "年度目标", "the annual goal"),
    ] {
        if let Some(f) = form.field(key) {
            out.push((&f.value, zh, en));
        }
    }
    for g in &form.goals {
        out.push((g, "年度目标", "the annual goal"));
    }
    for (n, i) in form.indicators.iter().enumerate() {
        out.push((&i.name, "指标名称", "an indicator name"));
        out.push((&i.explanation, "指标解释", "an indicator explanation"));
        // A date in a value is V011's; a year in a value of words is this rule's.
        if !matches!(ctx.facts.values[n].kind, ValueKind::Date { .. }) {
            out.push((&i.value, "指标值", "an indicator value"));
        }
    }
    out
}

/// The budget year and the last year of the period, when the form itself names the budget year
/// (its title, or a year written in its fields): else the rule does not trust it.
fn period(ctx: &Ctx) -> Option<(u16, u16)> {
    let by = ctx.facts.budget_year?;
    let form = ctx.form;
    let named = form.budget_year == Some(by)
        || form.fields.iter().any(|f| {
            years(&f.value.text)
                .iter()
                .any(|(r, y)| *y == by && f.value.text[r.end..].starts_with('年'))
        })
        || form
            .indicators
            .iter()
            .any(|i| years(&i.value.text).iter().any(|(_, y)| *y == by));
    if !named {
        return None;
    }
    let last = by + form.years().unwrap_or(1).clamp(1, 10) as u16 - 1;
    Some((by, last))
}

/// Whether the year at `r` of `t` is a reference rather than the year of planned work.
fn is_reference(t: &str, r: &std::ops::Range<usize>, by: u16, last: u16) -> bool {
    let after = &t[r.end..];
    // A year is written with 年 (年度, 年底 …); a bare 2023 is an amount or a number.
    if !after.starts_with('年') {
        return true;
    }
    let head = &t[..r.start];
    // Inside a title or a document number.
    let open = |o: char, c: char| head.rfind(o).is_some_and(|i| !head[i..].contains(c));
    if open('《', '》') || open('〔', '〕') || open('[', ']') || open('“', '”') {
        return true;
    }
    // A range reaching the period: 2023-2025年, 2023年—2025年, 2023至2025年.
    let joined = after.trim_start_matches(['年', '度']);
    let range_mark = |s: &str| s.starts_with(['-', '—', '–', '~', '～', '至', '到']);
    if range_mark(joined) || range_mark(after) {
        let rest = joined.trim_start_matches(['-', '—', '–', '~', '～', '至', '到']);
        if let Some((r2, y2)) = years(rest).first() {
            if r2.start == 0 && *y2 >= by {
                return true;
            }
        }
    }
    // The end of a range (`2022—2025年`).
    if head.trim_end().ends_with(['-', '—', '–', '~', '～', '至', '到']) {
        return true;
    }
    // The clause around the year.
    let clause_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| "，,。；;：:\n（(".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause_end = after
        .char_indices()
        .find(|(_, c)| "，,。；;\n）)".contains(*c))
        .map_or(t.len(), |(i, _)| r.end + i);
    let before = head[clause_start..].trim_end();
    let clause = &t[clause_start..clause_end];
    if REFERENCE_BEFORE.iter().any(|w| before.ends_with(w)) {
        return true;
    }
    if REFERENCE_CLAUSE.iter().any(|w| clause.contains(w)) {
        return true;
    }
    // Another year of the period in the same clause (`2023、2024年度`): the clause spans years.
    years(clause)
        .iter()
        .any(|(_, y)| (by..=last).contains(y))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some((by, last)) = period(ctx) else {
        return;
    };
    let range = if last == by {
        format!("{by}年")
    } else {
        format!("{by}—{last}年")
    };
    for (piece, zh, en) in pieces(ctx) {
        let t = piece.text.as_str();
        let Some((r, y)) = years(t)
            .into_iter()
            .find(|(r, y)| !(by..=last).contains(y) && !is_reference(t, r, by, last))
        else {
            continue;
        };
        let span = piece.sub(ctx.text, r.start..r.end + '年'.len_utf8());
        out.push(Diagnostic::new(
            &INFO,
            span,
            Message::new(
                format!("{zh}中写的是{y}年，不在预算年度/实施期（{range}）内，可能沿用了往年的表格"),
                format!("{en} names {y}, outside the budget year and period ({range}); it may come from an earlier year's form", en = capitalize(en)),
            ),
        ));
    }
}


#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const GOAL: &str = "年度目标:\t2023年举办社区文化演出10场，覆盖居民5000人次。";

    #[test]
    fn fires_on_work_of_an_earlier_year() {
        let text = with(GOAL, "年度目标:\t开展2021年社区文化演出10场，覆盖居民5000人次。");
        let f = found(&text, "T007");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "2021年");
    }

    #[test]
    fn fires_on_an_indicator_name_of_another_year() {
        let text = with("\t举办演出场次\t", "\t2022年举办演出场次\t");
        assert_eq!(found(&text, "T007").len(), 1);
    }

    #[test]
    fn quiet_on_a_basis_or_a_comparison() {
        for goal in [
            "年度目标:\t根据2022年演出需求，2023年举办社区文化演出10场，覆盖居民5000人次。",
            "年度目标:\t2023年举办社区文化演出10场，较2022年增加2场，覆盖居民5000人次。",
            "年度目标:\t2023年举办社区文化演出10场，编印《社区文化2022》，覆盖居民5000人次。",
            "年度目标:\t完成2022、2023年度演出资料归档，举办社区文化演出10场，覆盖居民5000人次。",
            "年度目标:\t落实2022—2025年文化规划，举办社区文化演出10场，覆盖居民5000人次。",
        ] {
            assert!(found(&with(GOAL, goal), "T007").is_empty(), "{goal}");
        }
    }

    #[test]
    fn quiet_on_a_year_of_the_period() {
        let text = with("实施期限:\t1", "实施期限:\t3")
            .replace("\t覆盖居民人次\t", "\t2025年覆盖居民人次\t");
        assert!(found(&text, "T007").is_empty());
    }

    #[test]
    fn quiet_when_the_form_names_no_budget_year() {
        // The budget year then comes from elsewhere and is not trusted.
        let text = with(GOAL, "年度目标:\t开展2021年社区文化演出10场，覆盖居民5000人次。")
            .replace("2023年12月31日前", "12月31日前");
        assert!(found(&text, "T007").is_empty());
    }
}
