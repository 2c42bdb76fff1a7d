//! X — across the forms of one paste, and F002, which compares the codes of a paste; X003, the
//! consistency of one form's new-project flag with its code and text, is a form rule.

family! {
    f002_code_length_outlier,
    x001_unit_name_inconsistent,
    x002_duplicate_code,
    x003_new_flag_inconsistent,
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::rules::testing::CLEAN;

    /// Another form like the clean one, with its own code and unit.
    pub(crate) fn second(code: &str, unit: &str) -> String {
        CLEAN
            .replace("440304231460100205000", code)
            .replace("社区文化活动", "社区体育活动")
            .replace("深圳市福田区文化事务中心", unit)
    }
}
