//! Long lists render only what is on screen: the forms table of a district (thousands of rows)
//! and the problem list of a hostile paste (tens of thousands) keep a few dozen items in the
//! page, and the space of the others as two spacers of their height.
//!
//! Items have different heights (a problem with a fix is taller than one without), so each
//! rendered item is measured after it is drawn and its height kept by key; items never drawn
//! count as the list's estimate (not the average of those drawn: that would change every
//! spacer, and move the list under the reader, whenever one item is measured). Which items are on screen is read again when the
//! results panel scrolls or the window resizes ([`State::scrolled`]), when the list changes, and
//! when a measurement changed a height.
//!
//! Short lists (up to [`ALL_BELOW`] items) are rendered whole: they cost little, and the
//! browser's find-in-page and printing see every row.
//!
//! [`State::scrolled`]: crate::state::State::scrolled

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::State;

/// Lists of at most this many items are rendered whole.
pub const ALL_BELOW: usize = 150;

/// The part of a list to render: items `start..end`, and the space the others take above
/// (`top`) and below (`bottom`), in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Slice {
    pub start: usize,
    pub end: usize,
    pub top: f64,
    pub bottom: f64,
}

/// The heights of a list's items as measured, by key.
#[derive(Debug, Clone, Default)]
pub struct Heights {
    by_key: HashMap<u64, f64>,
}

impl Heights {
    pub fn get(&self, key: u64, guess: f64) -> f64 {
        self.by_key.get(&key).copied().unwrap_or(guess)
    }

    /// Keep `height` for `key`; true when it differs from what was kept by more than a pixel.
    pub fn set(&mut self, key: u64, height: f64) -> bool {
        let height = height.max(0.0);
        match self.by_key.insert(key, height) {
            Some(old) => (old - height).abs() > 1.0,
            None => true,
        }
    }

    /// Forget the heights of keys no longer in the list once they far outnumber those that are
    /// (each check of an edited text makes new keys).
    pub fn prune(&mut self, keys: &[u64]) {
        if self.by_key.len() <= 4 * keys.len() + 1000 {
            return;
        }
        let keep: std::collections::HashSet<u64> = keys.iter().copied().collect();
        self.by_key.retain(|k, _| keep.contains(k));
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.by_key.len()
    }
}

/// The items of `keys` that meet the band `from..to` (list coordinates, CSS pixels: the part of
/// the list on screen, empty when the list is off screen), with `screen` pixels more on each side
/// (the window's height) so that scrolling a little, or to the list, draws nothing new.
pub fn slice(
    keys: &[u64],
    heights: &Heights,
    estimate: f64,
    (from, to): (f64, f64),
    screen: f64,
) -> Slice {
    let n = keys.len();
    if n <= ALL_BELOW {
        return Slice {
            start: 0,
            end: n,
            top: 0.0,
            bottom: 0.0,
        };
    }
    let screen = screen.max(200.0);
    let (from, to) = (from - screen, to.max(from) + screen);
    let guess = estimate;
    let mut y = 0.0;
    let mut start = None;
    let mut top = 0.0;
    let mut end = n;
    for (i, &k) in keys.iter().enumerate() {
        let h = heights.get(k, guess);
        if start.is_none() && y + h > from {
            start = Some(i);
            top = y;
        }
        if y >= to {
            end = i;
            break;
        }
        y += h;
    }
    // A band below the end of the list (the list shrank): its last screen.
    let start = start.unwrap_or_else(|| {
        let mut i = n;
        let mut y = 0.0;
        while i > 0 && y < 2.0 * screen {
            i -= 1;
            y += heights.get(keys[i], guess);
        }
        top = keys[..i].iter().map(|&k| heights.get(k, guess)).sum();
        i
    });
    let end = end.max(start + 1).min(n);
    let bottom = keys[end..].iter().map(|&k| heights.get(k, guess)).sum();
    Slice {
        start,
        end,
        top,
        bottom,
    }
}

