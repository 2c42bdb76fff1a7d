//! The settings view: budget year, every rule on or off and its severity, language, theme.

use kpiform_core::{Category, Lang, Severity};
use leptos::prelude::*;

use crate::i18n as t;
use crate::report::SEVERITIES;
use crate::settings::{valid_year, RuleSettings, Theme};
use crate::state::{use_state, State};

#[component]
pub fn SettingsView() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let set_rules = move |f: &dyn Fn(&mut RuleSettings)| {
        st.rules.update(|r| f(r));
    };
    let year_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let v = v.trim();
        let year = if v.is_empty() {
            None
        } else {
            match v.parse::<u16>().ok().filter(valid_year) {
                Some(y) => Some(y),
                // Half-typed years wait until they are complete.
                None => return,
            }
        };
        if st.rules.with_untracked(|r| r.budget_year) != year {
            set_rules(&|r| r.budget_year = year);
        }
    };
    let detected = move || {
        let l = lang.get();
        let a = st.analysis.get();
        match (st.rules.with(|r| r.budget_year), a.report.budget_year) {
            (None, Some(y)) => t::detected_year(l, y),
            (None, None) => t::NO_YEAR_DETECTED.get(l).to_string(),
            (Some(_), _) => String::new(),
        }
    };

    safe_view! {
        <div class="settings" data-testid="settings-view">
            <section class="settings-group" aria-labelledby="set-display">
                <h2 class="section-title" id="set-display">{move || t::DISPLAY.get(lang.get())}</h2>
                <div class="setting">
                    <span class="setting-label" id="set-lang">{move || t::LANGUAGE.get(lang.get())}</span>
                    <div class="segmented" role="radiogroup" aria-labelledby="set-lang">
                        {[(Lang::Zh, "中文"), (Lang::En, "English")]
                            .into_iter()
                            .map(|(l, label)| {
                                safe_view! {
                                    <button
                                        type="button"
                                        role="radio"
                                        data-testid=format!("set-lang-{}", if l == Lang::Zh { "zh" } else { "en" })
                                        aria-checked=move || (lang.get() == l).to_string()
                                        on:click=move |_| lang.set(l)
                                    >
                                        {label}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
                <div class="setting">
                    <span class="setting-label" id="set-theme">{move || t::THEME.get(lang.get())}</span>
                    <div class="segmented" role="radiogroup" aria-labelledby="set-theme">
                        {Theme::ALL
                            .into_iter()
                            .map(|th| {
                                safe_view! {
                                    <button
                                        type="button"
                                        role="radio"
                                        data-testid=format!("set-theme-{}", th.as_str())
                                        aria-checked=move || (st.theme.get() == th).to_string()
                                        on:click=move |_| st.theme.set(th)
                                    >
                                        {move || t::theme(lang.get(), th)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
                <div class="setting">
                    <span class="setting-label" id="set-paste">{move || t::RICH_PASTE.get(lang.get())}</span>
                    <div class="segmented" role="radiogroup" aria-labelledby="set-paste">
                        {[true, false]
                            .into_iter()
                            .map(|rich| {
                                safe_view! {
                                    <button
                                        type="button"
                                        role="radio"
                                        data-testid=if rich { "set-paste-table" } else { "set-paste-plain" }
                                        aria-checked=move || (st.rich_paste.get() == rich).to_string()
                                        on:click=move |_| st.rich_paste.set(rich)
                                    >
                                        {move || t::rich_paste(lang.get(), rich)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                    <p class="setting-help">{move || t::RICH_PASTE_HELP.get(lang.get())}</p>
                </div>
            </section>

            <section class="settings-group" aria-labelledby="set-check">
                <h2 class="section-title" id="set-check">{move || t::CHECKING_SETTINGS.get(lang.get())}</h2>
                <div class="setting">
                    <label class="setting-label" for="budget-year">{move || t::BUDGET_YEAR.get(lang.get())}</label>
                    <input
                        id="budget-year"
                        data-testid="budget-year-input"
                        type="number"
                        min="2000"
                        max="2100"
                        step="1"
                        inputmode="numeric"
                        placeholder=move || t::AUTO.get(lang.get())
                        prop:value=move || st.rules.with(|r| r.budget_year.map(|y| y.to_string()).unwrap_or_default())
                        on:input=year_input
                    />
                    <span class="muted" data-testid="year-detected">{detected}</span>
                </div>
                <div class="setting">
                    <span class="setting-label">{move || t::RULES.get(lang.get())}</span>
                    <span class="muted">
                        {move || {
                            let off = st.rules.with(|r| r.off.len());
                            let changed = st.rules.with(|r| r.severity.len());
                            t::rules_summary(lang.get(), kpiform_core::rules().len() - off, kpiform_core::rules().len(), changed)
                        }}
                    </span>
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid="reset-rules"
                        disabled=move || st.rules.with(RuleSettings::is_default)
                        on:click=move |_| st.rules.set(RuleSettings::default())
                    >
                        {move || t::RESET.get(lang.get())}
                    </button>
                </div>
                {move || rules_table(st, lang.get())}
            </section>
            {move || grading(st, lang.get())}
        </div>
    }
}

/// The grading formula's settings (rules/grading.html documents it): points per finding, how
/// often one rule counts, the dimensions' weights, the grades' thresholds.
fn grading(st: State, l: Lang) -> impl IntoView {
    use kpiform_core::{Dimension, GradeOptions};
    // Which number of the options an input edits.
    #[derive(Clone, Copy)]
    enum Slot {
        Deduct(usize),
        PerRule,
        Weight(usize),
        Threshold(usize),
    }
    let get = |o: &GradeOptions, s: Slot| match s {
        Slot::Deduct(i) => o.deduct[i],
        Slot::PerRule => o.per_rule as f64,
        Slot::Weight(i) => o.weights[i],
        Slot::Threshold(i) => o.thresholds[i],
    };
    let input = move |s: Slot, label: String, id: String| {
        let on_input = move |ev: web_sys::Event| {
            let Ok(x) = event_target_value(&ev).trim().parse::<f64>() else {
                return;
            };
            if !(0.0..=1000.0).contains(&x) {
                return;
            }
            st.review.update(|r| {
                let o = &mut r.grading;
                match s {
                    Slot::Deduct(i) => o.deduct[i] = x,
                    Slot::PerRule => o.per_rule = x.round().max(1.0) as usize,
                    Slot::Weight(i) => o.weights[i] = x,
                    Slot::Threshold(i) => o.thresholds[i] = x.min(100.0),
                }
            });
        };
        safe_view! {
            <label class="grading-input">
                <span>{label}</span>
                <input
                    type="number"
                    min="0"
                    step="any"
                    data-testid=id
                    prop:value=move || st.review.with(|r| get(&r.grading, s).to_string())
                    on:change=on_input
                />
            </label>
        }
    };
    let sev = [Severity::Error, Severity::Warning, Severity::Info];
    let grades = ["优", "良", "中"];
    safe_view! {
        <section class="settings-group" aria-labelledby="set-grading" data-testid="grading-settings">
            <h2 class="section-title" id="set-grading">{t::GRADING.get(l)}</h2>
            <p class="muted">
                {t::GRADING_BODY.get(l)} " "
                <a href="rules/grading.html" target="_blank" rel="noopener">{t::GRADING_DOC.get(l)}</a>
            </p>
            <div class="setting grading-row">
                <span class="setting-label">{t::GRADING_DEDUCT.get(l)}</span>
                {sev.iter().enumerate().map(|(i, s)| input(Slot::Deduct(i), s.label().get(l).to_string(), format!("grading-deduct-{}", s.as_str()))).collect_view()}
                {input(Slot::PerRule, t::GRADING_PER_RULE.get(l).to_string(), "grading-per-rule".into())}
            </div>
            <div class="setting grading-row">
                <span class="setting-label">{t::GRADING_WEIGHTS.get(l)}</span>
                {Dimension::ALL.iter().enumerate().map(|(i, d)| input(Slot::Weight(i), d.name().get(l).to_string(), format!("grading-weight-{i}"))).collect_view()}
            </div>
            <div class="setting grading-row">
                <span class="setting-label">{t::GRADING_THRESHOLDS.get(l)}</span>
                {grades.iter().enumerate().map(|(i, g)| input(Slot::Threshold(i), g.to_string(), format!("grading-threshold-{i}"))).collect_view()}
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid="reset-grading"
                    disabled=move || st.review.with(|r| r.grading == GradeOptions::default())
                    on:click=move |_| st.review.update(|r| r.grading = GradeOptions::default())
                >
                    {t::RESET.get(l)}
                </button>
            </div>
        </section>
    }
}

fn rules_table(st: State, l: Lang) -> impl IntoView {
    let groups = Category::ALL
        .iter()
        .map(|&cat| {
            let rows = kpiform_core::rules()
                .filter(|r| r.category == cat)
                .map(|rule| {
                    let code = rule.code;
                    let id = format!("rule-{code}");
                    let title = match l {
                        Lang::Zh => rule.title_zh,
                        Lang::En => rule.title_en,
                    };
                    let on = move || st.rules.with(|r| r.is_on(code));
                    let options = SEVERITIES
                        .iter()
                        .map(|&s| {
                            let label = if s == rule.severity {
                                format!("{} {}", s.label().get(l), t::DEFAULT_MARK.get(l))
                            } else {
                                s.label().get(l).to_string()
                            };
                            safe_view! {
                                <option
                                    value=s.as_str()
                                    selected=move || st.rules.with(|r| r.severity_of(rule) == s)
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view();
                    safe_view! {
                        <tr data-testid="rule-row" data-code=code class:rule-off=move || !on()>
                            <td>
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    data-testid="rule-on"
                                    prop:checked=on
                                    on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        st.rules.update(|r| r.set_on(rule, checked));
                                    }
                                />
                            </td>
                            <td class="code">
                                <a href=format!("rules/{code}.html") target="_blank" rel="noopener" title=t::RULE_DOC.get(l)>
                                    {code}
                                </a>
                            </td>
                            <td>
                                <label for=id>{title}</label>
                            </td>
                            <td>
                                <select
                                    data-testid="rule-severity"
                                    aria-label=format!("{code} {}", t::SEVERITY.get(l))
                                    disabled=move || !on()
                                    on:change=move |ev| {
                                        if let Some(s) = Severity::parse(&event_target_value(&ev)) {
                                            st.rules.update(|r| r.set_severity(rule, s));
                                        }
                                    }
                                >
                                    {options}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            safe_view! {
                <tbody>
                    <tr class="rule-group">
                        <th colspan="4" scope="colgroup">{cat.name().get(l).to_string()}</th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    safe_view! {
        <div class="table-wrap rules-wrap">
            <table class="rules" data-testid="rules">
                <thead>
                    <tr>
                        <th scope="col">{t::ON.get(l)}</th>
                        <th scope="col">{t::RULE.get(l)}</th>
                        <th scope="col">{t::RULE_TITLE.get(l)}</th>
                        <th scope="col">{t::SEVERITY.get(l)}</th>
                    </tr>
                </thead>
                {groups}
            </table>
        </div>
    }
}
