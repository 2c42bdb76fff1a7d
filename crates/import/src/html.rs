//! Web pages (.html, Excel's and Word's "save as web page", .mht) and the `text/html` flavour of
//! the clipboard: tables rebuilt as grids (rowspan and colspan expanded, nested tables read into
//! their cell), the text around them as paragraphs, in order.
//!
//! A small tolerant reader, not a browser: it needs tags, attributes, entities and the text
//! between them, and what Excel and WPS add (`x:num`, the exact value of a cell whose HTML shows
//! the displayed, rounded one; `<xml>` islands and conditional comments, left out).

use crate::grid::{self, Block, Table};

/// Decode an HTML file: a byte-order mark, else the charset its `<meta>` names, else UTF-8 when
/// valid, else GB18030.
pub(crate) fn decode_html(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (t, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (
            t.into_owned(),
            (enc != encoding_rs::UTF_8).then(|| enc.name()),
        );
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    decode_as(bytes, charset(&head))
}

/// The encoding a `charset=` names in lower-case text (a `<meta>`, a MIME header).
fn charset(lower: &str) -> Option<&'static encoding_rs::Encoding> {
    let i = lower.find("charset=")?;
    let rest = lower[i + 8..].trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest.as_bytes()[..end])
}

fn decode_as(
    bytes: &[u8],
    named: Option<&'static encoding_rs::Encoding>,
) -> (String, Option<&'static str>) {
    match named {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            let (t, _) = enc.decode_without_bom_handling(bytes);
            (t.into_owned(), Some(enc.name()))
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(_) => {
                let (t, _, _) = encoding_rs::GB18030.decode(bytes);
                (t.into_owned(), Some("GB18030"))
            }
        },
    }
}

/// The HTML part of a single-file web page (MIME multipart/related), decoded.
pub(crate) fn mht_to_html(bytes: &[u8]) -> Option<(String, Option<&'static str>)> {
    let raw = String::from_utf8_lossy(bytes);
    let lower = raw.to_ascii_lowercase();
    let b = lower.find("boundary=")?;
    let rest = &raw[b + 9..];
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace())
        .unwrap_or(rest.len());
    let boundary = format!("--{}", &rest[..end]);
    for part in raw.split(boundary.as_str()).skip(1) {
        let (headers, body) = part
            .split_once("\r\n\r\n")
            .or_else(|| part.split_once("\n\n"))?;
        let h = headers.to_ascii_lowercase();
        if !h.contains("text/html") {
            continue;
        }
        let named = charset(&h);
        let data: Vec<u8> = if h.contains("quoted-printable") {
            quoted_printable(body)
        } else if h.contains("base64") {
            base64(body)
        } else {
            // 8bit or 7bit (rare: Word and Excel write quoted-printable); a part that is no
            // UTF-8 was read lossily above.
            body.as_bytes().to_vec()
        };
        return Some(decode_as(&data, named));
    }
    None
}

fn quoted_printable(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|&c| hex(c)),
                b.get(i + 2).and_then(|&c| hex(c)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn base64(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(n).filter(|&c| c != '\0');
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ensp" | "emsp" | "thinsp" => ' ',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "yen" => '¥',
        "deg" => '°',
        "plusmn" => '±',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "permil" => '‰',
        "copy" => '©',
        "reg" => '®',
        _ => return None,
    })
}

/// Text with its entities decoded.
fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(j, _)| j);
        match end.and_then(|j| entity(&after[..j]).map(|c| (j, c))) {
            Some((j, c)) => {
                out.push(c);
                rest = &after[j + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

struct Tag<'a> {
    name: String,
    end: bool,
    attrs: &'a str,
}

impl Tag<'_> {
    fn attr(&self, key: &str) -> Option<String> {
        let lower = self.attrs.to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let at = from + i;
            from = at + key.len();
            let before = lower[..at].chars().next_back();
            if before.is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let rest = self.attrs[at + key.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let rest = rest.trim_start();
            let value = if let Some(r) = rest.strip_prefix('"') {
                &r[..r.find('"').unwrap_or(r.len())]
            } else if let Some(r) = rest.strip_prefix('\'') {
                &r[..r.find('\'').unwrap_or(r.len())]
            } else {
                &rest[..rest
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(rest.len())]
            };
            let mut out = String::new();
            unescape(value, &mut out);
            return Some(out);
        }
        None
    }

    fn span(&self, key: &str) -> usize {
        self.attr(key)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, 1000)
    }
}

#[derive(Default)]
struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
    num: Option<String>,
}

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<Cell>>,
    cell: Option<Cell>,
    in_row: bool,
}

impl TableBuilder {
    fn close_cell(&mut self) {
        if let Some(c) = self.cell.take() {
            if !self.in_row {
                self.rows.push(Vec::new());
                self.in_row = true;
            }
            self.rows.last_mut().expect("a row").push(c);
        }
    }

    fn start_row(&mut self) {
        self.close_cell();
        self.rows.push(Vec::new());
        self.in_row = true;
    }

