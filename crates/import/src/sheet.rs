//! Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods), read with calamine: every visible sheet in order,
//! merged regions expanded (the value in the first cell, the covered cells empty), numbers as the
//! cell holds them (7944900, not 7,944,900; a percentage cell as 95%), dates as dates.
//!
//! The workbook kpiform itself writes (sheets 项目, 指标 and 问题) is read back into forms: a title,
//! the header fields it holds and the indicator table, so that a user can correct it in Excel and
//! check it again.

use std::io::Cursor;

use calamine::{Data, Range, Reader, SheetVisible};

use crate::biff;
use crate::grid::{self, Block, Table};
use crate::{Imported, Kind, Refusal};

/// A cell's value as text; `percent` when its number format shows a percentage.
fn cell_text(d: &Data, percent: bool) -> (String, Option<(String, String)>) {
    match d {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.clone(), None),
        Data::Int(i) if percent => (grid::percent(*i as f64), None),
        Data::Int(i) => (i.to_string(), None),
        Data::Float(f) if percent => (grid::percent(*f), None),
        Data::Float(f) => (grid::number(*f), None),
        Data::Bool(b) => (if *b { "是" } else { "否" }.to_string(), None),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if dt.is_duration() {
                (grid::number(serial), None)
            } else {
                (date(serial, false), None)
            }
        }
        Data::DateTimeIso(s) => (
            s.split_once('T')
                .map_or(s.as_str(), |(d, t)| {
                    if t.trim_start_matches(['0', ':', '.']).is_empty() {
                        d
                    } else {
                        s.as_str()
                    }
                })
                .replace('T', " "),
            None,
        ),
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (
            format!("{e}"),
            Some((
                format!("单元格是错误值 {e}"),
                format!("a cell holds the error value {e}"),
            )),
        ),
    }
}

/// An Excel date serial (1900 system) as `YYYY-MM-DD`, with `HH:MM` when it has a time.
pub(crate) fn date(serial: f64, is_1904: bool) -> String {
    // Excel counts 1900-02-29, which did not exist: serials before 61 are a day early.
    let serial = if is_1904 {
        serial + 1462.0
    } else if serial < 61.0 {
        serial + 1.0
    } else {
        serial
    };
    let days = serial.floor() as i64;
    let minutes = ((serial - serial.floor()) * 1440.0).round() as i64;
    // Serial 25569 is 1970-01-01; days from there, by Howard Hinnant's civil_from_days.
    let z = days - 25569 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    if minutes == 0 || minutes == 1440 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}",
            minutes / 60,
            minutes % 60
        )
    }
}

/// Whether a number format shows a percentage (a `%` outside quotes and escapes).
pub(crate) fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            ';' => return false,
            _ => {}
        }
    }
    false
}

struct SheetData {
    name: String,
    range: Range<Data>,
    merges: Vec<calamine::Dimensions>,
    /// Absolute (row, col) of the cells whose format shows a percentage.
    percent: std::collections::HashSet<(u32, u32)>,
}

impl SheetData {
    /// A sheet whose reader gives no merged regions and no number formats.
    fn plain(name: String, range: Range<Data>) -> Self {
        SheetData {
            name,
            range,
            merges: Vec::new(),
            percent: Default::default(),
        }
    }
}

fn damaged(kind: Kind, e: impl std::fmt::Display) -> Refusal {
    Refusal::Damaged(kind, e.to_string())
}

