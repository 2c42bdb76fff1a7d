//! Tables that list several projects (四川's 一体化 export: `单位名称 | 项目名称 | 预算数 | 年度目标 |
//! 一级指标 | …`, the project's cells on its first row only): a form per project.

use super::vocab::More;
use crate::model::{Field, FieldKey, Form, Indicator, Text};
use crate::span::Span;
use crate::text::label_key;
use crate::value::parse_amount;

/// The field a list column holds; `Extra` for the other columns.
fn key_of(header: &str) -> FieldKey {
    [
        (More::ListUnit, FieldKey::Applicant),
        (More::ListName, FieldKey::Name),
        (More::ListAmount, FieldKey::YearAmount),
        (More::ListGoal, FieldKey::AnnualGoal),
    ]
    .into_iter()
    .find(|(m, _)| m.header() == header)
    .map_or(FieldKey::Extra, |(_, k)| k)
}

/// The forms of a form read from a list of projects: the rows from each row that names a
/// project to the next, with the project's cells as its fields (rows before the first project
/// stay with the first). A form without such a row is returned as it is.
pub fn split_projects(form: Form) -> Vec<Form> {
    let names_project = |i: &Indicator| {
        i.others
            .iter()
            .any(|(h, c)| key_of(h) == FieldKey::Name && !c.is_empty())
    };
    let starts: Vec<usize> = form
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| names_project(i))
        .map(|(n, _)| n)
        .collect();
    let Some(&first_project) = starts.first() else {
        return vec![form];
    };
    let mut base = form;
    let mut rows = std::mem::take(&mut base.indicators);
    let mut groups = Vec::new();
    for &start in starts.iter().skip(1).rev() {
        groups.push(rows.split_off(start));
    }
    groups.push(rows);
    groups.reverse();
    let mut forms = Vec::with_capacity(groups.len());
    for (k, mut group) in groups.into_iter().enumerate() {
        let mut f = Form {
            indicators: Vec::new(),
            medium_indicators: Vec::new(),
            fields: Vec::new(),
            diagnostics: Vec::new(),
            structure: Vec::new(),
            ..base.clone()
        };
        let project = if k == 0 {
            f.fields = std::mem::take(&mut base.fields);
            f.structure = std::mem::take(&mut base.structure);
            f.medium_indicators = std::mem::take(&mut base.medium_indicators);
            first_project
        } else {
            f.title = Text {
                span: Span::empty(group[0].span.start),
                text: base.title.text.clone(),
            };
            f.span = group[0].span;
            0
        };
        let cells: Vec<(FieldKey, Text)> = group[project]
            .others
            .iter()
            .filter(|(h, c)| key_of(h) != FieldKey::Extra && !c.is_empty())
            .map(|(h, c)| (key_of(h), c.clone()))
            .collect();
        // The project's cells become its fields; on the other rows such cells stay (a second
        // amount, a goal continued), and markup alone (`<p>`) is structure.
        for (n, row) in group.iter_mut().enumerate() {
            let others = std::mem::take(&mut row.others);
            for (h, c) in others {
                if key_of(&h) == FieldKey::Extra || (n != project && !c.is_empty()) {
                    row.others.push((h, c));
                } else if c.is_empty() {
                    f.structure.push(c.span);
                }
            }
        }
        for (key, value) in cells {
            // A header field of the same role stays, under its own label.
            for x in f.fields.iter_mut().filter(|x| x.key == key) {
                x.key = FieldKey::Extra;
                x.amount = None;
            }
            f.fields.push(Field {
                key,
                label: Text {
                    span: Span::empty(value.span.start),
                    text: label_key(key.label_zh()),
                },
                amount: if key.is_amount() {
                    parse_amount(&value.text)
                } else {
                    None
                },
                value,
                label_unit: None,
            });
        }
        if let Some(last) = group.last() {
            f.span = Span::new(f.span.start, last.span.end.max(f.span.start));
        }
        f.indicators = group;
        forms.push(f);
    }
    forms
}
