//! The JSON boundary: the documented output of `kpiform check --format json` (and later of the
//! JavaScript API). These are the only serializable types of the core; the model itself is not,
//! so it can change without breaking consumers. Keys documented here keep their meaning; more
//! keys may be added.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Lang};
use crate::model::{Document, FieldKey, Form, FormKind, Indicator};
use crate::review::{Dispositions, FindingKey};
use crate::span::{LineIndex, Span};

/// `{"tool": …, "inputs": […]}`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub tool: Tool,
    pub inputs: Vec<Input>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "kpiform",
            version: crate::VERSION,
        }
    }
}

/// One checked input (a file, or standard input as `-`).
#[derive(Debug, Serialize)]
pub struct Input {
    pub path: String,
    /// The budget year the rules used (given or detected).
    pub budget_year: Option<u16>,
    pub forms: Vec<FormJson>,
    /// Diagnostics not tied to one form (S001, X…).
    pub diagnostics: Vec<DiagnosticJson>,
    /// What the cleaned export changed (only in `kpiform export --format json`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeJson>,
}

/// One change of the cleaned export: a fix or a normalization.
#[derive(Debug, Serialize)]
pub struct ChangeJson {
    pub code: &'static str,
    pub description: String,
    pub line: usize,
    pub column: usize,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Serialize)]
pub struct FormJson {
    pub kind: &'static str,
    pub title: String,
    /// The template family the form was read as (`template::TEMPLATES`, docs/templates.md).
    pub template: &'static str,
    /// The file the form came from, in a paste of several files (its line `【文件：…】`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub start_line: usize,
    pub end_line: usize,
    pub budget_year: Option<u16>,
    pub fields: FieldsJson,
    pub indicators: Vec<IndicatorJson>,
    /// The rows of a separate medium- or long-term indicator table (长期绩效指标), when the form
    /// has one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub medium_indicators: Vec<IndicatorJson>,
    /// The suggested grade (财预〔2015〕88号; the formula: rules/grading.html).
    pub grade: GradeJson,
    /// The score of each review dimension, 0–100.
    pub scores: ScoresJson,
    pub diagnostics: Vec<DiagnosticJson>,
}

#[derive(Debug, Serialize)]
pub struct GradeJson {
    /// `excellent`, `good`, `fair` or `poor`.
    pub level: &'static str,
    /// 优, 良, 中, 差 (in the report's language).
    pub label: String,
    /// What the grade means for the form.
    pub meaning: String,
    /// The weighted mean of the four scores.
    pub score: f64,
    /// True when the form is graded below its score because required content is missing.
    pub capped: bool,
    /// The grade the formula suggests (`level` differs when the reviewer set the grade).
    pub suggested: &'static str,
    /// Why the reviewer set the grade, when they did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `not-started`, `in-review` or `done`.
    pub status: &'static str,
}

/// What the reviewer decided about a finding.
#[derive(Debug, Serialize)]
pub struct ReviewJson {
    /// Dismissed, for this reason (误报, 已说明, 不适用 …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismissed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Confirmed by the reviewer.
    pub kept: bool,
}

