//! X003 new-flag-inconsistent: 是否新增项目 (or 项目属性) against the form's own evidence: the
//! text says the project is new (新建类项目, 首次申报) or carried on (上年结转, 续建, the balance
//! of an earlier year's contract), or the code was given years before the budget year.
//!
//! Silent on the evidence that does not decide: a code of the budget year with 否 (projects
//! carried on get codes of the budget year too), a word like 新建 about part of the work
//! (新建站点), an option list left unticked (S005's).

use crate::count::years;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::{FieldKey, Form, Text};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "X003",
        name: "new-flag-inconsistent",
        severity: Severity::Warning,
        category: Category::CrossForm,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "是否新增项目与实际不符",
        title_en: "New-project flag contradicts the form",
        doc: RuleDoc {
            catches_zh: "“是否新增项目”（或项目属性）与表内其他信息矛盾：填“否”或“延续”，而测算依据写明“新建类项目”“首次申报”；填“是”或“新增”，而文字写明“上年结转”“续建”或支付以前年度合同的尾款；或填“是”，而项目编码的年份段早于预算年度两年以上。",
            catches_en: "是否新增项目 (or 项目属性) contradicts the form: 否/延续 while the text says 新建类项目 or 首次申报; 是/新增 while the text says 上年结转, 续建 or pays the balance of an earlier year's contract; or 是 with a code whose year segment is two or more years before the budget year.",
            why_zh: "新增项目是本年度新增列入预算的项目；延续项目是以前年度已批准、需在本年度继续安排的项目。两者的审核重点不同（新增项目须论证必要性和可行性），标错会让审核走错方向。",
            why_en: "A new project is first budgeted this year; a continuing one was approved before. They are reviewed differently (a new project must argue its necessity and feasibility), so a wrong flag sends the review the wrong way.",
            source: "财预〔2015〕88号；项目支出绩效目标申报表填报说明",
            bad_example: "是否新增项目:\t否\n测算依据:\t新建类项目，预计2024年采购系统开发服务，合计130万元。",
            good_example: "是否新增项目:\t是\n测算依据:\t新建类项目，预计2024年采购系统开发服务，合计130万元。",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// Phrases that say the project itself is new.
const NEW: &[&str] = &[
    "新建类项目", "新增类项目", "为新增项目", "属于新增项目", "为新建项目", "属于新建项目",
    "首次申报", "首次设立", "首次安排", "首次列入", "新设立项目", "新立项",
];

/// Phrases that say the project was begun before this year.
const CARRIED: &[&str] = &[
    "上年结转", "以前年度结转", "结转项目", "续建项目", "续建工程", "延续项目", "延续性项目",
    "继续实施", "往年已批准",
];

/// Words that tie an earlier year to this project's own work (`2022年…尾款`, `已于2022年开展`).
const EARLIER_WORK: &[&str] = &["尾款", "已于"];

/// What the form says of itself: new (`true`) or carried on (`false`), and where.
fn declared(form: &Form) -> Option<(bool, &Text)> {
    if let Some(f) = form.field(FieldKey::IsNew) {
        if let Some(n) = form.is_new() {
            return Some((n, &f.value));
        }
    }
    let f = form.field(FieldKey::ProjectAttribute)?;
    let t = f.value.text.as_str();
    let ticked = |word: &str| {
        t.match_indices(word).any(|(i, w)| {
            let after = t[i + w.len()..].trim_start_matches("项目").chars().next();
            let before = t[..i].chars().next_back();
            after.is_some_and(is_tick) || before.is_some_and(is_tick)
        })
    };
    let has_boxes = t.chars().any(crate::text::is_checkbox);
    let (new, old) = if has_boxes {
        (ticked("新增"), ticked("延续") || ticked("结转"))
    } else {
        (
            t.starts_with("新增") || t.starts_with("新建"),
            t.starts_with("延续") || t.starts_with("结转") || t.starts_with("常年"),
        )
    };
    match (new, old) {
        (true, false) => Some((true, &f.value)),
        (false, true) => Some((false, &f.value)),
        _ => None,
    }
}

fn is_tick(c: char) -> bool {
    matches!(c, '√' | '☑' | '☒' | '■' | '✓' | '✔')
}

/// The texts the evidence is looked for in.
const EVIDENCE_FIELDS: [FieldKey; 6] = [
    FieldKey::Name,
    FieldKey::CalcBasis,
    FieldKey::PolicyBasis,
    FieldKey::AnnualGoal,
    FieldKey::Overview,
    FieldKey::Necessity,
];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    let Some((is_new, flag)) = declared(form) else {
        return;
    };
    let said = if is_new { "新增" } else { "非新增（延续）" };
    let said_en = if is_new { "new" } else { "not new (continuing)" };
    for key in EVIDENCE_FIELDS {
        let Some(f) = form.field(key) else { continue };
        let t = f.value.text.as_str();
        let hit = if is_new {
            find_any(t, CARRIED)
                .map(|(at, w)| (at, w.len(), w.to_string()))
                .or_else(|| earlier_work(t, ctx.facts.budget_year))
        } else {
            find_any(t, NEW).map(|(at, w)| (at, w.len(), w.to_string()))
        };
        if let Some((at, len, word)) = hit {
            let span = f.value.sub(ctx.text, at..at + len);
            let label = key.label_zh_for(form.kind);
            out.push(
                Diagnostic::new(
                    &INFO,
                    flag.span,
                    Message::new(
                        format!("表中填为{said}项目，但{label}写明“{word}”，{}，请核实“是否新增项目”", if is_new { "像是以前年度已开展的项目" } else { "像是本年度新增的项目" }),
                        format!("The form says the project is {said_en}, but {} says \"{word}\": check the new-project flag", key.label_en()),
                    ),
                )
                .with_related(span, Message::new(format!("{label}中的“{word}”"), format!("\"{word}\" in {}", key.label_en()))),
            );
            return;
        }
    }
    // A code given two or more years before the budget year names a project begun then.
    if is_new {
        if let (Some(code), Some(by)) = (form.field(FieldKey::Code), ctx.facts.budget_year) {
            if let Some(cy) = code_year(&code.value.text) {
                if cy + 2 <= by {
                    out.push(
                        Diagnostic::new(
                            &INFO,
                            flag.span,
                            Message::new(
                                format!("表中填为新增项目，但项目编码的年份段为{cy}年，早于预算年度{by}年，项目应是以前年度设立的"),
                                format!("The form says the project is new, but its code was given in {cy}, before the budget year {by}"),
                            ),
                        )
                        .with_related(
                            code.value.sub(ctx.text, 6..8),
                            Message::new("编码中的年份段", "the year segment of the code"),
                        ),
                    );
                }
            }
        }
    }
}

