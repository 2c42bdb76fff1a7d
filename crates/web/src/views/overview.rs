//! The overview: totals, the forms table (sortable; a click opens the form), and a chart of the
//! problems by category (plain SVG).

use kpiform_core::{Category, FormKind, Grade, Lang, Severity, Status};
use leptos::prelude::*;

use crate::i18n as t;
use crate::report::{format_amount, FormRow, SEVERITIES};
use crate::state::{use_state, Filter, State};
use crate::views::window::windowed;

/// The forms table's body, the list windowed to the rows on screen.
const FORMS_BODY: &str = "[data-testid=\"forms\"] > tbody";
/// A row's height before one was measured (px; one line of name and one of kind and code).
const ROW_HEIGHT: f64 = 52.0;

/// The space of the rows above or below those on screen.
fn spacer(height: f64) -> impl IntoView {
    (height > 0.0).then(|| {
        safe_view! {
            <tr class="spacer" aria-hidden="true">
                <td colspan="12" style:height=format!("{height}px")></td>
            </tr>
        }
    })
}

/// Columns the forms table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Number,
    Name,
    Unit,
    Year,
    Indicators,
    Grade,
    Errors,
    Warnings,
    Infos,
    Status,
    File,
}

/// The sort of the forms table: column and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Number,
            descending: false,
        }
    }
}

/// Sort `rows` in place; ties keep the paste order.
#[cfg(test)]
fn sort_rows(rows: &mut [FormRow], sort: Sort) {
    rows.sort_by(|a, b| compare_rows(a, b, sort));
}

/// The order of two rows of the table sorted by `sort`.
fn compare_rows(a: &FormRow, b: &FormRow, sort: Sort) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let amount = |f: &FormRow| f.year.map(|v| v * f.unit.map_or(1.0, |u| u.in_yuan()));
    let o = match sort.key {
        SortKey::Number => a.number.cmp(&b.number),
        SortKey::Name => a.name.cmp(&b.name),
        SortKey::Unit => a.unit_name.cmp(&b.unit_name),
        SortKey::Year => amount(a).partial_cmp(&amount(b)).unwrap_or(Ordering::Equal),
        SortKey::Indicators => a.indicators.cmp(&b.indicators),
        // Best first; within a grade, by score.
        SortKey::Grade => a.final_grade.cmp(&b.final_grade).then(
            b.grade
                .score
                .partial_cmp(&a.grade.score)
                .unwrap_or(Ordering::Equal),
        ),
        SortKey::Errors => a.counts.error.cmp(&b.counts.error),
        SortKey::Warnings => a.counts.warning.cmp(&b.counts.warning),
        SortKey::Infos => a.counts.info.cmp(&b.counts.info),
        SortKey::Status => a.status.cmp(&b.status),
        SortKey::File => a.file.cmp(&b.file),
    };
    let o = if sort.descending { o.reverse() } else { o };
    o.then(a.number.cmp(&b.number))
}

