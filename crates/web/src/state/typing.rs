//! Following the text box edit by edit ([`Mirror`]): what a check reads instead of the box's
//! value, which for a text of megabytes costs more than a frame to read.
//!
//! Each edit the box reports is placed from its selection before (`beforeinput`, or the start
//! of a composition) and the caret and length after, then taken into the mirror; an edit that
//! cannot be placed (an undo, a drop, an edit by script), or figures that disagree, forget the
//! mirror, and the next check reads the box whole and starts a new one from it. Edits the page
//! makes itself forget it too ([`State::forget_typed`]). While an input method composes, the
//! mirror waits for the end of the composition (its text is what is committed).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::mirror::{edit, Before, Edit16, EditKind, Mirror};
use super::State;

/// The mirror and the edit under way.
#[derive(Default)]
pub(super) struct Typed {
    /// `None` when it must be read from the box again.
    mirror: Option<Mirror>,
    /// The box before the edit under way (`beforeinput`), and the edit's kind.
    before: Option<(EditKind, Before)>,
    /// The box when the composition under way started.
    composing: Option<Before>,
}

/// The box's selection and length.
fn before_of(el: &web_sys::HtmlTextAreaElement) -> Option<Before> {
    let start = el.selection_start().ok().flatten()? as usize;
    let end = el.selection_end().ok().flatten()? as usize;
    Some(Before {
        start,
        end,
        len16: el.text_length() as usize,
    })
}

/// UTF-16 range `start..end` of the box's value (its value taken as a JavaScript string, not
/// copied out whole).
fn value_range(el: &web_sys::HtmlTextAreaElement, start: usize, end: usize) -> Option<String> {
    let value = js_sys::Reflect::get(el, &"value".into()).ok()?;
    let value: js_sys::JsString = value.dyn_into().ok()?;
    if end > value.length() as usize {
        return None;
    }
    value.substring(start as u32, end as u32).as_string()
}

impl State {
    /// `beforeinput`: remember the selection the edit acts on.
    pub fn before_input(self, ev: &web_sys::InputEvent) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let kind = EditKind::of_input_type(&ev.input_type());
        let before = if ev.is_composing() {
            None
        } else {
            kind.zip(before_of(&el))
        };
        self.typed.update_value(|t| t.before = before);
    }

    /// `input`: take the edit into the mirror (or forget it). False while an input method
    /// composes: the text is not what the user means yet.
    pub fn input(self, ev: &web_sys::Event) -> bool {
        let ev = ev.dyn_ref::<web_sys::InputEvent>();
        if ev.is_some_and(|e| e.is_composing()) {
            // A composition that started here waits for its end; one that did not (an input
            // method that ends it before its last change) is not followed.
            if self.typed.with_value(|t| t.composing.is_some()) {
                return false;
            }
            self.forget_typed();
            return true;
        }
        let kind = ev.and_then(|e| EditKind::of_input_type(&e.input_type()));
        let data = ev.and_then(|e| e.data());
        let before = self.typed.try_update_value(|t| t.before.take()).flatten();
        match before {
            // The edit its `beforeinput` announced (not one left over from an edit that did
            // not happen).
            Some((announced, before)) if Some(announced) == kind => {
                self.take_edit(announced, before, data)
            }
            _ => self.forget_typed(),
        }
        true
    }

    /// `compositionstart`: the box as the composition found it.
    pub fn composition_start(self) {
        let before = self.input.get_untracked().and_then(|el| before_of(&el));
        self.typed.update_value(|t| {
            t.before = None;
            t.composing = before;
        });
    }

    /// `compositionend`: what was committed replaced the selection the composition started on.
    pub fn composition_end(self, ev: &web_sys::CompositionEvent) {
        match self
            .typed
            .try_update_value(|t| t.composing.take())
            .flatten()
        {
            Some(before) => self.take_edit(EditKind::Insert, before, ev.data()),
            None => self.forget_typed(),
        }
    }

    /// The text box changed in a way not followed here (an edit by the page, a restore).
    pub(super) fn forget_typed(self) {
        self.typed.update_value(|t| {
            t.mirror = None;
            t.before = None;
        });
    }

    fn take_edit(self, kind: EditKind, before: Before, data: Option<String>) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        // The box after the edit: the caret (nothing selected) and the length.
        let after = before_of(&el).filter(|a| a.start == a.end);
        let placed = after.and_then(|after| {
            let Edit16 {
                start,
                old_end,
                new_end,
            } = edit(kind, before, after.start, after.len16)?;
            // What came in: what the event says, when it fills the range placed (else the
            // edit was not the one placed: an input method that changed the word before the
            // caret too); read from the box when the event does not say.
            let inserted = match data {
                // A text box keeps no \r (a pasted \r\n is one \n there): what it holds
                // must be the event's text with its line breaks as the box keeps them.
                Some(d) if d.contains('\r') => {
                    let kept = value_range(&el, start, new_end)?;
                    (kept == d.replace("\r\n", "\n").replace('\r', "\n")).then_some(kept)?
                }
                Some(d) => (d.encode_utf16().count() == new_end - start).then_some(d)?,
                None if new_end == start => String::new(),
                None => value_range(&el, start, new_end)?,
            };
            Some((start, old_end, inserted))
        });
        self.typed.update_value(|t| {
            let taken = match (&mut t.mirror, placed) {
                (Some(m), Some((start, old_end, inserted))) => {
                    m.len16() == before.len16 && m.replace(start, old_end, &inserted)
                }
                _ => false,
            };
            if !taken {
                t.mirror = None;
            }
        });
    }

    /// The text of the box: the mirror's, when it follows the box, else the box's value read
    /// whole (and a new mirror of it, unless an input method composes).
    pub(super) fn text_now(self, el: &web_sys::HtmlTextAreaElement) -> String {
        let len16 = el.text_length() as usize;
        let mirrored = self.typed.with_value(|t| {
            t.mirror
                .as_ref()
                .filter(|m| t.composing.is_none() && m.len16() == len16)
                .map(|m| m.text().to_owned())
        });
        if let Some(text) = mirrored {
            return text;
        }
        // (Said on the console's debug level, for tests/e2e/typing.test.mjs.)
        web_sys::console::debug_1(&"kpiform: the text box read whole".into());
        let text = el.value();
        self.typed.update_value(|t| {
            if t.composing.is_none() {
                t.mirror = Some(Mirror::new(text.clone()));
            }
        });
        text
    }
}
