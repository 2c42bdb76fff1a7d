//! F — header field values, one form at a time. (F002 compares the codes of a whole paste and
//! lives with the rules across forms, in `cross/`.)

family! {
    f001_code_malformed,
    f003_years_invalid,
    f004_enum_value_invalid,
    f005_policy_basis_no_citation,
    f006_goal_too_short,
}