#[derive(Debug, Serialize)]
pub struct ScoresJson {
    pub completeness: f64,
    pub relevance: f64,
    pub appropriateness: f64,
    pub feasibility: f64,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum FieldsJson {
    Project(ProjectFields),
    Department(DepartmentFields),
}

#[derive(Debug, Serialize)]
pub struct ProjectFields {
    pub code: Option<String>,
    pub name: Option<String>,
    pub applicant: Option<String>,
    pub budget_unit: Option<String>,
    pub years: Option<u32>,
    pub project_type: Option<String>,
    pub is_new: Option<bool>,
    pub allocation: Option<String>,
    pub amount_unit: Option<&'static str>,
    pub total_amount: Option<f64>,
    pub year_amount: Option<f64>,
    pub policy_basis: Option<String>,
    pub calc_basis: Option<String>,
    pub annual_goal: Option<String>,
    pub long_term_goal: Option<String>,
    /// The roles of other templates the form has (`year_fiscal`, `period`, `overview` …).
    #[serde(flatten)]
    pub more: BTreeMap<&'static str, serde_json::Value>,
    /// Labelled fields kpiform has no role for, under their labels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraJson>,
}

/// A labelled field kpiform has no role for.
#[derive(Debug, Serialize)]
pub struct ExtraJson {
    pub label: String,
    pub value: String,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct DepartmentFields {
    pub name: Option<String>,
    pub authority: Option<String>,
    pub amount_unit: Option<&'static str>,
    pub total_amount: Option<f64>,
    pub total_fiscal: Option<f64>,
    pub total_other: Option<f64>,
    pub tasks: Vec<TaskJson>,
    pub goals: Vec<String>,
    /// The roles of other templates the form has (`annual_goal`, `functions`, `department_code` …).
    #[serde(flatten)]
    pub more: BTreeMap<&'static str, serde_json::Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraJson>,
}

#[derive(Debug, Serialize)]
pub struct TaskJson {
    pub name: Option<String>,
    pub content: Option<String>,
    pub total: Option<f64>,
    pub fiscal: Option<f64>,
    pub other: Option<f64>,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct IndicatorJson {
    pub level1: Option<&'static str>,
    pub level2: Option<String>,
    pub mandatory: bool,
    pub name: String,
    pub value: String,
    pub unit: Option<String>,
    pub explanation: String,
    pub applicable: bool,
    pub line: usize,
    /// The value read into its parts (see `value::parse_value`), with the operator column's
    /// operator when the table has one.
    pub parsed: ParsedJson,
    /// The 指标性质 / 计算符号 column, when the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The medium-term value beside this year's (中期指标值), when the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium_value: Option<String>,
    /// The 权重 / 分值 column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    /// Other columns (指标方向, 评(扣)分标准, 备注 …), by header.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub others: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
pub struct ParsedJson {
    /// `percent`, `number`, `duration`, `date`, `text`, `empty`, `placeholder`, `not-applicable`.
    pub kind: &'static str,
    /// `≥`, `≤`, `＝`, `＞`, `＜`.
    pub operator: Option<&'static str>,
    pub number: Option<f64>,
    pub unit: Option<String>,
    /// For dates: `[year, month, day]` as far as written.
    pub date: Option<Vec<u16>>,
    pub approximate: bool,
    /// What the indicator's name calls for: `rate`, `count`, `time`, `money`, `unknown`.
    pub expected: &'static str,
}

#[derive(Debug, Serialize)]
pub struct FixJson {
    pub applicability: &'static str,
    pub title: String,
    pub replacement: String,
}

#[derive(Debug, Serialize)]
pub struct RelatedJson {
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Debug, Serialize)]
pub struct DiagnosticJson {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub category: &'static str,
    pub message: String,
    pub message_en: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Start and end of the span in UTF-16 code units from the start of the input (what a
    /// browser textarea's selection uses).
    pub start_offset: usize,
    pub end_offset: usize,
    pub related: Vec<RelatedJson>,
    pub fix: Option<FixJson>,
    /// The reviewer's decision, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewJson>,
}

struct Ctx<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    lang: Lang,
    review: &'a Dispositions,
}

impl Ctx<'_> {
    fn line(&self, span: Span) -> usize {
        self.lines.line(span.start)
    }

    fn diagnostic(&self, form: Option<&Form>, d: &Diagnostic) -> DiagnosticJson {
        let review = (!self.review.is_empty()).then(|| {
            let key = FindingKey::of(self.text, form, d);
            ReviewJson {
                dismissed: self.review.dismissed(&key).map(str::to_string),
                comment: self.review.comment(&key).map(str::to_string),
                kept: self.review.is_kept(&key),
            }
        });
        let review = review.filter(|r| r.dismissed.is_some() || r.comment.is_some() || r.kept);
        let start = self.lines.line_col(self.text, d.span.start);
        let end = self.lines.line_col(self.text, d.span.end);
        DiagnosticJson {
            code: d.rule.code,
            name: d.rule.name,
            severity: d.severity.as_str(),
            category: d.rule.category.as_str(),
            message: d.message.get(self.lang).to_string(),
            message_en: d.message.en.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start_offset: self.lines.utf16_offset(self.text, d.span.start),
            end_offset: self.lines.utf16_offset(self.text, d.span.end),
            related: d
                .related
                .iter()
                .map(|r| {
                    let s = self.lines.line_col(self.text, r.span.start);
                    let e = self.lines.line_col(self.text, r.span.end);
                    RelatedJson {
                        message: r.label.get(self.lang).to_string(),
                        line: s.line,
                        column: s.column,
                        end_line: e.line,
                        end_column: e.column,
                    }
                })
                .collect(),
            fix: d.fix.as_ref().map(|f| FixJson {
                applicability: f.applicability.as_str(),
                title: f.title.get(self.lang).to_string(),
                replacement: f.replacement.clone(),
            }),
            review,
        }
    }

