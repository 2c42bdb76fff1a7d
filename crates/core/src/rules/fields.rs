//! F — header field values.

use super::facts::Ctx;
use super::{Category, FixKind, RuleDoc, RuleInfo};
use crate::diagnostic::{excerpt, Applicability, Diagnostic, Fix, Message, Severity};
use crate::model::{Document, FieldKey, FormKind};
use crate::text::to_half_width;

pub static F001: RuleInfo = RuleInfo {
    code: "F001",
    name: "code-malformed",
    severity: Severity::Error,
    category: Category::Fields,
    title_zh: "项目编码格式错误",
    title_en: "Malformed project code",
    fix: FixKind::Safe,
    doc: RuleDoc {
        catches_zh: "项目编码中含有非数字字符、空格或全角数字。",
        catches_en: "A project code with non-digits, spaces or full-width digits.",
        why_zh: "项目编码是预算系统中项目的唯一标识，只能由半角数字组成；带空格或全角数字的编码无法匹配到预算项目。",
        why_en: "The code identifies the project in the budget system and consists of half-width digits only; with spaces or full-width digits it matches no budget line.",
        source: "预算系统项目库编码规则",
        bad_example: "项目编码:\t４４０３０４２３１４６０１００２０５０００",
        good_example: "项目编码:\t440304231460100205000",
    },
};

pub static F002: RuleInfo = RuleInfo {
    code: "F002",
    name: "code-length-outlier",
    severity: Severity::Error,
    category: Category::Fields,
    title_zh: "项目编码位数异常",
    title_en: "Project code of unusual length",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "同一次粘贴中，与同一地区前缀的其他编码位数不同的项目编码（例如 21 位编码中夹着 20 位的）。",
        catches_en: "A code whose length differs from the other codes of the same region prefix in the same paste (20 digits among 21-digit siblings).",
        why_zh: "同一地区的项目编码位数固定（深圳为 21 位）；少一位或多一位通常是录入时漏掉或多打了数字。",
        why_en: "Codes of one region have a fixed length (21 digits in Shenzhen); one digit less or more is usually a typing slip.",
        source: "预算系统项目库编码规则",
        bad_example: "项目编码:\t44030422146150000007（其他编码均为 21 位）",
        good_example: "项目编码:\t440304221461500000007",
    },
};

pub static F003: RuleInfo = RuleInfo {
    code: "F003",
    name: "years-invalid",
    severity: Severity::Error,
    category: Category::Fields,
    title_zh: "实施期限无效",
    title_en: "Invalid implementation period",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "实施期限不是 1 到 10 之间的整数年（或是无法识别的区间）。",
        catches_en: "实施期限 is not a whole number of years from 1 to 10 (or an unreadable range).",
        why_zh: "实施期限决定中期规划金额和是否需要填写长期目标，必须是明确的整数年。",
        why_en: "The period decides the medium-term amount and whether a long-term goal is needed; it must be a whole number of years.",
        source: "绩效目标申报表填报说明",
        bad_example: "实施期限:\t2023-2025",
        good_example: "实施期限:\t3",
    },
};

pub static F004: RuleInfo = RuleInfo {
    code: "F004",
    name: "enum-value-invalid",
    severity: Severity::Warning,
    category: Category::Fields,
    title_zh: "选项字段取值无效",
    title_en: "Invalid option value",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "是否新增项目不是“是/否”；分配方式不是“因素法/项目法/因素法和项目法”；项目类型不是“编号 名称”的形式。",
        catches_en: "是否新增项目 not 是/否; 分配方式 not 因素法/项目法/因素法和项目法; 项目类型 not `NN 名称`.",
        why_zh: "这些字段取自预算系统的固定选项，其他写法无法导入系统，也说明表格可能被改动过。",
        why_en: "These fields come from fixed options of the budget system; other values cannot be imported and suggest an edited template.",
        source: "预算系统填报要求",
        bad_example: "分配方式:\t项目",
        good_example: "分配方式:\t项目法",
    },
};

