//! Delimiter-separated values with any of the usual delimiters (tab, comma, semicolon, pipe) and
//! RFC 4180 quotes (a quoted cell may hold the delimiter, quotes and line breaks).

use crate::grid::Table;

const DELIMITERS: [char; 4] = ['\t', ',', ';', '|'];

/// The cells of one record starting at `rest`; returns the cells and the bytes consumed.
fn record(s: &str, delim: char) -> (Vec<String>, usize) {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut at_start = true;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek().map(|&(_, n)| n) == Some('"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == delim => {
                cells.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\n' | '\r' => {
                cells.push(cell);
                let mut end = i + 1;
                if c == '\r' && s[end..].starts_with('\n') {
                    end += 1;
                }
                return (cells, end);
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    cells.push(cell);
    (cells, s.len())
}

fn records(s: &str, delim: char, limit: usize) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() && out.len() < limit {
        let (cells, used) = record(rest, delim);
        out.push(cells);
        rest = &rest[used..];
    }
    out
}

/// The delimiter whose count per record is most often above zero and the same: tabs first.
fn delimiter(s: &str) -> char {
    let mut best = ('\t', 0usize);
    for d in DELIMITERS {
        let sample = records(s, d, 50);
        let widths: Vec<usize> = sample.iter().map(Vec::len).filter(|&w| w > 1).collect();
        let Some(&most) = widths
            .iter()
            .max_by_key(|&&w| widths.iter().filter(|&&x| x == w).count())
        else {
            continue;
        };
        let score = widths.iter().filter(|&&w| w == most).count() * 2 + widths.len();
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

pub(crate) fn read(s: &str) -> Table {
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    let delim = delimiter(s);
    Table {
        rows: records(s, delim, usize::MAX),
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_quotes() {
        let t = read("项目名称,\"示例,项目\"\r\n年度目标,\"一行\n两行\"\r\n");
        assert_eq!(t.rows[0], vec!["项目名称", "示例,项目"]);
        assert_eq!(t.rows[1], vec!["年度目标", "一行\n两行"]);
        let t = read("a;b;c\n1;2;3\n");
        assert_eq!(t.rows[1], vec!["1", "2", "3"]);
        let t = read("a\tb,c\n1\t2,3\n");
        assert_eq!(t.rows[0], vec!["a", "b,c"]);
        let t = read("say \"hi\",x\n");
        assert_eq!(t.rows[0], vec!["say \"hi\"", "x"]);
    }
}
