//! Indicator rows: placing the cells of a row whatever its shifts and blank merged cells.
//!
//! A row is placed by its labels, not by cell positions alone: the 二级 cell (`*数量指标`) is the
//! anchor, and the cells after it are 三级, value, [unit], explanation. When a row has no label
//! (a merged cell left blank), its first filled cell is the 三级 name. A label sitting in the
//! wrong column, with blank cells between it and where the name belongs, does not shift the row;
//! a row whose cells are all moved left or right is read with that shift.

use super::lines::RawCell;
use super::vocab::{category, Category, Column, More};
use crate::model::{Indicator, Level1, Level2, Text};
use crate::span::Span;
use crate::text::clean;
use crate::value::is_not_applicable;

/// Column positions of the indicator table, from its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub level1: usize,
    pub level2: usize,
    pub name: usize,
    pub value: usize,
    pub unit: Option<usize>,
    pub explanation: usize,
    /// The columns some templates add, by `More::ALL` position.
    pub more: [Option<usize>; More::ALL.len()],
    /// How many columns the header names (filled or not).
    pub width: usize,
    /// Whether the header has a 二级 column (`指标类型 | 指标名称 | 指标值` has none: `level2` is
    /// then only where a 二级 word would sit, the name's column).
    pub level2_named: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            level1: 0,
            level2: 1,
            name: 2,
            value: 3,
            unit: None,
            explanation: 4,
            more: [None; More::ALL.len()],
            width: 5,
            level2_named: true,
        }
    }
}

impl Layout {
    /// Build from the recognized columns of a header row; `None` unless it names at least three
    /// columns, among them the name or the value.
    ///
    /// A table with two sets of 二级/三级/指标值 side by side (财预〔2015〕88号: 中期 on the left,
    /// 年度 on the right) reads the annual set as the row and the medium set beside it.
    pub fn from_header(columns: &[Option<Column>]) -> Option<Layout> {
        let mut columns = columns.to_vec();
        // A name column left of the 一级 column is a heading over the table (`绩效指标`).
        if let Some(l1) = columns.iter().position(|&x| x == Some(Column::Level1)) {
            for c in &mut columns[..l1] {
                if *c == Some(Column::Name) {
                    *c = None;
                }
            }
        }
        let count =
            |cols: &[Option<Column>], c: Column| cols.iter().filter(|&&x| x == Some(c)).count();
        if count(&columns, Column::Value) == 2 && count(&columns, Column::Name) == 2 {
            for (c, medium) in [
                (Column::Value, More::MediumValue),
                (Column::Name, More::MediumName),
                (Column::Level2, More::MediumLevel2),
            ] {
                if count(&columns, c) == 2 {
                    if let Some(first) = columns.iter().position(|&x| x == Some(c)) {
                        columns[first] = Some(Column::More(medium));
                    }
                }
            }
        }
        let find = |c: Column| columns.iter().position(|&x| x == Some(c));
        let recognized = columns.iter().filter(|c| c.is_some()).count();
        if recognized < 3 || (find(Column::Name).is_none() && find(Column::Value).is_none()) {
            return None;
        }
        let d = Layout::default();
        let level1 = find(Column::Level1).unwrap_or(d.level1);
        let level2 = find(Column::Level2).unwrap_or(level1 + 1);
        let name = find(Column::Name).unwrap_or(level2 + 1);
        let value = find(Column::Value).unwrap_or(name + 1);
        let unit = find(Column::Unit);
        // No 指标解释 column: the explanation goes to the first column after the value (and unit)
        // the header does not give to another column (`权重`, `分值`, `指标方向` …), beyond the
        // header if none.
        let explanation = find(Column::Explanation).unwrap_or_else(|| {
            let after = value.max(unit.unwrap_or(0)) + 1;
            (after..)
                .find(|&j| columns.get(j).is_none_or(|c| c.is_none()))
                .unwrap_or(after)
        });
        let mut more = [None; More::ALL.len()];
        for (slot, m) in more.iter_mut().zip(More::ALL) {
            *slot = find(Column::More(m));
        }
        Some(Layout {
            level1,
            level2,
            name,
            value,
            unit,
            explanation,
            more,
            width: columns.len(),
            level2_named: find(Column::Level2).is_some(),
        })
    }