pub static F005: RuleInfo = RuleInfo {
    code: "F005",
    name: "policy-basis-no-citation",
    severity: Severity::Warning,
    category: Category::Fields,
    title_zh: "政策依据未引用文件",
    title_en: "Policy basis cites no document",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "政策依据中没有任何文件名称（《…》）或文号（如〔2021〕27号）。",
        catches_en: "政策依据 names no document (no 《…》, no document number such as 〔2021〕27号).",
        why_zh: "政策依据应当说明项目设立所依据的具体文件；只写用途或工作内容，审核人无法核实项目的合规性。",
        why_en: "The policy basis must name the documents the project rests on; a description of the work lets no reviewer verify it.",
        source: "财预〔2015〕88号《中央部门预算绩效目标管理办法》",
        bad_example: "政策依据:\t主要用于劳务派遣人员工资发放。",
        good_example: "政策依据:\t《中共深圳市福田区委机构编制委员会文件》(福编〔2021〕27号)",
    },
};

pub static F006: RuleInfo = RuleInfo {
    code: "F006",
    name: "goal-too-short",
    severity: Severity::Warning,
    category: Category::Fields,
    title_zh: "年度目标过于简略",
    title_en: "Annual goal too short",
    fix: FixKind::None,
    doc: RuleDoc {
        catches_zh: "年度目标少于 15 个字，或与项目名称相同。",
        catches_en: "An annual goal shorter than 15 characters, or equal to the project name.",
        why_zh: "年度目标要说明本年度通过项目实施要达到的产出和效果；一句短语无法据以设置和评价指标。",
        why_en: "The annual goal states the outputs and effects the project is to reach this year; a short phrase gives no ground for indicators.",
        source: "财预〔2015〕88号",
        bad_example: "年度目标:\t保障工作开展",
        good_example: "年度目标:\t2023年完成13名劳务派遣人员工资发放，保障单位各项工作正常开展。",
    },
};