    fn indicator(&self, i: &Indicator) -> IndicatorJson {
        let v = crate::value::parse_value(&i.stated_value());
        let date = match v.kind {
            crate::value::ValueKind::Date { year, month, day } => Some(
                [Some(year), month.map(u16::from), day.map(u16::from)]
                    .into_iter()
                    .flatten()
                    .collect(),
            ),
            _ => None,
        };
        let parsed = ParsedJson {
            kind: v.kind.as_str(),
            operator: v.op.map(crate::value::Op::symbol),
            number: v.number,
            unit: v.unit.clone(),
            date,
            approximate: v.approx.is_some(),
            expected: crate::value::expected_kind(&i.name.text).as_str(),
        };
        IndicatorJson {
            parsed,
            level1: i.level1.map(|l| l.as_str()),
            level2: i.level2.as_ref().map(|l| l.name().to_string()),
            mandatory: i.mandatory,
            name: i.name.text.clone(),
            value: i.value.text.clone(),
            unit: i.unit_text(),
            explanation: i.explanation.text.clone(),
            applicable: i.applicable,
            line: self.line(i.span),
            operator: i.operator.as_ref().map(|c| c.text.clone()),
            medium_value: i.medium_value.as_ref().map(|c| c.text.clone()),
            weight: i.weight.as_ref().map(|c| c.text.clone()),
            others: i
                .others
                .iter()
                .map(|(h, c)| (h.clone(), c.text.clone()))
                .collect(),
        }
    }

    /// The fields of roles beyond a kind's fixed keys, and the fields without a role.
    fn more(
        &self,
        f: &Form,
        fixed: &[FieldKey],
    ) -> (BTreeMap<&'static str, serde_json::Value>, Vec<ExtraJson>) {
        let mut more = BTreeMap::new();
        let mut extra = Vec::new();
        for field in &f.fields {
            if field.key == FieldKey::Extra {
                extra.push(ExtraJson {
                    label: field.label.text.clone(),
                    value: field.value.text.clone(),
                    line: self.line(field.label.span),
                });
            } else if !fixed.contains(&field.key) && !field.value.text.is_empty() {
                let value = match field.amount {
                    Some(a) if field.key.is_amount() => serde_json::json!(a),
                    _ => serde_json::json!(field.value.text),
                };
                more.insert(field.key.as_str(), value);
            }
        }
        (more, extra)
    }

