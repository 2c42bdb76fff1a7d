//! A suggested grade per form: 优 / 良 / 中 / 差, with a score for each of the four things
//! 财预〔2015〕88号 has a reviewer judge (完整性, 相关性, 适当性, 可行性).
//!
//! The formula (documented for users on the page `rules/grading.html`, and adjustable through
//! [`GradeOptions`]):
//!
//! 1. Each rule bears on one dimension (`RuleInfo::dimension`). Each dimension starts at 100.
//! 2. Each finding of the form takes points off its rule's dimension by its severity (default:
//!    error 15, warning 5, info 1). One rule counts at most `per_rule` times (default 3): the
//!    same mistake made in ten rows is one mistake made often, not ten. A dimension does not go
//!    below 0.
//! 3. The score is the weighted mean of the four (default: equal weights).
//! 4. The grade: 优 from 90, 良 from 80, 中 from 60, else 差. A form whose required content is
//!    missing (S002 a required field, S003 the indicator table) is at best 中: it must be
//!    completed and sent again.

use crate::diagnostic::{Diagnostic, Dimension, Message, Severity};
use crate::model::Form;

/// The four grades of 财预〔2015〕88号, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "wire", serde(rename_all = "lowercase"))]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];

    /// The key in JSON (`excellent` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Fair => "fair",
            Grade::Poor => "poor",
        }
    }

    /// 优, 良, 中, 差 (excellent, good, fair, poor).
    pub fn label(self) -> Message {
        match self {
            Grade::Excellent => Message::new("优", "excellent"),
            Grade::Good => Message::new("良", "good"),
            Grade::Fair => Message::new("中", "fair"),
            Grade::Poor => Message::new("差", "poor"),
        }
    }

    /// What the grade means for the form (财预〔2015〕88号).
    pub fn meaning(self) -> Message {
        match self {
            Grade::Excellent => Message::new(
                "绩效目标设置合理，可直接进入下一步预算安排流程。",
                "The targets are sound; the form can go on to the budget.",
            ),
            Grade::Good => Message::new(
                "绩效目标基本合理，按审核意见修改完善后进入下一步预算安排流程。",
                "The targets are mostly sound; revised as commented, the form goes on to the budget.",
            ),
            Grade::Fair => Message::new(
                "绩效目标存在较多问题，退回单位修改后重新报送审核。",
                "The targets have many problems; the form goes back to the unit to be revised and resubmitted.",
            ),
            Grade::Poor => Message::new(
                "绩效目标存在严重问题，不得进入下一步预算安排流程。",
                "The targets have serious problems; the form may not go on to the budget.",
            ),
        }
    }
}

/// The formula's settings.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "wire", serde(default))]
pub struct GradeOptions {
    /// Points one finding takes off its dimension: error, warning, info.
    pub deduct: [f64; 3],
    /// Findings of one rule counted at most (per form).
    pub per_rule: usize,
    /// Weights of 完整性, 相关性, 适当性, 可行性 in the score.
    pub weights: [f64; 4],
    /// The lowest scores of 优, 良 and 中.
    pub thresholds: [f64; 3],
}

impl Default for GradeOptions {
    fn default() -> Self {
        GradeOptions {
            deduct: [15.0, 5.0, 1.0],
            per_rule: 3,
            weights: [1.0; 4],
            thresholds: [90.0, 80.0, 60.0],
        }
    }
}

/// A form's suggested grade.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct FormGrade {
    pub grade: Grade,
    /// 0–100, one decimal.
    pub score: f64,
    /// Per dimension, in the order of `Dimension::ALL`.
    pub scores: [f64; 4],
    /// Why the grade is lower than the score gives (required content missing).
    pub capped: bool,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The suggested grade of a checked form.
pub fn grade(form: &Form, o: &GradeOptions) -> FormGrade {
    grade_of(&form.diagnostics.iter().collect::<Vec<_>>(), o)
}

