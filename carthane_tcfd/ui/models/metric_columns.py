"""The columns of the Metrics & targets page's tables: the inventory (grouped by scope and category, a
computed total above the lines it sums, last period's figure and the change), the officer's own metrics,
the cross-industry metrics and the targets. Typed text is parsed here; the domain validates on save."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.ghg import LineStatus, MeasureState, TargetMetric, TargetStatus
from carthane_tcfd.domain.inventory import CustomMetric, Line, format_figure
from carthane_tcfd.domain.metric_rows import MetricRow
from carthane_tcfd.domain.metric_set import MetricsView
from carthane_tcfd.domain.targets import CrossIndustryMetric, Milestone, Target
from carthane_tcfd.domain.taxonomy import Coded, Lang
from carthane_tcfd.domain.validation import parse_amount
from carthane_tcfd.ui.models.record_model import Column

NOT_A_NUMBER = ("不是数字：", "not a number: ")
NOT_A_YEAR = ("不是年份：", "not a year: ")
MILESTONES_FORMAT = ("里程碑格式为「年份: 数值; …」", "milestones are written 'year: value; …'")


@dataclass(frozen=True)
class Entry:
    """A row of the inventory table: a section title, or one of the inventory's rows."""

    title: str = ""
    row: MetricRow | None = None

    @property
    def line(self) -> Line | None:
        return self.row.line if self.row else None


def _msg(pair: tuple[str, str], lang: Lang, value: object = "") -> str:
    return (pair[0] if lang == "zh" else pair[1]) + str(value)


def figure(text: Any, lang: Lang) -> Decimal | None:
    """A figure as typed ("1,805.06", blank for none); ValueError with a message the user reads."""
    try:
        value = parse_amount(str(text or ""))
    except ValueError:
        raise ValueError(_msg(NOT_A_NUMBER, lang, text)) from None
    if value is not None and not value.is_finite():
        raise ValueError(_msg(NOT_A_NUMBER, lang, text))
    return value


def year(text: Any, lang: Lang) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise ValueError(_msg(NOT_A_YEAR, lang, text)) from None


def _choices(enum: type[Coded], lang: Lang) -> list[tuple[str, str]]:
    return [(m.value, m.label(lang)) for m in enum]


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value.quantize(Decimal('0.1')):+,f}%"


def setter(name: str, parse: Any = str) -> Any:
    """An edit that replaces the record's field `name` with the parsed typed value."""
    return lambda record, v: dataclasses.replace(record, **{name: parse(v)})


def text_column(zh: str, en: str, name: str) -> Column[Any]:
    return Column(zh, en, lambda r: getattr(r, name), edit=setter(name))


def figure_column(zh: str, en: str, name: str, parse: Any) -> Column[Any]:
    return Column(zh, en, lambda r: format_figure(getattr(r, name), empty=""), edit=setter(name, parse), number=True)


def choice_column(zh: str, en: str, name: str, enum: type[Coded], lang: Lang) -> Column[Any]:
    return Column(
        zh,
        en,
        lambda r: getattr(r, name).label(lang),
        edit=setter(name, enum),
        choices=lambda: _choices(enum, lang),
        code=lambda r: getattr(r, name).value,
    )


# ---- the inventory ---------------------------------------------------------------------------------
def inventory_columns(lang: Lang, view: MetricsView) -> list[Column[Entry]]:
    output_unit = view.current.inventory.basis.output_unit(lang)
    before = str(view.previous_year) if view.previous_year else ("上期" if lang == "zh" else "Previous")

    def label(e: Entry) -> str:
        if e.row is None:
            return e.title
        return e.row.label(lang) if e.row.level == 0 else "    " + e.row.label(lang)

    def with_line(e: Entry, **changes: Any) -> Entry:
        assert e.row is not None and e.line is not None
        return Entry(row=dataclasses.replace(e.row, line=dataclasses.replace(e.line, **changes)))

    def is_line(e: Entry) -> bool:
        return e.line is not None

    def carrier(e: Entry) -> bool:
        return e.line is not None and e.line.definition.tce

    def status_text(e: Entry) -> str:
        return "" if e.row is None else e.row.status_text(lang)

    return [
        Column("指标", "Metric", label),
        Column("单位", "Unit", lambda e: e.row.unit_of(lang, output_unit) if e.row else ""),
        Column(
            str(view.year),
            str(view.year),
            lambda e: e.row.value_text("") if e.row else "",
            edit=lambda e, v: with_line(e, value=figure(v, lang)),
            number=True,
            editable_for=is_line,
        ),
        Column(
            "折标煤（吨）",
            "tce",
            lambda e: format_figure(e.row.tce, empty="") if carrier(e) and e.row else "",
            edit=lambda e, v: with_line(e, tce=figure(v, lang)),
            number=True,
            editable_for=carrier,
        ),
        Column(
            before,
            before,
            lambda e: format_figure(e.row.previous, e.row.places, "") if e.row else "",
            number=True,
        ),
        Column("变化", "Change", lambda e: _pct(e.row.change_pct) if e.row else "", number=True),
        Column(
            "状态",
            "Status",
            status_text,
            edit=lambda e, v: with_line(e, status=LineStatus(v)),
            choices=lambda: _choices(LineStatus, lang),
            code=lambda e: e.line.status.value if e.line else "",
            editable_for=is_line,
        ),
        _line_text("未核算原因", "Reason left out", "reason", with_line, is_line),
        _line_text("未核算原因（英文）", "Reason left out (English)", "reason_en", with_line, is_line),
        _line_text("出处", "Source", "source", with_line, is_line),
        _line_text("出处（英文）", "Source (English)", "source_en", with_line, is_line),
    ]


