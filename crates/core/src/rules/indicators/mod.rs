//! I — the indicator framework: which categories a form has, and what its indicators are named.

use crate::model::{Indicator, Level2};

family! {
    i001_mandatory_category_empty,
    i002_level1_missing,
    i003_indicator_misplaced,
    i004_duplicate_indicator,
    i005_indicator_name_placeholder,
    i006_cost_indicator_not_cost,
    i007_too_few_indicators,
    i008_goal_without_indicator,
    i009_weights_do_not_sum,
}

/// Names that measure spending progress, not cost.
const PROGRESS_WORDS: &[&str] = &[
    "支出进度",
    "预算执行",
    "资金支付",
    "支付进度",
    "执行率",
    "资金到位",
    "拨付率",
    "支出率",
];

/// Whether a cost indicator measures spending progress: I006 fires on it, and V010 (a cost with
/// ≥) stays quiet there, one problem, one finding.
pub(crate) fn measures_progress(i: &Indicator) -> bool {
    i.level2 == Some(Level2::Cost) && PROGRESS_WORDS.iter().any(|w| i.name.text.contains(w))
}