#[component]
pub fn OverviewView() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let sort = RwSignal::new(Sort::default());
    // Checks update the parts that changed: the summary (small) always, the table row by row.
    let has_forms = Memo::new(move |_| st.analysis.with(|a| !a.report.forms.is_empty()));
    // The rows as the review stands (grades, status), then as the desk's filter shows them.
    let reviewed = Memo::new(move |_| {
        let review = st.review.get();
        // Without decisions and with the default formula, the report's grades are the review's
        // (each form graded again would cost a check of thousands of forms a moment).
        let plain = review.is_empty() && review.grading == Default::default();
        st.analysis.with(|a| {
            let mut rows = a.report.forms.clone();
            if !plain {
                for r in &mut rows {
                    r.review(&a.doc, &a.text, &review);
                }
            }
            rows
        })
    });
    let filter = RwSignal::new(DeskFilter::default());
    let filtered = Memo::new(move |_| {
        let f = filter.get();
        reviewed.with(|rows| {
            rows.iter()
                .filter(|r| f.keeps(r))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| filtered.with(Vec::len));
    // The rows shown in their order (indices into `filtered`), then those on screen copied.
    let order = Memo::new(move |_| {
        let sort = sort.get();
        filtered.with(|all| {
            let mut order: Vec<usize> = (0..all.len()).collect();
            order.sort_by(|&a, &b| compare_rows(&all[a], &all[b], sort));
            order
        })
    });
    let keys = Memo::new(move |_| {
        filtered.with(|all| order.with(|o| o.iter().map(|&i| all[i].key).collect::<Vec<u64>>()))
    });
    let window = windowed(st, keys, ROW_HEIGHT, FORMS_BODY);
    let rows = Memo::new(move |_| {
        let s = window.slice.get();
        filtered.with(|all| {
            order.with(|o| {
                let end = s.end.min(o.len());
                o[s.start.min(end)..end]
                    .iter()
                    .map(|&i| all[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let has_files = Memo::new(move |_| reviewed.with(|rows| rows.iter().any(|r| r.file.is_some())));
    let categories = Memo::new(move |_| st.analysis.with(|a| a.report.categories.clone()));
    safe_view! {
        {move || summary(st, lang.get())}
        {move || {
            let l = lang.get();
            if !has_forms.get() {
                return safe_view! {
                    <div class="notice notice-warn notice-block" data-testid="no-forms">
                        <strong>{t::NO_FORMS_TITLE.get(l)}</strong>
                        <span>{t::NO_FORMS_BODY.get(l)}</span>
                        <ul class="expect-list">
                            {t::EXPECT_POINTS.iter().map(|p| safe_view! { <li>{p.get(l)}</li> }).collect_view()}
                        </ul>
                    </div>
                }
                    .into_any();
            }
            safe_view! {
                <div class="overview-grid">
                    <div class="overview-forms">
                        <h2 class="section-title" id="forms-title">{t::FORMS_HEADING.get(l)}</h2>
                        {desk_tools(st, l, filter, shown, reviewed)}
                        <div class="table-wrap">
                            <table class="forms" data-testid="forms" aria-labelledby="forms-title">
                                <thead>
                                    <tr>
                                        {sort_header(sort, SortKey::Number, t::COL_INDEX.get(l), "num", l)}
                                        {sort_header(sort, SortKey::Name, t::COL_NAME_CODE.get(l), "", l)}
                                        {move || has_files.get().then(|| sort_header(sort, SortKey::File, t::FILE.get(l), "", l))}
                                        {sort_header(sort, SortKey::Unit, t::COL_UNIT.get(l), "", l)}
                                        {sort_header(sort, SortKey::Year, t::COL_YEAR.get(l), "num", l)}
                                        {sort_header(sort, SortKey::Indicators, t::COL_INDICATORS.get(l), "num", l)}
                                        {sort_header(sort, SortKey::Grade, t::COL_GRADE.get(l), "", l)}
                                        {sort_header(sort, SortKey::Errors, Severity::Error.label().get(l).to_string(), "num", l)}
                                        {sort_header(sort, SortKey::Warnings, Severity::Warning.label().get(l).to_string(), "num", l)}
                                        {sort_header(sort, SortKey::Infos, Severity::Info.label().get(l).to_string(), "num", l)}
                                        {sort_header(sort, SortKey::Status, t::COL_STATUS.get(l), "", l)}
                                    </tr>
                                </thead>
                                <tbody>
                                    {move || spacer(window.slice.with(|s| s.top))}
                                    <For
                                        each=move || rows.get()
                                        key=|f| f.key
                                        children=move |f| form_row(st, l, f, has_files.get_untracked())
                                    />
                                    {move || spacer(window.slice.with(|s| s.bottom))}
                                </tbody>
                            </table>
                        </div>
                        {move || unit_summary(st, l, &reviewed.get())}
                    </div>
                    {move || chart(st, l, categories.get())}
                </div>
            }
                .into_any()
        }}
    }
}

fn summary(st: State, l: Lang) -> impl IntoView {
    let a = st.analysis.get();
    let r = &a.report;
    let check_ms = a.check_ms;
    safe_view! {
        <div class="summary" data-testid="summary">
            <div class="stat stat-main">
                <span class="stat-value" data-testid="form-count">{r.forms.len()}</span>
                <span class="stat-label">{t::FORMS_UNIT.get(l)}</span>
            </div>
            <div class="stat">
                <span class="stat-value" data-testid="total-indicators">{r.indicators}</span>
                <span class="stat-label">{t::INDICATORS.get(l)}</span>
                <span class="stat-sub">{r.applicable} " " {t::APPLICABLE.get(l)}</span>
            </div>
            <div class="stat stat-problems">
                {SEVERITIES
                    .iter()
                    .map(|&sev| severity_count(st, sev, r.counts.get(sev), l))
                    .collect_view()}
            </div>
            <div class="stat stat-small">
                <span class="stat-label">{t::BUDGET_YEAR.get(l)}</span>
                <span class="stat-value-small" data-testid="budget-year">
                    {r.budget_year.map_or_else(|| t::UNKNOWN.get(l).to_string(), |y| y.to_string())}
                </span>
                <span class="stat-sub" title=t::CHECK_TIME_TITLE.get(l)>
                    {format!("{check_ms:.0} ms")}
                </span>
            </div>
        </div>
    }
}

fn severity_count(st: State, sev: Severity, n: usize, lang: Lang) -> impl IntoView {
    let show = move |_| st.show_problems(Filter::severity(sev));
    safe_view! {
        <button
            type="button"
            class=format!("sev-count sev-{}", sev.as_str())
            class:zero={n == 0}
            data-testid=format!("count-{}", sev.as_str())
            title=t::SHOW_THESE.get(lang)
            on:click=show
        >
            <span class="sev-dot" aria-hidden="true"></span>
            <span class="sev-label">{sev.label().get(lang).to_string()}</span>
            <span class="sev-n">{n}</span>
        </button>
    }
}

fn sort_header(
    sort: RwSignal<Sort>,
    key: SortKey,
    label: impl Into<String>,
    class: &'static str,
    l: Lang,
) -> impl IntoView {
    let label = label.into();
    let aria = move || {
        let s = sort.get();
        if s.key != key {
            "none"
        } else if s.descending {
            "descending"
        } else {
            "ascending"
        }
    };
    let arrow = move || {
        let s = sort.get();
        match (s.key == key, s.descending) {
            (false, _) => "",
            (true, false) => "▲",
            (true, true) => "▼",
        }
    };
    let click = move |_| {
        sort.update(|s| {
            if s.key == key {
                s.descending = !s.descending;
            } else {
                // Numbers of problems and amounts: largest first.
                s.descending = !matches!(key, SortKey::Number | SortKey::Name | SortKey::Unit);
                s.key = key;
            }
        })
    };
    let title = t::SORT_BY.get(l);
    safe_view! {
        <th class=class aria-sort=aria scope="col">
            <button type="button" class="sort" title=title data-testid="sort" on:click=click>
                {label}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// What the desk shows: forms whose name, code, unit or file holds the query, of a grade, at a
/// status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeskFilter {
    pub query: String,
    pub grade: Option<Grade>,
    pub status: Option<Status>,
}

impl DeskFilter {
    pub fn keeps(&self, r: &FormRow) -> bool {
        let q = self.query.trim();
        let hit = |s: &Option<String>| s.as_deref().is_some_and(|s| s.contains(q));
        (q.is_empty() || hit(&r.name) || hit(&r.code) || hit(&r.unit_name) || hit(&r.file))
            && self.grade.is_none_or(|g| g == r.final_grade)
            && self.status.is_none_or(|s| s == r.status)
    }
}

/// The desk's tools over the forms table: the filter, the workbook, the review file.
fn desk_tools(
    st: State,
    l: Lang,
    filter: RwSignal<DeskFilter>,
    shown: Memo<usize>,
    reviewed: Memo<Vec<FormRow>>,
) -> impl IntoView {
    use kpiform_core::export::Format;
    let total = move || reviewed.with(Vec::len);
    safe_view! {
        <div class="desk-tools" data-testid="desk-tools">
            <input
                type="search"
                class="desk-query"
                data-testid="desk-query"
                placeholder=t::DESK_QUERY.get(l)
                aria-label=t::DESK_QUERY.get(l)
                prop:value=move || filter.with(|f| f.query.clone())
                on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev))
            />
            <select
                data-testid="desk-grade"
                aria-label=t::COL_GRADE.get(l)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.grade = Grade::ALL.into_iter().find(|g| g.as_str() == v));
                }
            >
                <option value="">{t::ALL_GRADES.get(l)}</option>
                {Grade::ALL
                    .into_iter()
                    .map(|g| safe_view! { <option value=g.as_str()>{g.label().get(l).to_string()}</option> })
                    .collect_view()}
            </select>
            <select
                data-testid="desk-status"
                aria-label=t::COL_STATUS.get(l)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.status = Status::ALL.into_iter().find(|s| s.as_str() == v));
                }
            >
                <option value="">{t::ALL_STATUSES.get(l)}</option>
                {Status::ALL
                    .into_iter()
                    .map(|s| safe_view! { <option value=s.as_str()>{s.label().get(l).to_string()}</option> })
                    .collect_view()}
            </select>
            <span class="muted" data-testid="desk-shown">{move || t::shown_of(l, shown.get(), total())}</span>
            <span class="desk-actions">
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid="desk-xlsx"
                    title=t::DESK_XLSX_TITLE.get(l)
                    on:click=move |_| st.download_export(Format::Xlsx, None)
                >
                    {t::DESK_XLSX.get(l)}
                </button>
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid="save-review"
                    title=t::SAVE_REVIEW_TITLE.get(l)
                    on:click=move |_| st.save_review()
                >
                    {t::SAVE_REVIEW.get(l)}
                </button>
                <button
                    type="button"
                    class="btn btn-small btn-quiet"
                    data-testid="clear-review"
                    on:click=move |_| {
                        let sure = window().confirm_with_message(t::CLEAR_REVIEW_CONFIRM.get(l)).unwrap_or(false);
                        if sure {
                            st.clear_review();
                        }
                    }
                >
                    {t::CLEAR_REVIEW.get(l)}
                </button>
            </span>
        </div>
    }
}

/// One unit of the desk: its forms by grade, its errors, how many are done.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSummary {
    pub unit: Option<String>,
    pub forms: usize,
    pub grades: [usize; 4],
    pub errors: usize,
    pub done: usize,
}

/// The units of `rows`, in the order they first appear.
pub fn units(rows: &[FormRow]) -> Vec<UnitSummary> {
    let mut out: Vec<UnitSummary> = Vec::new();
    for r in rows {
        let i = match out.iter().position(|u| u.unit == r.desk_unit) {
            Some(i) => i,
            None => {
                out.push(UnitSummary {
                    unit: r.desk_unit.clone(),
                    forms: 0,
                    grades: [0; 4],
                    errors: 0,
                    done: 0,
                });
                out.len() - 1
            }
        };
        let u = &mut out[i];
        u.forms += 1;
        u.grades[r.final_grade as usize] += 1;
        u.errors += r.counts.error;
        u.done += (r.status == Status::Done) as usize;
    }
    out
}

/// The summary per unit, each with its own 审核意见 (Word).
fn unit_summary(st: State, l: Lang, rows: &[FormRow]) -> impl IntoView {
    use kpiform_core::export::Format;
    let units = units(rows);
    safe_view! {
        <h2 class="section-title" id="units-title">{t::UNITS_HEADING.get(l)}</h2>
        <div class="table-wrap">
            <table class="forms units" data-testid="unit-summary" aria-labelledby="units-title">
                <thead>
                    <tr>
                        <th scope="col">{t::COL_UNIT.get(l)}</th>
                        <th scope="col" class="num">{t::FORMS_UNIT.get(l)}</th>
                        {Grade::ALL
                            .into_iter()
                            .map(|g| safe_view! { <th scope="col" class="num">{g.label().get(l).to_string()}</th> })
                            .collect_view()}
                        <th scope="col" class="num">{Severity::Error.label().get(l).to_string()}</th>
                        <th scope="col" class="num">{Status::Done.label().get(l).to_string()}</th>
                        <th scope="col">{t::UNIT_REPORT.get(l)}</th>
                    </tr>
                </thead>
                <tbody>
                    {units
                        .into_iter()
                        .map(|u| {
                            let name = u.unit.clone().unwrap_or_else(|| t::NO_UNIT.get(l).to_string());
                            let unit = u.unit.clone();
                            let has_unit = unit.is_some();
                            safe_view! {
                                <tr data-testid="unit-row" data-unit=u.unit.clone().unwrap_or_default() data-forms=u.forms>
                                    <td class="unit-name">{name}</td>
                                    <td class="num" data-testid="unit-forms">{u.forms}</td>
                                    {u.grades.iter().map(|n| safe_view! { <td class="num">{*n}</td> }).collect_view()}
                                    <td class="num">{u.errors}</td>
                                    <td class="num" data-testid="unit-done">{format!("{}/{}", u.done, u.forms)}</td>
                                    <td>
                                        <button
                                            type="button"
                                            class="btn btn-small"
                                            data-testid="unit-report"
                                            disabled=!has_unit
                                            title=t::UNIT_REPORT_TITLE.get(l)
                                            on:click=move |_| st.download_export(Format::ReportDocx, unit.clone())
                                        >
                                            "Word"
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn form_row(st: State, l: Lang, f: FormRow, file_column: bool) -> impl IntoView {
    let number = f.number;
    let unit = f.unit.map(|u| u.as_str());
    let open = move |_| st.open_form(number);
    let problems_of = move |sev: Severity| {
        move |_| {
            st.show_problems(Filter {
                form: Some(number),
                ..Filter::severity(sev)
            })
        }
    };
    let count_cell = move |sev: Severity, n: usize| {
        let class = format!("num count sev-{}", sev.as_str());
        if n == 0 {
            safe_view! { <td class=class><span class="zero-count">"0"</span></td> }.into_any()
        } else {
            safe_view! {
                <td class=class>
                    <button
                        type="button"
                        class="link-button"
                        title=t::SHOW_THESE.get(l)
                        data-testid=format!("form-{}", sev.as_str())
                        on:click=problems_of(sev)
                    >
                        {n}
                    </button>
                </td>
            }
            .into_any()
        }
    };
    let kind_class = format!("kind kind-{}", f.kind.as_str());
    let name = f
        .name
        .clone()
        .unwrap_or_else(|| t::NO_NAME.get(l).to_string());
    let unit_title = match f.kind {
        FormKind::Project => t::COL_APPLICANT.get(l),
        FormKind::Department => t::COL_AUTHORITY.get(l),
    };
    safe_view! {
        <tr
            data-testid="form-row"
            data-key=f.key
            data-kind=f.kind.as_str()
            data-codes=f.codes.join(" ")
            data-total=f.counts.total()
        >
            <td class="num">{number}</td>
            <td class="name">
                <button
                    type="button"
                    class="link-button form-name"
                    data-testid="form-name"
                    title=t::OPEN_FORM.get(l)
                    on:click=open
                >
                    {name}
                </button>
                <span class="form-meta">
                    <span class=kind_class data-testid="form-kind">{t::kind(l, f.kind)}</span>
                    <span class="form-code" data-testid="form-code" title=t::COL_CODE.get(l)>
                        {f.code.unwrap_or_else(|| t::NO_VALUE.to_string())}
                    </span>
                </span>
            </td>
            {file_column.then(|| safe_view! {
                <td class="form-file" data-testid="form-file">{f.file.clone().unwrap_or_default()}</td>
            })}
            <td
                class="unit-name"
                data-testid="form-unit"
                title=format!("{unit_title}: {}", f.unit_name.as_deref().unwrap_or(t::NO_VALUE))
            >
                {f.unit_name.clone().unwrap_or_else(|| t::NO_VALUE.to_string())}
            </td>
            <td class="num" data-testid="form-year">{amount(f.year, unit)}</td>
            <td class="num">
                <span data-testid="indicator-count">{f.indicators}</span>
                <span class="sub" title=t::APPLICABLE_TITLE.get(l)>
                    <span data-testid="applicable-count">{f.applicable}</span>
                </span>
            </td>
            <td
                class="grade"
                data-testid="form-grade"
                data-grade=f.final_grade.as_str()
                data-suggested=f.grade.grade.as_str()
                title=t::grade_title(l, &f.grade, f.reason.as_deref())
            >
                <span class=format!("grade-pill grade-{}", f.final_grade.as_str())>
                    {f.final_grade.label().get(l).to_string()}
                </span>
                {f.reason.is_some().then(|| safe_view! { <span class="grade-set" data-testid="grade-set">{t::GRADE_SET.get(l)}</span> })}
                <span class="sub">{f.grade.score.to_string()}</span>
            </td>
            {count_cell(Severity::Error, f.counts.error)}
            {count_cell(Severity::Warning, f.counts.warning)}
            {count_cell(Severity::Info, f.counts.info)}
            <td class=format!("status status-{}", f.status.as_str()) data-testid="form-status" data-status=f.status.as_str()>
                {f.status.label().get(l).to_string()}
            </td>
        </tr>
    }
}

/// An amount with its unit, or a dash.
pub fn amount(value: Option<f64>, unit: Option<&'static str>) -> impl IntoView {
    match value {
        Some(v) => safe_view! {
            <span class="amount">{format_amount(v)}</span>
            <span class="unit">{unit.unwrap_or("")}</span>
        }
        .into_any(),
        None => safe_view! { <span class="muted">{t::NO_VALUE}</span> }.into_any(),
    }
}

/// Horizontal bars, one per category, stacked by severity; a click filters the problem list.
fn chart(st: State, lang: Lang, categories: Vec<crate::report::CategoryCount>) -> impl IntoView {
    const W: f64 = 200.0;
    const BAR: f64 = 14.0;
    let max = categories
        .iter()
        .map(|c| c.counts.total())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let rows = categories
        .into_iter()
        .map(|c| {
            let total = c.counts.total();
            let mut x = 0.0;
            let segments = SEVERITIES
                .iter()
                .filter(|&&s| c.counts.get(s) > 0)
                .map(|&s| {
                    let w = (c.counts.get(s) as f64 / max * W).max(2.0);
                    let seg = safe_view! {
                        <rect
                            class=format!("bar sev-{}", s.as_str())
                            x=format!("{x:.1}")
                            y="0"
                            width=format!("{w:.1}")
                            height=BAR.to_string()
                        >
                            <title>{format!("{} {}", s.label().get(lang), c.counts.get(s))}</title>
                        </rect>
                    };
                    x += w;
                    seg
                })
                .collect_view();
            let cat: Category = c.category;
            let filter = move |_| st.show_problems(Filter::category(cat));
            let label = cat.name().get(lang).to_string();
            safe_view! {
                <li class="chart-row" class:chart-zero={total == 0}>
                    <button
                        type="button"
                        class="chart-button"
                        data-testid="chart-bar"
                        data-category=cat.as_str()
                        disabled={total == 0}
                        title=t::SHOW_THESE.get(lang)
                        on:click=filter
                    >
                        <span class="chart-label">{label}</span>
                        <svg
                            class="chart-svg"
                            viewBox=format!("0 0 {W} {BAR}")
                            width=W.to_string()
                            height=BAR.to_string()
                            preserveAspectRatio="none"
                            aria-hidden="true"
                        >
                            <rect class="bar-track" x="0" y="0" width=W.to_string() height=BAR.to_string()></rect>
                            {segments}
                        </svg>
                        <span class="chart-n" data-testid="chart-count">{total}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    safe_view! {
        <figure class="chart" data-testid="chart">
            <figcaption class="section-title">{t::BY_CATEGORY.get(lang)}</figcaption>
            <ul class="chart-rows">{rows}</ul>
            <p class="chart-legend">
                {SEVERITIES
                    .iter()
                    .map(|s| {
                        safe_view! {
                            <span class=format!("legend sev-{}", s.as_str())>
                                <span class="sev-dot" aria-hidden="true"></span>
                                {s.label().get(lang).to_string()}
                            </span>
                        }
                    })
                    .collect_view()}
            </p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kpiform_core::Counts;

    fn row(number: usize, errors: usize, year: Option<f64>) -> FormRow {
        FormRow {
            number,
            key: 0,
            kind: FormKind::Project,
            name: Some(format!("f{number}")),
            code: None,
            unit_name: None,
            unit: Some(kpiform_core::AmountUnit::Yuan),
            total: None,
            year,
            indicators: 0,
            applicable: 0,
            counts: Counts {
                error: errors,
                ..Counts::default()
            },
            codes: Vec::new(),
            line: 1,
            title: kpiform_core::Span::default(),
            file: None,
            grade: kpiform_core::FormGrade {
                grade: kpiform_core::Grade::Excellent,
                score: 100.0,
                scores: [100.0; 4],
                capped: false,
            },
            final_grade: kpiform_core::Grade::Excellent,
            reason: None,
            status: Status::NotStarted,
            id: String::new(),
            desk_unit: None,
        }
    }

    #[test]
    fn sorting() {
        let mut rows = vec![row(1, 2, Some(5.0)), row(2, 5, None), row(3, 2, Some(50.0))];
        let sort = |rows: &mut Vec<FormRow>, key, descending| {
            sort_rows(rows, Sort { key, descending });
            rows.iter().map(|r| r.number).collect::<Vec<_>>()
        };
        assert_eq!(sort(&mut rows, SortKey::Errors, true), [2, 1, 3]);
        assert_eq!(sort(&mut rows, SortKey::Errors, false), [1, 3, 2]);
        assert_eq!(sort(&mut rows, SortKey::Year, true), [3, 1, 2]);
        assert_eq!(sort(&mut rows, SortKey::Number, false), [1, 2, 3]);
    }
}
