//! Every user-facing string of the page, in Chinese (primary) and English, side by side.
//!
//! Texts that come from the core (diagnostic messages, severity and category names, rule titles)
//! carry both languages themselves ([`kpiform_core::Message`]); everything the page adds lives
//! here: fixed strings as [`Tr`] constants, strings with numbers as functions.

use kpiform_core::{FormKind, Lang, Message, ValueKind};

use crate::settings::Theme;
use crate::state::Tab;

/// A fixed string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

/// A dash for a missing value.
pub const NO_VALUE: &str = "—";

pub const APP_TITLE: Tr = Tr("绩效目标申报表检查", "Performance Target Form Checker");
pub const TAGLINE: Tr = Tr(
    "粘贴从预算系统、Word、Excel 或 PDF 复制的申报表文本，查看识别出的表格和发现的问题。",
    "Paste 绩效目标申报表 copied from the budget system, Word, Excel or PDF: see the forms found and their problems.",
);
pub const PRIVACY: Tr = Tr(
    "文本只在本机浏览器中处理，不会发送到任何地方。",
    "Your text is processed in this browser only and never sent anywhere.",
);
pub const FOOTER: Tr = Tr(
    "kpiform · 绩效目标申报表检查工具 · 离线运行",
    "kpiform · performance target form checker · works offline",
);
/// Text of the language button: the *other* language.
pub const SWITCH_LANG: Tr = Tr("English", "中文");
pub const SWITCH_LANG_TITLE: Tr = Tr("Switch to English", "切换为中文");
pub const THEME_TOGGLE: Tr = Tr("切换浅色 / 深色", "Switch light / dark");

// ---------- input ----------

pub const INPUT_LABEL: Tr = Tr("申报表文本", "Form text");
pub const INPUT_TOOLS: Tr = Tr("文本操作", "Text tools");
pub const INPUT_PLACEHOLDER: Tr = Tr(
    "在此粘贴一张或多张绩效目标申报表，或把 Excel、WPS、Word、网页或文本文件拖到这里……",
    "Paste one or more performance target forms here, or drop Excel, WPS, Word, web page or text files…",
);
pub const INPUT_HINT: Tr = Tr(
    "可打开 .xlsx、.xls、.docx、.html、.csv 和 .txt 文件（可多选）；从 Excel、WPS 或 Word 粘贴的表格按单元格读取。",
    "Opens .xlsx, .xls, .docx, .html, .csv and .txt files (several at once); a table pasted from Excel, WPS or Word is read by its cells.",
);
pub const EXAMPLE: Tr = Tr("示例", "Example");
pub const OPEN_FILE: Tr = Tr("打开文件…", "Open file…");
pub const CLEAR: Tr = Tr("清空", "Clear");
pub const DROP_HERE: Tr = Tr("松开鼠标以载入文件", "Drop to load the files");
pub const CHECKING: Tr = Tr("正在检查…", "checking…");
pub const NOT_CHECKED: Tr = Tr("尚未检查", "not checked");
pub const DISCARD: Tr = Tr("丢弃", "Discard");
pub const KEEP: Tr = Tr("保留", "Keep");
pub const SAVE_FAILED: Tr = Tr(
    "文本太大，无法保存在本机浏览器中：关闭页面后不会恢复。",
    "The text is too large to keep in this browser: it will not be restored after closing the page.",
);
pub const UNDO: Tr = Tr("撤销", "Undo");
pub const CLOSE: Tr = Tr("关闭", "Close");

pub fn restored(l: Lang, saved: Option<String>) -> String {
    match (l, saved) {
        (Lang::Zh, Some(t)) => format!("已恢复上次的文本（保存于 {t}）。"),
        (Lang::Zh, None) => "已恢复上次的文本。".to_string(),
        (Lang::En, Some(t)) => format!("Your text from last time was restored (saved {t})."),
        (Lang::En, None) => "Your text from last time was restored.".to_string(),
    }
}

fn chars_count(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{} 字符", group(n)),
        Lang::En => format!("{} characters", group(n)),
    }
}

fn lines_count(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{} 行", group(n)),
        Lang::En if n == 1 => "1 line".to_string(),
        Lang::En => format!("{} lines", group(n)),
    }
}

/// `12,345 字符 · 300 行 · {more}`: the size of a text, and one more thing about it.
pub fn text_size(l: Lang, chars: usize, lines: usize, more: &str) -> String {
    format!(
        "{} · {} · {more}",
        chars_count(l, chars),
        lines_count(l, lines)
    )
}

pub fn forms_count(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 张表"),
        Lang::En if n == 1 => "1 form".to_string(),
        Lang::En => format!("{n} forms"),
    }
}

/// `12,345`.
pub fn group(n: usize) -> String {
    crate::report::format_amount(n as f64)
}

