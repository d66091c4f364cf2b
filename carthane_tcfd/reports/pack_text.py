"""The words of the board pack and the matrix figures, in Chinese and English."""

from __future__ import annotations

from carthane_tcfd import COMPANY_EN, COMPANY_ZH
from carthane_tcfd.domain.taxonomy import Lang

TEXT: dict[str, tuple[str, str]] = {
    # sheet names (≤ 31 characters, no []:*?/\)
    "sheet.cover": ("封面", "Cover"),
    "sheet.governance": ("治理", "Governance"),
    "sheet.summary": ("摘要", "Summary"),
    "sheet.risks": ("风险", "Risks"),
    "sheet.opportunities": ("机遇", "Opportunities"),
    "sheet.mitigations": ("行动跟踪", "Action tracker"),
    "sheet.matrix": ("风险矩阵", "Risk Matrix"),
    "sheet.effects": ("财务影响", "Financial effects"),
    "sheet.scenarios": ("情景分析", "Scenario analysis"),
    "sheet.scenario_grid": ("情景评估表", "Scenario grid"),
    "sheet.metrics": ("指标", "Metrics"),
    "sheet.methodology": ("方法说明", "Methodology"),
    "sheet.disclosure": ("披露索引", "Disclosure index"),
    # cover
    "company": (COMPANY_ZH, COMPANY_EN),
    "report_title": ("气候相关风险与机遇 · 董事会材料", "Climate-related Risks and Opportunities · Board Pack"),
    "confidential": ("机密 — 仅供董事会战略委员会审阅", "Confidential — for the Board Strategy Committee"),
    "confidential_short": ("机密", "Confidential"),
    "period": ("报告期", "Reporting period"),
    "status": ("状态", "Status"),
    "prepared_on": ("编制日期", "Date prepared"),
    "prepared_by": ("编制人", "Prepared by"),
    "contents": ("目录", "Contents"),
    "framework": (
        "参照 TCFD 建议框架及上交所《可持续发展报告指引》",
        "Following the TCFD recommendations and the SSE Guideline No. 14",
    ),
    "page_of": ("第 &P 页，共 &N 页", "Page &P of &N"),
    "draft_banner": ("草稿 — 尚未批准", "DRAFT — not approved"),
    "content_id": ("内容标识", "Content ID"),
    "empty_register": (
        "本年度登记册为空：尚未登记任何气候相关风险或机遇。",
        "The register for this period is empty: no climate-related risk or opportunity has been recorded.",
    ),
    "illustrative": (
        "* 示例评估：报告未披露评分，评分仅为演示，需由风险负责人复核。",
        "* Illustrative assessment: the source report gives no scores; to be confirmed by the risk owner.",
    ),
    # governance
    "governance_title": ("治理与管理流程", "Governance and process"),
    "narrative.governance": (
        "气候治理架构（董事会 → 战略委员会 → 管理层）",
        "Governance (Board → Strategy Committee → management)",
    ),
    "narrative.strategy": ("战略与韧性", "Strategy and resilience"),
    "narrative.risk_management": ("影响、风险和机遇管理流程", "Risk-management process"),
    "narrative.metrics_targets": ("指标与目标", "Metrics and targets"),
    "not_written": ("（尚未填写）", "(not written yet)"),
    # register columns
    "col.code": ("编号", "Code"),
    "col.category": ("类别", "Category"),
    "col.title": ("名称", "Title"),
    "col.estimate": ("财务估算（元）", "Estimate (CNY)"),
    "col.inherent": ("固有评级", "Inherent rating"),
    "col.residual": ("剩余评级", "Residual rating"),
    "col.top_actions": ("主要应对措施", "Main actions"),
    "more_actions": ("……另有 {n} 项，见应对措施表", "… {n} more in the action tracker"),
    "register_note": (
        "评级：等级、评分（可能性 × 影响）；全部应对措施见应对措施表。",
        "Ratings: band, score (likelihood × impact); the action tracker lists every action.",
    ),
    "en_pending": ("（英文待译）", "(English text pending)"),
    "col.res_score": ("剩余评分", "Residual score"),
    "col.owner": ("负责部门", "Owner"),
    "col.action": ("措施", "Action"),
    "col.no": ("序号", "No."),
    "col.due": ("到期日", "Due date"),
    "col.status": ("状态", "Status"),
    "col.cost": ("预计成本（元）", "Estimated cost (CNY)"),
    "col.overdue": ("是否逾期", "Overdue"),
    "assessment.none": ("未评估", "Not assessed"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "tracker_summary": (
        "共 {total} 项措施：未完成 {open} 项，其中逾期 {overdue} 项、"
        "未指定负责人 {ownerless} 项、未定到期日 {undated} 项。",
        "{total} actions: {open} open, of which {overdue} overdue, "
        "{ownerless} without an owner, {undated} without a due date.",
    ),
    "rag_note": (
        "状态颜色：红 = 逾期；黄 = 报告未说明状态或 30 天内到期；绿 = 已完成或按计划；按到期日排序。",
        "Status colours: red = overdue; amber = status not stated or due within 30 days; "
        "green = completed or on track. Sorted by due date.",
    ),
    "overdue_note": (
        "逾期措施（未完成且已过到期日）以红色标示。",
        "Overdue actions (open and past their due date) are shown in red.",
    ),
    # summary
    "summary_title": ("摘要", "Summary"),
    "by_category": ("按 TCFD 类别统计", "Items by TCFD category"),
    "count": ("数量", "Count"),
    "kind": ("类型", "Type"),
    "horizon_segment": ("时间范围 × 价值链（条目数）", "Time horizon × value chain (items)"),
    "top_risks": ("主要风险（按剩余评级）", "Top risks by residual rating"),
    "rating": ("评级", "Rating"),
    "gaps": ("待完善事项", "Gaps to close"),
    "no_assessment": ("未评估的条目", "Items without an assessment"),
    "no_owner": ("未指定负责部门的条目", "Items without an owner"),
    "none": ("无", "None"),
    "changes": ("与上一年度相比", "Changes since the previous period"),
    "no_previous": ("无上一年度登记册，无法比较。", "There is no previous period to compare with."),
    "new_items": ("新增", "New"),
    "changed_items": ("有变化", "Changed"),
    "closed_items": ("已关闭", "Closed"),
    "totals": ("合计", "Total"),
    "risks_word": ("风险", "Risks"),
    "opps_word": ("机遇", "Opportunities"),
    # matrix
    "matrix_title": ("风险与机遇矩阵", "Risk and opportunity matrices"),
    "matrix.risk_inherent": ("风险矩阵 — 固有", "Risk matrix — inherent"),
    "matrix.risk_residual": ("风险矩阵 — 剩余", "Risk matrix — residual"),
    "matrix.risk_combined": ("风险矩阵 — 固有 → 剩余", "Risk matrix — inherent → residual"),
    "matrix.opportunity_inherent": ("机遇矩阵 — 固有", "Opportunity matrix — inherent"),
    "matrix.opportunity_residual": ("机遇矩阵 — 剩余", "Opportunity matrix — residual"),
    "matrix.opportunity_combined": ("机遇矩阵 — 固有 → 剩余", "Opportunity matrix — inherent → residual"),
    "matrix_image": ("矩阵图", "Matrix figure"),
    "unscored": ("未评分条目", "Not yet scored"),
    "legend": ("图例", "Legend"),
    "key": ("编号说明", "Key"),
    "key_more": ("……另有 {n} 项，完整列表见登记册", "… and {n} more; the register lists them all"),
    "printed": ("打印日期", "Printed"),
    "page": ("第 {n}/{total} 页", "Page {n} of {total}"),
    # metrics
    "metrics_title": ("温室气体排放与能源指标", "GHG emissions and energy"),
    "metric": ("指标", "Metric"),
    "unit": ("单位", "Unit"),
    "value": ("数值", "Value"),
    "group.ghg": ("温室气体排放", "Greenhouse gas emissions"),
    "group.energy": ("能源", "Energy"),
    "group.water": ("水资源", "Water"),
    "no_metrics": ("本年度尚未录入指标数据。", "No metrics are held for this period yet."),
    # methodology
    "methodology_title": ("评估方法说明", "Assessment methodology"),
    "horizon_defs": ("时间范围定义", "Time-horizon definitions"),
    "horizon": ("时间范围", "Horizon"),
    "definition": ("定义", "Definition"),
    "likelihood_scale": ("可能性等级", "Likelihood scale"),
    "impact_scale": ("影响等级（风险）", "Impact scale (risks)"),
    "benefit_scale": ("收益等级（机遇）", "Benefit scale (opportunities)"),
    "level": ("等级", "Level"),
    "descriptor": ("描述", "Descriptor"),
    "threshold": ("财务影响金额", "Financial effect"),
    "band_rules": ("评级规则（可能性 × 影响）", "Rating bands (likelihood × impact)"),
    "band": ("评级", "Band"),
    "scores": ("评分范围", "Scores"),
    "risk_colour": ("风险颜色", "Risk colour"),
    "opp_colour": ("机遇颜色", "Opportunity colour"),
    "category_defs": ("类别定义", "Category definitions"),
    "matrix_size_note": (
        "矩阵大小：{n} × {n}；评分 = 可能性 × 影响（机遇：可能性 × 收益）。",
        "Matrix size: {n} × {n}; score = likelihood × impact (opportunities: likelihood × benefit).",
    ),
    # disclosure index
    "disclosure_title": ("披露索引", "Disclosure index"),
    "framework_col": ("框架", "Framework"),
    "reference": ("条目", "Reference"),
    "topic": ("披露内容（释义）", "Disclosure (paraphrased)"),
    "where": ("本材料对应位置", "Where this pack answers it"),
    "sse_note": (
        "上交所条款按公司 2024 年 ESG 报告附录 2 的索引列示，内容为释义。",
        "SSE articles as listed in the index (Appendix 2) of the company's 2024 ESG report; "
        "descriptions are paraphrased.",
    ),
}


def t(key: str, lang: Lang) -> str:
    zh, en = TEXT[key]
    return zh if lang == "zh" else en