fn sheets(kind: Kind, bytes: &[u8]) -> Result<(Vec<SheetData>, usize), Refusal> {
    let cursor = Cursor::new(bytes);
    let mut out = Vec::new();
    let hidden: usize;
    macro_rules! visible {
        ($wb:expr) => {{
            let meta = $wb.sheets_metadata().to_vec();
            hidden = meta
                .iter()
                .filter(|s| s.visible != SheetVisible::Visible)
                .count();
            meta.into_iter()
                .filter(|s| s.visible == SheetVisible::Visible)
                .map(|s| s.name)
                .collect::<Vec<_>>()
        }};
    }
    match kind {
        Kind::Xlsx => {
            let mut wb = calamine::Xlsx::new(cursor).map_err(|e| match e {
                calamine::XlsxError::Password => Refusal::Encrypted,
                e => damaged(kind, e),
            })?;
            for name in visible!(wb) {
                let range = wb.worksheet_range(&name).map_err(|e| damaged(kind, e))?;
                let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let mut percent = std::collections::HashSet::new();
                if let Ok(styles) = wb.worksheet_style(&name) {
                    for (r, c, data) in range.used_cells() {
                        if !matches!(data, Data::Float(_) | Data::Int(_)) {
                            continue;
                        }
                        let start = range.start().unwrap_or((0, 0));
                        let abs = (start.0 + r as u32, start.1 + c as u32);
                        if styles
                            .get(abs)
                            .and_then(|s| s.number_format.as_ref())
                            .is_some_and(|f| is_percent_format(&f.format_code))
                        {
                            percent.insert(abs);
                        }
                    }
                }
                out.push(SheetData {
                    name,
                    range,
                    merges,
                    percent,
                });
            }
        }
        Kind::Xls => {
            // Before calamine sizes a sheet's grid: a damaged record must be refused, not abort.
            match biff::oversized(bytes) {
                Ok(None) => {}
                Ok(Some((name, rows, cols))) => {
                    return Err(damaged(
                        kind,
                        format!(
                            "sheet \"{name}\" spans {rows} × {cols} cells, more than {} (工作表范围过大)",
                            biff::MAX_CELLS
                        ),
                    ))
                }
                Err(()) => return Err(damaged(kind, "no workbook stream (找不到工作簿数据)")),
            }
            let mut wb = calamine::Xls::new(cursor).map_err(|e| match e {
                calamine::XlsError::Password => Refusal::Encrypted,
                e => damaged(kind, e),
            })?;
            let mut percent = biff::percent_cells(bytes);
            for name in visible!(wb) {
                let range = wb.worksheet_range(&name).map_err(|e| damaged(kind, e))?;
                let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let percent = percent.remove(&name).unwrap_or_default();
                out.push(SheetData {
                    name,
                    range,
                    merges,
                    percent,
                });
            }
        }
        // Neither gives merged regions (ODS covered cells read as empty) nor number formats.
        Kind::Xlsb => {
            let mut wb = calamine::Xlsb::new(cursor).map_err(|e| damaged(kind, e))?;
            for name in visible!(wb) {
                let range = wb.worksheet_range(&name).map_err(|e| damaged(kind, e))?;
                out.push(SheetData::plain(name, range));
            }
        }
        Kind::Ods => {
            let mut wb = calamine::Ods::new(cursor).map_err(|e| damaged(kind, e))?;
            for name in visible!(wb) {
                let range = wb.worksheet_range(&name).map_err(|e| damaged(kind, e))?;
                out.push(SheetData::plain(name, range));
            }
        }
        _ => unreachable!("sheet::read is called for workbooks only"),
    }
    Ok((out, hidden))
}

/// A sheet as a table: rows from the sheet's first row (blank rows above the used range are
/// left out), columns from column A, so that cells keep their places.
fn table(s: &SheetData) -> Table {
    let Some(start) = s.range.start() else {
        return Table::default();
    };
    let (h, w) = (s.range.height(), s.range.width());
    let mut rows: Vec<Vec<String>> = vec![vec![String::new(); w]; h];
    let mut notes = Vec::new();
    for (r, row) in s.range.rows().enumerate() {
        for (c, d) in row.iter().enumerate() {
            let abs = (start.0 + r as u32, start.1 + c as u32);
            let (text, note) = cell_text(d, s.percent.contains(&abs));
            rows[r][c] = text;
            if let Some((zh, en)) = note {
                notes.push((r, zh, en));
            }
        }
    }
    // Covered cells of merged regions are empty (writers differ: some repeat the value).
    for m in &s.merges {
        for ar in m.start.0..=m.end.0 {
            for ac in m.start.1..=m.end.1 {
                if (ar, ac) == m.start || ar < start.0 || ac < start.1 {
                    continue;
                }
                let (r, c) = ((ar - start.0) as usize, (ac - start.1) as usize);
                if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                    cell.clear();
                }
            }
        }
    }
    // Columns before the used range (a form drawn from column B) are left out, as a copy from
    // Excel would; rows too.
    Table { rows, notes }
}

pub(crate) fn read(kind: Kind, bytes: &[u8]) -> Result<Imported, Refusal> {
    let (sheets, hidden) = sheets(kind, bytes)?;
    if let Some(text) = own_workbook(&sheets) {
        return Ok(Imported {
            text,
            kind,
            encoding: None,
            notes: vec![grid::Note {
                line: 1,
                zh: "kpiform 导出的工作簿：按“项目”和“指标”两张表重建各表（工作簿中没有的字段不会出现）"
                    .into(),
                en: "a workbook written by kpiform: forms rebuilt from its 项目 and 指标 sheets \
                     (fields the workbook does not hold are absent)"
                    .into(),
            }],
            tables: 2,
        });
    }
    let mut blocks = Vec::new();
    for s in &sheets {
        blocks.push(Block::Sheet(s.name.clone()));
        blocks.push(Block::Table(table(s)));
    }
    let (text, mut notes, tables) = grid::render(&blocks);
    if hidden > 0 {
        notes.insert(
            0,
            grid::Note {
                line: 1,
                zh: format!("{hidden} 张隐藏的工作表未读取"),
                en: format!(
                    "{hidden} hidden sheet{} not read",
                    if hidden == 1 { "" } else { "s" }
                ),
            },
        );
    }
    Ok(Imported {
        text,
        kind,
        encoding: None,
        notes,
        tables,
    })
}

