//! The structure of one form as the checker read it: its template, header fields (amounts
//! normalized; fields without a role under their own labels), the department's tasks and goals,
//! and the indicator table laid out like the paper form (一级 / 二级 / 三级, value, explanation,
//! the star of mandatory categories, and the operator, unit, medium-term value and weight columns
//! when the table has them) with each value read into operator, number and unit; a separate
//! medium- or long-term indicator table below it.

use std::sync::Arc;

use kpiform_core::{
    parse_value, AmountUnit, Cell, Counts, Facts, Field, FieldKey, Form, FormKind, Indicator, Lang,
    Level1, Span, ValueKind,
};
use leptos::prelude::*;

use crate::i18n as t;
use crate::report::{format_amount, format_number};
use crate::state::{use_state, Analysis, Filter, State};
use crate::views::parts::{form_label, pills};

#[component]
pub fn StructureView() -> impl IntoView {
    let st = use_state();
    // Re-rendered when what it shows changes: the form, its problems, the language.
    let shown = Memo::new(move |_| {
        let n = st.structure_form.get();
        st.analysis.with(|a| {
            let count = a.doc.forms.len();
            let n = n.clamp(1, count.max(1));
            let form = a.doc.forms.get(n - 1).cloned();
            let problems: Vec<u64> = a
                .report
                .diagnostics
                .iter()
                .filter(|d| d.form == Some(n))
                .map(|d| d.key)
                .collect();
            (n, count, form, problems)
        })
    });
    move || {
        let l = st.lang.get();
        // Read (not just track) the memo: a memo computes, and so follows its sources, when read.
        shown.with(|_| ());
        let a = st.analysis.get_untracked();
        let count = a.doc.forms.len();
        if count == 0 {
            return safe_view! {
                <p class="muted" data-testid="structure-empty">{t::NO_FORMS_TITLE.get(l)}</p>
            }
            .into_any();
        }
        let n = st.structure_form.get_untracked().clamp(1, count);
        safe_view! {
            <div class="structure" data-testid="structure">
                <FormPicker lang=l count=count current=n/>
                {form_view(st, l, a.clone(), n)}
            </div>
        }
        .into_any()
    }
}

#[component]
fn FormPicker(lang: Lang, count: usize, current: usize) -> impl IntoView {
    let st = use_state();
    let options = st.analysis.with_untracked(|a| {
        (1..=count)
            .map(|n| {
                let label = form_label(&a.report, n, lang);
                safe_view! { <option value=n.to_string() selected={n == current}>{label}</option> }
            })
            .collect_view()
    });
    let go = move |n: usize| st.show_form(n.clamp(1, count));
    safe_view! {
        <div class="form-picker">
            <label for="form-select" class="filter-label">{t::FORM.get(lang)}</label>
            <select
                id="form-select"
                data-testid="form-select"
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                        go(n);
                    }
                }
            >
                {options}
            </select>
            <button
                type="button"
                class="btn btn-small"
                data-testid="prev-form"
                disabled={current <= 1}
                aria-label=t::PREV_FORM.get(lang)
                title=t::PREV_FORM.get(lang)
                on:click=move |_| go(current - 1)
            >
                "‹"
            </button>
            <button
                type="button"
                class="btn btn-small"
                data-testid="next-form"
                disabled={current >= count}
                aria-label=t::NEXT_FORM.get(lang)
                title=t::NEXT_FORM.get(lang)
                on:click=move |_| go(current + 1)
            >
                "›"
            </button>
            <span class="muted">{format!("{current} / {count}")}</span>
        </div>
    }
}

/// One form as the view shows it: what the parts of its view share.
struct Shown<'a> {
    st: State,
    l: Lang,
    a: &'a Analysis,
    /// The form's number (1-based).
    n: usize,
    form: &'a Form,
    facts: Facts,
}

