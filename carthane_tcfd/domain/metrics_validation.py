"""Validation of a period's metrics and targets before anything is written. Each problem names its
field (`lines[scope1.fugitive].value`, `custom[0].name_zh`, `targets[1].target_year`) and the line or
target it belongs to."""

from __future__ import annotations

from decimal import Decimal

from carthane_tcfd.domain.ghg import LINE_BY_CODE, LineStatus, MeasureState, TargetMetric
from carthane_tcfd.domain.inventory import Basis, CustomMetric, Line
from carthane_tcfd.domain.item_fields import SHORT_MAX, TEXT_MAX, TITLE_MAX
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.targets import CrossIndustryMetric, Target
from carthane_tcfd.domain.validation import Problem

FIGURE_MAX = Decimal(10) ** 15  # above this a figure is certainly a typing error
PLACES_MAX = 8  # what the database keeps (Numeric(24, 8)): nothing is rounded silently
DIGITS_MAX = 15  # what survives SQLite's floating-point storage exactly
REASON_MAX = 2_000
SOURCE_MAX = 500
UNIT_MAX = 40
YEARS = range(1990, 2201)


def _p(field: str, where: tuple[str, str], zh: str, en: str) -> Problem:
    return Problem(field, f"{where[0]}：{zh}", f"{where[1]}: {en}")


def _figure(
    out: list[Problem],
    field: str,
    where: tuple[str, str],
    value: Decimal | None,
    upper: Decimal = FIGURE_MAX,
    negative: bool = False,
) -> None:
    if value is None:
        return
    if not value.is_finite():
        out.append(_p(field, where, "须为有限数值", "must be a finite number"))
    elif value < 0 and not negative:
        out.append(_p(field, where, "不能为负数", "must not be negative"))
    elif abs(value) > upper:
        out.append(_p(field, where, f"不能超过 {upper:,f}", f"must be at most {upper:,f}"))
    elif _places(value) > PLACES_MAX:
        out.append(_p(field, where, f"最多 {PLACES_MAX} 位小数", f"must have at most {PLACES_MAX} decimal places"))
    elif len(value.normalize().as_tuple().digits) > DIGITS_MAX:
        out.append(
            _p(field, where, f"最多 {DIGITS_MAX} 位有效数字", f"must have at most {DIGITS_MAX} significant digits")
        )


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _text(out: list[Problem], field: str, where: tuple[str, str], value: str, limit: int) -> None:
    if len(value) > limit:
        out.append(_p(field, where, f"不能超过 {limit} 个字符", f"must be at most {limit} characters"))


def validate_line(line: Line) -> list[Problem]:
    out: list[Problem] = []
    d = LINE_BY_CODE.get(line.code)
    if d is None:
        return [Problem(f"lines[{line.code}]", f"未知指标代码 {line.code}", f"unknown line code {line.code}")]
    where, field = (d.zh, d.en), f"lines[{line.code}]"
    _figure(out, f"{field}.value", where, line.value, Decimal(100) if d.unit.value == "percent" else FIGURE_MAX)
    _figure(out, f"{field}.tce", where, line.tce)
    if line.tce is not None and not d.tce:
        out.append(_p(f"{field}.tce", where, "此项不折标煤", "has no coal-equivalent figure"))
    if line.status is not LineStatus.CALCULATED:
        if not line.reason.strip():
            out.append(
                _p(f"{field}.reason", where, "未核算或不相关须说明原因", "a reason is required when it is left out")
            )
        if line.value is not None or line.tce is not None:
            out.append(_p(f"{field}.value", where, "未核算或不相关时不能填写数值", "must be empty when it is left out"))
    _text(out, f"{field}.reason", where, line.reason, REASON_MAX)
    _text(out, f"{field}.source", where, line.source, SOURCE_MAX)
    _text(out, f"{field}.reason_en", where, line.reason_en, REASON_MAX)
    _text(out, f"{field}.source_en", where, line.source_en, SOURCE_MAX)
    return out


BASIS_LIMITS = {
    "standards": TEXT_MAX,
    "factor_sources": TEXT_MAX,
    "gwp": SHORT_MAX,
    "verification_note": TEXT_MAX,
    "output_unit_zh": UNIT_MAX,
    "output_unit_en": UNIT_MAX,
    "target_note": TEXT_MAX,
    "source": SOURCE_MAX,
    "standards_en": TEXT_MAX,
    "factor_sources_en": TEXT_MAX,
    "verification_note_en": TEXT_MAX,
    "source_en": SOURCE_MAX,
    "target_note_en": TEXT_MAX,
}
BASIS_LABELS = {
    "standards": ("核算标准", "Standards"),
    "factor_sources": ("排放因子来源", "Emission-factor sources"),
    "gwp": ("全球变暖潜势（GWP）", "GWP set"),
    "verification_note": ("核查说明", "Verification note"),
    "output_unit_zh": ("产量单位", "Output unit"),
    "output_unit_en": ("产量单位（英文）", "Output unit (English)"),
    "target_note": ("目标设定说明", "Note on targets"),
    "source": ("出处", "Source"),
    "standards_en": ("核算标准（英文）", "Standards (English)"),
    "factor_sources_en": ("排放因子来源（英文）", "Emission-factor sources (English)"),
    "verification_note_en": ("核查说明（英文）", "Verification note (English)"),
    "source_en": ("出处（英文）", "Source (English)"),
    "target_note_en": ("目标设定说明（英文）", "Note on targets (English)"),
}


