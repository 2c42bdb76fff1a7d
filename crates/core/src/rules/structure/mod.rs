//! S — structure: the shape of the form. S001–S004 and S006 word what the parser could not place
//! or did not find (`parse::Issue`): text outside any form (S001), a required field of the form's
//! template absent or empty (S002), no indicator row (S003), content it could not place (S004),
//! a paste that ends in the middle of an indicator row (S006, from `IssueKind::TableCutOff`).
//! S005 looks at the values of the fields (an option list left with no choice made).

family! {
    s001_text_outside_form,
    s002_required_field_missing,
    s003_indicator_table_missing,
    s004_unrecognized_content,
    s005_option_left_unselected,
    s006_indicator_table_cut_off,
}
