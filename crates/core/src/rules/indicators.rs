//! I — the indicator framework: categories present, names, counts.

use super::facts::Ctx;
use crate::diagnostic::{Diagnostic, Message};
use crate::model::{FormKind, Indicator, Level1, Level2};
use crate::parse::vocab::category;

rule!(I001, Indicators, "I001", "mandatory-category-empty", Error, None, "必填指标类别为空", "Mandatory indicator category empty",
    "带星号的必填二级指标（如“*服务对象满意度”）只有“不适用”一行，或者根本没有指标。",
    "A starred (mandatory) 二级 category, e.g. `*服务对象满意度`, whose only row is 不适用, or that has no row.",
    "模板用星号标出每个项目都必须设置的指标类别；填“不适用”等于没有设置，预算系统和评价时都会被认定为缺项。",
    "The template stars the categories every project must set; 不适用 there means the category is missing.",
    "深圳市项目支出绩效目标申报表模板；财预〔2021〕101号",
    "满意度\t*服务对象满意度\t不适用\t不适用\t不适用",
    "满意度\t*服务对象满意度\t参训人员满意度\t≥90%\t满意人数/调查人数×100%");
rule!(I002, Indicators, "I002", "level1-missing", Error, None, "缺少一级指标", "Level-1 category missing",
    "产出、效益或满意度中有一类一级指标完全没有出现。",
    "产出, 效益 or 满意度 absent altogether.",
    "绩效指标体系由产出、效益、满意度（和成本）构成，缺少一整类就无法全面评价项目。",
    "The framework consists of output, benefit and satisfaction (and cost); a missing class leaves the project half-evaluated.",
    "财预〔2021〕101号",
    "（指标表中只有产出指标）",
    "产出…\n效益…\n满意度…");
rule!(I004, Indicators, "I004", "duplicate-indicator", Warning, None, "三级指标重复", "Duplicate indicator",
    "同一张表中出现两个名称相同的三级指标。",
    "The same 三级 name twice in one form.",
    "重复的指标不提供新的信息，常见于复制粘贴时忘记修改，或把同一指标放进了两个类别。",
    "A repeated indicator adds nothing; it is usually a copy-paste left unedited or one indicator put in two categories.",
    "财预〔2021〕101号（高度关联、重点突出）",
    "效益\t*社会效益\t工作正常运行率\t1\n效益\t可持续影响\t工作正常运行率\t1",
    "效益\t*社会效益\t工作正常运行率\t100%\n效益\t可持续影响\t制度长效运行机制建立\t建立");
rule!(I005, Indicators, "I005", "indicator-name-placeholder", Error, None, "三级指标名称为占位文字", "Placeholder indicator name",
    "三级指标名称是类别名称、“指标1”、“……”之类的占位文字。",
    "A 三级 name that is a category label, `指标1`, `……` or another placeholder.",
    "三级指标要写明具体衡量什么；占位文字说明模板没有填完。",
    "A 三级 indicator must say what it measures; a placeholder means the template was not filled in.",
    "财预〔2021〕101号",
    "产出\t*数量\t指标1\t≥5项",
    "产出\t*数量\t培训场次\t≥5场");
rule!(I006, Indicators, "I006", "cost-indicator-not-cost", Warning, None, "成本指标未衡量成本", "Cost indicator does not measure cost",
    "*成本指标下填的是支出进度、预算执行率之类的进度指标，而不是成本。",
    "A *成本 indicator that measures spending progress (支出进度达标率, 预算执行率) instead of cost.",
    "成本指标应反映项目的经济成本（如单位成本、总成本控制），支出进度是预算执行管理的内容，不能代替成本指标。",
    "Cost indicators measure economic cost (unit cost, total cost control); spending progress belongs to budget execution and does not replace them.",
    "财预〔2021〕101号（成本指标）",
    "产出\t*成本\t支出进度达标率\t≥90%",
    "产出\t*成本\t人均培训成本\t≤800元");