/// The grade given by some of a form's findings (those the reviewer did not dismiss).
pub fn grade_of(diagnostics: &[&Diagnostic], o: &GradeOptions) -> FormGrade {
    let mut lost = [0.0f64; 4];
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for d in diagnostics.iter().copied() {
        let code = d.code();
        let n = match seen.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((code, 1));
                1
            }
        };
        if n > o.per_rule {
            continue;
        }
        let points = match d.severity {
            Severity::Error => o.deduct[0],
            Severity::Warning => o.deduct[1],
            Severity::Info => o.deduct[2],
        };
        let i = Dimension::ALL
            .iter()
            .position(|&x| x == d.rule.dimension)
            .unwrap_or(0);
        lost[i] += points;
    }
    let scores = lost.map(|l| round1((100.0 - l).max(0.0)));
    let total: f64 = o.weights.iter().sum();
    let score = if total > 0.0 {
        round1(
            scores
                .iter()
                .zip(o.weights)
                .map(|(s, w)| s * w)
                .sum::<f64>()
                / total,
        )
    } else {
        round1(scores.iter().sum::<f64>() / 4.0)
    };
    let by_score = if score >= o.thresholds[0] {
        Grade::Excellent
    } else if score >= o.thresholds[1] {
        Grade::Good
    } else if score >= o.thresholds[2] {
        Grade::Fair
    } else {
        Grade::Poor
    };
    let incomplete = diagnostics
        .iter()
        .any(|d| matches!(d.code(), "S002" | "S003") && d.severity == Severity::Error);
    let grade = if incomplete {
        by_score.max(Grade::Fair)
    } else {
        by_score
    };
    FormGrade {
        grade,
        score,
        scores,
        capped: grade != by_score,
    }
}