/// Where item `index` of `keys` starts, in list coordinates.
pub fn offset(keys: &[u64], heights: &Heights, estimate: f64, index: usize) -> f64 {
    let guess = estimate;
    keys[..index.min(keys.len())]
        .iter()
        .map(|&k| heights.get(k, guess))
        .sum()
}

/// The attribute each rendered item carries, with its key, to be measured (written
/// `data-key=key` in the views).
const KEY_ATTR: &str = "data-key";

/// A windowed list: the slice to render, and how to bring an item into view.
#[derive(Clone, Copy)]
pub struct Windowed {
    pub slice: Memo<Slice>,
    keys: Memo<Vec<u64>>,
    heights: StoredValue<Heights>,
    estimate: f64,
    list: &'static str,
}

/// Window the list whose items have `keys` (in order), rendered inside the element the CSS
/// selector `list` finds; `estimate` is an item's height before any was measured.
pub fn windowed(st: State, keys: Memo<Vec<u64>>, estimate: f64, list: &'static str) -> Windowed {
    let list_el = move || find(list);
    let heights = StoredValue::new(Heights::default());
    let measured = RwSignal::new(0u32);
    let slice = Memo::new(move |_| {
        st.scrolled.track();
        measured.track();
        keys.with(|keys| {
            let screen = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(1000.0);
            let band = list_el().map_or((0.0, screen), |el| band(&el, screen));
            heights.update_value(|h| h.prune(keys));
            heights.with_value(|h| slice(keys, h, estimate, band, screen))
        })
    });
    // Measure what was drawn, once it is laid out.
    Effect::new(move |_| {
        let s = slice.get();
        if s.end - s.start == keys.with_untracked(Vec::len) && s.top == 0.0 {
            // A list rendered whole: nothing to window.
            return;
        }
        request_animation_frame(move || {
            let Some(el) = list_el() else { return };
            if measure(&el, s.top, heights) {
                measured.update(|m| *m = m.wrapping_add(1));
            }
        });
    });
    Windowed {
        slice,
        keys,
        heights,
        estimate,
        list,
    }
}

impl Windowed {
    /// Scroll the results panel so that item `index` is on screen, if it is not in the
    /// slice rendered (the step through problems, F8, reaching one far below).
    pub fn reveal(&self, st: State, index: usize) {
        let s = self.slice.get_untracked();
        if (s.start..s.end).contains(&index) {
            return;
        }
        let Some(el) = find(self.list) else { return };
        let Some(panel) = el.closest(".tab-panel").ok().flatten() else {
            return;
        };
        let y = self.keys.with_untracked(|keys| {
            self.heights
                .with_value(|h| offset(keys, h, self.estimate, index))
        });
        let list_top = el.get_bounding_client_rect().top() - panel.get_bounding_client_rect().top()
            + f64::from(panel.scroll_top());
        let panel_height = f64::from(panel.client_height());
        panel.set_scroll_top((list_top + y - panel_height / 3.0).max(0.0) as i32);
        st.results_scrolled();
    }
}

fn find(selector: &str) -> Option<web_sys::Element> {
    document().query_selector(selector).ok().flatten()
}

/// The part of the screen `list` shows, in its own coordinates: the viewport, within the
/// results panel it scrolls in.
fn band(list: &web_sys::Element, screen: f64) -> (f64, f64) {
    let r = list.get_bounding_client_rect();
    let mut top = 0.0f64;
    let mut bottom = screen;
    if let Some(panel) = list.closest(".tab-panel").ok().flatten() {
        let p = panel.get_bounding_client_rect();
        top = top.max(p.top());
        bottom = bottom.min(p.bottom());
    }
    (top - r.top(), bottom - r.top())
}