    pub fn more(&self, m: More) -> Option<usize> {
        More::ALL
            .iter()
            .position(|&x| x == m)
            .and_then(|i| self.more[i])
    }
}

/// What the rows above leave to a row whose category cells are blank (merged cells).
#[derive(Debug, Clone, Default)]
pub struct Inherited {
    pub level1: Option<Level1>,
    pub level2: Option<Level2>,
    pub mandatory: bool,
}

/// The result of placing one row.
pub struct Placed {
    pub indicator: Indicator,
    /// Filled cells that belong nowhere (reported as S004).
    pub extra: Vec<Span>,
    /// Cells read as template structure (the 二级 of a medium-term set that repeats the annual).
    pub structure: Vec<Span>,
}

fn cell_text(source: &str, cell: Option<&RawCell>, fallback_at: usize) -> Text {
    match cell {
        Some(c) => Text {
            span: c.span,
            text: clean(c.text(source)),
        },
        None => Text {
            span: Span::empty(fallback_at),
            text: String::new(),
        },
    }
}

/// Place one table row. `None` when the row has no filled cell.
pub fn place_row(
    source: &str,
    cells: &[RawCell],
    row: Span,
    layout: &Layout,
    inherited: &mut Inherited,
) -> Option<Placed> {
    if layout.more(More::MediumName).is_some() {
        let Undoubled {
            cells,
            medium,
            structure,
            extra,
        } = undouble(source, cells, layout)?;
        let mut placed = place_single(source, &cells, row, layout, inherited)?;
        placed.structure.extend(structure);
        placed.extra.extend(extra);
        let ind = &mut placed.indicator;
        if let Some(value) = medium.value {
            ind.medium_value = Some(cell_text(source, Some(&value), row.end));
        }
        if let Some(name) = medium.name {
            let name = cell_text(source, Some(&name), row.end);
            if name.text == ind.name.text {
                placed.structure.push(name.span);
            } else {
                ind.others
                    .push((More::MediumName.header().to_string(), name));
            }
        }
        return Some(placed);
    }
    place_single(source, cells, row, layout, inherited)
}

/// A row of a table with a medium-term and an annual set side by side (`一级 | 二级 | 三级 | 指标值 |
/// 二级 | 三级 | 指标值`), rewritten as one row of the annual set with the medium-term name and
/// value in their columns: merged cells dropped make such rows shorter, so the sets are told
/// apart by their 二级 cells, else by counting from the end (the annual set comes last).
/// The medium-term cells of a doubled row.
struct Medium {
    name: Option<RawCell>,
    value: Option<RawCell>,
}

