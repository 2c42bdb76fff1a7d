//! Counted quantities in free text, and what is counted: a number, its measure word (量词) and
//! the words around it, as 年度目标, 测算依据 and indicator values state them (`采购10台台式电脑`,
//! `培训200人次`, `开展党建活动4次以上`). T004 compares them across a form's fields; I008 looks
//! for the indicator that measures each commitment of the goal.
//!
//! What is counted is matched by the characters the two sides share ([`overlap`]): pairs of
//! characters (bigrams) of the content words, after the words every count shares (数量, 开展,
//! 完成 …) are taken out. No dictionary: the measure words, the bounds and those generic words
//! are the vocabulary.

use std::ops::Range;

/// The measure words that count things, longest first so that `人次` wins over `人`, each with
/// the word it is compared as (场 and 次 count the same events; 名 and 位 the same people).
const MEASURES: &[(&str, &str)] = &[
    ("平方米", "平方米"),
    ("人次", "人次"),
    ("户次", "户次"),
    ("批次", "批"),
    ("台套", "台"),
    ("公里", "公里"),
    ("课时", "课时"),
    ("学时", "课时"),
    ("台", "台"),
    ("套", "台"),
    ("辆", "辆"),
    ("个", "个"),
    ("项", "个"),
    ("件", "件"),
    ("份", "份"),
    ("本", "份"),
    ("册", "份"),
    ("篇", "篇"),
    ("场次", "次"),
    ("场", "次"),
    ("次", "次"),
    ("期", "次"),
    ("轮", "次"),
    ("届", "次"),
    ("批", "批"),
    ("人", "人"),
    ("名", "人"),
    ("位", "人"),
    ("户", "户"),
    ("家", "家"),
    ("所", "所"),
    ("座", "座"),
    ("处", "处"),
    ("条", "条"),
    ("棵", "棵"),
    ("株", "棵"),
    ("亩", "亩"),
    ("间", "间"),
    ("张", "张"),
    ("块", "块"),
    ("盏", "盏"),
    ("节", "节"),
    ("门", "门"),
    ("天", "天"),
    ("页", "页"),
    ("村", "村"),
];

/// What a count's bound words say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// 以上, 不少于, 至少, ≥.
    AtLeast,
    /// 以内, 不超过, ≤.
    AtMost,
    /// 约, 左右, 余: within a fifth either way.
    About,
}

impl Bound {
    /// The values a count of `n` with this bound allows.
    pub fn interval(self, n: f64) -> (f64, f64) {
        match self {
            Bound::Exact => (n, n),
            Bound::AtLeast => (n, f64::INFINITY),
            Bound::AtMost => (f64::NEG_INFINITY, n),
            Bound::About => (n * 0.8, n * 1.2),
        }
    }

    /// Whether two counts can be true of the same thing.
    pub fn compatible(a: (Bound, f64), b: (Bound, f64)) -> bool {
        let (a0, a1) = a.0.interval(a.1);
        let (b0, b1) = b.0.interval(b.1);
        let eps = 1e-9;
        a0 <= b1 + eps && b0 <= a1 + eps
    }
}

/// One counted quantity of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// The number and its measure word (`10台`), as a byte range of the text read.
    pub range: Range<usize>,
    pub number: f64,
    /// The measure word as compared (`次` for `场`).
    pub measure: &'static str,
    pub bound: Bound,
    /// The clause before the number, back to the last break (`拟采购`).
    pub before: Range<usize>,
    /// The words after the measure word, up to the next break or number (`台式电脑`).
    pub after: Range<usize>,
    /// A year written earlier in the same sentence (`2026年为其余6家…` → 2026).
    pub year: Option<u16>,
    /// Counted per something (`每人`, `/次`, `5000元/人`, `人均`): a rate, not a total.
    pub per: bool,
    /// The clause the count is written in, at most 20 characters either side of it: what a
    /// message quotes.
    pub clause: Range<usize>,
    /// The sentence it is written in (up to 。；! ? or a line break).
    pub sentence: Range<usize>,
}

impl Count {
    /// The words around the number that say what is counted: the clause before and the words
    /// after.
    pub fn context<'a>(&self, text: &'a str) -> (&'a str, &'a str) {
        (
            text.get(self.before.clone()).unwrap_or(""),
            text.get(self.after.clone()).unwrap_or(""),
        )
    }
}

/// The measure word at the start of `s`, as written and as compared.
pub fn measure_at(s: &str) -> Option<(&'static str, &'static str)> {
    measure_word(s.trim_start_matches(['(', '（']))
}

