"""How far a period's metrics answer the metrics-and-targets disclosures (TCFD M&T a–c, SSE Guideline
No. 14 articles 24–26, IFRS S2 ¶29 (b)–(g)), computed from what is filled: the disclosure index states
it instead of pointing at a sheet that may be empty."""

from __future__ import annotations

from dataclasses import dataclass

from carthane_tcfd.domain.ghg import LineGroup, LineStatus, MeasureState
from carthane_tcfd.domain.inventory import format_figure
from carthane_tcfd.domain.metric_set import MetricsView
from carthane_tcfd.domain.taxonomy import Coded, Lang, _labels


class Coverage(Coded):
    COMPLETE = "complete"
    PARTIAL = "partial"
    MISSING = "missing"


_labels(
    Coverage,
    {"complete": ("已填报", "Complete"), "partial": ("部分填报", "Partial"), "missing": ("未填报", "Missing")},
)


@dataclass(frozen=True)
class DisclosureState:
    coverage: Coverage
    zh: str
    en: str

    def text(self, lang: Lang) -> str:
        return f"{self.coverage.label(lang)}：{self.zh}" if lang == "zh" else f"{self.coverage.label(lang)}: {self.en}"


def _scopes(view: MetricsView) -> DisclosureState:
    t = view.totals
    scope3 = view.current.inventory.of_group(LineGroup.SCOPE3)
    calculated = sum(1 for line in scope3 if line.status is LineStatus.CALCULATED and line.value is not None)
    unexplained = sum(1 for line in scope3 if line.status is LineStatus.CALCULATED and line.value is None)
    figures = f"{format_figure(t.scope1)} / {format_figure(t.scope2)} / {format_figure(t.scope3)} tCO2e"
    zh = f"范围一/二/三 {figures}；范围三 15 类中核算 {calculated} 类"
    en = f"scope 1 / 2 / 3 {figures}; {calculated} of 15 scope 3 categories calculated"
    if t.scope1 is None and t.scope2 is None:
        return DisclosureState(Coverage.MISSING, "尚未录入范围一、范围二排放", "no scope 1 or 2 emissions entered")
    if t.scope1 is None or t.scope2 is None or unexplained:
        extra_zh = f"，{unexplained} 类未填写也未说明原因" if unexplained else ""
        extra_en = f", {unexplained} neither entered nor explained" if unexplained else ""
        return DisclosureState(Coverage.PARTIAL, zh + extra_zh, en + extra_en)
    return DisclosureState(Coverage.COMPLETE, zh, en)


def _targets(view: MetricsView) -> DisclosureState:
    targets = view.current.targets
    note = view.current.inventory.basis.target_note
    if not targets:
        if note:
            return DisclosureState(
                Coverage.PARTIAL, "未设定量化目标；见目标设定说明", "no quantified target; see the note"
            )
        return DisclosureState(Coverage.MISSING, "未设定量化目标", "no quantified target")
    tracked = sum(1 for t in targets if view.progress(t) is not None)
    zh, en = f"{len(targets)} 个目标，{tracked} 个有实际进展", f"{len(targets)} target(s), {tracked} with progress"
    return DisclosureState(Coverage.COMPLETE if tracked == len(targets) else Coverage.PARTIAL, zh, en)


def _metrics_used(view: MetricsView) -> DisclosureState:
    entered = sum(1 for line in view.current.inventory.lines if line.value is not None)
    cross = view.current.cross_industry
    answered = sum(1 for m in cross if m.state is not MeasureState.NOT_MEASURED)
    zh = f"已录入 {entered} 项清单数据；跨行业指标 {answered}/{len(cross)} 项已计量或不适用"
    en = f"{entered} inventory figures entered; {answered} of {len(cross)} cross-industry metrics answered"
    if not entered and not answered:
        return DisclosureState(Coverage.MISSING, zh, en)
    return DisclosureState(Coverage.COMPLETE if answered == len(cross) else Coverage.PARTIAL, zh, en)


def _basis(view: MetricsView) -> DisclosureState:
    b = view.current.inventory.basis
    given = {
        "boundary": b.boundary is not None,
        "standards": bool(b.standards.strip()),
        "factor_sources": bool(b.factor_sources.strip()),
        "verification": b.verification is not None,
    }
    missing = [name for name, ok in given.items() if not ok]
    names = {
        "boundary": ("组织边界", "boundary"),
        "standards": ("核算标准", "standards"),
        "factor_sources": ("排放因子来源", "emission factors"),
        "verification": ("核查情况", "verification"),
    }
    if not missing:
        return DisclosureState(
            Coverage.COMPLETE,
            "边界、标准、因子与核查情况均已说明",
            "boundary, standards, factors and verification stated",
        )
    zh = "未说明：" + "、".join(names[m][0] for m in missing)
    en = "not stated: " + ", ".join(names[m][1] for m in missing)
    return DisclosureState(Coverage.MISSING if len(missing) == len(given) else Coverage.PARTIAL, zh, en)


def _emissions_and_targets(view: MetricsView) -> DisclosureState:
    scopes, targets = _scopes(view), _targets(view)
    if scopes.coverage is Coverage.MISSING and targets.coverage is Coverage.MISSING:
        coverage = Coverage.MISSING
    elif scopes.coverage is Coverage.COMPLETE and targets.coverage is Coverage.COMPLETE:
        coverage = Coverage.COMPLETE
    else:
        coverage = Coverage.PARTIAL
    return DisclosureState(coverage, f"{scopes.zh}；{targets.zh}", f"{scopes.en}; {targets.en}")


# the disclosure index's references (as pack_reference lists them) -> how their state is computed
DISCLOSURES = {
    "指标与目标 a / Metrics and targets a": _metrics_used,
    "指标与目标 b / Metrics and targets b": _scopes,
    "指标与目标 c / Metrics and targets c": _targets,
    "第二十四条": _emissions_and_targets,
    "第二十五条": _scopes,
    "第二十六条": _basis,
}


def metrics_disclosure(view: MetricsView | None, reference: str) -> DisclosureState | None:
    """The state of one metrics-and-targets disclosure; None for a reference that is not one."""
    compute = DISCLOSURES.get(reference)
    if compute is None:
        return None
    if view is None:
        return DisclosureState(Coverage.MISSING, "本年度尚无指标数据", "no metrics held for this period")
    return compute(view)