/// `〔2021〕27号`, `[2016]30号`, `(2017)201号`, `（2013）18号`, `2022年第3号`.
pub fn has_document_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().map(to_half_width).collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '〔' | '[' | '(' | '【' | '〖') {
            let year: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if year.len() == 4 {
                let j = i + 1 + 4;
                if chars
                    .get(j)
                    .is_some_and(|c| matches!(c, '〕' | ']' | ')' | '】' | '〗'))
                {
                    let num: String = chars[j + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    if !num.is_empty() && chars.get(j + 1 + num.len()) == Some(&'号') {
                        return true;
                    }
                }
            }
        }
    }
    false
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let form = ctx.form;
    if form.kind != FormKind::Project {
        return;
    }
    // F001
    if let Some(f) = form
        .field(FieldKey::Code)
        .filter(|f| !f.value.text.is_empty())
    {
        let code = &f.value.text;
        if !code.chars().all(|c| c.is_ascii_digit()) {
            let fixed: String = code
                .chars()
                .map(to_half_width)
                .filter(|c| !c.is_whitespace())
                .collect();
            let fix = fixed.chars().all(|c| c.is_ascii_digit()).then(|| Fix {
                applicability: Applicability::Safe,
                title: Message::new("改为半角数字", "Use half-width digits"),
                span: f.value.span,
                replacement: fixed.clone(),
            });
            let mut d = Diagnostic::new(
                &F001,
                f.value.span,
                Message::new(
                    format!("项目编码「{code}」含有非数字字符、空格或全角数字"),
                    format!(
                        "Project code \"{code}\" holds non-digits, spaces or full-width digits"
                    ),
                ),
            );
            d.fix = fix;
            out.push(d);
        }
    }
    // F003
    if let Some(f) = form
        .field(FieldKey::Years)
        .filter(|f| !f.value.text.is_empty())
    {
        if !form.years().is_some_and(|y| (1..=10).contains(&y)) {
            out.push(Diagnostic::new(
                &F003,
                f.value.span,
                Message::new(
                    format!("实施期限「{}」不是 1 到 10 之间的整数年", f.value.text),
                    format!(
                        "Implementation period \"{}\" is not a whole number of years from 1 to 10",
                        f.value.text
                    ),
                ),
            ));
        }
    }
    // F004
    type EnumCheck = (FieldKey, fn(&str) -> bool, &'static str, &'static str);
    let enum_checks: [EnumCheck; 3] = [
        (
            FieldKey::IsNew,
            |v| matches!(v, "是" | "否"),
            "应为“是”或“否”",
            "should be 是 or 否",
        ),
        (
            FieldKey::Allocation,
            |v| matches!(v, "因素法" | "项目法" | "因素法和项目法"),
            "应为“因素法”“项目法”或“因素法和项目法”",
            "should be 因素法, 项目法 or 因素法和项目法",
        ),
        (
            FieldKey::ProjectType,
            project_type_ok,
            "应为“编号 名称”，如“15 其他经费”",
            "should be `NN name`, e.g. 15 其他经费",
        ),
    ];
    for (key, ok, zh, en) in enum_checks {
        if let Some(f) = form.field(key).filter(|f| !f.value.text.is_empty()) {
            if !ok(&f.value.text) && !f.value.text.contains(['□', '☐', '/']) {
                out.push(Diagnostic::new(
                    &F004,
                    f.value.span,
                    Message::new(
                        format!("{}「{}」{zh}", key.label_zh(), excerpt(&f.value.text, 20)),
                        format!("{} \"{}\" {en}", key.label_en(), excerpt(&f.value.text, 20)),
                    ),
                ));
            }
        }
    }
    // F005
    if let Some(f) = form
        .field(FieldKey::PolicyBasis)
        .filter(|f| !f.value.text.is_empty())
    {
        let t = &f.value.text;
        if !(t.contains('《') || t.contains('<') && t.contains('>') || has_document_number(t)) {
            out.push(Diagnostic::new(
                &F005,
                f.value.span,
                Message::new(
                    format!("政策依据未引用任何文件名称或文号：「{}」", excerpt(t, 30)),
                    format!(
                        "The policy basis names no document or document number: \"{}\"",
                        excerpt(t, 30)
                    ),
                ),
            ));
        }
    }
    // F006
    if let Some(f) = form
        .field(FieldKey::AnnualGoal)
        .filter(|f| !f.value.text.is_empty())
    {
        let goal = f.value.text.trim_end_matches(['。', '.']);
        let n = goal.chars().filter(|c| !c.is_whitespace()).count();
        let same_as_name = form.text(FieldKey::Name).is_some_and(|name| name == goal);
        if n < 15 || same_as_name {
            let (zh, en) = if same_as_name {
                (
                    "年度目标与项目名称相同".to_string(),
                    "The annual goal repeats the project name".to_string(),
                )
            } else {
                (
                    format!("年度目标只有 {n} 个字，过于简略"),
                    format!("The annual goal has only {n} characters"),
                )
            };
            out.push(Diagnostic::new(
                &F006,
                f.value.span,
                Message::new(
                    format!("{zh}：「{}」", f.value.text),
                    format!("{en}: \"{}\"", f.value.text),
                ),
            ));
        }
    }
}

fn project_type_ok(v: &str) -> bool {
    let digits = v.chars().take_while(|c| c.is_ascii_digit()).count();
    digits == 2 && v[2..].starts_with(' ') && v[3..].trim().chars().count() >= 2
}

