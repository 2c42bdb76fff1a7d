//! Byte spans into the pasted text, and their conversion to line/column positions.
//!
//! Every parsed value keeps the [`Span`] of text it came from. Spans are byte offsets into the
//! original input (`&str`), so slicing the input with a span gives back exactly what the user
//! pasted. Columns for users and browsers are counted in UTF-16 code units (what a `<textarea>`
//! uses for `selectionStart`), lines from 1.

use std::ops::Range;

/// A half-open byte range `start..end` into the input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `at` (used for values that are absent but have a place, e.g. an empty cell).
    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The same span `by` bytes later (earlier when negative): the text before it changed
    /// length.
    pub fn shift(self, by: isize) -> Span {
        Span::new(
            self.start.wrapping_add_signed(by),
            self.end.wrapping_add_signed(by),
        )
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers. Returns `""` for a span that is out of range or not on
    /// character boundaries (never panics).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.range()).unwrap_or("")
    }
}

/// A 1-based line and a 1-based column counted in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Maps byte offsets of one text to lines and UTF-16 columns.
///
/// Built once per text in O(n); each lookup is a binary search plus a scan of one line prefix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first character of each line. Lines end at `\n`, `\r\n` or a lone `\r`.
    line_starts: Vec<usize>,
    /// The same starts counted in UTF-16 code units from the start of the text.
    utf16_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // UTF-16 units of a piece of text: one per character, two for those beyond the BMP
        // (four-byte sequences). Both counts are fast scans in std.
        let units = |s: &str| s.chars().count() + s.bytes().filter(|&b| b >= 0xf0).count();
        let mut line_starts = vec![0];
        let mut utf16_starts = vec![0];
        let mut units_so_far = 0;
        let mut start = 0;
        let mut push = |end: usize,
                        next: usize,
                        line_starts: &mut Vec<usize>,
                        utf16_starts: &mut Vec<usize>| {
            units_so_far += units(&text[start..end]) + (next - end);
            line_starts.push(next);
            utf16_starts.push(units_so_far);
            start = next;
        };
        if !text.contains('\r') {
            // The common case: memchr over `\n`.
            for (i, _) in text.match_indices('\n') {
                push(i, i + 1, &mut line_starts, &mut utf16_starts);
            }
        } else {
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\n' => push(i, i + 1, &mut line_starts, &mut utf16_starts),
                    b'\r' => {
                        let next = if bytes.get(i + 1) == Some(&b'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        push(i, next, &mut line_starts, &mut utf16_starts);
                        i = next - 1;
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        LineIndex {
            line_starts,
            utf16_starts,
        }
    }

    /// The index of `text`, made from `self`, the index of an earlier text that `text` equals
    /// but for bytes `start..old_end` of it, now `start..new_end`: the lines before the edit
    /// are kept, those after it moved, and only the lines the edit touches are read again
    /// (`LineIndex::new(text)`, in time proportional to the edited lines and the number of
    /// lines, not to the text's length).
    pub fn edited(&self, text: &str, start: usize, old_end: usize, new_end: usize) -> LineIndex {
        if self.line_starts.is_empty() || start > old_end || start > new_end || new_end > text.len()
        {
            return LineIndex::new(text);
        }
        let delta = new_end as isize - old_end as isize;
        // Kept: the starts before the edit (a start is decided by the byte before it and its own
        // byte, both before `start`). Read again: from the last of them to the first start
        // after the edit.
        let keep = self.line_starts.partition_point(|&s| s < start).max(1);
        let from = self.line_starts[keep - 1];
        let after = self.line_starts.partition_point(|&s| s <= old_end);
        let to = match self.line_starts.get(after) {
            Some(&s) => s.checked_add_signed(delta),
            None => Some(text.len()),
        };
        let Some(to) = to.filter(|&t| t >= from && t <= text.len()) else {
            return LineIndex::new(text);
        };
        let Some(piece) = text.get(from..to) else {
            return LineIndex::new(text);
        };
        let units = |s: &str| s.chars().count() + s.bytes().filter(|&b| b >= 0xf0).count();
        let mut line_starts = Vec::with_capacity(self.line_starts.len() + 8);
        let mut utf16_starts = Vec::with_capacity(self.line_starts.len() + 8);
        line_starts.extend_from_slice(&self.line_starts[..keep]);
        utf16_starts.extend_from_slice(&self.utf16_starts[..keep]);
        // The starts inside the piece (it ends where a line starts, or at the text's end): after
        // a `\n`, and after a `\r` that no `\n` follows.
        let bytes = text.as_bytes();
        let mut last = from;
        let mut units_so_far = self.utf16_starts[keep - 1];
        for (i, &b) in piece.as_bytes().iter().enumerate() {
            let at = from + i;
            let ends = b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n'));
            let q = at + 1;
            // `to` itself is the start after the edit, moved below; at the text's end with
            // no start after the edit, the piece's last start may be the end.
            if ends && (q < to || (q == to && after == self.line_starts.len())) {
                units_so_far += units(&text[last..q]);
                line_starts.push(q);
                utf16_starts.push(units_so_far);
                last = q;
            }
        }
        if after < self.line_starts.len() {
            // The start after the edit, and those after it, moved.
            let units_to = units_so_far + units(&text[last..to]);
            let delta16 = units_to as isize - self.utf16_starts[after] as isize;
            line_starts.extend(
                self.line_starts[after..]
                    .iter()
                    .map(|&s| s.wrapping_add_signed(delta)),
            );
            utf16_starts.extend(
                self.utf16_starts[after..]
                    .iter()
                    .map(|&u| u.wrapping_add_signed(delta16)),
            );
        }
        LineIndex {
            line_starts,
            utf16_starts,
        }
    }

    /// Offset of a byte position in UTF-16 code units from the start of `text` (what
    /// `textarea.setSelectionRange` expects), in time proportional to the line's length.
    pub fn utf16_offset(&self, text: &str, offset: usize) -> usize {
        let lc = self.line_col(text, offset);
        self.utf16_starts[lc.line - 1] + lc.column - 1
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Line and UTF-16 column (both 1-based) of a byte offset in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line(offset);
        let start = self.line_starts[line - 1];
        let column = text
            .get(start..offset)
            .map(|s| s.encode_utf16().count())
            .unwrap_or(0)
            + 1;
        LineCol { line, column }
    }
}

/// Where `new` differs from `old`: bytes `start..old_end` of `old` are `start..new_end` of
/// `new`, the rest is the same (one edit; two edits far apart are found as one spanning both).
pub fn difference(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let start = common_prefix(a, b);
    let most = a.len().min(b.len()) - start;
    let end = common_suffix(&a[a.len() - most..], &b[b.len() - most..]);
    (start, a.len() - end, b.len() - end)
}

/// The length of what `a` and `b` begin with, compared eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let x = u64::from_le_bytes(a[i..i + 8].try_into().expect("eight bytes"));
        let y = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        if x != y {
            return i + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of what `a` and `b` end with (both as long).
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + 8 <= n {
        let (i, j) = (n - k - 8, n - k);
        let x = u64::from_be_bytes(a[i..j].try_into().expect("eight bytes"));
        let y = u64::from_be_bytes(b[i..j].try_into().expect("eight bytes"));
        if x != y {
            return k + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < n && a[n - 1 - k] == b[n - 1 - k] {
        k += 1;
    }
    k
}

/// Offset of a byte position counted in UTF-16 code units from the start of `text`
/// (what `textarea.setSelectionRange` expects).
pub fn utf16_offset(text: &str, byte_offset: usize) -> usize {
    let offset = floor_char_boundary(text, byte_offset.min(text.len()));
    text[..offset].encode_utf16().count()
}

/// The largest char boundary not above `offset` (stable replacement for `str::floor_char_boundary`).
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_edited_is_the_index_made_anew() {
        let inserts = ["", "\n", "\r", "\r\n", "a\nb", "𝄞", "\n\n\r", "项目"];
        // Texts ending inside a line, at a line end and at a lone `\r`.
        for base in [
            "一级指标\t二级\r\n产出𝄞\rx\n\n效益\r\r\nend",
            "项目\n产出\r\n\n效益\n",
            "a\r\rb\r",
        ] {
            every_edit(base, &inserts);
        }
        // Out of range: made anew.
        let old = LineIndex::new("一级\n");
        assert_eq!(old.edited("ab", 5, 9, 9), LineIndex::new("ab"));
    }

    /// Every edit of `base` (each range replaced by each insert), as found by `difference` and as
    /// made: mended as made anew.
    fn every_edit(base: &str, inserts: &[&str]) {
        let cuts: Vec<usize> = (0..=base.len())
            .filter(|&i| base.is_char_boundary(i))
            .collect();
        let old = LineIndex::new(base);
        for &start in &cuts {
            for &end in cuts.iter().filter(|&&e| e >= start) {
                for &ins in inserts {
                    let text = format!("{}{ins}{}", &base[..start], &base[end..]);
                    let (s, o, n) = difference(base, &text);
                    // (At bytes: the edit may begin inside a character, both having its first.)
                    assert_eq!(base.as_bytes()[..s], text.as_bytes()[..s]);
                    assert_eq!(base.as_bytes()[o..], text.as_bytes()[n..]);
                    assert_eq!(text.len() - n, base.len() - o);
                    let edited = old.edited(&text, s, o, n);
                    assert_eq!(edited, LineIndex::new(&text), "{base:?} → {text:?}");
                    let edited = old.edited(&text, start, end, start + ins.len());
                    assert_eq!(edited, LineIndex::new(&text), "{base:?} → {text:?}");
                }
            }
        }
    }

    #[test]
    fn differences() {
        assert_eq!(difference("abc", "abc"), (3, 3, 3));
        assert_eq!(difference("", "x"), (0, 0, 1));
        assert_eq!(
            difference("0123456789abcdefXYZ", "0123456789abcdeXYZ"),
            (15, 16, 15)
        );
        assert_eq!(
            difference("aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaa"),
            (20, 20, 21)
        );
        let long = "x".repeat(100) + "中" + &"y".repeat(100);
        let other = "x".repeat(100) + "文" + &"y".repeat(100);
        // 中 and 文 begin with different bytes (E4, E6) and end with different ones.
        assert_eq!(difference(&long, &other), (100, 103, 103));
        let (a, b) = ("x".repeat(50) + "中", "x".repeat(50) + "丫");
        // E4 B8 AD and E4 B8 AB: the same first two bytes.
        assert_eq!(difference(&a, &b), (52, 53, 53));
    }

    #[test]
    fn lines_and_utf16_columns() {
        let text = "ab\r\n项目𝄞x\rlast\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 2), LineCol { line: 1, column: 3 });
        let x = text.find('x').unwrap();
        // 项 目 are one UTF-16 unit each, 𝄞 is two: x is at column 5.
        assert_eq!(idx.line_col(text, x), LineCol { line: 2, column: 5 });
        let last = text.find("last").unwrap();
        assert_eq!(idx.line_col(text, last), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(text, text.len()).line, 4);
        // Inside a multi-byte character: rounds down, never panics.
        assert_eq!(idx.line_col(text, x - 1), LineCol { line: 2, column: 3 });
        assert_eq!(utf16_offset(text, x), 4 + 4);
        for at in 0..=text.len() {
            if text.is_char_boundary(at) {
                assert_eq!(
                    idx.utf16_offset(text, at),
                    utf16_offset(text, at),
                    "at {at}"
                );
            }
        }
    }
}
