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
#[derive(Debug, Clone, Default)]
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
