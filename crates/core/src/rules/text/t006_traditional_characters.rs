//! T006 traditional-characters: Traditional characters in Simplified text (`共計`), with a safe
//! fix to Simplified.

use super::pieces;
use crate::text::{excerpt, is_traditional, to_simplified};
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "T006",
        name: "traditional-characters",
        severity: Severity::Warning,
        category: Category::Text,
        dimension: Dimension::Completeness,
        fix: FixKind::Safe,
        title_zh: "含有繁体字",
        title_en: "Traditional characters",
        doc: RuleDoc {
            catches_zh: "简体文本中夹有繁体字（如“共計”）。",
            catches_en: "Traditional characters in Simplified text (`共計`).",
            why_zh: "繁简混用多来自从其他系统复制，容易造成检索和汇总时的不一致；改为简体不改变含义。",
            why_en: "Mixed scripts usually come from copying between systems and break search and aggregation; converting changes no meaning.",
            source: "《通用规范汉字表》",
            bad_example: "测算依据:\t共計20萬元",
            good_example: "测算依据:\t共计20万元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in pieces(ctx) {
        let trad: Vec<char> = {
            let mut v: Vec<char> = p.text.chars().filter(|&c| is_traditional(c)).collect();
            v.dedup();
            v
        };
        if trad.is_empty() {
            continue;
        }
        let pairs: Vec<String> = trad
            .iter()
            .map(|&c| format!("{c}→{}", to_simplified(c)))
            .collect();
        let raw = p.span.text(ctx.text);
        out.push(
            Diagnostic::new(
                &INFO,
                p.span,
                Message::new(
                    format!("含有繁体字（{}）：「{}」", pairs.join("，"), excerpt(p.text, 20)),
                    format!(
                        "Traditional characters ({}): \"{}\"",
                        pairs.join(", "),
                        excerpt(p.text, 20)
                    ),
                ),
            )
            .with_fix(
                Message::new("改为简体字", "Use Simplified characters"),
                p.span,
                raw.chars().map(to_simplified).collect::<String>(),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_with_a_safe_fix() {
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
    }

    #[test]
    fn quiet_on_characters_that_are_the_same_in_both() {
        assert!(found(&with("合计20万元", "合计二十万元"), "T006").is_empty());
    }
}
