//! Selection: what the user looks at and is on: the tab, the problem list's filter, the form
//! of the structure view, the current problem, and the span selected and highlighted in the
//! text box.

use kpiform_core::{utf16_offset, Category, Severity, Span};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{focus, State};
use crate::constants::{LINE_HEIGHT, PAD_LEFT, PAD_TOP};
use crate::dom;
use crate::report::{DiagRow, Report, SEVERITIES};

/// The views of the results panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Structure,
    Problems,
    Compare,
    Export,
    Settings,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Structure,
        Tab::Problems,
        Tab::Compare,
        Tab::Export,
        Tab::Settings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Structure => "structure",
            Tab::Problems => "problems",
            Tab::Compare => "compare",
            Tab::Export => "export",
            Tab::Settings => "settings",
        }
    }
}

/// Which problems the list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Error, warning, info.
    pub severities: [bool; 3],
    /// In the order of `Category::ALL`.
    pub categories: [bool; 7],
    /// Only the problems of this form (1-based); `Some(0)` for text outside forms.
    pub form: Option<usize>,
    pub fixable_only: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            severities: [true; 3],
            categories: [true; 7],
            form: None,
            fixable_only: false,
        }
    }
}

impl Filter {
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// Only the problems of one severity.
    pub fn severity(severity: Severity) -> Filter {
        Filter {
            severities: SEVERITIES.map(|s| s == severity),
            ..Filter::default()
        }
    }

    /// Only the problems of one category.
    pub fn category(category: Category) -> Filter {
        let mut categories = [false; 7];
        categories[category_index(category)] = true;
        Filter {
            categories,
            ..Filter::default()
        }
    }

    /// Only the problems of form `number` (1-based).
    pub fn form(number: usize) -> Filter {
        Filter {
            form: Some(number),
            ..Filter::default()
        }
    }

    /// Whether the problem list shows `d`.
    pub fn passes(&self, d: &DiagRow) -> bool {
        self.severities[severity_index(d.severity)]
            && self.categories[category_index(d.category)]
            && self.form.is_none_or(|n| d.form.unwrap_or(0) == n)
            && (!self.fixable_only || d.fix.is_some())
    }

    /// Ids of the problems the filter lets through, in list order.
    pub fn visible(&self, report: &Report) -> Vec<usize> {
        report
            .diagnostics
            .iter()
            .filter(|d| self.passes(d))
            .map(|d| d.id)
            .collect()
    }
}

/// Severity by its position in [`SEVERITIES`].
fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Category by its position in [`Category::ALL`].
fn category_index(c: Category) -> usize {
    Category::ALL.iter().position(|&x| x == c).unwrap_or(0)
}

/// Spans of the checked text drawn over the text box: the selected problem and the other places
/// it points to.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The [`Analysis::version`] the spans belong to.
    pub version: u64,
    pub primary: Span,
    pub related: Vec<Span>,
}

/// Scroll position and size of the text box, for the line numbers and the highlight.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Viewport {
    pub top: f64,
    pub left: f64,
    pub height: f64,
    pub scroll_height: f64,
}

impl State {
    /// Show the view `tab`.
    pub fn open(self, tab: Tab) {
        self.tab.0.set(tab);
    }

    /// Show the problem list with `filter`.
    pub fn show_problems(self, filter: Filter) {
        self.filter.0.set(filter);
        self.open(Tab::Problems);
    }

    /// Show form `number` (1-based) in the structure view and select its title in the text.
    pub fn open_form(self, number: usize) {
        self.show_form(number);
        self.open(Tab::Structure);
        self.select_title(number);
    }

    /// The form the structure view shows (1-based).
    pub fn show_form(self, number: usize) {
        self.structure_form.0.set(number);
    }

    /// Select the title of form `number` in the text box, once the results are up to date
    /// (a click on a list a moment old).
    pub fn select_form(self, number: usize) {
        if self.flush() {
            self.select_title(number);
        }
    }

    fn select_title(self, number: usize) {
        let a = self.analysis.get_untracked();
        if let Some(f) = a.report.form(number) {
            self.select(f.title);
        }
    }

    /// Show or hide the problems of severity `i` (in the order of [`SEVERITIES`]).
    pub fn toggle_severity(self, i: usize) {
        self.filter.0.update(|f| f.severities[i] = !f.severities[i]);
    }

    /// Show or hide the problems of category `i` (in the order of [`Category::ALL`]).
    pub fn toggle_category(self, i: usize) {
        self.filter.0.update(|f| f.categories[i] = !f.categories[i]);
    }

    /// Show only the problems with a fix, or all again.
    pub fn toggle_fixable(self) {
        self.filter.0.update(|f| f.fixable_only = !f.fixable_only);
    }

    /// Show the problems of every form again.
    pub fn drop_form_filter(self) {
        self.filter.0.update(|f| f.form = None);
    }

    /// Show every problem again.
    pub fn reset_filter(self) {
        self.filter.0.set(Filter::default());
    }