rule!(
    I007,
    Indicators,
    "I007",
    "too-few-indicators",
    Warning,
    None,
    "适用指标过少",
    "Too few indicators",
    "适用的指标（不含“不适用”）少于 3 个。",
    "Fewer than 3 applicable indicators.",
    "少于 3 个指标无法覆盖产出、效益和满意度，绩效目标难以评价。",
    "Fewer than three indicators cannot cover output, benefit and satisfaction.",
    "财预〔2021〕101号",
    "（只有一个“完成率 100%”指标，其余均为不适用）",
    "产出、效益、满意度各至少一个指标"
);

/// The mandatory 二级 categories of the Shenzhen template (starred), used when a form has no star.
const DEFAULT_MANDATORY: [Level2; 6] = [
    Level2::Quantity,
    Level2::Quality,
    Level2::Timeliness,
    Level2::Cost,
    Level2::SocialBenefit,
    Level2::ServiceSatisfaction,
];

/// Names that measure spending progress, not cost.
const PROGRESS_WORDS: &[&str] = &[
    "支出进度",
    "预算执行",
    "资金支付",
    "支付进度",
    "执行率",
    "资金到位",
    "拨付率",
    "支出率",
];

fn is_placeholder_name(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if n.is_empty() {
        return false;
    }
    let cat = category(&n);
    if cat.level1.is_some() || cat.level2.is_some() {
        return true;
    }
    let without_digits = n.trim_end_matches(|c: char| c.is_ascii_digit());
    matches!(
        without_digits,
        "指标" | "三级指标" | "指标名称" | "xx" | "XX" | "××"
    ) || n.chars().all(|c| {
        matches!(
            c,
            '…' | '.' | '。' | '*' | '-' | '—' | '/' | 'x' | 'X' | '×'
        )
    })
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if form.indicators.is_empty() {
        return;
    }
    let anchor = form.indicators[0].span;
    let applicable: Vec<&Indicator> = form.applicable_indicators().collect();

    // I001: mandatory categories with no applicable row.
    let starred: Vec<Level2> = {
        let mut v: Vec<Level2> = form
            .indicators
            .iter()
            .filter(|i| i.mandatory)
            .filter_map(|i| i.level2.clone())
            .collect();
        v.dedup();
        v
    };
    // Project forms: the template's starred categories, whether or not the form kept its stars;
    // department forms: the categories the form itself stars.
    let mut mandatory: Vec<Level2> = if form.kind == FormKind::Project {
        DEFAULT_MANDATORY.to_vec()
    } else {
        Vec::new()
    };
    mandatory.extend(starred);
    let mut seen = Vec::new();
    for l2 in mandatory {
        if seen.contains(&l2) {
            continue;
        }
        seen.push(l2.clone());
        let satisfied = applicable.iter().any(|i| i.level2.as_ref() == Some(&l2))
            // 101号 forms set cost under its own 一级 (经济成本 …).
            || (l2 == Level2::Cost && applicable.iter().any(|i| i.level1 == Some(Level1::Cost)));
        if satisfied {
            continue;
        }
        let rows: Vec<&Indicator> = form
            .indicators
            .iter()
            .filter(|i| i.level2.as_ref() == Some(&l2))
            .collect();
        let span = rows.first().map_or(anchor, |r| r.span);
        let (zh, en) = if rows.is_empty() {
            (
                format!("必填指标类别「*{}」没有设置任何指标", l2.name()),
                format!("Mandatory category *{} has no indicator", l2.name()),
            )
        } else {
            (
                format!("必填指标类别「*{}」只填了“不适用”", l2.name()),
                format!("Mandatory category *{} is only 不适用", l2.name()),
            )
        };
        out.push(Diagnostic::new(&I001, span, Message::new(zh, en)));
    }

    // I002
    if form.kind == FormKind::Project {
        for l1 in [Level1::Output, Level1::Benefit, Level1::Satisfaction] {
            if !form.indicators.iter().any(|i| i.level1 == Some(l1)) {
                out.push(Diagnostic::new(
                    &I002,
                    anchor,
                    Message::new(
                        format!("指标表中没有「{}」类一级指标", l1.as_str()),
                        format!("No {} indicators in the table", l1.label_en()),
                    ),
                ));
            }
        }
    }

    // I004
    for (n, i) in applicable.iter().enumerate() {
        if let Some(first) = applicable[..n]
            .iter()
            .find(|p| p.name.text == i.name.text && !i.name.text.is_empty())
        {
            out.push(
                Diagnostic::new(
                    &I004,
                    i.name.span,
                    Message::new(
                        format!("三级指标「{}」重复出现", i.name.text),
                        format!("Indicator \"{}\" appears twice", i.name.text),
                    ),
                )
                .with_related(
                    first.name.span,
                    Message::new("第一次出现", "first occurrence"),
                ),
            );
        }
    }

    for i in &applicable {
        // I005
        if is_placeholder_name(&i.name.text) {
            out.push(Diagnostic::new(
                &I005,
                i.name.span,
                Message::new(
                    format!("三级指标名称「{}」是占位文字或类别名称", i.name.text),
                    format!(
                        "Indicator name \"{}\" is a placeholder or a category",
                        i.name.text
                    ),
                ),
            ));
        }
        // I006
        if i.level2 == Some(Level2::Cost) && PROGRESS_WORDS.iter().any(|w| i.name.text.contains(w))
        {
            out.push(Diagnostic::new(
                &I006,
                i.name.span,
                Message::new(
                    format!("成本指标「{}」衡量的是支出进度，不是成本；应设置如单位成本、总成本控制等指标", i.name.text),
                    format!("Cost indicator \"{}\" measures spending progress, not cost", i.name.text),
                ),
            ));
        }
    }

    // I007
    if applicable.len() < 3 {
        out.push(Diagnostic::new(
            &I007,
            anchor,
            Message::new(
                format!("只有 {} 个适用的绩效指标（少于 3 个）", applicable.len()),
                format!(
                    "Only {} applicable indicators (fewer than 3)",
                    applicable.len()
                ),
            ),
        ));
    }
}