impl Shown<'_> {
    /// Problems of the form whose span overlaps `span`.
    fn counts_in(&self, span: Span) -> Counts {
        let mut c = Counts::default();
        for d in self
            .a
            .report
            .diagnostics
            .iter()
            .filter(|d| d.form == Some(self.n))
        {
            let inside = d.span.start < span.end.max(span.start + 1)
                && span.start < d.span.end.max(d.span.start + 1);
            if inside {
                c.add(d.severity);
            }
        }
        c
    }

    /// A marker with the problems at `span`; a click lists the form's problems.
    fn marker(&self, span: Span) -> impl IntoView {
        let (st, l, form) = (self.st, self.l, self.n);
        let c = self.counts_in(span);
        (c.total() > 0).then(|| {
            let worst = if c.error > 0 {
                "error"
            } else if c.warning > 0 {
                "warning"
            } else {
                "info"
            };
            let show = move |ev: web_sys::MouseEvent| {
                ev.stop_propagation();
                st.show_problems(Filter::form(form));
            };
            safe_view! {
                <button
                    type="button"
                    class=format!("marker sev-{worst}")
                    data-testid="marker"
                    title=t::problems_here(l, c.total())
                    on:click=show
                >
                    {c.total()}
                </button>
            }
        })
    }
}

fn form_view(st: State, l: Lang, a: Arc<Analysis>, n: usize) -> impl IntoView {
    let form = &a.doc.forms[n - 1];
    let shown = Shown {
        st,
        l,
        a: &a,
        n,
        form,
        facts: Facts::new(&a.text, form, a.doc.budget_year),
    };
    let row = a.report.form(n).cloned();
    let title = form.title.text.clone();
    let title_span = form.title.span;
    let counts = row.as_ref().map(|r| r.counts).unwrap_or_default();
    let fields = field_rows(&shown);
    let tasks = (!form.tasks.is_empty()).then(|| tasks_view(&shown));
    let goals = (!form.goals.is_empty()).then(|| {
        let items = form
            .goals
            .iter()
            .map(|g| {
                let span = g.span;
                let text = g.text.clone();
                safe_view! {
                    <li>
                        <button
                            type="button"
                            class="cell-button"
                            on:click=move |_| st.select(span)
                        >
                            {text}
                        </button>
                    </li>
                }
            })
            .collect_view();
        safe_view! {
            <h3 class="sub-title">{t::GOALS.get(l)}</h3>
            <ol class="goals">{items}</ol>
        }
    });
    let template = form.template.info();
    let template = t::template(l, template.name_zh, template.name_en);
    let indicators = indicator_table(&shown, &form.indicators, Rows::Year);
    let medium = (!form.medium_indicators.is_empty()).then(|| {
        let rows = &form.medium_indicators;
        safe_view! {
            <h3 class="sub-title">
                {t::MEDIUM_INDICATORS.get(l)}
                <span class="muted sub-count">
                    {format!(
                        "{} · {} {}",
                        t::rows(l, rows.len()),
                        rows.iter().filter(|i| i.applicable).count(),
                        t::APPLICABLE.get(l),
                    )}
                </span>
            </h3>
            {indicator_table(&shown, rows, Rows::Medium)}
        }
    });
    let problems_of_form = move |_| st.show_problems(Filter::form(n));
    safe_view! {
        <article class="form-structure" data-testid="form-structure" data-form=n>
            <header class="form-head">
                <h2 class="form-title">
                    <button
                        type="button"
                        class="link-button"
                        title=t::SELECT_IN_TEXT.get(l)
                        on:click=move |_| st.select(title_span)
                    >
                        {title}
                    </button>
                </h2>
                <span class=format!("kind kind-{}", form.kind.as_str())>{t::kind(l, form.kind)}</span>
                <span class="muted" data-testid="form-template" data-template=form.template.info().key>
                    {template}
                </span>
                <button type="button" class="link-button" on:click=problems_of_form>
                    {pills(counts, l)}
                </button>
            </header>

            {grade_box(st, l, a.clone(), n)}
            <h3 class="sub-title">{t::HEADER_FIELDS.get(l)}</h3>
            <div class="table-wrap">
                <table class="fields" data-testid="fields">
                    <tbody>{fields}</tbody>
                </table>
            </div>
            {tasks}
            {goals}
            <h3 class="sub-title">
                {t::INDICATOR_TABLE.get(l)}
                <span class="muted sub-count">
                    {format!(
                        "{} · {} {}",
                        t::rows(l, form.indicators.len()),
                        form.applicable_indicators().count(),
                        t::APPLICABLE.get(l),
                    )}
                </span>
            </h3>
            {indicators}
            {medium}
        </article>
    }
}

