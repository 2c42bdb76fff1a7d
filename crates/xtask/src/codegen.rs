//! `cargo xtask codegen`: the generated files that are committed. Today only site/rules/, the
//! rule documentation pages, which come from the core's rule registry.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::proc::{Failed, Result};

/// The rule pages, (file name, contents): the one place xtask names the core's API for them.
fn rule_pages() -> Vec<(String, String)> {
    kpiform_core::docs::site_files()
}

pub fn codegen(root: &Path) -> Result {
    println!("==> site/rules/ (the rule pages)");
    let report = write_dir(&root.join("site/rules"), &rule_pages())
        .map_err(|e| Failed::new(format!("codegen: {e}")))?;
    for name in &report.written {
        println!("    wrote site/rules/{name}");
    }
    for name in &report.removed {
        println!("    removed site/rules/{name}");
    }
    println!(
        "    {} files, {} rewritten, {} removed",
        report.files,
        report.written.len(),
        report.removed.len()
    );
    Ok(())
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Report {
    files: usize,
    written: Vec<String>,
    removed: Vec<String>,
}

/// Makes `dir` hold exactly `files`: writes those whose contents differ (unchanged files keep
/// their modification time) and removes the `.html` files that are no longer generated.
fn write_dir(dir: &Path, files: &[(String, String)]) -> std::io::Result<Report> {
    fs::create_dir_all(dir)?;
    let mut report = Report {
        files: files.len(),
        ..Report::default()
    };
    for (name, contents) in files {
        let path = dir.join(name);
        if fs::read(&path).ok().as_deref() != Some(contents.as_bytes()) {
            fs::write(&path, contents)?;
            report.written.push(name.clone());
        }
    }
    let generated: BTreeSet<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let mut stale = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") && !generated.contains(name.as_str()) {
            stale.push(name);
        }
    }
    stale.sort();
    for name in stale {
        fs::remove_file(dir.join(&name))?;
        report.removed.push(name);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_changed_and_removes_stale_pages() {
        let dir = crate::proc::TempDir::new("xtask-codegen").unwrap();
        let dir = dir.path();
        fs::write(dir.join("A001.html"), "same").unwrap();
        fs::write(dir.join("A002.html"), "old").unwrap();
        fs::write(dir.join("Z999.html"), "a rule that is gone").unwrap();
        fs::write(dir.join("notes.txt"), "not a page").unwrap();
        let files = [
            ("A001.html".to_string(), "same".to_string()),
            ("A002.html".to_string(), "new".to_string()),
            ("rules.css".to_string(), "css".to_string()),
        ];
        let report = write_dir(dir, &files).unwrap();
        assert_eq!(
            report,
            Report {
                files: 3,
                written: vec!["A002.html".into(), "rules.css".into()],
                removed: vec!["Z999.html".into()],
            }
        );
        assert_eq!(fs::read_to_string(dir.join("A002.html")).unwrap(), "new");
        assert!(!dir.join("Z999.html").exists());
        assert!(dir.join("notes.txt").exists());
        assert_eq!(write_dir(dir, &files).unwrap().written.len(), 0);
    }

    #[test]
    fn the_rule_pages_are_an_index_a_style_sheet_and_one_page_per_rule() {
        let names: Vec<String> = rule_pages().into_iter().map(|(name, _)| name).collect();
        assert!(names.iter().any(|n| n == "index.html"));
        assert!(names.iter().any(|n| n == "rules.css"));
        assert!(names.iter().all(|n| !n.contains('/') && !n.contains('\\')));
    }
}
