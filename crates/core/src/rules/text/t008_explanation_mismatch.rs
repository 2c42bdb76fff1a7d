//! T008 explanation-mismatch: an 指标解释 that measures something else than its indicator: it
//! names another measure (`疫情防控补贴发放及时性` explained as `考察…发放准确率`), its formula is
//! inverted (`正常运行率=无法正常运行天数/全年天数`, a 节约率 computed as 实际/预算, a 减少率 as
//! (本年−上年)/上年), it counts other people (`市民满意度` = 满意的单位数量/单位数量), or it is a
//! rate formula for a value counted in 天 or 次.
//!
//! Not a comparison of texts: name and explanation share few characters on most good rows
//! (`该指标主要考察…` says little). What is compared is the measure: a small vocabulary of the
//! measures indicators use (及时, 合格 and its synonyms, 准确, 覆盖, 满意, 控制, 节约, 进度, 数量),
//! and the negative words of a formula's numerator.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::Indicator;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::value::ValueKind;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T008",
        name: "explanation-mismatch",
        severity: Severity::Warning,
        category: Category::Text,
        dimension: Dimension::Relevance,
        fix: FixKind::None,
        title_zh: "指标解释与指标不符",
        title_en: "Explanation does not fit the indicator",
        doc: RuleDoc {
            catches_zh: "指标解释说的是另一种衡量（“发放及时性”解释为“考察发放准确率”），计算公式方向相反（“正常运行率=无法正常运行天数/全年天数”，节约率按“实际/预算”计算），公式统计的对象与指标不同（“市民满意度=满意的单位数量/单位总数”），或指标值按天、次计量而解释给出比率公式。",
            catches_en: "The 指标解释 measures something else: another measure (及时性 explained as 准确率), an inverted formula (正常运行率 = days NOT running / all days; a saving rate as actual/budget), other people counted (市民满意度 over units), or a rate formula for a value counted in days or times.",
            why_zh: "指标解释是考核时计算指标完成值的依据；解释与指标不符，年底无法按解释评价，或按解释算出的结果与目标方向相反。多半是从上一行或别的表复制后未修改。",
            why_en: "The explanation is how the indicator is computed at the year's end; when it measures something else, the indicator cannot be assessed, or the result points the wrong way. It is usually copied from another row.",
            source: "财预〔2015〕88号；《项目支出绩效评价管理办法》（财预〔2020〕10号）指标解释要求",
            bad_example: "产出\t*质量\t系统正常运行率\t≥95%\t计算公式为无法正常运行天数/全年天数×100%",
            good_example: "产出\t*质量\t系统正常运行率\t≥95%\t计算公式为正常运行天数/全年天数×100%",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

/// The measures an indicator can take, each with the words that name it. Words of one measure
/// are synonyms (合格 ≈ 通过 ≈ 达标 ≈ 完好).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Timely,
    Pass,
    Accuracy,
    Coverage,
    Satisfaction,
    CostControl,
    Saving,
    Progress,
    Count,
}

/// The words of each measure (支出进度达标率 is a progress first).
const WORDS: &[(&str, Measure)] = &[
    ("支出进度", Measure::Progress),
    ("支付进度", Measure::Progress),
    ("预算执行", Measure::Progress),
    ("资金执行", Measure::Progress),
    ("成本控制", Measure::CostControl),
    ("控制率", Measure::CostControl),
    ("节约率", Measure::Saving),
    ("减少率", Measure::Saving),
    ("降低率", Measure::Saving),
    ("下降率", Measure::Saving),
    ("及时", Measure::Timely),
    ("按时", Measure::Timely),
    ("时限", Measure::Timely),
    ("准确率", Measure::Accuracy),
    ("准确性", Measure::Accuracy),
    ("正确率", Measure::Accuracy),
    ("覆盖率", Measure::Coverage),
    ("覆盖面", Measure::Coverage),
    ("满意", Measure::Satisfaction),
    ("合格", Measure::Pass),
    ("通过率", Measure::Pass),
    ("达标", Measure::Pass),
    ("完好", Measure::Pass),
    ("优良率", Measure::Pass),
];

/// The ends of a name that make it a count.
const COUNT_ENDS: &[&str] = &[
    "次数", "数量", "人数", "个数", "场次", "项数", "份数", "套数", "台数", "户数", "件数", "人次",
    "天数",
];

