//! The vocabulary of the forms: titles, header labels and their variants, table headers and
//! indicator categories. Matching works on [`label_key`]s, so width, spaces and colons do not
//! matter.

use crate::model::{AmountUnit, FieldKey, FormKind, Level1, Level2};
use crate::text::{html_tag_at, is_space, label_key, to_half_width};

/// The endings of a declaration form's title (its key, a bracket after it removed).
const TITLE_ENDS: &[&str] = &[
    "绩效目标申报表",
    "绩效目标表",
    "绩效目标审批表",
    "绩效目标批复表",
    "支出目标申报表",
    "绩效目标申报审核表",
];

/// Words of documents that look like a declaration form but are another kind (a
/// self-evaluation, an evaluation, a review, a monitoring table).
const NOT_DECLARATION: &[(&str, NotDeclaration)] = &[
    ("自评", NotDeclaration::SelfEvaluation),
    ("自查", NotDeclaration::SelfEvaluation),
    ("评价指标", NotDeclaration::Evaluation),
    ("评价报告", NotDeclaration::Evaluation),
    ("评分表", NotDeclaration::Evaluation),
    ("评价表", NotDeclaration::Evaluation),
    ("审核表", NotDeclaration::Review),
    ("评审表", NotDeclaration::Review),
    ("审核意见", NotDeclaration::Review),
    ("监控表", NotDeclaration::Monitoring),
    ("运行监控", NotDeclaration::Monitoring),
];

/// A document that looks like a 绩效目标表 but is no declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDeclaration {
    /// 绩效自评表: targets against what was achieved.
    SelfEvaluation,
    /// 绩效评价指标表, 评分表: the scoring of an evaluation.
    Evaluation,
    /// 审核表, 评审表: a reviewer's verdict.
    Review,
    /// 绩效监控表: progress during the year.
    Monitoring,
}

/// A column of what was achieved (实际完成值, 全年执行数, 得分): a table of an evaluation, not of
/// targets.
pub fn is_actual_value_column(key: &str) -> bool {
    [
        "实际完成",
        "实际值",
        "全年执行数",
        "执行数",
        "得分",
        "偏差原因",
        "未完成原因",
        "完成情况",
        "实际达到",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// A score or a note alone (`(40-50)分`, `10分`): a piece of a heading broken over lines.
pub fn is_score_note(text: &str) -> bool {
    let k = label_key(text);
    let k = k.strip_suffix('分').unwrap_or(&k);
    let inner = k
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(k);
    !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '~' | '.' | '分'))
}

/// A place for a stamp or a signature (`(盖章)`, `签字：`): the approval rows under a form.
pub fn is_signature(text: &str) -> bool {
    ["盖章", "签字", "签章", "签名", "公章"]
        .iter()
        .any(|w| text.contains(w))
}

/// The key of a title line without its page chrome: a leading `附件2：` and a bracket after the
/// title (`（2025年度）`, `（基础设施建设类）`).
fn title_core(key: &str) -> &str {
    let mut k = key;
    if let Some(rest) = k.strip_prefix("附件") {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            k = rest[digits..].trim_start_matches([':', '-', '、', '.']);
        }
    }
    if k.ends_with(')') {
        if let Some(open) = k.rfind('(') {
            k = &k[..open];
        }
    }
    k
}

/// Recognize a form title line (`二级项目支出绩效目标申报表`, `部门（单位）整体支出绩效目标申报表`,
/// `项目支出绩效目标表（2025年度）`, `…项目支出绩效目标审批表`). Documents of another kind
/// (`…绩效自评表`) are not titles.
pub fn title_kind(line: &str) -> Option<FormKind> {
    if line.chars().count() > 120 {
        return None;
    }
    let key: String = label_key(line)
        .chars()
        .filter(|&c| !matches!(c, '|' | '#' | '*'))
        .collect();
    if announced_project(&key).is_some() {
        return Some(FormKind::Project);
    }
    if line.chars().count() > 80 {
        return None;
    }
    if key.chars().count() > 48 || not_declaration_key(&key).is_some() {
        return None;
    }
    let core = title_core(&key);
    if !TITLE_ENDS.iter().any(|e| core.ends_with(e)) {
        // The department form of the 一体化 system is titled 部门整体绩效目标.
        return (core.ends_with("整体绩效目标") && core.chars().count() <= 16)
            .then_some(FormKind::Department);
    }
    // Not a sentence about a form (`关于报送…绩效目标表的通知`).
    if core.starts_with("关于") || core.contains("的通知") || core.contains(',') {
        return None;
    }
    if core.contains("整体支出") || core.contains("部门整体") || core.contains("单位整体")
    {
        Some(FormKind::Department)
    } else {
        Some(FormKind::Project)
    }
}

/// The title of a notice that publishes a project's targets in sentences (`关于某某项目绩效目标
/// 设定的公示`, maybe after the page's `标题:`): the project's name in the key.
pub fn announced_project(key: &str) -> Option<&str> {
    let k = key.strip_prefix("标题:").unwrap_or(key);
    let k = k.strip_prefix("关于")?;
    if not_declaration_key(k).is_some() {
        return None;
    }
    [
        "绩效目标设定的公示",
        "绩效目标的公示",
        "绩效目标设定公示",
        "绩效目标公示",
    ]
    .iter()
    .find_map(|end| k.strip_suffix(end))
    .filter(|name| !name.is_empty())
}

fn not_declaration_key(key: &str) -> Option<NotDeclaration> {
    NOT_DECLARATION
        .iter()
        .find(|(w, _)| key.contains(w))
        .map(|&(_, k)| k)
}

