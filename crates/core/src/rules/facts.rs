//! What the rules of one form share, computed once: the effective amount unit (after A001's
//! verdict), the year amount in 万元, the 测算依据 read into amounts, and each indicator's parsed
//! value and expected kind.

use crate::calc::{self, supports, CalcBasis};
use crate::count::{self, Bound, Thing};
use crate::model::{AmountUnit, Document, FieldKey, Form, FormKind, Text};
use crate::span::Span;
use crate::text::similarity::similar_at_least;
use crate::value::{expected_kind, parse_value, Expected, Op, ParsedValue, ValueKind};

/// The facts of one form.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The unit the amounts are really in: the label's, or 元 when A001 finds the label wrong.
    pub unit: Option<AmountUnit>,
    /// A001's verdict: the label says 万元 but the numbers are 元.
    pub wan_mislabeled: bool,
    pub calc: Option<CalcBasis>,
    pub values: Vec<ParsedValue>,
    pub expected: Vec<Expected>,
    pub budget_year: Option<u16>,
    /// 测算依据 at least 90 % similar to 政策依据 (T002 and A010 both ask).
    pub calc_repeats_policy: bool,
}

/// Where a counted quantity is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The 年度目标 (or one of a department form's numbered goals).
    Goal,
    /// The 测算依据.
    Basis,
    /// The value of the indicator of this index, counted by its name.
    Indicator(usize),
}

impl Source {
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Source::Goal => ("年度目标", "the annual goal"),
            Source::Basis => ("测算依据", "the calculation basis"),
            Source::Indicator(_) => ("指标值", "an indicator value"),
        }
    }
}

/// One counted quantity of a form (`采购10台台式电脑`; an indicator `采购电脑数量 ≥8台`).
#[derive(Debug, Clone)]
pub struct Mention {
    pub source: Source,
    /// The number and its measure word in the paste.
    pub span: Span,
    /// As written (`10台`, `≥8台`).
    pub written: String,
    pub number: f64,
    /// The measure word as compared (`次` for `场`).
    pub measure: &'static str,
    pub bound: Bound,
    /// What is counted: the words around the number (`before|after`), or the indicator's name.
    pub object: String,
    /// The object read for matching.
    pub thing: Thing,
    /// A year of the sentence, other than the budget year: the count is of another year.
    pub other_year: bool,
    /// The clause it is written in (the indicator's name and value for an indicator), for
    /// messages, and its place.
    pub words: String,
    pub clause: Span,
    /// The sentence it is written in.
    pub sentence: Span,
}

/// The counts of a form's goals, basis and indicator values (T004 and I008 both read them; the
/// checker computes them once per form, for its Ctx, apart from Facts, which the page's
/// structure view also reads).
pub(crate) fn mentions(
    src: &str,
    form: &Form,
    values: &[ParsedValue],
    budget_year: Option<u16>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut texts: Vec<(Source, &Text)> = Vec::new();
    if let Some(f) = form.field(FieldKey::AnnualGoal) {
        texts.push((Source::Goal, &f.value));
    }
    texts.extend(form.goals.iter().map(|g| (Source::Goal, g)));
    if let Some(f) = form.field(FieldKey::CalcBasis) {
        texts.push((Source::Basis, &f.value));
    }
    for (source, text) in texts {
        let t = text.text.as_str();
        for c in count::counts(t) {
            if c.per {
                continue;
            }
            let (before, after) = c.context(t);
            out.push(Mention {
                source,
                span: text.sub(src, c.range.clone()),
                written: t[c.range.clone()].to_string(),
                number: c.number,
                measure: c.measure,
                bound: c.bound,
                thing: Thing::of(&format!("{before}|{after}")),
                object: format!("{before}|{after}"),
                other_year: c.year.is_some_and(|y| Some(y) != budget_year),
                words: t[c.clause.clone()].trim().to_string(),
                clause: text.sub(src, c.clause.clone()),
                sentence: text.sub(src, c.sentence.clone()),
            });
        }
    }
    for (n, (ind, v)) in form.indicators.iter().zip(values).enumerate() {
        if !ind.applicable || !matches!(v.kind, ValueKind::Number | ValueKind::Duration) {
            continue;
        }
        let Some(number) = v.number else { continue };
        let measure = match ind.unit_text() {
            Some(u) => count::measure_of_unit(&u),
            None => count::measure_of_name(&ind.name.text),
        };
        let Some(measure) = measure else { continue };
        if !v.prefix.is_empty() || ind.value.text.contains(['/', '／']) {
            // 每季度1次, 12次/人: a rate.
            continue;
        }
        let bound = match (v.approx, v.op) {
            (Some(_), _) => Bound::About,
            (None, Some(Op::Ge | Op::Gt)) => Bound::AtLeast,
            (None, Some(Op::Le | Op::Lt)) => Bound::AtMost,
            (None, _) => Bound::Exact,
        };
        out.push(Mention {
            source: Source::Indicator(n),
            span: ind.value.span,
            written: ind.stated_value(),
            number,
            measure,
            bound,
            thing: Thing::of(&ind.name.text),
            object: ind.name.text.clone(),
            other_year: false,
            words: format!("{}{}", ind.name.text, ind.stated_value()),
            clause: ind.span,
            sentence: ind.span,
        });
    }
    out
}