/// The year segment of a project code: digits 7–8 of a code of 18 digits or more (a six-digit
/// region code, then the year the project was set up).
fn code_year(code: &str) -> Option<u16> {
    let c = code.trim();
    if c.len() < 18 || !c.bytes().all(|b| b.is_ascii_digit()) || !(b'1'..=b'6').contains(&c.as_bytes()[0]) {
        return None;
    }
    let y: u16 = c[6..8].parse().ok()?;
    (10..=60).contains(&y).then_some(2000 + y)
}

/// The first of `words` in `t`, and where.
fn find_any<'a>(t: &str, words: &[&'a str]) -> Option<(usize, &'a str)> {
    words
        .iter()
        .filter_map(|w| t.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)
}

/// `尾款` or `已于` in a sentence that names a year before the budget year: the work began then.
fn earlier_work(t: &str, budget_year: Option<u16>) -> Option<(usize, usize, String)> {
    let by = budget_year?;
    let mut start = 0;
    for sentence in t.split_inclusive(['。', '；', ';', '\n']) {
        let earlier = years(sentence)
            .into_iter()
            .find(|(r, y)| *y < by && sentence[r.end..].starts_with('年'));
        if let Some((_, y)) = earlier {
            if let Some((at, w)) = find_any(sentence, EARLIER_WORK) {
                return Some((start + at, w.len(), format!("{y}年…{w}")));
            }
        }
        start += sentence.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const BASIS: &str = "测算依据:\t演出费15万元、宣传费5万元，合计20万元。";

    #[test]
    fn fires_on_a_new_build_marked_not_new() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t否")
            .replace(BASIS, "测算依据:\t新建类项目，演出费15万元、宣传费5万元，合计20万元。");
        let f = found(&text, "X003");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "否");
        assert!(f[0].1.contains("新建类项目"), "{}", f[0].1);
    }

    #[test]
    fn fires_on_a_carry_over_marked_new() {
        let text = with("项目名称:\t社区文化活动", "项目名称:\t社区文化活动(上年结转)");
        assert_eq!(found(&text, "X003").len(), 1);
    }

    #[test]
    fn fires_on_the_balance_of_an_earlier_contract_marked_new() {
        let text = with(BASIS, "测算依据:\t支付2022年演出服务合同尾款15万元、宣传费5万元，合计20万元。");
        assert_eq!(found(&text, "X003").len(), 1);
    }

    #[test]
    fn fires_on_an_old_code_marked_new() {
        let text = with("440304231460100205000", "440304211460100205000");
        let f = found(&text, "X003");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("2021年"), "{}", f[0].1);
    }

    #[test]
    fn quiet_on_last_years_code_marked_new() {
        // Projects of a budget are set up in the year before it.
        let text = with("440304231460100205000", "440304221460100205000");
        assert!(found(&text, "X003").is_empty());
    }

    #[test]
    fn quiet_on_a_carry_over_marked_not_new() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t否")
            .replace("项目名称:\t社区文化活动", "项目名称:\t社区文化活动(上年结转)");
        assert!(found(&text, "X003").is_empty());
    }

    #[test]
    fn quiet_on_new_stations_in_a_continuing_project() {
        let text = with("是否新增项目:\t是", "是否新增项目:\t否")
            .replace(BASIS, "测算依据:\t新建站点演出费15万元、宣传费5万元，合计20万元。");
        assert!(found(&text, "X003").is_empty());
    }

    #[test]
    fn reads_a_ticked_attribute() {
        let text = with("是否新增项目:\t是\t", "项目属性:\t新增□ 延续√\t")
            .replace(BASIS, "测算依据:\t新建类项目，演出费15万元、宣传费5万元，合计20万元。");
        assert_eq!(found(&text, "X003").len(), 1);
    }
}
