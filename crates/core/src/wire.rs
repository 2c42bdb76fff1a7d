//! The checked document as bytes, to hand it from one thread to another (the page checks in a
//! Web Worker and renders on the main thread).
//!
//! This is not a public format like [`crate::json`]: both ends are the same build of kpiform, so
//! the encoding follows the model as it is (postcard, a compact positional encoding) and may
//! change with any release. Only what cannot be rebuilt is sent: the [`LineIndex`] is computed
//! again from the text, and a diagnostic's rule travels as its code.

use serde::{
    de::{DeserializeOwned, Error as _},
    Deserialize, Serialize,
};

use crate::export::{ExportFile, MIMES};
use crate::model::Document;
use crate::span::LineIndex;

/// Bytes that do not decode: the two ends are not the same build, or the bytes were cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "undecodable message: {}", self.0)
    }
}

impl std::error::Error for WireError {}

/// Encode any value of the model (or the page's messages built from it).
pub fn to_bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // Serializing into a Vec fails only for types postcard cannot express (maps with unknown
    // length and the like), which the model does not contain; an empty message then decodes
    // as an error on the other side instead of a panic here.
    postcard::to_allocvec(value).unwrap_or_default()
}

/// Decode what [`to_bytes`] produced.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WireError> {
    postcard::from_bytes(bytes).map_err(|e| WireError(e.to_string()))
}

/// Decode a document checked from `text`, with its line index rebuilt.
pub fn document_from_bytes(bytes: &[u8], text: &str) -> Result<Document, WireError> {
    let mut doc: Document = from_bytes(bytes)?;
    restore(&mut doc, text);
    Ok(doc)
}

/// Rebuild what a decoded document of `text` was sent without (its line index).
pub fn restore(doc: &mut Document, text: &str) {
    doc.lines = LineIndex::new(text);
}

/// What changed from one check of a [`Checker`](crate::rules::Checker) to the next, to bring the
/// other side's copy of the earlier document up to date without sending it whole: the forms
/// taken over are named by their place in the earlier document (and how far they moved), only
/// the forms read again travel, with the findings outside forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    pub forms: Vec<Part>,
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
    pub budget_year: Option<u16>,
    pub files: Vec<crate::model::Text>,
}

/// A run of forms of the new document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// `count` forms of the earlier document from `from` on, moved by `by` bytes, their
    /// findings as they were.
    Kept {
        from: usize,
        count: usize,
        by: isize,
    },
    /// A form of the earlier document, moved by `by`, with these findings.
    Refound {
        from: usize,
        by: isize,
        diagnostics: Vec<crate::diagnostic::Diagnostic>,
    },
    /// A form read again.
    Read(crate::model::Form),
}

impl Patch {
    /// How the checker's last document differs from the one before it.
    pub fn of(checker: &crate::rules::Checker) -> Patch {
        use crate::rules::Origin;
        let doc = checker.document();
        let mut forms: Vec<Part> = Vec::new();
        for (form, origin) in doc.forms.iter().zip(checker.origins()) {
            match *origin {
                Origin::Read => forms.push(Part::Read(form.clone())),
                Origin::Kept {
                    from,
                    by,
                    same_findings: false,
                } => forms.push(Part::Refound {
                    from,
                    by,
                    diagnostics: form.diagnostics.clone(),
                }),
                Origin::Kept {
                    from,
                    by,
                    same_findings: true,
                } => match forms.last_mut() {
                    Some(Part::Kept {
                        from: f,
                        count,
                        by: b,
                    }) if *b == by && *f + *count == from => *count += 1,
                    _ => forms.push(Part::Kept { from, count: 1, by }),
                },
            }
        }
        Patch {
            forms,
            diagnostics: doc.diagnostics.clone(),
            budget_year: doc.budget_year,
            files: doc.files.clone(),
        }
    }

    /// The new document of `text`, made from the earlier one (taken apart: its forms move into
    /// the new one). An error when the patch does not fit it (a form it names is not there, or
    /// is named twice): the two sides are out of step.
    pub fn apply(self, earlier: Document, text: &str) -> Result<Document, WireError> {
        let mut doc = self.assemble(earlier)?.0;
        restore(&mut doc, text);
        Ok(doc)
    }

    /// As [`Patch::apply`], when the earlier document was of `earlier_text`: its line index is
    /// mended where the texts differ ([`LineIndex::edited`]) instead of made again.
    pub fn apply_edited(
        self,
        earlier: Document,
        earlier_text: &str,
        text: &str,
    ) -> Result<Document, WireError> {
        let changed = crate::span::difference(earlier_text, text);
        self.apply_changed(earlier, changed, text)
    }

