//! F001 code-malformed: a 项目编码 with non-digits, spaces or full-width digits.

use crate::diagnostic::{Category, Dimension, Diagnostic, FixKind, Message, RuleDoc, RuleInfo, Severity};
use super::project_field;
use crate::model::FieldKey;
use crate::rules::facts::Ctx;
use crate::rules::{Check, Rule};
use crate::text::to_half_width;

pub(crate) static INFO: RuleInfo = RuleInfo {
        code: "F001",
        name: "code-malformed",
        severity: Severity::Error,
        category: Category::Fields,
        dimension: Dimension::Completeness,
        fix: FixKind::Safe,
        title_zh: "项目编码格式错误",
        title_en: "Malformed project code",
        doc: RuleDoc {
            catches_zh: "项目编码中含有非数字字符、空格或全角数字。",
            catches_en: "A project code with non-digits, spaces or full-width digits.",
            why_zh: "项目编码是预算系统中项目的唯一标识，只能由半角数字组成；带空格或全角数字的编码无法匹配到预算项目。",
            why_en: "The code identifies the project in the budget system and consists of half-width digits only; with spaces or full-width digits it matches no budget line.",
            source: "预算系统项目库编码规则",
            bad_example: "项目编码:\t４４０３０４２３１４６０１００２０５０００",
            good_example: "项目编码:\t440304231460100205000",
        },
};

pub(crate) static RULE: Rule = Rule {
    info: &INFO,
    check: Check::Form(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(f) = project_field(ctx, FieldKey::Code) else {
        return;
    };
    let code = &f.value.text;
    if code.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    let fixed: String = code
        .chars()
        .map(to_half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    let d = Diagnostic::new(
        &INFO,
        f.value.span,
        Message::new(
            format!("项目编码「{code}」含有非数字字符、空格或全角数字"),
            format!("Project code \"{code}\" holds non-digits, spaces or full-width digits"),
        ),
    );
    // Safe only where the code is digits once half-width (`４４０３…`), not for a letter O.
    out.push(if fixed.chars().all(|c| c.is_ascii_digit()) {
        d.with_fix(
            Message::new("改为半角数字", "Use half-width digits"),
            f.value.span,
            fixed,
        )
    } else {
        d
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{found, with};

    #[test]
    fn fires_with_a_safe_fix_on_full_width_digits() {
        let text = with(
            "440304231460100205000",
            "４４０３０４２３１４６０１００２０５０００",
        );
        assert_eq!(found(&text, "F001").len(), 1);
        let doc = crate::rules::check(&text, &Default::default());
        let fix = doc.forms[0]
            .diagnostics
            .iter()
            .find(|d| d.code() == "F001")
            .unwrap()
            .fix
            .clone()
            .unwrap();
        assert_eq!(fix.replacement, "440304231460100205000");
    }

    #[test]
    fn fires_without_a_fix_on_a_letter() {
        let text = with("440304231460100205000", "4403042314601002050O0");
        assert_eq!(found(&text, "F001").len(), 1);
        let doc = crate::rules::check(&text, &Default::default());
        assert!(doc.forms[0].diagnostics.iter().all(|d| d.fix.is_none()));
    }
}
