//! kpiform's build and test tasks: `cargo xtask <task>` (the alias is in .cargo/config.toml).
//!
//! Standard library only, so that it compiles in seconds on a fresh machine; `scripts/setup.sh`
//! installs the tools (Trunk, the wasm-bindgen CLI, wasm-opt, Chromium, npm and Python packages)
//! and `serve` and `test` run it first. Every task runs from the workspace root with
//! `~/.cargo/bin` and `.tools/node_modules/.bin` first on PATH.

mod codegen;
mod proc;
mod tasks;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The tasks with their arguments and one line each, as `cargo xtask help` prints them.
const TASKS: &[(&str, &str)] = &[
    (
        "serve",
        "install what is missing, build the page (release), serve it on 127.0.0.1:$PORT",
    ),
    (
        "test",
        "install what is missing, run every test (fmt, clippy, cargo, Node, Python, e2e)",
    ),
    (
        "dist",
        "build dist/: the page, dist/kpiform.html (one file) and dist/api/",
    ),
    (
        "api [OUT]",
        "build the JavaScript API (module, wasm, types, example) into OUT (dist/api)",
    ),
    (
        "checker [DIR]",
        "build the checker and importer modules into DIR (Trunk's staging directory; Trunk.toml runs it)",
    ),
    (
        "e2e [page|dist]",
        "browser tests: the page (release build), then the single file and the API page",
    ),
    (
        "codegen",
        "regenerate site/rules/ (the rule pages) from the core's rule registry",
    ),
    ("help", "print this list"),
];

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
enum Task {
    Help,
    Serve,
    Test,
    Dist,
    Api { out: String },
    Checker { dir: Option<String> },
    E2e { page: bool, dist: bool },
    Codegen,
}

fn parse(args: &[String]) -> Result<Task, String> {
    let (name, rest) = match args.split_first() {
        None => return Ok(Task::Help),
        Some((name, rest)) => (name.as_str(), rest),
    };
    let no_args = |task: Task| {
        if rest.is_empty() {
            Ok(task)
        } else {
            Err(format!(
                "`{name}` takes no arguments (got `{}`)",
                rest.join(" ")
            ))
        }
    };
    match name {
        "help" | "-h" | "--help" => no_args(Task::Help),
        "serve" => no_args(Task::Serve),
        "test" => no_args(Task::Test),
        "dist" => no_args(Task::Dist),
        "codegen" => no_args(Task::Codegen),
        "api" => match rest {
            [] => Ok(Task::Api {
                out: "dist/api".to_string(),
            }),
            [out] if !out.starts_with('-') => Ok(Task::Api { out: out.clone() }),
            _ => Err(format!(
                "usage: cargo xtask api [OUT] (got `{}`)",
                rest.join(" ")
            )),
        },
        "checker" => match rest {
            [] => Ok(Task::Checker { dir: None }),
            [dir] if !dir.starts_with('-') => Ok(Task::Checker {
                dir: Some(dir.clone()),
            }),
            _ => Err(format!(
                "usage: cargo xtask checker [DIR] (got `{}`)",
                rest.join(" ")
            )),
        },
        "e2e" => match rest {
            [] => Ok(Task::E2e {
                page: true,
                dist: true,
            }),
            [which] if which == "page" => Ok(Task::E2e {
                page: true,
                dist: false,
            }),
            [which] if which == "dist" => Ok(Task::E2e {
                page: false,
                dist: true,
            }),
            _ => Err(format!(
                "usage: cargo xtask e2e [page|dist] (got `{}`)",
                rest.join(" ")
            )),
        },
        other => Err(format!("unknown task `{other}`")),
    }
}

fn help() -> String {
    let mut text = String::from("usage: cargo xtask <task>\n\ntasks:\n");
    let width = TASKS.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, line) in TASKS {
        text.push_str(&format!("  {name:<width$}  {line}\n"));
    }
    text.push_str(
        "\nenvironment: PORT=8080 (serve), PROPTEST_CASES=2000 (test), KPIFORM_UPDATE_SCREENSHOT=1\n\
         (e2e: also copy the corpus 000 screenshot to docs/screenshot.png)\n",
    );
    text
}

/// The workspace root: xtask lives in crates/xtask.
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .ancestors()
        .nth(2)
        .expect("crates/xtask has a workspace root two levels up")
        .to_path_buf()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = match parse(&args) {
        Ok(task) => task,
        Err(message) => {
            eprintln!("xtask: {message}\n\n{}", help());
            return ExitCode::from(2);
        }
    };
    if task == Task::Help {
        print!("{}", help());
        return ExitCode::SUCCESS;
    }
    let root = workspace_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::FAILURE;
    }
    proc::prepend_tool_paths(&root);
    let result = match task {
        Task::Help => unreachable!("handled above"),
        Task::Serve => tasks::serve(&root),
        Task::Test => tasks::test(&root),
        Task::Dist => tasks::dist(&root),
        Task::Api { out } => tasks::api(&root, Path::new(&out)),
        Task::Checker { dir } => tasks::checker(dir.as_deref().map(Path::new)),
        Task::E2e { page, dist } => tasks::e2e(&root, page, dist),
        Task::Codegen => codegen::codegen(&root),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failed) => {
            if let Some(message) = &failed.message {
                eprintln!("xtask: {message}");
            }
            ExitCode::from(failed.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_every_task_and_rejects_the_rest() {
        assert_eq!(parse(&args("")), Ok(Task::Help));
        assert_eq!(parse(&args("--help")), Ok(Task::Help));
        assert_eq!(parse(&args("test")), Ok(Task::Test));
        assert_eq!(parse(&args("serve")), Ok(Task::Serve));
        assert_eq!(parse(&args("codegen")), Ok(Task::Codegen));
        assert_eq!(parse(&args("checker")), Ok(Task::Checker { dir: None }));
        assert_eq!(
            parse(&args("checker out")),
            Ok(Task::Checker {
                dir: Some("out".into())
            })
        );
        assert_eq!(
            parse(&args("api")),
            Ok(Task::Api {
                out: "dist/api".into()
            })
        );
        assert_eq!(
            parse(&args("api out/x")),
            Ok(Task::Api {
                out: "out/x".into()
            })
        );
        assert_eq!(
            parse(&args("e2e")),
            Ok(Task::E2e {
                page: true,
                dist: true
            })
        );
        assert_eq!(
            parse(&args("e2e dist")),
            Ok(Task::E2e {
                page: false,
                dist: true
            })
        );
        assert!(parse(&args("e2e both")).is_err());
        assert!(parse(&args("test --release")).is_err());
        assert!(parse(&args("api --out x")).is_err());
        assert!(parse(&args("build")).is_err());
    }

    #[test]
    fn help_lists_every_task_on_one_line() {
        let text = help();
        for (name, _) in TASKS {
            let task = name.split(' ').next().unwrap();
            assert_eq!(
                text.lines()
                    .filter(|l| l.starts_with(&format!("  {task} ")))
                    .count(),
                1,
                "{task}"
            );
            if *name != "help" {
                assert!(parse(&args(task)).is_ok(), "{task}");
            }
        }
    }
}
