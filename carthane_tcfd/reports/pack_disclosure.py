"""The disclosure index: what each framework asks, paraphrased in our own words and cited by number, and
whether this pack answers it — computed from the register's data, with a link to the sheet and cell that
answers it and what is missing.

Frameworks: the 11 TCFD recommended disclosures; IFRS S2 by paragraph (the IFRS Foundation does not permit
its text in software without consent: paragraph numbers and our own short descriptions only); SSE
Self-Regulatory Guideline No. 14 articles 20-28 as the company's 2024 report maps them in its appendix;
the Ministry of Finance's climate standard (企业可持续披露准则第1号——气候（试行）, 2025) by chapter."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from carthane_tcfd.domain.ghg import LineGroup
from carthane_tcfd.domain.metric_disclosure import Coverage, metrics_disclosure
from carthane_tcfd.domain.records import RegisterSnapshot
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import put, put_long, put_row, set_widths


class Status(Enum):
    ANSWERED = ("已披露", "Answered", "rag_green")
    PARTLY = ("部分披露", "Partly", "rag_amber")
    NOT_YET = ("尚未披露", "Not yet", "rag_red")

    def label(self, lang: str) -> str:
        return self.value[0] if lang == "zh" else self.value[1]

    @property
    def style(self) -> str:
        return self.value[2]


Words = tuple[str, str]  # zh, en


@dataclass(frozen=True)
class Finding:
    status: Status
    anchor: str  # where the pack answers it: an anchor name (PackContext.anchors) or a sheet key
    missing: Words = ("", "")


@dataclass(frozen=True)
class Evidence:
    """What the register holds, as the index's checks read it."""

    snapshot: RegisterSnapshot

    def narrative(self, name: str) -> str:
        text: str = getattr(self.snapshot.period.narrative, name)
        return text

    def mentions(self, name: str, *words: str) -> bool:
        text = self.narrative(name) + "\n" + self.narrative(f"{name}_en")
        return any(w in text for w in words)

    @property
    def risks(self) -> int:
        return len(self.snapshot.risks)

    @property
    def opportunities(self) -> int:
        return len(self.snapshot.opportunities)

    def share(self, test: Callable[..., bool]) -> float:
        items = self.snapshot.items
        return sum(1 for i in items if test(i)) / len(items) if items else 0.0

    @property
    def energy_entered(self) -> bool:
        view = self.snapshot.metrics
        lines = view.current.inventory.of_group(LineGroup.ENERGY) if view else ()
        return any(line.value is not None for line in lines)

    @functools.cached_property
    def actions(self) -> list[tuple[str, dt.date | None]]:
        """(owner, due) of every action (read by three of the index's checks)."""
        return [(m.owner.strip(), m.due) for i in self.snapshot.items for m in i.mitigations]

    @property
    def scenarios(self) -> int:
        s = self.snapshot.scenarios
        return len(s.assessments) if s else 0

    @functools.cached_property
    def quantified_effects(self) -> float:
        return self.share(lambda i: i.effects.quantified)

    @property
    def effects_accounted(self) -> float:
        return self.share(lambda i: i.effects.accounted_for)


def _graded(share: float, anchor: str, missing: Words) -> Finding:
    if share >= 1.0:
        return Finding(Status.ANSWERED, anchor)
    return Finding(Status.PARTLY if share > 0 else Status.NOT_YET, anchor, missing)


def _narrative(name: str, anchor: str, *words: str) -> Callable[[Evidence], Finding]:
    """Answered where the period's narrative is written and speaks of the topic (`words`, in either
    language); partly where it is written but does not; not yet where it is empty."""

    def check(e: Evidence) -> Finding:
        if not e.narrative(name).strip():
            return Finding(Status.NOT_YET, anchor, ("叙述尚未填写", "the narrative is not written"))
        if words and not e.mentions(name, *words):
            return Finding(Status.PARTLY, anchor, ("叙述未涉及此项", "the narrative does not address this"))
        return Finding(Status.ANSWERED, anchor)

    return check