fn undouble(source: &str, cells: &[RawCell], layout: &Layout) -> Option<Undoubled> {
    let filled: Vec<usize> = (0..cells.len()).filter(|&i| !cells[i].is_empty()).collect();
    let first = *filled.first()?;
    let is_l2 = |i: usize| category(cells[i].text(source)).level2.is_some();
    let is_l1 = |i: usize| {
        let c = category(cells[i].text(source));
        c.level1.is_some() && c.level2.is_none()
    };
    let l2s: Vec<usize> = filled.iter().copied().filter(|&i| is_l2(i)).collect();
    let l1 = filled.iter().copied().find(|&i| is_l1(i));
    let after =
        |from: usize| -> Vec<usize> { filled.iter().copied().filter(|&i| i > from).collect() };
    // (medium 二级, medium name, medium value, annual 二级, annual name, annual value)
    let parts: [Option<usize>; 6] = match l2s.as_slice() {
        [m, a, ..] => {
            let mid: Vec<usize> = after(*m).into_iter().filter(|&i| i < *a).collect();
            let ann = after(*a);
            [
                Some(*m),
                mid.first().copied(),
                mid.get(1).copied(),
                Some(*a),
                ann.first().copied(),
                ann.get(1).copied(),
            ]
        }
        [only] => {
            let rest = after(*only);
            if rest.len() >= 4 {
                [
                    Some(*only),
                    Some(rest[0]),
                    Some(rest[1]),
                    None,
                    Some(rest[2]),
                    Some(rest[3]),
                ]
            } else {
                let before: Vec<usize> = filled
                    .iter()
                    .copied()
                    .filter(|&i| i < *only && Some(i) != l1)
                    .collect();
                [
                    None,
                    before.first().copied(),
                    before.get(1).copied(),
                    Some(*only),
                    rest.first().copied(),
                    rest.get(1).copied(),
                ]
            }
        }
        [] => {
            let rest: Vec<usize> = filled.iter().copied().filter(|&i| Some(i) != l1).collect();
            let n = rest.len();
            if n >= 4 {
                [
                    None,
                    Some(rest[n - 4]),
                    Some(rest[n - 3]),
                    None,
                    Some(rest[n - 2]),
                    Some(rest[n - 1]),
                ]
            } else {
                [
                    None,
                    None,
                    None,
                    None,
                    rest.first().copied(),
                    rest.get(1).copied(),
                ]
            }
        }
    };
    let width = cells.len().max(layout.width);
    let mut out: Vec<RawCell> = (0..width)
        .map(|_| RawCell {
            span: Span::empty(cells[first].span.start),
        })
        .collect();
    let mut used = vec![false; cells.len()];
    let mut put = |col: Option<usize>, from: Option<usize>, out: &mut Vec<RawCell>| {
        if let (Some(c), Some(f)) = (col, from) {
            if c < out.len() && out[c].is_empty() {
                out[c] = cells[f];
                used[f] = true;
            }
        }
    };
    // The annual set's 二级 decides the category; the medium set's stands in when it is merged.
    let annual_l2 = parts[3].or(parts[0]);
    put(Some(layout.level2), annual_l2, &mut out);
    put(Some(layout.level1), l1, &mut out);
    put(Some(layout.name), parts[4], &mut out);
    put(Some(layout.value), parts[5], &mut out);
    let mut structure = Vec::new();
    // A table without a 一级 column: a 一级 word before the 二级 that implies it is structure.
    if let (Some(i), Some(l2)) = (l1, annual_l2) {
        let implied = category(cells[l2].text(source))
            .level2
            .and_then(|l| l.level1());
        if !used[i] && implied.is_some() && implied == category(cells[i].text(source)).level1 {
            used[i] = true;
            structure.push(cells[i].span);
        }
    }
    let medium = Medium {
        name: parts[1].map(|i| cells[i]),
        value: parts[2].map(|i| cells[i]),
    };
    for i in [parts[1], parts[2]].into_iter().flatten() {
        used[i] = true;
    }
    if let (Some(m), Some(_)) = (parts[0], parts[3]) {
        used[m] = true;
        structure.push(cells[m].span);
    }
    // Whatever else the row holds keeps its place after the two sets (an explanation, a remark);
    // what finds no free column there is reported.
    let mut extra = Vec::new();
    for &i in &filled {
        if !used[i] {
            let target = (i..width).find(|&c| out[c].is_empty() && c > layout.value);
            match target {
                Some(t) => out[t] = cells[i],
                None => extra.push(cells[i].span),
            }
        }
    }
    Some(Undoubled {
        cells: out,
        medium,
        structure,
        extra,
    })
}

/// A doubled row rewritten: the annual set's cells, the medium-term ones, the cells that are
/// template structure, and the cells that found no column.
struct Undoubled {
    cells: Vec<RawCell>,
    medium: Medium,
    structure: Vec<Span>,
    extra: Vec<Span>,
}