pub fn bytes(l: Lang, n: usize) -> String {
    let (zh, en) = if n >= 1 << 20 {
        let v = format!("{:.1} MB", n as f64 / (1 << 20) as f64);
        (v.clone(), v)
    } else if n >= 1 << 10 {
        let v = format!("{:.1} KB", n as f64 / 1024.0);
        (v.clone(), v)
    } else {
        (format!("{n} 字节"), format!("{n} bytes"))
    };
    match l {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub const OPEN_FOLDER: Tr = Tr("打开文件夹…", "Open folder…");
pub const OPEN_FOLDER_TITLE: Tr = Tr(
    "读入一个文件夹（含子文件夹）中的全部申报表文件，例如一个单位报送的材料",
    "Read every form file of a folder (and its subfolders), such as a unit's submission",
);

/// A folder was dropped on the text box.
pub fn folder_dropped() -> Message {
    Message::new(
        "拖入的是文件夹：请用“打开文件夹…”读入文件夹中的全部申报表文件。原有文本未改动。",
        "A folder was dropped: use “Open folder…” to read every form file in it. The text is unchanged.",
    )
}

/// A folder's other files, not read.
pub fn folder_skipped(n: usize) -> Message {
    Message::new(
        format!("文件夹中另有 {n} 个文件不是可读取的申报表格式（如 PDF、图片），未读取。"),
        format!("{n} other file(s) of the folder are of no form kpiform reads (PDF, images …) and were left."),
    )
}

/// A folder without any file kpiform reads.
pub fn folder_empty(n: usize) -> Message {
    Message::new(
        format!("文件夹中的 {n} 个文件都不是可读取的申报表格式（文本、CSV、Excel、WPS、Word、网页）。"),
        format!("None of the folder's {n} files is of a kind kpiform reads (text, CSV, Excel, WPS, Word, web pages)."),
    )
}

/// The earlier version was read from these files.
pub fn earlier_loaded(files: &[(String, String, Option<String>, usize, usize)]) -> Message {
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    Message::new(
        format!("已读入上一版本：{}。", names.join("、")),
        format!("Earlier version read: {}.", names.join(", ")),
    )
}

/// What opening files gave: each file read (name, kind, encoding, tables, notes), and how many
/// were refused (their messages follow in the same toast).
pub fn files_loaded(
    files: &[(String, String, Option<String>, usize, usize)],
    changes: &[(usize, String, String)],
) -> Message {
    let kind = |k: &str| match k {
        "xlsx" | "xlsb" | "xls" | "ods" => ("工作簿", "workbook"),
        "docx" => ("Word 文档", "Word document"),
        "html" | "mht" => ("网页", "web page"),
        "csv" => ("CSV 表格", "CSV table"),
        _ => ("文本", "text"),
    };
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (name, k, encoding, tables, notes) in files {
        let (kz, ke) = kind(k);
        let mut z = format!("「{name}」（{kz}");
        let mut e = format!("“{name}” ({ke}");
        if let Some(enc) = encoding {
            z.push_str(&format!("，{enc}"));
            e.push_str(&format!(", {enc}"));
        }
        if *tables > 0 {
            z.push_str(&format!("，{tables} 个表格"));
            e.push_str(&format!(
                ", {tables} table{}",
                if *tables == 1 { "" } else { "s" }
            ));
        }
        if *notes > 0 {
            z.push_str(&format!("，{notes} 处改动"));
            e.push_str(&format!(
                ", {notes} change{}",
                if *notes == 1 { "" } else { "s" }
            ));
        }
        z.push('）');
        e.push(')');
        zh.push(z);
        en.push(e);
    }
    // The first changes, by line (all of them are counted above).
    const SHOWN: usize = 3;
    let mut more_zh = String::new();
    let mut more_en = String::new();
    for (line, z, e) in changes.iter().take(SHOWN) {
        more_zh.push_str(&format!("第 {line} 行：{z}；"));
        more_en.push_str(&format!(" Line {line}: {e}."));
    }
    if changes.len() > SHOWN {
        more_zh.push_str("……");
        more_en.push_str(" …");
    }
    Message::new(
        format!(
            "已载入{}。{}",
            zh.join("、"),
            more_zh.trim_end_matches('；')
        ),
        format!("Loaded {}.{more_en}", en.join(", ")),
    )
}

/// A file the import refused: its name and why.
pub fn file_refused(name: &str, zh: &str, en: &str) -> Message {
    Message::new(format!("「{name}」：{zh}"), format!("“{name}”: {en}"))
}

/// The importer could not be loaded (a page saved without its modules, an old browser).
pub fn importer_unavailable(name: &str) -> Message {
    Message::new(
        format!("无法读取「{name}」：读取文件的模块未能加载。请刷新页面后重试。"),
        format!("Could not read “{name}”: the module that reads files did not load. Reload the page and try again."),
    )
}

/// A table pasted from Excel, WPS or Word, read by its cells.
pub fn table_pasted(tables: usize, notes: usize) -> Message {
    Message::new(
        format!(
            "已按单元格读取粘贴的表格（{tables} 个表格{}）。如需纯文本，可在设置中关闭。",
            if notes > 0 { format!("，{notes} 处改动") } else { String::new() }
        ),
        format!(
            "The pasted table was read by its cells ({tables} table{}{}). Plain text only can be chosen in the settings.",
            if tables == 1 { "" } else { "s" },
            if notes > 0 { format!(", {notes} change{}", if notes == 1 { "" } else { "s" }) } else { String::new() }
        ),
    )
}

pub fn file_unreadable(name: &str) -> Message {
    Message::new(
        format!("无法读取文件「{name}」。"),
        format!("Could not read “{name}”."),
    )
}

pub fn file_too_large(name: &str, size: f64) -> Message {
    let mb = size / (1 << 20) as f64;
    Message::new(
        format!("文件「{name}」太大（{mb:.1} MB），未载入。本页面最多处理约 20 MB 的文本。"),
        format!("“{name}” is too large ({mb:.1} MB) and was not loaded. The page handles up to about 20 MB of text."),
    )
}

// ---------- results: general ----------

pub fn tab(l: Lang, tab: Tab) -> &'static str {
    let t = match tab {
        Tab::Overview => Tr("概览", "Overview"),
        Tab::Structure => Tr("结构", "Structure"),
        Tab::Problems => Tr("问题", "Problems"),
        Tab::Compare => Tr("对比", "Compare"),
        Tab::Export => Tr("导出", "Export"),
        Tab::Settings => Tr("设置", "Settings"),
    };
    t.get(l)
}

pub const RESULTS: Tr = Tr("检查结果", "Results");
pub const EMPTY_TITLE: Tr = Tr("还没有内容", "Nothing here yet");
pub const EMPTY_BODY: Tr = Tr(
    "把申报表全文粘贴到左侧文本框（或拖入 Excel、Word、文本文件，点击“示例”），结果会立即显示在这里：",
    "Paste the full text of your forms into the box on the left (or drop Excel, Word or text files, or click “Example”); results appear here at once:",
);
pub const EMPTY_POINTS: [Tr; 5] = [
    Tr(
        "模板：深圳二级项目、财预〔2015〕88号项目/部门整体、预算管理一体化、上海、浙江、安徽、重庆审批表、山东、湖南等省级项目表、扶贫/衔接资金、转移支付区域表、绩效目标公示；其他模板按标签识别，一次可粘贴多张；",
        "templates: Shenzhen level-2 project, MoF 2015 No. 88 project / department-wide, integrated budget system (一体化), Shanghai, Zhejiang, Anhui, Chongqing approval, Shandong, Hunan and other provincial project forms, poverty-relief / rural-revitalisation funds, transfer-payment regional tables, published targets (公示); any other template by its labels; many forms at once;",
    ),
    Tr(
        "排版：Excel/WPS/Word 表格复制（制表符）、网页表格（竖线或每格一行）、PDF 文本（断行的单元格、整页一行）、空格分隔、标签与值粘连、文字公示；",
        "layouts: tables copied from Excel, WPS or Word (tabs), web tables (pipes, or one cell per line), PDF text (cells broken over lines, a whole page on one line), space-separated, labels glued to their values, notices in prose;",
    ),
    Tr(
        "每张表的表头、金额和绩效指标表都会列出，金额按万元和元换算；",
        "each form's header fields, amounts and indicator table are shown, amounts in both 元 and 万元;",
    ),
    Tr(
        "发现的问题附有规则编号和说明，点击即可在原文中选中，部分问题可一键修改；",
        "every problem has a rule code and an explanation; a click selects it in the text, and some can be fixed with one click;",
    ),
    Tr(
        "键盘：F8 / Shift+F8 跳到下一个 / 上一个问题（不在输入时也可用 j / k）。",
        "keyboard: F8 / Shift+F8 go to the next / previous problem (j / k when not typing).",
    ),
];
pub const TRY_EXAMPLE: Tr = Tr("载入示例申报表试试", "Try the example form");
pub const NO_FORMS_TITLE: Tr = Tr("没有识别出申报表", "No form found");
pub const NO_FORMS_BODY: Tr = Tr(
    "本页面检查的是绩效目标申报表的全文。请确认粘贴的内容包括：",
    "This page checks the full text of performance target forms. Make sure what you pasted includes:",
);
pub const EXPECT_POINTS: [Tr; 3] = [
    Tr(
        "表头标题，如「二级项目支出绩效目标申报表」或「部门（单位）整体支出绩效目标申报表」；",
        "the title, such as “二级项目支出绩效目标申报表” or “部门（单位）整体支出绩效目标申报表”;",
    ),
    Tr(
        "表头字段，如「项目编码」「项目名称」「本年度项目金额」；",
        "the header fields, such as 项目编码, 项目名称, 本年度项目金额;",
    ),
    Tr(
        "绩效指标表（一级指标、二级指标、三级指标、指标值、指标解释）。",
        "the indicator table (一级指标, 二级指标, 三级指标, 指标值, 指标解释).",
    ),
];
pub const LARGE_TITLE: Tr = Tr(
    "文本较大，自动检查已暂停",
    "Large text: automatic checking paused",
);
pub const LARGE_BODY: Tr = Tr(
    "此浏览器不能在后台检查，为保证输入流畅，超过 30 万字符的文本不会边输入边检查。点击“立即检查”开始检查，可能需要几秒钟，期间页面暂时不响应；文本不会丢失。",
    "This browser cannot check in the background, so texts over 300,000 characters are not checked as you type, to keep typing fluid. “Check now” starts the check: it may take a few seconds, during which the page does not respond. Your text is kept.",
);
pub const TOO_LARGE_BODY: Tr = Tr(
    "文本超过约 1200 万字符，超出本页面能检查的范围。请分批粘贴，或使用命令行工具 kpiform 检查。",
    "The text is over about 12 million characters, more than this page can check. Paste it in parts, or check it with the kpiform command-line tool.",
);
pub const CHECK_NOW: Tr = Tr("立即检查", "Check now");
pub const BUSY: Tr = Tr("正在检查，请稍候…", "Checking, please wait…");

// ---------- overview ----------

pub const FORMS_UNIT: Tr = Tr("张申报表", "forms");
pub const INDICATORS: Tr = Tr("绩效指标", "indicators");
pub const APPLICABLE: Tr = Tr("适用", "applicable");
pub const APPLICABLE_TITLE: Tr = Tr("适用的指标行数", "applicable indicator rows");
pub const BUDGET_YEAR: Tr = Tr("预算年度", "Budget year");
pub const UNKNOWN: Tr = Tr("未知", "unknown");
pub const CHECK_TIME_TITLE: Tr = Tr("本次检查用时", "time the check took");
pub const FORMS_HEADING: Tr = Tr("申报表", "Forms");
pub const BY_CATEGORY: Tr = Tr("问题分类", "Problems by category");
pub const COL_INDEX: Tr = Tr("序号", "#");
pub const COL_NAME: Tr = Tr("名称", "Name");
pub const COL_NAME_CODE: Tr = Tr("名称 / 编码", "Name / code");
pub const COL_CODE: Tr = Tr("项目编码", "Code");
pub const COL_UNIT: Tr = Tr("单位", "Unit");
pub const COL_APPLICANT: Tr = Tr("申请单位", "applicant unit");
pub const COL_AUTHORITY: Tr = Tr("主管部门", "supervising department");
pub const COL_YEAR: Tr = Tr("本年度金额", "This year");
pub const COL_GRADE: Tr = Tr("等级", "Grade");
pub const COL_STATUS: Tr = Tr("审核状态", "Review");
pub const GRADING: Tr = Tr("评分方法", "Grading");
pub const GRADING_BODY: Tr = Tr(
    "建议等级按下列数值计算：每个问题从其规则所属维度扣分，同一规则在一张表中最多计若干次；总分为四个维度的加权平均。",
    "The suggested grade follows these numbers: each finding takes points off its rule's dimension, one rule counts at most so often per form; the score is the weighted mean of the four dimensions.",
);
pub const GRADING_DOC: Tr = Tr("评分方法说明", "How a form is graded");
pub const GRADING_DEDUCT: Tr = Tr("每个问题扣分", "Points per finding");
pub const GRADING_PER_RULE: Tr = Tr("同一规则最多计次", "Times one rule counts");
pub const GRADING_WEIGHTS: Tr = Tr("维度权重", "Weights");
pub const GRADING_THRESHOLDS: Tr = Tr("等级最低分", "Lowest score of");
pub const SET_GRADE: Tr = Tr("审核等级", "Grade");
pub const SUGGESTED: Tr = Tr("采用建议等级", "As suggested");
pub const GRADE_REASON: Tr = Tr("改定等级的理由（必填）", "Why this grade (required)");
pub const BACK_TO_SUGGESTED: Tr = Tr("恢复建议等级", "Back to the suggested grade");
pub const MARK_DONE: Tr = Tr("本表审核完成", "Review of this form done");

/// `建议等级：良（84.5 分）`.
pub fn suggested_grade(l: Lang, g: &kpiform_core::FormGrade) -> String {
    match l {
        Lang::Zh => format!("建议等级：{}（{} 分）", g.grade.label().zh, g.score),
        Lang::En => format!("suggested: {} ({})", g.grade.label().en, g.score),
    }
}
pub const GRADE_SET: Tr = Tr("改定", "set");
pub const ALL_GRADES: Tr = Tr("全部等级", "All grades");
pub const ALL_STATUSES: Tr = Tr("全部状态", "Any status");
pub const DESK_QUERY: Tr = Tr(
    "筛选：名称、编码、单位或文件",
    "Filter: name, code, unit or file",
);
pub const DESK_XLSX: Tr = Tr("导出台账（Excel）", "Desk workbook (Excel)");
pub const DESK_XLSX_TITLE: Tr = Tr(
    "每张表的等级、得分、问题数和审核状态，以及全部指标和问题",
    "Every form's grade, scores, problems and review status, with every indicator and problem",
);
pub const SAVE_REVIEW: Tr = Tr("保存审核", "Save review");
pub const SAVE_REVIEW_TITLE: Tr = Tr(
    "把申报表、设置、等级、忽略和批注存为一个审核文件，可在另一台电脑上打开",
    "Save the forms, settings, grades, dismissals and comments as one review file, to open on another computer",
);
pub const CLEAR_REVIEW: Tr = Tr("清空审核", "Clear review");
pub const CLEAR_REVIEW_CONFIRM: Tr = Tr(
    "清空文本和全部审核决定（等级、忽略、批注、完成标记）？已保存的审核文件不受影响。",
    "Clear the text and every review decision (grades, dismissals, comments, done marks)? Saved review files are not affected.",
);
pub const UNITS_HEADING: Tr = Tr("按单位汇总", "By unit");
pub const UNIT_REPORT: Tr = Tr("审核意见", "Review report");
pub const UNIT_REPORT_TITLE: Tr = Tr(
    "下载这个单位的审核意见（Word），每张表一节",
    "Download this unit's review report (Word), a section per form",
);
pub const NO_UNIT: Tr = Tr("（未填单位）", "(no unit)");

/// `显示 12 / 42 张`.
pub fn shown_of(l: Lang, shown: usize, total: usize) -> String {
    match l {
        Lang::Zh => format!("显示 {shown} / {total} 张"),
        Lang::En => format!("{shown} of {total} shown"),
    }
}

/// The tooltip of a form's grade: what it means, its score and the four dimensions, and the
/// reviewer's reason when they set the grade.
pub fn grade_title(l: Lang, g: &kpiform_core::FormGrade, reason: Option<&str>) -> String {
    let title = grade_title_suggested(l, g);
    match (reason, l) {
        (None, _) => title,
        (Some(r), Lang::Zh) => format!("审核人员改定，理由：{r}。建议等级：{title}"),
        (Some(r), Lang::En) => format!("Set by the reviewer: {r}. Suggested: {title}"),
    }
}

fn grade_title_suggested(l: Lang, g: &kpiform_core::FormGrade) -> String {
    let dims: Vec<String> = kpiform_core::Dimension::ALL
        .iter()
        .zip(g.scores)
        .map(|(d, s)| format!("{} {s}", d.name().get(l)))
        .collect();
    let capped = if g.capped {
        Tr(
            "；缺少必填内容，最高为“中”",
            "; required content is missing: at best fair",
        )
        .get(l)
    } else {
        ""
    };
    match l {
        Lang::Zh => format!(
            "{}（{} 分{capped}）。{}。{}",
            g.grade.label().zh,
            g.score,
            dims.join("，"),
            g.grade.meaning().zh
        ),
        Lang::En => format!(
            "{} ({}{capped}). {}. {}",
            g.grade.label().en,
            g.score,
            dims.join(", "),
            g.grade.meaning().en
        ),
    }
}
pub const COL_INDICATORS: Tr = Tr("指标", "Indicators");
pub const SORT_BY: Tr = Tr("按此列排序", "Sort by this column");
pub const OPEN_FORM: Tr = Tr("查看这张表的结构", "Show this form's structure");
pub const SHOW_THESE: Tr = Tr("在问题清单中查看", "Show in the problem list");
pub const NO_PROBLEMS: Tr = Tr("无问题", "no problems");
pub const NO_NAME: Tr = Tr("（无名称）", "(no name)");

pub fn kind(l: Lang, kind: FormKind) -> &'static str {
    match kind {
        FormKind::Project => Tr("项目", "Project").get(l),
        FormKind::Department => Tr("部门", "Department").get(l),
    }
}