/// The measure word at the very start of `s`.
fn measure_word(s: &str) -> Option<(&'static str, &'static str)> {
    let first = s.chars().next()?;
    MEASURES
        .iter()
        .copied()
        .filter(|(m, _)| m.starts_with(first))
        .find(|(m, _)| s.starts_with(m))
}

/// The measure word a unit names (`场` → `次`, `台(套)` → `台`), when it counts things.
pub fn measure_of_unit(unit: &str) -> Option<&'static str> {
    // measure_at reads past an opening bracket: so does the rest of the unit.
    let u = unit.trim().trim_start_matches(['(', '（']);
    let (written, compared) = measure_at(u)?;
    let rest = u[written.len()..]
        .trim_matches(|c: char| "()（）/".contains(c) || measure_at(&c.to_string()).is_some());
    rest.is_empty().then_some(compared)
}

/// The measure word a name counts in when its value has no unit (`慰问金人数` → `人`,
/// `活动场次` → `次`).
pub fn measure_of_name(name: &str) -> Option<&'static str> {
    const ENDS: &[(&str, &str)] = &[
        ("人次", "人次"),
        ("人数", "人"),
        ("场次", "次"),
        ("次数", "次"),
        ("台数", "台"),
        ("套数", "台"),
        ("户数", "户"),
        ("个数", "个"),
        ("项数", "个"),
        ("件数", "件"),
        ("份数", "份"),
        ("册数", "份"),
        ("篇数", "篇"),
        ("天数", "天"),
        ("家数", "家"),
    ];
    ENDS.iter()
        .find(|(e, _)| name.ends_with(e))
        .map(|(_, m)| *m)
}

/// Characters that end a clause.
fn is_break(c: char) -> bool {
    "，,。；;：:、！？!?\n\t|（）()《》“”\"【】[]".contains(c)
}

fn is_sentence_end(c: char) -> bool {
    "。；;！？!?\n\t|".contains(c)
}

const CN_DIGITS: &str = "零一二两三四五六七八九";

fn cn_digit(c: char) -> Option<u32> {
    match c {
        '两' => Some(2),
        _ => "零一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .map(|d| d as u32),
    }
}

/// A number in Chinese numerals (`十二`, `二十`, `三百`, `两千五百`), up to the thousands.
fn cn_number(s: &str) -> Option<f64> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            digit = Some(d);
            continue;
        }
        let mult = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        total += digit.unwrap_or(1) * mult;
        digit = None;
    }
    Some(f64::from(total + digit.unwrap_or(0))).filter(|n| *n > 0.0)
}

const BEFORE_AT_LEAST: &[&str] = &[
    "不少于",
    "不低于",
    "不小于",
    "至少",
    "超过",
    "大于",
    "多于",
    "≥",
    ">=",
    "＞",
    ">",
];
const BEFORE_AT_MOST: &[&str] = &[
    "不超过",
    "不多于",
    "不大于",
    "不高于",
    "少于",
    "低于",
    "≤",
    "<=",
    "＜",
    "<",
];
const BEFORE_ABOUT: &[&str] = &["约", "近", "大约", "预计约"];
const AFTER_AT_LEAST: &[&str] = &["以上", "及以上", "或以上", "余", "多"];
const AFTER_AT_MOST: &[&str] = &["以内", "以下", "及以下"];
const AFTER_ABOUT: &[&str] = &["左右"];

/// Words before a number that make it a rate or a part, not a count of its own: `每`, `人均`,
/// `第` (an ordinal), `其中`.
const PER_BEFORE: &[&str] = &["每", "人均", "平均", "单", "/", "／"];