/// The title of a document that looks like a form but is no declaration (`二级项目支出绩效自评表`,
/// `项目绩效评价指标体系`), whose text is reported as outside any 申报表.
pub fn not_declaration_title(line: &str) -> Option<NotDeclaration> {
    if line.chars().count() > 80 {
        return None;
    }
    let key = label_key(line);
    if key.chars().count() > 48 || !key.contains("绩效") {
        return None;
    }
    let core = title_core(&key);
    let shaped = core.ends_with('表') || core.ends_with("体系") || core.ends_with("报告");
    not_declaration_key(core).filter(|_| shaped)
}

/// A budget year line under the title: `（2026年度）`, `2024年`.
pub fn year_line(key: &str) -> Option<u16> {
    let k = key.trim_start_matches('(').trim_end_matches(')');
    let k = k.strip_suffix("年度").or_else(|| k.strip_suffix('年'))?;
    if k.len() == 4 && k.chars().all(|c| c.is_ascii_digit()) {
        k.parse().ok().filter(|y| (1990..=2100).contains(y))
    } else {
        None
    }
}

/// The budget year a title names (`2024年项目绩效目标表`, `部门预算项目绩效目标申报表(2024年度)`):
/// the first four-digit year followed by 年.
pub fn year_in_title(title: &str) -> Option<u16> {
    let bytes = title.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        // Four ASCII digits: both ends are character boundaries.
        (digits && before_ok && title[i + 4..].starts_with('年'))
            .then(|| title[i..i + 4].parse().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y))
    })
}

#[cfg(test)]
#[test]
fn years_in_titles() {
    assert_eq!(year_in_title("2024年项目绩效目标表"), Some(2024));
    assert_eq!(
        year_in_title("部门预算项目绩效目标申报表(2024年度)"),
        Some(2024)
    );
    assert_eq!(year_in_title("二级项目支出绩效目标申报表"), None);
    assert_eq!(year_in_title("项目12025年"), None);
    assert_eq!(year_in_title("表2025"), None);
}

/// `单位：万元` above a table.
pub fn unit_line(key: &str) -> Option<AmountUnit> {
    // `（万元）` alone: the unit of a funds label broken over lines.
    let key = key
        .strip_prefix('(')
        .and_then(|k| k.strip_suffix(')'))
        .unwrap_or(key);
    if let Some(unit) = match key {
        "万元" => Some(AmountUnit::WanYuan),
        "元" => Some(AmountUnit::Yuan),
        _ => None,
    } {
        return Some(unit);
    }
    // `金额单位：万元`, `单位：元`, and the column head `金额(元)` of a funds block.
    let rest = ["金额单位", "单位", "金额", "资金"]
        .iter()
        .find_map(|p| key.strip_prefix(p))?;
    let rest = rest.trim_start_matches(':');
    let rest = rest
        .strip_prefix('(')
        .and_then(|k| k.strip_suffix(')'))
        .unwrap_or(rest);
    match rest {
        "万元" => Some(AmountUnit::WanYuan),
        "元" => Some(AmountUnit::Yuan),
        _ => None,
    }
}

/// What a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelTarget {
    Field(FieldKey),
    /// Department form: 年度主要任务, the task table follows.
    Tasks,
    /// Department form: 年度总体目标, the numbered goals follow.
    Goals,
    /// A heading over fields (项目资金, 资金情况, 投入目标, 基本信息): structure, not a field; it
    /// may name the unit of the amounts under it.
    Section,
}

struct LabelDef {
    base: &'static str,
    target: LabelTarget,
    /// `None`: both kinds.
    kind: Option<FormKind>,
    /// Short or common words that are a label only when they fill their cell (`其他`, `年度`).
    exact: bool,
}

const fn def(base: &'static str, target: LabelTarget, kind: Option<FormKind>) -> LabelDef {
    LabelDef {
        base,
        target,
        kind,
        exact: false,
    }
}

const fn exact(base: &'static str, target: LabelTarget, kind: Option<FormKind>) -> LabelDef {
    LabelDef {
        base,
        target,
        kind,
        exact: true,
    }
}

use FieldKey as K;
use LabelTarget::{Field as F, Goals, Section, Tasks};
const P: Option<FormKind> = Some(FormKind::Project);
const D: Option<FormKind> = Some(FormKind::Department);