def _line_text(zh: str, en: str, name: str, with_line: Any, is_line: Any) -> Column[Entry]:
    """An inventory line's text column (the English edition's beside the Chinese)."""
    return Column(
        zh,
        en,
        lambda e: getattr(e.line, name) if e.line else "",
        edit=lambda e, v: with_line(e, **{name: str(v)}),
        editable_for=is_line,
    )


# ---- the officer's own metrics ----------------------------------------------------------------------
def custom_columns(lang: Lang) -> list[Column[CustomMetric]]:
    return [
        text_column("名称", "Name (Chinese)", "name_zh"),
        text_column("英文名称", "Name (English)", "name_en"),
        text_column("单位", "Unit", "unit"),
        figure_column("数值", "Value", "value", lambda v: figure(v, lang)),
        text_column("出处", "Source", "source"),
        text_column("出处（英文）", "Source (English)", "source_en"),
    ]


# ---- cross-industry metrics ------------------------------------------------------------------------
def cross_industry_columns(lang: Lang) -> list[Column[CrossIndustryMetric]]:
    return [
        Column("条款", "Reference", lambda m: m.code.paragraph),
        Column("指标", "Metric", lambda m: m.code.label(lang)),
        choice_column("状态", "State", "state", MeasureState, lang),
        figure_column("金额", "Amount", "amount", lambda v: figure(v, lang)),
        text_column("单位", "Unit", "unit"),
        figure_column("比例（%）", "Share (%)", "share_pct", lambda v: figure(v, lang)),
        text_column("说明", "Narrative", "narrative"),
    ]


# ---- targets -----------------------------------------------------------------------------------------
def milestones_text(milestones: tuple[Milestone, ...]) -> str:
    return "; ".join(f"{m.year}: {format_figure(m.value)}" for m in milestones)


def parse_milestones(text: Any, lang: Lang) -> tuple[Milestone, ...]:
    out = []
    for part in str(text or "").replace("；", ";").split(";"):
        if not part.strip():
            continue
        head, colon, value = part.replace("：", ":").partition(":")
        number = figure(value, lang) if colon else None
        if number is None:
            raise ValueError(_msg(MILESTONES_FORMAT, lang))
        out.append(Milestone(year(head, lang), number))
    return tuple(out)


def target_columns(lang: Lang, view_of: Any) -> list[Column[Target]]:
    """`view_of()` gives the page's current view, for each target's progress."""
    yes_no = [("1", "是" if lang == "zh" else "yes"), ("0", "否" if lang == "zh" else "no")]

    def required_figure(v: Any) -> Decimal:
        value = figure(v, lang)
        if value is None:
            raise ValueError(_msg(NOT_A_NUMBER, lang, v))
        return value

    def flag(name: str) -> Column[Target]:
        zh, en = {"science_based": ("科学碳目标", "Science-based"), "validated": ("已验证", "Validated")}[name]
        return Column(
            zh,
            en,
            lambda t: dict(yes_no)["1" if getattr(t, name) else "0"],
            edit=setter(name, lambda v: str(v) == "1"),
            choices=lambda: yes_no,
            code=lambda t: "1" if getattr(t, name) else "0",
        )

    def progress(t: Target) -> str:
        p = view_of().progress(t)
        if p is None:
            return "尚无实际值" if lang == "zh" else "no actual yet"
        verdict = (
            ("符合轨迹" if p.on_track else "落后于轨迹") if lang == "zh" else ("on track" if p.on_track else "behind")
        )
        done = "" if p.achieved_pct is None else f" · {format_figure(p.achieved_pct, 1)}%"
        return f"{p.year}: {format_figure(p.actual, 2)} / {format_figure(p.expected, 2)} ({verdict}){done}"

    return [
        text_column("目标名称", "Title", "title"),
        text_column("英文名称", "English title", "title_en"),
        choice_column("指标", "Metric", "metric", TargetMetric, lang),
        Column("基准年", "Base year", lambda t: str(t.base_year), edit=setter("base_year", lambda v: year(v, lang))),
        figure_column("基准值", "Base value", "base_value", required_figure),
        Column(
            "目标年", "Target year", lambda t: str(t.target_year), edit=setter("target_year", lambda v: year(v, lang))
        ),
        figure_column("目标值", "Target value", "target_value", required_figure),
        Column(
            "里程碑",
            "Milestones",
            lambda t: milestones_text(t.milestones),
            edit=setter("milestones", lambda v: parse_milestones(v, lang)),
        ),
        flag("science_based"),
        flag("validated"),
        choice_column("状态", "Status", "status", TargetStatus, lang),
        text_column("覆盖范围", "Coverage", "coverage"),
        Column("进展（实际 / 直线轨迹）", "Progress (actual / straight line)", progress),
    ]
