//! T — free text: goals, policy and calculation bases, leftovers of the template, Traditional
//! characters.

use super::facts::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Message};
use crate::model::FieldKey;
use crate::span::Span;
use crate::text::{is_traditional, to_simplified};

rule!(T001, Text, "T001", "goals-identical", Warning, None, "年度目标与长期目标相同", "Annual goal same as the long-term goal",
    "跨年度项目的年度目标与长期目标相同（或相似度达到 90%）。",
    "On a multi-year project, 年度目标 the same as 长期目标 (or at least 90% similar).",
    "多年期项目要分别说明本年度要完成的部分和整个实施期的目标；照抄说明没有把长期目标分解到年度。",
    "A multi-year project must say what this year achieves and what the whole period does; a copy means the goal was never broken down.",
    "绩效目标申报表填报说明（跨年度项目应单独填报年度目标）",
    "年度目标:\t保障单位日常工作开展。\n长期目标:\t保障单位日常工作开展。",
    "年度目标:\t2024年完成文书档案整理5万件。\n长期目标:\t2028年前完成全区历史档案数字化。");
rule!(T002, Text, "T002", "policy-equals-calc-basis", Error, None, "政策依据与测算依据相同", "Policy basis equals calculation basis",
    "政策依据与测算依据内容相同。",
    "政策依据 the same as 测算依据.",
    "政策依据说明为什么做，测算依据说明花多少钱、怎么算；两者相同说明至少有一项没有认真填写。",
    "The policy basis says why, the calculation basis says how much and how; identical texts mean one of them was not filled in.",
    "预算编制测算要求",
    "政策依据:\t根据《…管理办法》，开展党建活动\n测算依据:\t根据《…管理办法》，开展党建活动",
    "测算依据:\t党建活动12次×0.5万元=6万元，学习资料4万元，合计10万元");
rule!(T003, Text, "T003", "goal-not-measurable", Warning, None, "年度目标不可衡量", "Annual goal not measurable",
    "年度目标中没有任何数字或具体的产出数量。",
    "年度目标 with no number and no concrete deliverable.",
    "绩效目标应当尽量量化（做多少、达到什么程度、何时完成），只写“保障工作开展”无法评价。",
    "Targets must be quantified where possible (how much, how well, by when); \"ensure the work goes on\" cannot be evaluated.",
    "财预〔2015〕88号（绩效目标应细化、量化）",
    "年度目标:\t通过本项目实施，保障单位日常工作开展。",
    "年度目标:\t2024年完成12次党建活动，党员参与率达到95%。");
rule!(
    T005,
    Text,
    "T005",
    "template-leftover",
    Error,
    None,
    "模板说明未删除",
    "Template text left in",
    "字段或指标中残留“XX”“××”“**”“请填写”“示例”“（可选）”等模板文字。",
    "`XX`, `××`, `**`, `请填写`, `示例`, `（可选）` left in a field or indicator.",
    "模板文字说明这一处没有填写完成，提交后会被退回。",
    "Template text means the place was never filled in; the form will be returned.",
    "预算系统填报要求",
    "项目名称:\tXX区XX项目",
    "项目名称:\t福田区社区文化活动项目"
);
rule!(T006, Text, "T006", "traditional-characters", Warning, Safe, "含有繁体字", "Traditional characters",
    "简体文本中夹有繁体字（如“共計”）。",
    "Traditional characters in Simplified text (`共計`).",
    "繁简混用多来自从其他系统复制，容易造成检索和汇总时的不一致；改为简体不改变含义。",
    "Mixed scripts usually come from copying between systems and break search and aggregation; converting changes no meaning.",
    "《通用规范汉字表》",
    "测算依据:\t共計20萬元",
    "测算依据:\t共计20万元");

fn significant(s: &str) -> Vec<char> {
    let keep = |c: &char| {
        !c.is_whitespace()
            && !c.is_ascii_punctuation()
            && !"，。；：、“”‘’（）《》！？".contains(*c)
    };
    s.chars()
        .filter(keep)
        .map(crate::text::to_half_width)
        .collect()
}

/// Whether two texts are at least `threshold` similar (see [`similarity`]).
pub fn similar_at_least(a: &str, b: &str, threshold: f64) -> bool {
    similarity_above(a, b, threshold).is_some()
}

/// The similarity of two texts when it is at least `threshold`, computed with a band of the
/// edit-distance table: O(n·k) for the k edits the threshold allows.
pub fn similarity_above(a: &str, b: &str, threshold: f64) -> Option<f64> {
    let (a, b) = (significant(a), significant(b));
    let max = a.len().max(b.len());
    if max == 0 || a == b {
        return Some(1.0);
    }
    let k = ((1.0 - threshold) * max as f64 + 1e-9).floor() as usize;
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    // Banded Levenshtein: cells farther than k from the diagonal cost more than k.
    let inf = k + 1;
    let mut prev: Vec<usize> = (0..=b.len())
        .map(|j| if j <= k { j } else { inf })
        .collect();
    let mut cur = vec![inf; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur.iter_mut().for_each(|c| *c = inf);
        cur[0] = if i <= k { i } else { inf };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(inf);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= k).then(|| 1.0 - d as f64 / max as f64)
}

