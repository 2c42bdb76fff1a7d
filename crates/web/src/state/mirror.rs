//! The text box's text, kept on this side edit by edit.
//!
//! Reading a text box of megabytes (its value, encoded into the module's memory) takes longer
//! than a frame, and a check after every pause in typing would read it whole. The page instead
//! follows the edits the box reports (`beforeinput`, `input`, the end of a composition): each is
//! a range of the text replaced, found from the selection before it, the caret after it and the
//! lengths, and checked against them; an edit that cannot be placed that way (undo, a drop, a
//! spelling fix elsewhere, an edit by script) makes the page read the box whole at the next
//! check ([`Mirror`] forgotten).
//!
//! Offsets of the box count UTF-16 code units; the text here is UTF-8. Every few kilobytes a
//! mark holds both offsets of a place, so an offset is converted by scanning from the mark
//! before it, not from the start.

/// Bytes between marks (at most, but where edits removed text).
const MARK_EVERY: usize = 4096;

/// The text of the box, and marks converting its offsets.
#[derive(Debug, Clone, Default)]
pub struct Mirror {
    text: String,
    len16: usize,
    /// `(UTF-16 offset, byte offset)` of places in the text, increasing in both.
    marks: Vec<(usize, usize)>,
}

/// How an edit of the box changed its text, by the kind of input the box reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// The selection replaced by what was typed, pasted or composed; the caret after it.
    Insert,
    /// Text before the caret removed (or the selection); the caret at the start of the gap.
    DeleteBackward,
    /// Text after the caret removed (or the selection); the caret stays.
    DeleteForward,
}

impl EditKind {
    /// The kind of an `InputEvent`'s `inputType`, when its edit is one range at the caret.
    /// `None` for those that change text elsewhere or in several places (undo, redo, drops,
    /// spelling fixes, transposition, formatting).
    pub fn of_input_type(input_type: &str) -> Option<EditKind> {
        Some(match input_type {
            "insertText"
            | "insertLineBreak"
            | "insertParagraph"
            | "insertFromPaste"
            | "insertCompositionText"
            | "insertFromYank" => EditKind::Insert,
            "deleteContentBackward"
            | "deleteWordBackward"
            | "deleteSoftLineBackward"
            | "deleteHardLineBackward"
            | "deleteByCut" => EditKind::DeleteBackward,
            "deleteContentForward"
            | "deleteWordForward"
            | "deleteSoftLineForward"
            | "deleteHardLineForward" => EditKind::DeleteForward,
            _ => return None,
        })
    }
}

/// The box before an edit: its selection and its length (UTF-16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Before {
    pub start: usize,
    pub end: usize,
    pub len16: usize,
}

/// One edit of the box in UTF-16 offsets: `start..old_end` of the text before is
/// `start..new_end` of the text after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit16 {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

/// The edit of `kind` that turned the box `before` into one `len16` long with the caret at
/// `caret` (no selection), when the figures agree with one; `None` when they do not (the edit
/// was not what its kind says: read the box whole).
pub fn edit(kind: EditKind, before: Before, caret: usize, len16: usize) -> Option<Edit16> {
    let Before { start, end, .. } = before;
    if start > end || end > before.len16 || caret > len16 {
        return None;
    }
    // Whatever the kind, the text after the edit's end is the text after it before:
    // `old_end - new_end == before.len16 - len16`.
    let grown = len16 as isize - before.len16 as isize;
    let edit = match kind {
        // The selection replaced; the caret after what came in.
        EditKind::Insert => Edit16 {
            start,
            old_end: end,
            new_end: caret,
        },
        // The gap ends where the selection did (at the caret before it).
        EditKind::DeleteBackward => Edit16 {
            start: caret,
            old_end: end,
            new_end: caret,
        },
        // The gap starts at the caret, which stays.
        EditKind::DeleteForward => Edit16 {
            start,
            old_end: (start as isize - grown) as usize,
            new_end: start,
        },
    };
    let agrees = edit.start <= edit.new_end
        && edit.start <= edit.old_end
        && edit.new_end as isize - edit.old_end as isize == grown
        && match kind {
            EditKind::Insert => true,
            EditKind::DeleteBackward => grown <= 0 && caret <= start,
            EditKind::DeleteForward => grown <= 0 && caret == start && edit.old_end >= end,
        }
        && edit.old_end <= before.len16;
    agrees.then_some(edit)
}

