//! X002 duplicate-code: two forms of a paste with the same 项目编码.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::model::FieldKey;
use crate::rules::facts::PasteCtx;
use crate::rules::{Check, Placed, Rule};
use crate::span::Span;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "X002",
        name: "duplicate-code",
        severity: Severity::Error,
        category: Category::CrossForm,
        dimension: Dimension::Completeness,
        fix: FixKind::None,
        title_zh: "项目编码重复",
        title_en: "Duplicate project code",
        doc: RuleDoc {
            catches_zh: "两张申报表使用了同一个项目编码。",
            catches_en: "Two forms with the same 项目编码.",
            why_zh: "项目编码唯一标识一个预算项目；重复说明有一张表的编码填错，或同一项目重复申报。",
            why_en: "A code identifies one budget project; a duplicate means a wrong code or a project declared twice.",
            source: "预算系统项目库编码规则",
            bad_example: "二级项目支出绩效目标申报表\n项目编码:\t440304221461500000004\n…\n二级项目支出绩效目标申报表\n项目编码:\t440304221461500000004\n…",
            good_example: "二级项目支出绩效目标申报表\n项目编码:\t440304221461500000004\n…\n二级项目支出绩效目标申报表\n项目编码:\t440304221461500000005\n…",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Paste(check),
};

fn check(ctx: &PasteCtx, out: &mut Vec<Placed>) {
    let codes: Vec<(usize, &str, Span)> = ctx
        .doc
        .forms
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.field(FieldKey::Code)
                .filter(|x| !x.value.text.is_empty())
                .map(|x| (i, x.value.text.as_str(), x.value.span))
        })
        .collect();
    for (n, (i, code, span)) in codes.iter().enumerate() {
        if let Some((j, _, first)) = codes[..n].iter().find(|(_, c, _)| c == code) {
            out.push((
                None,
                Diagnostic::new(
                    &INFO,
                    *span,
                    Message::new(
                        format!(
                            "项目编码「{code}」与第 {} 张表重复（本表为第 {} 张）",
                            j + 1,
                            i + 1
                        ),
                        format!(
                            "Project code {code} is also the code of form {} (this is form {})",
                            j + 1,
                            i + 1
                        ),
                    ),
                )
                .with_related(
                    *first,
                    Message::new("同一编码第一次出现", "first use of the code"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::second;
    use crate::rules::testing::{found, CLEAN};

    #[test]
    fn fires_on_the_second_use_of_a_code() {
        let text = format!(
            "{CLEAN}\n{}",
            second("440304231460100205000", "深圳市福田区文化事务中心")
        );
        assert_eq!(found(&text, "X002").len(), 1);
    }

    #[test]
    fn quiet_on_codes_one_apart() {
        let text = format!(
            "{CLEAN}\n{}",
            second("440304231460100205001", "深圳市福田区文化事务中心")
        );
        assert!(found(&text, "X002").is_empty());
    }
}
