//! The reviewer's side: a grade per form in the terms of 财预〔2015〕88号 (`grade`), and what
//! changed between a form and its resubmission (`compare`). Both read checked documents; no rule
//! reads them.

pub mod compare;
pub mod grade;

/// Every page of `site/rules/`: (file name, content): the rule pages, the index, the style sheet
/// and the grading formula (`grading.html`). `cargo xtask codegen` writes them.
pub fn site_files() -> Vec<(String, String)> {
    let mut files = crate::rules::docs::rule_files();
    files.push(("grading.html".to_string(), grade::grading_page()));
    files
}