fn place_single(
    source: &str,
    cells: &[RawCell],
    row: Span,
    layout: &Layout,
    inherited: &mut Inherited,
) -> Option<Placed> {
    let first_filled = cells.iter().position(|c| !c.is_empty())?;
    // Find the anchor: the 二级 label, else the 一级 label, in the label zone.
    let zone = cells.len().min(layout.level2 + 2);
    let cats: Vec<_> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.is_empty() || i > zone {
                Default::default()
            } else {
                category(c.text(source))
            }
        })
        .collect();
    let mut l2_at = None;
    let mut l1_at = None;
    for i in 0..zone {
        let c = &cats[i];
        if c.level2.is_some() {
            // `成本指标` followed by a 二级 (`经济成本指标`) is the 101号 一级 成本.
            let next_is_l2 = cats.get(i + 1).is_some_and(|n| n.level2.is_some());
            if c.level1.is_some() && !c.star && next_is_l2 {
                l1_at.get_or_insert(i);
                continue;
            }
            l2_at = Some(i);
            break;
        }
        if c.level1.is_some() && l1_at.is_none() {
            l1_at = Some(i);
        }
    }
    #[derive(PartialEq)]
    enum Anchor {
        Level2,
        Level1,
        Name,
    }
    let (anchor, home, kind) = match (l2_at, l1_at) {
        (Some(a), _) => (a, layout.level2, Anchor::Level2),
        (None, Some(a)) => (a, layout.level1, Anchor::Level1),
        (None, None) => (first_filled, layout.name, Anchor::Name),
    };
    // A row of unknown categories (other regions' vocabulary) that fills every column: read it
    // by position. Not when the header has no 二级 column to read, nor when the row is one whose
    // merged 一级/二级 cells were dropped (it starts at its name): read from its first cell, its
    // value cell is a value (`≥ | 300`, `≥98%`), read by position it is not.
    let name_shift = name_anchored_shift(cells, first_filled, layout.name);
    let value_at = |shift: isize| {
        let j = layout.value as isize + shift;
        usize::try_from(j)
            .ok()
            .and_then(|j| cells.get(j))
            .is_some_and(|c| value_like(c.text(source)))
    };
    let positional = kind == Anchor::Name
        && layout.level2_named
        && first_filled == layout.level1
        && layout.level1 < layout.level2
        && [layout.level2, layout.name, layout.value]
            .iter()
            .all(|&j| cells.get(j).is_some_and(|c| !c.is_empty()))
        && (value_at(0) || !value_at(name_shift));
    let kind = if positional { Anchor::Level2 } else { kind };
    let (anchor, home) = if positional {
        (layout.level2, layout.level2)
    } else {
        (anchor, home)
    };
    let gap_to_home =
        anchor < home && (anchor + 1..=home).all(|j| cells.get(j).is_none_or(|c| c.is_empty()));
    let shift: isize = if gap_to_home {
        0
    } else {
        anchor as isize - home as isize
    };
    let at = |col: usize| -> Option<usize> {
        let j = col as isize + shift;
        (j >= 0 && (j as usize) < cells.len()).then_some(j as usize)
    };
    let name_idx = if kind == Anchor::Name {
        Some(anchor)
    } else {
        at(layout.name)
    };
    let value_idx = at(layout.value);
    let unit_idx = layout.unit.and_then(at);
    let expl_idx = at(layout.explanation);

    let mut used = vec![false; cells.len()];
    let mut level1_cell = None;
    let mut level2_cell = None;
    let mut row_level1 = None;
    let mut row_level2 = None;
    let mut star = false;
    match kind {
        Anchor::Level2 => {
            used[anchor] = true;
            level2_cell = Some(cell_text(source, cells.get(anchor), row.start));
            row_level2 = cats[anchor].level2.clone().or_else(|| {
                let key = crate::text::label_key(cells[anchor].text(source));
                let key = key.trim_start_matches('*');
                Some(Level2::Other(
                    key.strip_suffix("指标").unwrap_or(key).to_string(),
                ))
            });
            star = cats[anchor].star
                || cells[anchor]
                    .text(source)
                    .trim_start()
                    .starts_with(['*', '＊']);
            // The 一级 cell: a label before the anchor, or whatever fills the cell just before it.
            let l1 = l1_at
                .filter(|&i| i < anchor)
                .or_else(|| (anchor > 0 && !cells[anchor - 1].is_empty()).then(|| anchor - 1));
            if let Some(i) = l1 {
                if name_idx != Some(i) {
                    used[i] = true;
                    level1_cell = Some(cell_text(source, cells.get(i), row.start));
                    row_level1 = cats[i].level1;
                }
            }
        }
        Anchor::Level1 => {
            used[anchor] = true;
            level1_cell = Some(cell_text(source, cells.get(anchor), row.start));
            row_level1 = cats[anchor].level1;
        }
        Anchor::Name => {}
    }

    // Category: a known 二级 decides its 一级; otherwise the row's 一级, then the rows above.
    let level2 = match row_level2 {
        Some(l2) => {
            inherited.mandatory = star;
            inherited.level2 = Some(l2.clone());
            Some(l2)
        }
        None => {
            if row_level1.is_some() && row_level1 != inherited.level1 {
                inherited.level2 = None;
                inherited.mandatory = false;
            }
            inherited.level2.clone()
        }
    };
    // A row with its own 一级 cell does not inherit the 一级 of the rows above, even when the
    // cell names a category the framework does not know.
    let inherited_level1 = if level1_cell.is_some() {
        None
    } else {
        inherited.level1
    };
    let level1 = level2
        .as_ref()
        .and_then(Level2::level1)
        .or(row_level1)
        .or(inherited_level1);
    inherited.level1 = level1;
    let mandatory = inherited.mandatory;

    let take = |used: &mut Vec<bool>, idx: Option<usize>| {
        if let Some(i) = idx {
            used[i] = true;
        }
        cell_text(source, idx.and_then(|i| cells.get(i)), row.end)
    };
    let name = take(&mut used, name_idx);
    let value = take(&mut used, value_idx);
    let unit = unit_idx.map(|i| take(&mut used, Some(i)));
    let explanation = take(&mut used, expl_idx);
    // The columns some templates add, each where the row's shift puts it.
    let mut others = Vec::new();
    let (mut operator, mut medium_value, mut weight) = (None, None, None);
    for m in More::ALL {
        let Some(i) = layout.more(m).and_then(at) else {
            continue;
        };
        if used[i] || cells[i].is_empty() {
            continue;
        }
        let cell = take(&mut used, Some(i));
        match m {
            More::Operator => operator = Some(cell),
            More::MediumValue => medium_value = Some(cell),
            More::Weight => weight = Some(cell),
            _ => others.push((m.header().to_string(), cell)),
        }
    }
    // 指标性质 and 指标方向 written the other way round (`正向 | ≥`): each in its own column.
    if let Some(op) = operator.as_mut() {
        let direction = others
            .iter_mut()
            .find(|(h, _)| h.as_str() == More::Direction.header());
        if let Some((_, dir)) = direction {
            if is_direction(&op.text) && is_operator_word(&dir.text) {
                std::mem::swap(op, dir);
            }
        }
    }
    let extra = cells
        .iter()
        .zip(&used)
        .filter(|(c, &u)| !u && !c.is_empty())
        .map(|(c, _)| c.span)
        .collect();
    // 不适用 in the name (`不适用`, `本项目不适用此指标`) with no value of its own (`不适用`, `无`,
    // `—`, empty).
    let na_name = is_not_applicable(&name.text) || name.text.contains("不适用");
    let na_value = is_not_applicable(&value.text)
        || matches!(value.text.trim(), "" | "无" | "—" | "-" | "/" | "／");
    let applicable = !(na_name && na_value);
    Some(Placed {
        indicator: Indicator {
            level1,
            level1_cell,
            level2,
            level2_cell,
            mandatory,
            name,
            value,
            unit,
            explanation,
            operator,
            medium_value,
            weight,
            others,
            applicable,
            span: row,
        },
        extra,
        structure: Vec::new(),
    })
}

