//! The number formats of an .xls (BIFF8) workbook, which calamine reads only as "a date or not":
//! which cells show a percentage, so that a cell holding 0.95 formatted `0%` reads as 95%.
//!
//! Read from the workbook stream of the OLE file: the FORMAT and XF records of the globals give
//! each cell style's format; BOUNDSHEET8 gives each sheet's substream, whose number records
//! (NUMBER, RK, MULRK, FORMULA) name their cell's style. Anything unexpected gives no cells: the
//! numbers then read as held (0.95), never wrong.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use crate::sheet::is_percent_format;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// The records from `at`: (type, data), up to the end of the stream.
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

/// An XLUnicodeString (`cch` of `width` bytes, flags, characters).
fn string(b: &[u8], at: usize, wide_count: bool) -> Option<String> {
    let (cch, at) = if wide_count {
        (u16_at(b, at)? as usize, at + 2)
    } else {
        (*b.get(at)? as usize, at + 1)
    };
    let high = b.get(at)? & 1 == 1;
    let chars = &b[at + 1..];
    Some(if high {
        let units: Vec<u16> = (0..cch).filter_map(|i| u16_at(chars, 2 * i)).collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(cch).map(|&c| c as char).collect()
    })
}

/// The cells (row, column) of each sheet, by name, whose format shows a percentage.
pub(crate) fn percent_cells(bytes: &[u8]) -> HashMap<String, HashSet<(u32, u32)>> {
    percent(bytes).unwrap_or_default()
}

fn percent(bytes: &[u8]) -> Option<HashMap<String, HashSet<(u32, u32)>>> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .ok()?
        .take(256 << 20)
        .read_to_end(&mut stream)
        .ok()?;
    // The globals: formats, styles (XF), sheets; up to their EOF record.
    let mut formats: HashMap<u16, String> = HashMap::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut sheets: Vec<(usize, String)> = Vec::new();
    for (kind, data) in records(&stream, 0) {
        match kind {
            0x041E => {
                if let (Some(id), Some(code)) = (u16_at(data, 0), string(data, 2, true)) {
                    formats.insert(id, code);
                }
            }
            0x00E0 => xf_formats.push(u16_at(data, 2)?),
            0x0085 => {
                if let (Some(pos), Some(name)) = (u32_at(data, 0), string(data, 6, false)) {
                    sheets.push((pos as usize, name));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    // Built-in percentage formats: 9 (0%) and 10 (0.00%).
    let percent_style: Vec<bool> = xf_formats
        .iter()
        .map(|id| matches!(id, 9 | 10) || formats.get(id).is_some_and(|c| is_percent_format(c)))
        .collect();
    if !percent_style.contains(&true) {
        return Some(HashMap::new());
    }
    let is_percent =
        |xf: Option<u16>| xf.and_then(|x| percent_style.get(x as usize).copied()) == Some(true);
    let mut out = HashMap::new();
    for (pos, name) in sheets {
        let mut cells = HashSet::new();
        for (kind, data) in records(&stream, pos) {
            let at = |i| u16_at(data, i).map(u32::from);
            match kind {
                // NUMBER, RK, FORMULA: row, column, style.
                0x0203 | 0x027E | 0x0006 => {
                    if let (Some(r), Some(c)) = (at(0), at(2)) {
                        if is_percent(u16_at(data, 4)) {
                            cells.insert((r, c));
                        }
                    }
                }
                // MULRK: row, first column, (style, value) per column, last column.
                0x00BD => {
                    let (Some(r), Some(first)) = (at(0), at(2)) else {
                        continue;
                    };
                    let n = data.len().saturating_sub(6) / 6;
                    for k in 0..n {
                        if is_percent(u16_at(data, 4 + 6 * k)) {
                            cells.insert((r, first + k as u32));
                        }
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        out.insert(name, cells);
    }
    Some(out)
}
