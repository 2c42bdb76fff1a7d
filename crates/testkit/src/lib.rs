//! What kpiform's tests, benches and examples share (a dev-dependency only; never shipped):
//!
//! - [`CORPUS`]: the four real Shenzhen dumps in `tests/fixtures/corpus`, defined once;
//! - [`imports`]: the `crate::` paths each module of a crate names, for the tests that keep the
//!   core's layers and the page's modules free of arrows that go up or round in a circle.

pub mod imports;

/// One file of the corpus: its file name and its text.
#[derive(Debug, Clone, Copy)]
pub struct CorpusFile {
    /// The file name in `tests/fixtures/corpus/`, e.g. `000_9a8050d2e31200e0.txt`.
    pub file: &'static str,
    /// The text, as on disk (UTF-8).
    pub text: &'static str,
}

impl CorpusFile {
    /// The short name: the number before the underscore (`000`).
    pub fn short(&self) -> &'static str {
        self.file.split('_').next().unwrap_or(self.file)
    }

    /// The file's path on disk (for tests of the CLI, which reads files).
    pub fn path(&self) -> String {
        format!("{CORPUS_DIR}/{}", self.file)
    }
}

/// The folder of the corpus files.
pub const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/corpus");

macro_rules! corpus {
    ($($file:literal),* $(,)?) => {
        /// The corpus: 42 forms from Shenzhen districts, budget years 2023–2026 (see
        /// `../shared/domain.md`).
        pub const CORPUS: [CorpusFile; [$($file),*].len()] = [$(CorpusFile {
            file: $file,
            text: include_str!(concat!("../../../tests/fixtures/corpus/", $file)),
        }),*];

        /// The texts of the corpus files, in the same order.
        pub const TEXTS: [&str; [$($file),*].len()] =
            [$(include_str!(concat!("../../../tests/fixtures/corpus/", $file))),*];
    };
}

corpus!(
    "000_9a8050d2e31200e0.txt",
    "001_8de26ab3fb50a26b.txt",
    "002_504b0ed3bb28be2b.txt",
    "003_d1b95c24a67cc619.txt",
);

/// A corpus file by its short name (`"003"`).
pub fn corpus(short: &str) -> CorpusFile {
    CORPUS
        .iter()
        .copied()
        .find(|f| f.short() == short)
        .unwrap_or_else(|| panic!("no corpus file {short}"))
}

/// The whole corpus as one paste, the files joined by a blank line.
pub fn corpus_all() -> String {
    CORPUS.iter().map(|f| f.text).collect::<Vec<_>>().join("\n")
}

/// A district's paste: the whole corpus repeated to about 5 MB; and the same with one character
/// inserted in its middle (the edit of the incremental check's benchmark and profile).
pub fn district() -> (String, String) {
    let all = corpus_all();
    let big = all.repeat((5_000_000 / all.len()).max(1));
    let half = (big.len() / 2..)
        .find(|&i| big.is_char_boundary(i))
        .unwrap_or(0);
    let edited = format!("{}9{}", &big[..half], &big[half..]);
    (big, edited)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_on_disk_as_listed() {
        let mut on_disk: Vec<String> = std::fs::read_dir(CORPUS_DIR)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = CORPUS.iter().map(|f| f.file).collect();
        assert_eq!(on_disk, listed);
        assert_eq!(TEXTS, CORPUS.map(|f| f.text));
        for f in CORPUS {
            assert_eq!(std::fs::read_to_string(f.path()).unwrap(), f.text);
        }
        assert_eq!(corpus("001").file, "001_8de26ab3fb50a26b.txt");
    }
}