// ---------- structure ----------

pub const FORM: Tr = Tr("申报表", "Form");
pub const PREV_FORM: Tr = Tr("上一张表", "Previous form");
pub const NEXT_FORM: Tr = Tr("下一张表", "Next form");
pub const HEADER_FIELDS: Tr = Tr("表头", "Header");
pub const EMPTY: Tr = Tr("（空）", "(empty)");
pub const NOT_A_NUMBER: Tr = Tr("不是数字", "not a number");
pub const READ_AS_YUAN: Tr = Tr(
    "（标为万元，但数值是按元填写的，见 A001）",
    " (labelled 万元 but written in 元, see A001)",
);
pub const YES: Tr = Tr("是", "yes");
pub const NO: Tr = Tr("否", "no");
pub const TASKS: Tr = Tr("年度主要任务", "Main tasks of the year");
pub const TASK_NAME: Tr = Tr("任务名称", "Task");
pub const TASK_CONTENT: Tr = Tr("主要内容", "Content");
pub const TASK_TOTAL: Tr = Tr("总额", "Total");
pub const TASK_FISCAL: Tr = Tr("财政拨款", "Fiscal");
pub const TASK_OTHER: Tr = Tr("其他资金", "Other");
pub const GOALS: Tr = Tr("年度总体目标", "Overall goals of the year");
pub const INDICATOR_TABLE: Tr = Tr("绩效指标", "Indicators");
pub const NO_INDICATORS: Tr = Tr("没有识别出绩效指标表。", "No indicator table found.");
pub const LEVEL1: Tr = Tr("一级指标", "Level 1");
pub const LEVEL2: Tr = Tr("二级指标", "Level 2");
pub const LEVEL3: Tr = Tr("三级指标", "Indicator");
pub const VALUE: Tr = Tr("指标值", "Value");
pub const READ_VALUE: Tr = Tr("识别为", "Read as");
pub const UNIT_COL: Tr = Tr("度量单位", "Unit");
pub const EXPLANATION: Tr = Tr("指标解释", "Explanation");
pub const OPERATOR_COL: Tr = Tr("指标性质", "Operator");
pub const MEDIUM_VALUE_COL: Tr = Tr("中期指标值", "Medium-term value");
pub const WEIGHT_COL: Tr = Tr("权重", "Weight");
pub const MEDIUM_INDICATORS: Tr = Tr("中期/长期指标", "Medium-term indicators");
pub const EXTRA_FIELD: Tr = Tr(
    "此模板特有的字段，按原标签列出",
    "a field of this template, listed under its own label",
);
pub const MANDATORY: Tr = Tr("必填的二级指标", "mandatory category");
pub const PROBLEMS: Tr = Tr("问题", "Problems");

