//! Text cleaning shared by the parser and the exports: HTML fragments to plain text,
//! odd spaces, full-width punctuation in labels; HTML escaping and number formatting for what
//! kpiform writes; the similarity of texts ([`similarity`]).

pub mod similarity;

/// Characters treated as spaces: ASCII whitespace, NBSP, ideographic space, and zero-width ones.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{a0}' | '\u{3000}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
        )
}

/// Whether a string holds nothing but spaces (as [`is_space`]).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Trim [`is_space`] characters from both ends, returning the byte range kept inside `s`.
pub fn trim_range(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(is_space).len();
    let end = s.trim_end_matches(is_space).len();
    if start >= end {
        (start, start)
    } else {
        (start, end)
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p", "div", "br", "li", "ol", "ul", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4",
    "h5", "h6", "section", "article",
];
const INLINE_TAGS: &[&str] = &[
    "span", "b", "i", "u", "s", "strong", "em", "font", "td", "th", "sup", "sub", "a", "o:p",
    "small", "big", "code", "label", "ins", "del",
];

/// Recognize an HTML tag at the start of `s` (which begins with `<`). Returns the tag's byte
/// length, its lower-case name and whether it is a closing tag. Only a known set of tags counts,
/// so text like `<5%` or `<福田区…方案>` (book-title brackets typed as `<>`) stays text.
pub fn html_tag_at(s: &str) -> Option<(usize, String, bool)> {
    let rest = s.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
        .unwrap_or(rest.len());
    if name_len == 0 {
        return None;
    }
    let name = rest[..name_len].to_ascii_lowercase();
    if !BLOCK_TAGS.contains(&name.as_str()) && !INLINE_TAGS.contains(&name.as_str()) {
        return None;
    }
    let after = &rest[name_len..];
    // The name must end the tag or be followed by attributes / self-closing slash.
    let first = after.chars().next()?;
    if !(first == '>' || first == '/' || first.is_ascii_whitespace()) {
        return None;
    }
    let close = after.find('>')?;
    // Attributes never span lines in these dumps; refuse to swallow a newline.
    if after[..close].contains('\n') {
        return None;
    }
    let len = 1 + usize::from(closing) + name_len + close + 1;
    Some((len, name, closing))
}

fn decode_entity(s: &str) -> Option<(usize, char)> {
    let rest = s.strip_prefix('&')?;
    let end = rest.find(';')?;
    if end == 0 || end > 10 {
        return None;
    }
    let name = &rest[..end];
    let c = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((end + 2, c))
}

/// Whether `s` contains markup that [`clean`] would change (an HTML tag or entity).
pub fn has_markup(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        (c == '<' && html_tag_at(&s[i..]).is_some())
            || (c == '&' && decode_entity(&s[i..]).is_some())
    })
}

/// Turn a raw cell into clean text: HTML tags removed (block tags and `<br>` become line breaks,
/// `<li>` items of an `<ol>` get their numbers), entities decoded, NBSP and other odd spaces made
/// plain, each line trimmed, empty lines dropped, lines joined by `\n`.
pub fn clean(raw: &str) -> String {
    // Fast path: one line of plain text with ordinary spaces only (most cells).
    if raw
        .chars()
        .all(|c| !matches!(c, '<' | '&' | '\r' | '\n' | '\t') && (c == ' ' || !is_space(c)))
    {
        return raw.trim_matches(' ').to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut list_stack: Vec<Option<u32>> = Vec::new(); // Some(n) for <ol>, None for <ul>
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '<' {
            if let Some((len, name, closing)) = html_tag_at(rest) {
                let tag = &rest[..len];
                match (name.as_str(), closing) {
                    ("ol", false) => {
                        // list-style-type: none means the text carries its own numbers.
                        let numbered = !tag.contains("none");
                        list_stack.push(numbered.then_some(0));
                        out.push('\n');
                    }
                    ("ul", false) => {
                        list_stack.push(None);
                        out.push('\n');
                    }
                    ("ol" | "ul", true) => {
                        list_stack.pop();
                        out.push('\n');
                    }
                    ("li", false) => {
                        out.push('\n');
                        if let Some(Some(n)) = list_stack.last_mut() {
                            *n += 1;
                            out.push_str(&format!("{n}. "));
                        }
                    }
                    (n, _) if BLOCK_TAGS.contains(&n) => out.push('\n'),
                    _ => {}
                }
                i += len;
                continue;
            }
        } else if c == '&' {
            if let Some((len, ch)) = decode_entity(rest) {
                out.push(ch);
                i += len;
                continue;
            }
        }
        match c {
            '\r' => out.push('\n'),
            '\t' => out.push(' '),
            c if c != '\n' && is_space(c) => {
                if !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}') {
                    out.push(' ')
                }
            }
            c => out.push(c),
        }
        i += c.len_utf8();
    }
    let mut joined = String::with_capacity(out.len());
    for line in out.split('\n') {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        if !joined.is_empty() {
            joined.push('\n');
        }
        joined.push_str(line);
    }
    joined
}