/// F002 over a whole paste: codes whose length differs from the most common length of their
/// region prefix (at least two codes of that length, and more than of any other length).
pub fn check_paste(doc: &mut Document) {
    use std::collections::HashMap;
    let mut lengths: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    let codes: Vec<Option<String>> = doc
        .forms
        .iter()
        .map(|f| {
            f.text(FieldKey::Code)
                .filter(|c| c.len() >= 6 && c.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_string)
        })
        .collect();
    for c in codes.iter().flatten() {
        *lengths
            .entry(&c[..6])
            .or_default()
            .entry(c.len())
            .or_default() += 1;
    }
    let mut found = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let Some(code) = code else { continue };
        let by_len = &lengths[&code[..6]];
        let (&mode, &count) = by_len.iter().max_by_key(|&(l, n)| (n, l)).unwrap();
        let unique_mode = by_len.values().filter(|&&n| n == count).count() == 1;
        if code.len() != mode && count >= 2 && unique_mode {
            let span = doc.forms[i]
                .field(FieldKey::Code)
                .map(|f| f.value.span)
                .unwrap_or_default();
            found.push((
                i,
                Diagnostic::new(
                    &F002,
                    span,
                    Message::new(
                        format!("项目编码「{code}」为 {} 位，同一地区（{}）的其他 {count} 个编码为 {mode} 位", code.len(), &code[..6]),
                        format!("Project code {code} has {} digits; {count} other codes of region {} have {mode}", code.len(), &code[..6]),
                    ),
                ),
            ));
        }
    }
    for (i, d) in found {
        doc.forms[i].diagnostics.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, found, with, CLEAN};

    #[test]
    fn f001() {
        let text = with(
            "440304231460100205000",
            "４４０３０４２３１４６０１００２０５０００",
        );
        assert_eq!(found(&text, "F001").len(), 1);
        let doc = crate::rules::check(&text, &Default::default());
        let fix = doc.forms[0]
            .diagnostics
            .iter()
            .find(|d| d.code() == "F001")
            .unwrap()
            .fix
            .clone()
            .unwrap();
        assert_eq!(fix.replacement, "440304231460100205000");
        assert!(!codes(CLEAN).contains(&"F001"));
        assert_eq!(
            found(
                &with("440304231460100205000", "4403042314601002050O0"),
                "F001"
            )
            .len(),
            1
        );
    }

    #[test]
    fn f002() {
        let second = CLEAN
            .replace("440304231460100205000", "440304231460100205001")
            .replace("社区文化活动", "社区体育活动");
        let third = CLEAN
            .replace("440304231460100205000", "44030423146010020502")
            .replace("社区文化活动", "社区读书活动");
        let text = format!("{CLEAN}\n{second}\n{third}");
        let f = found(&text, "F002");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("为 20 位") && f[0].1.contains("为 21 位"));
        // Two codes of different lengths: no majority, no finding.
        assert!(found(&format!("{CLEAN}\n{third}"), "F002").is_empty());
        assert!(found(&format!("{CLEAN}\n{second}"), "F002").is_empty());
    }

    #[test]
    fn f003() {
        assert_eq!(
            found(&with("实施期限:\t1", "实施期限:\t2023-2025"), "F003").len(),
            1
        );
        assert_eq!(
            found(&with("实施期限:\t1", "实施期限:\t12"), "F003").len(),
            1
        );
        assert!(found(&with("实施期限:\t1", "实施期限:\t1年"), "F003").is_empty());
    }

    #[test]
    fn f004() {
        assert_eq!(
            found(&with("分配方式:\t项目法", "分配方式:\t项目"), "F004").len(),
            1
        );
        assert_eq!(
            found(&with("是否新增项目:\t是", "是否新增项目:\t新增"), "F004").len(),
            1
        );
        assert_eq!(found(&with("15 其他经费", "其他经费"), "F004").len(), 1);
        assert!(found(&with("15 其他经费", "15 履职类(运转)项目"), "F004").is_empty());
        assert!(found(
            &with("分配方式:\t项目法", "分配方式:\t因素法和项目法"),
            "F004"
        )
        .is_empty());
    }

    #[test]
    fn f005() {
        let text = with(
            "《福田区公共文化服务发展规划》(福府〔2021〕12号)",
            "主要用于社区文化活动。",
        );
        assert_eq!(found(&text, "F005").len(), 1);
        assert!(found(
            &with(
                "《福田区公共文化服务发展规划》(福府〔2021〕12号)",
                "福府〔2021〕12号文"
            ),
            "F005"
        )
        .is_empty());
        assert!(found(
            &with(
                "《福田区公共文化服务发展规划》(福府〔2021〕12号)",
                "中办发[2016]30号"
            ),
            "F005"
        )
        .is_empty());
    }

    #[test]
    fn f006() {
        assert_eq!(
            found(
                &with(
                    "2023年举办社区文化演出10场，覆盖居民5000人次。",
                    "开展文化活动"
                ),
                "F006"
            )
            .len(),
            1
        );
        let same = with(
            "2023年举办社区文化演出10场，覆盖居民5000人次。",
            "社区文化活动",
        );
        assert!(found(&same, "F006")[0].1.contains("与项目名称相同"));
        assert!(found(CLEAN, "F006").is_empty());
    }
}