/// The synonym table: every label seen in the templates of docs/templates.md, with its role.
/// Keys are compared after [`label_key`] (width, spaces, colons, Traditional characters and
/// pinyin glosses folded); the longest label that fits wins.
static LABELS: &[LabelDef] = &[
    // Code and name.
    def("项目编码", F(K::Code), None),
    def("项目编号", F(K::Code), None),
    def("项目代码", F(K::Code), None),
    def("二级项目代码", F(K::Code), P),
    def("项目名称", F(K::Name), P),
    def("项目支出名称", F(K::Name), P),
    def("项目(专项)名称", F(K::Name), P),
    def("专项资金名称", F(K::Name), P),
    def("专项名称", F(K::Name), P),
    def("二级项目名称", F(K::Name), P),
    // Units.
    def("申请单位", F(K::Applicant), P),
    def("实施单位", F(K::Applicant), P),
    def("项目实施单位", F(K::Applicant), P),
    def("具体实施单位", F(K::Applicant), P),
    def("项目执行单位", F(K::Applicant), P),
    def("组织实施单位", F(K::Applicant), P),
    def("预算单位", F(K::Applicant), P),
    def("申报单位", F(K::Applicant), P),
    def("申报单位名称", F(K::Applicant), P),
    def("填报单位", F(K::Applicant), P),
    def("编制单位", F(K::Applicant), P),
    def("绩效编制单位", F(K::Applicant), P),
    def("一级预算单位", F(K::BudgetUnit), P),
    def("主管部门", F(K::BudgetUnit), P),
    def("主管部门及代码", F(K::BudgetUnit), P),
    def("主管部门及编码", F(K::BudgetUnit), P),
    def("主管部门及其编码", F(K::BudgetUnit), P),
    def("主管部门名称", F(K::BudgetUnit), P),
    def("项目主管部门", F(K::BudgetUnit), P),
    def("业务主管部门", F(K::BudgetUnit), P),
    def("主管预算部门", F(K::BudgetUnit), P),
    def("中央主管部门", F(K::BudgetUnit), P),
    def("预算部门", F(K::BudgetUnit), P),
    def("主管部门编码", F(K::DepartmentCode), None),
    def("部门编码", F(K::DepartmentCode), None),
    def("部门预算编码", F(K::DepartmentCode), None),
    // Period and dates.
    def("实施期限", F(K::Years), P),
    exact("项目期", F(K::Years), P),
    def("项目期限", F(K::Years), P),
    def("项目起止时间", F(K::Period), P),
    def("起止时间", F(K::Period), P),
    def("建设周期", F(K::Period), P),
    def("项目支出实施期", F(K::Period), P),
    def("专项实施期", F(K::Period), P),
    def("实施周期", F(K::Period), P),
    exact("开始时间", F(K::StartDate), None),
    def("开始日期", F(K::StartDate), None),
    def("计划开始日期", F(K::StartDate), None),
    def("项目开始日期", F(K::StartDate), None),
    def("预计开始时间", F(K::StartDate), None),
    exact("完成时间", F(K::EndDate), None),
    exact("结束时间", F(K::EndDate), None),
    def("结束日期", F(K::EndDate), None),
    def("计划完成日期", F(K::EndDate), None),
    def("项目完成日期", F(K::EndDate), None),
    def("预计完成时间", F(K::EndDate), None),
    // Type and attribute.
    def("项目类型", F(K::ProjectType), P),
    def("项目类别", F(K::ProjectType), P),
    def("项目分类", F(K::ProjectType), P),
    def("支出项目类别", F(K::ProjectType), P),
    def("是否新增项目", F(K::IsNew), P),
    def("项目属性", F(K::ProjectAttribute), P),
    def("项目性质", F(K::ProjectAttribute), P),
    def("项目来源", F(K::ProjectAttribute), P),
    def("分配方式", F(K::Allocation), P),
    // Funds.
    def("项目总金额", F(K::TotalAmount), P),
    def("项目资金总额", F(K::TotalAmount), P),
    exact("资金总额", F(K::TotalAmount), P),
    def("中期资金总额", F(K::TotalAmount), P),
    def("中期预算资金总额", F(K::TotalAmount), P),
    def("项目总预算", F(K::TotalAmount), P),
    def("项目总投资", F(K::TotalAmount), P),
    def("实施期金额", F(K::TotalAmount), P),
    def("中期市财政预算", F(K::TotalAmount), P),
    def("本年度项目金额", F(K::YearAmount), P),
    def("本年度金额", F(K::YearAmount), P),
    def("年度资金总额", F(K::YearAmount), P),
    def("年度预算资金总额", F(K::YearAmount), P),
    def("当年资金总额", F(K::YearAmount), P),
    def("当年年度预算", F(K::YearAmount), P),
    exact("当年预算", F(K::YearAmount), P),
    exact("年度金额", F(K::YearAmount), P),
    def("年初安排金额", F(K::YearAmount), P),
    def("预算申报数", F(K::YearAmount), P),
    def("本年度申请市财政预算资金", F(K::YearAmount), P),
    def("年度本级预算金额", F(K::YearAmount), P),
    // The sources under a total (其中：…); the reader files them under the total above them.
    def("财政拨款", F(K::YearFiscal), P),
    def("财政拨款数", F(K::YearFiscal), P),
    exact("财政资金", F(K::YearFiscal), P),
    def("当年财政拨款", F(K::YearFiscal), P),
    def("一般公共预算拨款", F(K::YearFiscal), P),
    exact("预算资金", F(K::YearFiscal), P),
    def("其他资金", F(K::YearOther), P),
    def("其它资金", F(K::YearOther), P),
    def("当年其他资金", F(K::YearOther), P),
    exact("其他", F(K::YearOther), P),
    exact("其它", F(K::YearOther), P),
    def("上年结转", F(K::YearCarryover), P),
    def("中央补助", F(K::YearUpper), P),
    def("中央资金", F(K::YearUpper), P),
    def("上级资金", F(K::YearUpper), P),
    def("上级财政资金", F(K::YearUpper), P),
    def("地方资金", F(K::YearLocal), P),
    def("本级资金", F(K::YearLocal), P),
    def("市级资金", F(K::YearLocal), P),
    def("区级资金", F(K::YearLocal), P),
    def("县级资金", F(K::YearLocal), P),
    def("自有资金", F(K::YearOwn), P),
    def("事业收入", F(K::YearOwn), P),
    def("单位自筹", F(K::YearOwn), P),
    // Bases and texts.
    def("政策依据", F(K::PolicyBasis), P),
    def("立项依据", F(K::PolicyBasis), P),
    def("项目立项的依据", F(K::PolicyBasis), P),
    def("项目审批", F(K::PolicyBasis), P),
    def("设立依据", F(K::PolicyBasis), P),
    def("测算依据", F(K::CalcBasis), P),
    def("资金测算依据", F(K::CalcBasis), P),
    def("项目预算成本构成", F(K::CalcBasis), P),
    def("项目概况", F(K::Overview), P),
    def("项目总体概况", F(K::Overview), P),
    def("项目总体情况", F(K::Overview), P),
    def("项目概况及立项依据", F(K::Overview), P),
    def("项目概述", F(K::Overview), P),
    exact("基本情况", F(K::Overview), P),
    exact("主要内容", F(K::Overview), P),
    def("项目建设内容", F(K::Overview), P),
    def("项目设立必要性", F(K::Necessity), P),
    def("项目设立的必要性", F(K::Necessity), P),
    def("项目申报的必要性", F(K::Necessity), P),
    def("项目立项必要性", F(K::Necessity), P),
    def("项目申报的可行性", F(K::Necessity), P),
    def("保证项目实施的制度、措施", F(K::Measures), P),
    def("保证项目实施的制度措施", F(K::Measures), P),
    def("保障绩效目标实现措施", F(K::Measures), P),
    def("项目实施计划", F(K::Plan), P),
    def("项目实施进度计划", F(K::Plan), P),
    def("部门职能概述", F(K::Functions), None),
    def("部门职能职责概述", F(K::Functions), None),
    def("单位职能概述", F(K::Functions), None),
    // Goals.
    def("年度目标", F(K::AnnualGoal), P),
    def("年度绩效目标", F(K::AnnualGoal), None),
    def("本年度绩效目标", F(K::AnnualGoal), P),
    def("当年绩效目标", F(K::AnnualGoal), P),
    def("项目年度目标", F(K::AnnualGoal), P),
    def("年度主要目标和成果", F(K::AnnualGoal), P),
    def("年度绩效总目标", F(K::AnnualGoal), None),
    def("年度总体目标", F(K::AnnualGoal), P),
    def("绩效目标总体描述", F(K::AnnualGoal), P),
    exact("绩效目标", F(K::AnnualGoal), P),
    exact("总体目标", F(K::AnnualGoal), P),
    exact("年度", F(K::AnnualGoal), P),
    def("长期目标", F(K::LongTermGoal), P),
    def("中期目标", F(K::LongTermGoal), P),
    def("实施期绩效目标", F(K::LongTermGoal), P),
    def("中期滚动目标", F(K::LongTermGoal), P),
    def("实施期总体目标", F(K::LongTermGoal), P),
    def("中长期目标", F(K::LongTermGoal), P),
    def("项目总体目标", F(K::LongTermGoal), P),
    // People.
    def("项目负责人", F(K::Contact), None),
    def("项目负责人及电话", F(K::Contact), None),
    def("项目负责人及联系电话", F(K::Contact), None),
    def("项目联系人", F(K::Contact), None),
    def("项目责任人", F(K::Contact), None),
    def("负责人姓名", F(K::Contact), None),
    exact("联系人", F(K::Contact), None),
    def("联系电话", F(K::Phone), None),
    def("负责人电话", F(K::Phone), None),
    // Department forms.
    def("部门(单位)名称", F(K::Name), D),
    def("部门名称", F(K::Name), D),
    def("单位名称", F(K::Name), D),
    def("主管部门", F(K::Authority), D),
    def("金额合计", F(K::TotalAmount), D),
    // The sum under the sources of a funds block; filed with the sources above it.
    exact("合计", F(K::TotalAmount), None),
    def("年度主要任务", Tasks, D),
    def("年度总体目标", Goals, D),
    // Labels of some templates with no role of kpiform's: kept as extra fields, under their
    // label, so that they do not run into the value before them.
    def("财政资金预算分类", F(K::Extra), None),
    def("财政资金科目代码", F(K::Extra), None),
    def("项目功能科目", F(K::Extra), None),
    def("对应一级项目", F(K::Extra), None),
    def("一级项目名称", F(K::Extra), None),
    def("归口科室", F(K::Extra), None),
    def("归口业务科室", F(K::Extra), None),
    def("主管处室", F(K::Extra), None),
    def("是否政府采购", F(K::Extra), None),
    def("重要程度", F(K::Extra), None),
    def("项目口径", F(K::Extra), None),
    def("项目安排频度", F(K::Extra), None),
    def("资金用途", F(K::Extra), None),
    def("资金性质", F(K::Extra), None),
    // The head of a funds block (`资金来源 | 金额(元)`): a heading, its unit.
    exact("资金来源", Section, None),
    def("年度预算执行率", F(K::Extra), None),
    exact("分值", F(K::Extra), None),
    def("填报日期", F(K::Extra), None),
    def("申报日期", F(K::Extra), None),
    exact("填报人", F(K::Extra), None),
    def("审核方式", F(K::Extra), None),
    def("最近年度绩效评价情况", F(K::Extra), None),
    def("其他需说明的问题", F(K::Extra), None),
    def("其他说明的问题", F(K::Extra), None),
    // Headings over tables: which term the indicator table below holds.
    def("长期绩效指标", Section, P),
    def("中期绩效指标", Section, P),
    def("年度绩效指标", Section, P),
    exact("绩效指标", Section, P),
    exact("项目实施内容", Section, P),
    // Headings over fields.
    exact("项目资金", Section, P),
    def("项目资金申请", Section, P),
    def("资金情况", Section, P),
    def("投入目标", Section, P),
    def("项目预算资金", Section, P),
    exact("项目绩效目标", Section, P),
    exact("基本信息", Section, None),
    exact("项目立项情况", Section, P),
    def("项目主要内容、立项依据", Section, P),
];
/// A label found at the start of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelMatch {
    pub target: LabelTarget,
    /// Bytes of the cell's raw text taken by the label (with its bracketed note and colon).
    pub len: usize,
    /// Whether a colon ended the label.
    pub colon: bool,
    /// For amount labels: the unit named in the label.
    pub unit: Option<AmountUnit>,
}

