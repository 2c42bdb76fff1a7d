//! What the user chose: budget year, rules on or off and their severity, language, theme.
//! Remembered in `localStorage` in a small line format (no serde in the page).

use std::collections::BTreeMap;

use kpiform_core::{rule, Lang, Options, RuleInfo, Severity};

use crate::dom;

const LANG_KEY: &str = "kpiform.lang";
const THEME_KEY: &str = "kpiform.theme";
const RULES_KEY: &str = "kpiform.rules";
const PASTE_KEY: &str = "kpiform.paste";
const REVIEW_KEY: &str = "kpiform.review";

/// Light, dark, or whatever the system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// How each rule runs: off, or at which severity (`None`: the rule's own).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleSettings {
    /// `None`: detected from the text.
    pub budget_year: Option<u16>,
    /// Codes of the rules switched off.
    pub off: Vec<&'static str>,
    /// Severity overrides by code.
    pub severity: BTreeMap<&'static str, Severity>,
}

impl RuleSettings {
    /// The checker's options.
    pub fn options(&self) -> Options {
        Options {
            budget_year: self.budget_year,
            select: Vec::new(),
            ignore: self.off.iter().map(|c| c.to_string()).collect(),
            severity: self
                .severity
                .iter()
                .map(|(c, s)| (c.to_string(), *s))
                .collect(),
        }
    }

    pub fn is_on(&self, code: &str) -> bool {
        !self.off.contains(&code)
    }

    pub fn set_on(&mut self, rule: &'static RuleInfo, on: bool) {
        self.off.retain(|c| *c != rule.code);
        if !on {
            self.off.push(rule.code);
            self.off.sort_unstable();
        }
    }

    /// The severity the rule reports at.
    pub fn severity_of(&self, rule: &RuleInfo) -> Severity {
        self.severity
            .get(rule.code)
            .copied()
            .unwrap_or(rule.severity)
    }

    pub fn set_severity(&mut self, rule: &'static RuleInfo, severity: Severity) {
        if severity == rule.severity {
            self.severity.remove(rule.code);
        } else {
            self.severity.insert(rule.code, severity);
        }
    }

    pub fn is_default(&self) -> bool {
        *self == RuleSettings::default()
    }

    /// `year=2024`, `off=V002,T003`, `severity=V007:info,A001:error`, one per line.
    pub fn serialize(&self) -> String {
        crate::review_lines::rules_lines(&self.options())
    }

    /// Reads what [`RuleSettings::serialize`] wrote; unknown codes and bad lines are dropped.
    pub fn parse(s: &str) -> RuleSettings {
        let mut out = RuleSettings::default();
        for line in s.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            match key.trim() {
                "year" => out.budget_year = value.trim().parse().ok().filter(valid_year),
                "off" => {
                    out.off = value
                        .split(',')
                        .filter_map(|c| rule(c.trim()))
                        .map(|r| r.code)
                        .collect();
                    out.off.sort_unstable();
                    out.off.dedup();
                }
                "severity" => {
                    for item in value.split(',') {
                        let Some((code, sev)) = item.split_once(':') else {
                            continue;
                        };
                        if let (Some(rule), Some(sev)) =
                            (rule(code.trim()), Severity::parse(sev.trim()))
                        {
                            if sev != rule.severity {
                                out.severity.insert(rule.code, sev);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// Budget years the page accepts.
pub fn valid_year(y: &u16) -> bool {
    (2000..=2100).contains(y)
}

pub fn load_lang() -> Option<Lang> {
    match dom::load(LANG_KEY)?.as_str() {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

pub fn store_lang(lang: Lang) {
    dom::store(
        LANG_KEY,
        match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        },
    );
}

pub fn load_theme() -> Theme {
    dom::load(THEME_KEY)
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default()
}

pub fn store_theme(theme: Theme) {
    dom::store(THEME_KEY, theme.as_str());
}

/// Whether a paste with a table in its `text/html` (Excel, WPS, Word) is rebuilt from the table
/// (the default) or taken as its plain text.
pub fn load_rich_paste() -> bool {
    dom::load(PASTE_KEY).as_deref() != Some("plain")
}

pub fn store_rich_paste(rich: bool) {
    dom::store(PASTE_KEY, if rich { "table" } else { "plain" });
}

/// The reviewer's decisions, kept across reloads (as lines: `review_lines`).
pub fn load_review() -> kpiform_core::Dispositions {
    crate::review_lines::from_lines(&dom::load(REVIEW_KEY).unwrap_or_default())
}

pub fn store_review(d: &kpiform_core::Dispositions) {
    let text = crate::review_lines::to_lines(d);
    if text.is_empty() {
        dom::remove(REVIEW_KEY);
    } else {
        dom::store(REVIEW_KEY, &text);
    }
}

pub fn load_rules() -> RuleSettings {
    dom::load(RULES_KEY)
        .map(|s| RuleSettings::parse(&s))
        .unwrap_or_default()
}

pub fn store_rules(settings: &RuleSettings) {
    if settings.is_default() {
        dom::remove(RULES_KEY);
    } else {
        dom::store(RULES_KEY, &settings.serialize());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut s = RuleSettings {
            budget_year: Some(2024),
            ..RuleSettings::default()
        };
        s.set_on(rule("V002").unwrap(), false);
        s.set_on(rule("T003").unwrap(), false);
        s.set_severity(rule("V007").unwrap(), Severity::Info);
        let text = s.serialize();
        assert_eq!(text, "year=2024\noff=T003,V002\nseverity=V007:info\n");
        assert_eq!(RuleSettings::parse(&text), s);
        let o = s.options();
        assert_eq!(o.ignore, ["T003", "V002"]);
        assert!(o.validate().is_ok());
        // Setting a rule back to its own severity removes the override.
        s.set_severity(rule("V007").unwrap(), rule("V007").unwrap().severity);
        assert!(s.severity.is_empty());
    }

    #[test]
    fn garbage_is_dropped() {
        let s = RuleSettings::parse("year=99999\noff=ZZZ9,,A001\nseverity=A001:fatal,Q1:info\nx");
        assert_eq!(s.budget_year, None);
        assert_eq!(s.off, ["A001"]);
        assert!(s.severity.is_empty());
    }
}
