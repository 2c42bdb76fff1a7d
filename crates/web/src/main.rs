//! kpiform page: paste 绩效目标申报表 text, see the forms the core reads and the problems it finds.
//!
//! Client-side only (Leptos CSR): the pasted text never leaves the browser.

/// `view!` with the scoped class `kp` on every element. Use it instead of `view!` in this crate.
///
/// Plain `view!` turns a fully static subtree (say `<span class="dot"></span>`) into an HTML
/// string that it instantiates through `innerHTML`. The page runs under Trusted Types (CSP in
/// `index.html`), where any `innerHTML` assignment throws, and so the page would fail to start.
/// With a scoped class Leptos creates every element with `createElement`.
macro_rules! safe_view {
    ($($body:tt)*) => {
        ::leptos::view! { class = "kp", $($body)* }
    };
}

mod app;
mod constants;
mod dom;
mod example;
mod i18n;
mod report;
mod settings;
mod state;
mod views;
mod worker;

fn main() {
    // The same module also runs in the checking worker (see `worker`), where there is no page.
    if worker::entry::in_worker() {
        return;
    }
    leptos::mount::mount_to_body(app::App);
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