/// `模板：上海市财政支出项目绩效目标申报表` / `Template: Shanghai project form`.
pub fn template(l: Lang, name_zh: &str, name_en: &str) -> String {
    match l {
        Lang::Zh => format!("模板：{name_zh}"),
        Lang::En => format!("Template: {name_en}"),
    }
}

pub fn years(l: Lang, y: u32) -> String {
    match l {
        Lang::Zh => format!("{y} 年"),
        Lang::En if y == 1 => "1 year".to_string(),
        Lang::En => format!("{y} years"),
    }
}

pub fn digits(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 位"),
        Lang::En => format!("{n} digits"),
    }
}

pub fn rows(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 行"),
        Lang::En if n == 1 => "1 row".to_string(),
        Lang::En => format!("{n} rows"),
    }
}

pub fn problems_here(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("此处有 {n} 个问题，点击查看"),
        Lang::En if n == 1 => "1 problem here; click to see it".to_string(),
        Lang::En => format!("{n} problems here; click to see them"),
    }
}

pub fn value_kind(l: Lang, k: &ValueKind) -> &'static str {
    let t = match k {
        ValueKind::Empty => Tr("空", "empty"),
        ValueKind::NotApplicable => Tr("不适用", "not applicable"),
        ValueKind::Placeholder => Tr("占位符", "placeholder"),
        ValueKind::Percent => Tr("百分比", "percentage"),
        ValueKind::Date { .. } => Tr("日期", "date"),
        ValueKind::Duration => Tr("时长", "duration"),
        ValueKind::Number => Tr("数值", "number"),
        ValueKind::Text => Tr("定性", "qualitative"),
    };
    t.get(l)
}