impl Facts {
    pub fn new(text: &str, form: &Form, budget_year: Option<u16>) -> Facts {
        let calc = form
            .field(FieldKey::CalcBasis)
            .filter(|f| !f.value.text.is_empty())
            .map(|f| calc::extract(f.value.span.text(text), f.value.span.start));
        let wan_mislabeled = wan_mislabeled(form, calc.as_ref());
        let unit = if wan_mislabeled {
            Some(AmountUnit::Yuan)
        } else {
            form.amount_unit
        };
        let values: Vec<ParsedValue> = form
            .indicators
            .iter()
            .map(|i| parse_value(&i.stated_value()))
            .collect();
        Facts {
            unit,
            wan_mislabeled,
            calc,
            values,
            expected: form
                .indicators
                .iter()
                .map(|i| expected_kind(&i.name.text))
                .collect(),
            budget_year,
            calc_repeats_policy: match (
                form.text(FieldKey::PolicyBasis),
                form.text(FieldKey::CalcBasis),
            ) {
                (Some(p), Some(c)) => similar_at_least(p, c, 0.9),
                _ => false,
            },
        }
    }

    /// A header amount converted to 万元 with the effective unit.
    pub fn wan(&self, form: &Form, key: FieldKey) -> Option<f64> {
        let a = form.amount(key)?;
        Some(a * self.unit?.in_yuan() / 10_000.0)
    }
}

/// A001's verdict, shared by all amount rules: the label says 万元 but the numbers are 元.
/// Evidence: a 测算依据 total that matches the 元 reading and not the 万元 one; without such
/// evidence, a year amount of 1亿元 or more labelled 万元 (10,000 万元 and up).
fn wan_mislabeled(form: &Form, calc: Option<&CalcBasis>) -> bool {
    if form.amount_unit != Some(AmountUnit::WanYuan) || form.kind != FormKind::Project {
        return false;
    }
    let Some(y) = form
        .amount(FieldKey::YearAmount)
        .or_else(|| form.amount(FieldKey::TotalAmount))
    else {
        return false;
    };
    if let Some(calc) = calc {
        let wan = |i: usize| calc.amounts[i].wan();
        if supports(calc, &wan, y) {
            return false;
        }
        if supports(calc, &wan, y / 10_000.0) {
            return true;
        }
    }
    y >= 10_000.0
}

/// What a form rule sees.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub form: &'a Form,
    pub facts: &'a Facts,
    /// The counted quantities of the form ([`mentions`]).
    pub mentions: &'a [Mention],
}

impl Ctx<'_> {
    /// Whether the paste ends inside the form's indicator table (S006): rows after the cut are
    /// not in the paste, so what the table lacks is not known.
    pub fn table_cut_off(&self) -> bool {
        self.form.diagnostics.iter().any(|d| d.code() == "S006")
    }
}

/// What a rule across the forms of a paste sees.
pub(crate) struct PasteCtx<'a> {
    pub doc: &'a Document,
}

/// The budget year of a paste when the user gives none: a year printed under a title
/// (`（2026年度）`), else the newest year segment of the project codes (new projects get a code
/// of the budget year), else the year most often written in 测算依据 and 年度目标.
pub(crate) fn detect_budget_year(doc: &Document) -> Option<u16> {
    if let Some(y) = doc.forms.iter().find_map(|f| f.budget_year) {
        return Some(y);
    }
    let from_codes = doc
        .forms
        .iter()
        .filter_map(|f| f.text(FieldKey::Code))
        .filter(|c| c.len() >= 8 && c.is_ascii())
        .filter_map(|c| c[6..8].parse::<u16>().ok())
        .filter(|y| (10..=60).contains(y))
        .max()
        .map(|y| 2000 + y);
    let mut counts = std::collections::HashMap::<u16, usize>::new();
    for f in &doc.forms {
        for key in [FieldKey::CalcBasis, FieldKey::AnnualGoal] {
            if let Some(t) = f.text(key) {
                for (r, y) in count::years(t) {
                    if t[r.end..].starts_with('年') {
                        *counts.entry(y).or_default() += 1;
                    }
                }
            }
        }
    }
    let from_text = counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y);
    match (from_codes, from_text) {
        // A code year older than the text's year is the year the project began.
        (Some(c), Some(t)) => Some(c.max(t)),
        (c, t) => c.or(t),
    }
}