/// The cells of a sheet as text, row by row.
fn strings(s: &SheetData) -> Vec<Vec<String>> {
    s.range
        .rows()
        .map(|r| r.iter().map(|d| cell_text(d, false).0).collect())
        .collect()
}

/// The workbook kpiform writes (`export --format xlsx`): its 项目 and 指标 sheets, in Chinese or
/// English, rebuilt as forms in the canonical layout.
fn own_workbook(sheets: &[SheetData]) -> Option<String> {
    let find = |names: [&str; 2]| sheets.iter().find(|s| names.contains(&s.name.as_str()));
    let forms = strings(find(["项目", "Forms"])?);
    let indicators = strings(find(["指标", "Indicators"])?);
    let fh = forms.first()?;
    let ih = indicators.first()?;
    let col = |h: &[String], zh: &str, en: &str| h.iter().position(|c| c == zh || c == en);
    let f_source = col(fh, "来源", "source")?;
    let f_n = col(fh, "序号", "form")?;
    let f_kind = col(fh, "类型", "kind")?;
    let f_code = col(fh, "项目编码", "code")?;
    let f_name = col(fh, "名称", "name")?;
    let f_applicant = col(fh, "申请单位", "applicant")?;
    let f_budget = col(fh, "一级预算单位/主管部门", "budget unit")?;
    let f_years = col(fh, "实施期限", "years")?;
    let f_unit = col(fh, "金额单位", "amount unit")?;
    let f_total = col(fh, "项目总金额", "total amount")?;
    let f_year = col(fh, "本年度项目金额", "amount this year")?;
    let i_source = col(ih, "来源", "source")?;
    let i_n = col(ih, "序号", "form")?;
    let i_l1 = col(ih, "一级指标", "level 1")?;
    let i_l2 = col(ih, "二级指标", "level 2")?;
    let i_name = col(ih, "三级指标", "indicator")?;
    let i_value = col(ih, "指标值", "value")?;
    let i_expl = col(ih, "指标解释", "explanation")?;
    let get =
        |row: &[String], i: usize| row.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
    let level1 = |s: String| match s.as_str() {
        "output" => "产出指标".to_string(),
        "outcome" | "benefit" => "效益指标".to_string(),
        "satisfaction" => "满意度指标".to_string(),
        _ => s,
    };
    let mut out = String::new();
    let mut source = String::new();
    for row in forms.iter().skip(1) {
        let name = get(row, f_name);
        let code = get(row, f_code);
        if name.is_empty() && code.is_empty() {
            continue;
        }
        let department = matches!(get(row, f_kind).as_str(), "部门" | "department");
        let unit = match get(row, f_unit).as_str() {
            "元" | "yuan" => "元",
            _ => "万元",
        };
        if get(row, f_source) != source && !out.is_empty() {
            out.push('\n');
        }
        source = get(row, f_source);
        out.push_str(if department {
            "部门整体支出绩效目标申报表\n"
        } else {
            "项目支出绩效目标申报表\n"
        });
        let mut field = |label: &str, value: String| {
            if !value.is_empty() {
                out.push_str(&format!("{label}\t{value}\n"));
            }
        };
        if department {
            field("部门名称", name);
            field("部门编码", code);
        } else {
            field("项目名称", name);
            field("项目编码", code);
            field("申请单位", get(row, f_applicant));
            field("一级预算单位", get(row, f_budget));
            field("实施期限", get(row, f_years));
            field(&format!("项目总金额（{unit}）"), get(row, f_total));
            field(&format!("本年度项目金额（{unit}）"), get(row, f_year));
        }
        let key = (source.clone(), get(row, f_n));
        let rows: Vec<&Vec<String>> = indicators
            .iter()
            .skip(1)
            .filter(|r| (get(r, i_source), get(r, i_n)) == key)
            .collect();
        if !rows.is_empty() {
            out.push_str("一级指标\t二级指标\t三级指标\t指标值\t指标解释\n");
            for r in rows {
                let cells = [
                    level1(get(r, i_l1)),
                    get(r, i_l2),
                    get(r, i_name),
                    get(r, i_value),
                    get(r, i_expl),
                ];
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date(45658.0, false), "2025-01-01");
        assert_eq!(date(45658.5, false), "2025-01-01 12:00");
        assert_eq!(date(1.0, false), "1900-01-01");
        assert_eq!(date(44196.0, true), "2025-01-01");
    }

    #[test]
    fn percent_formats() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(!is_percent_format("0.00\"%\""));
        assert!(!is_percent_format("#,##0.00"));
        assert!(!is_percent_format("0\\%"));
    }
}