/// Every counted quantity of `text`.
pub fn counts(text: &str) -> Vec<Count> {
    let mut out: Vec<Count> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let arabic = c.is_ascii_digit() || ('０'..='９').contains(&c);
        let chinese = CN_DIGITS.contains(c) && c != '零' || c == '十';
        if !arabic && !chinese {
            i += 1;
            continue;
        }
        // The number: digits with one decimal point, or Chinese numerals.
        let mut j = i;
        let mut num = String::new();
        if arabic {
            while j < chars.len() {
                let ch = crate::text::to_half_width(chars[j].1);
                if ch.is_ascii_digit()
                    || (ch == '.' && !num.contains('.'))
                    || (ch == ',' && !num.is_empty())
                {
                    if ch != ',' {
                        num.push(ch);
                    }
                    j += 1;
                } else {
                    break;
                }
            }
        } else {
            while j < chars.len()
                && (CN_DIGITS.contains(chars[j].1) || "十百千".contains(chars[j].1))
            {
                num.push(chars[j].1);
                j += 1;
            }
        }
        let num_end = chars.get(j).map_or(text.len(), |x| x.0);
        // `3.项目管理`: a list marker, not a number.
        if arabic && num.ends_with('.') {
            i = j.max(i + 1);
            continue;
        }
        let mut number = if arabic {
            num.trim_end_matches('.').parse::<f64>().ok()
        } else {
            cn_number(&num)
        };
        let mut k = num_end;
        // 1.2万人次: a multiplier before the measure word.
        if text[k..].starts_with('万') && !text[k..].starts_with("万元") {
            number = number.map(|n| n * 10_000.0);
            k += '万'.len_utf8();
        }
        let rest = &text[k..];
        let Some(number) = number else {
            i = j.max(i + 1);
            continue;
        };
        // A year, a date or money is no count: 2024年, 3月, 5万元, 95%.
        let Some((written, compared)) = measure_at(rest) else {
            i = j.max(i + 1);
            continue;
        };
        // `一般`, `一定`, `一体`: 一 not as a number.
        if chinese && num == "一" && !rest.starts_with(written) {
            i = j.max(i + 1);
            continue;
        }
        let bracket = rest.len() - rest.trim_start_matches(['(', '（']).len();
        let mut end = k + bracket + written.len();
        // 12台(套): the alternative measure word in brackets belongs to the count.
        let tail = &text[end..];
        for open in ["(", "（"] {
            if let Some(t) = tail.strip_prefix(open) {
                if let Some((m, _)) = measure_word(t) {
                    let t2 = &t[m.len()..];
                    if let Some(close) = [")", "）"].iter().find(|c| t2.starts_with(**c)) {
                        end += open.len() + m.len() + close.len();
                    }
                }
            }
        }
        // A measure word that begins a longer word is no measure word: 3个月, 2次性, 人员 after 5.
        let after_text = &text[end..];
        if written == "个" && after_text.starts_with(['月', '工']) || after_text.starts_with("性")
        {
            i = j.max(i + 1);
            continue;
        }
        let head = &text[..start];
        let mut bound = Bound::Exact;
        let head_trim = head.trim_end();
        if BEFORE_AT_LEAST.iter().any(|w| head_trim.ends_with(w)) {
            bound = Bound::AtLeast;
        } else if BEFORE_AT_MOST.iter().any(|w| head_trim.ends_with(w)) {
            bound = Bound::AtMost;
        } else if BEFORE_ABOUT.iter().any(|w| head_trim.ends_with(w)) {
            bound = Bound::About;
        }
        if AFTER_AT_LEAST.iter().any(|w| after_text.starts_with(w)) {
            bound = Bound::AtLeast;
        } else if AFTER_AT_MOST.iter().any(|w| after_text.starts_with(w)) {
            bound = Bound::AtMost;
        } else if AFTER_ABOUT.iter().any(|w| after_text.starts_with(w)) {
            bound = Bound::About;
        }
        let per = PER_BEFORE.iter().any(|w| head_trim.ends_with(w))
            || after_text.starts_with(['/', '／'])
            || after_text.starts_with('均')
            || head_trim.ends_with('第')
            || head_trim.chars().rev().nth(1) == Some('每');
        // The clause before: back to a break or the previous number, at most 16 characters.
        let floor = out.last().map_or(0, |c| c.range.end);
        let mut b = start;
        for (n, (p, ch)) in head.char_indices().rev().enumerate() {
            if is_break(ch) || ch.is_ascii_digit() || n >= 16 || p < floor {
                break;
            }
            b = p;
        }
        // The words after: up to a break or a number, at most 10 characters.
        let skip = AFTER_AT_LEAST
            .iter()
            .chain(AFTER_AT_MOST)
            .chain(AFTER_ABOUT)
            .filter(|w| after_text.starts_with(**w))
            .map(|w| w.len())
            .max()
            .unwrap_or(0);
        let a0 = end + skip;
        let mut a1 = a0;
        for (n, (p, ch)) in text[a0..].char_indices().enumerate() {
            if is_break(ch) || ch.is_ascii_digit() || n >= 10 {
                break;
            }
            a1 = a0 + p + ch.len_utf8();
        }
        let clause = clause_around(text, start, end);
        let s0 = head
            .char_indices()
            .rev()
            .find(|(_, c)| is_sentence_end(*c))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let s1 = text[end..]
            .char_indices()
            .find(|(_, c)| is_sentence_end(*c))
            .map_or(text.len(), |(p, _)| end + p);
        // The last year written in the sentence before the count.
        let year = years(&text[s0..start]).last().map(|y| y.1);
        out.push(Count {
            range: start..end,
            number,
            measure: compared,
            bound,
            before: b..start,
            after: a0..a1,
            year,
            per,
            clause,
            sentence: s0..s1,
        });
        i = chars.partition_point(|x| x.0 < end);
    }
    out
}

