"""Validation of financial effects, scenarios, grid cells and scenario inputs, before anything is written.
Each problem names its field in both languages (domain/validation.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from carthane_tcfd.domain.effects import FinancialEffects, StatementLine
from carthane_tcfd.domain.item_fields import SHORT_MAX, TEXT_MAX, TITLE_MAX
from carthane_tcfd.domain.taxonomy import Horizon
from carthane_tcfd.domain.validation import COST_MAX, Problem, problem

if TYPE_CHECKING:  # named in annotations only: the item editor, on the launch path, needs none of the scenarios
    from carthane_tcfd.domain.scenarios import CellDraft, ScenarioDraft, ScenarioInputs

NARRATIVE_MAX = 4_000  # a grid cell's narrative: a short note, not a report
YEARS = (2000, 2200)  # carbon price years and scenario horizons
TEMPERATURES = (Decimal(0), Decimal(10))  # °C of warming
CARBON_PRICE_MAX = Decimal(1_000_000)  # CNY per tCO2e; above this is a typing error
ELECTRICITY_CHANGE = (Decimal(-100), Decimal(1000))  # %
PRICE_POINTS_MAX = 50


def _text(out: list[Problem], field: str, value: str, limit: int, required: bool = False) -> None:
    if required and not value.strip():
        out.append(problem(field, "不能为空", "is required"))
    elif len(value) > limit:
        out.append(problem(field, f"不能超过 {limit} 个字符", f"must be at most {limit} characters"))


def _amount(out: list[Problem], field: str, value: Decimal | None, where: tuple[str, str] = ("", "")) -> None:
    """A CNY amount: finite, not negative, below COST_MAX."""
    if value is None:
        return
    if not value.is_finite():
        out.append(problem(field, f"{where[0]}须为有限数值", f"{where[1]}must be a finite number"))
    elif not 0 <= value <= COST_MAX:
        out.append(
            problem(
                field,
                f"{where[0]}须为 0 到 {COST_MAX:,} 之间的金额",
                f"{where[1]}must be an amount between 0 and {COST_MAX:,}",
            )
        )


def _range(
    out: list[Problem], field: str, low: Decimal | None, high: Decimal | None, where: tuple[str, str] = ("", "")
) -> None:
    _amount(out, f"{field}low_cny", low, where)
    _amount(out, f"{field}high_cny", high, where)
    if low is not None and high is not None and low.is_finite() and high.is_finite() and low > high:
        out.append(
            problem(f"{field}high_cny", f"{where[0]}不能小于下限", f"{where[1]}must not be below the low amount")
        )


def _within(
    out: list[Problem], field: str, value: Decimal | int | None, bounds: tuple[Decimal | int, Decimal | int]
) -> None:
    if value is None:
        return
    if isinstance(value, Decimal) and not value.is_finite():
        out.append(problem(field, "须为有限数值", "must be a finite number"))
    elif not bounds[0] <= value <= bounds[1]:
        out.append(
            problem(field, f"须在 {bounds[0]} 到 {bounds[1]} 之间", f"must be between {bounds[0]} and {bounds[1]}")
        )


def validate_effects(effects: FinancialEffects, horizons: list[str] | tuple[str, ...]) -> list[Problem]:
    """An item's financial effects, given the item's own horizons."""
    out: list[Problem] = []
    _text(out, "effects.current_narrative", effects.current_narrative, TEXT_MAX)
    _amount(out, "effects.current_cny", effects.current_cny)
    seen: set[str] = set()
    for a in effects.anticipated:
        label = Horizon(a.horizon).label if a.horizon in Horizon._value2member_map_ else None
        where = (f"（{label('zh')}）", f"({label('en')}) ") if label else ("", "")
        if label is None or a.horizon not in horizons:
            out.append(
                problem(
                    "effects.anticipated",
                    f"时间范围 {a.horizon} 不在该条目的时间范围内",
                    f"horizon {a.horizon} is not among the item's horizons",
                )
            )
        if a.horizon in seen:
            out.append(problem("effects.anticipated", f"{where[0]}重复", f"{where[1]}is given twice"))
        seen.add(a.horizon)
        _range(out, f"effects.anticipated.{a.horizon}.", a.low_cny, a.high_cny, where)
        _text(out, f"effects.anticipated.{a.horizon}.basis", a.basis, TEXT_MAX)
    known = {m.value for m in StatementLine}
    unknown = [code for code in effects.statement_lines if code not in known]
    if unknown:
        out.append(
            problem("effects.statement_lines", f"未知代码 {', '.join(unknown)}", f"unknown code {', '.join(unknown)}")
        )
    if len(set(effects.statement_lines)) != len(effects.statement_lines):
        out.append(problem("effects.statement_lines", "有重复项", "has duplicates"))
    _text(out, "effects.reason_text", effects.reason_text, TEXT_MAX)
    if effects.reason_text.strip() and effects.reason is None:
        out.append(problem("effects.reason_code", "填写说明时请选择原因", "choose a reason for the explanation given"))
    return out


def validate_scenario(draft: ScenarioDraft) -> list[Problem]:
    out: list[Problem] = []
    _text(out, "scenario.name", draft.name, TITLE_MAX, required=True)
    _text(out, "scenario.name_en", draft.name_en, TITLE_MAX)
    _text(out, "scenario.source", draft.source, SHORT_MAX)
    _text(out, "scenario.assumptions", draft.assumptions, TEXT_MAX)
    _within(out, "scenario.temperature_c", draft.temperature_c, TEMPERATURES)
    _within(out, "scenario.horizon_year", draft.horizon_year, YEARS)
    _within(out, "scenario.electricity_change_pct", draft.electricity_change_pct, ELECTRICITY_CHANGE)
    if len(draft.carbon_prices) > PRICE_POINTS_MAX:
        out.append(
            problem("scenario.carbon_prices", f"最多 {PRICE_POINTS_MAX} 个年份", f"at most {PRICE_POINTS_MAX} years")
        )
    years = [p.year for p in draft.carbon_prices]
    if len(set(years)) != len(years):
        out.append(problem("scenario.carbon_prices", "年份有重复", "a year is given twice"))
    for p in draft.carbon_prices:
        _within(out, "scenario.carbon_prices.year", p.year, YEARS)
        _within(out, "scenario.carbon_prices.price_cny", p.price_cny, (Decimal(0), CARBON_PRICE_MAX))
    return out


def validate_cell(cell: CellDraft, matrix_size: int) -> list[Problem]:
    out: list[Problem] = []
    if cell.level is not None and not 1 <= cell.level <= matrix_size:
        out.append(problem("level", f"须在 1 到 {matrix_size} 之间", f"must be between 1 and {matrix_size}"))
    if cell.level is not None and cell.direction is None:
        out.append(problem("direction", "填写等级时须选择方向", "is required with a level"))
    _range(out, "", cell.low_cny, cell.high_cny)
    _text(out, "narrative", cell.narrative, NARRATIVE_MAX)
    return out


def validate_inputs(inputs: ScenarioInputs) -> list[Problem]:
    out: list[Problem] = []
    _text(out, "resilience", inputs.resilience, TEXT_MAX)
    _amount(out, "electricity_cost_cny", inputs.electricity_cost_cny)
    return out
