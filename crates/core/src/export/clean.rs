//! The cleaned text: fixes applied as edits of the pasted text, then every form written again in
//! the canonical tab-separated layout of the Shenzhen template with the N-normalizations of the
//! catalogue. Each change is listed, with its place in the original text.

use super::{Change, ExportOptions};
use crate::diagnostic::Applicability;
use crate::model::{AmountUnit, FieldKey, Form, FormKind, Indicator, Level1, Level2};
use crate::span::Span;
use crate::text::{has_markup, is_space, to_half_width, to_simplified};

/// The cleaned text and the list of what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub text: String,
    pub changes: Vec<Change>,
}

/// Edits applied to the original, to map positions of the edited text back.
struct EditMap {
    /// (original start, original end, new start, new end), in order.
    edits: Vec<(usize, usize, usize, usize)>,
}

impl EditMap {
    fn back(&self, pos: usize) -> usize {
        let mut delta: isize = 0;
        for &(os, oe, ns, ne) in &self.edits {
            if pos < ns {
                break;
            }
            if pos < ne {
                return os;
            }
            delta = oe as isize - ne as isize;
        }
        (pos as isize + delta).max(0) as usize
    }

    fn span(&self, s: Span) -> Span {
        Span::new(self.back(s.start), self.back(s.end).max(self.back(s.start)))
    }
}

/// Clean one paste.
pub fn clean(text: &str, options: &ExportOptions) -> Cleaned {
    let doc = crate::rules::check(text, &options.check);
    let mut changes = Vec::new();

    // Fixes to apply: every safe one; suggested ones when accepted. A001 relabels the amounts,
    // which the canonical layout does for the form as a whole.
    let accepted = |code: &str, start: usize| {
        options.apply_suggested
            || options
                .accepted
                .iter()
                .any(|(c, s)| c == code && *s == start)
    };
    let mut relabel_yuan: Vec<usize> = Vec::new();
    let mut fixes: Vec<(&'static str, Span, String)> = Vec::new();
    for (fi, form) in doc.forms.iter().enumerate() {
        for d in &form.diagnostics {
            let Some(fix) = &d.fix else { continue };
            let take =
                fix.applicability == Applicability::Safe || accepted(d.code(), fix.span.start);
            if !take {
                continue;
            }
            if d.code() == "A001" {
                relabel_yuan.push(fi);
                changes.push(Change {
                    code: "A001",
                    span: fix.span,
                    before: fix.span.text(text).to_string(),
                    after: fix.replacement.clone(),
                });
            } else {
                fixes.push((d.code(), fix.span, fix.replacement.clone()));
            }
        }
    }
    for d in &doc.diagnostics {
        if let Some(fix) = &d.fix {
            if fix.applicability == Applicability::Safe || accepted(d.code(), fix.span.start) {
                fixes.push((d.code(), fix.span, fix.replacement.clone()));
            }
        }
    }
    // What the parser could not place (S001 outside forms, S004 inside) has no place in the
    // canonical layout: it is left out, and the list says so.
    for d in doc
        .all_diagnostics()
        .filter(|d| matches!(d.code(), "S001" | "S004"))
    {
        changes.push(Change {
            code: d.code(),
            span: d.span,
            before: d.span.text(text).to_string(),
            after: String::new(),
        });
    }
    fixes.sort_by_key(|f| (f.1.start, f.1.end));
    let mut edited = String::with_capacity(text.len());
    let mut map = EditMap { edits: Vec::new() };
    let mut at = 0;
    for (code, span, replacement) in fixes {
        if span.start < at || text.get(span.range()).is_none() {
            continue; // overlaps an earlier fix
        }
        edited.push_str(&text[at..span.start]);
        let new_start = edited.len();
        edited.push_str(&replacement);
        map.edits
            .push((span.start, span.end, new_start, edited.len()));
        changes.push(Change {
            code,
            span,
            before: span.text(text).to_string(),
            after: replacement,
        });
        at = span.end;
    }
    edited.push_str(&text[at..]);

    let doc2 = crate::rules::parse(&edited);
    // Forms keep their order: A001's form indices carry over.
    let mut out = String::with_capacity(edited.len());
    let mut w = Writer {
        source: &edited,
        map: &map,
        changes: &mut changes,
        out: &mut out,
    };
    let mut file = None;
    for (fi, form) in doc2.forms.iter().enumerate() {
        if fi > 0 {
            w.out.push('\n');
        }
        // A paste of several files keeps its file lines, each before the first form of its file.
        let here = doc2.file_at(form.span.start).map(|f| f.text.as_str());
        if here.is_some() && here != file {
            w.out
                .push_str(&crate::text::file_line(here.unwrap_or_default()));
            w.out.push('\n');
        }
        file = here;
        let unit = if relabel_yuan.contains(&fi) {
            Some(AmountUnit::Yuan)
        } else {
            form.amount_unit
        };
        w.form(form, unit);
    }
    changes.sort_by_key(|c| (c.span.start, c.code));
    Cleaned { text: out, changes }
}

struct Writer<'a> {
    source: &'a str,
    map: &'a EditMap,
    changes: &'a mut Vec<Change>,
    out: &'a mut String,
}

