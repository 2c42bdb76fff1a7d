//! S — structure: the shape of the form. S001–S004 word what the parser could not place or did
//! not find (`parse::Issue`); S005 looks at the values of the fields.

family! {
    s001_text_outside_form,
    s002_required_field_missing,
    s003_indicator_table_missing,
    s004_unrecognized_content,
    s005_option_left_unselected,
    s006_indicator_table_cut_off,
}
