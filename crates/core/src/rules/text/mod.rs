//! T — free text: goals, policy and calculation bases, leftovers of the template, Traditional
//! characters.

use crate::rules::facts::Ctx;
use crate::span::Span;
use crate::value::ValueKind;

family! {
    t001_goals_identical,
    t002_policy_equals_calc_basis,
    t003_goal_not_measurable,
    t004_number_conflict,
    t005_template_leftover,
    t006_traditional_characters,
    t007_year_mismatch,
    t008_explanation_mismatch,
}

/// One piece of text of a form: a field's value or an indicator's cell.
pub(crate) struct Piece<'a> {
    pub span: Span,
    pub text: &'a str,
    /// An indicator value that is a placeholder (V001 reports it; T005 leaves it alone).
    pub placeholder_value: bool,
}

/// Every field value and indicator cell (name, value, explanation) of the form, in that order,
/// empty ones left out.
pub(crate) fn pieces<'a>(ctx: &'a Ctx) -> Vec<Piece<'a>> {
    let form = ctx.form;
    let piece = |span, text, placeholder_value| Piece {
        span,
        text,
        placeholder_value,
    };
    let mut out: Vec<Piece> = form
        .fields
        .iter()
        .map(|f| piece(f.value.span, f.value.text.as_str(), false))
        .collect();
    for (n, i) in form.indicators.iter().enumerate() {
        let placeholder = matches!(ctx.facts.values[n].kind, ValueKind::Placeholder);
        out.push(piece(i.name.span, &i.name.text, false));
        out.push(piece(i.value.span, &i.value.text, placeholder));
        out.push(piece(i.explanation.span, &i.explanation.text, false));
    }
    out.retain(|p| !p.text.is_empty());
    out
}
