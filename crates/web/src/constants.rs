//! The page's limits and the text box's layout: numbers more than one module works with.

use std::time::Duration;

/// Check this long after the last keystroke or paste.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// Above this many UTF-16 code units (five times the whole corpus, whose check takes about
/// 20 ms here) the text is checked only when the user asks: a check of megabytes takes a second
/// or more (in the worker, so the page stays responsive) and its results are large to render.
pub const AUTO_CHECK_LIMIT: u32 = 300_000;
/// Above this many, even an explicit check is refused: decoding and rendering the results would
/// hold up the page for too long (and, without a worker, the check itself).
pub const CHECK_LIMIT: u32 = 12_000_000;
/// Files larger than this are not loaded (the text box itself would stall on them).
pub const MAX_FILE_BYTES: f64 = 24.0 * 1024.0 * 1024.0;

/// Line height and padding of the text box in pixels; `site/style.css` uses the same values.
pub const LINE_HEIGHT: f64 = 20.0;
pub const PAD_TOP: f64 = 8.0;
pub const PAD_LEFT: f64 = 10.0;
