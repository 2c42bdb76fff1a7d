//! kpiform page: paste 绩效目标申报表 text, see the forms the core reads and the problems it finds.
//!
//! Client-side only (Leptos CSR): the pasted text never leaves the browser.

mod app;
mod i18n;
mod report;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