// ---------- problems ----------

pub const ALL_CLEAR: Tr = Tr("未发现问题。", "No problems found.");
pub const FILTERS: Tr = Tr("筛选问题", "Filter the problems");
pub const SEVERITY: Tr = Tr("级别", "Severity");
pub const CATEGORY: Tr = Tr("类别", "Category");
pub const FIXABLE: Tr = Tr("可一键修改", "fixable");
pub const ONLY_FORM: Tr = Tr("仅看", "Only");
pub const REMOVE_FILTER: Tr = Tr("取消此筛选", "Remove this filter");
pub const SHOW_ALL: Tr = Tr("显示全部", "Show all");
pub const OUTSIDE_FORMS: Tr = Tr("表外文字", "Outside the forms");
pub const NOTHING_MATCHES: Tr = Tr("没有符合筛选条件的问题。", "No problem matches the filter.");
pub const KEYS_HINT: Tr = Tr(
    "F8 / Shift+F8 或 j / k：下一个 / 上一个",
    "F8 / Shift+F8 or j / k: next / previous",
);
pub const SELECT_IN_TEXT: Tr = Tr("在原文中选中", "Select in the text");
pub const RULE_DOC: Tr = Tr("查看规则说明", "Read the rule's documentation");
pub const SEE_ALSO: Tr = Tr("另见", "See also");
pub const APPLY: Tr = Tr("修改", "Fix");
pub const FIX_SUGGEST: Tr = Tr(
    "建议的修改：会改变内容，请确认后再应用（可撤销）",
    "Suggested fix: it changes the meaning, check before applying (can be undone)",
);
pub const FIX_SAFE: Tr = Tr(
    "安全的修改：只改写法，不改内容（可撤销）",
    "Safe fix: changes only how it is written (can be undone)",
);
pub const REPLACED_BY: Tr = Tr("改为", "replaced by");
pub const NOTHING: Tr = Tr("（删除）", "(deleted)");

