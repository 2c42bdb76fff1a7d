//! A009 malformed-number: misplaced thousands separators (`17,10.03万元`) or two decimal points,
//! in the header amounts and in the 测算依据.

use crate::calc::is_malformed_number;
use crate::model::{FieldKey, FormKind};
use crate::span::Span;
use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "A009",
        name: "malformed-number",
        severity: Severity::Error,
        category: Category::Amounts,
        dimension: Dimension::Feasibility,
        fix: FixKind::None,
        title_zh: "数字格式错误",
        title_en: "Malformed number",
        doc: RuleDoc {
            catches_zh: "千分位逗号位置错误（如“17,10.03万元”），或一个数字中有两个小数点。",
            catches_en: "Misplaced thousands separators (`17,10.03万元`) or two decimal points in one number.",
            why_zh: "格式错误的数字含义不明：可能是171,003.00，也可能是1,710.03，测算无法复核。",
            why_en: "A malformed number is ambiguous (171,003.00 or 1,710.03?) and the calculation cannot be verified.",
            source: "预算编制测算要求",
            bad_example: "合同金额为17,10.03万元",
            good_example: "合同金额为1,710.03万元",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn malformed(span: Span, text: &str) -> Diagnostic {
    Diagnostic::new(
        &INFO,
        span,
        Message::new(
            format!("数字「{text}」的千分位或小数点位置错误，含义不明"),
            format!("The number \"{text}\" has misplaced separators or decimal points"),
        ),
    )
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if form.kind != FormKind::Project {
        return;
    }
    let header = [FieldKey::TotalAmount, FieldKey::YearAmount].map(|k| form.field(k));
    for f in header.into_iter().flatten() {
        if is_malformed_number(&f.value.text) {
            out.push(malformed(f.value.span, &f.value.text));
        }
    }
    if let Some(calc) = &ctx.facts.calc {
        for span in &calc.malformed {
            out.push(malformed(*span, span.text(ctx.text)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_on_a_misplaced_separator() {
        assert_eq!(found(&with("演出费15万元", "演出费1,5.00万元"), "A009").len(), 1);
    }

    #[test]
    fn quiet_on_separators_in_their_place() {
        assert!(found(&with("演出费15万元", "演出费150,000.00元"), "A009").is_empty());
    }
}