    /// Move to the next (`step` 1) or previous (-1) problem of the list and select it.
    pub fn step(self, step: isize) {
        if !self.flush() {
            return;
        }
        let a = self.analysis.get_untracked();
        let filter = self.filter.get_untracked();
        let rows: Vec<&DiagRow> = a
            .report
            .diagnostics
            .iter()
            .filter(|d| filter.passes(d))
            .collect();
        if rows.is_empty() {
            return;
        }
        let pos = self
            .current
            .get_untracked()
            .and_then(|c| rows.iter().position(|d| d.key == c));
        let next = match pos {
            Some(p) => (p as isize + step).rem_euclid(rows.len() as isize) as usize,
            None if step > 0 => 0,
            None => rows.len() - 1,
        };
        if self.tab.get_untracked() != Tab::Problems {
            self.open(Tab::Problems);
        }
        let key = rows[next].key;
        self.select_problem(key, false);
        // After the list has rendered the row (it may be on a later page, or the tab just opened).
        request_animation_frame(move || {
            if let Some(row) = dom::by_data_id("data-key", &key.to_string()) {
                dom::scroll_into_view(&row);
            }
        });
    }

    /// Select the byte span `span` of the checked text in the text box and highlight it,
    /// leaving the focus where it is (clicks on the structure view).
    pub fn select(self, span: Span) {
        self.select_span(span, Vec::new(), false);
    }

    /// Select another place problem `key` points to, and make the problem the current one.
    pub fn select_related(self, key: u64, span: Span) {
        if self.is_fresh() {
            self.current.0.set(Some(key));
        }
        self.select_span(span, Vec::new(), true)
    }

    /// Take the highlight away (Escape).
    pub fn clear_highlight(self) {
        if self.highlight.get_untracked().is_some() {
            self.highlight.0.set(None);
        }
    }

    /// Select the byte span `span` of the checked text in the text box, highlight it and the
    /// `related` spans, and scroll it into view.
    pub(super) fn select_span(self, span: Span, related: Vec<Span>, focus_box: bool) {
        if !self.is_fresh() {
            // The click was on results of an older text; bring them up to date instead.
            self.flush();
            return;
        }
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let a = self.analysis.get_untracked();
        let start = utf16_offset(&a.text, span.start) as u32;
        let end = utf16_offset(&a.text, span.end.max(span.start)) as u32;
        if focus_box {
            focus(&el);
        }
        let _ = el.set_selection_range(start, end);
        self.highlight.0.set(Some(Highlight {
            version: a.version,
            primary: span,
            related,
        }));
        let line = a.doc.lines.line(span.start);
        // After the highlight is drawn (it tells how far right the span is).
        request_animation_frame(move || self.reveal(line));
    }

    /// Select problem `key`: its span, its related places, and make it the current one.
    pub fn select_problem(self, key: u64, focus_box: bool) {
        // A click on a list a moment old: check now; the same problem (same key) is selected
        // if it is still there.
        if !self.is_fresh() && !self.flush() {
            return;
        }
        let a = self.analysis.get_untracked();
        let Some(row) = a.report.diagnostic(key) else {
            return;
        };
        self.current.0.set(Some(key));
        let related = row.related.iter().map(|r| r.span).collect();
        self.select_span(row.span, related, focus_box);
    }

    /// Scroll the text box so that `line` and the highlighted span are in view.
    fn reveal(self, line: usize) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let height = f64::from(el.client_height());
        let top = f64::from(el.scroll_top());
        let y = PAD_TOP + (line.saturating_sub(1) as f64) * LINE_HEIGHT;
        if y < top + LINE_HEIGHT || y > top + height - 2.0 * LINE_HEIGHT {
            el.set_scroll_top((y - height / 3.0).max(0.0) as i32);
        }
        let width = f64::from(el.client_width());
        let left = f64::from(el.scroll_left());
        let mark = document()
            .query_selector(".hl-primary")
            .ok()
            .flatten()
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
        match mark {
            Some(mark) => {
                let x = PAD_LEFT + f64::from(mark.offset_left());
                let w = f64::from(mark.offset_width()).min(width / 2.0);
                if x < left + 8.0 || x + w > left + width - 8.0 {
                    el.set_scroll_left((x - 48.0).max(0.0) as i32);
                }
            }
            None => el.set_scroll_left(0),
        }
        self.update_viewport();
    }

    /// Read the text box's scroll position and size (line numbers, highlight).
    /// The results panel scrolled, or the window resized.
    pub fn results_scrolled(self) {
        self.scrolled.0.update(|n| *n = n.wrapping_add(1));
    }

    pub fn update_viewport(self) {
        let Some(el) = self.input.get_untracked() else {
            return;
        };
        let v = Viewport {
            top: f64::from(el.scroll_top()),
            left: f64::from(el.scroll_left()),
            height: f64::from(el.client_height()),
            scroll_height: f64::from(el.scroll_height()),
        };
        if self.viewport.get_untracked() != v {
            self.viewport.0.set(v);
        }
    }
}