/// Full-width ASCII variants (`０-９`, `Ａ-Ｚ`, `（）：，％` …) to their half-width forms.
pub fn to_half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Traditional characters of the forms' vocabulary (labels, headers, categories) to Simplified,
/// so `項目編碼` is read as `项目编码`. Only the template's own words need this; values keep what
/// was written (the T006 rule reports Traditional characters in them).
pub fn to_simplified(c: char) -> char {
    // Most characters have no other form: a bit per CJK character says which do (made once from
    // the table below; every character of every label key asks).
    const FIRST: u32 = 0x4E00;
    const LAST: u32 = 0x9FFF;
    static HAS_FORM: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut bits = vec![0u64; ((LAST - FIRST) / 64 + 1) as usize];
        for n in FIRST..=LAST {
            if let Some(ch) = char::from_u32(n) {
                if simplified_form(ch) != ch {
                    let i = n - FIRST;
                    bits[(i / 64) as usize] |= 1 << (i % 64);
                }
            }
        }
        bits
    });
    let n = c as u32;
    if (FIRST..=LAST).contains(&n) {
        let i = n - FIRST;
        if HAS_FORM[(i / 64) as usize] & (1 << (i % 64)) == 0 {
            return c;
        }
    }
    simplified_form(c)
}

/// [`to_simplified`] by the table.
fn simplified_form(c: char) -> char {
    match c {
        '項' => '项',
        '編' => '编',
        '碼' => '码',
        '號' => '号',
        '稱' => '称',
        '請' => '请',
        '單' => '单',
        '實' => '实',
        '類' => '类',
        '額' => '额',
        '總' => '总',
        '劃' => '划',
        '規' => '规',
        '萬' => '万',
        '據' => '据',
        '測' => '测',
        '標' => '标',
        '長' => '长',
        '級' => '级',
        '釋' => '释',
        '產' => '产',
        '滿' => '满',
        '數' => '数',
        '質' => '质',
        '時' => '时',
        '經' => '经',
        '濟' => '济',
        '會' => '会',
        '態' => '态',
        '續' => '续',
        '響' => '响',
        '務' => '务',
        '對' => '对',
        '適' => '适',
        '內' => '内',
        '計' => '计',
        '預' => '预',
        '門' => '门',
        '體' => '体',
        '報' => '报',
        '績' => '绩',
        '評' => '评',
        '資' => '资',
        '與' => '与',
        '專' => '专',
        '環' => '环',
        '撥' => '拨',
        '財' => '财',
        '價' => '价',
        '說' => '说',
        '這' => '这',
        '為' => '为',
        '個' => '个',
        '費' => '费',
        '設' => '设',
        '備' => '备',
        c if c.is_ascii() => c,
        c => {
            // Sorted once: every character of every label key asks.
            static SORTED: std::sync::LazyLock<Vec<(char, char)>> =
                std::sync::LazyLock::new(|| {
                    let mut v = MORE_TRADITIONAL.to_vec();
                    v.sort_unstable();
                    v.dedup_by_key(|e| e.0);
                    v
                });
            SORTED
                .binary_search_by_key(&c, |e| e.0)
                .map_or(c, |i| SORTED[i].1)
        }
    }
}