/// The first character of the key of `raw` (see [`key_with_offsets`]), without allocating.
fn first_key_char(raw: &str) -> Option<char> {
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if rest.as_bytes().first() == Some(&b'<') {
            if let Some((len, _, _)) = html_tag_at(rest) {
                i += len;
                continue;
            }
        }
        let c = rest.chars().next()?;
        if !is_space(c) {
            return Some(crate::text::to_simplified(to_half_width(c)));
        }
        i += c.len_utf8();
    }
    None
}

/// Map each char of the key (see [`label_key`]) to the end byte offset of its source in `raw`.
/// Pinyin glosses after CJK characters (`績(jī)效`) are skipped like spaces.
fn key_with_offsets(raw: &str, max_chars: usize) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(max_chars);
    let mut ends = Vec::with_capacity(max_chars);
    let mut i = 0;
    let mut prev_cjk = false;
    while i < raw.len() && chars.len() < max_chars {
        let rest = &raw[i..];
        if rest.as_bytes().first() == Some(&b'<') {
            if let Some((len, _, _)) = html_tag_at(rest) {
                i += len;
                continue;
            }
        }
        if prev_cjk && rest.as_bytes().first() == Some(&b'(') {
            if let Some(n) = crate::text::pinyin_gloss_len(rest) {
                i += n;
                if let Some(e) = ends.last_mut() {
                    *e = i;
                }
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if is_space(c) {
            continue;
        }
        prev_cjk = crate::text::is_cjk(c);
        chars.push(crate::text::to_simplified(to_half_width(c)));
        ends.push(i);
    }
    (chars, ends)
}

fn html_only(s: &str) -> bool {
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        match html_tag_at(rest) {
            Some((len, _, _)) => rest = rest[len..].trim_start_matches(is_space),
            None => return false,
        }
    }
    true
}

