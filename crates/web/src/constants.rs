//! The page's limits and the text box's layout: numbers more than one module works with.

use std::time::Duration;

/// Check this long after the last keystroke or paste.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// The same for a text checked in the worker as one types (over [`MAIN_THREAD_LIMIT`]): keys
/// there come slower than this anyway (the browser's own handling of a key in a text box
/// holding 5 MB takes 150–260 ms here, measured by tests/e2e/measure.mjs), so a longer pause
/// would only delay the results.
pub const DEBOUNCE_LARGE: Duration = Duration::from_millis(50);
/// Up to this many UTF-16 code units (five times the whole corpus, whose check takes about
/// 20 ms here) a text is checked on the main thread when the page needs results at once (an
/// edit it made), and counted as one types. Longer texts are checked in the worker (which
/// reads again only what an edit changed); without a worker, only when the user asks: a check
/// of megabytes there would hold the page for a second or more.
pub const MAIN_THREAD_LIMIT: u32 = 300_000;
/// Above this many (some 20 MB of text), no check: the page says the text is too large to
/// check here and points to the command line.
pub const CHECK_LIMIT: u32 = 12_000_000;
/// Files larger than this are not loaded (the text box itself would stall on them).
pub const MAX_FILE_BYTES: f64 = 24.0 * 1024.0 * 1024.0;

/// Line height and padding of the text box in pixels; `site/style.css` uses the same values.
pub const LINE_HEIGHT: f64 = 20.0;
pub const PAD_TOP: f64 = 8.0;
pub const PAD_LEFT: f64 = 10.0;