pub fn showing(l: Lang, shown: usize, total: usize) -> String {
    match (l, shown == total) {
        (Lang::Zh, true) => format!("共 {total} 个问题"),
        (Lang::Zh, false) => format!("显示 {shown} / {total} 个问题"),
        (Lang::En, true) => format!("{total} problems"),
        (Lang::En, false) => format!("{shown} of {total} problems"),
    }
}

/// `第 27 行，第 23 列` / `line 27, column 23`.
pub fn line_col(l: Lang, line: usize, column: usize) -> String {
    match l {
        Lang::Zh => format!("第 {line} 行，第 {column} 列"),
        Lang::En => format!("line {line}, column {column}"),
    }
}

/// `27:23`.
pub fn line_col_short(_l: Lang, line: usize, column: usize) -> String {
    format!("{line}:{column}")
}

// ---------- export ----------

pub const FORMAT: Tr = Tr("格式", "Format");
pub const DOWNLOAD: Tr = Tr("下载", "Download");
pub const COPY: Tr = Tr("复制", "Copy");
pub const PRINT: Tr = Tr("打印报告", "Print report");
pub const PREVIEW: Tr = Tr("预览", "Preview");
pub const PREVIEW_CUT: Tr = Tr("预览只显示开头部分", "the preview shows the beginning only");
pub const NO_PREVIEW: Tr = Tr("二进制文件，无法预览", "binary file, no preview");
pub const APPLY_SUGGESTED: Tr = Tr("同时应用建议的修改", "Also apply suggested fixes");
pub const APPLY_SUGGESTED_TITLE: Tr = Tr(
    "规范文本和 JSON 中，除了只改写法的安全修改，也应用会改变内容的建议修改",
    "In the normalized text and the JSON, apply the suggested fixes (which change the meaning) as well as the safe ones",
);
pub const EXPORT_UPDATING: Tr = Tr(
    "文本已更改，导出内容即将更新…",
    "The text changed; the export is being updated…",
);
pub const EXPORT_PREPARING: Tr = Tr("正在生成导出文件…", "Preparing the export…");
pub const WHERE: Tr = Tr("位置", "Where");
pub const RULE: Tr = Tr("规则", "Rule");
pub const MESSAGE: Tr = Tr("说明", "Message");