/// Whether a cell is short enough to be a label or a category name (these are at most a few
/// dozen characters); longer cells are prose and skip vocabulary matching.
pub fn short_cell(raw: &str) -> bool {
    raw.len() <= 96
}

/// The labels whose base starts with `c`, in the order of [`LABELS`] (an index built once: every
/// word of every cell asks).
fn labels_starting_with(c: char) -> &'static [&'static LabelDef] {
    type Index = Vec<(char, Vec<&'static LabelDef>)>;
    static INDEX: std::sync::LazyLock<Index> = std::sync::LazyLock::new(|| {
        let mut index: Index = Vec::new();
        for d in LABELS {
            let Some(f) = d.base.chars().next() else {
                continue;
            };
            match index.binary_search_by_key(&f, |e| e.0) {
                Ok(i) => index[i].1.push(d),
                Err(i) => index.insert(i, (f, vec![d])),
            }
        }
        index
    });
    INDEX
        .binary_search_by_key(&c, |e| e.0)
        .map_or(&[], |i| INDEX[i].1.as_slice())
}

/// Recognize a header label at the start of a cell's raw text.
///
/// `whole_only`: accept the label only when it fills the cell (up to a colon) or is followed by
/// a colon, never glued to a value without one.
pub fn match_label(raw: &str, kind: FormKind, whole_only: bool) -> Option<LabelMatch> {
    if raw.is_empty() {
        return None;
    }
    // Most cells are values: reject them on their first character before building a key.
    let first = first_key_char(raw)?;
    let numbered = first.is_ascii_digit() || "(一二三四五六七八九十".contains(first);
    if !(first == '*' || first == '其' || numbered || !labels_starting_with(first).is_empty()) {
        return None;
    }
    // Labels are short: the longest with its note is `长期目标（跨度多年的项目需填）：`. Reading a
    // bounded prefix keeps long prose cells cheap.
    let (chars, ends) = key_with_offsets(raw, 48);
    // A star marks a required field (`*联系人`); `其中：` introduces the sources of a total.
    let mut skip = 0;
    while chars.get(skip) == Some(&'*') {
        skip += 1;
    }
    // An item number before the label (`一、预算资金:250`, `2.项目名称`, `(三)资金总额`).
    skip += item_number_len(&chars[skip..]);
    if chars[skip..].starts_with(&['其', '中']) {
        skip += 2;
        while chars.get(skip) == Some(&':') {
            skip += 1;
        }
    }
    let key = &chars[skip..];
    let first = *key.first()?;
    let mut best: Option<(&LabelDef, usize)> = None;
    for &d in labels_starting_with(first) {
        if d.kind.is_some_and(|k| k != kind) {
            continue;
        }
        let n = d.base.chars().count();
        if key.len() >= n
            && d.base.chars().zip(key).all(|(a, &b)| a == b)
            && best.is_none_or(|(_, m)| n > m)
        {
            best = Some((d, n));
        }
    }
    let (d, base) = best?;
    let mut n = skip + base;
    // A bracketed note after the base: (中期规划,万元), (跨度多年的项目需填).
    let mut unit = None;
    if chars.get(n) == Some(&'(') {
        if let Some(close) = chars[n..].iter().position(|&c| c == ')') {
            let note: String = chars[n..n + close].iter().collect();
            if note.contains('万') {
                unit = Some(AmountUnit::WanYuan);
            } else if note.contains('元') {
                unit = Some(AmountUnit::Yuan);
            }
            n += close + 1;
        }
    }
    let mut colon = false;
    while chars.get(n) == Some(&':') {
        colon = true;
        n += 1;
    }
    let whole = n == chars.len()
        && ends
            .last()
            .is_none_or(|&e| crate::text::is_blank(&raw[e..]) || html_only(&raw[e..]));
    // An exact label glued to a number is still one (`项目期3年`), if it is no short word.
    let glued_number = !whole_only && base >= 3 && chars.get(n).is_some_and(|c| c.is_ascii_digit());
    if (whole_only || d.exact) && !colon && !whole && !(d.exact && glued_number) {
        return None;
    }
    // Glued values must not start with a letter that continues a word (`项目名称表` is no label).
    let len = if n == 0 { 0 } else { ends[n - 1] };
    // Include closing tags right after the label (`<p>长期目标：</p>`).
    let mut len = len;
    while let Some((tag_len, _, true)) = raw.get(len..).and_then(html_tag_at) {
        len += tag_len;
    }
    Some(LabelMatch {
        target: d.target,
        len,
        colon,
        unit,
    })
}

/// The length of an item number at the start of a key (`一、`, `2.`, `(三)`, `（1）`): 0 if none.
fn item_number_len(key: &[char]) -> usize {
    let numeral = |c: &char| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c);
    if key.first() == Some(&'(') {
        let n = key[1..].iter().take_while(|c| numeral(c)).count();
        return if n > 0 && n <= 2 && key.get(1 + n) == Some(&')') {
            n + 2
        } else {
            0
        };
    }
    let n = key.iter().take_while(|c| numeral(c)).count();
    if n > 0 && n <= 2 && matches!(key.get(n), Some('、' | '.')) {
        n + 1
    } else {
        0
    }
}