def _items_identified(e: Evidence) -> Finding:
    if not e.risks or not e.opportunities:
        return Finding(Status.NOT_YET, "risks", ("尚无登记的风险或机遇", "no risks or opportunities recorded"))
    return _graded(e.share(lambda i: bool(i.horizons)), "risks", ("部分条目未填时间范围", "items without horizons"))


def _value_chain(e: Evidence) -> Finding:
    return _graded(e.share(lambda i: bool(i.value_chain)), "risks", ("部分条目未填价值链", "items without value chain"))


def _financial_effects(e: Evidence) -> Finding:
    if e.quantified_effects >= 1.0:
        return Finding(Status.ANSWERED, "effects")
    if e.effects_accounted > 0 or e.share(lambda i: bool(i.financial_impacts)) > 0:
        return Finding(
            Status.PARTLY, "effects", ("财务影响尚未全部量化", "financial effects not quantified for every item")
        )
    return Finding(Status.NOT_YET, "effects", ("尚无财务影响", "no financial effects recorded"))


def _resilience(e: Evidence) -> Finding:
    if e.scenarios:
        return Finding(Status.ANSWERED if e.narrative("strategy").strip() else Status.PARTLY, "scenarios")
    return Finding(Status.NOT_YET, "scenarios", ("尚未进行情景评估", "no scenario assessment recorded"))


def _responses(e: Evidence) -> Finding:
    actions = e.actions
    if not actions:
        return Finding(Status.NOT_YET, "mitigations", ("尚无应对措施", "no actions recorded"))
    if all(owner and due for owner, due in actions):
        return Finding(Status.ANSWERED, "mitigations")
    return Finding(Status.PARTLY, "mitigations", ("措施缺少负责人或到期日", "actions without owner or due date"))


COVERAGE = {Coverage.COMPLETE: Status.ANSWERED, Coverage.PARTIAL: Status.PARTLY, Coverage.MISSING: Status.NOT_YET}


def _from_metrics(reference: str) -> Callable[[Evidence], Finding]:
    """A metrics-and-targets disclosure, as domain.metric_disclosure computes it from what is filled."""

    def check(e: Evidence) -> Finding:
        state = metrics_disclosure(e.snapshot.metrics, reference)
        assert state is not None, reference
        status = COVERAGE[state.coverage]
        return Finding(status, "metrics", (state.zh, state.en))  # what is filled, and what is not

    return check


_metrics = _from_metrics("指标与目标 a / Metrics and targets a")
_emissions = _from_metrics("指标与目标 b / Metrics and targets b")
_targets = _from_metrics("指标与目标 c / Metrics and targets c")
_emissions_and_targets = _from_metrics("第二十四条")
_accounting = _from_metrics("第二十六条")


def _energy(e: Evidence) -> Finding:
    if e.energy_entered:
        return Finding(Status.ANSWERED, "metrics")
    return Finding(Status.NOT_YET, "metrics", ("尚无能源数据", "no energy data recorded"))


def _remuneration(e: Evidence) -> Finding:
    if e.mentions("governance", "绩效考核", "performance appraisal"):
        return Finding(
            Status.PARTLY, "narrative.governance", ("未量化与气候相关的薪酬比例", "no share of pay linked to climate")
        )
    return Finding(Status.NOT_YET, "narrative.governance", ("未说明薪酬与气候的关系", "no link of pay to climate"))


Requirement = tuple[str, str, Words, Callable[[Evidence], Finding]]

GOV_BOARD = _narrative("governance", "narrative.governance", "董事会", "Board")
GOV_MANAGEMENT = _narrative("governance", "narrative.governance", "管理层", "anagement")
RM_PROCESS = _narrative("risk_management", "narrative.risk_management", "识别", "identif")
RM_INTEGRATION = _narrative("governance", "narrative.governance", "风险评估", "Risk Assessment")

