//! The `crate::` paths that each module of a crate names, read from its source files.
//!
//! Enough of Rust is understood to be exact on kpiform's own code: comments, string, raw string
//! and character literals are blanked first; `use crate::{a::b, c::{d, e}}` groups are expanded;
//! `super::` is resolved against the module's own path; items under `#[cfg(test)]` (a test module
//! in the file, or a test-only `mod x;` and its file) are left out, since tests may reach up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One path a module names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The module that names it (`parse::form`; the crate root is `""`).
    pub from: String,
    /// The path named, from the crate root (`rules::structure::Unplaced`).
    pub to: String,
    /// Where: the file and its 1-based line.
    pub file: PathBuf,
    pub line: usize,
}

impl std::fmt::Display for Import {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: `{}` uses `crate::{}`",
            self.file.display(),
            self.line,
            if self.from.is_empty() {
                "crate"
            } else {
                &self.from
            },
            self.to
        )
    }
}

/// Every module (file) of the crate under `src` with its path, test-only modules left out.
pub fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut files = Vec::new();
    walk(src, &mut files);
    let mut all: BTreeMap<String, PathBuf> = files
        .into_iter()
        .map(|f| (module_path(src, &f), f))
        .collect();
    // Test-only `mod x;` declarations hide their files (and those files' children).
    let mut hidden = BTreeSet::new();
    for (module, file) in &all {
        let code = blank(&std::fs::read_to_string(file).unwrap_or_default());
        for name in test_only_mods(&code) {
            hidden.insert(join(module, &name));
        }
    }
    all.retain(|m, _| {
        !hidden
            .iter()
            .any(|h| m == h || m.starts_with(&format!("{h}::")))
    });
    all
}

/// Every `crate::` path named outside test code, by every module under `src`.
pub fn crate_imports(src: &Path) -> Vec<Import> {
    let mut out = Vec::new();
    for (module, file) in modules(src) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let code = without_test_items(&blank(&text));
        for (line, to) in paths(&code, &module) {
            out.push(Import {
                from: module.clone(),
                to,
                file: file.clone(),
                line,
            });
        }
    }
    out
}

/// The import cycles among the modules (files) under `src`: each strongly connected group of
/// more than one module, as a sorted list. A module naming its own submodules (`mod.rs`
/// re-exporting them) is structure, not an arrow, and does not count.
pub fn cycles(src: &Path) -> Vec<Vec<String>> {
    let modules = modules(src);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for i in crate_imports(src) {
        let Some(target) = owner(&modules, &i.to) else {
            continue;
        };
        let below = |a: &str, b: &str| a.is_empty() || b == a || b.starts_with(&format!("{a}::"));
        if below(&i.from, &target) {
            continue;
        }
        edges.entry(i.from).or_default().insert(target);
    }
    strongly_connected(&modules.keys().cloned().collect::<Vec<_>>(), &edges)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect()
}