    /// The grid, spans expanded; `plain` gives the exact values where the HTML shows `####`.
    fn grid(mut self, plain: Option<&[Vec<&str>]>) -> Table {
        self.close_cell();
        let mut out: Vec<Vec<Option<String>>> = Vec::new();
        let mut notes = Vec::new();
        for (r, row) in self.rows.into_iter().enumerate() {
            if out.len() <= r {
                out.resize(r + 1, Vec::new());
            }
            let mut c = 0;
            for cell in row {
                while out[r].get(c).is_some_and(|x| x.is_some()) {
                    c += 1;
                }
                let mut text = cell.text;
                let shown = text.trim().to_string();
                let hashes = !shown.is_empty() && shown.chars().all(|ch| ch == '#');
                if let Some(num) = cell
                    .num
                    .as_deref()
                    .and_then(|n| n.trim().parse::<f64>().ok())
                {
                    // Excel's x:num: the value held; the HTML shows it formatted (7,944,900,
                    // 95%, rounded decimals or ####).
                    let exact = if shown.ends_with('%') {
                        grid::percent(num)
                    } else {
                        grid::number(num)
                    };
                    if exact != shown && !shown.ends_with(['元', '万']) {
                        text = exact;
                    }
                } else if hashes {
                    if let Some(p) = plain
                        .and_then(|p| p.get(r))
                        .and_then(|row| row.get(c))
                        .filter(|p| !p.trim().chars().all(|ch| ch == '#'))
                    {
                        text = p.to_string();
                    } else {
                        notes.push((
                            r,
                            "单元格显示为 ####（列宽不足），其值不可读".to_string(),
                            "a cell shows #### (column too narrow); its value is unknown"
                                .to_string(),
                        ));
                    }
                }
                for dr in 0..cell.rowspan {
                    if out.len() <= r + dr {
                        out.resize(r + dr + 1, Vec::new());
                    }
                    let line = &mut out[r + dr];
                    if line.len() < c + cell.colspan {
                        line.resize(c + cell.colspan, None);
                    }
                    for dc in 0..cell.colspan {
                        line[c + dc] = Some(String::new());
                    }
                }
                out[r][c] = Some(text.trim_end_matches(['\n', ' ']).to_string());
                c += cell.colspan;
            }
        }
        Table {
            rows: out
                .into_iter()
                .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
                .collect(),
            notes,
        }
    }