/// Similarity of two texts from 0 to 1: one minus the edit distance (over characters, spaces
/// and punctuation ignored) divided by the longer length.
pub fn similarity(a: &str, b: &str) -> f64 {
    let keep = |c: &char| {
        !c.is_whitespace()
            && !c.is_ascii_punctuation()
            && !"，。；：、“”‘’（）《》！？".contains(*c)
    };
    let a: Vec<char> = a
        .chars()
        .filter(keep)
        .map(crate::text::to_half_width)
        .collect();
    let b: Vec<char> = b
        .chars()
        .filter(keep)
        .map(crate::text::to_half_width)
        .collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let max = a.len().max(b.len());
    // A large length difference bounds the similarity from above; skip the O(n·m) work.
    if (a.len().abs_diff(b.len())) as f64 > 0.2 * max as f64 {
        return 1.0 - a.len().abs_diff(b.len()) as f64 / max as f64;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / max as f64
}

const CN_NUM: &str = "一二两三四五六七八九十百千万";
const MEASURES: &str = "个次场项份套人批期名家台本册件户条篇年月季度天日所类支";

/// Whether a text holds a number: Arabic digits, or a Chinese numeral with a measure word.
fn has_number(t: &str) -> bool {
    if t.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return true;
    }
    let chars: Vec<char> = t.chars().collect();
    chars.windows(2).any(|w| {
        CN_NUM.contains(w[0])
            && MEASURES.contains(w[1])
            && !(w[0] == '一' && "般定些直切体起同项".contains(w[1]))
    })
}

