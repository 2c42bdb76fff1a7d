//! Reading one form: from its title line to the line before the next title.

use super::lines::{
    is_pipes_only, is_separator_row, is_space_only, split_cells, split_words, Line, RawCell,
};
use super::table::{align_words, place_row, value_like, Inherited, Layout};
use super::vocab::{self, match_label, table_column, Column, LabelTarget};
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

// One `Phase` lives in each reader and is copied rarely: its size does not matter.
#[allow(clippy::large_enum_variant)]
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
    /// The form read; several when its table lists several projects (`list::split_projects`).
    pub forms: Vec<Form>,
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
    /// Unplaced lines as (line index, span, whether the indicator table had begun).
    unplaced: Vec<(usize, Span, bool)>,
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
    /// How the indicator table's rows are laid out.
    mode: TableMode,
    /// Words mode: the header's columns in order.
    word_columns: Vec<Column>,
    /// Stream mode: the cells of the row being read (one per line), the column of the first, and
    /// the lines they came from.
    pending: Vec<(usize, RawCell)>,
    pending_start: usize,
    /// Lines up to here were read ahead (a table header written one cell per line).
    skip_to: usize,
    /// Whether the form's text reaches the end of the paste (a table may be cut off there).
    pub at_end: bool,
    /// The table being read holds medium- or long-term targets (under 长期绩效指标).
    medium_table: bool,
    /// The heading read last said which term the next table holds.
    next_table_medium: Option<bool>,
    /// Reading the schedule under 项目实施进度计划: its 开始时间 / 完成时间 are column heads.
    in_schedule: bool,
    /// The fields of a line of labels without values, for the values on the line below.
    values_below: Option<Vec<usize>>,
    /// The form is a notice of targets in sentences (`关于…绩效目标设定的公示`).
    announcement: bool,
    /// Prose indicators: the level-1 heading they stand under.
    prose_level1: Option<Span>,
    /// Labels without values on consecutive lines of their own (`长期目标` / `年度目标`), with the
    /// line of the last: the values on the lines below go to them in order.
    stacked: Vec<usize>,
    stacked_line: usize,
    /// How many sources of funds of each key the current line has filed (line, fiscal, other).
    sources_in_line: (usize, usize, usize),
}