/// The measure of an indicator's name: the first measure word it holds, or a count by its end.
fn name_measure(name: &str) -> Option<Measure> {
    measures(name).first().copied().or_else(|| {
        COUNT_ENDS
            .iter()
            .any(|e| name.ends_with(e))
            .then_some(Measure::Count)
    })
}

/// Every measure a text names, in the order they are written, each once. One pass: where several
/// words begin at one place the longest is read (成本控制 before 控制率), and reading goes on
/// after it (达标 inside 支出进度达标率 is still read, after the progress).
fn measures(t: &str) -> Vec<Measure> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        let word = if FIRST.contains(c) {
            WORDS
                .iter()
                .filter(|(w, _)| rest.starts_with(w))
                .max_by_key(|(w, _)| w.len())
        } else {
            None
        };
        match word {
            Some((w, m)) => {
                if !out.contains(m) {
                    out.push(*m);
                }
                rest = &rest[w.len()..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    out
}

/// The first characters of the measure words.
const FIRST: &str = "支预资成控节减降下及按时准正覆满合通达完优";

/// What an explanation says it measures: the words after 考察/考核/反映/衡量 up to the end of the
/// clause, or the name a formula defines (`项目成本控制率（%）=`).
fn subject(expl: &str) -> Option<&str> {
    for verb in ["主要考察", "考察", "考核", "反映", "衡量", "进行考察"] {
        if let Some(i) = expl.find(verb) {
            let rest = &expl[i + verb.len()..];
            let end = rest
                .find(['。', '，', ',', '；', ';', '：', ':', '（', '('])
                .unwrap_or(rest.len());
            let end = rest[..end].find("是否").unwrap_or(end);
            return Some(&rest[..end]);
        }
    }
    let eq = expl.find(['=', '＝'])?;
    let head = &expl[..eq];
    let start = head
        .rfind(['。', '，', ',', '；', ';', '：', ':'])
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    Some(&head[start..])
}

/// A formula of the explanation: the numerator and the denominator of its first `/` or `÷`
/// between words, the numerator back to the `=` or the start of the clause.
fn formula(expl: &str) -> Option<(&str, &str)> {
    let at = expl.find(['/', '÷', '／'])?;
    let slash = expl[at..].chars().next()?.len_utf8();
    let head = &expl[..at];
    let start = head
        .rfind(['=', '＝', '。', '，', ',', '；', ';', '：', ':', ' ', '为'])
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    let num = head[start..].trim();
    let tail = &expl[at + slash..];
    let end = tail
        .find(['。', '，', ',', '；', ';', '*', '×', 'x', '）', ')'])
        .unwrap_or(tail.len());
    let den = tail[..end].trim();
    let cjk = |s: &str| s.chars().any(crate::text::is_cjk);
    (cjk(num) && cjk(den)).then_some((num, den))
}

/// Words that make a numerator count what went wrong.
const NEGATIVE: &[&str] = &["无法", "未能", "未按", "不能", "不合格", "故障", "异常", "维修", "损坏", "中断", "超支"];

/// Names that count what went wrong themselves: their numerators are negative by design.
const NEGATIVE_NAMES: &[&str] = &["故障", "差错", "事故", "事件", "投诉", "发生率", "失误", "超支", "损坏", "中断"];

/// Positive rates whose numerator must count what went right.
const POSITIVE_RATES: &[&str] = &["正常运行率", "运行率", "完好率", "完好达标率", "合格率", "达标率", "通过率", "正常率"];

/// Who a satisfaction is asked of.
const SUBJECTS: &[&str] = &[
    "群众", "市民", "居民", "村民", "单位", "部门", "企业", "学生", "家长", "患者", "游客", "职工",
    "老人", "党员", "商户",
];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (n, ind) in ctx.form.indicators.iter().enumerate() {
        if !ind.applicable || ind.explanation.text.is_empty() {
            continue;
        }
        if let Some(message) = mismatch(ind, &ctx.facts.values[n].kind, ctx.facts.values[n].unit.as_deref()) {
            out.push(
                Diagnostic::new(&INFO, ind.explanation.span, message)
                    .with_related(ind.name.span, Message::new("指标名称", "the indicator's name")),
            );
        }
    }
}

fn mismatch(ind: &Indicator, kind: &ValueKind, unit: Option<&str>) -> Option<Message> {
    let name = ind.name.text.as_str();
    let expl = ind.explanation.text.as_str();
    let nm = name_measure(name);
    // 1. Another measure: the explanation's subject names a measure, and the name's own measure
    // appears nowhere in the explanation.
    if let (Some(nm), Some(subj)) = (nm, subject(expl)) {
        let sm = measures(subj);
        // A saving explained as cost control is the formula's matter (below): one finding.
        let other = sm
            .first()
            .copied()
            .filter(|m| *m != nm && !(nm == Measure::Saving && *m == Measure::CostControl));
        let own_named = measures(expl).contains(&nm)
            || (nm == Measure::Count && COUNT_ENDS.iter().any(|e| expl.contains(e)));
        if let (Some(m), false) = (other, own_named) {
            return Some(Message::new(
                format!(
                    "指标「{name}」衡量的是{}，但指标解释考察的是“{}”（{}），解释与指标不符，可能是从别的指标复制的",
                    label(nm).0,
                    subj.trim(),
                    label(m).0
                ),
                format!(
                    "Indicator \"{name}\" measures {}, but its explanation measures \"{}\" ({})",
                    label(nm).1,
                    subj.trim(),
                    label(m).1
                ),
            ));
        }
    }
    let f = formula(expl);
    // 2. An inverted formula.
    if let Some((num, den)) = f {
        let negative_name = NEGATIVE_NAMES.iter().any(|w| name.contains(w));
        let positive = POSITIVE_RATES.iter().any(|w| name.ends_with(w));
        let complement = ["1-", "1－", "1—", "100%-", "100%－"]
            .iter()
            .any(|p| expl.contains(p));
        if positive && !negative_name && !complement {
            if let Some(w) = NEGATIVE.iter().find(|w| num.contains(**w)) {
                return Some(Message::new(
                    format!("指标「{name}」是正向比率，但计算公式的分子“{num}”统计的是反面情况（“{w}”），公式方向相反"),
                    format!("\"{name}\" is a positive rate, but the formula's numerator \"{num}\" counts what went wrong (\"{w}\"): the formula is inverted"),
                ));
            }
        }
        if nm == Some(Measure::Saving) && !num.contains(['-', '－', '—']) && num.contains("实际") {
            return Some(Message::new(
                format!("指标「{name}」是节约（减少）率，但公式“{num}/{den}”算的是使用比例（实际/预算）：节约率应为（预算−实际）/预算；若要考核实际/预算，指标应改称成本控制率"),
                format!("\"{name}\" is a saving rate, but \"{num}/{den}\" is the share used (actual/budget): a saving is (budget − actual)/budget; to assess actual/budget, call the indicator a cost-control rate"),
            ));
        }
        if nm == Some(Measure::Saving) {
            if let Some(minus) = num.find(['-', '－', '—']) {
                let (a, b) = (&num[..minus], &num[minus..]);
                let now = |s: &str| s.contains("本年") || s.contains("实际");
                let before = |s: &str| s.contains("上年") || s.contains("预算") || s.contains("计划");
                if now(a) && before(b) {
                    return Some(Message::new(
                        format!("指标「{name}」是减少（节约）率，但公式的分子“{num}”是本期减去基期，算的是增长率，方向相反"),
                        format!("\"{name}\" is a decrease rate, but the numerator \"{num}\" subtracts the base from this period: it computes growth"),
                    ));
                }
            }
        }
        // 3. Other people counted by a satisfaction formula.
        if nm == Some(Measure::Satisfaction) {
            let of_name: Vec<&str> = SUBJECTS.iter().copied().filter(|s| name.contains(s)).collect();
            let of_num: Vec<&str> = SUBJECTS.iter().copied().filter(|s| num.contains(s)).collect();
            if !of_name.is_empty() && !of_num.is_empty() && !of_num.iter().any(|s| of_name.contains(s)) {
                return Some(Message::new(
                    format!("指标「{name}」调查的是{}的满意度，但计算公式统计的是{}（“{num}”）", of_name.join("、"), of_num.join("、")),
                    format!("\"{name}\" asks {}, but the formula counts {} (\"{num}\")", of_name.join(", "), of_num.join(", ")),
                ));
            }
        }
    }
    // 4. A rate formula for a value counted in days or times.
    // A ratio of like quantities (天数/天数) is a rate too, written with or without ×100%.
    let like = f.is_some_and(|(num, den)| {
        COUNT_ENDS
            .iter()
            .any(|e| num.ends_with(e) && den.ends_with(e))
    });
    let rate_formula = f.is_some()
        && (like
            || ["100%", "率=", "率＝", "率（%）", "率(%)"]
                .iter()
                .any(|w| expl.contains(w)));
    let counted = matches!(kind, ValueKind::Number | ValueKind::Duration)
        && unit.is_some_and(|u| crate::count::measure_of_unit(u).is_some())
        && !ind.value.text.contains(['/', '／']);
    if rate_formula && counted {
        let u = unit.unwrap_or_default();
        return Some(Message::new(
            format!("指标值“{}”以“{u}”计量，但指标解释给出的是比率公式，两者不一致", ind.value.text),
            format!("The value \"{}\" is counted in \"{u}\", but the explanation gives a rate formula", ind.value.text),
        ));
    }
    None
}

fn label(m: Measure) -> (&'static str, &'static str) {
    match m {
        Measure::Timely => ("及时性", "timeliness"),
        Measure::Pass => ("合格（达标）情况", "a pass rate"),
        Measure::Accuracy => ("准确性", "accuracy"),
        Measure::Coverage => ("覆盖面", "coverage"),
        Measure::Satisfaction => ("满意度", "satisfaction"),
        Measure::CostControl => ("成本控制", "cost control"),
        Measure::Saving => ("节约（减少）程度", "a saving"),
        Measure::Progress => ("支出进度", "spending progress"),
        Measure::Count => ("数量", "a count"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    const QUALITY: &str = "产出\t*质量\t演出验收合格率\t≥95%\t验收合格场次/演出场次×100%";

    fn fired(row: &str) -> Vec<(String, String)> {
        found(&with(QUALITY, row), "T008")
    }

    #[test]
    fn fires_on_another_measure() {
        let f = fired("产出\t*质量\t演出验收合格率\t≥95%\t该指标主要考察演出完成及时性");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("及时性"), "{}", f[0].1);
    }

    #[test]
    fn fires_on_an_inverted_formula() {
        let f = fired("产出\t*质量\t设备正常运行率\t≥95%\t计算公式为无法正常运行天数/全年天数");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("无法"), "{}", f[0].1);
    }

    #[test]
    fn fires_on_a_saving_computed_as_the_share_used() {
        let text = with(
            "产出\t*成本\t演出场均成本\t≤1.5万元\t演出费/演出场次",
            "产出\t*成本\t演出资金节约率\t≤100%\t考察演出资金节约率。演出实际产生经费/预算经费",
        );
        assert_eq!(found(&text, "T008").len(), 1);
    }

    #[test]
    fn fires_on_other_people_counted() {
        let text = with(
            "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%",
            "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意度=满意的单位数量/调查单位数量×100%",
        );
        assert_eq!(found(&text, "T008").len(), 1);
    }

    #[test]
    fn fires_on_a_rate_formula_for_a_count() {
        let text = with(
            "产出\t*数量\t举办演出场次\t≥10场\t全年举办的社区文化演出场次",
            "产出\t*数量\t举办演出场次\t≥10场\t演出完成率=实际演出场次/计划演出场次×100%",
        );
        assert_eq!(found(&text, "T008").len(), 1);
    }

    #[test]
    fn every_measure_word_begins_with_a_listed_character() {
        for (w, _) in super::WORDS {
            assert!(super::FIRST.contains(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn quiet_on_synonyms_and_the_complement() {
        for row in [
            "产出\t*质量\t演出验收合格率\t≥95%\t验收通过率=验收通过场次/演出场次×100%",
            "产出\t*质量\t演出设备正常运行率\t≥95%\t正常运行率=1-出现异常的场次/演出场次×100%",
            "产出\t*质量\t演出设备故障率\t≤5%\t发生故障的场次/演出场次×100%",
            "产出\t*质量\t演出验收合格率\t≥95%\t该指标主要考察演出的质量",
        ] {
            assert!(fired(row).is_empty(), "{row}");
        }
    }
}
