//! What a file is: by its first bytes (and, inside a ZIP or an OLE file, by its parts), the
//! extension only deciding between kinds of text (CSV or plain).

use crate::Refusal;

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Excel 2007+ workbook (.xlsx, .xlsm).
    Xlsx,
    /// Excel binary workbook (.xlsb).
    Xlsb,
    /// Excel 97–2003 workbook (.xls, BIFF8).
    Xls,
    /// OpenDocument spreadsheet (.ods).
    Ods,
    /// Word 2007+ document (.docx).
    Docx,
    /// A web page (.html, .htm; also Excel and Word "saved as web page").
    Html,
    /// A single-file web page (.mht, .mhtml).
    Mht,
    /// Comma-, semicolon-, tab- or pipe-separated values.
    Csv,
    /// Plain text.
    Text,
}

impl Kind {
    /// A short name (also the key in the JavaScript API).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Xlsx => "xlsx",
            Kind::Xlsb => "xlsb",
            Kind::Xls => "xls",
            Kind::Ods => "ods",
            Kind::Docx => "docx",
            Kind::Html => "html",
            Kind::Mht => "mht",
            Kind::Csv => "csv",
            Kind::Text => "text",
        }
    }
}

/// What a file is meant to be by its extension alone (for a message when it cannot be read).
pub(crate) fn meant(name: &str) -> Kind {
    match extension(name).as_str() {
        "xlsx" | "xlsm" => Kind::Xlsx,
        "xlsb" => Kind::Xlsb,
        "xls" => Kind::Xls,
        "ods" => Kind::Ods,
        "docx" | "docm" => Kind::Docx,
        "html" | "htm" | "xhtml" => Kind::Html,
        "mht" | "mhtml" => Kind::Mht,
        "csv" | "tsv" => Kind::Csv,
        _ => Kind::Text,
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether `hay` holds `name` written in UTF-16LE (how OLE directories name their streams).
fn has_utf16(hay: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

pub(crate) fn sniff(name: &str, bytes: &[u8]) -> Result<Kind, Refusal> {
    let ext = extension(name);
    let head = &bytes[..bytes.len().min(16)];
    if head.starts_with(b"%PDF") {
        return Err(Refusal::Pdf);
    }
    let image = if head.starts_with(b"\x89PNG") {
        Some("PNG")
    } else if head.starts_with(b"\xFF\xD8\xFF") {
        Some("JPEG")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("GIF")
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some("WebP")
    } else if head.starts_with(b"BM") && matches!(ext.as_str(), "bmp" | "dib") {
        Some("BMP")
    } else {
        None
    };
    if let Some(what) = image {
        return Err(Refusal::Image(what));
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes, &ext);
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // An OLE compound file: its directory names its streams in UTF-16.
        return if has_utf16(bytes, "EncryptedPackage") || has_utf16(bytes, "EncryptionInfo") {
            Err(Refusal::Encrypted)
        } else if has_utf16(bytes, "WordDocument") {
            Err(Refusal::OldOffice("Word 97–2003 .doc"))
        } else if has_utf16(bytes, "Workbook") || has_utf16(bytes, "Book") {
            Ok(Kind::Xls)
        } else if has_utf16(bytes, "PowerPoint Document") {
            Err(Refusal::OldOffice("PowerPoint .ppt"))
        } else {
            Err(Refusal::OldOffice("OLE"))
        };
    }
    if head.starts_with(b"{\\rtf") {
        return Err(Refusal::OldOffice("RTF"));
    }
    for (magic, what) in [
        (&b"\x1F\x8B"[..], "gzip"),
        (b"7z\xBC\xAF\x27\x1C", "7z"),
        (b"Rar!", "RAR"),
        (b"\x7FELF", "ELF"),
        (b"MZ", "EXE"),
        (b"\0asm", "WebAssembly"),
    ] {
        if head.starts_with(magic) {
            return Err(Refusal::Unsupported(what));
        }
    }
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let start = start.trim_start_matches('\u{feff}').trim_start();
    if matches!(ext.as_str(), "mht" | "mhtml")
        || (start.starts_with("mime-version:") || start.starts_with("from:"))
            && start.contains("multipart/related")
    {
        return Ok(Kind::Mht);
    }
    if matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<') && (start.contains("<table") || start.contains("<body")))
    {
        return Ok(Kind::Html);
    }
    if matches!(ext.as_str(), "csv" | "tsv") {
        return Ok(Kind::Csv);
    }
    Ok(Kind::Text)
}

/// A ZIP: a workbook or a document by the parts it holds.
fn zip_kind(bytes: &[u8], ext: &str) -> Result<Kind, Refusal> {
    // When its directory cannot be read, the extension says what the file was meant to be.
    let meant = match ext {
        "docx" | "docm" => Kind::Docx,
        "ods" => Kind::Ods,
        _ => Kind::Xlsx,
    };
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Refusal::Damaged(meant, format!("ZIP: {e}")))?;
    let has = |n: &str| archive.index_for_name(n).is_some();
    if has("xl/workbook.xml") {
        Ok(Kind::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Kind::Xlsb)
    } else if has("word/document.xml") {
        Ok(Kind::Docx)
    } else if has("content.xml") && has("mimetype") {
        let mut archive = archive;
        let mime = archive
            .by_name("mimetype")
            .ok()
            .and_then(|mut f| {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut f, &mut s).ok()?;
                Some(s)
            })
            .unwrap_or_default();
        if mime.contains("spreadsheet") {
            Ok(Kind::Ods)
        } else {
            Err(Refusal::Unsupported(
                "OpenDocument 文本或演示 / OpenDocument text or presentation",
            ))
        }
    } else if archive
        .file_names()
        .any(|n| n.is_ok_and(|n| n.starts_with("ppt/")))
    {
        Err(Refusal::Unsupported("PowerPoint .pptx"))
    } else {
        Err(Refusal::Unsupported("ZIP 压缩包 / a ZIP archive"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An OLE compound file's header and a directory entry naming `stream` (UTF-16).
    fn ole(stream: &str) -> Vec<u8> {
        let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        b.resize(512, 0);
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b.resize(1024, 0);
        b
    }

    #[test]
    fn kinds_by_their_bytes() {
        assert_eq!(
            sniff("a.doc", &ole("WordDocument")),
            Err(Refusal::OldOffice("Word 97–2003 .doc"))
        );
        assert_eq!(
            sniff("a.xlsx", &ole("EncryptedPackage")),
            Err(Refusal::Encrypted)
        );
        assert_eq!(sniff("a.xls", &ole("Workbook")), Ok(Kind::Xls));
        // The bytes decide, not the name: a workbook named .txt is a workbook.
        assert_eq!(sniff("a.txt", &ole("Workbook")), Ok(Kind::Xls));
        assert_eq!(sniff("a.txt", b"%PDF-1.7\n"), Err(Refusal::Pdf));
        assert_eq!(
            sniff("scan.jpg", b"\xFF\xD8\xFF\xE0"),
            Err(Refusal::Image("JPEG"))
        );
        assert_eq!(
            sniff("a.rtf", b"{\\rtf1\\ansi"),
            Err(Refusal::OldOffice("RTF"))
        );
        assert_eq!(
            sniff("a.gz", b"\x1F\x8B\x08"),
            Err(Refusal::Unsupported("gzip"))
        );
        assert_eq!(sniff("page", b"  <!DOCTYPE html><table>"), Ok(Kind::Html));
        assert_eq!(sniff("a.mht", b"MIME-Version: 1.0"), Ok(Kind::Mht));
        assert_eq!(sniff("a.csv", "项目,1".as_bytes()), Ok(Kind::Csv));
        assert_eq!(sniff("a.txt", "项目\t1".as_bytes()), Ok(Kind::Text));
        assert!(matches!(
            sniff("a.docx", b"PK\x03\x04garbage"),
            Err(Refusal::Damaged(Kind::Docx, _))
        ));
    }
}
