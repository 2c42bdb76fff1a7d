//! kpiform-import: what users have (workbooks, Word documents, saved web pages, CSV, text files,
//! the table on the clipboard) read into the text the checker reads.
//!
//! Bytes in, text out; no IO. Every table becomes the canonical layout the parser reads best: one
//! row per line, cells separated by tabs, a merged cell's value in its first cell and the cells it
//! covers empty (as Excel itself copies a merged cell). Paragraphs around tables stay lines of
//! their own, in order. What the import had to change (a line break inside a cell turned into a
//! space, a hidden sheet left out, an error value) is listed as a [`Note`], so the user sees it.
//!
//! What cannot be read (a PDF, an image, an old binary Word document, an encrypted workbook, a
//! damaged file, random bytes) is a [`Refusal`] with a message in Chinese and English that says
//! what to do instead; it is never decoded into mojibake.

mod biff;
mod csv;
mod docx;
mod grid;
mod html;
mod sheet;
mod sniff;
mod text;

pub use grid::Note;
pub use sniff::Kind;

/// A file read into text.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The text, in the canonical layout for tables.
    pub text: String,
    /// What the file was read as.
    pub kind: Kind,
    /// The encoding of a text file when it was not UTF-8 (`GB18030`, `UTF-16LE` …).
    pub encoding: Option<&'static str>,
    /// What the import changed or left out, by line of `text`.
    pub notes: Vec<Note>,
    /// How many tables the file held (sheets with cells count as tables).
    pub tables: usize,
}

impl Imported {
    /// The blocks of a document rendered into the canonical text.
    pub(crate) fn of(kind: Kind, encoding: Option<&'static str>, blocks: &[grid::Block]) -> Self {
        let (text, notes, tables) = grid::render(blocks);
        Imported {
            text,
            kind,
            encoding,
            notes,
            tables,
        }
    }
}

/// Why a file cannot be read, and what the user can do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A PDF: its text must be copied from a PDF viewer.
    Pdf,
    /// An image (PNG, JPEG, GIF, BMP, TIFF, WebP): a scan or a screenshot holds no text.
    Image(&'static str),
    /// A Word 97–2003 document (.doc), a PowerPoint or another OLE file that is no workbook.
    OldOffice(&'static str),
    /// A workbook or document protected by a password.
    Encrypted,
    /// A file of a known kind that is damaged or cut short (the kind, and what was wrong).
    Damaged(Kind, String),
    /// A ZIP archive that is no workbook or document, or another format kpiform does not read.
    Unsupported(&'static str),
    /// Bytes that are no text in any encoding kpiform knows.
    Binary,
}

impl Refusal {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Refusal::Pdf => "这是 PDF 文件，无法直接读取。请在 PDF 阅读器中全选并复制文字，再粘贴到这里。".into(),
            Refusal::Image(what) => format!(
                "这是图片（{what}），其中没有可读取的文字。请打开原始的 Excel、Word 或 PDF 文件，复制其中的文字后粘贴。"
            ),
            Refusal::OldOffice(what) => format!(
                "这是旧版 Office 文件（{what}），无法读取。请用 Word 或 WPS 另存为 .docx（或复制其中的表格）后再打开。"
            ),
            Refusal::Encrypted => {
                "文件设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码后另存，再打开。".into()
            }
            Refusal::Damaged(kind, why) => format!(
                "{} 文件已损坏或不完整，无法读取（{why}）。请重新保存或重新下载该文件。",
                kind.label()
            ),
            Refusal::Unsupported(what) => format!(
                "不支持的文件类型（{what}）。可以打开 .xlsx、.xls、.ods、.docx、.html、.mht、.csv 和 .txt 文件。"
            ),
            Refusal::Binary => "这不是文本文件，也不是可读取的表格或文档，无法读取。".into(),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            Refusal::Pdf => "This is a PDF file, which cannot be read directly. Select all the text in your PDF viewer, copy it and paste it here.".into(),
            Refusal::Image(what) => format!(
                "This is an image ({what}); it holds no text to read. Open the original Excel, Word or PDF file, copy its text and paste it."
            ),
            Refusal::OldOffice(what) => format!(
                "This is an old Office file ({what}), which cannot be read. Save it as .docx in Word or WPS (or copy its table), then open it."
            ),
            Refusal::Encrypted => "The file is protected by a password and cannot be read. Remove the password in Excel or WPS, save it, then open it.".into(),
            Refusal::Damaged(kind, why) => format!(
                "The {} file is damaged or incomplete and cannot be read ({why}). Save or download it again.",
                kind.label()
            ),
            Refusal::Unsupported(what) => format!(
                "Unsupported file type ({what}). kpiform opens .xlsx, .xls, .ods, .docx, .html, .mht, .csv and .txt files."
            ),
            Refusal::Binary => "This is not a text file, nor a workbook or document that can be read.".into(),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.zh(), self.en())
    }
}

