"""A period's GHG and energy inventory as entered (lines, basis, the officer's own metrics) and what is
computed from it, never typed: scope totals and shares, energy in tce, renewable share, PV coverage,
intensities, and the warnings where a total the report states differs from the sum of its lines."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from carthane_tcfd.domain.ghg import (
    LINE_BY_CODE,
    LINES,
    Boundary,
    LineDef,
    LineGroup,
    LineStatus,
    Scope2Basis,
    Verification,
)
from carthane_tcfd.domain.taxonomy import Lang

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Line:
    """One inventory line: its value in the line's unit (and in tce for an energy carrier), whether it
    is calculated, why not when it is not, and where the figure comes from."""

    code: str
    value: Decimal | None = None
    tce: Decimal | None = None
    status: LineStatus = LineStatus.CALCULATED
    reason: str = ""
    source: str = ""
    # the English edition's texts of the two above (empty: not translated yet)
    reason_en: str = ""
    source_en: str = ""

    @property
    def definition(self) -> LineDef:
        return LINE_BY_CODE[self.code]

    @property
    def counted(self) -> Decimal | None:
        """The value as it counts in a total: a line left out counts nothing."""
        return self.value if self.status is LineStatus.CALCULATED else None

    def emptied(self) -> Line:
        """The line's structure for a new year: its status and reason, no figures."""
        return Line(self.code, status=self.status, reason=self.reason, reason_en=self.reason_en)


@dataclass(frozen=True)
class Basis:
    """How the inventory was drawn up: boundary, standards, emission-factor sources, GWP set,
    verification, the output measure of the intensities, and what the report says of targets."""

    boundary: Boundary | None = None
    standards: str = ""
    factor_sources: str = ""
    gwp: str = ""
    verification: Verification | None = None
    verification_note: str = ""
    scope2_for_total: Scope2Basis = Scope2Basis.LOCATION
    output_unit_zh: str = ""
    output_unit_en: str = ""
    target_note: str = ""
    source: str = ""
    # the English edition's texts of the four above that the pack prints (empty: not translated yet)
    standards_en: str = ""
    factor_sources_en: str = ""
    verification_note_en: str = ""
    source_en: str = ""
    target_note_en: str = ""

    def output_unit(self, lang: Lang) -> str:
        return (self.output_unit_en or self.output_unit_zh) if lang == "en" else self.output_unit_zh


@dataclass(frozen=True)
class CustomMetric:
    """A further metric the officer tracks: name in both languages, unit, value."""

    name_zh: str
    name_en: str = ""
    unit: str = ""
    value: Decimal | None = None
    source: str = ""
    source_en: str = ""  # the English edition's (empty: not translated yet)

    def name(self, lang: Lang) -> str:
        return (self.name_en or self.name_zh) if lang == "en" else (self.name_zh or self.name_en)

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the metric from one year to the next."""
        return (self.name_zh.strip() or self.name_en.strip(), self.unit.strip())

    @property
    def compare_key(self) -> str:
        return " ".join(self.key).strip()


@dataclass(frozen=True)
class Inventory:
    """Every line of LINES, in that order, with the basis and the officer's own metrics."""

    lines: tuple[Line, ...]
    basis: Basis = Basis()
    custom: tuple[CustomMetric, ...] = ()

    @classmethod
    def of(
        cls, lines: list[Line] | tuple[Line, ...], basis: Basis = Basis(), custom: tuple[CustomMetric, ...] = ()
    ) -> Inventory:
        """An inventory from the lines given; lines not given are empty. Unknown codes are kept out by
        validation before this is called."""
        given = {line.code: line for line in lines}
        return cls(tuple(given.get(d.code, Line(d.code)) for d in LINES), basis, custom)

    @classmethod
    def empty(cls) -> Inventory:
        return cls.of(())

    def line(self, code: str) -> Line:
        for line in self.lines:
            if line.code == code:
                return line
        raise KeyError(code)

    def value(self, code: str) -> Decimal | None:
        return self.line(code).counted

    def of_group(self, group: LineGroup) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.definition.group is group)

    def with_line(self, line: Line) -> Inventory:
        return dataclasses.replace(self, lines=tuple(line if old.code == line.code else old for old in self.lines))

    def structure(self) -> Inventory:
        """What copy to next year carries: statuses, reasons, basis and the metrics' names, no figures."""
        return Inventory(
            tuple(line.emptied() for line in self.lines),
            dataclasses.replace(self.basis, source="", source_en=""),
            tuple(CustomMetric(m.name_zh, m.name_en, m.unit) for m in self.custom),
        )

    @property
    def has_figures(self) -> bool:
        return any(line.value is not None or line.tce is not None for line in self.lines) or any(
            m.value is not None for m in self.custom
        )


def _sum(values: list[Decimal | None] | tuple[Decimal | None, ...]) -> Decimal | None:
    given = [v for v in values if v is not None]
    return sum(given, Decimal(0)) if given else None


def _ratio(part: Decimal | None, whole: Decimal | None, scale: Decimal = Decimal(1)) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * scale