/// Columns of the indicator table header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Level1,
    Level2,
    Name,
    Value,
    Unit,
    Explanation,
    /// A column beyond the six every table has (`More`).
    More(More),
}

/// The columns some templates add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum More {
    /// 指标性质, 计算符号: the operator apart from the number (`≥`, `＝`, `定性`).
    Operator,
    /// 中期指标值, 指标值(长期), 实施期指标值: the medium-term value beside this year's.
    MediumValue,
    /// The 三级指标 of a table's medium-term set, when it sits beside the annual set.
    MediumName,
    /// The 二级指标 of the medium-term set.
    MediumLevel2,
    /// 权重, 分值, 指标权重.
    Weight,
    /// 指标方向, 指标方向性 (正向, 反向).
    Direction,
    /// 评(扣)分标准, 评分细则.
    Scoring,
    /// 绩效标准, 指标值确定依据, 评价标准确定依据.
    Standard,
    /// 备注.
    Remark,
    /// 指标值类型.
    ValueType,
    /// A list of projects in one table (四川 一体化): the project's unit, name, budget and goal,
    /// written on the first row of each project.
    ListUnit,
    ListName,
    ListAmount,
    ListGoal,
}

impl More {
    pub const ALL: [More; 14] = [
        More::Operator,
        More::MediumValue,
        More::MediumName,
        More::MediumLevel2,
        More::Weight,
        More::Direction,
        More::Scoring,
        More::Standard,
        More::Remark,
        More::ValueType,
        More::ListUnit,
        More::ListName,
        More::ListAmount,
        More::ListGoal,
    ];

    /// The header a cell of this column is kept under (`Indicator::others`).
    pub fn header(self) -> &'static str {
        match self {
            More::Operator => "指标性质",
            More::MediumValue => "中期指标值",
            More::MediumName => "中期三级指标",
            More::MediumLevel2 => "中期二级指标",
            More::Weight => "权重",
            More::Direction => "指标方向",
            More::Scoring => "评(扣)分标准",
            More::Standard => "绩效标准",
            More::Remark => "备注",
            More::ValueType => "指标值类型",
            More::ListUnit => "单位名称",
            More::ListName => "项目名称",
            More::ListAmount => "预算数",
            More::ListGoal => "年度目标",
        }
    }
}

/// Whether a raw cell may be a table header (cheap test before computing its key).
pub fn may_be_column(raw: &str) -> bool {
    raw.len() <= 48
        && (raw.contains("指标")
            || raw.contains("目标值")
            || raw.contains("单位")
            || raw.contains("一级")
            || raw.contains("二级")
            || raw.contains("三级")
            || raw.contains("数值")
            || raw.contains("权重")
            || raw.contains("分值")
            || raw.contains("标准")
            || raw.contains("备注")
            || raw.contains("计算符号")
            || raw.contains("名称")
            || raw.contains("预算")
            || raw.contains("目标"))
}