REQUIREMENTS: list[Requirement] = [
    (
        "TCFD",
        "治理 a / Governance a",
        ("董事会对气候相关风险与机遇的监督", "Board oversight of climate matters"),
        GOV_BOARD,
    ),
    (
        "TCFD",
        "治理 b / Governance b",
        ("管理层在评估和管理中的角色", "Management's role in assessing and managing them"),
        GOV_MANAGEMENT,
    ),
    (
        "TCFD",
        "战略 a / Strategy a",
        ("短期、中期、长期的气候相关风险与机遇", "Risks and opportunities over the short, medium and long term"),
        _items_identified,
    ),
    (
        "TCFD",
        "战略 b / Strategy b",
        ("对业务、战略和财务规划的影响", "Their impact on business, strategy and financial planning"),
        _financial_effects,
    ),
    (
        "TCFD",
        "战略 c / Strategy c",
        ("不同情景下战略的韧性", "Resilience of the strategy under scenarios"),
        _resilience,
    ),
    (
        "TCFD",
        "风险管理 a / Risk management a",
        ("识别和评估气候相关风险的流程", "Processes to identify and assess climate risks"),
        RM_PROCESS,
    ),
    (
        "TCFD",
        "风险管理 b / Risk management b",
        ("管理气候相关风险的流程", "Processes to manage climate risks"),
        _responses,
    ),
    (
        "TCFD",
        "风险管理 c / Risk management c",
        ("融入整体风险管理", "Integration into overall risk management"),
        RM_INTEGRATION,
    ),
    (
        "TCFD",
        "指标与目标 a / Metrics and targets a",
        ("评估所用指标", "Metrics used to assess them"),
        _metrics,
    ),
    (
        "TCFD",
        "指标与目标 b / Metrics and targets b",
        ("范围一、二、三温室气体排放", "Scope 1, 2 and 3 greenhouse gas emissions"),
        _emissions,
    ),
    (
        "TCFD",
        "指标与目标 c / Metrics and targets c",
        ("目标及其进展", "Targets and performance against them"),
        _targets,
    ),
    ("IFRS S2", "¶6(a)", ("治理机构的监督", "Oversight by the governance body"), GOV_BOARD),
    ("IFRS S2", "¶6(b)", ("管理层的角色", "Management's role"), GOV_MANAGEMENT),
    (
        "IFRS S2",
        "¶10",
        ("气候相关风险与机遇及时间范围", "Climate risks and opportunities, with horizons"),
        _items_identified,
    ),
    (
        "IFRS S2",
        "¶13",
        ("对经营模式和价值链的影响", "Effects on the business model and value chain"),
        _value_chain,
    ),
    (
        "IFRS S2",
        "¶14",
        ("战略和决策中的应对", "Responses in strategy and decision-making"),
        _responses,
    ),
    (
        "IFRS S2",
        "¶15–21",
        ("对财务状况、经营成果和现金流量的当期及预期影响", "Current and anticipated financial effects"),
        _financial_effects,
    ),
    (
        "IFRS S2",
        "¶22",
        ("气候韧性与情景分析", "Climate resilience and scenario analysis"),
        _resilience,
    ),
    (
        "IFRS S2",
        "¶25",
        ("风险和机遇管理流程", "Risk and opportunity management processes"),
        RM_PROCESS,
    ),
    (
        "IFRS S2",
        "¶29(a)",
        ("范围一、二、三温室气体排放", "Scope 1, 2 and 3 greenhouse gas emissions"),
        _emissions,
    ),
    (
        "IFRS S2",
        "¶29(b)–(f)",
        ("跨行业指标类别", "Cross-industry metric categories"),
        _metrics,
    ),
    ("IFRS S2", "¶29(g)", ("与气候相关的薪酬", "Climate-related remuneration"), _remuneration),
    ("IFRS S2", "¶33–36", ("气候相关目标", "Climate-related targets"), _targets),
    (
        "SSE 14",
        "第二十条",
        (
            "报告附录在“应对气候变化”下列示本条（对应 GRI 302-4 能耗降低）",
            "Listed by the report's appendix under climate change, with GRI 302-4 (reduced energy use)",
        ),
        _energy,
    ),
    (
        "SSE 14",
        "第二十一条",
        ("应对气候变化的总体披露框架", "The overall climate disclosure (four pillars)"),
        GOV_BOARD,
    ),
    (
        "SSE 14",
        "第二十二条",
        ("气候相关风险与机遇及其对经营和财务的影响", "Climate risks and opportunities and their effects"),
        _items_identified,
    ),
    (
        "SSE 14",
        "第二十三条",
        ("应对措施与财务影响", "Responses and their financial implications"),
        _financial_effects,
    ),
    (
        "SSE 14",
        "第二十四条",
        ("温室气体排放与减排目标", "GHG emissions and reduction targets"),
        _emissions_and_targets,
    ),
    (
        "SSE 14",
        "第二十五条",
        ("范围一、二、三排放量", "Scope 1, 2 and 3 emissions"),
        _emissions,
    ),
    (
        "SSE 14",
        "第二十六条",
        ("核算方法、边界与数据变化", "Accounting method, boundary and restatements"),
        _accounting,
    ),
    (
        "SSE 14",
        "第二十七条",
        ("减排措施及成效", "Emission-reduction measures and results"),
        _responses,
    ),
    (
        "SSE 14",
        "第二十八条",
        ("低碳运营与其他事项", "Low-carbon operations and other matters"),
        _energy,
    ),
    ("财政部 / MoF", "第二章 治理 / Ch. 2", ("治理", "Governance"), GOV_BOARD),
    (
        "财政部 / MoF",
        "第三章 战略 / Ch. 3",
        ("风险和机遇、财务影响、气候韧性", "Risks, financial effects, resilience"),
        _financial_effects,
    ),
    (
        "财政部 / MoF",
        "第四章 风险和机遇管理 / Ch. 4",
        ("风险和机遇管理", "Risk and opportunity management"),
        RM_PROCESS,
    ),
    (
        "财政部 / MoF",
        "第五章 指标和目标 / Ch. 5",
        ("指标和目标", "Metrics and targets"),
        _emissions,
    ),
]