impl Mirror {
    pub fn new(text: String) -> Mirror {
        let mut marks = Vec::new();
        let len16 = mark(&text, 0, 0, &mut marks);
        Mirror { text, len16, marks }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The length in UTF-16 code units.
    pub fn len16(&self) -> usize {
        self.len16
    }

    /// The byte offset of UTF-16 offset `at`: `None` past the end or inside a character
    /// (between the two halves of a surrogate pair).
    pub fn byte_at(&self, at: usize) -> Option<usize> {
        if at > self.len16 {
            return None;
        }
        let i = self.marks.partition_point(|&(u, _)| u <= at);
        let (u, from) = i.checked_sub(1).map_or((0, 0), |i| self.marks[i]);
        let within = u32::try_from(at - u).ok()?;
        super::byte_offset(&self.text[from..], within).map(|b| from + b)
    }

    /// Replace UTF-16 range `start..end` by `with` (as the box did). False, and nothing
    /// changed, when the range is not one of this text.
    pub fn replace(&mut self, start: usize, end: usize, with: &str) -> bool {
        if start > end {
            return false;
        }
        let (Some(a), Some(b)) = (self.byte_at(start), self.byte_at(end)) else {
            return false;
        };
        self.text.replace_range(a..b, with);
        let mut inner = Vec::new();
        let with16 = mark(with, start, a, &mut inner);
        let (by, by16) = (
            with.len() as isize - (b - a) as isize,
            with16 as isize - (end - start) as isize,
        );
        // Marks before the edit stay, those after it move, those in it give way to the inserted
        // text's own.
        let after = self.marks.partition_point(|&(_, m)| m <= b);
        let before = self.marks.partition_point(|&(_, m)| m <= a);
        for (u, m) in &mut self.marks[after..] {
            (*u, *m) = ((*u as isize + by16) as usize, (*m as isize + by) as usize);
        }
        self.marks.splice(before..after, inner);
        self.len16 = (self.len16 as isize + by16) as usize;
        true
    }
}

/// Push marks of `text` (which starts at `at16`, byte `at` of the whole) every
/// [`MARK_EVERY`] bytes; its length in UTF-16 code units.
fn mark(text: &str, at16: usize, at: usize, marks: &mut Vec<(usize, usize)>) -> usize {
    let mut u = 0;
    let mut next = MARK_EVERY;
    for (b, c) in text.char_indices() {
        if b >= next {
            marks.push((at16 + u, at + b));
            next = b + MARK_EVERY;
        }
        u += c.len_utf16();
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The box's text as UTF-16, edited the way the box does.
    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// The byte offset of UTF-16 offset `at`, scanning from the start.
    fn naive_byte_at(s: &str, at: usize) -> Option<usize> {
        crate::state::byte_offset(s, u32::try_from(at).ok()?)
    }

    #[test]
    fn offsets_convert_as_a_scan_from_the_start_does() {
        let text = "项目名称：🙂ab\r\n一级指标".repeat(900);
        let m = Mirror::new(text.clone());
        assert!(m.marks.len() > 5, "marks every few kilobytes");
        assert_eq!(m.len16(), utf16(&text).len());
        for at in (0..=m.len16() + 2).step_by(7).chain([m.len16()]) {
            assert_eq!(m.byte_at(at), naive_byte_at(&text, at), "at {at}");
        }
    }

    #[test]
    fn replacements_keep_text_and_marks_as_made_anew() {
        let mut m = Mirror::new("指标值：≥95%\n🙂\n".repeat(2000));
        let mut state = 12345u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n.max(1)
        };
        let pieces = ["", "a", "年", "🙂", "\r\n", &"长文本".repeat(3000)];
        for _ in 0..300 {
            let len = m.len16();
            let s = next(len + 1);
            let e = s + next((len - s).min(20_000) + 1);
            let with = pieces[next(pieces.len())];
            let expect = {
                let (a, b) = (naive_byte_at(m.text(), s), naive_byte_at(m.text(), e));
                a.zip(b).map(|(a, b)| {
                    let mut t = m.text().to_string();
                    t.replace_range(a..b, with);
                    t
                })
            };
            let done = m.replace(s, e, with);
            assert_eq!(done, expect.is_some());
            if let Some(t) = expect {
                assert_eq!(m.text(), t);
                let fresh = Mirror::new(t.clone());
                assert_eq!(m.len16(), fresh.len16());
                for at in (0..=m.len16()).step_by(997) {
                    assert_eq!(m.byte_at(at), naive_byte_at(&t, at));
                }
                assert!(m
                    .marks
                    .windows(2)
                    .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
            }
        }
    }

    #[test]
    fn a_range_inside_a_character_changes_nothing() {
        let mut m = Mirror::new("a🙂b".to_string());
        assert!(!m.replace(2, 3, "x"), "between the halves of the emoji");
        assert_eq!(m.text(), "a🙂b");
        assert!(m.replace(1, 3, "x"));
        assert_eq!(m.text(), "axb");
        assert!(!m.replace(3, 9, ""));
        assert!(!m.replace(2, 1, ""));
    }

    /// The box before: text with a selection; after: what the browser does for the kind.
    fn box_edit(
        kind: EditKind,
        text: &str,
        sel: (usize, usize),
        removed_before: usize,
        with: &str,
    ) -> (String, usize) {
        let mut t = utf16(text);
        let (s, e) = sel;
        match kind {
            EditKind::Insert => {
                let w = utf16(with);
                t.splice(s..e, w.iter().copied());
                (String::from_utf16(&t).unwrap(), s + w.len())
            }
            EditKind::DeleteBackward => {
                let from = if s == e { s - removed_before } else { s };
                t.drain(from..e);
                (String::from_utf16(&t).unwrap(), from)
            }
            EditKind::DeleteForward => {
                let to = if s == e { e + removed_before } else { e };
                t.drain(s..to);
                (String::from_utf16(&t).unwrap(), s)
            }
        }
    }

    #[test]
    fn edits_at_the_caret_are_placed_from_selection_caret_and_lengths() {
        let text = "绩效目标🙂\n指标值≥95%";
        let cases = [
            (EditKind::Insert, (3, 3), 0, "x"),
            (EditKind::Insert, (2, 6), 0, "新内容"),
            (EditKind::Insert, (0, 0), 0, "\r\n"),
            (EditKind::Insert, (4, 6), 0, ""),
            (EditKind::DeleteBackward, (6, 6), 2, ""),
            (EditKind::DeleteBackward, (3, 3), 1, ""),
            (EditKind::DeleteBackward, (1, 8), 0, ""),
            (EditKind::DeleteForward, (4, 4), 2, ""),
            (EditKind::DeleteForward, (0, 6), 0, ""),
        ];
        for (kind, sel, removed, with) in cases {
            let before = Before {
                start: sel.0,
                end: sel.1,
                len16: utf16(text).len(),
            };
            let (after, caret) = box_edit(kind, text, sel, removed, with);
            let e = edit(kind, before, caret, utf16(&after).len())
                .unwrap_or_else(|| panic!("{kind:?} {sel:?} not placed"));
            let mut m = Mirror::new(text.to_string());
            let new16 = utf16(&after);
            let inserted = String::from_utf16(&new16[e.start..e.new_end]).unwrap();
            assert!(m.replace(e.start, e.old_end, &inserted));
            assert_eq!(m.text(), after, "{kind:?} {sel:?}");
        }
    }

    #[test]
    fn figures_that_disagree_with_the_kind_are_not_placed() {
        let before = Before {
            start: 5,
            end: 5,
            len16: 20,
        };
        // An "insert" that made the text shorter than the caret allows (undo-like).
        assert_eq!(edit(EditKind::Insert, before, 2, 21), None);
        // A backward delete that grew the text, or left the caret after the selection.
        assert_eq!(edit(EditKind::DeleteBackward, before, 4, 21), None);
        assert_eq!(edit(EditKind::DeleteBackward, before, 7, 18), None);
        // A forward delete that moved the caret.
        assert_eq!(edit(EditKind::DeleteForward, before, 4, 19), None);
        // A caret past the end, a selection past the end.
        assert_eq!(edit(EditKind::Insert, before, 30, 25), None);
        let wrong = Before {
            start: 3,
            end: 25,
            len16: 20,
        };
        assert_eq!(edit(EditKind::DeleteBackward, wrong, 3, 0), None);
        assert_eq!(EditKind::of_input_type("historyUndo"), None);
        assert_eq!(EditKind::of_input_type("insertFromDrop"), None);
        assert_eq!(
            EditKind::of_input_type("deleteWordBackward"),
            Some(EditKind::DeleteBackward)
        );
    }
}
