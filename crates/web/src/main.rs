//! kpiform page: paste 绩效目标申报表 text, see the forms the core reads and the problems it finds.
//!
//! Client-side only (Leptos CSR): the pasted text never leaves the browser.
//!
//! Three modules are built from this crate (see its Cargo.toml): the page (feature `page`, what the
//! browser loads first) and the checker (feature `checker`: the core's check and exports behind
//! the worker's entry points, run by the checking worker and, when it must, on the page). With
//! both features, as in the native tests, it is the whole page in one module. A third module,
//! the importer (feature `importer`: workbooks, documents, web pages and rich pastes read into
//! text), is loaded by the page when a file is first opened or a table first pasted.

/// `view!` with the scoped class `kp` on every element. Use it instead of `view!` in this crate.
///
/// Plain `view!` turns a fully static subtree (say `<span class="dot"></span>`) into an HTML
/// string that it instantiates through `innerHTML`. The page runs under Trusted Types (CSP in
/// `index.html`), where any `innerHTML` assignment throws, and so the page would fail to start.
/// With a scoped class Leptos creates every element with `createElement`.
#[cfg(feature = "page")]
macro_rules! safe_view {
    ($($body:tt)*) => {
        ::leptos::view! { class = "kp", $($body)* }
    };
}

#[cfg(feature = "page")]
mod app;
#[cfg(any(feature = "page", feature = "checker"))]
mod clock;
#[cfg(feature = "page")]
mod constants;
#[cfg(feature = "page")]
mod dom;
#[cfg(any(feature = "page", feature = "checker"))]
mod example;
#[cfg(feature = "page")]
mod i18n;
#[cfg(any(feature = "page", feature = "importer"))]
mod importer;
#[cfg(feature = "page")]
mod report;
#[cfg(any(feature = "page", feature = "checker"))]
mod review_lines;
#[cfg(feature = "page")]
mod settings;
#[cfg(feature = "page")]
mod state;
#[cfg(feature = "page")]
mod views;
#[cfg(any(feature = "page", feature = "checker"))]
mod worker;

fn main() {
    // A module with both features may also run in the checking worker, where there is no page;
    // the checker alone mounts nothing.
    #[cfg(feature = "page")]
    if !worker::in_worker() {
        leptos::mount::mount_to_body(app::App);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use kpiform_testkit::imports::{crate_imports, cycles, modules, owner};

    /// The modules import each other in one direction only: the shell, then the views, the
    /// state and the worker, then the leaves.
    #[test]
    fn no_import_cycles() {
        let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let found = cycles(src);
        let modules = modules(src);
        let mut report = String::new();
        for cycle in &found {
            report.push_str(&format!("cycle: {}\n", cycle.join(", ")));
            for import in crate_imports(src) {
                let to = owner(&modules, &import.to);
                if cycle.contains(&import.from) && to.is_some_and(|m| cycle.contains(&m)) {
                    report.push_str(&format!("  {import}\n"));
                }
            }
        }
        assert!(
            found.is_empty(),
            "import cycles among the page's modules:\n{report}"
        );
    }
}
