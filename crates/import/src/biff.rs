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

/// The most cells (rows × columns of a sheet's extent) kpiform reads from an .xls. calamine sizes
/// a sheet's grid by its DIMENSIONS record and by the farthest cell before reading it, so one
/// damaged record (row 4,294,967,295, column 65,535) asks for tens of gigabytes, and a failed
/// allocation aborts: no error to catch. A real form is a few thousand cells; a district's
/// workbook a few hundred thousand.
pub(crate) const MAX_CELLS: u64 = 4_000_000;

/// The first sheet of an .xls whose extent passes [`MAX_CELLS`]: its name, rows and columns.
/// `Err` when the workbook stream cannot be read at all (the file is damaged). An encrypted
/// workbook (FILEPASS) is left to calamine, which says so.
pub(crate) fn oversized(bytes: &[u8]) -> Result<Option<(String, u64, u64)>, ()> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|_| ())?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or(())?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .map_err(|_| ())?
        .take(256 << 20)
        .read_to_end(&mut stream)
        .map_err(|_| ())?;
    let mut sheets: Vec<(usize, String)> = Vec::new();
    for (kind, data) in records(&stream, 0) {
        match kind {
            0x002F => return Ok(None),
            0x0085 => {
                if let Some(pos) = u32_at(data, 0) {
                    let name = string(data, 6, false).unwrap_or_default();
                    sheets.push((pos as usize, name));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    for (pos, name) in sheets {
        let (mut r0, mut r1, mut c0, mut c1) = (u64::MAX, 0u64, u64::MAX, 0u64);
        let mut cell = |r: u64, c: u64| {
            r0 = r0.min(r);
            r1 = r1.max(r);
            c0 = c0.min(c);
            c1 = c1.max(c);
        };
        let mut declared: u64 = 0;
        for (kind, data) in records(&stream, pos).skip(1) {
            let at = |i| u16_at(data, i).map(u64::from);
            match kind {
                // DIMENSIONS: BIFF8 rows as u32, BIFF5 as u16; calamine reserves their product.
                0x0200 => {
                    let (rf, rl, cf, cl) = if data.len() >= 14 {
                        (
                            u32_at(data, 0),
                            u32_at(data, 4),
                            u16_at(data, 8),
                            u16_at(data, 10),
                        )
                    } else {
                        (
                            u16_at(data, 0).map(u32::from),
                            u16_at(data, 2).map(u32::from),
                            u16_at(data, 4),
                            u16_at(data, 6),
                        )
                    };
                    if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) {
                        // As calamine reads it: wrapped, a range that ends before it starts is
                        // all of u32.
                        let rows = u64::from(rl.wrapping_sub(1).wrapping_sub(rf).wrapping_add(1));
                        let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                        let cols = u64::from(cl.wrapping_sub(1).wrapping_sub(cf).wrapping_add(1));
                        declared = declared.max(rows.saturating_mul(cols));
                    }
                }
                // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA: row, column.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(r), Some(c)) = (at(0), at(2)) {
                        cell(r, c);
                    }
                }
                // MULRK: row, first column, …, last column.
                0x00BD => {
                    if let (Some(r), Some(c), Some(last)) = (
                        at(0),
                        at(2),
                        data.len().checked_sub(2).and_then(|i| u16_at(data, i)),
                    ) {
                        cell(r, c);
                        cell(r, u64::from(last));
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        let used = if r0 == u64::MAX {
            0
        } else {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        };
        if used > MAX_CELLS || declared > MAX_CELLS {
            let (rows, cols) = if used > MAX_CELLS {
                (r1 - r0 + 1, c1 - c0 + 1)
            } else {
                (declared, 1)
            };
            return Ok(Some((name, rows, cols)));
        }
    }
    Ok(None)
}