// ---------- settings ----------

pub const DISPLAY: Tr = Tr("显示", "Display");
pub const LANGUAGE: Tr = Tr("语言", "Language");
pub const THEME: Tr = Tr("主题", "Theme");
pub const FILE: Tr = Tr("文件", "File");
pub const DISMISS: Tr = Tr("忽略此问题…", "Dismiss…");
/// The reasons a reviewer dismisses a finding for; the Chinese is what is stored.
pub const DISMISS_REASONS: [Tr; 3] = [
    Tr("误报", "false positive"),
    Tr("已说明", "explained by the unit"),
    Tr("不适用", "not applicable"),
];
pub const DISMISS_RULE: Tr = Tr("忽略本规则全部", "Dismiss the whole rule");
pub const DISMISS_RULE_TITLE: Tr = Tr(
    "本次粘贴中此规则的所有问题都标为“不适用”，不进入审核意见",
    "Mark every finding of this rule in this paste as not applicable: they leave the review report",
);
pub const RESTORE: Tr = Tr("恢复", "Restore");
pub const COMPARE_TITLE: Tr = Tr("与上一版本对比", "Compare with the earlier version");
pub const COMPARE_BODY: Tr = Tr(
    "单位修改后重新报送时，打开或粘贴上一版本：逐表（按项目编码，无编码时按名称对应）列出已改正、新出现和仍存在的问题，以及改动的字段和指标值。",
    "When a unit resubmits, open or paste the version sent before: per form (matched by code, else by name), the problems fixed, new and remaining, and the fields and indicator values that changed.",
);
pub const EARLIER_OPEN: Tr = Tr("打开上一版本…", "Open the earlier version…");
pub const EARLIER_PASTE: Tr = Tr(
    "或把上一版本粘贴到这里：",
    "Or paste the earlier version here:",
);
pub const COMPARE_NOW: Tr = Tr("对比", "Compare");
pub const EARLIER_CLEAR: Tr = Tr("换一个版本", "Another version");
pub const FORM_ADDED: Tr = Tr("新增的表", "new form");
pub const FORM_REMOVED: Tr = Tr("已删除的表", "form removed");
pub const FIXED: Tr = Tr("已改正", "Fixed");
pub const NEW_FINDINGS: Tr = Tr("新出现", "New");
pub const REMAINING: Tr = Tr("仍存在", "Remaining");
pub const CHANGED: Tr = Tr("改动", "Changed");
pub const INDICATOR: Tr = Tr("指标", "indicator");
pub const FIELD: Tr = Tr("字段", "field");
pub const ABSENT: Tr = Tr("（无）", "(none)");

/// The comparison in one line.
pub fn compare_summary(
    l: Lang,
    forms: usize,
    fixed: usize,
    added: usize,
    remaining: usize,
    changed: usize,
) -> String {
    match l {
        Lang::Zh => format!(
            "共对比 {forms} 张表：已改正 {fixed} 个问题，新出现 {added} 个，仍存在 {remaining} 个；改动 {changed} 处。"
        ),
        Lang::En => format!(
            "{forms} forms compared: {fixed} problems fixed, {added} new, {remaining} remaining; {changed} changes."
        ),
    }
}