/// The module (file) that holds `path`: its longest prefix that is a module.
pub fn owner(modules: &BTreeMap<String, PathBuf>, path: &str) -> Option<String> {
    let mut p = path.to_string();
    loop {
        if modules.contains_key(&p) {
            return Some(p);
        }
        match p.rfind("::") {
            Some(i) => p.truncate(i),
            None => return modules.contains_key("").then(String::new),
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn module_path(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}::{b}")
    }
}

/// The text with comments and the contents of string and character literals replaced by spaces
/// (line breaks kept, so positions and line numbers stay).
pub fn blank(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                keep(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    keep(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && matches!(next, Some('"' | '#'))
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
            && raw_string_start(&c, i).is_some()
        {
            let hashes = raw_string_start(&c, i).unwrap_or(0);
            // r, the hashes and the quote
            for _ in 0..hashes + 2 {
                out.push(' ');
            }
            i += hashes + 2;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|h| c.get(i + h) == Some(&'#')) {
                    for _ in 0..hashes + 1 {
                        out.push(' ');
                    }
                    i += hashes + 1;
                    break;
                }
                keep(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    keep(&mut out, c[i]);
                    i += 1;
                }
                if i < c.len() {
                    keep(&mut out, c[i]);
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' {
            // A character literal ('x', '\n', '\u{..}'), not a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..c.len().min(i + 12)).find(|&j| c[j] == '\'')
            } else if c.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    for _ in i..=e {
                        out.push(' ');
                    }
                    i = e + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The number of `#` of a raw string starting at `i` (`r"`, `r#"`), if one does.
fn raw_string_start(c: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while c.get(j) == Some(&'#') {
        j += 1;
    }
    (c.get(j) == Some(&'"')).then_some(j - i - 1)
}

/// The names of `mod x;` declarations marked `#[cfg(test)]`.
fn test_only_mods(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut after_cfg_test = false;
    for line in code.lines() {
        let t = line.trim();
        if t == "#[cfg(test)]" {
            after_cfg_test = true;
            continue;
        }
        if after_cfg_test {
            let decl = t
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ")
                .strip_prefix("mod ");
            if let Some(name) = decl.and_then(|d| d.strip_suffix(';')) {
                out.push(name.trim().to_string());
            }
            if !t.starts_with("#[") {
                after_cfg_test = false;
            }
        }
    }
    out
}

/// The code with every item under `#[cfg(test)]` blanked (up to its closing brace or `;`).
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut skipping = false;
    let mut depth = 0i32;
    let mut opened = false;
    for line in code.split_inclusive('\n') {
        if !skipping && line.trim() == "#[cfg(test)]" {
            skipping = true;
            depth = 0;
            opened = false;
        }
        if skipping {
            for ch in line.chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            let t = line.trim();
            if (opened && depth <= 0) || (!opened && t.ends_with(';')) {
                skipping = false;
            }
            out.push('\n');
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Every `crate::…` and `super::…` path in blanked code, resolved from the crate root, with its
/// line (groups `{a, b::c}` expanded).
fn paths(code: &str, module: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let starts_word = |i: usize| {
        i == 0
            || !(c[i - 1].is_alphanumeric()
                || c[i - 1] == '_'
                || c[i - 1] == '$'
                || c[i - 1] == ':')
    };
    while i < c.len() {
        if c[i] == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if starts_word(i) {
            let base = if word_at(&c, i, "crate::") {
                Some((String::new(), i + 7))
            } else if word_at(&c, i, "super::") {
                let mut m: Vec<&str> = if module.is_empty() {
                    Vec::new()
                } else {
                    module.split("::").collect()
                };
                let mut j = i;
                while word_at(&c, j, "super::") {
                    m.pop();
                    j += 7;
                }
                Some((m.join("::"), j))
            } else {
                None
            };
            if let Some((prefix, j)) = base {
                let mut found = Vec::new();
                let end = tree(&c, j, &prefix, &mut found);
                out.extend(found.into_iter().map(|p| (line, p)));
                // Count the line breaks inside a multi-line group.
                line += c[i..end].iter().filter(|&&ch| ch == '\n').count();
                i = end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

fn word_at(c: &[char], i: usize, w: &str) -> bool {
    w.chars()
        .enumerate()
        .all(|(k, ch)| c.get(i + k) == Some(&ch))
}

fn skip_space(c: &[char], mut i: usize) -> usize {
    while i < c.len() && c[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Read a use tree at `i` (`a::b`, `a::{b, c::d}`, `self`), pushing the full paths; returns
/// where it ends.
fn tree(c: &[char], i: usize, prefix: &str, out: &mut Vec<String>) -> usize {
    let mut i = skip_space(c, i);
    let mut path = prefix.to_string();
    loop {
        if c.get(i) == Some(&'{') {
            i += 1;
            loop {
                i = skip_space(c, i);
                match c.get(i) {
                    Some('}') => return i + 1,
                    Some(',') => i += 1,
                    None => return i,
                    _ => i = tree(c, i, &path, out),
                }
            }
        }
        let start = i;
        while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
            i += 1;
        }
        let ident: String = c[start..i].iter().collect();
        if ident.is_empty() {
            if c.get(i) == Some(&'*') {
                i += 1;
            }
            break;
        }
        if ident != "self" {
            path = join(&path, &ident);
        }
        if word_at(c, i, "::") {
            i += 2;
        } else {
            break;
        }
    }
    if !path.is_empty() {
        out.push(path);
    }
    i
}

/// Tarjan's strongly connected components.
fn strongly_connected(
    nodes: &[String],
    edges: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<Vec<String>> {
    struct St<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on: BTreeSet<String>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit(s: &mut St, v: &str) {
        s.index.insert(v.to_string(), s.next);
        s.low.insert(v.to_string(), s.next);
        s.next += 1;
        s.stack.push(v.to_string());
        s.on.insert(v.to_string());
        let targets: Vec<String> = s
            .edges
            .get(v)
            .map(|t| t.iter().cloned().collect())
            .unwrap_or_default();
        for w in targets {
            if !s.index.contains_key(&w) {
                visit(s, &w);
                let lw = s.low[&w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on.contains(&w) {
                let iw = s.index[&w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(&w);
                let done = w == v;
                group.push(w);
                if done {
                    break;
                }
            }
            group.sort();
            s.out.push(group);
        }
    }
    let mut s = St {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for n in nodes {
        if !s.index.contains_key(n) {
            visit(&mut s, n);
        }
    }
    s.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp_crate(files: &[(&str, &str)]) -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "kpiform-testkit-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn reads_groups_super_and_inline_paths() {
        let dir = tmp_crate(&[
            ("lib.rs", "mod a;\nmod b;\n#[cfg(test)]\nmod testing;\n"),
            (
                "a/mod.rs",
                "use crate::{b::{X, y::Z}, c};\nuse super::top;\nmod inner;\n",
            ),
            (
                "a/inner.rs",
                "use super::super::b::W;\nfn f() { crate::b::g(); let s = \"crate::fake\"; } // crate::comment\n#[cfg(test)]\nmod tests {\n    use crate::testing::T;\n}\n",
            ),
            ("b.rs", "fn f() -> char { '{' }\nuse crate::a::inner::Q;\n"),
            ("testing.rs", "use crate::a::Secret;\n"),
        ]);
        let got: Vec<(String, String, usize)> = crate_imports(&dir)
            .into_iter()
            .map(|i| (i.from, i.to, i.line))
            .collect();
        let want = [
            ("a", "b::X", 1),
            ("a", "b::y::Z", 1),
            ("a", "c", 1),
            ("a", "top", 2),
            ("a::inner", "b::W", 1),
            ("a::inner", "b::g", 2),
            ("b", "a::inner::Q", 2),
        ];
        let want: Vec<(String, String, usize)> = want
            .iter()
            .map(|(a, b, l)| (a.to_string(), b.to_string(), *l))
            .collect();
        assert_eq!(got, want);
        // b → a::inner and a::inner → b: one cycle; a → b is part of it only through a::inner.
        assert_eq!(
            cycles(&dir),
            vec![vec!["a::inner".to_string(), "b".to_string()]]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn blanks_literals_but_not_lifetimes() {
        let code = blank("fn f<'a>(x: &'a str) -> char { let _ = r#\"crate::x\"#; '}' }");
        assert!(code.contains("<'a>"));
        assert!(!code.contains("crate::x"));
        assert_eq!(code.matches('{').count(), code.matches('}').count());
    }
}
