//! Reading one form: from its title line to the line before the next title.

use super::lines::{is_separator_row, split_cells, Line, RawCell};
use super::table::{place_row, Inherited, Layout};
use super::vocab::{self, match_label, table_column, LabelTarget};
use super::{in_text_order, Issue, IssueKind, Unplaced};
use crate::model::{AmountUnit, Field, FieldKey, Form, FormKind, Task, TemplateId, Text};
use crate::span::Span;
use crate::text::{clean, is_blank, label_key, trim_range};
use crate::value::parse_amount;

/// Task table columns of the department form.
#[derive(Debug, Clone, Copy)]
struct TaskLayout {
    name: usize,
    content: usize,
    total: usize,
    fiscal: usize,
    other: usize,
}

impl Default for TaskLayout {
    fn default() -> Self {
        TaskLayout {
            name: 1,
            content: 2,
            total: 3,
            fiscal: 4,
            other: 5,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Phase {
    Header,
    Tasks(TaskLayout),
    Table(Layout),
}

/// Where a line without a label continues.
#[derive(Debug, Clone, Copy)]
enum Current {
    None,
    Field(usize),
    Goals,
}

/// The result of reading a form: the form, and the non-empty lines after its last placed line
/// (text between forms, reported by the caller as S001).
pub struct Read {
    pub form: Form,
    /// What could not be placed or was not found, in the order of the text (`form` is set by
    /// the caller).
    pub issues: Vec<Issue>,
    pub trailing: Vec<Span>,
    /// The table's columns (实际完成值, 得分 …) or categories (投入, 过程) say this is another
    /// kind of document.
    pub not_declaration: Option<vocab::NotDeclaration>,
}

pub struct FormReader<'a> {
    text: &'a str,
    lines: &'a [Line],
    form: Form,
    phase: Phase,
    current: Current,
    inherited: Inherited,
    /// Unplaced lines as (line index, span).
    unplaced: Vec<(usize, Span)>,
    issues: Vec<Issue>,
    /// The keys of the indicator table's column headers (for recognising the template).
    columns: Vec<String>,
    /// Where the totals of funds stood (line, column), for filing their sources.
    total_col: Option<(usize, usize)>,
    year_col: Option<(usize, usize)>,
    last_placed: usize,
    label_unit: Option<AmountUnit>,
    line_unit: Option<AmountUnit>,
    /// The first line to read: 1 after a title, 0 for a form found by its labels.
    first_line: usize,
    /// Set when the table's columns show the document is no declaration (实际完成值, 得分 …).
    not_declaration: Option<vocab::NotDeclaration>,
}

impl<'a> FormReader<'a> {
    /// `lines[0]` is the title line when `titled`; a form found by its labels alone (no title
    /// in the paste) starts at its first label and has an empty title.
    pub fn new(text: &'a str, kind: FormKind, lines: &'a [Line], titled: bool) -> Self {
        let title_line = lines[0].span;
        let (title_span, title_text) = if titled {
            let (a, b) = trim_range(title_line.text(text));
            let span = Span::new(title_line.start + a, title_line.start + b);
            let t = crate::text::without_glosses(&clean(span.text(text)))
                .replace(['|', '#', '*', ' ', '\t'], "");
            (span, t)
        } else {
            (Span::empty(title_line.start), String::new())
        };
        let title = Text {
            span: title_span,
            text: title_text,
        };
        FormReader {
            text,
            lines,
            form: Form {
                kind,
                template: TemplateId::generic(kind),
                title,
                span: title_span,
                budget_year: None,
                fields: Vec::new(),
                amount_unit: None,
                tasks: Vec::new(),
                goals: Vec::new(),
                indicators: Vec::new(),
                structure: if titled { vec![title_span] } else { Vec::new() },
                diagnostics: Vec::new(),
            },
            first_line: usize::from(titled),
            phase: Phase::Header,
            current: Current::None,
            inherited: Inherited::default(),
            unplaced: Vec::new(),
            issues: Vec::new(),
            columns: Vec::new(),
            total_col: None,
            year_col: None,
            last_placed: 0,
            label_unit: None,
            line_unit: None,
            not_declaration: None,
        }
    }

    fn issue(&mut self, span: Span, kind: IssueKind) {
        self.issues.push(Issue {
            form: None,
            span,
            kind,
        });
    }

    /// Report content of the form that could not be placed (S004).
    fn cannot_place(&mut self, span: Span, why: Unplaced) {
        self.issue(span, IssueKind::Unplaced(why));
    }

    pub fn read(mut self) -> Read {
        for i in self.first_line..self.lines.len() {
            self.line(i);
        }
        self.finish()
    }

    fn placed(&mut self, i: usize) {
        self.last_placed = self.last_placed.max(i);
    }

    fn line(&mut self, i: usize) {
        let line = self.lines[i];
        let (shape, cells) = split_cells(self.text, line);
        if cells.iter().all(|c| c.is_empty()) {
            return;
        }
        if is_separator_row(self.text, shape, &cells) {
            return;
        }
        let filled: Vec<&RawCell> = cells.iter().filter(|c| !c.is_empty()).collect();
        if filled.len() == 1 && vocab::short_cell(filled[0].text(self.text)) {
            let key = label_key(filled[0].text(self.text));
            if let Some(year) = vocab::year_line(&key) {
                if self.form.budget_year.is_none() && self.form.fields.is_empty() {
                    self.form.budget_year = Some(year);
                    self.form.structure.push(filled[0].span);
                    self.placed(i);
                    return;
                }
            }
            if let Some(unit) = vocab::unit_line(&key) {
                self.line_unit = Some(unit);
                self.form.structure.push(filled[0].span);
                self.placed(i);
                return;
            }
        }
        if let Some(layout) = self.table_header(&cells) {
            for c in &filled {
                let key = label_key(c.text(self.text));
                if vocab::is_actual_value_column(&key) {
                    self.not_declaration = Some(vocab::NotDeclaration::SelfEvaluation);
                }
                self.columns.push(key);
            }
            self.phase = Phase::Table(layout);
            self.current = Current::None;
            self.form.structure.extend(filled.iter().map(|c| c.span));
            self.placed(i);
            return;
        }
        match self.phase {
            Phase::Header => {
                // A table without its header row: start it at the first row of categories.
                if cells.len() >= 4 && self.starts_with_category(&cells) {
                    self.phase = Phase::Table(Layout::default());
                    self.row(i, &cells);
                } else {
                    self.header_line(i, &cells);
                }
            }
            Phase::Tasks(layout) => self.task_line(i, &cells, layout),
            Phase::Table(_) => {
                if self.first_is_label(&cells) {
                    self.header_line(i, &cells);
                } else if cells.len() >= 3 {
                    self.row(i, &cells);
                } else {
                    self.unplaced.push((i, line.span));
                }
            }
        }
    }

    fn starts_with_category(&self, cells: &[RawCell]) -> bool {
        cells.iter().take(2).any(|c| {
            let cat = vocab::category(c.text(self.text));
            cat.level1.is_some() || cat.level2.is_some()
        })
    }

    fn first_is_label(&self, cells: &[RawCell]) -> bool {
        cells
            .iter()
            .find(|c| !c.is_empty())
            .and_then(|c| match_label(c.text(self.text), self.form.kind, true))
            .is_some()
    }

    fn table_header(&self, cells: &[RawCell]) -> Option<Layout> {
        let columns: Vec<_> = cells
            .iter()
            .map(|c| {
                let raw = c.text(self.text);
                if c.is_empty() || !vocab::may_be_column(raw) {
                    None
                } else {
                    table_column(&label_key(raw))
                }
            })
            .collect();
        Layout::from_header(&columns)
    }

    fn row(&mut self, i: usize, cells: &[RawCell]) {
        let Phase::Table(layout) = self.phase else {
            return;
        };
        let row = self.lines[i].span;
        let (a, b) = trim_range(row.text(self.text));
        let row = Span::new(row.start + a, row.start + b);
        if let Some(placed) = place_row(self.text, cells, row, &layout, &mut self.inherited) {
            for span in placed.extra {
                self.cannot_place(span, Unplaced::ExtraCell);
            }
            self.form.indicators.push(placed.indicator);
            self.placed(i);
        }
    }

    /// A line of header fields: `label: value [label: value …]`, or the continuation of the
    /// previous field.
    fn header_line(&mut self, i: usize, cells: &[RawCell]) {
        let kind = self.form.kind;
        // Segments: a label and the filled cells after it.
        struct Segment {
            target: LabelTarget,
            label: Span,
            unit: Option<AmountUnit>,
            values: Vec<Span>,
            cells_after: usize,
            column: usize,
        }
        let mut segments: Vec<Segment> = Vec::new();
        let mut leading: Vec<Span> = Vec::new();
        let first_filled = cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
        let pieces = self.split_at_labels(cells);
        let cells = &pieces[..];
        for (ci, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let raw = cell.text(self.text);
            // A label glued to its value without a colon is only trusted at the start of a line.
            let m = match_label(raw, kind, ci != first_filled).or_else(|| extra_label(raw));
            if let Some(m) = m {
                let label = Span::new(cell.span.start, cell.span.start + m.len);
                let mut values = Vec::new();
                let rest = Span::new(label.end, cell.span.end);
                let (a, b) = trim_range(rest.text(self.text));
                if a < b {
                    values.push(Span::new(rest.start + a, rest.start + b));
                }
                segments.push(Segment {
                    target: m.target,
                    label,
                    unit: m.unit,
                    values,
                    cells_after: ci + 1,
                    column: ci,
                });
            } else if let Some(seg) = segments.last_mut() {
                seg.values.push(cell.span);
            } else {
                leading.push(cell.span);
            }
        }
        if !leading.is_empty() && !self.continue_current(&leading) {
            let span = leading[0].cover(*leading.last().unwrap());
            if segments.is_empty() {
                self.unplaced.push((i, span));
                return;
            }
            self.cannot_place(span, Unplaced::Line);
        }
        self.placed(i);
        for seg in segments {
            self.form.structure.push(seg.label);
            match seg.target {
                LabelTarget::Field(key) => {
                    let key = self.funds_group(key, seg.column, i);
                    self.field(key, seg.label, seg.unit, &seg.values)
                }
                LabelTarget::Section => {
                    if let Some(u) = seg.unit {
                        self.label_unit.get_or_insert(u);
                    }
                    self.current = Current::None;
                    // A heading alone; what follows it on its line is unplaced.
                    for v in &seg.values {
                        self.cannot_place(*v, Unplaced::ExtraValue);
                    }
                }
                LabelTarget::Goals => {
                    self.current = Current::Goals;
                    self.goals(&seg.values);
                }
                LabelTarget::Tasks => {
                    self.current = Current::None;
                    // Text glued to the section label is no column header.
                    if let Some(glued) = seg
                        .values
                        .first()
                        .filter(|v| v.start < cells[seg.cells_after - 1].span.end)
                    {
                        self.cannot_place(*glued, Unplaced::ExtraValue);
                    }
                    let mut layout = TaskLayout::default();
                    for (ci, cell) in cells.iter().enumerate().skip(seg.cells_after) {
                        if cell.is_empty() {
                            continue;
                        }
                        let key = label_key(cell.text(self.text));
                        if key == "任务名称" {
                            layout.name = ci;
                        } else if key == "主要内容" {
                            layout.content = ci;
                        } else if key.starts_with("预算金额") || key.starts_with("预算数") {
                            layout.total = ci;
                            layout.fiscal = ci + 1;
                            layout.other = ci + 2;
                            if key.contains('万') {
                                self.label_unit.get_or_insert(AmountUnit::WanYuan);
                            } else if key.contains('元') {
                                self.label_unit.get_or_insert(AmountUnit::Yuan);
                            }
                        } else {
                            self.cannot_place(cell.span, Unplaced::ExtraCell);
                            continue;
                        }
                        self.form.structure.push(cell.span);
                    }
                    self.phase = Phase::Tasks(layout);
                }
            }
        }
    }

    /// The key a source of funds (`其中：财政拨款`) is filed under: this year's sources by default,
    /// the total's (中期资金总额, 资金总额) when they stand under it: in its column on a line of
    /// two fund columns, or below it when the form has no annual total. Totals are remembered
    /// with their column.
    fn funds_group(&mut self, key: FieldKey, column: usize, line: usize) -> FieldKey {
        match key {
            FieldKey::TotalAmount => self.total_col = Some((line, column)),
            FieldKey::YearAmount => self.year_col = Some((line, column)),
            FieldKey::YearFiscal | FieldKey::YearOther => {
                let under_total = match (self.total_col, self.year_col) {
                    (Some(_), None) => true,
                    (Some((_, t)), Some((_, y))) if t != y => {
                        // Two fund columns: the nearer total at or left of the source's column.
                        let (t, y) = (t as isize, y as isize);
                        let c = column as isize;
                        let dt = if t <= c { c - t } else { isize::MAX };
                        let dy = if y <= c { c - y } else { isize::MAX };
                        dt < dy
                    }
                    (Some((lt, _)), Some((ly, _))) => lt > ly,
                    _ => false,
                };
                if under_total && self.form.kind == FormKind::Project {
                    return if key == FieldKey::YearFiscal {
                        FieldKey::TotalFiscal
                    } else {
                        FieldKey::TotalOther
                    };
                }
            }
            _ => {}
        }
        key
    }

    /// Split cells where a label with its colon follows a space inside them
    /// (`项目编码：4403… 项目名称：一般管理事务` pasted as one cell).
    fn split_at_labels(&self, cells: &[RawCell]) -> Vec<RawCell> {
        let mut out = Vec::with_capacity(cells.len());
        for cell in cells {
            let raw = cell.text(self.text);
            let mut start = 0;
            if raw.contains([':', '：']) {
                let mut prev_space = false;
                for (i, c) in raw.char_indices() {
                    if prev_space && i > start {
                        if let Some(m) = match_label(&raw[i..], self.form.kind, true) {
                            if m.colon {
                                let (a, b) = trim_range(&raw[start..i]);
                                out.push(RawCell {
                                    span: Span::new(
                                        cell.span.start + start + a,
                                        cell.span.start + start + b,
                                    ),
                                });
                                start = i;
                            }
                        }
                    }
                    prev_space = crate::text::is_space(c);
                }
            }
            out.push(RawCell {
                span: Span::new(cell.span.start + start, cell.span.end),
            });
        }
        out
    }

    /// Append a label-less line to the field it continues. Prose fields continue over lines; any
    /// field whose value is still empty takes the next line (one-cell-per-line layouts).
    fn continue_current(&mut self, spans: &[Span]) -> bool {
        match self.current {
            Current::Field(idx) => {
                let field = &mut self.form.fields[idx];
                if !(field.key.is_long_text() || field.value.text.is_empty()) {
                    return false;
                }
                for span in spans {
                    // Markup alone (`<p>`) still belongs to the value's span.
                    field.value.span = if field.value.span.is_empty() {
                        *span
                    } else {
                        field.value.span.cover(*span)
                    };
                    let t = clean(span.text(self.text));
                    if t.is_empty() {
                        continue;
                    }
                    if !field.value.text.is_empty() {
                        field.value.text.push('\n');
                    }
                    field.value.text.push_str(&t);
                }
                if field.key.is_amount() {
                    field.amount = parse_amount(&field.value.text);
                }
                true
            }
            Current::Goals => {
                self.goals(spans);
                true
            }
            Current::None => false,
        }
    }

    fn field(&mut self, key: FieldKey, label: Span, unit: Option<AmountUnit>, values: &[Span]) {
        // Department 金额合计 row: 总额, 财政拨款, 其他资金 in one row.
        if self.form.kind == FormKind::Department
            && key == FieldKey::TotalAmount
            && values.len() > 1
        {
            let keys = [
                FieldKey::TotalAmount,
                FieldKey::TotalFiscal,
                FieldKey::TotalOther,
            ];
            for (n, v) in values.iter().enumerate() {
                match keys.get(n) {
                    Some(&k) => self.push_field(
                        k,
                        if n == 0 { label } else { Span::empty(v.start) },
                        unit,
                        &[*v],
                    ),
                    None => self.cannot_place(*v, Unplaced::ExtraValue),
                }
            }
            self.current = Current::None;
            return;
        }
        self.push_field(key, label, unit, values);
    }

    fn push_field(
        &mut self,
        key: FieldKey,
        label: Span,
        unit: Option<AmountUnit>,
        values: &[Span],
    ) {
        let sep = if key.is_long_text() { "\n" } else { " " };
        let text = values
            .iter()
            .map(|v| clean(v.text(self.text)))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(sep);
        let span = match (values.first(), values.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => Span::empty(label.end),
        };
        if key.is_amount() {
            if let Some(u) = unit {
                self.label_unit.get_or_insert(u);
            }
        }
        let field = Field {
            key,
            label: Text {
                span: label,
                text: label_key(label.text(self.text)),
            },
            amount: if key.is_amount() {
                parse_amount(&text)
            } else {
                None
            },
            value: Text { span, text },
            label_unit: unit,
        };
        let same = self.form.fields.iter().position(|f| {
            f.key == key && (key != FieldKey::Extra || f.label.text == field.label.text)
        });
        if let Some(first) = same {
            let earlier = &self.form.fields[first];
            // A heading-like label with no value, then the same role with one: the first was the
            // heading (年度绩效目标 over *年度绩效总目标).
            if earlier.value.text.is_empty() && !field.value.text.is_empty() {
                let old = self.form.fields.remove(first);
                self.form.structure.push(old.label.span);
                self.form.fields.push(field);
                self.current = Current::Field(self.form.fields.len() - 1);
                return;
            }
            // Another label of the same role (预算单位 beside 实施单位): kept under its label.
            if earlier.label.text != field.label.text && key != FieldKey::Extra {
                self.form.fields.push(Field {
                    key: FieldKey::Extra,
                    amount: None,
                    ..field
                });
                self.current = Current::Field(self.form.fields.len() - 1);
                return;
            }
            let whole = label.cover(span);
            let first = self.form.fields[first]
                .label
                .span
                .cover(self.form.fields[first].value.span);
            self.cannot_place(whole, Unplaced::DuplicateField { first });
            self.current = Current::None;
            return;
        }
        self.form.fields.push(field);
        self.current = Current::Field(self.form.fields.len() - 1);
    }

    /// Numbered goals (`目标1：…<br>目标2：…`), one per line or `<br>`.
    fn goals(&mut self, values: &[Span]) {
        for v in values {
            let raw = v.text(self.text);
            let mut start = 0;
            let mut pieces = Vec::new();
            let lower = raw.to_ascii_lowercase();
            let mut search = 0;
            while let Some(pos) = lower[search..].find("<br") {
                let at = search + pos;
                let end = lower[at..]
                    .find('>')
                    .map(|e| at + e + 1)
                    .unwrap_or(raw.len());
                pieces.push((start, at));
                self.form
                    .structure
                    .push(Span::new(v.start + at, v.start + end));
                start = end;
                search = end;
            }
            pieces.push((start, raw.len()));
            for (a, b) in pieces {
                let (ta, tb) = trim_range(&raw[a..b]);
                if ta >= tb {
                    continue;
                }
                let span = Span::new(v.start + a + ta, v.start + a + tb);
                let mut text = clean(span.text(self.text));
                if let Some(rest) = strip_goal_number(&text) {
                    text = rest.to_string();
                }
                self.form.goals.push(Text { span, text });
            }
        }
    }

    fn task_line(&mut self, i: usize, cells: &[RawCell], layout: TaskLayout) {
        let keys: Vec<String> = cells.iter().map(|c| label_key(c.text(self.text))).collect();
        if keys
            .iter()
            .any(|k| k == "总额" || k == "财政拨款" || k == "其他资金")
        {
            let mut layout = layout;
            for (ci, k) in keys.iter().enumerate() {
                match k.as_str() {
                    "总额" => layout.total = ci,
                    "财政拨款" => layout.fiscal = ci,
                    "其他资金" => layout.other = ci,
                    _ if cells[ci].is_empty() => continue,
                    _ => {
                        self.cannot_place(cells[ci].span, Unplaced::ExtraCell);
                        continue;
                    }
                }
                self.form.structure.push(cells[ci].span);
            }
            self.phase = Phase::Tasks(layout);
            self.placed(i);
            return;
        }
        if self.first_is_label(cells) {
            self.phase = Phase::Header;
            self.header_line(i, cells);
            return;
        }
        if cells.len() < 3 {
            self.unplaced.push((i, self.lines[i].span));
            return;
        }
        let get = |ci: usize| cells.get(ci).filter(|c| !c.is_empty());
        let text_of = |ci: usize| match get(ci) {
            Some(c) => Text {
                span: c.span,
                text: clean(c.text(self.text)),
            },
            None => Text {
                span: Span::empty(
                    cells
                        .get(ci)
                        .map_or(self.lines[i].span.end, |c| c.span.start),
                ),
                text: String::new(),
            },
        };
        let amount = |ci: usize| get(ci).and_then(|c| parse_amount(c.text(self.text)));
        let span_of = |ci: usize| {
            cells
                .get(ci)
                .map_or(Span::empty(self.lines[i].span.end), |c| c.span)
        };
        let task = Task {
            name: text_of(layout.name),
            content: text_of(layout.content),
            total: amount(layout.total),
            fiscal: amount(layout.fiscal),
            other: amount(layout.other),
            total_span: span_of(layout.total),
            fiscal_span: span_of(layout.fiscal),
            other_span: span_of(layout.other),
            span: self.lines[i].span,
        };
        let used = [
            layout.name,
            layout.content,
            layout.total,
            layout.fiscal,
            layout.other,
        ];
        for (ci, c) in cells.iter().enumerate() {
            if !c.is_empty() && !used.contains(&ci) {
                self.cannot_place(c.span, Unplaced::ExtraCell);
            }
        }
        self.form.tasks.push(task);
        self.current = Current::None;
        self.placed(i);
    }

    fn finish(mut self) -> Read {
        let mut trailing = Vec::new();
        for (i, span) in std::mem::take(&mut self.unplaced) {
            // After the indicator table, what is not placed lies between forms.
            if i > self.last_placed && matches!(self.phase, Phase::Table(_)) {
                trailing.push(span);
            } else {
                let why = if matches!(self.phase, Phase::Table(_)) {
                    Unplaced::TableLine
                } else {
                    Unplaced::Line
                };
                self.cannot_place(span, why);
            }
        }
        let end = self.lines[self.last_placed].span.end;
        self.form.span = Span::new(
            self.form.title.span.start,
            end.max(self.form.title.span.end),
        );

        // Amounts are expressed in the unit of the labels; a unit line (`单位：万元`) is the fallback.
        let unit = self.label_unit.or(self.line_unit);
        self.form.amount_unit = unit;
        if let Some(unit) = unit {
            for f in &mut self.form.fields {
                if let (Some(a), Some(lu)) = (f.amount, f.label_unit) {
                    if lu != unit {
                        f.amount = Some(a * lu.in_yuan() / unit.in_yuan());
                    }
                }
            }
        }

        self.form.template = crate::template::recognise(
            self.form.kind,
            &label_key(self.form.title.span.text(self.text)),
            self.form
                .fields
                .iter()
                .map(|f| f.label.text.as_str())
                .chain(self.columns.iter().map(String::as_str)),
        );
        self.check_required();
        if self.form.indicators.is_empty() {
            self.issue(self.form.title.span, IssueKind::NoIndicators);
        }
        in_text_order(&mut self.issues);
        Read {
            form: self.form,
            issues: self.issues,
            trailing,
            not_declaration: self.not_declaration,
        }
    }

    fn check_required(&mut self) {
        let form = &self.form;
        let template = form.template.info();
        let mut required: Vec<FieldKey> = template.required.to_vec();
        if template.long_term_goal_when_multi_year && form.years().is_some_and(|y| y > 1) {
            required.push(FieldKey::LongTermGoal);
        }
        let mut missing = Vec::new();
        for key in required {
            match form.field(key) {
                None => missing.push((form.title.span, key, false)),
                Some(f) if is_blank(&f.value.text) => missing.push((f.label.span, key, true)),
                Some(_) => {}
            }
        }
        let kind = form.kind;
        for (span, key, present) in missing {
            self.issue(span, IssueKind::MissingField { kind, key, present });
        }
    }
}

/// A label kpiform has no role for: a short cell of words ending with a colon (`填报日期：`).
fn extra_label(raw: &str) -> Option<vocab::LabelMatch> {
    let t = raw.trim_end_matches(crate::text::is_space);
    let body = t.strip_suffix([':', '：'])?;
    let n = body.chars().count();
    let words = body
        .chars()
        .all(|c| crate::text::is_cjk(c) || matches!(c, '(' | ')' | '（' | '）' | '*' | '、'));
    ((2..=16).contains(&n) && words).then_some(vocab::LabelMatch {
        target: LabelTarget::Field(FieldKey::Extra),
        len: t.len(),
        colon: true,
        unit: None,
    })
}

/// `目标1：…` → `…`.
fn strip_goal_number(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("目标")?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if digits == 0 {
        return None;
    }
    let rest = &rest[digits..];
    rest.strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))
        .or_else(|| rest.strip_prefix('、'))
        .map(str::trim_start)
}