    fn form(&self, f: &Form) -> FormJson {
        let text = |k: FieldKey| f.text(k).map(str::to_string);
        let unit = f.amount_unit.map(|u| u.as_str());
        use FieldKey as K;
        let fields = match f.kind {
            FormKind::Project => {
                let (more, extra) = self.more(
                    f,
                    &[
                        K::Code,
                        K::Name,
                        K::Applicant,
                        K::BudgetUnit,
                        K::Years,
                        K::ProjectType,
                        K::IsNew,
                        K::Allocation,
                        K::TotalAmount,
                        K::YearAmount,
                        K::PolicyBasis,
                        K::CalcBasis,
                        K::AnnualGoal,
                        K::LongTermGoal,
                    ],
                );
                FieldsJson::Project(ProjectFields {
                    code: text(FieldKey::Code),
                    name: text(FieldKey::Name),
                    applicant: text(FieldKey::Applicant),
                    budget_unit: text(FieldKey::BudgetUnit),
                    years: f.years(),
                    project_type: text(FieldKey::ProjectType),
                    is_new: f.is_new(),
                    allocation: text(FieldKey::Allocation),
                    amount_unit: unit,
                    total_amount: f.amount(FieldKey::TotalAmount),
                    year_amount: f.amount(FieldKey::YearAmount),
                    policy_basis: text(FieldKey::PolicyBasis),
                    calc_basis: text(FieldKey::CalcBasis),
                    annual_goal: text(FieldKey::AnnualGoal),
                    long_term_goal: text(FieldKey::LongTermGoal),
                    more,
                    extra,
                })
            }
            FormKind::Department => {
                let (more, extra) = self.more(
                    f,
                    &[
                        K::Name,
                        K::Authority,
                        K::TotalAmount,
                        K::TotalFiscal,
                        K::TotalOther,
                    ],
                );
                FieldsJson::Department(DepartmentFields {
                    name: text(FieldKey::Name),
                    authority: text(FieldKey::Authority),
                    amount_unit: unit,
                    total_amount: f.amount(FieldKey::TotalAmount),
                    total_fiscal: f.amount(FieldKey::TotalFiscal),
                    total_other: f.amount(FieldKey::TotalOther),
                    tasks: f
                        .tasks
                        .iter()
                        .map(|t| TaskJson {
                            name: Some(t.name.text.clone()).filter(|s| !s.is_empty()),
                            content: Some(t.content.text.clone()).filter(|s| !s.is_empty()),
                            total: t.total,
                            fiscal: t.fiscal,
                            other: t.other,
                            line: self.line(t.span),
                        })
                        .collect(),
                    goals: f.goals.iter().map(|g| g.text.clone()).collect(),
                    more,
                    extra,
                })
            }
        };
        let a = self.review.assess(self.text, f);
        let g = &a.suggested;
        let [completeness, relevance, appropriateness, feasibility] = g.scores;
        FormJson {
            kind: f.kind.as_str(),
            title: f.title.text.clone(),
            template: f.template.info().key,
            file: None,
            start_line: self.lines.line(f.span.start),
            end_line: self.lines.line(f.span.end),
            budget_year: f.budget_year,
            fields,
            indicators: f.indicators.iter().map(|i| self.indicator(i)).collect(),
            medium_indicators: f
                .medium_indicators
                .iter()
                .map(|i| self.indicator(i))
                .collect(),
            grade: GradeJson {
                level: a.grade.as_str(),
                label: a.grade.label().get(self.lang).to_string(),
                meaning: a.grade.meaning().get(self.lang).to_string(),
                score: g.score,
                capped: g.capped,
                suggested: g.grade.as_str(),
                reason: a.reason.clone(),
                status: a.status.as_str(),
            },
            scores: ScoresJson {
                completeness,
                relevance,
                appropriateness,
                feasibility,
            },
            diagnostics: f
                .diagnostics
                .iter()
                .map(|d| self.diagnostic(Some(f), d))
                .collect(),
        }
    }
}

/// The JSON view of one parsed input. `text` must be the text `doc` was parsed from.
/// `review`: the reviewer's decisions (grades set, findings judged), `Default` for none.
pub fn input(path: &str, text: &str, doc: &Document, lang: Lang, review: &Dispositions) -> Input {
    let view = input_view(path, text, doc, lang, review);
    Input {
        path: path.to_string(),
        budget_year: doc.budget_year,
        forms: view.forms().collect(),
        diagnostics: view.diagnostics().collect(),
        changes: Vec::new(),
    }
}

/// The JSON of [`input`], written form by form as it is serialized: the same JSON, without the
/// whole [`Input`] in memory at once (the CLI streams a large input this way).
pub fn input_view<'a>(
    path: &'a str,
    text: &'a str,
    doc: &'a Document,
    lang: Lang,
    review: &'a Dispositions,
) -> InputView<'a> {
    InputView {
        path,
        doc,
        ctx: Ctx {
            text,
            lines: &doc.lines,
            lang,
            review,
        },
    }
}

/// See [`input_view`].
pub struct InputView<'a> {
    path: &'a str,
    doc: &'a Document,
    ctx: Ctx<'a>,
}

impl InputView<'_> {
    fn forms(&self) -> impl Iterator<Item = FormJson> + '_ {
        self.doc.forms.iter().map(|f| FormJson {
            file: self.doc.file_at(f.span.start).map(|t| t.text.clone()),
            ..self.ctx.form(f)
        })
    }

    fn diagnostics(&self) -> impl Iterator<Item = DiagnosticJson> + '_ {
        self.doc
            .diagnostics
            .iter()
            .map(|d| self.ctx.diagnostic(None, d))
    }
}

impl Serialize for InputView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// A list serialized item by item, as its iterator makes them.
        struct Each<F>(F);
        impl<F, I> Serialize for Each<F>
        where
            F: Fn() -> I,
            I: Iterator,
            I::Item: Serialize,
        {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq((self.0)())
            }
        }
        // The fields of `Input`, in its order (`changes` is empty: left out).
        let mut st = serializer.serialize_struct("Input", 4)?;
        st.serialize_field("path", self.path)?;
        st.serialize_field("budget_year", &self.doc.budget_year)?;
        st.serialize_field("forms", &Each(|| self.forms()))?;
        st.serialize_field("diagnostics", &Each(|| self.diagnostics()))?;
        st.end()
    }
}

/// A whole report over several inputs.
pub fn report(inputs: Vec<Input>) -> Report {
    Report {
        tool: Tool::default(),
        inputs,
    }
}