const LEFTOVERS: &[&str] = &[
    "XX",
    "xx",
    "××",
    "**",
    "请填写",
    "示例",
    "（可选）",
    "(可选)",
    "填写说明",
    "此处填写",
];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    // T001
    if let (Some(a), Some(l)) = (
        form.field(FieldKey::AnnualGoal),
        form.field(FieldKey::LongTermGoal),
    ) {
        if form.years().is_some_and(|y| y > 1)
            && !a.value.text.is_empty()
            && !l.value.text.is_empty()
        {
            if let Some(s) = similarity_above(&a.value.text, &l.value.text, 0.9) {
                let how = if s >= 0.999 {
                    "完全相同".to_string()
                } else {
                    format!("几乎相同（相似度{:.0}%）", s * 100.0)
                };
                out.push(
                    Diagnostic::new(
                        &T001,
                        l.value.span,
                        Message::new(
                            format!("实施期限{}年的项目，长期目标与年度目标{how}，没有把长期目标分解到年度", form.years().unwrap_or(0)),
                            format!("A {}-year project whose long-term goal is the annual goal ({:.0}% similar)", form.years().unwrap_or(0), s * 100.0),
                        ),
                    )
                    .with_related(a.value.span, Message::new("年度目标", "annual goal")),
                );
            }
        }
    }
    // T002
    if let (Some(p), Some(c)) = (
        form.field(FieldKey::PolicyBasis),
        form.field(FieldKey::CalcBasis),
    ) {
        if ctx.facts.calc_repeats_policy {
            out.push(
                Diagnostic::new(
                    &T002,
                    c.value.span,
                    Message::new(
                        "测算依据与政策依据内容相同",
                        "The calculation basis repeats the policy basis",
                    ),
                )
                .with_related(p.value.span, Message::new("政策依据", "policy basis")),
            );
        }
    }
    // T003
    if let Some(a) = form.field(FieldKey::AnnualGoal) {
        if !a.value.text.is_empty() && !has_number(&a.value.text) {
            out.push(Diagnostic::new(
                &T003,
                a.value.span,
                Message::new(
                    "年度目标中没有任何数量、比例或时间要求，无法衡量是否达成",
                    "The annual goal states no quantity, rate or deadline and cannot be measured",
                ),
            ));
        }
    }
    // T005 and T006 over every field and indicator cell.
    let mut texts: Vec<(Span, &str, bool)> = form
        .fields
        .iter()
        .map(|f| (f.value.span, f.value.text.as_str(), true))
        .collect();
    for (n, i) in form.indicators.iter().enumerate() {
        let placeholder_value = matches!(
            ctx.facts.values[n].kind,
            crate::value::ValueKind::Placeholder
        );
        texts.push((i.name.span, &i.name.text, true));
        texts.push((i.value.span, &i.value.text, !placeholder_value));
        texts.push((i.explanation.span, &i.explanation.text, true));
    }
    for (span, t, leftovers) in texts {
        if t.is_empty() {
            continue;
        }
        if leftovers {
            if let Some(w) = LEFTOVERS.iter().find(|w| t.contains(**w)) {
                out.push(Diagnostic::new(
                    &T005,
                    span,
                    Message::new(
                        format!(
                            "残留模板文字“{w}”：「{}」",
                            crate::diagnostic::excerpt(t, 30)
                        ),
                        format!(
                            "Template text \"{w}\" left in: \"{}\"",
                            crate::diagnostic::excerpt(t, 30)
                        ),
                    ),
                ));
            }
        }
        let trad: Vec<char> = {
            let mut v: Vec<char> = t.chars().filter(|&c| is_traditional(c)).collect();
            v.dedup();
            v
        };
        if !trad.is_empty() {
            let raw = span.text(ctx.text);
            let pairs: Vec<String> = trad
                .iter()
                .map(|&c| format!("{c}→{}", to_simplified(c)))
                .collect();
            let mut d = Diagnostic::new(
                &T006,
                span,
                Message::new(
                    format!(
                        "含有繁体字（{}）：「{}」",
                        pairs.join("，"),
                        crate::diagnostic::excerpt(t, 20)
                    ),
                    format!(
                        "Traditional characters ({}): \"{}\"",
                        pairs.join(", "),
                        crate::diagnostic::excerpt(t, 20)
                    ),
                ),
            );
            d.fix = Some(Fix {
                applicability: Applicability::Safe,
                title: Message::new("改为简体字", "Use Simplified characters"),
                span,
                replacement: raw.chars().map(to_simplified).collect(),
            });
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::similarity;
    use crate::rules::testing::{found, with, CLEAN};

    #[test]
    fn similarity_measure() {
        for (a, b) in [
            ("保障工作开展。", "保障工作开展"),
            ("通过本项目实施保障单位工作", "通过本项目实施保障本单位工作"),
            ("完成文书档案整理5万件", "完成全区历史档案数字化"),
            ("", "甲"),
            ("甲乙丙丁戊己庚辛壬癸", "甲乙丙丁戊己庚辛壬"),
        ] {
            assert_eq!(
                super::similar_at_least(a, b, 0.9),
                similarity(a, b) >= 0.9,
                "{a} / {b}"
            );
            if let Some(s) = super::similarity_above(a, b, 0.9) {
                assert!((s - similarity(a, b)).abs() < 1e-12);
            }
        }
        assert_eq!(similarity("保障工作开展。", "保障工作开展"), 1.0);
        assert!(similarity("通过本项目实施保障单位工作", "通过本项目实施保障本单位工作") > 0.9);
        assert!(similarity("完成文书档案整理5万件", "完成全区历史档案数字化") < 0.6);
    }

    #[test]
    fn t001() {
        let multi = with("实施期限:\t1", "实施期限:\t3")
            .replace("(中期规划,万元):\t20.00", "(中期规划,万元):\t60.00");
        let same = format!(
            "{}长期目标(跨度多年的项目需填):\t2023年举办社区文化演出10场，覆盖居民5000人次。\n",
            &multi[..multi.find("一级指标").unwrap()]
        ) + &multi[multi.find("一级指标").unwrap()..];
        assert_eq!(found(&same, "T001").len(), 1);
        let differ = same.replace(
            "长期目标(跨度多年的项目需填):\t2023年举办社区文化演出10场，覆盖居民5000人次。",
            "长期目标(跨度多年的项目需填):\t三年内建成覆盖全区的社区文化服务网络。",
        );
        assert!(found(&differ, "T001").is_empty());
    }

    #[test]
    fn t002() {
        let text = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "《福田区公共文化服务发展规划》(福府〔2021〕12号)",
        );
        assert_eq!(found(&text, "T002").len(), 1);
        assert!(found(CLEAN, "T002").is_empty());
    }

    #[test]
    fn t003() {
        assert_eq!(
            found(
                &with(
                    "2023年举办社区文化演出10场，覆盖居民5000人次。",
                    "通过本项目实施，丰富社区居民的文化生活。"
                ),
                "T003"
            )
            .len(),
            1
        );
        assert!(found(
            &with(
                "2023年举办社区文化演出10场，覆盖居民5000人次。",
                "全年举办社区文化演出十场，丰富居民文化生活。"
            ),
            "T003"
        )
        .is_empty());
        assert!(found(CLEAN, "T003").is_empty());
    }

    #[test]
    fn t005() {
        assert_eq!(
            found(&with("社区文化活动", "XX社区文化活动"), "T005").len(),
            1
        );
        assert_eq!(
            found(
                &with("全年举办的社区文化演出场次", "请填写指标解释"),
                "T005"
            )
            .len(),
            1
        );
        assert!(found(CLEAN, "T005").is_empty());
    }

    #[test]
    fn t006() {
        let text = with("合计20万元", "合計20万元");
        let f = found(&text, "T006");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("計→计"));
        let doc = crate::rules::check(&text, &Default::default());
        let fix = doc.forms[0]
            .diagnostics
            .iter()
            .find(|d| d.code() == "T006")
            .unwrap()
            .fix
            .clone()
            .unwrap();
        assert!(fix.replacement.contains("合计20万元"));
        assert!(found(CLEAN, "T006").is_empty());
    }
}