/// More Traditional characters common in these forms (beyond the template's vocabulary).
const MORE_TRADITIONAL: &[(char, char)] = &[
    ('們', '们'),
    ('來', '来'),
    ('發', '发'),
    ('開', '开'),
    ('過', '过'),
    ('後', '后'),
    ('還', '还'),
    ('進', '进'),
    ('運', '运'),
    ('動', '动'),
    ('現', '现'),
    ('學', '学'),
    ('員', '员'),
    ('業', '业'),
    ('區', '区'),
    ('縣', '县'),
    ('關', '关'),
    ('圖', '图'),
    ('書', '书'),
    ('處', '处'),
    ('東', '东'),
    ('車', '车'),
    ('軟', '软'),
    ('網', '网'),
    ('電', '电'),
    ('腦', '脑'),
    ('聯', '联'),
    ('證', '证'),
    ('護', '护'),
    ('醫', '医'),
    ('藥', '药'),
    ('勞', '劳'),
    ('檢', '检'),
    ('驗', '验'),
    ('衛', '卫'),
    ('營', '营'),
    ('辦', '办'),
    ('傳', '传'),
    ('訊', '讯'),
    ('節', '节'),
    ('慶', '庆'),
    ('獎', '奖'),
    ('補', '补'),
    ('貼', '贴'),
    ('廳', '厅'),
    ('屬', '属'),
    ('礎', '础'),
    ('應', '应'),
    ('憑', '凭'),
    ('處', '处'),
    ('給', '给'),
    ('維', '维'),
    ('修', '修'),
    ('購', '购'),
    ('買', '买'),
    ('賣', '卖'),
    ('產', '产'),
    ('條', '条'),
    ('織', '织'),
    ('組', '组'),
    ('紀', '纪'),
    ('錄', '录'),
    ('討', '讨'),
    ('論', '论'),
    ('議', '议'),
    ('調', '调'),
    ('查', '查'),
    ('廣', '广'),
    ('東', '东'),
    ('億', '亿'),
    ('萬', '万'),
    ('歲', '岁'),
];

/// Whether a character is a Traditional form with a different Simplified form.
pub fn is_traditional(c: char) -> bool {
    to_simplified(c) != c
}

/// The length in bytes of a pinyin gloss at the start of `s` (`(jī)` in `績(jī)效`, what some
/// converters to Traditional characters add after each character they change): brackets around
/// one to six Latin letters with a tone mark. Only after a CJK character.
pub fn pinyin_gloss_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('(')?;
    let mut letters = 0;
    let mut tone = false;
    for (i, c) in rest.char_indices() {
        match c {
            ')' if letters > 0 && tone => return Some(1 + i + 1),
            'a'..='z' => letters += 1,
            'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó'
            | 'ǒ' | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => {
                letters += 1;
                tone = true;
            }
            _ => return None,
        }
        if letters > 6 {
            return None;
        }
    }
    None
}

/// Whether a character is a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// `s` without the pinyin glosses after its CJK characters (see [`pinyin_gloss_len`]).
pub fn without_glosses(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('(') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev_cjk = false;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if prev_cjk {
            if let Some(n) = pinyin_gloss_len(rest) {
                i += n;
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        prev_cjk = is_cjk(c);
        i += c.len_utf8();
    }
    std::borrow::Cow::Owned(out)
}

/// A key for comparing labels and vocabulary: HTML removed, spaces dropped, full-width
/// punctuation made half-width, markdown emphasis and trailing colons removed.
/// `项目总金额 (中期规划, 万元)：` → `项目总金额(中期规划,万元)`.
pub fn label_key(raw: &str) -> String {
    let mut key = String::with_capacity(raw.len());
    let push_all = |key: &mut String, s: &str| {
        key.extend(
            s.chars()
                .filter(|&c| !is_space(c))
                .map(|c| to_simplified(to_half_width(c))),
        );
    };
    if raw.contains(['<', '&']) && has_markup(raw) {
        push_all(&mut key, &without_glosses(&clean(raw)));
    } else {
        push_all(&mut key, &without_glosses(raw));
    }
    while key.ends_with(':') {
        key.pop();
    }
    key
}

/// A short quote of pasted text for messages: whitespace folded, at most `max` characters.
/// The text with its first letter upper-case: an English phrase that begins a message.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut last_space = true;
    for c in text.chars() {
        let c = if is_space(c) { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        if count == max {
            out.push('…');
            return out.trim_end().to_string();
        }
        out.push(c);
        count += 1;
    }
    out.trim_end().to_string()
}

/// Escape text for HTML element content and attribute values (the rule pages, the printable
/// report, the workbook's XML).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How [`thousands`] writes the cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cents {
    /// Always two decimals: `1,530,000.00` (amounts in messages and reports).
    Always,
    /// Two decimals unless they are zero: `1,530,000`, `164.83` (amounts on the page).
    IfAny,
}

