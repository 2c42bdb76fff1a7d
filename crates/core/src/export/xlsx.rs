//! The Excel workbook: sheets 项目 (forms), 指标 (indicators) and 问题 (diagnostics), each with a
//! header row, frozen panes, widths that fit Chinese text, amounts as numbers with a format.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::csv::{diagnostics_table, forms_table, indicators_table, Cell, Table};
use super::Input;
use crate::diagnostic::Lang;
use crate::model::Document;

/// Display width of a text in Excel's character units: CJK characters count two.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x2e80 { 2.1 } else { 1.1 })
        .sum()
}

fn sheet(
    ws: &mut Worksheet,
    name: &str,
    t: &Table,
    money_cols: &[usize],
    wrap_cols: &[usize],
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let head = Format::new()
        .set_bold()
        .set_background_color("#E8EEF7")
        .set_align(FormatAlign::Center);
    let money = Format::new().set_num_format("#,##0.00");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut widths: Vec<f64> = t.header.iter().map(|h| width(h) + 2.0).collect();
    for (c, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) => {
                    if wrap_cols.contains(&c) {
                        ws.write_string_with_format(r, col, s, &wrap)?;
                    } else {
                        ws.write_string(r, col, s)?;
                    }
                    widths[c] = widths[c].max(width(s).min(60.0));
                }
                Cell::Number(n) => {
                    if money_cols.contains(&c) {
                        ws.write_number_with_format(r, col, *n, &money)?;
                        widths[c] = widths[c].max(16.0);
                    } else {
                        ws.write_number(r, col, *n)?;
                    }
                }
                Cell::Empty => {}
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, w.clamp(6.0, 60.0) + 1.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !t.rows.is_empty() {
        ws.autofilter(0, 0, t.rows.len() as u32, (t.header.len() - 1) as u16)?;
    }
    Ok(())
}

fn build(inputs: &[(&Input, Document)], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let (forms, indicators, problems) = match lang {
        Lang::Zh => ("项目", "指标", "问题"),
        Lang::En => ("Forms", "Indicators", "Problems"),
    };
    sheet(
        wb.add_worksheet(),
        forms,
        &forms_table(inputs, lang),
        &[9, 10],
        &[],
    )?;
    sheet(
        wb.add_worksheet(),
        indicators,
        &indicators_table(inputs, lang),
        &[],
        &[15],
    )?;
    sheet(
        wb.add_worksheet(),
        problems,
        &diagnostics_table(inputs, lang),
        &[],
        &[8, 9],
    )?;
    wb.save_to_buffer()
}

/// The workbook as bytes. An error of the writer (which only fails on limits like 1,048,576 rows)
/// gives an empty file rather than a panic.
pub fn workbook(inputs: &[(&Input, Document)], lang: Lang) -> Vec<u8> {
    build(inputs, lang).unwrap_or_default()
}