/// Whether I006 fires on an indicator (V010 stays quiet there: one problem, one finding).
pub fn measures_progress(i: &Indicator) -> bool {
    i.level2 == Some(Level2::Cost) && PROGRESS_WORDS.iter().any(|w| i.name.text.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with, CLEAN};

    #[test]
    fn i001() {
        let text = with(
            "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%",
            "满意度\t*服务对象满意度\t不适用\t不适用\t不适用",
        );
        let f = found(&text, "I001");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("*服务对象满意度"));
        let gone = with(
            "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%\n",
            "",
        );
        assert!(found(&gone, "I001")[0].1.contains("没有设置任何指标"));
        assert!(found(CLEAN, "I001").is_empty());
        // An unstarred category may be 不适用.
        let other = format!("{CLEAN}满意度\t其他满意度\t不适用\t不适用\t不适用\n");
        assert!(found(&other, "I001").is_empty());
    }

    #[test]
    fn i002() {
        let text = with(
            "满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%\n",
            "",
        );
        assert!(found(&text, "I002")[0].1.contains("满意度"));
        assert!(found(CLEAN, "I002").is_empty());
    }

    #[test]
    fn i004() {
        let text = with("覆盖居民人次\t≥5000人次", "举办演出场次\t≥5000人次");
        assert_eq!(found(&text, "I004").len(), 1);
        assert!(found(CLEAN, "I004").is_empty());
    }

    #[test]
    fn i005() {
        assert_eq!(found(&with("举办演出场次", "指标1"), "I005").len(), 1);
        assert_eq!(found(&with("举办演出场次", "数量指标"), "I005").len(), 1);
        assert!(found(CLEAN, "I005").is_empty());
    }

    #[test]
    fn i006() {
        let text = with("演出场均成本\t≤1.5万元", "支出进度达标率\t≥90%");
        assert_eq!(found(&text, "I006").len(), 1);
        assert!(
            found(&text, "V010").is_empty(),
            "one finding for one problem"
        );
        assert!(found(CLEAN, "I006").is_empty());
    }

    #[test]
    fn i007() {
        let few = "二级项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\t指标解释\n产出\t*数量\t举办演出场次\t≥10场\t全年场次\n效益\t*社会效益\t不适用\t不适用\t不适用\n";
        assert!(found(few, "I007")[0].1.contains("只有 1 个"));
        assert!(found(CLEAN, "I007").is_empty());
    }
}
