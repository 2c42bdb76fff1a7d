//! V — indicator values: each applicable indicator's value, read once (`Facts::values`) into
//! operator, number, unit, date or words, against what its name calls for.

use crate::diagnostic::{Diagnostic, Message, RuleInfo};
use crate::model::Indicator;
use crate::rules::facts::Ctx;
use crate::value::{is_not_applicable, Expected, ParsedValue, ValueKind};

family! {
    v001_value_empty_or_placeholder,
    v002_value_missing_operator,
    v003_value_missing_unit,
    v004_percent_out_of_range,
    v005_rate_as_bare_one,
    v006_value_type_mismatch,
    v007_qualitative_not_graded,
    v008_timeliness_not_measurable,
    v009_approximate_value,
    v010_cost_direction,
    v011_date_outside_period,
    v012_value_mixed_text,
    v013_satisfaction_band,
    v014_annual_exceeds_medium_term,
    v015_operator_contradicts_value,
}

/// One applicable indicator with its value read.
pub(crate) struct Row<'a> {
    pub ind: &'a Indicator,
    pub v: &'a ParsedValue,
    pub expected: Expected,
}

impl Row<'_> {
    pub fn name(&self) -> &str {
        &self.ind.name.text
    }

    pub fn value(&self) -> &str {
        &self.ind.value.text
    }

    /// An empty value or a placeholder (`*`, `XX`, `(≥**%)`): V001's, and no other V rule's.
    pub fn is_placeholder(&self) -> bool {
        matches!(self.v.kind, ValueKind::Empty | ValueKind::Placeholder)
            || self.value().contains("**")
            || self.value().contains("××")
    }

    /// A bare `1`: on a rate it means 100% (V005).
    pub fn bare_one(&self) -> bool {
        self.v.kind == ValueKind::Number
            && self.v.unit.is_none()
            && self.v.number == Some(1.0)
            && self.v.prefix.is_empty()
    }

    /// The form has a 计量单位 column, filled for this row.
    pub fn has_unit_column(&self) -> bool {
        self.ind
            .unit
            .as_ref()
            .is_some_and(|u| !u.text.is_empty() && !is_not_applicable(&u.text))
    }

    /// Words before the number that are no part of how it is counted (`好评率100%`): V012's,
    /// and V002 then stays quiet.
    pub fn prefix_is_words(&self) -> bool {
        let prefix = &self.v.prefix;
        !prefix.is_empty()
            && prefix
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !ALLOWED_PREFIX
                .iter()
                .any(|p| prefix == p || prefix.starts_with('每'))
    }

    /// A finding of `rule` on this row's value.
    pub fn finding(&self, rule: &'static RuleInfo, message: Message) -> Diagnostic {
        Diagnostic::new(rule, self.ind.value.span, message)
    }

    /// The value without a final full stop.
    pub fn plain(&self) -> &str {
        self.value().trim_end_matches(['。', '.'])
    }
}

/// Words before a number that belong to how the value is counted, not to a name.
const ALLOWED_PREFIX: &[&str] = &[
    "每",
    "每年",
    "每月",
    "每季度",
    "每季",
    "每周",
    "每天",
    "每日",
    "全年",
    "年均",
    "月均",
    "日均",
    "累计",
    "第",
    "至少",
    "不少于",
    "完成",
    "达到",
    "共",
    "年度",
    "季度",
];

/// Every applicable indicator of the form, with its value read.
pub(crate) fn all_rows<'a>(ctx: &'a Ctx) -> impl Iterator<Item = Row<'a>> {
    ctx.form
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, ind)| ind.applicable)
        .map(|(n, ind)| Row {
            ind,
            v: &ctx.facts.values[n],
            expected: ctx.facts.expected[n],
        })
}

/// The rows the V rules other than V001 look at: applicable, with a value that is no placeholder.
pub(crate) fn rows<'a>(ctx: &'a Ctx) -> impl Iterator<Item = Row<'a>> {
    all_rows(ctx).filter(|r| !r.is_placeholder())
}

#[cfg(test)]
pub(crate) mod tests {
    /// The clean form's count and rate rows (see `rules::testing::CLEAN`).
    pub(crate) const SHOWS: &str = "举办演出场次\t≥10场";
    pub(crate) const RATE: &str = "演出验收合格率\t≥95%";
}