/// The canonical label of a field (N008), half-width punctuation (N002).
fn label(kind: FormKind, key: FieldKey, unit: Option<AmountUnit>) -> String {
    let u = unit.map_or("万元", AmountUnit::as_str);
    match (kind, key) {
        (FormKind::Department, FieldKey::Name) => "部门(单位)名称".into(),
        (FormKind::Department, FieldKey::TotalAmount) => "金额合计".into(),
        (_, FieldKey::TotalAmount) => format!("项目总金额(中期规划,{u})"),
        (_, FieldKey::YearAmount) => format!("本年度项目金额({u})"),
        (_, FieldKey::LongTermGoal) => "长期目标(跨度多年的项目需填)".into(),
        (_, k) => k.label_zh().into(),
    }
}

const PROJECT_ORDER: [FieldKey; 14] = [
    FieldKey::Code,
    FieldKey::Name,
    FieldKey::Applicant,
    FieldKey::BudgetUnit,
    FieldKey::Years,
    FieldKey::ProjectType,
    FieldKey::IsNew,
    FieldKey::Allocation,
    FieldKey::TotalAmount,
    FieldKey::YearAmount,
    FieldKey::PolicyBasis,
    FieldKey::CalcBasis,
    FieldKey::AnnualGoal,
    FieldKey::LongTermGoal,
];

/// N002 for short values: full-width digits, letters and `％：，（）` made half-width.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' => to_half_width(c),
            c => c,
        })
        .collect()
}

/// N007: odd spaces, runs of spaces and line breaks inside a cell made one space.
fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) || c == '\n' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// N005: a leading operator in its canonical form (`>=` → `≥`, `不低于` → `≥`, `<` → `＜`).
fn canonical_operator(s: &str) -> String {
    const MAP: &[(&str, &str)] = &[
        (">=", "≥"),
        ("≧", "≥"),
        ("<=", "≤"),
        ("≦", "≤"),
        ("不低于", "≥"),
        ("不少于", "≥"),
        ("不小于", "≥"),
        ("不高于", "≤"),
        ("不超过", "≤"),
        ("不大于", "≤"),
        (">", "＞"),
        ("<", "＜"),
        ("=", "＝"),
    ];
    for (from, to) in MAP {
        if let Some(rest) = s.strip_prefix(from) {
            return format!("{to}{}", rest.trim_start());
        }
    }
    s.to_string()
}

/// N006: an amount without thousands separators (and half-width).
fn amount_text(s: &str) -> String {
    let h = half_width(s);
    let stripped: String = h
        .chars()
        .filter(|&c| c != ',' && c != '，' && !is_space(c))
        .collect();
    if crate::value::parse_amount(&stripped).is_some() {
        stripped
    } else {
        h
    }
}

/// The normalizations of a short cell (indicator value, unit, code, enumerations), step by step:
/// (code of the step, text after it) for each step that changed something.
pub fn normalize_cell(s: &str, value: bool) -> (String, Vec<(&'static str, String)>) {
    let mut steps = Vec::new();
    let mut cur = s.to_string();
    let mut step = |code: &'static str, next: String, cur: &mut String| {
        if next != *cur {
            steps.push((code, next.clone()));
            *cur = next;
        }
    };
    step("N007", squash_spaces(&cur), &mut cur);
    step("N002", half_width(&cur), &mut cur);
    if value {
        step("N005", canonical_operator(&cur), &mut cur);
    }
    (cur, steps)
}

fn category_label(l1: Option<Level1>, fallback: Option<&str>) -> String {
    match l1 {
        Some(l) => format!("{}指标", l.as_str()),
        None => fallback.unwrap_or("").to_string(),
    }
}

fn level2_label(l2: Option<&Level2>, mandatory: bool) -> String {
    let star = if mandatory { "*" } else { "" };
    match l2 {
        Some(Level2::Other(name)) => format!("{star}{name}"),
        Some(l) => format!("{star}{}指标", l.name()),
        None => String::new(),
    }
}