/// The page that documents the formula (`site/rules/grading.html`), with the rules of each
/// dimension and the default settings, generated so that it cannot disagree with the code.
pub fn grading_page() -> String {
    use crate::text::escape;
    let o = GradeOptions::default();
    let mut h = crate::rules::docs::head("评分方法 · kpiform");
    h.push_str("<nav><a href=\"index.html\">规则目录 / All rules</a> · <a href=\"../index.html\">返回检查页面 / Back to the checker</a></nav>\n<main>\n");
    h.push_str("<h1>评分方法 <span class=\"en\">How a form is graded</span></h1>\n");
    h.push_str(&format!(
        "<p>财预〔2015〕88号要求从完整性、相关性、适当性、可行性四个方面审核绩效目标，审核结果分为优、良、中、差四档。kpiform 按下列方法给出每张申报表的建议等级，审核人员可以改定等级并写明理由。</p>\n\
         <p class=\"en\" lang=\"en\">财预〔2015〕88号 has a reviewer judge a target form for completeness, relevance, appropriateness and feasibility, and grade it 优 (excellent), 良 (good), 中 (fair) or 差 (poor). kpiform suggests a grade for each form as follows; the reviewer may set another grade and give the reason.</p>\n\
         <ol>\n<li>每条规则对应一个审核维度（见下表）。每个维度从 100 分起算。<span class=\"en\">Each rule bears on one dimension (table below). Each dimension starts at 100.</span></li>\n\
         <li>表中每个问题从其规则所属维度扣分：错误 {e} 分，警告 {w} 分，提示 {i} 分。同一规则在一张表中最多计 {n} 次（同一错误在十行中出现，是一个错误出现多次）。维度得分最低为 0。<span class=\"en\">Each finding takes points off its rule's dimension: error {e}, warning {w}, info {i}. One rule counts at most {n} times per form. A dimension does not go below 0.</span></li>\n\
         <li>总分是四个维度得分的平均数（默认权重相等，可在设置中调整）。<span class=\"en\">The score is the mean of the four (equal weights by default, adjustable in the settings).</span></li>\n\
         <li>等级：{a} 分及以上为优，{b} 分及以上为良，{c} 分及以上为中，其余为差。缺少必填字段（S002）或绩效指标表（S003）的申报表最高为中：须补充完整后重新报送。<span class=\"en\">Grade: 优 from {a}, 良 from {b}, 中 from {c}, else 差. A form that lacks a required field (S002) or its indicator table (S003) is at best 中: it must be completed and sent again.</span></li>\n</ol>\n",
        e = o.deduct[0],
        w = o.deduct[1],
        i = o.deduct[2],
        n = o.per_rule,
        a = o.thresholds[0],
        b = o.thresholds[1],
        c = o.thresholds[2],
    ));
    h.push_str(
        "<h2>等级的含义 <span class=\"en\">What each grade means</span></h2>\n<table>\n<tbody>\n",
    );
    for g in Grade::ALL {
        let (l, m) = (g.label(), g.meaning());
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}<br><span class=\"en\">{}</span></td></tr>\n",
            escape(&l.zh),
            escape(&m.zh),
            escape(&m.en)
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    for d in Dimension::ALL {
        let name = d.name();
        h.push_str(&format!(
            "<h2>{} <span class=\"en\">{}</span></h2>\n<table>\n<tbody>\n",
            escape(&name.zh),
            escape(&name.en)
        ));
        for r in crate::rules::all().filter(|r| r.dimension == d) {
            h.push_str(&format!(
                "<tr><td><a href=\"{code}.html\"><code>{code}</code></a></td><td class=\"sev-{sev}\">{sevzh}</td><td>{t}<br><span class=\"en\">{te}</span></td></tr>\n",
                code = r.code,
                sev = r.severity.as_str(),
                sevzh = escape(&r.severity.label().zh),
                t = escape(r.title_zh),
                te = escape(r.title_en),
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{with, CLEAN};
    use crate::rules::{check, Options};

    fn graded(text: &str, o: &GradeOptions) -> FormGrade {
        grade(&check(text, &Options::default()).forms[0], o)
    }

    #[test]
    fn a_clean_form_is_excellent() {
        let g = graded(CLEAN, &GradeOptions::default());
        assert_eq!(
            (g.grade, g.score, g.scores, g.capped),
            (Grade::Excellent, 100.0, [100.0; 4], false)
        );
    }

    #[test]
    fn a_finding_lowers_its_dimension() {
        // The 测算依据 no longer adds up (A005, an error bearing on 可行性): 85 there, 96.3 in all.
        let text = with(
            "演出费15万元、宣传费5万元，合计20万元。",
            "演出费15万元、宣传费4万元，合计19万元。",
        );
        let g = graded(&text, &GradeOptions::default());
        assert_eq!(g.scores, [100.0, 100.0, 100.0, 85.0], "{g:?}");
        assert_eq!((g.score, g.grade), (96.3, Grade::Excellent));
        // Weighted towards 可行性 alone, the same form is 良.
        let o = GradeOptions {
            weights: [0.0, 0.0, 0.0, 1.0],
            ..GradeOptions::default()
        };
        assert_eq!(graded(&text, &o).grade, Grade::Good);
    }

    #[test]
    fn missing_required_content_is_at_best_fair() {
        let text = with(
            "年度目标:\t2023年举办社区文化演出10场，覆盖居民5000人次。\n",
            "",
        );
        let g = graded(&text, &GradeOptions::default());
        assert!(g.score >= 80.0, "{g:?}");
        assert_eq!((g.grade, g.capped), (Grade::Fair, true));
    }

    #[test]
    fn one_rule_counts_at_most_per_rule_times() {
        let doc = check(kpiform_testkit::TEXTS[3], &Options::default());
        let few = GradeOptions {
            per_rule: 1,
            ..GradeOptions::default()
        };
        let all = GradeOptions {
            per_rule: usize::MAX,
            ..GradeOptions::default()
        };
        let mut lower = 0;
        for f in &doc.forms {
            let (a, b) = (grade(f, &few), grade(f, &all));
            assert!(a.score >= b.score);
            lower += (a.score > b.score) as usize;
        }
        assert!(lower > 0, "some form repeats a rule");
    }
}