/// Keep the heights of the items drawn in `list`: each from the bottom of the one before
/// (so a group's title counts with its first item), the first from the top spacer's end.
/// True when a height changed.
fn measure(list: &web_sys::Element, top: f64, heights: StoredValue<Heights>) -> bool {
    let Ok(items) = list.query_selector_all(&format!("[{KEY_ATTR}]")) else {
        return false;
    };
    let mut last = list.get_bounding_client_rect().top() + top;
    let mut changed = false;
    for i in 0..items.length() {
        let Some(item) = items
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(key) = item
            .get_attribute(KEY_ATTR)
            .and_then(|k| k.parse::<u64>().ok())
        else {
            continue;
        };
        let bottom = item.get_bounding_client_rect().bottom();
        let h = bottom - last;
        last = bottom;
        if h > 0.0 {
            heights.update_value(|hs| changed |= hs.set(key, h));
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<u64> {
        (0..n as u64).collect()
    }

    #[test]
    fn short_lists_are_whole() {
        let s = slice(
            &keys(ALL_BELOW),
            &Heights::default(),
            40.0,
            (5000.0, 6000.0),
            1000.0,
        );
        assert_eq!(
            s,
            Slice {
                start: 0,
                end: ALL_BELOW,
                top: 0.0,
                bottom: 0.0
            }
        );
    }

    #[test]
    fn a_long_list_renders_its_screen_and_a_screen_around() {
        let k = keys(10_000);
        let h = Heights::default();
        // The band 4,000–4,800 px of 40 px items: items 100..120, and 800 px (20 items) around.
        let s = slice(&k, &h, 40.0, (4000.0, 4800.0), 800.0);
        assert_eq!((s.start, s.end), (80, 140));
        assert_eq!(s.top, 80.0 * 40.0);
        assert_eq!(s.bottom, (10_000.0 - 140.0) * 40.0);
        // Top, items and bottom make the whole list.
        assert_eq!(s.top + 60.0 * 40.0 + s.bottom, 10_000.0 * 40.0);
        // At the top.
        let s = slice(&k, &h, 40.0, (0.0, 800.0), 800.0);
        assert_eq!((s.start, s.end, s.top), (0, 40, 0.0));
    }

    #[test]
    fn a_list_below_the_screen_has_its_first_screen_ready() {
        // The narrow layout (the page scrolls, the text box above the results): the results
        // panel starts 200 px and the list 300 px below the bottom of a 900 px window. The band
        // (from the panel's top to the window's bottom) is empty: 1,100 → 900 px, -100 → -300 in
        // the list. A screen below it is drawn.
        let k = keys(10_000);
        let s = slice(&k, &Heights::default(), 40.0, (-100.0, -300.0), 900.0);
        assert_eq!((s.start, s.end), (0, 20));
        assert_eq!(s.top, 0.0);
    }

    #[test]
    fn measured_heights_count_and_the_rest_is_the_estimate() {
        let k = keys(1000);
        let mut h = Heights::default();
        assert!(h.set(0, 100.0));
        assert!(h.set(1, 300.0));
        assert!(!h.set(1, 300.5), "under a pixel is no change");
        // Items 0 and 1 take 400.5 px; item 2 starts there.
        assert_eq!(offset(&k, &h, 40.0, 2), 400.5);
        let s = slice(&k, &h, 40.0, (0.0, 300.0), 300.0);
        assert_eq!(s.start, 0);
        // 300 px band and 300 px more below, to 600: items 0 and 1 reach 400.5, five more of
        // 40 px (not measured) 600.5.
        assert_eq!(s.end, 7);
        assert_eq!(s.bottom, 993.0 * 40.0);
    }

    #[test]
    fn a_band_past_the_end_shows_the_last_screen() {
        let k = keys(1000);
        let s = slice(&k, &Heights::default(), 10.0, (50_000.0, 50_500.0), 500.0);
        assert_eq!(s.end, 1000);
        assert!(s.start < 1000 && s.start >= 800, "{s:?}");
        assert_eq!(s.top, s.start as f64 * 10.0);
        assert_eq!(s.bottom, 0.0);
    }

    #[test]
    fn pruning_keeps_the_list_s_keys() {
        let mut h = Heights::default();
        for k in 0..1000 {
            h.set(k, 10.0);
        }
        // A thousand more than the list are kept (the heights of the text before an edit).
        h.prune(&[1, 2, 3]);
        assert_eq!(h.len(), 1000);
        for k in 0..5000 {
            h.set(k, 10.0);
        }
        h.prune(&[1, 2, 3]);
        assert_eq!(h.len(), 3);
    }
}
