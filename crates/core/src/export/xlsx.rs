//! The Excel workbook: sheets 项目 (forms), 指标 (indicators) and 问题 (diagnostics), each with a
//! header row, frozen panes, an autofilter, widths that fit Chinese text, amounts as numbers with a
//! number format.
//!
//! Written directly as SpreadsheetML (ECMA-376) in a stored ZIP: a general writer crate added
//! about 226 KB (gzipped) to the page's WebAssembly for these three plain sheets.

use super::csv::{diagnostics_table, forms_table, indicators_table, units_table, Cell, Table};
use super::zip::zip;
use super::Input;
use crate::diagnostic::Lang;
use crate::model::Document;
use crate::review::Dispositions;

/// Display width of a text in Excel's character units: CJK characters count two.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x2e80 { 2.1 } else { 1.1 })
        .sum()
}

/// `A`, `B`, … `Z`, `AA` …
fn column(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

// Cell styles (indices into cellXfs of styles.xml).
const HEADER: usize = 1;
const MONEY: usize = 2;
const WRAP: usize = 3;

fn sheet(t: &Table, money_cols: &[usize], wrap_cols: &[usize]) -> String {
    let mut widths: Vec<f64> = t.header.iter().map(|h| width(h) + 2.0).collect();
    let mut rows = String::new();
    rows.push_str("<row r=\"1\">");
    for (c, h) in t.header.iter().enumerate() {
        rows.push_str(&format!(
            "<c r=\"{}1\" s=\"{HEADER}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
            column(c),
            super::xml(h)
        ));
    }
    rows.push_str("</row>");
    for (r, row) in t.rows.iter().enumerate() {
        let rn = r + 2;
        rows.push_str(&format!("<row r=\"{rn}\">"));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{rn}", column(c));
            match cell {
                Cell::Text(s) => {
                    let style = if wrap_cols.contains(&c) {
                        format!(" s=\"{WRAP}\"")
                    } else {
                        String::new()
                    };
                    rows.push_str(&format!("<c r=\"{at}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", super::xml(s)));
                    widths[c] = widths[c].max(width(s).min(60.0));
                }
                Cell::Number(n) if n.is_finite() => {
                    let style = if money_cols.contains(&c) {
                        widths[c] = widths[c].max(16.0);
                        format!(" s=\"{MONEY}\"")
                    } else {
                        String::new()
                    };
                    rows.push_str(&format!("<c r=\"{at}\"{style}><v>{n}</v></c>"));
                }
                _ => {}
            }
        }
        rows.push_str("</row>");
    }
    let cols: String = widths
        .iter()
        .enumerate()
        .map(|(c, w)| {
            format!(
                "<col min=\"{n}\" max=\"{n}\" width=\"{:.1}\" customWidth=\"1\"/>",
                w.clamp(6.0, 60.0) + 1.0,
                n = c + 1
            )
        })
        .collect();
    let last = format!(
        "{}{}",
        column(t.header.len().saturating_sub(1)),
        t.rows.len() + 1
    );
    let filter = if t.rows.is_empty() {
        String::new()
    } else {
        format!("<autoFilter ref=\"A1:{last}\"/>")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <dimension ref=\"A1:{last}\"/>\
         <sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>\
         <sheetFormatPr defaultRowHeight=\"15\"/><cols>{cols}</cols><sheetData>{rows}</sheetData>{filter}\
         <pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
    )
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>\
<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>\
<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>\
<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EEF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>\
<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

/// The workbook as bytes.
pub fn workbook(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> Vec<u8> {
    let names = match lang {
        Lang::Zh => ["项目", "指标", "问题", "单位"],
        Lang::En => ["Forms", "Indicators", "Problems", "Units"],
    };
    let sheets = [
        sheet(&forms_table(inputs, lang, review), &[9, 10], &[]),
        sheet(&indicators_table(inputs, lang), &[], &[15]),
        sheet(&diagnostics_table(inputs, lang), &[], &[8, 9]),
        sheet(&units_table(inputs, lang, review), &[], &[]),
    ];
    let n = sheets.len();
    let ns = "http://schemas.openxmlformats.org";
    let content_types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"{ns}/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         {}<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>",
        (1..=n)
            .map(|i| format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            .collect::<String>()
    );
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{ns}/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{ns}/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    // Autofilters need their hidden defined names for Excel to keep them.
    let filters: String = (0..n)
        .filter_map(|i| {
            let t = &sheets[i];
            let d = t.split("<dimension ref=\"A1:").nth(1)?.split('"').next()?;
            t.contains("<autoFilter").then(|| {
                let (col, row) = d.split_at(d.find(|c: char| c.is_ascii_digit()).unwrap_or(d.len()));
                format!("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'{}'!$A$1:${col}${row}</definedName>", names[i])
            })
        })
        .collect();
    let filters = if filters.is_empty() {
        filters
    } else {
        format!("<definedNames>{filters}</definedNames>")
    };
    let sheet_list: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "<sheet name=\"{n}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                i + 1,
                i + 1
            )
        })
        .collect();
    let workbook = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"{ns}/spreadsheetml/2006/main\" xmlns:r=\"{ns}/officeDocument/2006/relationships\">\
         <bookViews><workbookView/></bookViews><sheets>{sheet_list}</sheets>{filters}</workbook>"
    );
    let workbook_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{ns}/package/2006/relationships\">{}\
         <Relationship Id=\"rId{}\" Type=\"{ns}/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>",
        (1..=n)
            .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"{ns}/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
            .collect::<String>(),
        n + 1
    );
    let names: Vec<String> = (1..=n)
        .map(|i| format!("xl/worksheets/sheet{i}.xml"))
        .collect();
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", content_types.into_bytes()),
        ("_rels/.rels", rels.into_bytes()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.into_bytes()),
        ("xl/styles.xml", STYLES.as_bytes().to_vec()),
    ];
    for (name, s) in names.iter().zip(sheets) {
        parts.push((name, s.into_bytes()));
    }
    zip(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_escaping() {
        assert_eq!(
            (column(0), column(25), column(26), column(27)),
            ("A".into(), "Z".into(), "AA".into(), "AB".into())
        );
        assert_eq!(
            super::super::xml("a<b>&\"c\u{1}\u{7}d\t"),
            "a&lt;b&gt;&amp;&quot;cd\t"
        );
    }
}