@dataclass(frozen=True)
class InventoryTotals:
    """What is computed from an inventory. None where nothing is entered to compute it from."""

    scope1: Decimal | None
    scope2_location: Decimal | None
    scope2_market: Decimal | None
    scope2: Decimal | None  # on the basis the period chose for totals
    scope3: Decimal | None
    total: Decimal | None
    energy_tce: Decimal | None
    renewable_tce: Decimal | None
    purchased_electricity_kwh: Decimal | None
    pv_output_kwh: Decimal | None
    water_t: Decimal | None
    output: Decimal | None
    revenue_cny_million: Decimal | None

    @property
    def scope1_2(self) -> Decimal | None:
        return _sum((self.scope1, self.scope2))

    def share(self, group: LineGroup) -> Decimal | None:
        """A scope's share of the total, in %."""
        part = {LineGroup.SCOPE1: self.scope1, LineGroup.SCOPE2: self.scope2, LineGroup.SCOPE3: self.scope3}[group]
        return _ratio(part, self.total, HUNDRED)

    @property
    def renewable_share(self) -> Decimal | None:
        """Renewable energy as a share of all energy, in % of tce."""
        return _ratio(self.renewable_tce, self.energy_tce, HUNDRED)

    @property
    def pv_coverage(self) -> Decimal | None:
        """The share of the plants' electricity (PV output plus purchased) that PV covered, in %."""
        return _ratio(self.pv_output_kwh, _sum((self.pv_output_kwh, self.purchased_electricity_kwh)), HUNDRED)

    @property
    def ghg_intensity(self) -> Decimal | None:
        """tCO2e per unit of the period's output measure."""
        return _ratio(self.total, self.output)

    @property
    def ghg_per_revenue(self) -> Decimal | None:
        """tCO2e per CNY million of revenue."""
        return _ratio(self.total, self.revenue_cny_million)

    @property
    def energy_intensity(self) -> Decimal | None:
        """tce per unit of the period's output measure."""
        return _ratio(self.energy_tce, self.output)


def inventory_totals(inventory: Inventory) -> InventoryTotals:
    """The computed figures of an inventory (scope 1 + 2, purchased electricity and the rest)."""

    def group(g: LineGroup) -> Decimal | None:
        return _sum([line.counted for line in inventory.of_group(g)])

    location = inventory.value("scope2.location")
    market = inventory.value("scope2.market")
    scope2 = market if inventory.basis.scope2_for_total is Scope2Basis.MARKET else location
    scope1, scope3 = group(LineGroup.SCOPE1), group(LineGroup.SCOPE3)
    carriers = [line for line in inventory.of_group(LineGroup.ENERGY) if line.status is LineStatus.CALCULATED]
    return InventoryTotals(
        scope1=scope1,
        scope2_location=location,
        scope2_market=market,
        scope2=scope2,
        scope3=scope3,
        total=_sum((scope1, scope2, scope3)),
        energy_tce=_sum([c.tce for c in carriers]),
        renewable_tce=_sum([c.tce for c in carriers if c.definition.renewable]) if carriers else None,
        purchased_electricity_kwh=inventory.value("energy.purchased_electricity"),
        pv_output_kwh=inventory.value("resource.pv_output"),
        water_t=inventory.value("resource.water"),
        output=inventory.value("output.quantity"),
        revenue_cny_million=inventory.value("output.revenue"),
    )


@dataclass(frozen=True)
class Notice:
    """Something the officer should look at; it does not stop a save."""

    field: str
    zh: str
    en: str

    def message(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


# stated line -> what it is compared with
STATED_CHECKS: dict[str, str] = {
    "stated.ghg_total": "total",
    "stated.energy_tce": "energy_tce",
    "stated.ghg_intensity": "ghg_intensity",
    "stated.energy_intensity": "energy_intensity",
}


def _computed(totals: InventoryTotals, name: str) -> Decimal | None:
    value: Decimal | None = getattr(totals, name)
    return value


def differs(stated: Decimal, computed: Decimal) -> bool:
    """Whether a computed figure differs from a stated one at the stated figure's precision."""
    exponent = stated.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return computed.quantize(places) != stated


def inventory_notices(inventory: Inventory, totals: InventoryTotals | None = None) -> list[Notice]:
    """Stated totals that differ from the sum of their lines (both numbers given), and, once scope 3 is
    being filled in, its categories marked calculated that have no value yet."""
    totals = totals or inventory_totals(inventory)
    out: list[Notice] = []
    for code, name in STATED_CHECKS.items():
        line = inventory.line(code)
        computed = _computed(totals, name)
        if line.value is None or computed is None or not differs(line.value, computed):
            continue
        shown = computed.quantize(Decimal(1).scaleb(min(-2, _exponent(line.value))))
        d = line.definition
        out.append(
            Notice(
                code,
                f"{d.zh} {format_figure(line.value)} 与各项合计 {format_figure(shown)} 不一致",
                f"{d.en} ({format_figure(line.value)}) differs from the sum of its lines ({format_figure(shown)})",
            )
        )
    scope3 = inventory.of_group(LineGroup.SCOPE3)
    if any(line.value is not None for line in scope3):  # once scope 3 is being filled in, the gaps in it
        for line in scope3:
            d = line.definition
            if line.status is LineStatus.CALCULATED and line.value is None:
                out.append(
                    Notice(line.code, f"{d.zh}：标为已核算，尚无数值", f"{d.en}: marked calculated, no value yet")
                )
    return out


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def format_figure(value: Decimal | None, places: int | None = None, empty: str = "—") -> str:
    """A figure as a reader sees it: thousands separators, no exponent, the digits it was entered with
    (or rounded to `places`)."""
    if value is None:
        return empty
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    text = f"{value:,f}"
    return text


def percent_change(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """The change from the previous period, in %; None where either is missing or the previous is 0."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / previous * HUNDRED
