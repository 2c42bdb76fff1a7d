//! Word documents (.docx): the paragraphs and tables of the body, in order. A table's horizontal
//! merges (`w:gridSpan`, `w:gridBefore`) keep the cells in their grid columns, vertical merges
//! (`w:vMerge`) leave the continued cells empty, and a table nested in a cell is read into that
//! cell. Deleted text of tracked changes, field codes and the fallback copies of text boxes are
//! left out.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::grid::{Block, Table};
use crate::{Imported, Kind, Refusal};

fn damaged(e: impl std::fmt::Display) -> Refusal {
    Refusal::Damaged(Kind::Docx, e.to_string())
}

/// The document's main part as text.
fn document_xml(bytes: &[u8]) -> Result<String, Refusal> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(damaged)?;
    let mut part = zip.by_name("word/document.xml").map_err(damaged)?;
    // A bound on what is read: a real document.xml is a few megabytes; a ZIP bomb is not.
    let mut xml = String::new();
    (&mut part)
        .take(256 << 20)
        .read_to_string(&mut xml)
        .map_err(damaged)?;
    Ok(xml)
}

fn val(e: &BytesStart) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        (key == "w:val" || key == "val").then(|| a.value.to_string())
    })
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    /// Continues the vertically merged cell above (its text is the first cell's).
    continued: bool,
}

#[derive(Default)]
struct TableB {
    rows: Vec<Vec<Cell>>,
    before: usize,
}

impl TableB {
    fn table(self) -> Table {
        let rows = self
            .rows
            .into_iter()
            .map(|row| {
                let mut out = Vec::new();
                for cell in row {
                    if cell.span == usize::MAX {
                        // gridBefore: empty grid columns before the row's first cell.
                        out.extend(std::iter::repeat_n(String::new(), cell.text.len()));
                        continue;
                    }
                    out.push(if cell.continued {
                        String::new()
                    } else {
                        cell.text.trim_end_matches('\n').to_string()
                    });
                    out.extend(std::iter::repeat_n(String::new(), cell.span.max(1) - 1));
                }
                out
            })
            .collect();
        Table {
            rows,
            notes: Vec::new(),
        }
    }
}

pub(crate) fn read(bytes: &[u8]) -> Result<Imported, Refusal> {
    let xml = document_xml(bytes)?;
    Ok(Imported::of(Kind::Docx, None, &blocks(&xml)?))
}

fn blocks(xml: &str) -> Result<Vec<Block>, Refusal> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut tables: Vec<TableB> = Vec::new();
    let mut paras: Vec<String> = Vec::new();
    let mut in_text = false;
    // Depth inside an element whose text is left out (w:delText, w:instrText, mc:Fallback).
    let mut skip = 0usize;
    loop {
        let event = reader.read_event().map_err(damaged)?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                match name {
                    "w:delText" | "w:instrText" | "mc:Fallback" | "w:fldData" => skip = 1,
                    "w:p" => paras.push(String::new()),
                    "w:t" => in_text = true,
                    "w:tbl" => tables.push(TableB::default()),
                    "w:tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Vec::new());
                            t.before = 0;
                        }
                    }
                    "w:tc" => {
                        if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            row.push(Cell {
                                span: 1,
                                ..Cell::default()
                            });
                        }
                    }
                    "w:vMerge" => vmerge(&mut tables, &e),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                match e.name().as_ref() {
                    "w:tab" => {
                        if let Some(p) = paras.last_mut() {
                            p.push('\t');
                        }
                    }
                    "w:br" | "w:cr" => {
                        if let Some(p) = paras.last_mut() {
                            p.push('\n');
                        }
                    }
                    "w:gridSpan" => {
                        let n = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1usize);
                        if let Some(c) = tables
                            .last_mut()
                            .and_then(|t| t.rows.last_mut())
                            .and_then(|r| r.last_mut())
                        {
                            c.span = n.clamp(1, 1000);
                        }
                    }
                    "w:gridBefore" => {
                        let n = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0usize);
                        if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            if row.is_empty() && n > 0 {
                                row.push(Cell {
                                    text: " ".repeat(n.min(1000)),
                                    span: usize::MAX,
                                    continued: false,
                                });
                            }
                        }
                    }
                    "w:vMerge" => vmerge(&mut tables, &e),
                    "w:p" => {
                        // An empty paragraph: nothing to add.
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    match &*r.into_inner() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    }
                };
                if let (Some(c), Some(p)) = (c, paras.last_mut()) {
                    p.push(c);
                }
            }
            Event::CData(t) if in_text && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.push_str(&t);
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    "w:t" => in_text = false,
                    "w:p" => {
                        let p = paras.pop().unwrap_or_default();
                        if let Some(outer) = paras.last_mut() {
                            // A paragraph in a text box inside a paragraph.
                            outer.push(' ');
                            outer.push_str(&p);
                        } else if let Some(c) = tables
                            .last_mut()
                            .and_then(|t| t.rows.last_mut())
                            .and_then(|r| r.last_mut())
                        {
                            c.text.push_str(&p);
                            c.text.push('\n');
                        } else {
                            out.push(Block::Para(p));
                        }
                    }
                    "w:tbl" => {
                        let Some(t) = tables.pop() else { continue };
                        let table = t.table();
                        match tables
                            .last_mut()
                            .and_then(|t| t.rows.last_mut())
                            .and_then(|r| r.last_mut())
                        {
                            Some(cell) => {
                                let flat: Vec<&str> = table
                                    .rows
                                    .iter()
                                    .flatten()
                                    .map(|c| c.trim())
                                    .filter(|c| !c.is_empty())
                                    .collect();
                                cell.text.push_str(&flat.join(" "));
                                cell.text.push('\n');
                            }
                            None => out.push(Block::Table(table)),
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn vmerge(tables: &mut [TableB], e: &BytesStart) {
    let continued = !matches!(val(e).as_deref(), Some("restart"));
    if let Some(c) = tables
        .last_mut()
        .and_then(|t| t.rows.last_mut())
        .and_then(|r| r.last_mut())
    {
        c.continued = continued;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn cell(text: &str, props: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn merges_and_order() {
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>\
             <w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>\
             <w:p><w:r><w:t xml:space=\"preserve\">a &amp; b</w:t></w:r><w:r><w:delText>gone</w:delText></w:r></w:p>\
             </w:body></w:document>",
            cell("产出指标", "<w:vMerge w:val=\"restart\"/>"),
            cell("数量", "<w:gridSpan w:val=\"2\"/>"),
            cell("", "<w:vMerge/>"),
            cell("x", ""),
            cell("y", ""),
        );
        let b = blocks(&xml).unwrap();
        assert_eq!(b[0], Block::Para("标题".into()));
        match &b[1] {
            Block::Table(t) => assert_eq!(
                t.rows,
                vec![vec!["产出指标", "数量", ""], vec!["", "x", "y"]]
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(b[2], Block::Para("a & b".into()));
    }
}
