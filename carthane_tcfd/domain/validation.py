"""Validation of what the user typed, before anything is written. Each problem names its field."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from carthane_tcfd.domain.item_fields import SHORT_MAX, TEXT_MAX, Shape
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemDraft, MitigationDraft
from carthane_tcfd.domain.scales import MATRIX_SIZES
from carthane_tcfd.domain.taxonomy import Coded, Lang

COST_MAX = 10**13  # CNY; above this is certainly a typing error


@dataclass(frozen=True)
class Problem:
    field: str  # e.g. "title", "likelihood", "mitigations[2].due"
    zh: str
    en: str

    def message(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


FIELD_LABELS: dict[str, tuple[str, str]] = {
    **{f.name: (f.zh, f.en) for f in ITEM_FIELDS},
    "description_m": ("措施", "Action"),
    "due": ("到期日", "Due date"),
    "cost_cny": ("预计成本", "Estimated cost"),
    "matrix_size": ("矩阵大小", "Matrix size"),
    "impact_thresholds": ("影响金额阈值", "Impact thresholds"),
    "year": ("年度", "Year"),
    "reason": ("原因", "Reason"),
    "status": ("状态", "Status"),
    "position": ("顺序", "Order"),
    "kind": ("类型", "Type"),
    # financial effects (domain/effects.py)
    "current_narrative": ("当期财务影响", "Current financial effect"),
    "current_cny": ("当期影响金额", "Current effect (CNY)"),
    "anticipated": ("预期财务影响", "Anticipated financial effect"),
    "low_cny": ("金额下限", "Low (CNY)"),
    "high_cny": ("金额上限", "High (CNY)"),
    "basis": ("依据与假设", "Basis and assumptions"),
    "statement_lines": ("受影响的财务报表项目", "Financial-statement lines"),
    "material_adjustment": ("重大调整风险（¶16(b)）", "Material adjustment risk (¶16(b))"),
    "reason_code": ("未量化原因", "Reason not quantified"),
    "reason_text": ("未量化说明", "Why not quantified"),
    # scenario analysis (domain/scenarios.py)
    "scenario": ("情景", "Scenario"),
    "name": ("情景名称", "Scenario name"),
    "name_en": ("英文名称", "English name"),
    "source": ("来源", "Source"),
    "temperature_c": ("温升结果", "Temperature outcome"),
    "horizon_year": ("分析年限", "Time horizon (year)"),
    "carbon_prices": ("碳价路径", "Carbon price path"),
    "price_cny": ("碳价", "Carbon price"),
    "electricity_change_pct": ("电价变化", "Electricity price change"),
    "assumptions": ("假设", "Assumptions"),
    "direction": ("影响方向", "Direction"),
    "level": ("影响等级", "Level"),
    "narrative": ("说明", "Narrative"),
    "resilience": ("气候韧性说明", "Resilience narrative"),
    "electricity_cost_cny": ("外购电力成本", "Purchased electricity cost"),
    "include_scope3": ("包含范围三", "Include scope 3"),
    "comment": ("意见", "Comment"),
    "meeting_date": ("委员会会议日期", "Committee meeting date"),
    "meeting_reference": ("会议编号", "Meeting reference"),
}


def _field(name: str, lang_index: int) -> str:
    key = "description_m" if name.endswith("].description") else name.rsplit(".", 1)[-1]
    pair = FIELD_LABELS.get(key, (name, name))
    return pair[lang_index]


def parse_amount(text: str) -> Decimal | None:
    """A CNY amount as typed ("1,200,000.50", "１２００"), None when blank; ValueError when not a number."""
    cleaned = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip()
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None


def problem(field: str, zh: str, en: str) -> Problem:
    """A problem whose message starts with the field's label."""
    return Problem(field, f"{_field(field, 0)}：{zh}", f"{_field(field, 1)}: {en}")


def _text(out: list[Problem], field: str, value: str, limit: int, required: bool = False) -> None:
    if required and not value.strip():
        out.append(problem(field, "不能为空", "is required"))
    elif len(value) > limit:
        out.append(problem(field, f"不能超过 {limit} 个字符", f"must be at most {limit} characters"))


def _codes(out: list[Problem], field: str, values: list[str], allowed: type[Coded]) -> None:
    known = {m.value for m in allowed}
    unknown = [v for v in values if v not in known]
    if unknown:
        out.append(problem(field, f"未知代码 {', '.join(unknown)}", f"unknown code {', '.join(unknown)}"))
    if len(set(values)) != len(values):
        out.append(problem(field, "有重复项", "has duplicates"))


def _score(out: list[Problem], field: str, value: int | None, size: int) -> None:
    if value is not None and not 1 <= value <= size:
        out.append(problem(field, f"须在 1 到 {size} 之间", f"must be between 1 and {size}"))


def _pair(out: list[Problem], first: str, second: str, a: int | None, b: int | None) -> None:
    if (a is None) != (b is None):
        missing = second if a is not None else first
        out.append(problem(missing, "须与另一项评分同时填写", "must be given together with its pair"))


def validate_mitigation(m: MitigationDraft, prefix: str = "") -> list[Problem]:
    out: list[Problem] = []
    _text(out, f"{prefix}description", m.description, TEXT_MAX, required=True)
    _text(out, f"{prefix}owner", m.owner, SHORT_MAX)
    if m.cost_cny is not None and not 0 <= m.cost_cny <= COST_MAX:
        out.append(problem(f"{prefix}cost_cny", "须为非负金额", "must be a non-negative amount"))
    return out


def validate_item(draft: ItemDraft, matrix_size: int) -> list[Problem]:
    out: list[Problem] = []
    for f in ITEM_FIELDS:
        value = getattr(draft, f.name)
        if f.shape is Shape.TEXT and f.max_length is not None:
            _text(out, f.name, value, f.max_length, required=f.required)
        elif f.shape is Shape.CODES:
            assert f.vocabulary is not None
            _codes(out, f.name, value, f.vocabulary)
        elif f.shape is Shape.AMOUNT and value is not None and not 0 <= value <= COST_MAX:
            out.append(problem(f.name, "须为非负金额", "must be a non-negative amount"))
        elif f.shape is Shape.SCORE:
            _score(out, f.name, value, matrix_size)
    low, high = draft.estimate_low_cny, draft.estimate_high_cny
    if low is not None and high is not None and low > high:
        out.append(problem("estimate_high_cny", "不能小于下限", "must not be below the low estimate"))
    if draft.closed and not draft.closed_reason.strip():
        out.append(problem("closed_reason", "关闭条目时必须填写", "is required to close an item"))
    _pair(out, "likelihood", "impact", draft.likelihood, draft.impact)
    _pair(out, "residual_likelihood", "residual_impact", draft.residual_likelihood, draft.residual_impact)
    for index, m in enumerate(draft.mitigations):
        out.extend(validate_mitigation(m, f"mitigations[{index}]."))
    return out


def validate_matrix_size(size: int) -> list[Problem]:
    if size not in MATRIX_SIZES:
        first, last = MATRIX_SIZES[0], MATRIX_SIZES[-1]
        return [problem("matrix_size", f"须在 {first} 到 {last} 之间", f"must be between {first} and {last}")]
    return []