/// The shift of a row read from its first filled cell as the name: none when only blank cells
/// lie between that cell and the name's column (a label in the wrong column).
fn name_anchored_shift(cells: &[RawCell], first_filled: usize, name: usize) -> isize {
    let gap_to_home = first_filled < name
        && (first_filled + 1..=name).all(|j| cells.get(j).is_none_or(|c| c.is_empty()));
    if gap_to_home {
        0
    } else {
        first_filled as isize - name as isize
    }
}

/// A cell that reads as an indicator's value: a number, a comparison, 不适用.
pub(super) fn value_like(text: &str) -> bool {
    let t = text.trim();
    is_not_applicable(t)
        || crate::value::parse_value(t).kind.is_quantitative()
        || t.starts_with(['≥', '≤', '>', '<', '=', '＝', '＞', '＜'])
}

fn is_direction(t: &str) -> bool {
    matches!(t.trim(), "正向" | "反向" | "正向指标" | "反向指标")
}

fn is_operator_word(t: &str) -> bool {
    let t = t.trim();
    crate::value::is_operator(t) || matches!(t, "定性" | "定量")
}

/// Words of qualitative values (`显著`, `有效`, `长期`, `明显提升`): never a unit.
fn is_qualitative(word: &str) -> bool {
    const MORPHEMES: [&str; 20] = [
        "显著", "有效", "长期", "明显", "提升", "提高", "改善", "良好", "优", "达标", "合格",
        "完成", "稳定", "持续", "增强", "加强", "降低", "减少", "保障", "满意",
    ];
    MORPHEMES.iter().any(|m| word.contains(m))
}