    /// A nested table, read into the cell that holds it: its cells in order, at spaces.
    fn flat(self) -> String {
        let t = self.grid(None);
        t.rows
            .iter()
            .flat_map(|r| r.iter())
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const BLOCK: [&str; 14] = [
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "section", "article",
];
const SKIP: [&str; 6] = ["script", "style", "title", "xml", "head", "template"];

/// The blocks of an HTML document or fragment.
pub(crate) fn blocks(html: &str, plain: Option<&str>) -> Vec<Block> {
    let plain_grid: Option<Vec<Vec<&str>>> =
        plain.map(|p| p.lines().map(|l| l.split('\t').collect()).collect());
    let mut out = Vec::new();
    let mut para = String::new();
    let mut stack: Vec<TableBuilder> = Vec::new();
    let mut skip: Option<String> = None;
    let mut pre = 0usize;
    let mut rest = html;
    // Where text goes: the innermost open cell, else the paragraph.
    fn sink<'a>(stack: &'a mut [TableBuilder], para: &'a mut String) -> Option<&'a mut String> {
        match stack.last_mut() {
            Some(t) => t.cell.as_mut().map(|c| &mut c.text),
            None => Some(para),
        }
    }
    let flush = |para: &mut String, out: &mut Vec<Block>| {
        if !para.trim().is_empty() {
            out.push(Block::Para(para.trim_end_matches('\n').to_string()));
        }
        para.clear();
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                if let Some(s) = sink(&mut stack, &mut para) {
                    push_text(s, rest, pre > 0);
                }
            }
            break;
        };
        if lt > 0 && skip.is_none() {
            if let Some(s) = sink(&mut stack, &mut para) {
                push_text(s, &rest[..lt], pre > 0);
            }
        }
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |i| &r[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let inner = &rest[1..gt];
        rest = &rest[gt + 1..];
        let end = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let name = name.rsplit(':').next().unwrap_or("").to_string();
        if name.is_empty() || !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            // Not a tag: a lone '<' in the text.
            if skip.is_none() {
                if let Some(s) = sink(&mut stack, &mut para) {
                    s.push('<');
                    push_text(s, inner, pre > 0);
                    s.push('>');
                }
            }
            continue;
        }
        let tag = Tag {
            name,
            end,
            attrs: &inner[name_end..],
        };
        if let Some(s) = &skip {
            if tag.end && &tag.name == s {
                skip = None;
            }
            continue;
        }
        if !tag.end && SKIP.contains(&tag.name.as_str()) && !inner.ends_with('/') {
            skip = Some(tag.name.clone());
            continue;
        }
        match (tag.name.as_str(), tag.end) {
            ("table", false) => {
                if stack.is_empty() {
                    flush(&mut para, &mut out);
                }
                stack.push(TableBuilder::default());
            }
            ("table", true) => {
                if let Some(t) = stack.pop() {
                    match stack.last_mut() {
                        Some(parent) => {
                            let flat = t.flat();
                            if let Some(c) = parent.cell.as_mut() {
                                if !c.text.is_empty() {
                                    c.text.push(' ');
                                }
                                c.text.push_str(&flat);
                            }
                        }
                        None => out.push(Block::Table(t.grid(plain_grid.as_deref()))),
                    }
                }
            }
            ("tr", false) if !stack.is_empty() => {
                stack.last_mut().expect("a table").start_row();
            }
            ("tr", true) if !stack.is_empty() => {
                let t = stack.last_mut().expect("a table");
                t.close_cell();
                t.in_row = false;
            }
            ("td" | "th", false) if !stack.is_empty() => {
                let t = stack.last_mut().expect("a table");
                t.close_cell();
                t.cell = Some(Cell {
                    text: String::new(),
                    colspan: tag.span("colspan"),
                    rowspan: tag.span("rowspan"),
                    num: tag.attr("x:num"),
                });
            }
            ("td" | "th", true) if !stack.is_empty() => {
                stack.last_mut().expect("a table").close_cell();
            }
            ("br", _) => {
                if let Some(s) = sink(&mut stack, &mut para) {
                    s.push('\n');
                }
            }
            ("pre", false) => pre += 1,
            ("pre", true) => pre = pre.saturating_sub(1),
            (n, _) if BLOCK.contains(&n) => {
                if let Some(s) = sink(&mut stack, &mut para) {
                    if !s.is_empty() && !s.ends_with('\n') {
                        s.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
    // Tables left open at the end (a fragment cut short) are still tables.
    while let Some(t) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => {
                let flat = t.flat();
                if let Some(c) = parent.cell.as_mut() {
                    c.text.push(' ');
                    c.text.push_str(&flat);
                }
            }
            None => out.push(Block::Table(t.grid(plain_grid.as_deref()))),
        }
    }
    flush(&mut para, &mut out);
    out
}

/// Text between tags: entities decoded, runs of white space one space (except in `<pre>`).
fn push_text(out: &mut String, raw: &str, pre: bool) {
    let mut s = String::new();
    unescape(raw, &mut s);
    if pre {
        out.push_str(&s);
        return;
    }
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(html: &str, plain: Option<&str>) -> Vec<Vec<Vec<String>>> {
        blocks(html, plain)
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t.rows),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn spans_expanded() {
        let t = tables(
            "<table><tr><td rowspan=2>产出指标</td><td colspan=2>数量指标</td></tr>\
             <tr><td>a</td><td>b</td></tr></table>",
            None,
        );
        assert_eq!(
            t[0],
            vec![vec!["产出指标", "数量指标", ""], vec!["", "a", "b"]]
        );
    }

    #[test]
    fn excel_exact_values_and_islands() {
        let html = "<html><head><style>td{}</style><xml><x:Name>Sheet1</x:Name></xml></head>\
            <body><!--StartFragment--><table><tr><td x:num=\"7944900\">7,944,900</td>\
            <td x:num=\"0.955\">96%</td><td>#####</td><td>a<br style='mso-data-placement:same-cell'>b</td>\
            </tr></table><!--EndFragment--></body></html>";
        let t = tables(html, Some("7,944,900\t96%\t2025-01-01\tab"));
        assert_eq!(t[0][0], vec!["7944900", "95.5%", "2025-01-01", "a\nb"]);
        assert_eq!(blocks(html, None).len(), 1, "no text from the head");
    }

    #[test]
    fn paragraphs_nested_and_entities() {
        let b = blocks(
            "<p>标题&nbsp;一</p><table><tr><td><p>x</p><p>y</p></td>\
             <td><table><tr><td>in</td><td>ner</td></tr></table></td></tr></table><p>a &lt; b &amp; c</p>",
            None,
        );
        assert_eq!(b.len(), 3);
        assert_eq!(b[0], Block::Para("标题\u{a0}一".into()));
        match &b[1] {
            Block::Table(t) => assert_eq!(t.rows[0], vec!["x\ny", "in ner"]),
            other => panic!("{other:?}"),
        }
        assert_eq!(b[2], Block::Para("a < b & c".into()));
    }

    #[test]
    fn mht_part() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n\
            ------=_NextPart_01\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
            <table><tr><td>=E9=A1=B9=E7=9B=AE</td><td>x=\r\ny</td></tr></table>\r\n------=_NextPart_01--\r\n";
        let (html, _) = mht_to_html(mht.as_bytes()).unwrap();
        assert_eq!(tables(&html, None)[0], vec![vec!["项目", "xy"]]);
    }
}