/// Read a file: `name` (its file name, for the extension) and its bytes. Never panics.
///
/// The readers below (calamine, zip, quick-xml) are not ours: a damaged file they choke on (the
/// property test found an overflow in calamine's reading of a mangled cell reference) is caught
/// here and refused as damaged. Where panics abort (the page's wasm), the importer module stops
/// instead and the page says the file could not be read; the page itself goes on.
pub fn import(name: &str, bytes: &[u8]) -> Result<Imported, Refusal> {
    let meant = sniff::meant(name);
    match std::panic::catch_unwind(|| read(name, bytes)) {
        Ok(result) => result,
        Err(_) => Err(Refusal::Damaged(
            meant,
            "无法解析的结构 / a structure that cannot be read".into(),
        )),
    }
}

fn read(name: &str, bytes: &[u8]) -> Result<Imported, Refusal> {
    let kind = sniff::sniff(name, bytes)?;
    match kind {
        Kind::Xlsx | Kind::Xlsb | Kind::Xls | Kind::Ods => sheet::read(kind, bytes),
        Kind::Docx => docx::read(bytes),
        Kind::Html | Kind::Mht => {
            let (html, encoding) = if kind == Kind::Mht {
                html::mht_to_html(bytes).ok_or_else(|| {
                    Refusal::Damaged(kind, "no text/html part / 没有网页部分".into())
                })?
            } else {
                html::decode_html(bytes)
            };
            let blocks = html::blocks(&html, None);
            if blocks.is_empty() && html.to_ascii_lowercase().contains("<frameset") {
                // Excel's "web page" of several sheets: the sheets are files of their own.
                return Err(Refusal::Unsupported(
                    "多工作表网页，各表在同名 _files 文件夹中 / a web page of several sheets, each in the _files folder beside it",
                ));
            }
            Ok(Imported::of(kind, encoding, &blocks))
        }
        Kind::Csv => {
            let (s, encoding) = text::decode(bytes)?;
            let blocks = [grid::Block::Table(csv::read(&s))];
            Ok(Imported::of(kind, encoding, &blocks))
        }
        Kind::Text => {
            let (text, encoding) = text::decode(bytes)?;
            Ok(Imported {
                text,
                kind,
                encoding,
                notes: Vec::new(),
                tables: 0,
            })
        }
    }
}

/// A paste with a rich `text/html` flavour (Excel, WPS, Word, a browser's table): the grid rebuilt
/// from the HTML, with the exact values where the HTML shows rounded ones or `####`. `None` when
/// the HTML holds no table (the plain text is then the better paste).
pub fn clipboard(html: &str, plain: &str) -> Option<Imported> {
    let blocks = html::blocks(html, Some(plain));
    if !blocks.iter().any(|b| matches!(b, grid::Block::Table(_))) {
        return None;
    }
    Some(Imported::of(Kind::Html, None, &blocks))
}