ARTICLES = {f"第二十{d}条": 20 + n for n, d in enumerate(["", "一", "二", "三", "四", "五", "六", "七", "八"])}


def _in(reference: str, lang: str) -> str:
    """A bilingual reference ("治理 a / Governance a", "第二十条") in the edition's language."""
    if " / " in reference:
        zh, en = reference.split(" / ", 1)
        return zh if lang == "zh" else en
    if lang == "en" and reference in ARTICLES:
        return f"Article {ARTICLES[reference]}"
    return reference


def build_disclosure_index(ctx: PackContext) -> None:
    ws = ctx.sheet("disclosure")
    set_widths(ws, [13, 22, 36, 11, 22, 34])
    ctx.title_block(ws, "disclosure_title")
    ws.merge(3, 1, 6, ctx.t("disclosure_note"), "pack_note")
    header = 4
    heads = ["framework_col", "reference", "topic", "status_col", "where", "missing"]
    put_row(ws, header, [ctx.t(h) for h in heads], "pack_header")
    evidence = Evidence(ctx.snapshot)
    row = header
    for framework, reference, words, check in REQUIREMENTS:
        row += 1
        finding = check(evidence)
        put_row(ws, row, [_in(framework, ctx.lang), _in(reference, ctx.lang), words[0 if ctx.lang == "zh" else 1]])
        put(ws, row, 4, finding.status.label(ctx.lang), finding.status.style)
        sheet_key, cell = ctx.anchor(finding.anchor)
        name = ctx.sheet_name(sheet_key)
        # on paper the sheet's name (a cell address means nothing there); in Excel the link goes to the cell.
        # A link's text stays on one line: LibreOffice does not wrap it, and a heading beside it overprinted
        ws.link(row, 5, name, f"'{name}'!{cell}", "pack_link_cell")
        put(ws, row, 6, finding.missing[0 if ctx.lang == "zh" else 1])
    row += 2
    put_long(ws, row, 1, ctx.t("sse_note"), "pack_note", span=6)
    ctx.print_setup(ws, title_rows=header, last_col=6)


def statuses(snapshot: RegisterSnapshot) -> list[tuple[str, str, Status]]:
    """(framework, reference, status) of every row, as the index prints them."""
    evidence = Evidence(snapshot)
    return [(f, r, check(evidence).status) for f, r, _w, check in REQUIREMENTS]