impl Writer<'_> {
    fn change(&mut self, code: &'static str, span: Span, before: &str, after: &str) {
        if before != after {
            self.changes.push(Change {
                code,
                span: self.map.span(span),
                before: before.to_string(),
                after: after.to_string(),
            });
        }
    }

    /// A cell's text after normalization, recording each step. `raw_span` is its place.
    fn cell(&mut self, raw_span: Span, model_text: &str, value: bool) -> String {
        let raw = raw_span.text(self.source);
        if has_markup(raw) {
            self.change("N001", raw_span, raw.trim(), model_text);
        }
        let (out, steps) = normalize_cell(model_text, value);
        let mut before = model_text.to_string();
        for (code, after) in steps {
            self.change(code, raw_span, &before, &after);
            before = after;
        }
        out
    }

    /// Prose: HTML removed (N001), odd spaces made plain (N007); lines kept.
    fn prose(&mut self, raw_span: Span, model_text: &str) -> String {
        let raw = raw_span.text(self.source);
        if has_markup(raw) {
            self.change("N001", raw_span, raw.trim(), model_text);
        }
        let lines: Vec<String> = model_text.lines().map(squash_spaces).collect();
        let out = lines.join("\n");
        self.change("N007", raw_span, model_text, &out);
        out
    }

    fn line(&mut self, cells: &[&str]) {
        self.out.push_str(&cells.join("\t"));
        self.out.push('\n');
    }

    fn form(&mut self, form: &Form, unit: Option<AmountUnit>) {
        let title = squash_spaces(&form.title.text);
        self.out.push_str(&title);
        self.out.push('\n');
        if let Some(y) = form.budget_year {
            self.out.push_str(&format!("（{y}年度）\n"));
        }
        let keys: Vec<FieldKey> = match form.kind {
            FormKind::Project => PROJECT_ORDER.to_vec(),
            FormKind::Department => vec![FieldKey::Name, FieldKey::Authority],
        };
        for key in keys {
            let Some(f) = form.field(key) else { continue };
            let lab = label(form.kind, key, unit);
            let written = crate::text::label_key(&f.label.text);
            let canonical = crate::text::label_key(&lab);
            if written != canonical {
                let code = if written.chars().map(to_simplified).collect::<String>() == canonical {
                    "N002"
                } else {
                    "N008"
                };
                self.change(
                    code,
                    f.label.span,
                    f.label.span.text(self.source).trim(),
                    &format!("{lab}:"),
                );
            }
            let value = if key.is_amount() {
                let t = amount_text(&f.value.text);
                if t != f.value.text {
                    let code = if half_width(&f.value.text) != f.value.text {
                        "N002"
                    } else {
                        "N006"
                    };
                    self.change(code, f.value.span, &f.value.text, &t);
                }
                t
            } else if key.is_long_text() {
                self.prose(f.value.span, &f.value.text)
            } else {
                self.cell(f.value.span, &f.value.text, false)
            };
            let mut lines = value.split('\n');
            let first = lines.next().unwrap_or("");
            self.line(&[&format!("{lab}:"), first]);
            for more in lines {
                self.line(&[more]);
            }
        }
        if form.kind == FormKind::Department {
            self.department(form, unit);
        }
        self.table(form);
    }

    fn department(&mut self, form: &Form, unit: Option<AmountUnit>) {
        let u = unit.map_or("万元", AmountUnit::as_str);
        if !form.tasks.is_empty() {
            self.line(&[
                "年度主要任务",
                "任务名称",
                "主要内容",
                &format!("预算金额({u})"),
            ]);
            self.line(&["", "", "", "总额", "财政拨款", "其他资金"]);
            for t in &form.tasks {
                let name = self.cell(t.name.span, &t.name.text, false);
                let content = squash_spaces(&t.content.text);
                self.change("N007", t.content.span, &t.content.text, &content);
                let num = |s: Span, v: Option<f64>| {
                    v.map_or_else(
                        || s.text(self.source).trim().to_string(),
                        |_| amount_text(s.text(self.source)),
                    )
                };
                let (total, fiscal, other) = (
                    num(t.total_span, t.total),
                    num(t.fiscal_span, t.fiscal),
                    num(t.other_span, t.other),
                );
                self.line(&["", &name, &content, &total, &fiscal, &other]);
            }
        }
        let totals: Vec<String> = [
            FieldKey::TotalAmount,
            FieldKey::TotalFiscal,
            FieldKey::TotalOther,
        ]
        .iter()
        .filter_map(|k| form.field(*k))
        .map(|f| amount_text(&f.value.text))
        .collect();
        if !totals.is_empty() {
            let mut cells = vec!["金额合计:".to_string(), String::new()];
            cells.extend(totals);
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            self.line(&refs);
        }
        if !form.goals.is_empty() {
            for (n, g) in form.goals.iter().enumerate() {
                let text = squash_spaces(&g.text);
                let goal = format!("目标{}：{text}", n + 1);
                if n == 0 {
                    self.line(&["年度总体目标:", &goal]);
                } else {
                    self.line(&[&goal]);
                }
            }
        }
    }

    fn table(&mut self, form: &Form) {
        if form.indicators.is_empty() {
            return;
        }
        let with_unit = form.indicators.iter().any(|i| i.unit.is_some());
        if with_unit {
            self.line(&[
                "一级指标",
                "二级指标",
                "三级指标",
                "指标值",
                "度量单位",
                "指标解释",
            ]);
        } else {
            self.line(&["一级指标", "二级指标", "三级指标", "指标值", "指标解释"]);
        }
        for ind in &form.indicators {
            self.row(ind, with_unit);
        }
    }

    fn row(&mut self, ind: &Indicator, with_unit: bool) {
        let l1_written = ind.level1_cell.as_ref().map(|c| c.text.clone());
        let l1 = category_label(ind.level1, l1_written.as_deref());
        let l2 = level2_label(ind.level2.as_ref(), ind.mandatory);
        match (&ind.level1_cell, &ind.level2_cell) {
            (Some(c1), Some(c2)) => {
                self.change("N004", c1.span, &c1.text, &l1);
                self.change("N004", c2.span, &c2.text, &l2);
            }
            (c1, c2) => {
                // A merged (blank) category cell is filled from the row above.
                let before = format!(
                    "{}\t{}",
                    c1.as_ref().map_or("", |c| c.text.as_str()),
                    c2.as_ref().map_or("", |c| c.text.as_str())
                );
                self.change("N003", ind.span, &before, &format!("{l1}\t{l2}"));
            }
        }
        let name = self.cell(ind.name.span, &ind.name.text, false);
        let value = self.cell(ind.value.span, &ind.value.text, true);
        let explanation = squash_spaces(&ind.explanation.text);
        self.change(
            "N007",
            ind.explanation.span,
            &ind.explanation.text,
            &explanation,
        );
        if with_unit {
            let unit = match &ind.unit {
                Some(u) => self.cell(u.span, &u.text, false),
                None => String::new(),
            };
            self.line(&[&l1, &l2, &name, &value, &unit, &explanation]);
        } else {
            self.line(&[&l1, &l2, &name, &value, &explanation]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_normalizations() {
        assert_eq!(normalize_cell(">=９０％", true).0, "≥90%");
        assert_eq!(normalize_cell("不低于 90%", true).0, "≥90%");
        assert_eq!(normalize_cell("a\u{a0}\u{a0}b  c", false).0, "a b c");
        let (_, steps) = normalize_cell(">=９０％", true);
        assert_eq!(
            steps.iter().map(|s| s.0).collect::<Vec<_>>(),
            vec!["N002", "N005"]
        );
        assert_eq!(amount_text("7,944,900.00"), "7944900.00");
        assert_eq!(amount_text("１,０００"), "1000");
    }

    #[test]
    fn file_lines_are_kept() {
        let form = "二级项目支出绩效目标申报表\n项目名称:\t甲\n项目编码:\t44030422146150000007\n";
        let text = format!(
            "{}\n{form}{}\n{}",
            crate::text::file_line("a.xlsx"),
            crate::text::file_line("b.docx"),
            form.replace('甲', "乙")
        );
        let out = clean(&text, &ExportOptions::default()).text;
        let files: Vec<&str> = out.lines().filter(|l| l.starts_with("【文件")).collect();
        assert_eq!(files, ["【文件：a.xlsx】", "【文件：b.docx】"]);
        let doc = crate::rules::parse(&out);
        assert_eq!(doc.forms.len(), 2);
        assert_eq!(doc.file_at(doc.forms[1].span.start).unwrap().text, "b.docx");
    }

    #[test]
    fn edit_map_maps_positions_back() {
        let map = EditMap {
            edits: vec![(2, 4, 2, 7)],
        };
        assert_eq!(map.back(0), 0);
        assert_eq!(map.back(3), 2);
        assert_eq!(map.back(7), 4);
        assert_eq!(map.back(9), 6);
    }
}
