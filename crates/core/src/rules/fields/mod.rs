//! F — header field values, one form at a time. (F002 compares the codes of a whole paste and
//! lives with the rules across forms, in `cross/`.)

use crate::model::{Field, FieldKey, FormKind};
use crate::rules::facts::Ctx;

family! {
    f001_code_malformed,
    f003_years_invalid,
    f004_enum_value_invalid,
    f005_policy_basis_no_citation,
    f006_goal_too_short,
    f007_period_inconsistent,
}

/// A filled header field of a project form: what the F rules look at (a department form's
/// fields are others).
pub(crate) fn project_field<'a>(ctx: &Ctx<'a>, key: FieldKey) -> Option<&'a Field> {
    let form = ctx.form;
    if form.kind != FormKind::Project {
        return None;
    }
    form.field(key).filter(|f| !f.value.text.is_empty())
}
