//! Text files: the encoding (a byte-order mark, UTF-8, UTF-16 without a mark, else GB18030, the
//! usual encoding of text saved by Chinese Windows), and bytes that are no text refused.

use crate::Refusal;

/// Decode a text file; `Err(Refusal::Binary)` when the bytes are no text.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), Refusal> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let text = text.into_owned();
        if is_binary_text(&text) {
            return Err(Refusal::Binary);
        }
        return Ok((text, (enc != encoding_rs::UTF_8).then(|| enc.name())));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let text = text.into_owned();
        if !is_binary_text(&text) {
            return Ok((text, Some(enc.name())));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if is_binary_text(s) {
            return Err(Refusal::Binary);
        }
        return Ok((s.to_string(), None));
    }
    let (text, _, _) = encoding_rs::GB18030.decode(bytes);
    if is_binary_text(&text) {
        return Err(Refusal::Binary);
    }
    Ok((text.into_owned(), Some("GB18030")))
}

/// UTF-16 without a byte-order mark: ASCII text leaves every other byte zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(2048)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 3 && even_zero == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 >= pairs * 3 && odd_zero == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decoded bytes that are no text: control characters (other than tab, line ends and form feed)
/// or replacement characters in more than one in a hundred characters, or any NUL.
pub(crate) fn is_binary_text(s: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in s.chars().take(1 << 16) {
        total += 1;
        match c {
            '\0' => return true,
            '\t' | '\n' | '\r' | '\x0c' => {}
            c if c.is_control() && (c as u32) < 0x20 || c == '\u{fffd}' || c == '\x7f' => bad += 1,
            _ => {}
        }
    }
    total > 0 && bad * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let s = "项目名称\t示例";
        assert_eq!(decode(s.as_bytes()).unwrap(), (s.to_string(), None));
        let (gb, _, _) = encoding_rs::GB18030.encode(s);
        assert_eq!(decode(&gb).unwrap(), (s.to_string(), Some("GB18030")));
        let le: Vec<u8> = "ab项目"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap().0, "ab项目");
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&le);
        assert_eq!(
            decode(&bom).unwrap(),
            ("ab项目".to_string(), Some("UTF-16LE"))
        );
    }

    #[test]
    fn random_bytes_are_refused() {
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..4000)
            .map(|_| {
                x = x.wrapping_mul(1103515245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        assert_eq!(decode(&bytes), Err(Refusal::Binary));
    }
}