def validate_basis(basis: Basis) -> list[Problem]:
    out: list[Problem] = []
    for name, limit in BASIS_LIMITS.items():
        _text(out, f"basis.{name}", BASIS_LABELS[name], getattr(basis, name), limit)
    return out


def validate_custom(metrics: tuple[CustomMetric, ...]) -> list[Problem]:
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for index, m in enumerate(metrics):
        field = f"custom[{index}]"
        where = (f"自定义指标 {index + 1}", f"Custom metric {index + 1}")
        if not (m.name_zh.strip() or m.name_en.strip()):
            out.append(_p(f"{field}.name_zh", where, "须填写名称", "a name is required"))
        _text(out, f"{field}.name_zh", where, m.name_zh, TITLE_MAX)
        _text(out, f"{field}.name_en", where, m.name_en, TITLE_MAX)
        _text(out, f"{field}.unit", where, m.unit, UNIT_MAX)
        _text(out, f"{field}.source", where, m.source, SOURCE_MAX)
        _text(out, f"{field}.source_en", where, m.source_en, SOURCE_MAX)
        _figure(out, f"{field}.value", where, m.value, negative=True)
        if m.key in seen and m.key[0]:
            out.append(_p(f"{field}.name_zh", where, "名称与单位重复", "repeats another metric's name and unit"))
        seen.add(m.key)
    return out


def validate_cross_industry(metric: CrossIndustryMetric) -> list[Problem]:
    out: list[Problem] = []
    field, where = f"cross_industry[{metric.code.value}]", (metric.code.label("zh"), metric.code.label("en"))
    _figure(out, f"{field}.amount", where, metric.amount)
    _figure(out, f"{field}.share_pct", where, metric.share_pct, Decimal(100))
    _text(out, f"{field}.unit", where, metric.unit, UNIT_MAX)
    _text(out, f"{field}.narrative", where, metric.narrative, TEXT_MAX)
    given = metric.amount is not None or metric.share_pct is not None
    if metric.state is MeasureState.MEASURED and not given:
        out.append(
            _p(f"{field}.amount", where, "已计量时须填写金额或比例", "an amount or a share is required when measured")
        )
    if metric.state is not MeasureState.MEASURED and given:
        out.append(_p(f"{field}.amount", where, "尚未计量或不适用时不能填写数值", "must be empty unless measured"))
    if metric.amount is not None and not metric.unit.strip():
        out.append(_p(f"{field}.unit", where, "须填写金额的单位", "the amount needs a unit"))
    return out


def validate_target(target: Target, index: int) -> list[Problem]:
    out: list[Problem] = []
    field = f"targets[{index}]"
    where = (f"目标 {index + 1}", f"Target {index + 1}")
    if not target.title.strip():
        out.append(_p(f"{field}.title", where, "须填写名称", "a title is required"))
    _text(out, f"{field}.title", where, target.title, TITLE_MAX)
    _text(out, f"{field}.title_en", where, target.title_en, TITLE_MAX)
    _text(out, f"{field}.coverage", where, target.coverage, TEXT_MAX)
    upper = Decimal(100) if target.metric is TargetMetric.RENEWABLE_SHARE else FIGURE_MAX
    _figure(out, f"{field}.base_value", where, target.base_value, upper)
    _figure(out, f"{field}.target_value", where, target.target_value, upper)
    for name in ("base_year", "target_year"):
        if getattr(target, name) not in YEARS:
            out.append(_p(f"{field}.{name}", where, "须为 1990–2200 之间的年份", "must be a year from 1990 to 2200"))
    if target.target_year <= target.base_year:
        out.append(_p(f"{field}.target_year", where, "须晚于基准年", "must be after the base year"))
    years = [m.year for m in target.milestones]
    if len(set(years)) != len(years):
        out.append(_p(f"{field}.milestones", where, "里程碑年份重复", "milestone years repeat"))
    for m in target.milestones:
        if not target.base_year < m.year < target.target_year:
            out.append(
                _p(
                    f"{field}.milestones",
                    where,
                    "里程碑须在基准年与目标年之间",
                    "milestones lie between base and target year",
                )
            )
        _figure(out, f"{field}.milestones", where, m.value, upper)
    return out


def validate_metric_set(metrics: MetricSet) -> list[Problem]:
    """Every problem of a metric set; an empty list means it can be saved."""
    out: list[Problem] = []
    codes = [line.code for line in metrics.inventory.lines]
    if len(set(codes)) != len(codes):
        out.append(Problem("lines", "指标行重复", "an inventory line repeats"))
    for line in metrics.inventory.lines:
        out += validate_line(line)
    out += validate_basis(metrics.inventory.basis)
    out += validate_custom(metrics.inventory.custom)
    for metric in metrics.cross_industry:
        out += validate_cross_industry(metric)
    for index, target in enumerate(metrics.targets):
        out += validate_target(target, index)
    return out
