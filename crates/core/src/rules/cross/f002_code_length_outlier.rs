//! F002 code-length-outlier: a 项目编码 whose length differs from the other codes of its region
//! prefix in the same paste (20 digits among 21-digit siblings). It compares the forms of a
//! paste, so it lives with the rules across forms; its code keeps its F.

use std::collections::HashMap;

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::FieldKey;
use crate::rules::facts::PasteCtx;
use crate::rules::{Check, Placed, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F002",
        name: "code-length-outlier",
        severity: Severity::Error,
        category: Category::Fields,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "项目编码位数异常",
        title_en: "Project code of unusual length",
        doc: RuleDoc {
            catches_zh: "同一次粘贴中，与同一地区前缀的其他编码位数不同的项目编码（例如 21 位编码中夹着 20 位的）。",
            catches_en: "A code whose length differs from the other codes of the same region prefix in the same paste (20 digits among 21-digit siblings).",
            why_zh: "同一地区的项目编码位数固定（深圳为 21 位）；少一位或多一位通常是录入时漏掉或多打了数字。",
            why_en: "Codes of one region have a fixed length (21 digits in Shenzhen); one digit less or more is usually a typing slip.",
            source: "预算系统项目库编码规则",
            bad_example: "二级项目支出绩效目标申报表\n项目编码:\t440304221461500000005\n…\n二级项目支出绩效目标申报表\n项目编码:\t440304221461500000006\n…\n二级项目支出绩效目标申报表\n项目编码:\t44030422146150000007\n…",
            good_example: "项目编码:\t440304221461500000007",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Paste(check),
};

/// Codes whose length differs from the most common length of their region prefix (at least two
/// codes of that length, and more than of any other length).
fn check(ctx: &PasteCtx, out: &mut Vec<Placed>) {
    let doc = ctx.doc;
    let mut lengths: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    let codes: Vec<Option<&str>> = doc
        .forms
        .iter()
        .map(|f| {
            f.text(FieldKey::Code)
                .filter(|c| c.len() >= 6 && c.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    for c in codes.iter().flatten() {
        *lengths
            .entry(&c[..6])
            .or_default()
            .entry(c.len())
            .or_default() += 1;
    }
    for (i, code) in codes.iter().enumerate() {
        let Some(code) = code else { continue };
        let by_len = &lengths[&code[..6]];
        let (&mode, &count) = by_len.iter().max_by_key(|&(l, n)| (n, l)).unwrap();
        let unique_mode = by_len.values().filter(|&&n| n == count).count() == 1;
        if code.len() != mode && count >= 2 && unique_mode {
            let span = doc.forms[i]
                .field(FieldKey::Code)
                .map(|f| f.value.span)
                .unwrap_or_default();
            out.push((
                Some(i),
                Diagnostic::new(
                    &INFO,
                    span,
                    Message::new(
                        format!(
                            "项目编码「{code}」为 {} 位，同一地区（{}）的其他 {count} 个编码为 {mode} 位",
                            code.len(),
                            &code[..6]
                        ),
                        format!(
                            "Project code {code} has {} digits; {count} other codes of region {} have {mode}",
                            code.len(),
                            &code[..6]
                        ),
                    ),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, CLEAN};

    fn other(code: &str, name: &str) -> String {
        CLEAN
            .replace("440304231460100205000", code)
            .replace("社区文化活动", name)
    }

    #[test]
    fn fires_on_a_short_code_among_longer_ones() {
        let second = other("440304231460100205001", "社区体育活动");
        let third = other("44030423146010020502", "社区读书活动");
        let text = format!("{CLEAN}\n{second}\n{third}");
        let f = found(&text, "F002");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("为 20 位") && f[0].1.contains("为 21 位"));
    }

    #[test]
    fn quiet_without_a_majority() {
        let second = other("440304231460100205001", "社区体育活动");
        let third = other("44030423146010020502", "社区读书活动");
        // Two codes of different lengths: no majority, no finding.
        assert!(found(&format!("{CLEAN}\n{third}"), "F002").is_empty());
        assert!(found(&format!("{CLEAN}\n{second}"), "F002").is_empty());
    }
}