/// The form's grade as the review stands, and the reviewer's controls: set another grade (with
/// the reason), go back to the suggested one, mark the form done.
fn grade_box(st: State, l: Lang, a: Arc<Analysis>, n: usize) -> impl IntoView {
    use kpiform_core::{Grade, Status};
    let id = kpiform_core::form_id(&a.doc.forms[n - 1]);
    let reason_box = NodeRef::<leptos::html::Input>::new();
    move || {
        let assessed = st.review.with(|r| r.assess(&a.text, &a.doc.forms[n - 1]));
        let g = assessed.suggested.clone();
        let done = assessed.status == Status::Done;
        let (id_set, id_clear, id_done) = (id.clone(), id.clone(), id.clone());
        let set = move |ev: web_sys::Event| {
            let v = event_target_value(&ev);
            let reason = reason_box
                .get_untracked()
                .map(|el| el.value())
                .unwrap_or_default();
            match Grade::ALL.into_iter().find(|g| g.as_str() == v) {
                Some(grade) => st.set_grade(&id_set, Some((grade, reason))),
                None => st.set_grade(&id_set, None),
            }
        };
        let set_reason = {
            let id = id.clone();
            move |ev: web_sys::Event| {
                let reason = event_target_value(&ev);
                let current = st
                    .review
                    .with_untracked(|r| r.grade_set(&id).map(|g| g.grade));
                if let Some(grade) = current {
                    st.set_grade(&id, Some((grade, reason)));
                }
            }
        };
        let chosen = assessed.reason.as_ref().map(|_| assessed.grade);
        let reason = assessed.reason.clone().unwrap_or_default();
        let needs_reason = chosen.is_some() && reason.trim().is_empty();
        safe_view! {
            <div class="grade-box" data-testid="grade-box" data-grade=assessed.grade.as_str() data-status=assessed.status.as_str()>
                <div class="grade-suggested">
                    <span class=format!("grade-pill grade-{}", assessed.grade.as_str())>
                        {assessed.grade.label().get(l).to_string()}
                    </span>
                    " "
                    <span data-testid="grade-suggested" title=t::grade_title(l, &g, None)>
                        {t::suggested_grade(l, &g)}
                    </span>
                </div>
                <label>
                    <span>{t::SET_GRADE.get(l)}</span>
                    <select data-testid="grade-select" on:change=set>
                        <option value="" selected=chosen.is_none()>{t::SUGGESTED.get(l)}</option>
                        {Grade::ALL
                            .into_iter()
                            .map(|x| safe_view! {
                                <option value=x.as_str() selected=chosen == Some(x)>{x.label().get(l).to_string()}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <input
                    class="grade-reason"
                    class:missing=needs_reason
                    data-testid="grade-reason"
                    maxlength="300"
                    placeholder=t::GRADE_REASON.get(l)
                    aria-label=t::GRADE_REASON.get(l)
                    prop:value=reason
                    node_ref=reason_box
                    on:change=set_reason
                />
                {chosen.is_some().then(|| safe_view! {
                    <button type="button" class="btn btn-small btn-quiet" data-testid="grade-clear" on:click=move |_| st.set_grade(&id_clear, None)>
                        {t::BACK_TO_SUGGESTED.get(l)}
                    </button>
                })}
                <label class="grade-done">
                    <input
                        type="checkbox"
                        data-testid="form-done"
                        prop:checked=done
                        on:change=move |ev| st.mark_done(&id_done, event_target_checked(&ev))
                    />
                    " "
                    {t::MARK_DONE.get(l)}
                </label>
            </div>
        }
    }
}

/// The label of a field in the page's language.
fn field_label(l: Lang, kind: FormKind, key: FieldKey) -> String {
    match l {
        Lang::Zh => key.label_zh_for(kind).to_string(),
        Lang::En => {
            let s = key.label_en();
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

/// The header as on the paper form: short fields two to a row, long prose one to a row. Each
/// field: label (with a marker of its problems), the value as written, and what the checker
/// read (amounts in 元 and 万元, years, yes/no).
fn field_rows(shown: &Shown) -> Vec<AnyView> {
    // Rows of one long field, or of two short ones. A long field spans its row, and so does a
    // short one left alone at the end; one alone before a long field keeps its half.
    let mut rows: Vec<Vec<&Field>> = Vec::new();
    for f in &shown.form.fields {
        match rows.last_mut() {
            Some(row) if !f.key.is_long_text() && row.len() == 1 && !row[0].key.is_long_text() => {
                row.push(f)
            }
            _ => rows.push(vec![f]),
        }
    }
    let last = rows.len().saturating_sub(1);
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let wide = row.len() == 1 && (row[0].key.is_long_text() || i == last);
            let cells = row
                .into_iter()
                .map(|f| field_cells(shown, f, wide))
                .collect_view();
            safe_view! { <tr>{cells}</tr> }.into_any()
        })
        .collect()
}

fn field_cells(shown: &Shown, f: &Field, wide: bool) -> impl IntoView {
    let Shown {
        st, l, form, facts, ..
    } = shown;
    let (st, l) = (*st, *l);
    let extra = f.key == FieldKey::Extra;
    // A field without a role is shown under its own label, as written (colon removed).
    let label = if extra {
        f.label.text.trim_end_matches([':', '：', ' ']).to_string()
    } else {
        field_label(l, form.kind, f.key)
    };
    let value_span = if f.value.span.is_empty() {
        f.label.span
    } else {
        f.value.span
    };
    let value = f.value.text.clone();
    let empty = value.is_empty();
    let read = read_as(l, form, facts, f);
    // Nothing to add when the reading is the text itself (是 / 否 in Chinese).
    let read = if read == value { String::new() } else { read };
    let long = f.key.is_long_text();
    let title = if long {
        value.clone()
    } else {
        t::SELECT_IN_TEXT.get(l).to_string()
    };
    safe_view! {
        <th
            scope="row"
            class="field-label"
            data-testid=extra.then_some("extra-label")
            title=extra.then(|| t::EXTRA_FIELD.get(l))
        >
            {label}
            {shown.marker(f.label.span.cover(f.value.span))}
        </th>
        <td
            class="field-value"
            class:long=long
            colspan=if wide { "3" } else { "1" }
            data-testid="field"
            data-key=f.key.as_str()
        >
            <button
                type="button"
                class="cell-button"
                data-testid="field-value"
                title=title
                on:click=move |_| st.select(value_span)
            >
                {if empty { t::EMPTY.get(l).to_string() } else { value }}
            </button>
            {(!read.is_empty())
                .then(|| safe_view! { <span class="field-read" data-testid="field-read">{read}</span> })}
        </td>
    }
}

/// What the checker made of a field: amounts in both units, years, yes/no.
fn read_as(l: Lang, form: &Form, facts: &Facts, f: &Field) -> String {
    if f.key.is_amount() {
        let Some(v) = f.amount else {
            return if f.value.text.is_empty() {
                String::new()
            } else {
                t::NOT_A_NUMBER.get(l).to_string()
            };
        };
        let Some(unit) = facts.unit.or(form.amount_unit) else {
            return format_amount(v);
        };
        let yuan = v * unit.in_yuan();
        let mut s = format!(
            "{} 元 = {} 万元",
            format_amount(yuan),
            format_amount(yuan / 10_000.0)
        );
        if facts.wan_mislabeled && form.amount_unit == Some(AmountUnit::WanYuan) {
            s.push_str(t::READ_AS_YUAN.get(l));
        }
        return s;
    }
    match f.key {
        FieldKey::Years => form.years().map(|y| t::years(l, y)).unwrap_or_default(),
        FieldKey::IsNew => match form.is_new() {
            Some(true) => t::YES.get(l).to_string(),
            Some(false) => t::NO.get(l).to_string(),
            None => String::new(),
        },
        FieldKey::Code => {
            let code = f.value.text.trim();
            if code.is_empty() {
                String::new()
            } else {
                t::digits(l, code.chars().count())
            }
        }
        _ => String::new(),
    }
}

fn tasks_view(shown: &Shown) -> impl IntoView {
    let (st, l, form) = (shown.st, shown.l, shown.form);
    let unit = form.amount_unit.map(|u| u.as_str()).unwrap_or("");
    let money = |v: Option<f64>| v.map(format_amount).unwrap_or_default();
    let rows = form
        .tasks
        .iter()
        .map(|task| {
            let span = task.span;
            let name = task.name.text.clone();
            let content = task.content.text.clone();
            let (total, fiscal, other) = (money(task.total), money(task.fiscal), money(task.other));
            safe_view! {
                <tr class="clickable" on:click=move |_| st.select(span)>
                    <td>{name}</td>
                    <td class="long">{content}</td>
                    <td class="num">{total}</td>
                    <td class="num">{fiscal}</td>
                    <td class="num">{other}</td>
                </tr>
            }
        })
        .collect_view();
    safe_view! {
        <h3 class="sub-title">{t::TASKS.get(l)}</h3>
        <div class="table-wrap">
            <table class="tasks" data-testid="tasks">
                <thead>
                    <tr>
                        <th scope="col">{t::TASK_NAME.get(l)}</th>
                        <th scope="col">{t::TASK_CONTENT.get(l)}</th>
                        <th scope="col" class="num">{t::TASK_TOTAL.get(l)} " (" {unit} ")"</th>
                        <th scope="col" class="num">{t::TASK_FISCAL.get(l)}</th>
                        <th scope="col" class="num">{t::TASK_OTHER.get(l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn level1_label(l: Lang, level: Option<Level1>) -> String {
    match (level, l) {
        (Some(x), Lang::Zh) => format!("{}指标", x.as_str()),
        (Some(x), Lang::En) => x.label_en().to_string(),
        (None, _) => String::new(),
    }
}

/// How many rows from `i` on share the same key (for merged cells).
fn run_length<K: PartialEq>(keys: &[K], i: usize) -> usize {
    keys[i..].iter().take_while(|k| **k == keys[i]).count()
}

/// Which of a form's indicator tables: this year's, or the separate medium- or long-term one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rows {
    Year,
    Medium,
}

impl Rows {
    fn table_id(self) -> &'static str {
        match self {
            Rows::Year => "indicators",
            Rows::Medium => "medium-indicators",
        }
    }

    fn row_id(self) -> &'static str {
        match self {
            Rows::Year => "indicator",
            Rows::Medium => "medium-indicator",
        }
    }
}

/// The optional columns of a table: shown when a row has them (the unit always on a
/// department form, as on its paper form).
#[derive(Clone, Copy)]
struct Columns {
    operator: bool,
    unit: bool,
    medium_value: bool,
    weight: bool,
}

impl Columns {
    fn of(kind: FormKind, rows: &[Indicator]) -> Columns {
        Columns {
            operator: rows.iter().any(|i| i.operator.is_some()),
            unit: kind == FormKind::Department || rows.iter().any(|i| i.unit.is_some()),
            medium_value: rows.iter().any(|i| i.medium_value.is_some()),
            weight: rows.iter().any(|i| i.weight.is_some()),
        }
    }
}

fn indicator_table(shown: &Shown, indicators: &[Indicator], which: Rows) -> impl IntoView {
    let l = shown.l;
    if indicators.is_empty() {
        return safe_view! { <p class="muted">{t::NO_INDICATORS.get(l)}</p> }.into_any();
    }
    let cols = Columns::of(shown.form.kind, indicators);
    let l1: Vec<Option<Level1>> = indicators.iter().map(|i| i.level1).collect();
    let l2: Vec<(Option<Level1>, Option<String>)> = indicators
        .iter()
        .map(|i| (i.level1, i.level2.as_ref().map(|x| x.name().to_string())))
        .collect();
    let rows = indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let span1 = (i == 0 || l1[i - 1] != l1[i]).then(|| run_length(&l1, i));
            let span2 = (i == 0 || l2[i - 1] != l2[i]).then(|| run_length(&l2, i));
            indicator_row(shown, ind, cols, which, span1, span2)
        })
        .collect_view();
    let head =
        |on: bool, title: t::Tr| on.then(|| safe_view! { <th scope="col">{title.get(l)}</th> });
    safe_view! {
        <div class="table-wrap">
            <table class="indicators" data-testid=which.table_id()>
                <thead>
                    <tr>
                        <th scope="col">{t::LEVEL1.get(l)}</th>
                        <th scope="col">{t::LEVEL2.get(l)}</th>
                        <th scope="col">{t::LEVEL3.get(l)}</th>
                        {head(cols.operator, t::OPERATOR_COL)}
                        <th scope="col">{t::VALUE.get(l)}</th>
                        <th scope="col">{t::READ_VALUE.get(l)}</th>
                        {head(cols.unit, t::UNIT_COL)}
                        {head(cols.medium_value, t::MEDIUM_VALUE_COL)}
                        {head(cols.weight, t::WEIGHT_COL)}
                        <th scope="col">{t::EXPLANATION.get(l)}</th>
                        <th scope="col" class="marker-col">
                            <span class="kp-offscreen">{t::PROBLEMS.get(l)}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn indicator_row(
    shown: &Shown,
    ind: &Indicator,
    cols: Columns,
    which: Rows,
    span1: Option<usize>,
    span2: Option<usize>,
) -> impl IntoView {
    let (st, l) = (shown.st, shown.l);
    let span = ind.span;
    let level1 = span1.map(|rows| {
        let label = level1_label(l, ind.level1);
        safe_view! { <td class="level1" rowspan=rows.to_string()>{label}</td> }
    });
    let level2 = span2.map(|rows| {
        let name = ind
            .level2
            .as_ref()
            .map(|x| x.name().to_string())
            .unwrap_or_default();
        let star = ind.mandatory.then(|| {
            safe_view! { <span class="star" title=t::MANDATORY.get(l)>"*"</span> }
        });
        safe_view! { <td class="level2" rowspan=rows.to_string()>{star}{name}</td> }
    });
    let parsed = read_value(l, ind);
    // An optional column's cell: its text, empty where the row has none.
    let cell = |on: bool, c: &Option<Cell>, class: &'static str, id: &'static str| {
        on.then(|| {
            let text = c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
            safe_view! { <td class=class data-testid=id>{text}</td> }
        })
    };
    let operator = cell(
        cols.operator,
        &ind.operator,
        "operator",
        "indicator-operator",
    );
    let unit = cell(cols.unit, &ind.unit, "unit-col", "indicator-unit");
    let medium_value = cell(
        cols.medium_value,
        &ind.medium_value,
        "value",
        "indicator-medium-value",
    );
    let weight = cell(cols.weight, &ind.weight, "num", "indicator-weight");
    let name = ind.name.text.clone();
    let value = ind.value.text.clone();
    let explanation = ind.explanation.text.clone();
    safe_view! {
        <tr
            class="indicator clickable"
            class:not-applicable=!ind.applicable
            data-testid=which.row_id()
            title=t::SELECT_IN_TEXT.get(l)
            on:click=move |_| st.select(span)
        >
            {level1}
            {level2}
            <td class="level3" data-testid="indicator-name">{name}</td>
            {operator}
            <td class="value" data-testid="indicator-value">{value}</td>
            <td class="parsed" data-testid="indicator-parsed">{parsed}</td>
            {unit}
            {medium_value}
            {weight}
            <td class="explanation">{explanation}</td>
            <td class="marker-col">{shown.marker(span)}</td>
        </tr>
    }
}

/// An indicator value as the checker reads it: `≥ 5 项 · 数量`, `＝ 100 % · 百分比` (with the
/// operator of the 指标性质 / 计算符号 column, as the rules read it).
fn read_value(l: Lang, ind: &Indicator) -> impl IntoView {
    let p = parse_value(&ind.stated_value());
    let kind = t::value_kind(l, &p.kind);
    let mut parts = Vec::new();
    if let Some(a) = p.approx {
        parts.push(a.to_string());
    }
    if let Some(op) = p.op {
        parts.push(op.symbol().to_string());
    }
    if let ValueKind::Date { year, month, day } = p.kind {
        let mut d = year.to_string();
        if let Some(m) = month {
            d.push_str(&format!("-{m:02}"));
        }
        if let Some(dd) = day {
            d.push_str(&format!("-{dd:02}"));
        }
        parts.push(d);
    } else if let Some(num) = p.number {
        parts.push(format_number(num));
    }
    if let Some(u) = p
        .unit
        .clone()
        .or_else(|| ind.unit.as_ref().map(|u| u.text.clone()))
    {
        if !u.is_empty() && !matches!(p.kind, ValueKind::Date { .. }) {
            parts.push(u);
        }
    }
    let main = parts.join(" ");
    let quantitative = p.kind.is_quantitative();
    safe_view! {
        <span class="read" class:quant=quantitative>
            {(!main.is_empty()).then(|| safe_view! { <span class="read-main">{main}</span> })}
            <span class="read-kind">{kind}</span>
        </span>
    }
}