/// One form's comparison in a few words.
pub fn compare_counts(l: Lang, fixed: usize, added: usize, remaining: usize) -> String {
    match l {
        Lang::Zh => format!("已改正 {fixed}，新出现 {added}，仍存在 {remaining}"),
        Lang::En => format!("{fixed} fixed, {added} new, {remaining} remaining"),
    }
}
pub const KEEP_FINDING: Tr = Tr("确认", "Keep");
pub const KEPT: Tr = Tr("已确认", "Kept");
pub const KEEP_TITLE: Tr = Tr(
    "确认此问题成立（进入审核意见）",
    "Confirm the finding (it stays in the review report)",
);
pub const COMMENT: Tr = Tr("批注", "Comment");
pub const COMMENT_PLACEHOLDER: Tr = Tr(
    "写给申报单位的意见，回车保存（清空即删除）",
    "A note for the unit; Enter saves it (empty removes it)",
);

/// A finding's comment as shown under it.
pub fn comment(l: Lang, c: &str) -> String {
    match l {
        Lang::Zh => format!("审核意见：{c}"),
        Lang::En => format!("Reviewer: {c}"),
    }
}

/// A dismissed finding's note: `已忽略（误报），不进入审核意见`.
pub fn dismissed(l: Lang, reason: &str) -> String {
    let shown = DISMISS_REASONS
        .iter()
        .find(|r| r.0 == reason)
        .map_or(reason, |r| r.get(l));
    match l {
        Lang::Zh => format!("已忽略（{shown}），不进入审核意见"),
        Lang::En => format!("Dismissed ({shown}); left out of the review report"),
    }
}
pub const RICH_PASTE: Tr = Tr("粘贴表格", "Pasting tables");
pub const RICH_PASTE_HELP: Tr = Tr(
    "从 Excel、WPS 或 Word 复制的表格按其单元格读取（合并单元格、精确数值）；选“纯文本”则只取复制内容的纯文本。",
    "A table copied from Excel, WPS or Word is read by its cells (merged cells, exact values); “plain text” takes only the copy's plain text.",
);

pub fn rich_paste(l: Lang, rich: bool) -> &'static str {
    if rich {
        Tr("按表格读取", "As a table").get(l)
    } else {
        Tr("纯文本", "Plain text").get(l)
    }
}
pub const CHECKING_SETTINGS: Tr = Tr("检查", "Checking");
pub const AUTO: Tr = Tr("自动", "auto");
pub const NO_YEAR_DETECTED: Tr = Tr(
    "未能从文本中识别预算年度",
    "no budget year found in the text",
);
pub const RULES: Tr = Tr("规则", "Rules");
pub const RULE_TITLE: Tr = Tr("检查内容", "What it checks");
pub const RESET: Tr = Tr("恢复默认", "Reset");
pub const DEFAULT_MARK: Tr = Tr("（默认）", "(default)");
pub const ON: Tr = Tr("启用", "On");

pub fn theme(l: Lang, th: Theme) -> &'static str {
    let t = match th {
        Theme::System => Tr("跟随系统", "System"),
        Theme::Light => Tr("浅色", "Light"),
        Theme::Dark => Tr("深色", "Dark"),
    };
    t.get(l)
}

pub fn detected_year(l: Lang, y: u16) -> String {
    match l {
        Lang::Zh => format!("留空时自动识别：当前文本为 {y} 年"),
        Lang::En => format!("detected when empty: {y} for this text"),
    }
}

pub fn rules_summary(l: Lang, on: usize, total: usize, changed: usize) -> String {
    match l {
        Lang::Zh => format!("已启用 {on} / {total} 条，{changed} 条调整了级别"),
        Lang::En => format!("{on} of {total} on, {changed} with another severity"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_filled() {
        let all = [
            APP_TITLE,
            TAGLINE,
            PRIVACY,
            INPUT_LABEL,
            EMPTY_TITLE,
            EMPTY_BODY,
            NO_FORMS_TITLE,
            LARGE_TITLE,
            LARGE_BODY,
            KEYS_HINT,
            OPERATOR_COL,
            MEDIUM_VALUE_COL,
            WEIGHT_COL,
            MEDIUM_INDICATORS,
            EXTRA_FIELD,
        ];
        for t in all.iter().chain(&EMPTY_POINTS).chain(&EXPECT_POINTS) {
            assert!(!t.0.is_empty() && !t.1.is_empty());
            assert_ne!(t.0, t.1);
        }
        assert_eq!(line_col(Lang::Zh, 3, 5), "第 3 行，第 5 列");
        assert_eq!(line_col(Lang::En, 3, 5), "line 3, column 5");
        assert_eq!(chars_count(Lang::Zh, 12345), "12,345 字符");
        assert_eq!(
            text_size(Lang::En, 12345, 2, "1 form"),
            "12,345 characters · 2 lines · 1 form"
        );
        assert_eq!(bytes(Lang::En, 2048), "2.0 KB");
        assert_eq!(template(Lang::Zh, "上海", "Shanghai"), "模板：上海");
        assert_eq!(template(Lang::En, "上海", "Shanghai"), "Template: Shanghai");
    }
}
