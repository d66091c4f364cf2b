"""Validation of what the user typed, before anything is written. Each problem names its field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from carthane_tcfd.domain.item_fields import SHORT_MAX, TEXT_MAX, TITLE_MAX, Shape
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemDraft, MitigationDraft, PeriodDraft
from carthane_tcfd.domain.scales import MATRIX_SIZES
from carthane_tcfd.domain.taxonomy import Coded, Horizon, Lang

# Text limits beyond an item's own (domain/item_fields.py), in characters: the short ones are the column
# widths PostgreSQL enforces (String(200)); the long ones keep every text printable in the board pack.
NARRATIVE_MAX = 16_000  # one narrative section of a period: fits an Excel cell even in emoji
USER_MAX = 200  # the name the audit trail records
COST_MAX = 10**13  # CNY; above this is certainly a typing error
CENT = Decimal("0.01")  # amounts are stored to the fen
YEAR_MIN, YEAR_MAX = 1990, 2200
DUE_MIN, DUE_MAX = dt.date(YEAR_MIN, 1, 1), dt.date(YEAR_MAX, 12, 31)
CODE_PATTERN = re.compile(r"(PR|TR|OP)-[0-9]{2,8}")  # at most 12 characters, the column's width


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
    "code": ("编号", "Code"),
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
    "governance": ("治理", "Governance"),
    "strategy": ("战略", "Strategy"),
    "risk_management": ("风险管理", "Risk management"),
    "metrics_targets": ("指标与目标", "Metrics and targets"),
    "horizon_definitions": ("时间范围定义", "Horizon definitions"),
    "user": ("用户名", "User name"),
    "signer_name": ("签署显示名", "Display name for sign-off"),
    "signer_role": ("签署职务", "Role for sign-off"),
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
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():  # "nan", "inf": Decimal parses them, but they are not amounts
        raise ValueError(text)
    return value


def problem(field: str, zh: str, en: str) -> Problem:
    """A problem whose message starts with the field's label."""
    return Problem(field, f"{_field(field, 0)}：{zh}", f"{_field(field, 1)}: {en}")