/// How the rows of an indicator table are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableMode {
    /// One row per line, cells at tabs or pipes (or runs of spaces).
    Grid,
    /// One row per line, cells at single spaces with the empty ones collapsed: placed by what
    /// each word looks like (`table::align_words`).
    Words,
    /// One cell per line: the header's columns say how many cells make a row, and a category
    /// starts a new one.
    Stream,
    /// Indicators in sentences under numbered headings (`一、产出指标` / `数量指标:…大于等于16座;…`):
    /// `prose`.
    Prose,
    /// One row per line with its cells glued together (`产出指标数量指标…≥90%`): cut by the
    /// vocabulary (`glued`).
    Glued,
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
        let announcement = vocab::announced_project(&title.text).is_some();
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
                medium_indicators: Vec::new(),
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
            mode: TableMode::Grid,
            word_columns: Vec::new(),
            pending: Vec::new(),
            pending_start: 0,
            skip_to: 0,
            at_end: false,
            medium_table: false,
            next_table_medium: None,
            in_schedule: false,
            values_below: None,
            stacked: Vec::new(),
            prose_level1: None,
            announcement,
            stacked_line: 0,
            sources_in_line: (usize::MAX, 0, 0),
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

    fn unplace(&mut self, line: usize, span: Span) {
        let in_table = matches!(self.phase, Phase::Table(_));
        self.unplaced.push((line, span, in_table));
    }

    fn placed(&mut self, i: usize) {
        self.last_placed = self.last_placed.max(i);
    }

    fn line(&mut self, i: usize) {
        if i < self.skip_to {
            return;
        }
        let line = self.lines[i];
        if self.mode == TableMode::Stream && matches!(self.phase, Phase::Table(_)) {
            if self.stream_line(i) {
                return;
            }
            self.flush_row();
        }
        let (shape, cells) = split_cells(self.text, line);
        if cells.iter().all(|c| c.is_empty()) {
            return;
        }
        if is_separator_row(self.text, shape, &cells) {
            return;
        }
        let filled: Vec<&RawCell> = cells.iter().filter(|c| !c.is_empty()).collect();
        // A page number of a PDF (`-1-`, `第1页`): structure; the field or cell it interrupts
        // continues after it.
        if filled.len() == 1 && crate::text::is_page_number(filled[0].text(self.text)) {
            self.form.structure.push(filled[0].span);
            self.placed(i);
            return;
        }
        // The year under the title, spaces inside its brackets (`(   2023年度)`) or not.
        let year_cells = filled.len() <= 3 && filled.len() > 1 && line.span.len() <= 32;
        if year_cells {
            let key = label_key(line.span.text(self.text));
            let year = vocab::year_line(&key);
            let fits = self.form.budget_year.is_none_or(|y| Some(y) == year);
            if year.is_some() && self.form.fields.is_empty() && fits {
                self.form.budget_year = year;
                self.form.structure.extend(filled.iter().map(|c| c.span));
                self.placed(i);
                return;
            }
        }
        if filled.len() == 1 && vocab::short_cell(filled[0].text(self.text)) {
            let key = label_key(filled[0].text(self.text));
            if let Some(year) = vocab::year_line(&key) {
                // (The same year again, as under a title that names it, is the same line.)
                if self.form.budget_year.is_none_or(|y| y == year) && self.form.fields.is_empty() {
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
            self.start_table(layout, TableMode::Grid);
            self.current = Current::None;
            self.form.structure.extend(filled.iter().map(|c| c.span));
            self.placed(i);
            return;
        }
        if filled.len() == 1 && self.words_header(i) {
            return;
        }
        if filled.len() == 1 && self.vertical_header(i, filled[0]) {
            return;
        }
        if matches!(self.mode, TableMode::Words | TableMode::Glued)
            && matches!(self.phase, Phase::Table(_))
            && !self.first_is_label(&cells)
        {
            self.word_row(i);
            return;
        }
        if filled.len() == 1 && self.prose_heading(i, filled[0]) {
            return;
        }
        if self.mode == TableMode::Prose && matches!(self.phase, Phase::Table(_)) {
            if self.prose_line(i) {
                return;
            }
            // After the sentences of indicators: a label starts fields again; other text (the
            // notice's attachment line, its signature) is unplaced, after the form if nothing
            // follows.
            if !self.first_is_label(&cells) {
                self.unplace(i, line.span);
                return;
            }
            self.end_table();
        }
        if filled.len() == 1 && self.broken_label(i, filled[0]) {
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
                    self.unplace(i, line.span);
                }
            }
        }
    }

    /// A numbered heading of indicators in prose (`一、产出指标`), outside a table or in a prose
    /// one: the sentences below are its indicators.
    fn prose_heading(&mut self, i: usize, cell: &RawCell) -> bool {
        let in_other_table = matches!(self.phase, Phase::Table(_)) && self.mode != TableMode::Prose;
        if in_other_table || matches!(self.phase, Phase::Tasks(_)) {
            return false;
        }
        let Some(level1) = super::prose::heading(self.text, cell.span) else {
            return false;
        };
        if self.mode != TableMode::Prose || !matches!(self.phase, Phase::Table(_)) {
            self.start_table(Layout::default(), TableMode::Prose);
        }
        self.prose_level1 = Some(level1);
        self.form.structure.push(cell.span);
        self.current = Current::None;
        self.placed(i);
        true
    }

    /// A line of prose indicators; `false` when it holds none.
    fn prose_line(&mut self, i: usize) -> bool {
        let line = self.lines[i].span;
        let items = super::prose::items(self.text, line);
        if items.is_empty() {
            return false;
        }
        let level1 = self.prose_level1.unwrap_or(Span::empty(line.start));
        let last = items.len() - 1;
        // Between the items: their punctuation (structure), or text that is in no item.
        let mut spans: Vec<Span> = items
            .iter()
            .flat_map(|it| [it.level2, Some(it.name), Some(it.value)])
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        spans.sort_by_key(|s| s.start);
        let mut at = line.start;
        for s in spans.iter().copied().chain([Span::empty(line.end)]) {
            if s.start > at {
                let gap = Span::new(at, s.start);
                let raw = gap.text(self.text);
                if raw.chars().all(|c| {
                    crate::text::is_space(c)
                        || matches!(c, ':' | '：' | ';' | '；' | ',' | '，' | '。' | '、')
                }) {
                    if !raw.trim().is_empty() {
                        self.form.structure.push(gap);
                    }
                } else {
                    self.cannot_place(gap, Unplaced::TableLine);
                }
            }
            at = at.max(s.end);
        }
        for (n, item) in items.into_iter().enumerate() {
            let empty = Span::empty(item.name.start);
            let cells = [
                RawCell { span: level1 },
                RawCell {
                    span: item.level2.unwrap_or(empty),
                },
                RawCell { span: item.name },
                RawCell { span: item.value },
                RawCell { span: empty },
            ];
            if let Some(l2) = item.level2 {
                self.form.structure.push(l2);
            }
            let row = item.name.cover(item.value);
            if item.value.is_empty() {
                // The paste ends inside the item: the sentences are cut off there.
                let at_end = n == last
                    && self.at_end
                    && self.lines[i + 1..]
                        .iter()
                        .all(|l| l.span.text(self.text).trim().is_empty());
                if at_end {
                    self.issue(row, IssueKind::TableCutOff);
                } else {
                    self.cannot_place(row, Unplaced::TableLine);
                }
                continue;
            }
            if !self.place(&cells, row) {
                self.cannot_place(row, Unplaced::TableLine);
            }
        }
        self.placed(i);
        true
    }

    /// A label broken over two lines of its own (`项目起` / `止时间`): read as one label line.
    fn broken_label(&mut self, i: usize, cell: &RawCell) -> bool {
        let kind = self.form.kind;
        let raw = cell.text(self.text);
        let short = |t: &str| t.chars().filter(|c| !crate::text::is_space(*c)).count() <= 8;
        if !matches!(self.phase, Phase::Header)
            || !short(raw)
            || match_label(raw, kind, false).is_some()
            || extra_label(raw).is_some()
        {
            return false;
        }
        let Some((j, next)) = self
            .lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, l)| !l.span.text(self.text).trim().is_empty())
        else {
            return false;
        };
        let (_, cells) = split_cells(self.text, *next);
        let filled: Vec<&RawCell> = cells.iter().filter(|c| !c.is_empty()).collect();
        let [second] = filled[..] else {
            return false;
        };
        let raw2 = second.text(self.text);
        if !short(raw2) || match_label(raw2, kind, false).is_some() {
            return false;
        }
        let joined = RawCell {
            span: cell.span.cover(second.span),
        };
        let Some(m) = match_label(joined.text(self.text), kind, true) else {
            return false;
        };
        if m.len < joined.span.len() && !m.colon {
            return false;
        }
        self.header_line(i, &[joined]);
        self.placed(j);
        self.skip_to = j + 1;
        true
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
        let row = self.lines[i].span;
        let (a, b) = trim_range(row.text(self.text));
        let row = Span::new(row.start + a, row.start + b);
        if self.place(cells, row) {
            self.placed(i);
        }
    }

    /// Place one row of cells; `false` when it holds no cell. A row of categories alone (no
    /// name, no value: a merged heading, or an empty category) is no indicator: its cells are
    /// structure, and the rows under it inherit its categories.
    fn place(&mut self, cells: &[RawCell], row: Span) -> bool {
        let Phase::Table(layout) = self.phase else {
            return false;
        };
        // In a list of projects, a unit's line over its projects (`903-某某镇部门 | 1,286,400.00`:
        // its name and subtotal, no category, no indicator) is a heading.
        if layout.more(vocab::More::ListName).is_some() {
            let filled: Vec<&RawCell> = cells.iter().filter(|c| !c.is_empty()).collect();
            let uncategorised = filled.iter().all(|c| {
                let cat = vocab::category(c.text(self.text));
                cat.level1.is_none() && cat.level2.is_none()
            });
            let subtotal = filled
                .iter()
                .any(|c| crate::value::parse_amount(c.text(self.text)).is_some());
            if uncategorised && subtotal && filled.len() <= 2 {
                self.form.structure.extend(filled.iter().map(|c| c.span));
                return true;
            }
        }
        let Some(placed) = place_row(self.text, cells, row, &layout, &mut self.inherited) else {
            return false;
        };
        for span in placed.extra {
            self.cannot_place(span, Unplaced::ExtraCell);
        }
        self.form.structure.extend(placed.structure);
        let mut ind = placed.indicator;
        if self.mode == TableMode::Stream {
            // Cells broken over lines (PDF text) were joined: their text is one line again.
            for t in [&mut ind.name, &mut ind.value, &mut ind.explanation] {
                if t.text.contains('\n') {
                    t.text = crate::text::unwrap_lines(&t.text);
                }
            }
        }
        if self.mode != TableMode::Grid && !(ind.name.is_empty() && ind.value.is_empty()) {
            let labelled = |t: &str| t.contains([':', '：']);
            // (A 不适用 row may leave its value empty.)
            let plausible = !ind.name.is_empty()
                && (!ind.value.is_empty() || !ind.applicable)
                && !vocab::is_signature(&ind.value.text)
                && !labelled(&ind.name.text)
                && !labelled(&ind.value.text)
                && ind.value.text.chars().count() <= 30
                && ind.name.text.chars().count() <= 80;
            if !plausible {
                return false;
            }
        }
        if ind.name.is_empty() && ind.value.is_empty() && self.mode != TableMode::Grid {
            let cells = [&ind.level1_cell, &ind.level2_cell];
            self.form
                .structure
                .extend(cells.into_iter().flatten().map(|c| c.span));
            // What else the row holds is no heading: reported.
            let rest = [&ind.unit, &ind.operator, &ind.medium_value, &ind.weight];
            for t in rest.into_iter().flatten().chain([&ind.explanation]) {
                if !t.is_empty() {
                    self.cannot_place(t.span, Unplaced::ExtraCell);
                }
            }
            self.form
                .structure
                .extend(ind.others.iter().map(|(_, c)| c.span));
            return true;
        }
        if self.medium_table {
            self.form.medium_indicators.push(ind);
        } else {
            self.form.indicators.push(ind);
        }
        true
    }

    /// A table header flattened with single spaces (`一级指标 二级指标 三级指标 指标性质 …`),
    /// maybe after a heading (`绩效指标(权重分值90分…)`): the table's rows are words too.
    fn words_header(&mut self, i: usize) -> bool {
        let words = split_words(self.text, self.lines[i]);
        if words.len() == 1 {
            return self.glued_header(i);
        }
        if words.len() < 3 {
            return false;
        }
        let columns: Vec<(usize, Column)> = words
            .iter()
            .enumerate()
            .filter_map(|(n, w)| {
                let raw = w.text(self.text);
                vocab::may_be_column(raw)
                    .then(|| table_column(&label_key(raw)))
                    .flatten()
                    .map(|c| (n, c))
            })
            .collect();
        let Some(&(first, _)) = columns.first() else {
            return false;
        };
        // The recognized columns must follow each other (a sentence that names a few is no header).
        if columns.len() < 3 || columns.len() + first != words.len() {
            return false;
        }
        let cols: Vec<Option<Column>> = columns.iter().map(|&(_, c)| Some(c)).collect();
        let Some(layout) = Layout::from_header(&cols) else {
            return false;
        };
        // A heading among the columns (`绩效指标` before `一级指标`) is no column.
        let columns: Vec<(usize, Column)> = columns
            .into_iter()
            .skip_while(|&(_, c)| c == Column::Name && cols.contains(&Some(Column::Level1)))
            .collect();
        let first = columns.first().map_or(first, |&(n, _)| n);
        let Some(layout) =
            Layout::from_header(&columns.iter().map(|&(_, c)| Some(c)).collect::<Vec<_>>())
                .or(Some(layout))
        else {
            return false;
        };
        for w in &words[..first] {
            self.form.structure.push(w.span);
        }
        for w in &words[first..] {
            let key = label_key(w.text(self.text));
            if vocab::is_actual_value_column(&key) {
                self.not_declaration = Some(vocab::NotDeclaration::SelfEvaluation);
            }
            self.columns.push(key);
            self.form.structure.push(w.span);
        }
        self.word_columns = columns.into_iter().map(|(_, c)| c).collect();
        self.start_table(layout, TableMode::Words);
        self.current = Current::None;
        self.placed(i);
        true
    }

    /// A header whose columns were glued together (`一级指标二级指标三级指标指标值`): the rows
    /// below are glued too (`glued`).
    fn glued_header(&mut self, i: usize) -> bool {
        let line = self.lines[i].span;
        let Some(columns) = super::glued::split_header(self.text, line) else {
            return false;
        };
        let cols: Vec<Option<Column>> = columns.iter().map(|&(_, c)| Some(c)).collect();
        let Some(layout) = Layout::from_header(&cols) else {
            return false;
        };
        for (span, _) in &columns {
            self.columns.push(label_key(span.text(self.text)));
            self.form.structure.push(*span);
        }
        self.word_columns = columns.into_iter().map(|(_, c)| c).collect();
        self.start_table(layout, TableMode::Glued);
        self.current = Current::None;
        self.placed(i);
        true
    }

    /// A row of a glued table, cut by `glued::split_row`.
    fn glued_row(&mut self, i: usize) {
        let line = self.lines[i].span;
        let (a, b) = trim_range(line.text(self.text));
        let row = Span::new(line.start + a, line.start + b);
        let Some(parts) = super::glued::split_row(self.text, row, &self.word_columns) else {
            self.end_table();
            self.unplace(i, row);
            return;
        };
        let mut cells: Vec<RawCell> = (0..self.word_columns.len())
            .map(|_| RawCell {
                span: Span::empty(row.start),
            })
            .collect();
        for (span, column) in parts {
            if let Some(at) = self.word_columns.iter().position(|&c| c == column) {
                cells[at] = RawCell { span };
            }
        }
        if self.place(&cells, row) {
            self.placed(i);
        } else {
            self.end_table();
            self.unplace(i, row);
        }
    }

    /// A row of a words table: its words placed by what they look like.
    fn word_row(&mut self, i: usize) {
        if self.mode == TableMode::Glued {
            self.glued_row(i);
            return;
        }
        let words = split_words(self.text, self.lines[i]);
        if words.is_empty() {
            return;
        }
        // A score broken off a category heading (`产出指标` / `(40-50)分`).
        if words
            .iter()
            .all(|w| vocab::is_score_note(w.text(self.text)))
        {
            self.form.structure.extend(words.iter().map(|w| w.span));
            self.placed(i);
            return;
        }
        let at = align_words(self.text, &words, &self.word_columns);
        let mut cells: Vec<RawCell> = (0..self.word_columns.len())
            .map(|_| RawCell {
                span: Span::empty(words[0].span.start),
            })
            .collect();
        let mut left_out = Vec::new();
        for (w, col) in words.iter().zip(&at) {
            match col {
                Some(c) => cells[*c] = *w,
                None => left_out.push(w.span),
            }
        }
        let row = words[0].span.cover(words[words.len() - 1].span);
        if self.place(&cells, row) {
            for span in left_out {
                self.cannot_place(span, Unplaced::ExtraCell);
            }
            self.placed(i);
        } else {
            // No indicator row: the table has ended (a signature line, a page footer).
            self.end_table();
            self.unplace(i, row);
        }
    }

    /// Begin an indicator table; the heading before it may say it holds medium-term targets.
    fn start_table(&mut self, layout: Layout, mode: TableMode) {
        self.flush_row();
        self.phase = Phase::Table(layout);
        self.mode = mode;
        self.medium_table = self.next_table_medium.take().unwrap_or(false);
        self.inherited = Inherited::default();
    }

    /// Leave the indicator table: what follows is read as header lines or reported.
    fn end_table(&mut self) {
        self.phase = Phase::Header;
        self.mode = TableMode::Grid;
        self.current = Current::None;
    }

    /// A table header written one cell per line (`一级指标` / `二级指标` / … on lines of their
    /// own, maybe with blank lines between): read ahead while the lines are columns; the rows
    /// that follow are one cell per line too.
    fn vertical_header(&mut self, i: usize, first: &RawCell) -> bool {
        let raw = first.text(self.text);
        if !vocab::may_be_column(raw) || table_column(&label_key(raw)).is_none() {
            return false;
        }
        let mut found: Vec<(usize, RawCell)> = Vec::new();
        let mut j = i;
        while j < self.lines.len() {
            let line = self.lines[j];
            if line.span.text(self.text).trim().is_empty() || is_pipes_only(self.text, line) {
                j += 1;
                continue;
            }
            let (_, cells) = split_cells(self.text, line);
            let filled: Vec<&RawCell> = cells.iter().filter(|c| !c.is_empty()).collect();
            if filled.len() != 1 {
                break;
            }
            let raw = filled[0].text(self.text);
            if !vocab::may_be_column(raw) || table_column(&label_key(raw)).is_none() {
                break;
            }
            found.push((j, *filled[0]));
            j += 1;
        }
        if found.len() < 3 {
            return false;
        }
        let cols: Vec<Option<Column>> = found
            .iter()
            .map(|(_, c)| table_column(&label_key(c.text(self.text))))
            .collect();
        let Some(layout) = Layout::from_header(&cols) else {
            return false;
        };
        for (line, c) in &found {
            self.columns.push(label_key(c.text(self.text)));
            self.form.structure.push(c.span);
            self.placed(*line);
        }
        self.skip_to = found.last().map_or(i, |(l, _)| l + 1);
        self.start_table(layout, TableMode::Stream);
        self.current = Current::None;
        true
    }

    /// A line of a one-cell-per-line table; `false` when it is no cell of the table (a label,
    /// a line of several cells): the caller reads it as usual.
    fn stream_line(&mut self, i: usize) -> bool {
        let line = self.lines[i];
        let raw = line.span.text(self.text);
        if raw.is_empty() || is_pipes_only(self.text, line) {
            return true;
        }
        // A label's value comes first (`其他需说明的问题` / `…` after the table).
        if let Current::Field(idx) = self.current {
            if self.form.fields[idx].value.text.is_empty() {
                return false;
            }
        }
        if is_space_only(self.text, line) {
            self.push_cell(
                i,
                RawCell {
                    span: Span::empty(line.span.start),
                },
            );
            return true;
        }
        let (_, cells) = split_cells(self.text, line);
        let filled: Vec<RawCell> = cells.into_iter().filter(|c| !c.is_empty()).collect();
        if filled.len() != 1 {
            return false;
        }
        let cell = filled[0];
        let text = cell.text(self.text);
        // A page number, or markup alone (`</li>`): structure, no cell.
        if crate::text::is_page_number(text) || clean(text).is_empty() {
            self.form.structure.push(cell.span);
            self.placed(i);
            return true;
        }
        let cat = vocab::category(text);
        if cat.level1.is_none()
            && cat.level2.is_none()
            && match_label(text, self.form.kind, true).is_some()
        {
            return false;
        }
        // The header of another table (长期 then 年度).
        if vocab::may_be_column(text) && table_column(&label_key(text)).is_some() {
            return false;
        }
        self.push_cell(i, cell);
        true
    }

    /// Add a cell to the row being read; a category starts a new row when the row has passed its
    /// column, and a full row is placed.
    fn push_cell(&mut self, i: usize, cell: RawCell) {
        let Phase::Table(layout) = self.phase else {
            return;
        };
        let text = cell.text(self.text);
        // A word of the vocabulary broken over two lines (`可持续影响` / `指标`).
        if !cell.is_empty() {
            if let Some(&(_, last)) = self.pending.last().filter(|(_, c)| !c.is_empty()) {
                let joined = Span::new(last.span.start, cell.span.end);
                let alone = vocab::category(text);
                let both = vocab::category(joined.text(self.text));
                let known = |c: &vocab::Category| c.level1.is_some() || c.level2.is_some();
                if known(&both) && !known(&alone) && !joined.text(self.text).contains('\t') {
                    self.pending.pop();
                    self.pending.push((i, RawCell { span: joined }));
                    self.placed(i);
                    return;
                }
            }
        }
        // A name broken over lines (`下立交排水泵站设备完好` / `率`): the piece where the value
        // should be is no value, and the next line is one.
        if !cell.is_empty()
            && self.pending_start + self.pending.len() == layout.value
            && layout.name + 1 == layout.value
            && self.pending.last().is_some_and(|(_, c)| !c.is_empty())
            && !value_like(text)
            && self.next_cell_text(i).is_some_and(value_like)
        {
            let (line, last) = self.pending.pop().expect("checked above");
            let joined = Span::new(last.span.start, cell.span.end);
            self.pending.push((line, RawCell { span: joined }));
            self.placed(i);
            return;
        }
        let cat = vocab::category(text);
        // A 一级 word repeated in the 二级 column (`满意度指标` / `满意度指标`) is the 二级.
        let repeated = self.pending.len() == 1
            && self.pending_start == layout.level1
            && label_key(self.pending[0].1.text(self.text)) == label_key(text);
        // A level-1 word right after a level-2 cell is the indicator's name (`服务对象满意度指标`
        // / `满意度`).
        let after_level2 = !self.pending.is_empty()
            && self.pending_start + self.pending.len() == layout.name
            && self
                .pending
                .last()
                .is_some_and(|(_, c)| vocab::category(c.text(self.text)).level2.is_some());
        let natural = if after_level2 && cat.level2.is_none() {
            None
        } else if cat.level2.is_some() || (cat.level1.is_some() && repeated) {
            Some(layout.level2)
        } else if cat.level1.is_some() {
            Some(layout.level1)
        } else {
            None
        };
        if !self.pending.is_empty() {
            let next = self.pending_start + self.pending.len();
            if natural.is_some_and(|c| c < next) {
                self.flush_pending(true);
                // The row before was no row and ended the table: this cell is outside it.
                if !matches!(self.phase, Phase::Table(_)) {
                    if !cell.is_empty() {
                        self.unplace(i, cell.span);
                    }
                    return;
                }
            }
        }
        if self.pending.is_empty() {
            self.pending_start = natural.unwrap_or(layout.name);
        }
        self.pending.push((i, cell));
        if self.pending_start + self.pending.len() >= layout.width {
            self.flush_row();
        }
    }

    /// The text of the next non-empty line after `i`.
    fn next_cell_text(&self, i: usize) -> Option<&'a str> {
        let text: &'a str = self.text;
        self.lines[i + 1..]
            .iter()
            .map(|l| l.span.text(text).trim())
            .find(|t| !t.is_empty() && !is_pipes_only_text(t))
    }

    /// Place the row being read (one cell per line), if any.
    fn flush_row(&mut self) {
        self.flush_pending(false);
    }

    /// Place the row being read; one that is no row is reported, and ends the table unless
    /// `keep_table` (a category follows: the table goes on, a row without its name is all that
    /// went wrong).
    fn flush_pending(&mut self, keep_table: bool) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let Phase::Table(layout) = self.phase else {
            for (line, c) in pending.iter().filter(|(_, c)| !c.is_empty()) {
                self.unplace(*line, c.span);
            }
            return;
        };
        let filled: Vec<&(usize, RawCell)> =
            pending.iter().filter(|(_, c)| !c.is_empty()).collect();
        let (Some(first), Some(last)) = (filled.first(), filled.last()) else {
            return;
        };
        let row = first.1.span.cover(last.1.span);
        let width = layout.width.max(self.pending_start + pending.len());
        let mut cells: Vec<RawCell> = (0..width)
            .map(|_| RawCell {
                span: Span::empty(row.start),
            })
            .collect();
        for (n, (_, c)) in pending.iter().enumerate() {
            cells[self.pending_start + n] = *c;
        }
        if self.place(&cells, row) {
            for (line, _) in &pending {
                self.placed(*line);
            }
        } else {
            if !keep_table {
                self.end_table();
            }
            for (line, c) in pending.iter().filter(|(_, c)| !c.is_empty()) {
                self.unplace(*line, c.span);
            }
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
        let cells_before_split = cells.len();
        let pieces = self.split_at_labels(cells);
        let cells = &pieces[..];
        for (ci, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let raw = cell.text(self.text);
            // A label glued to its value without a colon is only trusted at the start of a line.
            let m = match_label(raw, kind, ci != first_filled)
                .or_else(|| word_label(raw, kind))
                .or_else(|| extra_label(raw));
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
        // PDF text reads a table row by row: labels side by side, then their values side by side
        // (`部门名称 填报人 某某县档案馆 某某`). Labels without a value before a label whose value
        // has several words take its first words, in order.
        let flat = pieces.len() > cells_before_split;
        if flat {
            let mut k = 0;
            while k < segments.len() {
                let empty = segments[k..]
                    .iter()
                    .take_while(|g| {
                        g.values.is_empty() && matches!(g.target, LabelTarget::Field(_))
                    })
                    .count();
                let Some(next) = segments.get(k + empty) else {
                    break;
                };
                if empty == 0 || next.values.len() != 1 {
                    k += empty.max(1);
                    continue;
                }
                let words = word_spans(self.text, next.values[0]);
                if words.len() <= empty {
                    k += empty + 1;
                    continue;
                }
                let rest = words[empty].cover(*words.last().expect("more words than labels"));
                for (n, w) in words[..empty].iter().enumerate() {
                    segments[k + n].values.push(*w);
                }
                segments[k + empty].values = vec![rest];
                k += empty + 1;
            }
        }
        // Values under a line of labels without values (`中期目标 | 年度目标`, then the two goals
        // on the next line): each value goes to the label above it, in order.
        if segments.is_empty() && !leading.is_empty() {
            if let Some(above) = self.values_below.take() {
                if above.len() == leading.len() {
                    for (field, span) in above.into_iter().zip(&leading) {
                        self.current = Current::Field(field);
                        self.continue_current(&[*span]);
                    }
                    self.current = Current::None;
                    self.placed(i);
                    return;
                }
            }
        }
        self.values_below = None;
        if segments.is_empty() && leading.len() == 1 && self.values_of_stacked(i) {
            return;
        }
        if segments.is_empty() && leading.len() == 1 && self.continue_wrapped(i, leading[0]) {
            self.placed(i);
            return;
        }
        // A notice of targets in sentences: its paragraph before the indicators describes the
        // project.
        if segments.is_empty()
            && self.announcement
            && matches!(self.current, Current::None)
            && self.form.field(FieldKey::Overview).is_none()
            && !leading.is_empty()
        {
            let span = leading[0].cover(*leading.last().expect("not empty"));
            self.push_field(FieldKey::Overview, Span::empty(span.start), None, &[span]);
            self.placed(i);
            return;
        }
        if !leading.is_empty() && !self.continue_current(&leading) {
            let span = leading[0].cover(*leading.last().unwrap());
            if segments.is_empty() {
                self.unplace(i, span);
                return;
            }
            self.cannot_place(span, Unplaced::Line);
        }
        self.placed(i);
        // `总体目标` over `中期目标 | 年度目标`: a heading.
        let goals = segments
            .iter()
            .filter(|g| {
                matches!(
                    g.target,
                    LabelTarget::Field(FieldKey::AnnualGoal | FieldKey::LongTermGoal)
                )
            })
            .count();
        let empty_fields = segments.len() >= 2
            && segments.iter().all(|g| {
                g.values.is_empty()
                    && matches!(g.target, LabelTarget::Field(_) | LabelTarget::Section)
            });
        let fields_before = self.form.fields.len();
        for seg in &mut segments {
            if goals >= 2
                && seg.target == LabelTarget::Field(FieldKey::AnnualGoal)
                && label_key(seg.label.text(self.text)) == "总体目标"
            {
                seg.target = LabelTarget::Section;
            }
        }
        for seg in segments {
            self.form.structure.push(seg.label);
            match seg.target {
                LabelTarget::Field(FieldKey::StartDate | FieldKey::EndDate) if self.in_schedule => {
                    let mut spans = vec![seg.label];
                    spans.extend(&seg.values);
                    self.continue_current(&spans);
                }
                LabelTarget::Field(key) => {
                    self.in_schedule = false;
                    let key = if key == FieldKey::TotalAmount
                        && label_key(seg.label.text(self.text)) == "合计"
                    {
                        self.sum_key()
                    } else {
                        key
                    };
                    let key = self.funds_group(key, seg.column, i);
                    self.field(key, seg.label, seg.unit, &seg.values)
                }
                LabelTarget::Section => {
                    if let Some(u) = seg.unit {
                        self.label_unit.get_or_insert(u);
                    }
                    let key = label_key(seg.label.text(self.text));
                    if key.starts_with("长期绩效指标") || key.starts_with("中期绩效指标")
                    {
                        self.next_table_medium = Some(true);
                    } else if key.starts_with("年度绩效指标") {
                        self.next_table_medium = Some(false);
                    }
                    // The schedule table of 项目实施进度计划: its column heads and rows are the plan.
                    if key == "项目实施内容" {
                        if let Some(plan) = self
                            .form
                            .fields
                            .iter()
                            .position(|f| f.key == FieldKey::Plan)
                        {
                            self.current = Current::Field(plan);
                            self.in_schedule = true;
                            continue;
                        }
                    }
                    self.current = Current::None;
                    // A heading alone; what follows it on its line is unplaced, but for the
                    // unit of a funds block (`资金来源 | 金额(元)`).
                    for v in &seg.values {
                        if let Some(u) = vocab::unit_line(&label_key(v.text(self.text))) {
                            self.label_unit.get_or_insert(u);
                            self.form.structure.push(*v);
                        } else {
                            self.cannot_place(*v, Unplaced::ExtraValue);
                        }
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
        // A label alone on its line, without value: stacked on the one above if that was one too.
        let added = fields_before..self.form.fields.len();
        if added.len() == 1 && self.form.fields[fields_before].value.text.is_empty() {
            let key = self.form.fields[fields_before].key;
            let previous = self.lines[..i]
                .iter()
                .rposition(|l| !l.span.text(self.text).trim().is_empty());
            if previous != Some(self.stacked_line) || self.stacked.is_empty() {
                self.stacked.clear();
            }
            if !key.is_amount() {
                self.stacked.push(fields_before);
                self.stacked_line = i;
            }
        } else {
            self.stacked.clear();
        }
        if empty_fields {
            let added: Vec<usize> = (fields_before..self.form.fields.len())
                .filter(|&f| self.form.fields[f].value.text.is_empty())
                .collect();
            if added.len() >= 2 {
                self.values_below = Some(added);
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
                if self.sources_in_line.0 != line {
                    self.sources_in_line = (line, 0, 0);
                }
                let nth = if key == FieldKey::YearFiscal {
                    self.sources_in_line.1 += 1;
                    self.sources_in_line.1 - 1
                } else {
                    self.sources_in_line.2 += 1;
                    self.sources_in_line.2 - 1
                };
                let under_total = match (self.total_col, self.year_col) {
                    (Some(_), None) => true,
                    // Both totals side by side on one line: the sources under them pair up in
                    // order (the first under the left total).
                    (Some((lt, t)), Some((ly, y))) if lt == ly && t != y => (nth == 0) == (t < y),
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

    /// The role of a `合计` under sources of funds: the total of the sources above it (this
    /// year's unless they were filed under the medium-term total).
    fn sum_key(&self) -> FieldKey {
        let last_source = self.form.fields.iter().rev().find_map(|f| match f.key {
            FieldKey::YearFiscal | FieldKey::YearOther => Some(FieldKey::YearAmount),
            FieldKey::TotalFiscal | FieldKey::TotalOther => Some(FieldKey::TotalAmount),
            _ => None,
        });
        match last_source {
            Some(FieldKey::YearAmount) if !self.has(FieldKey::YearAmount) => FieldKey::YearAmount,
            _ => FieldKey::TotalAmount,
        }
    }

    fn has(&self, key: FieldKey) -> bool {
        self.form.fields.iter().any(|f| f.key == key)
    }

    /// Split cells where a label with its colon follows a space inside them
    /// (`项目编码：4403… 项目名称：一般管理事务` pasted as one cell).
    fn split_at_labels(&self, cells: &[RawCell]) -> Vec<RawCell> {
        let mut out = Vec::with_capacity(cells.len());
        for cell in cells {
            let raw = cell.text(self.text);
            let mut start = 0;
            if raw.contains([':', '：', ' ', '\u{3000}']) {
                let mut prev_space = false;
                for (i, c) in raw.char_indices() {
                    if prev_space && i > start {
                        // A label with its colon, or a label that is a word of its own between
                        // spaces (`项目名称 某某项目 项目负责人及电话 某某`).
                        // (A label with a space inside, `部门(单位) 名称`, is a word too.)
                        let word_end = |from: usize| {
                            let from = from
                                + raw[from..]
                                    .find(|c: char| !crate::text::is_space(c))
                                    .unwrap_or(raw.len() - from);
                            raw[from..]
                                .find(crate::text::is_space)
                                .map_or(raw.len(), |e| from + e)
                        };
                        let with_colon = match_label(&raw[i..], self.form.kind, true)
                            .filter(|m| m.colon)
                            .is_some();
                        let as_word = || {
                            let one = word_end(i);
                            let two = word_end(one);
                            [one, two].into_iter().any(|end| {
                                match_label(&raw[i..end], self.form.kind, true).is_some_and(|m| {
                                    m.len == end - i
                                        && matches!(
                                            m.target,
                                            LabelTarget::Field(_) | LabelTarget::Goals
                                        )
                                })
                            })
                        };
                        if with_colon || as_word() {
                            {
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
                    let joint = crate::text::wrap_joint(&field.value.text, &t, 20);
                    if !field.value.text.is_empty() {
                        field.value.text.push_str(joint);
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

    /// The first line of values under labels stacked one per line (`长期目标` / `年度目标` /
    /// `持续改善…` / `2024年…`): when as many value lines follow as there are labels, each goes to
    /// its label, in order.
    fn values_of_stacked(&mut self, i: usize) -> bool {
        let stacked = std::mem::take(&mut self.stacked);
        if stacked.len() < 2
            || stacked
                .iter()
                .any(|&f| !self.form.fields[f].value.text.is_empty())
        {
            return false;
        }
        let mut run = Vec::new();
        for (j, line) in self.lines.iter().enumerate().skip(i) {
            let t = line.span.text(self.text).trim();
            if t.is_empty() {
                continue;
            }
            let (_, cells) = split_cells(self.text, *line);
            let filled: Vec<&RawCell> = cells.iter().filter(|c| !c.is_empty()).collect();
            let first = filled.first().map_or("", |c| c.text(self.text));
            let structural = filled.len() != 1
                || match_label(first, self.form.kind, false).is_some()
                || crate::text::is_page_number(first)
                || vocab::may_be_column(first) && table_column(&label_key(first)).is_some()
                || vocab::category(first).level1.is_some()
                || vocab::category(first).level2.is_some();
            if structural {
                break;
            }
            run.push((j, filled[0].span));
            if run.len() > stacked.len() {
                break;
            }
        }
        if run.len() != stacked.len() {
            return false;
        }
        for (&field, &(line, span)) in stacked.iter().zip(&run) {
            self.current = Current::Field(field);
            self.continue_current(&[span]);
            self.placed(line);
        }
        self.current = Current::None;
        self.skip_to = run.last().map_or(i, |(l, _)| l + 1);
        true
    }

    /// A short field's value broken over lines (PDF text, one cell per line: `某某路下立交工` /
    /// `程维修养护`): the line continues the value written on the line(s) under its label when
    /// the line after it is a label again (an unknown label would be followed by its value).
    fn continue_wrapped(&mut self, i: usize, span: Span) -> bool {
        let Current::Field(idx) = self.current else {
            return false;
        };
        let field = &self.form.fields[idx];
        if field.key.is_amount()
            || field.key.is_long_text()
            || field.value.text.is_empty()
            || !self.text[field.label.span.end..field.value.span.start].contains('\n')
        {
            return false;
        }
        // The value ends on the line before (nothing unplaced between).
        let before = self.lines[..i]
            .iter()
            .rev()
            .find(|l| !l.span.text(self.text).trim().is_empty());
        if before.is_none_or(|l| field.value.span.end < l.span.start) {
            return false;
        }
        let piece = span.text(self.text);
        if vocab::category(piece).level1.is_some() || vocab::category(piece).level2.is_some() {
            return false;
        }
        let next = self.lines[i + 1..]
            .iter()
            .map(|l| l.span.text(self.text).trim())
            .find(|t| !t.is_empty() && !is_pipes_only_text(t));
        let label_next = next.is_none_or(|t| {
            let first = t.split('\t').next().unwrap_or(t).trim();
            match_label(first, self.form.kind, true).is_some()
                || word_label(first, self.form.kind).is_some()
                || extra_label(first).is_some()
                || crate::text::is_page_number(first)
                || vocab::may_be_column(first) && table_column(&label_key(first)).is_some()
        });
        if !label_next {
            return false;
        }
        let t = clean(piece);
        let field = &mut self.form.fields[idx];
        let joint = crate::text::wrap_joint(&field.value.text, &t, 0);
        let joint = if joint == "\n" { " " } else { joint };
        field.value.text.push_str(joint);
        field.value.text.push_str(&t);
        field.value.span = field.value.span.cover(span);
        true
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
                // (Its value may hold markup only, `<p>`: structure too.)
                self.form.structure.push(old.label.span);
                self.form.structure.push(old.value.span);
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
            self.unplace(i, self.lines[i].span);
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
        self.cut_off();
        self.flush_row();
        let mut trailing = Vec::new();
        for (i, span, in_table) in std::mem::take(&mut self.unplaced) {
            // After the indicator table, what is not placed lies between forms.
            if i > self.last_placed && matches!(self.phase, Phase::Table(_)) {
                trailing.push(span);
            } else {
                let why = if in_table {
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

        if self.form.budget_year.is_none() {
            self.form.budget_year = vocab::year_in_title(&self.form.title.text);
        }
        self.name_from_title();
        self.form.template = crate::template::recognise(
            self.form.kind,
            &label_key(self.form.title.span.text(self.text)),
            self.form.fields.iter().map(|f| f.label.text.as_str()),
            self.columns.iter().map(String::as_str),
        );
        // A table that lists several projects gives a form per project; each is checked for
        // the fields of its template.
        let forms = super::list::split_projects(self.form);
        for form in &forms {
            for (span, kind) in required_issues(form) {
                self.issues.push(Issue {
                    form: None,
                    span,
                    kind,
                });
            }
            if form.indicators.is_empty() {
                self.issues.push(Issue {
                    form: None,
                    span: form.title.span,
                    kind: IssueKind::NoIndicators,
                });
            }
        }
        in_text_order(&mut self.issues);
        Read {
            forms,
            issues: self.issues,
            trailing,
            not_declaration: self.not_declaration,
        }
    }

    /// A notice that publishes targets in sentences names its project in its title (`关于某某项目
    /// 绩效目标设定的公示`): the name, when no label gave one.
    fn name_from_title(&mut self) {
        if self.form.field(FieldKey::Name).is_some() {
            return;
        }
        let title = self.form.title.span;
        let raw = title.text(self.text);
        if vocab::announced_project(&label_key(raw).replace('|', "")).is_none() {
            return;
        }
        let (Some(a), Some(b)) = (raw.find("关于"), raw.rfind("绩效目标")) else {
            return;
        };
        let a = a + "关于".len();
        if a >= b {
            return;
        }
        let span = Span::new(title.start + a, title.start + b);
        self.form.fields.push(Field {
            key: FieldKey::Name,
            label: Text {
                span: Span::empty(span.start),
                text: String::new(),
            },
            amount: None,
            value: Text {
                span,
                text: clean(span.text(self.text)),
            },
            label_unit: None,
        });
    }

    /// A paste that ends inside the indicator table, in the middle of a row (the excerpts of
    /// published forms often do): the incomplete row is no indicator; the table is said to end
    /// early.
    fn cut_off(&mut self) {
        // The paste ends in the first word of a row (`数量指`, `效`), after rows were read: the
        // table is cut off there, whatever the layout.
        if self.at_end && !self.form.indicators.is_empty() {
            let last_line = self
                .lines
                .iter()
                .rposition(|l| !is_blank(l.span.text(self.text)));
            let last = self.unplaced.last().copied();
            if let (Some(n), Some((i, span, _))) = (last_line, last) {
                if i == n && vocab::is_category_fragment(span.text(self.text)) {
                    self.unplaced.pop();
                    self.placed(i);
                    self.issue(span, IssueKind::TableCutOff);
                    return;
                }
            }
        }
        if !self.at_end || !matches!(self.phase, Phase::Table(_)) {
            return;
        }
        let Phase::Table(layout) = self.phase else {
            return;
        };
        // One cell per line: a row still waiting for its value.
        if self.mode == TableMode::Stream && !self.pending.is_empty() {
            let reaches_value = self.pending_start + self.pending.len() > layout.value;
            if !reaches_value {
                let pending = std::mem::take(&mut self.pending);
                let spans: Vec<Span> = pending.iter().map(|(_, c)| c.span).collect();
                let span = spans[0].cover(spans[spans.len() - 1]);
                for (line, _) in &pending {
                    self.placed(*line);
                }
                self.issue(span, IssueKind::TableCutOff);
            }
            return;
        }
        // A row per line: the last row, on the last line with text, without its value.
        let last_line = self
            .lines
            .iter()
            .rposition(|l| !is_blank(l.span.text(self.text)));
        let Some(last) = self.form.indicators.last() else {
            return;
        };
        let on_last_line = last_line.is_some_and(|n| {
            self.lines[n].span.end >= last.span.end && self.lines[n].span.start <= last.span.start
        });
        let line = last.span.text(self.text).trim();
        // A pipe row without its closing pipe stops in the middle of its cells.
        let unclosed = line.starts_with('|') && !line.ends_with('|');
        if on_last_line && !last.name.is_empty() && (last.value.is_empty() || unclosed) {
            let last = self.form.indicators.pop().expect("checked above");
            self.issue(last.span, IssueKind::TableCutOff);
        }
    }
}

/// The required fields of its template a form lacks or leaves empty (S002).
fn required_issues(form: &Form) -> Vec<(Span, IssueKind)> {
    let template = form.template.info();
    let mut required: Vec<FieldKey> = template.required.to_vec();
    if template.long_term_goal_when_multi_year && form.years().is_some_and(|y| y > 1) {
        required.push(FieldKey::LongTermGoal);
    }
    let kind = form.kind;
    required
        .into_iter()
        .filter_map(|key| match form.field(key) {
            None => Some((
                form.title.span,
                IssueKind::MissingField {
                    kind,
                    key,
                    present: false,
                },
            )),
            Some(f) if is_blank(&f.value.text) => Some((
                f.label.span,
                IssueKind::MissingField {
                    kind,
                    key,
                    present: true,
                },
            )),
            Some(_) => None,
        })
        .collect()
}

/// A label that is the first word of a cell, a space after it (`项目负责人及电话 某某`): the cells
/// of a line flattened with single spaces.
/// The words of a span at runs of spaces.
fn word_spans(text: &str, span: Span) -> Vec<Span> {
    let raw = span.text(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in raw.char_indices() {
        if crate::text::is_space(c) {
            if let Some(s) = start.take() {
                out.push(Span::new(span.start + s, span.start + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Span::new(span.start + s, span.end));
    }
    out
}

fn is_pipes_only_text(t: &str) -> bool {
    t.chars().all(|c| c == '|' || crate::text::is_space(c))
}

fn word_label(raw: &str, kind: FormKind) -> Option<vocab::LabelMatch> {
    let end = raw.find(crate::text::is_space)?;
    match_label(&raw[..end], kind, true).filter(|m| {
        m.len == end && matches!(m.target, LabelTarget::Field(_) | LabelTarget::Section)
    })
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