pub fn table_column(key: &str) -> Option<Column> {
    use Column::More as M;
    // A trailing `(长期)` / `(年度)` says which set of a doubled table the column belongs to.
    let (key, medium) = match key
        .strip_suffix("(长期)")
        .or_else(|| key.strip_suffix("(中期)"))
    {
        Some(k) => (k, true),
        None => (key.strip_suffix("(年度)").unwrap_or(key), false),
    };
    let column = match key {
        "一级指标" | "一级" | "绩效指标分类" | "指标类型" => Column::Level1,
        "二级指标" | "二级" => Column::Level2,
        "三级指标" | "三级" | "指标名称" | "指标内容" | "绩效指标" => {
            Column::Name
        }
        "指标值"
        | "目标值"
        | "年度指标值"
        | "指标值(目标值)"
        | "绩效指标值"
        | "指标目标值"
        | "年度数值"
        | "当年预期实现值"
        | "指标值及单位"
        | "指标值(或计划水平)"
        | "计划指标值(或计划水平)"
        | "本年度指标值"
        | "年度目标值" => Column::Value,
        "中期指标值" | "实施期指标值" | "周期指标值" | "长期指标值" => {
            M(More::MediumValue)
        }
        "度量单位" | "计量单位" | "单位" => Column::Unit,
        "指标解释" | "指标说明" | "指标值说明" | "指标描述" | "绩效指标描述" => {
            Column::Explanation
        }
        "指标性质" | "计算符号" => M(More::Operator),
        "权重" | "分值" | "指标权重" | "权重(%)" | "分值(分)" => M(More::Weight),
        "指标方向" | "指标方向性" => M(More::Direction),
        "评(扣)分标准" | "评分标准" | "评分细则" | "扣分标准" => M(More::Scoring),
        "绩效标准" | "指标值确定依据" | "评价标准确定依据" => M(More::Standard),
        "备注" => M(More::Remark),
        "指标值类型" => M(More::ValueType),
        "单位名称" => M(More::ListUnit),
        "项目名称" => M(More::ListName),
        "预算数" | "预算金额" => M(More::ListAmount),
        "年度目标" | "年度绩效目标" => M(More::ListGoal),
        _ => return None,
    };
    Some(match (column, medium) {
        (Column::Value, true) => M(More::MediumValue),
        (Column::Name, true) => M(More::MediumName),
        (Column::Level2, true) => M(More::MediumLevel2),
        (c, _) => c,
    })
}

/// What an indicator-table cell says about the framework.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Category {
    pub level1: Option<Level1>,
    pub level2: Option<Level2>,
    pub star: bool,
}

/// Classify a cell as a 一级 or 二级 name (`产出指标`, `*数量`, `服务对象满意度指标`, `产出值`,
/// `成本指标(0-20)分`, `时效指标(工期指标)`).
pub fn category(raw: &str) -> Category {
    if !short_cell(raw) || !may_be_category(raw) {
        return Category::default();
    }
    let key = label_key(raw);
    let star = key.starts_with('*') || key.starts_with('★');
    let k = key.trim_start_matches(['*', '★']);
    // A score or a note after the name: `(0-20)分`, `(30分)`, `(工期指标)`, `(或建筑规模指标)`.
    let k = strip_note(k);
    let k = k.strip_suffix("指标").unwrap_or(k);
    // Shandong's copies write every level with 值 (`产出值`, `数量值`).
    let k = match k.strip_suffix('值') {
        Some(stem) if level1_of(stem).is_some() || level2_of(stem).is_some() => stem,
        _ => k,
    };
    Category {
        level1: level1_of(k),
        level2: level2_of(k),
        star,
    }
}

/// The category words `category` knows (the keys of `level1_of` and `level2_of`), for what needs
/// the list: a row cut in the middle of its first word (`数量指` of 数量指标).
const CATEGORY_WORDS: &[&str] = &[
    "产出",
    "预期产出",
    "产出目标",
    "效益",
    "效果",
    "效益目标",
    "满意度",
    "成本",
    "数量",
    "产出数量",
    "质量",
    "产出质量",
    "时效",
    "产出时效",
    "产出成本",
    "预算(或投资规模)控制",
    "经济效益",
    "社会效益",
    "社会、经济、生态效益",
    "生态效益",
    "生态环境效益",
    "环境效益",
    "可持续影响",
    "可持续发展影响",
    "可持续影响力",
    "可持续性发展影响",
    "服务对象满意度",
    "社会公众或服务对象满意度",
    "服务对象或受益者满意度",
    "其他满意度",
    "经济成本",
    "社会成本",
    "生态环境成本",
    "生态成本",
];

/// A category word cut before its end (`数量指`, `效`): the start of a row a paste cut off.
pub fn is_category_fragment(raw: &str) -> bool {
    let key = label_key(raw);
    let n = key.chars().count();
    let cat = category(raw);
    if n == 0 || n > 12 || cat.level1.is_some() || cat.level2.is_some() {
        return false;
    }
    CATEGORY_WORDS.iter().any(|w| {
        let full = format!("{w}指标");
        full.len() > key.len() && full.starts_with(&key)
    })
}

/// Whether a cell can name a category, from its first character (every cell of every row asks;
/// most are names and values): the first letter of a category word, after stars and markup.
fn may_be_category(raw: &str) -> bool {
    let Some(first) = first_key_char(raw.trim_start_matches(['*', '＊', '★'])) else {
        return false;
    };
    // 产出 预期产出 效益 效果 满意度 成本 数量 质量 时效 经济 社会 生态 环境 可持续 服务对象
    // 其他满意度 预算(或投资规模)控制, and a star left after markup.
    "产预效满成数质时经社生环可服其*★".contains(first)
}

/// `成本指标(0-20)分` → `成本指标`; `时效指标(工期指标)` → `时效指标`: a score, or a note that
/// names other indicators. Other brackets are part of a name (`满意度指标（规划与落地推广）`).
fn strip_note(key: &str) -> &str {
    let (k, scored) = match key.strip_suffix('分') {
        Some(k) => (k, true),
        None => (key, false),
    };
    if let Some(open) = k.rfind('(').filter(|&o| o > 0 && k.ends_with(')')) {
        let note = &k[open + 1..k.len() - 1];
        let score = note
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '~' | '分' | '.'));
        if score || scored || note.contains("指标") {
            return &k[..open];
        }
    }
    key
}