/// What a word looks like, read once for all the columns it is scored against.
struct Word<'a> {
    trimmed: &'a str,
    cat: Category,
    is_cat: bool,
    op: bool,
    direction: bool,
    number: bool,
    quantitative: bool,
    chars: usize,
    unit_like: bool,
}

impl<'a> Word<'a> {
    fn of(word: &'a str) -> Word<'a> {
        let cat = category(word);
        let is_cat = cat.level1.is_some() || cat.level2.is_some();
        let trimmed = word.trim();
        let op = crate::value::is_operator(trimmed) || matches!(trimmed, "定性" | "定量");
        let direction = is_direction(trimmed);
        let v = crate::value::parse_value(trimmed);
        let number = !trimmed.is_empty()
            && trimmed
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'));
        let quantitative = v.kind.is_quantitative() || number;
        let chars = trimmed.chars().count();
        let unit_like = !number
            && !is_qualitative(trimmed)
            && !crate::value::is_not_applicable(trimmed)
            && !is_cat
            && !op
            && !direction
            && chars <= 6
            && !trimmed.chars().any(|c| c.is_ascii_digit());
        Word {
            trimmed,
            cat,
            is_cat,
            op,
            direction,
            number,
            quantitative,
            chars,
            unit_like,
        }
    }
}

/// How well a word fits a column of a flattened row.
fn score(w: &Word, column: Column) -> i32 {
    let Word {
        trimmed,
        ref cat,
        is_cat,
        op,
        direction,
        number,
        quantitative,
        chars,
        unit_like,
    } = *w;
    match column {
        Column::Level1 => {
            if cat.level1.is_some() {
                4
            } else {
                -3
            }
        }
        Column::Level2 => {
            if cat.level2.is_some() {
                4
            } else {
                -3
            }
        }
        Column::Name => {
            if is_cat || op || direction {
                -3
            } else if number {
                -2
            } else {
                2
            }
        }
        Column::Value => {
            if quantitative {
                3
            } else if op || direction || is_cat {
                -3
            } else if chars <= 8 {
                1
            } else {
                -1
            }
        }
        Column::Unit => {
            if unit_like {
                3
            } else {
                -3
            }
        }
        Column::Explanation => {
            if is_cat || op || direction {
                -2
            } else {
                1
            }
        }
        Column::More(m) => match m {
            More::Operator => {
                if op {
                    4
                } else if direction {
                    1
                } else {
                    -3
                }
            }
            More::Direction => {
                if direction {
                    4
                } else if op {
                    1
                } else {
                    -3
                }
            }
            // A weight is a share of 100 points: `46,022` is no weight.
            More::Weight => {
                let points = trimmed.replace(',', "").parse::<f64>().ok();
                if number && points.is_some_and(|p| p <= 100.0) {
                    3
                } else {
                    -3
                }
            }
            More::MediumValue => {
                if quantitative {
                    2
                } else {
                    -1
                }
            }
            More::MediumName | More::MediumLevel2 => -1,
            _ => {
                if is_cat || op || direction {
                    -2
                } else {
                    0
                }
            }
        },
    }
}

/// Place the words of a row flattened with single spaces, whose empty cells were dropped: each
/// word goes to the column it fits best, in order (a dynamic programme over words and columns;
/// a column may stay empty, a word that fits nowhere is left out as `None`).
pub fn align_words(source: &str, words: &[RawCell], columns: &[Column]) -> Vec<Option<usize>> {
    const LEFT_OUT: i32 = -6;
    let (m, n) = (words.len(), columns.len());
    let score: Vec<Vec<i32>> = words
        .iter()
        .map(|w| {
            let w = Word::of(w.text(source));
            columns.iter().map(|&c| score(&w, c)).collect()
        })
        .collect();
    // best[i][j]: the best score of the first i words in the first j columns.
    let neg = i32::MIN / 4;
    let mut best = vec![vec![neg; n + 1]; m + 1];
    // How each cell was reached: 0 column skipped, 1 word placed, 2 word left out.
    let mut how = vec![vec![0u8; n + 1]; m + 1];
    best[0].iter_mut().for_each(|b| *b = 0);
    for i in 1..=m {
        best[i][0] = best[i - 1][0] + LEFT_OUT;
        how[i][0] = 2;
        for j in 1..=n {
            let skip = best[i][j - 1];
            let place = best[i - 1][j - 1] + score[i - 1][j - 1];
            let out = best[i - 1][j] + LEFT_OUT;
            let (b, h) = if place >= skip && place >= out {
                (place, 1)
            } else if skip >= out {
                (skip, 0)
            } else {
                (out, 2)
            };
            best[i][j] = b;
            how[i][j] = h;
        }
    }
    let mut at = vec![None; m];
    let (mut i, mut j) = (m, n);
    while i > 0 {
        match how[i][j] {
            1 => {
                at[i - 1] = Some(j - 1);
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::{split_cells, split_words, Line};
    use crate::parse::vocab::table_column;
    use crate::text::label_key;

    fn columns(header: &str) -> Vec<Column> {
        header
            .split(' ')
            .map(|h| table_column(&label_key(h)).unwrap_or_else(|| panic!("{h} is a column")))
            .collect()
    }

    /// Each word's column header, for a row under `header`.
    fn aligned(header: &str, row: &str) -> Vec<String> {
        let cols = columns(header);
        let words = split_words(
            row,
            Line {
                span: Span::new(0, row.len()),
            },
        );
        let heads: Vec<&str> = header.split(' ').collect();
        align_words(row, &words, &cols)
            .into_iter()
            .zip(&words)
            .map(|(c, w)| format!("{}={}", c.map_or("-", |c| heads[c]), w.text(row)))
            .collect()
    }

    const HEADER: &str = "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注";

    /// The cells of one pasted line (pipes, tabs).
    fn cells_of(text: &str) -> Vec<RawCell> {
        split_cells(
            text,
            Line {
                span: Span::new(0, text.len()),
            },
        )
        .1
    }

    /// Rows read under a grid header, each as `一级/二级 | name | value | unit | op | expl | w`.
    fn grid(header: &str, rows: &[&str]) -> Vec<String> {
        let columns: Vec<Option<Column>> = cells_of(header)
            .iter()
            .map(|c| table_column(&label_key(c.text(header))))
            .collect();
        let layout = Layout::from_header(&columns).expect("a header");
        let mut inherited = Inherited::default();
        rows.iter()
            .map(|row| {
                let cells = cells_of(row);
                let span = Span::new(0, row.len());
                let p = place_row(row, &cells, span, &layout, &mut inherited).expect("a row");
                let i = p.indicator;
                let t = |c: &Option<Text>| c.as_ref().map_or(String::new(), |c| c.text.clone());
                format!(
                    "{}/{} | {} | {} | {} | {} | {} | {}",
                    i.level1.map_or("-", |l| l.as_str()),
                    i.level2.as_ref().map_or("-", |l| l.name()),
                    i.name.text,
                    i.value.text,
                    t(&i.unit),
                    t(&i.operator),
                    i.explanation.text,
                    t(&i.weight),
                )
            })
            .collect()
    }

    #[test]
    fn a_weight_column_is_no_explanation() {
        // 一体化 (Sichuan list): no 指标解释 column; 权重 is the weight, not the explanation.
        let header = "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | |";
        let rows = grid(
            header,
            &["| 产出指标 | 数量指标 | 安置人数 | = | 60 | 人 | 20 | 正向指标 | |"],
        );
        assert_eq!(rows[0], "产出/数量 | 安置人数 | 60 | 人 | = |  | 20");
        // A cell after the header's columns is still the explanation.
        let header = "一级指标\t二级指标\t三级指标\t指标值\t分值";
        let rows = grid(
            header,
            &["产出指标\t数量指标\t安置人数\t60人\t20\t按花名册"],
        );
        assert_eq!(rows[0], "产出/数量 | 安置人数 | 60人 |  |  | 按花名册 | 20");
        // Flattened words: a number over 100 is no weight (`46,022` written as value and unit).
        assert_eq!(
            aligned(
                HEADER,
                "产出指标 时效指标 经费到位时间 正向 = 46,022 46,022 5"
            )[5..],
            ["目标值=46,022", "计量单位=46,022", "分值=5"]
        );
    }

    #[test]
    fn a_row_without_its_merged_category_cells_starts_at_its_name() {
        // 一体化 (Jiangxi): row-spans dropped, the continuation row starts at 三级.
        let header =
            "| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 | |";
        let rows = grid(
            header,
            &[
                "| 产出指标 | 数量指标 | 补助人数(人) | = | 1860 | 人 | 按在册人数 | |",
                "| 走访户数(户) | ≥ | 300 | 户 | 按帮扶计划 | |||",
            ],
        );
        assert_eq!(
            rows[1],
            "产出/数量 | 走访户数(户) | 300 | 户 | ≥ | 按帮扶计划 | "
        );
        // Zhejiang: no 二级 column; continuation rows drop the 指标类型 cell.
        let header = "指标类型 | 指标名称 | 指标值 | 指标描述 |";
        let rows = grid(
            header,
            &[
                "产出指标 | 维护路灯数量 | 8600盏 | 纳入维护范围的路灯 |",
                "亮灯率 | ≥98% | 正常亮灯的比例 |",
                "照明安全水平 | 明显提升 | 事故比例下降 |",
            ],
        );
        assert_eq!(rows[1], "产出/- | 亮灯率 | ≥98% |  |  | 正常亮灯的比例 | ");
        assert_eq!(
            rows[2],
            "产出/- | 照明安全水平 | 明显提升 |  |  | 事故比例下降 | "
        );
        // Unknown categories filling every column are still read by position.
        let header = "一级指标\t二级指标\t三级指标\t指标值\t指标解释";
        let rows = grid(header, &["履职效能\t工作效率\t审批时限\t≤5个工作日\t"]);
        assert_eq!(rows[0], "-/工作效率 | 审批时限 | ≤5个工作日 |  |  |  | ");
    }

    #[test]
    fn words_go_to_the_columns_they_fit() {
        assert_eq!(
            aligned(HEADER, "产出指标 数量指标 走访核查次数 = 正向 400 次 5"),
            [
                "一级指标=产出指标",
                "二级指标=数量指标",
                "三级指标=走访核查次数",
                "指标性质==",
                "指标方向=正向",
                "目标值=400",
                "计量单位=次",
                "分值=5"
            ]
        );
        // No unit: the number after the value is its weight.
        assert_eq!(
            aligned(HEADER, "产出指标 数量指标 走访核查次数 = 正向 400 5")[5..],
            ["目标值=400", "分值=5"]
        );
        // A row of 不适用 alone.
        assert_eq!(
            aligned(HEADER, "效益指标 生态效益指标 不适用")[2..],
            ["三级指标=不适用"]
        );
        // 指标方向 and 指标性质 swapped against the header.
        assert_eq!(
            aligned(HEADER, "产出指标 数量指标 走访核查次数 正向 = 400 5")[5..],
            ["目标值=400", "分值=5"]
        );
    }
}
