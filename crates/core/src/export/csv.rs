//! CSV: UTF-8 with BOM (Excel opens Chinese text right), RFC 4180 quoting, CRLF line ends.
//! Two tables: one row per form, one row per indicator. Shared with the workbook.

use crate::diagnostic::{Counts, Lang};
use crate::model::{Document, FieldKey, FormKind};
use crate::review::Dispositions;
use crate::value::{expected_kind, parse_value};

use super::Input;

/// A cell of a table: text or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.to_string()))
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => quote(s),
            Cell::Number(n) => format!("{n}"),
            Cell::Empty => String::new(),
        }
    }
}

/// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
pub fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn header(lang: Lang, cols: &[(&str, &str)]) -> Vec<String> {
    cols.iter()
        .map(|(zh, en)| {
            if lang == Lang::En {
                en.to_string()
            } else {
                zh.to_string()
            }
        })
        .collect()
}

/// One row per form.
pub fn forms_table(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> Table {
    let header = header(
        lang,
        &[
            ("来源", "source"),
            ("序号", "form"),
            ("类型", "kind"),
            ("项目编码", "code"),
            ("名称", "name"),
            ("申请单位", "applicant"),
            ("一级预算单位/主管部门", "budget unit"),
            ("实施期限", "years"),
            ("金额单位", "amount unit"),
            ("项目总金额", "total amount"),
            ("本年度项目金额", "amount this year"),
            ("指标数", "indicators"),
            ("适用指标数", "applicable"),
            ("错误", "errors"),
            ("警告", "warnings"),
            ("提示", "infos"),
            ("建议等级", "grade"),
            ("得分", "score"),
            ("完整性", "completeness"),
            ("相关性", "relevance"),
            ("适当性", "appropriateness"),
            ("可行性", "feasibility"),
            ("审核等级", "final grade"),
            ("改定理由", "reason for the grade"),
            ("审核状态", "review status"),
        ],
    );
    let mut rows = Vec::new();
    for (input, doc) in inputs {
        for (n, f) in doc.forms.iter().enumerate() {
            let Counts {
                error: e,
                warning: w,
                info: i,
            } = Counts::of(&f.diagnostics);
            let a = review.assess(input.text, f);
            let g = &a.suggested;
            let kind = match (f.kind, lang) {
                (FormKind::Project, Lang::Zh) => "项目",
                (FormKind::Department, Lang::Zh) => "部门",
                (k, Lang::En) => k.as_str(),
            };
            rows.push(vec![
                Cell::Text(input.path.to_string()),
                Cell::Number((n + 1) as f64),
                Cell::Text(kind.into()),
                Cell::text(f.text(FieldKey::Code)),
                Cell::text(f.text(FieldKey::Name)),
                Cell::text(f.text(FieldKey::Applicant)),
                Cell::text(f.text(FieldKey::BudgetUnit).or(f.text(FieldKey::Authority))),
                f.years().map_or(Cell::Empty, |y| Cell::Number(y as f64)),
                Cell::text(f.amount_unit.map(|u| u.as_str())),
                f.amount(FieldKey::TotalAmount)
                    .map_or(Cell::Empty, Cell::Number),
                f.amount(FieldKey::YearAmount)
                    .map_or(Cell::Empty, Cell::Number),
                Cell::Number(f.indicators.len() as f64),
                Cell::Number(f.applicable_indicators().count() as f64),
                Cell::Number(e as f64),
                Cell::Number(w as f64),
                Cell::Number(i as f64),
                Cell::Text(g.grade.label().get(lang).to_string()),
                Cell::Number(g.score),
                Cell::Number(g.scores[0]),
                Cell::Number(g.scores[1]),
                Cell::Number(g.scores[2]),
                Cell::Number(g.scores[3]),
                Cell::Text(a.grade.label().get(lang).to_string()),
                Cell::text(a.reason.as_deref()),
                Cell::Text(a.status.label().get(lang).to_string()),
            ]);
        }
    }
    Table { header, rows }
}

/// One row per unit (申请单位, else 主管部门), in the order the units first appear: its forms, how
/// many of each grade (as the review stands), its errors and how many forms are done.
pub fn units_table(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> Table {
    let header = header(
        lang,
        &[
            ("单位", "unit"),
            ("申报表数", "forms"),
            ("优", "excellent"),
            ("良", "good"),
            ("中", "fair"),
            ("差", "poor"),
            ("错误", "errors"),
            ("警告", "warnings"),
            ("已完成审核", "done"),
        ],
    );
    let mut units: Vec<(Option<String>, [usize; 8])> = Vec::new();
    for (input, doc) in inputs {
        for f in &doc.forms {
            let unit = super::unit_of(f);
            let i = match units.iter().position(|(u, _)| *u == unit) {
                Some(i) => i,
                None => {
                    units.push((unit, [0; 8]));
                    units.len() - 1
                }
            };
            let a = review.assess(input.text, f);
            let c = Counts::of(&f.diagnostics);
            let n = &mut units[i].1;
            n[0] += 1;
            n[1 + a.grade as usize] += 1;
            n[5] += c.error;
            n[6] += c.warning;
            n[7] += (a.status == crate::review::Status::Done) as usize;
        }
    }
    let none = if lang == Lang::Zh {
        "（未填单位）"
    } else {
        "(no unit)"
    };
    let rows = units
        .into_iter()
        .map(|(u, n)| {
            let mut row = vec![Cell::Text(u.unwrap_or_else(|| none.to_string()))];
            row.extend(n.iter().map(|&x| Cell::Number(x as f64)));
            row
        })
        .collect();
    Table { header, rows }
}

/// One row per indicator.
pub fn indicators_table(inputs: &[(&Input, Document)], lang: Lang) -> Table {
    let header = header(
        lang,
        &[
            ("来源", "source"),
            ("序号", "form"),
            ("项目编码", "code"),
            ("名称", "name"),
            ("行", "line"),
            ("一级指标", "level 1"),
            ("二级指标", "level 2"),
            ("必填", "mandatory"),
            ("三级指标", "indicator"),
            ("指标值", "value"),
            ("比较符号", "operator"),
            ("数值", "number"),
            ("单位", "unit"),
            ("值类型", "kind"),
            ("应为", "expected"),
            ("指标解释", "explanation"),
            ("适用", "applicable"),
        ],
    );
    let yes_no = |b: bool| {
        Cell::Text(
            if lang == Lang::En {
                if b {
                    "yes"
                } else {
                    "no"
                }
            } else if b {
                "是"
            } else {
                "否"
            }
            .into(),
        )
    };
    let mut rows = Vec::new();
    for (input, doc) in inputs {
        for (n, f) in doc.forms.iter().enumerate() {
            for ind in &f.indicators {
                let v = parse_value(&ind.stated_value());
                rows.push(vec![
                    Cell::Text(input.path.to_string()),
                    Cell::Number((n + 1) as f64),
                    Cell::text(f.text(FieldKey::Code)),
                    Cell::text(f.text(FieldKey::Name)),
                    Cell::Number(doc.lines.line(ind.span.start) as f64),
                    Cell::text(ind.level1.map(|l| {
                        if lang == Lang::En {
                            l.label_en()
                        } else {
                            l.as_str()
                        }
                    })),
                    Cell::text(ind.level2.as_ref().map(|l| l.name())),
                    yes_no(ind.mandatory),
                    Cell::Text(ind.name.text.clone()),
                    Cell::Text(ind.value.text.clone()),
                    Cell::text(v.op.map(|o| o.symbol())),
                    v.number.map_or(Cell::Empty, Cell::Number),
                    Cell::text(ind.unit_text().as_deref()),
                    Cell::Text(v.kind.as_str().into()),
                    Cell::Text(expected_kind(&ind.name.text).as_str().into()),
                    Cell::Text(ind.explanation.text.clone()),
                    yes_no(ind.applicable),
                ]);
            }
        }
    }
    Table { header, rows }
}

/// One row per diagnostic (the workbook's 问题 sheet).
pub fn diagnostics_table(inputs: &[(&Input, Document)], lang: Lang) -> Table {
    let header = header(
        lang,
        &[
            ("来源", "source"),
            ("序号", "form"),
            ("项目编码", "code"),
            ("名称", "name"),
            ("行", "line"),
            ("列", "column"),
            ("严重程度", "severity"),
            ("规则", "rule"),
            ("说明", "message"),
            ("原文", "quoted text"),
            ("建议修改", "suggested correction"),
        ],
    );
    let mut rows = Vec::new();
    for (input, doc) in inputs {
        let outside = doc.diagnostics.iter().map(|d| (None, d));
        let inside = doc
            .forms
            .iter()
            .enumerate()
            .flat_map(|(n, f)| f.diagnostics.iter().map(move |d| (Some((n, f)), d)));
        for (form, d) in outside.chain(inside) {
            let lc = doc.lines.line_col(input.text, d.span.start);
            rows.push(vec![
                Cell::Text(input.path.to_string()),
                form.map_or(Cell::Empty, |(n, _)| Cell::Number((n + 1) as f64)),
                Cell::text(form.and_then(|(_, f)| f.text(FieldKey::Code))),
                Cell::text(form.and_then(|(_, f)| f.text(FieldKey::Name))),
                Cell::Number(lc.line as f64),
                Cell::Number(lc.column as f64),
                Cell::Text(d.severity.label().get(lang).to_string()),
                Cell::Text(d.code().to_string()),
                Cell::Text(d.message.get(lang).to_string()),
                Cell::Text(crate::text::excerpt(d.span.text(input.text), 80)),
                Cell::text(d.fix.as_ref().map(|f| f.replacement.as_str())),
            ]);
        }
    }
    Table { header, rows }
}

fn to_csv(t: &Table) -> Vec<u8> {
    let mut s = String::from("\u{feff}");
    s.push_str(
        &t.header
            .iter()
            .map(|h| quote(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    s.push_str("\r\n");
    for row in &t.rows {
        s.push_str(&row.iter().map(Cell::csv).collect::<Vec<_>>().join(","));
        s.push_str("\r\n");
    }
    s.into_bytes()
}

/// The two CSV files: forms and indicators.
pub fn tables(
    inputs: &[(&Input, Document)],
    lang: Lang,
    review: &Dispositions,
) -> (Vec<u8>, Vec<u8>) {
    (
        to_csv(&forms_table(inputs, lang, review)),
        to_csv(&indicators_table(inputs, lang)),
    )
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn rfc4180_quoting() {
        assert_eq!(quote("a"), "a");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
    }
}