fn level1_of(k: &str) -> Option<Level1> {
    Some(match k {
        "产出" | "预期产出" | "产出目标" => Level1::Output,
        "效益" | "效果" | "效益目标" => Level1::Benefit,
        "满意度" => Level1::Satisfaction,
        "成本" => Level1::Cost,
        _ => return None,
    })
}

fn level2_of(k: &str) -> Option<Level2> {
    Some(match k {
        "数量" | "产出数量" => Level2::Quantity,
        "质量" | "产出质量" => Level2::Quality,
        "时效" | "产出时效" => Level2::Timeliness,
        "成本" | "产出成本" | "预算(或投资规模)控制" => Level2::Cost,
        "经济效益" => Level2::EconomicBenefit,
        "社会效益" | "社会、经济、生态效益" => Level2::SocialBenefit,
        "生态效益" | "生态环境效益" | "环境效益" => Level2::EcologicalBenefit,
        "可持续影响" | "可持续发展影响" | "可持续影响力" | "可持续性发展影响" => {
            Level2::Sustainability
        }
        "服务对象满意度" | "社会公众或服务对象满意度" | "服务对象或受益者满意度" => {
            Level2::ServiceSatisfaction
        }
        "其他满意度" => Level2::OtherSatisfaction,
        "经济成本" => Level2::EconomicCost,
        "社会成本" => Level2::SocialCost,
        "生态环境成本" | "生态成本" => Level2::EcologicalCost,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_kind("二级项目支出绩效目标申报表"),
            Some(FormKind::Project)
        );
        assert_eq!(
            title_kind("二级项目支出绩效目标申报表\t\t\t"),
            Some(FormKind::Project)
        );
        assert_eq!(
            title_kind("部门（单位）整体支出绩效目标申报表"),
            Some(FormKind::Department)
        );
        assert_eq!(
            title_kind("项目支出绩效目标申报表（2024年度）"),
            Some(FormKind::Project)
        );
        assert_eq!(
            title_kind("**二级项目支出绩效目标申报表**"),
            Some(FormKind::Project)
        );
        assert_eq!(title_kind("二级项目支出绩效自评表"), None);
        assert_eq!(title_kind("项目支出绩效目标自评表"), None);
        assert_eq!(
            title_kind("根据二级项目支出绩效目标申报表填报要求，本项目…"),
            None
        );
    }

    #[test]
    fn labels() {
        let m = match_label("项目总金额 (中期规划, 万元):", FormKind::Project, true).unwrap();
        assert_eq!(m.target, LabelTarget::Field(K::TotalAmount));
        assert_eq!(m.unit, Some(AmountUnit::WanYuan));
        assert!(m.colon);
        let m = match_label("项目总金额(中期规划, 万)", FormKind::Project, true).unwrap();
        assert_eq!(m.unit, Some(AmountUnit::WanYuan));
        let m = match_label("本年度项目金额（元）：", FormKind::Project, true).unwrap();
        assert_eq!(
            (m.target, m.unit),
            (LabelTarget::Field(K::YearAmount), Some(AmountUnit::Yuan))
        );
        let raw = "项目名称：农村义务教育";
        let m = match_label(raw, FormKind::Project, false).unwrap();
        assert_eq!(&raw[m.len..], "农村义务教育");
        let raw = "项目名称农村义务教育";
        assert_eq!(match_label(raw, FormKind::Project, true), None);
        assert_eq!(
            &raw[match_label(raw, FormKind::Project, false).unwrap().len..],
            "农村义务教育"
        );
        let raw = "<p>长期目标（跨度多年的项目需填）：</p>";
        assert_eq!(
            match_label(raw, FormKind::Project, true).unwrap().len,
            raw.len()
        );
        assert_eq!(
            match_label("年度<br>总体<br>目标", FormKind::Department, true)
                .unwrap()
                .target,
            LabelTarget::Goals
        );
        assert_eq!(match_label("一般管理事务", FormKind::Project, true), None);
    }

    #[test]
    fn categories() {
        assert_eq!(category("*数量指标").level2, Some(Level2::Quantity));
        assert!(category("*数量指标").star);
        assert_eq!(category("产出指标").level1, Some(Level1::Output));
        assert_eq!(
            category("服务对象满意度指标").level2,
            Some(Level2::ServiceSatisfaction)
        );
        let c = category("成本指标");
        assert_eq!(
            (c.level1, c.level2),
            (Some(Level1::Cost), Some(Level2::Cost))
        );
        assert_eq!(category("工作正常运行率"), Category::default());
    }
}

#[cfg(test)]
mod category_prefilter {
    use super::*;

    /// Every word `category` knows passes its first-character filter (a word added to
    /// `level1_of` or `level2_of` with a new first letter must be added to `may_be_category`).
    #[test]
    fn the_filter_lets_every_category_word_through() {
        let words = CATEGORY_WORDS;
        for w in words {
            let c = category(&format!("{w}指标"));
            assert!(c.level1.is_some() || c.level2.is_some(), "{w}");
            assert!(may_be_category(&format!("*{w}指标")), "{w}");
        }
        assert!(category("*產出指標").level1.is_some());
        assert!(is_category_fragment("数量指") && is_category_fragment("效"));
        assert!(!is_category_fragment("数量指标") && !is_category_fragment("项目名称"));
        assert!(!may_be_category("项目名称"));
    }
}