/// The clause around `start..end`: back to a break and on to the next, at most 20 characters
/// either way.
fn clause_around(text: &str, start: usize, end: usize) -> Range<usize> {
    let brk = |c: char| "，,。；;、！？!?\n\t|".contains(c);
    let mut a = start;
    for (n, (p, c)) in text[..start].char_indices().rev().enumerate() {
        if brk(c) || n >= 20 {
            break;
        }
        a = p;
    }
    let mut b = end;
    for (n, (p, c)) in text[end..].char_indices().enumerate() {
        if brk(c) || n >= 20 {
            break;
        }
        b = end + p + c.len_utf8();
    }
    a..b
}

/// The years of a text (`2024年`, `2024-2026年`, `2024.12`): each with the byte range of its
/// digits. Only four-digit numbers from 2000 to 2099 that no other digit touches.
pub fn years(text: &str) -> Vec<(Range<usize>, u16)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i] == b'2'
            && b[i + 1] == b'0'
            && b[i + 2..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
        {
            let y = (b[i + 2] - b'0') as u16 * 10 + (b[i + 3] - b'0') as u16;
            out.push((i..i + 4, 2000 + y));
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Words every count shares, which say nothing of what is counted.
const GENERIC: &[&str] = &[
    "数量", "次数", "人数", "个数", "场次", "项数", "份数", "套数", "台数", "户数", "件数", "完成",
    "开展", "举办", "组织", "实施", "工作", "项目", "年度", "全年", "全面", "相关", "累计", "情况",
    "达到", "保障", "按时", "共计", "合计", "预计", "计划", "本年", "任务", "指标", "不少", "少于",
    "以上", "通过", "进行", "其中", "及时",
];

/// The first characters of the generic words, to ask about the words only where one may begin.
const GENERIC_FIRST: &str =
    "数次人个场项份套台户件完开举组实工年全相累情达保按共合预计本任指不少以通进其及";

/// The bigrams of the content of a text: CJK characters and letters, generic words taken out,
/// each once, sorted.
pub fn content_bigrams(s: &str) -> Vec<[char; 2]> {
    let mut out: Vec<[char; 2]> = Vec::new();
    let mut prev: Option<char> = None;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let generic = if GENERIC_FIRST.contains(c) {
            GENERIC.iter().find(|g| rest.starts_with(**g))
        } else {
            None
        };
        if let Some(g) = generic {
            prev = None;
            rest = &rest[g.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if crate::text::is_cjk(c) || c.is_ascii_alphabetic() {
            if let Some(p) = prev {
                // Kept sorted and unique by insertion: a few dozen bigrams, and no general sort
                // in the page's wasm.
                let g = [p, c];
                if let Err(at) = out.binary_search(&g) {
                    out.insert(at, g);
                }
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

/// The shared members of two sorted lists.
fn shared(a: &[[char; 2]], b: &[[char; 2]]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How much of `name`'s content `context` shares: the shared bigrams, and their share of
/// `name`'s bigrams.
#[cfg(test)]
fn overlap(name: &str, context: &str) -> (usize, f64) {
    Thing::of(name).overlap(&Thing::of(context))
}

/// What a description counts, read once for matching: the content bigrams of the whole, and of
/// the words after the number when it is a clause around one (`before|after`).
#[derive(Debug, Clone, Default)]
pub struct Thing {
    all: Vec<[char; 2]>,
    after: Option<Vec<[char; 2]>>,
}

impl Thing {
    pub fn of(s: &str) -> Thing {
        Thing {
            all: content_bigrams(s),
            after: s
                .split_once('|')
                .map(|(_, a)| content_bigrams(a))
                .filter(|a| !a.is_empty()),
        }
    }

    /// The bigrams shared with another, and their share of this one's.
    pub fn overlap(&self, other: &Thing) -> (usize, f64) {
        if self.all.is_empty() {
            return (0, 0.0);
        }
        let n = shared(&self.all, &other.all);
        (n, n as f64 / self.all.len() as f64)
    }

    /// Whether two descriptions speak of the same counted thing (`拟采购|台式电脑` and
    /// `采购台式电脑数量`): they share three content bigrams, or two that make most of one
    /// side, or all of one side's. When both are clauses around a number with words after it,
    /// those words, the noun counted, must share a bigram too: `8台台式电脑` and
    /// `12台液晶电脑显示器` share 采购 and 电脑 but not their nouns.
    pub fn same(&self, other: &Thing) -> bool {
        if let (Some(x), Some(y)) = (&self.after, &other.after) {
            if shared(x, y) == 0 {
                return false;
            }
        }
        let (n, share_a) = self.overlap(other);
        let share_b = match other.all.len() {
            0 => 0.0,
            len => n as f64 / len as f64,
        };
        let most = share_a.max(share_b);
        n >= 3 || n >= 2 && most >= 0.6 || n >= 1 && most >= 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (f64, &'static str, Bound, String, String) {
        let c = counts(s);
        assert_eq!(c.len(), 1, "{s}: {c:?}");
        let (b, a) = c[0].context(s);
        (
            c[0].number,
            c[0].measure,
            c[0].bound,
            b.to_string(),
            a.to_string(),
        )
    }

    #[test]
    fn reads_a_count_and_what_it_counts() {
        assert_eq!(
            one("2024年拟采购8台台式电脑，"),
            (
                8.0,
                "台",
                Bound::Exact,
                "年拟采购".into(),
                "台式电脑".into()
            )
        );
        assert_eq!(
            one("开展党建活动4次以上，加强"),
            (4.0, "次", Bound::AtLeast, "开展党建活动".into(), "".into())
        );
        assert_eq!(one("培训二十场").0, 20.0);
        assert_eq!(one("覆盖居民1.2万人次").0, 12_000.0);
        assert_eq!(one("不少于250天").2, Bound::AtLeast);
    }

    #[test]
    fn a_year_a_month_money_or_a_rate_is_no_count() {
        assert!(counts("2024年3月完成，经费5万元，达到95%").is_empty());
        assert!(counts("用时3个月").is_empty());
        let c = counts("按5000元/人测算，每人2次");
        assert!(c.iter().all(|c| c.per), "{c:?}");
    }

    #[test]
    fn the_year_of_the_sentence() {
        let t = "2025年为6家卫生院购置设备12台(套)，2026年为其余6家购置";
        let c = counts(t);
        let got: Vec<_> = c.iter().map(|c| (c.number, c.measure, c.year)).collect();
        assert_eq!(
            got,
            vec![
                (6.0, "家", Some(2025)),
                (12.0, "台", Some(2025)),
                (6.0, "家", Some(2026))
            ]
        );
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_number("十二"), Some(12.0));
        assert_eq!(cn_number("二十"), Some(20.0));
        assert_eq!(cn_number("三百"), Some(300.0));
        assert_eq!(cn_number("两千五百"), Some(2500.0));
        assert_eq!(cn_number("五"), Some(5.0));
    }

    #[test]
    fn overlap_of_what_is_counted() {
        assert!(overlap("采购台式电脑数量", "拟采购台式电脑").0 >= 3);
        assert_eq!(overlap("党组织建设事项数", "开展培训").0, 0);
    }

    #[test]
    fn never_panics_on_pieces_of_counts() {
        // Sequences of the pieces the reader treats specially, mixed half- and full-width.
        const PIECES: &[&str] = &[
            "(", "（", ")", "台", "2", "0", ".", "万", "每", "第", "年", "2024", "。", "、", "|",
            "一", "个", "场次", "元/人", " ", "以上", "约", "十", "两", "人次", "３", "月", "\n",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut t = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 60) + 1 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            for c in counts(&t) {
                assert!(
                    t.get(c.range.clone()).is_some() && t.get(c.clause.clone()).is_some(),
                    "{t:?}"
                );
                let _ = c.context(&t);
            }
            let _ = measure_of_unit(&t);
            let _ = measure_of_name(&t);
            let _ = content_bigrams(&t);
            let _ = years(&t);
        }
    }

    #[test]
    fn every_generic_word_begins_with_a_listed_character() {
        for g in GENERIC {
            assert!(GENERIC_FIRST.contains(g.chars().next().unwrap()), "{g}");
        }
    }

    #[test]
    fn units_as_measure_words() {
        assert_eq!(measure_of_unit("场"), Some("次"));
        assert_eq!(measure_of_unit("台(套)"), Some("台"));
        assert_eq!(measure_of_unit("万元"), None);
        assert_eq!(measure_of_unit("%"), None);
        // A half-width bracket before a measure word of three bytes.
        assert_eq!(measure_of_unit("(台)"), Some("台"));
        assert_eq!(measure_of_unit("（场）"), Some("次"));
    }
}