def text_problem(field: str, value: Any, limit: int, required: bool = False) -> Problem | None:
    """What is wrong with a text field, if anything: not text, empty when required, too long, or holding a
    character no database stores (NUL; PostgreSQL refuses it) or no file can hold (a lone surrogate)."""
    if not isinstance(value, str):
        return problem(field, "须为文本", "must be text")
    if required and not value.strip():
        return problem(field, "不能为空", "is required")
    if len(value) > limit:
        return problem(
            field,
            f"不能超过 {limit} 个字符（现有 {len(value)} 个）",
            f"must be at most {limit} characters ({len(value)} given)",
        )
    if "\x00" in value:
        return problem(field, "不能包含空字符（NUL）", "must not contain a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return problem(field, "含有无效字符（孤立的代理项）", "contains an invalid character (a lone surrogate)")
    return None


def _text(out: list[Problem], field: str, value: Any, limit: int, required: bool = False) -> None:
    found = text_problem(field, value, limit, required)
    if found is not None:
        out.append(found)


def _amount(out: list[Problem], field: str, value: Any) -> None:
    """A CNY amount: finite, not negative, below COST_MAX, in whole fen (nothing is rounded away)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        out.append(problem(field, "须为金额", "must be an amount"))
    elif not Decimal(value).is_finite():
        out.append(problem(field, "须为有限的金额", "must be a finite amount"))
    elif not 0 <= value <= COST_MAX:
        out.append(problem(field, f"须为 0 到 {COST_MAX:,} 之间的金额", f"must be an amount from 0 to {COST_MAX:,}"))
    elif Decimal(value) != Decimal(value).quantize(CENT):
        out.append(problem(field, "最多保留两位小数", "must have at most two decimal places"))


def _date(out: list[Problem], field: str, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        out.append(problem(field, "须为日期", "must be a date"))
    elif not DUE_MIN <= value <= DUE_MAX:
        out.append(
            problem(
                field,
                f"须在 {DUE_MIN.isoformat()} 到 {DUE_MAX.isoformat()} 之间",
                f"must be between {DUE_MIN.isoformat()} and {DUE_MAX.isoformat()}",
            )
        )


def _codes(out: list[Problem], field: str, values: list[str], allowed: type[Coded]) -> None:
    known = {m.value for m in allowed}
    unknown = [v for v in values if v not in known]
    if unknown:
        out.append(problem(field, f"未知代码 {', '.join(unknown)}", f"unknown code {', '.join(unknown)}"))
    if len(set(values)) != len(values):
        out.append(problem(field, "有重复项", "has duplicates"))


def _score(out: list[Problem], field: str, value: Any, size: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        out.append(problem(field, f"须为 1 到 {size} 之间的整数", f"must be a whole number from 1 to {size}"))
    elif not 1 <= value <= size:
        out.append(problem(field, f"须在 1 到 {size} 之间", f"must be between 1 and {size}"))


def _pair(out: list[Problem], first: str, second: str, a: int | None, b: int | None) -> None:
    if (a is None) != (b is None):
        missing = second if a is not None else first
        out.append(problem(missing, "须与另一项评分同时填写", "must be given together with its pair"))


def validate_mitigation(m: MitigationDraft, prefix: str = "") -> list[Problem]:
    out: list[Problem] = []
    _text(out, f"{prefix}description", m.description, TEXT_MAX, required=True)
    _text(out, f"{prefix}owner", m.owner, SHORT_MAX)
    _date(out, f"{prefix}due", m.due)
    _amount(out, f"{prefix}cost_cny", m.cost_cny)
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
        elif f.shape is Shape.AMOUNT:
            _amount(out, f.name, value)
        elif f.shape is Shape.SCORE:
            _score(out, f.name, value, matrix_size)
    low, high = draft.estimate_low_cny, draft.estimate_high_cny
    amounts_valid = not any(p.field in ("estimate_low_cny", "estimate_high_cny") for p in out)
    if amounts_valid and low is not None and high is not None and low > high:
        out.append(problem("estimate_high_cny", "不能小于下限", "must not be below the low estimate"))
    if draft.closed and not draft.closed_reason.strip():
        out.append(problem("closed_reason", "关闭条目时必须填写", "is required to close an item"))
    _pair(out, "likelihood", "impact", draft.likelihood, draft.impact)
    _pair(out, "residual_likelihood", "residual_impact", draft.residual_likelihood, draft.residual_impact)
    for index, m in enumerate(draft.mitigations):
        out.extend(validate_mitigation(m, f"mitigations[{index}]."))
    return out


def validate_code(code: str) -> list[Problem]:
    """An item code given back (undo restores a deleted item's own code)."""
    if isinstance(code, str) and CODE_PATTERN.fullmatch(code):
        return []
    return [problem("code", "格式应为 PR-01、TR-01 或 OP-01", "must look like PR-01, TR-01 or OP-01")]


def validate_year(year: Any, field: str = "year") -> list[Problem]:
    if isinstance(year, int) and not isinstance(year, bool) and YEAR_MIN <= year <= YEAR_MAX:
        return []
    return [
        problem(field, f"须为 {YEAR_MIN} 到 {YEAR_MAX} 之间的年份", f"must be a year from {YEAR_MIN} to {YEAR_MAX}")
    ]


def validate_period_title(title: str) -> list[Problem]:
    found = text_problem("title", title, TITLE_MAX, required=True)
    return [] if found is None else [found]


def validate_user(name: str) -> list[Problem]:
    """The name the audit trail records (from the OS account or CARTHANE_TCFD_USER)."""
    found = text_problem("user", name, USER_MAX, required=True)
    return [] if found is None else [found]


def validate_signer(name: str, role: str) -> list[Problem]:
    """The display name and role a sign-off step records beside the audit name (both may be empty)."""
    out: list[Problem] = []
    _text(out, "signer_name", name, USER_MAX)
    _text(out, "signer_role", role, USER_MAX)
    return out


def validate_period(draft: PeriodDraft, highest_score: int) -> list[Problem]:
    """A period's settings; `highest_score`: the highest score its items hold (the matrix cannot shrink
    below it)."""
    problems = validate_period_title(draft.title)
    for section in ("governance", "strategy", "risk_management", "metrics_targets"):
        _text(problems, section, getattr(draft.narrative, section), NARRATIVE_MAX)
    for code, labels in draft.horizon_definitions.items():
        if code not in {h.value for h in Horizon} or not isinstance(labels, dict):
            problems.append(problem("horizon_definitions", f"未知代码 {code}", f"unknown code {code}"))
            continue
        for lang_code, text in labels.items():
            found = text_problem("horizon_definitions", text, SHORT_MAX)
            if found is not None:
                problems.append(
                    Problem(found.field, f"{found.zh}（{code}/{lang_code}）", f"{found.en} ({code}/{lang_code})")
                )
    problems += validate_matrix_size(draft.matrix_size)
    if not problems and highest_score > draft.matrix_size:
        problems.append(
            problem(
                "matrix_size",
                f"已有评分达到 {highest_score}，请先调整评分再缩小矩阵",
                f"items are scored up to {highest_score}; rescore them before shrinking the matrix",
            )
        )
    thresholds = draft.impact_thresholds_cny
    if (
        len(thresholds) != draft.matrix_size - 1
        or any(isinstance(t, bool) or not isinstance(t, int) or not 0 < t <= COST_MAX for t in thresholds)
        or thresholds != sorted(set(thresholds))
    ):
        problems.append(
            problem(
                "impact_thresholds",
                f"须为 {draft.matrix_size - 1} 个递增的正数金额",
                f"must be {draft.matrix_size - 1} increasing positive amounts",
            )
        )
    return problems


def validate_matrix_size(size: int) -> list[Problem]:
    if isinstance(size, bool) or not isinstance(size, int) or size not in MATRIX_SIZES:
        first, last = MATRIX_SIZES[0], MATRIX_SIZES[-1]
        return [problem("matrix_size", f"须在 {first} 到 {last} 之间", f"must be between {first} and {last}")]
    return []