/// A number with thousands separators, rounded to cents (half away from zero): `6,665,818.60`.
/// Not a number: `—`.
pub fn thousands(value: f64, cents: Cents) -> String {
    if !value.is_finite() {
        return String::from("—");
    }
    // Integer arithmetic on cents (saturates far beyond any budget); no float formatting.
    let all = (value.abs() * 100.0).round() as u64;
    let digits = (all / 100).to_string();
    let frac = all % 100;
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if value < 0.0 && all > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if cents == Cents::Always || frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        out.push(char::from(b'0' + (frac % 10) as u8));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_cents() {
        assert_eq!(thousands(6_665_818.6, Cents::Always), "6,665,818.60");
        assert_eq!(thousands(164.83, Cents::Always), "164.83");
        assert_eq!(thousands(-1234.5, Cents::Always), "-1,234.50");
        assert_eq!(thousands(-0.001, Cents::Always), "0.00");
        assert_eq!(thousands(1_530_000.0, Cents::IfAny), "1,530,000");
        assert_eq!(thousands(999.999, Cents::IfAny), "1,000");
        assert_eq!(thousands(12.5, Cents::IfAny), "12.50");
        assert_eq!(thousands(f64::NAN, Cents::IfAny), "—");
        assert_eq!(thousands(1000.005, Cents::IfAny), "1,000.01");
        assert_eq!(thousands(110_010_426.1, Cents::Always), "110,010,426.10");
    }

    #[test]
    fn pinyin_glosses() {
        assert_eq!(without_glosses("績(jī)效目標(biāo)"), "績效目標");
        assert_eq!(without_glosses("滿意度(%)"), "滿意度(%)");
        assert_eq!(without_glosses("(b)項"), "(b)項");
        assert_eq!(without_glosses("補(b"), "補(b");
        assert_eq!(label_key("項(xiàng)目名稱(chēng):"), "项目名称");
    }

    #[test]
    fn escape_html() {
        assert_eq!(
            escape("<b a=\"x\">&'"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn cleans_html_fragments() {
        assert_eq!(
            clean("<p>一、档案</p> <p>（一）整理</p>"),
            "一、档案\n（一）整理"
        );
        assert_eq!(clean("年度<br>主要<br>任务"), "年度\n主要\n任务");
        assert_eq!(clean("<ol><li>甲</li><li>乙</li></ol>"), "1. 甲\n2. 乙");
        assert_eq!(
            clean("<ol style=\"list-style-type: none\"> 1.正常 2.及时 </ol>"),
            "1.正常 2.及时"
        );
        assert_eq!(clean("a&nbsp;b &amp; &#x4e00;&lt;5%"), "a b & 一<5%");
        // Not tags: comparisons and book titles typed with <>.
        assert_eq!(clean("<福田区方案> ≥1 <5%"), "<福田区方案> ≥1 <5%");
        assert_eq!(clean("  a\u{a0}b\u{200b}  "), "a b");
    }

    #[test]
    fn label_keys_ignore_width_and_spaces() {
        assert_eq!(
            label_key("项目总金额 (中期规划, 万元)："),
            "项目总金额(中期规划,万元)"
        );
        assert_eq!(
            label_key("项目总金额（中期规划，元）:"),
            "项目总金额(中期规划,元)"
        );
        assert_eq!(
            label_key("<p>长期目标（跨度多年的项目需填）：</p>"),
            "长期目标(跨度多年的项目需填)"
        );
        assert_eq!(label_key("年度<br>主要<br>任务"), "年度主要任务");
        assert_eq!(
            label_key("項目總金額（中期規劃，萬元）："),
            "项目总金额(中期规划,万元)"
        );
    }
}

/// How two pieces of one cell broken over lines join: nothing between two CJK characters when
/// the line before is a wrapped one (at least `full` characters long: a PDF or a narrow cell
/// wraps full lines, `下立交工` / `程`), a space between two checkbox options (`结转项目□` /
/// `经常性专项业务费□`), a line break otherwise (and always before a numbered item).
pub fn wrap_joint(before: &str, after: &str, full: usize) -> &'static str {
    let (Some(last), Some(first)) = (
        before.trim_end().chars().last(),
        after.trim().chars().next(),
    ) else {
        return "\n";
    };
    let line = before.rsplit('\n').next().unwrap_or(before);
    if is_checkbox(last) || before.contains(is_checkbox) && after.contains(is_checkbox) {
        " "
    } else if is_cjk(last)
        && is_cjk(first)
        && line.chars().count() >= full
        && !starts_numbered(after.trim())
    {
        ""
    } else {
        "\n"
    }
}

/// Whether a line starts with an item number: `2.`, `2、`, `(2)`, `（二）`, `二、`, `①`.
fn starts_numbered(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '(' | '（' | '①'..='⑳') {
        return true;
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if !numeral(first) {
        return false;
    }
    let rest = s.trim_start_matches(numeral);
    rest.starts_with(['.', '、', '．', ')', '）'])
}

/// The text of a cell whose lines are wraps of one line (a cell broken over lines in PDF text),
/// its pieces joined: nothing beside a CJK character, a space between Latin words.
pub fn unwrap_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for piece in s.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        let joint = match (out.chars().last(), piece.chars().next()) {
            (None, _) | (_, None) => "",
            (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => " ",
            _ => "",
        };
        out.push_str(joint);
        out.push_str(piece);
    }
    out
}

/// The marks of a checkbox option, empty or ticked.
pub fn is_checkbox(c: char) -> bool {
    matches!(c, '□' | '☐' | '☑' | '☒' | '√' | '■' | '✓' | '✔')
}

/// The line that names the file the text after it came from, as the page and the CLI write it
/// when several files are opened at once: `【文件：审核.xlsx】`.
pub fn file_line(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '】' {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!("【文件：{}】", name.trim())
}

/// The byte range of the file name in a line written by [`file_line`] (also `【文件: x】` and
/// `【file: x】`), or `None`.
pub fn file_mark(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    let offset = line.len() - line.trim_start().len();
    let inner = t.strip_prefix('【')?.strip_suffix('】')?;
    let open = '【'.len_utf8();
    let rest = ["文件：", "文件:", "file:", "File:"]
        .iter()
        .find_map(|p| inner.strip_prefix(p).map(|r| (p.len(), r)))?;
    let (head, name) = rest;
    let lead = name.len() - name.trim_start().len();
    let name = name.trim();
    if name.is_empty() || name.contains(['【', '】']) {
        return None;
    }
    let start = offset + open + head + lead;
    Some((start, start + name.len()))
}

/// A page number on its own line: `-1-`, `- 2 -`, `—3—`, `第1页`, `第 1 页 共 3 页`, `共3页第1页`.
pub fn is_page_number(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !is_space(*c)).collect();
    let dashes = ['-', '－', '—', '–'];
    if let Some(inner) = s.strip_prefix(dashes).and_then(|r| r.strip_suffix(dashes)) {
        return !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_ascii_digit());
    }
    // `第1页`, `共3页`: the rest after one such part.
    fn part(s: &str, head: char) -> Option<&str> {
        let r = s.strip_prefix(head)?;
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (digits > 0).then(|| r[digits..].strip_prefix('页'))?
    }
    let sep = [',', '，', '/'];
    if let Some(rest) = part(&s, '第') {
        let rest = rest.trim_start_matches(sep);
        return rest.is_empty() || part(rest, '共') == Some("");
    }
    if let Some(rest) = part(&s, '共') {
        return part(rest.trim_start_matches(sep), '第') == Some("");
    }
    false
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn file_lines() {
        let l = file_line("审核 意见.xlsx");
        assert_eq!(l, "【文件：审核 意见.xlsx】");
        let (a, b) = file_mark(&l).unwrap();
        assert_eq!(&l[a..b], "审核 意见.xlsx");
        let l = "  【file: a.docx 】";
        let (a, b) = file_mark(l).unwrap();
        assert_eq!(&l[a..b], "a.docx");
        assert_eq!(file_mark("【文件：】"), None);
        assert_eq!(file_mark("文件：a.xlsx"), None);
        assert_eq!(file_line("a】b\n"), "【文件：a b】");
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "-1-",
            "- 2 -",
            "—3—",
            "－12－",
            "第1页",
            "第 1 页 共 3 页",
            "共3页第1页",
            "第2页/共5页",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "-",
            "--",
            "-a-",
            "第一页",
            "第1页说明",
            "1",
            "2025-1-",
            "共3页",
            "-12345-",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn joints() {
        assert_eq!(wrap_joint("某某路下立交工", "程维修养护", 0), "");
        assert_eq!(wrap_joint("其他一次性项目√", "经常性专项业务费□", 0), " ");
        assert_eq!(wrap_joint("设备更新；", "2.完成", 0), "\n");
        // A number after a CJK character may be a cell of its own.
        assert_eq!(wrap_joint("达到优良", "20246", 0), "\n");
        assert_eq!(wrap_joint("Wi-Fi", "覆盖", 0), "\n");
        // A short line is a line of its own (a heading in the cell), not a wrap.
        assert_eq!(wrap_joint("二、场馆管理经费", "根据《办法》", 20), "\n");
        let long = "本项目对下立交结构进行检测,对泵站设备、照明及排水";
        assert_eq!(wrap_joint(long, "管道进行维修养护。", 20), "");
        assert_eq!(wrap_joint(long, "2、管道进行维修养护。", 20), "\n");
        assert_eq!(wrap_joint(long, "二、管道", 20), "\n");
        assert_eq!(
            unwrap_lines("下立交排水泵站设备完好\n率"),
            "下立交排水泵站设备完好率"
        );
        assert_eq!(unwrap_lines("Wi-Fi\ncoverage 率"), "Wi-Fi coverage 率");
    }
}