    /// As [`Patch::apply_edited`], with the difference of the texts given (`start..old_end`
    /// of the earlier text is `start..new_end` of `text`, [`difference`]).
    ///
    /// [`difference`]: crate::span::difference
    pub fn apply_changed(
        self,
        earlier: Document,
        (start, old_end, new_end): (usize, usize, usize),
        text: &str,
    ) -> Result<Document, WireError> {
        let (mut doc, lines) = self.assemble(earlier)?;
        doc.lines = lines.edited(text, start, old_end, new_end);
        Ok(doc)
    }

    /// The new document without its line index, and the earlier one's.
    fn assemble(self, earlier: Document) -> Result<(Document, LineIndex), WireError> {
        let mut old: Vec<Option<crate::model::Form>> =
            earlier.forms.into_iter().map(Some).collect();
        let mut take = |i: usize, by: isize| {
            let mut form = old.get_mut(i).and_then(Option::take).ok_or_else(|| {
                WireError(format!("the patch names form {i}, which is not there"))
            })?;
            if by != 0 {
                form.shift(by);
            }
            Ok::<_, WireError>(form)
        };
        let mut forms = Vec::new();
        for part in self.forms {
            match part {
                Part::Kept { from, count, by } => {
                    for i in from..from.saturating_add(count) {
                        forms.push(take(i, by)?);
                    }
                }
                Part::Refound {
                    from,
                    by,
                    diagnostics,
                } => {
                    let mut form = take(from, by)?;
                    form.diagnostics = diagnostics;
                    forms.push(form);
                }
                Part::Read(form) => forms.push(form),
            }
        }
        let doc = Document {
            forms,
            diagnostics: self.diagnostics,
            lines: LineIndex::default(),
            budget_year: self.budget_year,
            files: self.files,
        };
        Ok((doc, earlier.lines))
    }
}

/// `Diagnostic::rule` as its code, looked up again in the registry.
pub(crate) mod rule {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    use crate::diagnostic::RuleInfo;
    use crate::rules::by_code;

    pub fn serialize<S: Serializer>(rule: &&'static RuleInfo, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(rule.code)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static RuleInfo, D::Error> {
        let code = <&str>::deserialize(d)?;
        by_code(code).ok_or_else(|| D::Error::custom(format!("unknown rule {code}")))
    }
}

/// An exported file as (name, media type, bytes); the media type is mapped back to the core's
/// constant (a derive cannot: serde would borrow a `&'static str` field from the input).
impl Serialize for ExportFile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.name, self.mime, &self.bytes).serialize(s)
    }
}

impl<'de> Deserialize<'de> for ExportFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (name, mime, bytes) = <(String, String, Vec<u8>)>::deserialize(d)?;
        let mime = MIMES
            .into_iter()
            .find(|m| *m == mime)
            .ok_or_else(|| D::Error::custom(format!("unknown media type {mime}")))?;
        Ok(ExportFile { name, mime, bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Options};

    use kpiform_testkit::TEXTS as CORPUS;

    #[test]
    fn a_checked_corpus_survives_the_trip() {
        for text in CORPUS {
            let doc = check(text, &Options::default());
            let bytes = to_bytes(&doc);
            let back = document_from_bytes(&bytes, text).unwrap();
            assert_eq!(back.forms, doc.forms);
            assert_eq!(back.diagnostics, doc.diagnostics);
            assert_eq!(back.budget_year, doc.budget_year);
            assert!(doc.all_diagnostics().count() > 0);
            for d in back.all_diagnostics() {
                assert_eq!(
                    back.lines.line_col(text, d.span.start),
                    doc.lines.line_col(text, d.span.start)
                );
            }
        }
    }

    #[test]
    fn options_survive_the_trip() {
        let options = Options {
            budget_year: Some(2026),
            select: vec!["A".into()],
            ignore: vec!["A005".into()],
            severity: vec![("A001".into(), crate::Severity::Info)],
        };
        assert_eq!(from_bytes::<Options>(&to_bytes(&options)).unwrap(), options);
    }

    #[test]
    fn exported_files_survive_the_trip() {
        use crate::export::{export, ExportOptions, Format, Input};
        let options = ExportOptions {
            apply_suggested: true,
            lang: crate::Lang::En,
            ..ExportOptions::default()
        };
        assert_eq!(
            from_bytes::<ExportOptions>(&to_bytes(&options)).unwrap(),
            options
        );
        for format in Format::ALL {
            assert_eq!(from_bytes::<Format>(&to_bytes(&format)).unwrap(), format);
            let input = Input {
                path: "p",
                text: CORPUS[0],
            };
            let files = export(&[input], format, &options);
            assert_eq!(
                from_bytes::<Vec<ExportFile>>(&to_bytes(&files)).unwrap(),
                files
            );
        }
    }

    #[test]
    fn cut_or_foreign_bytes_are_an_error() {
        let doc = check(CORPUS[0], &Options::default());
        let bytes = to_bytes(&doc);
        assert!(document_from_bytes(&bytes[..bytes.len() / 2], CORPUS[0]).is_err());
        assert!(document_from_bytes(&[0xff; 16], CORPUS[0]).is_err());
    }
}
