//! Small pieces more than one view shows: severity pills, the label of a form.

use kpiform_core::{Counts, Lang};
use leptos::prelude::*;

use crate::i18n as t;
use crate::report::{Report, SEVERITIES};

/// Pills with the counts per severity (`错误 3 警告 2`), or "none".
pub fn pills(c: Counts, lang: Lang) -> impl IntoView {
    if c.total() == 0 {
        return safe_view! { <span class="muted">{t::NO_PROBLEMS.get(lang)}</span> }.into_any();
    }
    SEVERITIES
        .iter()
        .filter(|&&sev| c.get(sev) > 0)
        .map(|&sev| {
            safe_view! {
                <span class=format!("pill sev-{}", sev.as_str()) data-severity=sev.as_str()>
                    {sev.label().get(lang).to_string()}
                    " "
                    {c.get(sev)}
                </span>
            }
        })
        .collect_view()
        .into_any()
}

/// `#3 一般管理事务`, and ` · 审核.xlsx` when several files were opened at once.
pub fn form_label(report: &Report, number: usize, lang: Lang) -> String {
    let form = report.form(number);
    let name = form
        .and_then(|f| f.name.clone())
        .unwrap_or_else(|| t::NO_NAME.get(lang).to_string());
    match form.and_then(|f| f.file.as_deref()) {
        Some(file) => format!("#{number} {name} · {file}"),
        None => format!("#{number} {name}"),
    }
}
