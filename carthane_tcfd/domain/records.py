"""Plain records passed between layers: drafts the user edits, and frozen snapshots for reports."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from carthane_tcfd.domain.effects import FinancialEffects
from carthane_tcfd.domain.item_fields import (
    SHORT_MAX,
    SOURCE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    ItemField,
    Shape,
    declared_fields,
    item_field,
)
from carthane_tcfd.domain.scales import Band, band_for
from carthane_tcfd.domain.taxonomy import (
    Category,
    FinancialImpact,
    Horizon,
    Kind,
    Lang,
    MitigationStatus,
    PeriodStatus,
    ValueChain,
)

if TYPE_CHECKING:  # only the snapshot's annotations name these; importing them at run time costs the launch
    # about 12 ms (README "Performance"): `annotation_types` gives them to whoever reads the hints
    from carthane_tcfd.domain.metric_set import MetricsView
    from carthane_tcfd.domain.scenarios import ScenarioSet
    from carthane_tcfd.domain.signoff import Signoff

ILLUSTRATIVE_NOTE_ZH = "示例评估：报告未披露评分，此评分仅为演示，需由风险负责人复核。"
ILLUSTRATIVE_NOTE_EN = "Illustrative assessment: the report gives no scores; to be confirmed by the risk owner."


@dataclass
class MitigationDraft:
    description: str
    owner: str = ""
    due: dt.date | None = None
    status: MitigationStatus = MitigationStatus.PLANNED
    cost_cny: Decimal | None = None
    id: int | None = None  # None for a new mitigation
    description_en: str = ""


@dataclass
class ItemDraft:
    """What the user edits: every field of a climate item, each declared once here (see item_fields for
    what the declaration drives and how to add a field), mitigations in order."""

    category: Category = item_field(
        ItemField(
            "类别",
            "Category",
            Shape.CATEGORY,
            json_key="category",
            in_row=True,
            table=("类别", "Category"),
        )
    )
    title: str = item_field(
        ItemField(
            "名称",
            "Title",
            max_length=TITLE_MAX,
            required=True,
            stripped=True,
            json_key="title",
            in_row=True,
            english="title_en",
            table=("名称", "Title"),
        )
    )
    title_en: str = item_field(
        ItemField("英文名称", "English title", max_length=TITLE_MAX, stripped=True, json_key="title_en", in_row=True),
        default="",
    )
    description: str = item_field(
        ItemField(
            "描述",
            "Description",
            max_length=TEXT_MAX,
            json_key="description",
            in_row=True,
            english="description_en",
            pack_width=29,
        ),
        default="",
    )
    description_en: str = item_field(
        ItemField("英文描述", "English description", max_length=TEXT_MAX, json_key="description_en"), default=""
    )
    horizons: list[str] = item_field(
        ItemField(
            "时间范围",
            "Time horizons",
            Shape.CODES,
            vocabulary=Horizon,
            json_key="horizons",
            in_row=True,
            pack_width=10,  # "horizons" (bold, in the header) unbroken
            table=("时间范围", "Horizons"),
        ),
        default_factory=list,
    )
    value_chain: list[str] = item_field(
        ItemField(
            "价值链",
            "Value chain",
            Shape.CODES,
            vocabulary=ValueChain,
            json_key="value_chain",
            in_row=True,
            pack_width=13,  # "Operations", "Downstream" unbroken in LibreOffice's DejaVu Sans
            table=("价值链", "Value chain"),
        ),
        default_factory=list,
    )
    financial_impacts: list[str] = item_field(
        ItemField(
            "潜在财务影响",
            "Financial impacts",
            Shape.CODES,
            vocabulary=FinancialImpact,
            json_key="financial_impacts",
            in_row=True,
            pack_width=15,
            as_entered=True,
        ),
        default_factory=list,
    )
    estimate_low_cny: Decimal | None = item_field(ItemField("财务估算下限", "Estimate low", Shape.AMOUNT), default=None)
    estimate_high_cny: Decimal | None = item_field(
        ItemField("财务估算上限", "Estimate high", Shape.AMOUNT), default=None
    )
    likelihood: int | None = item_field(
        ItemField("固有可能性", "Inherent likelihood", Shape.SCORE, json_key="likelihood", in_row=True),
        default=None,
    )
    impact: int | None = item_field(
        ItemField(
            "固有影响",
            "Inherent impact",
            Shape.SCORE,
            json_key="impact",
            in_row=True,
        ),
        default=None,
    )
    residual_likelihood: int | None = item_field(
        ItemField("剩余可能性", "Residual likelihood", Shape.SCORE, json_key="residual_likelihood", in_row=True),
        default=None,
    )
    residual_impact: int | None = item_field(
        ItemField(
            "剩余影响",
            "Residual impact",
            Shape.SCORE,
            json_key="residual_impact",
            in_row=True,
        ),
        default=None,
    )
    scores_illustrative: bool = item_field(
        ItemField(
            "示例评估", "Illustrative assessment", Shape.FLAG, json_key="scores_illustrative", in_row=True, edited=False
        ),
        default=False,
    )
    owner: str = item_field(
        ItemField(
            "负责部门", "Owner", max_length=SHORT_MAX, stripped=True, json_key="owner", in_row=True, pack_width=9
        ),
        default="",
    )
    sites: str = item_field(ItemField("涉及地点", "Sites", max_length=TEXT_MAX), default="")
    notes: str = item_field(ItemField("备注", "Notes", max_length=TEXT_MAX), default="")
    source: str = item_field(  # a Source code where the item was transcribed from a report
        ItemField("来源", "Source", max_length=SOURCE_MAX, edited=False), default=""
    )
    # A closed item stays in its period (and in comparisons) instead of being deleted; a reason is required.
    closed: bool = item_field(ItemField("已关闭", "Closed", Shape.FLAG, json_key="closed", in_row=True), default=False)
    closed_reason: str = item_field(
        ItemField("关闭原因", "Reason closed", max_length=TEXT_MAX, json_key="closed_reason"), default=""
    )
    mitigations: list[MitigationDraft] = field(default_factory=list)
    effects: FinancialEffects = field(default_factory=FinancialEffects)

    @property
    def kind(self) -> Kind:
        return self.category.kind


@dataclass(frozen=True)
class MitigationSnapshot:
    id: int
    position: int
    description: str
    owner: str
    due: dt.date | None
    status: MitigationStatus
    cost_cny: Decimal | None
    description_en: str = ""

    def is_overdue(self, today: dt.date) -> bool:
        return self.status.is_open and self.due is not None and self.due < today


@dataclass(frozen=True)
class ItemHeader:
    """What the whole item (ItemSnapshot) and its grid row (ItemRow) share: identity, taxonomy, scores,
    and what the scores mean."""

    id: int
    code: str
    category: Category
    title: str
    title_en: str
    description: str
    horizons: tuple[str, ...]
    value_chain: tuple[str, ...]
    financial_impacts: tuple[str, ...]
    likelihood: int | None
    impact: int | None
    residual_likelihood: int | None
    residual_impact: int | None
    scores_illustrative: bool
    owner: str
    closed: bool
    version: int
    matrix_size: int

    @property
    def kind(self) -> Kind:
        return self.category.kind

    def display_title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    @property
    def inherent_score(self) -> int | None:
        return None if self.likelihood is None or self.impact is None else self.likelihood * self.impact

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact

    @property
    def inherent_band(self) -> Band | None:
        return band_for(self.likelihood, self.impact, self.matrix_size)

    @property
    def residual_band(self) -> Band | None:
        return band_for(self.residual_likelihood, self.residual_impact, self.matrix_size)


@dataclass(frozen=True)
class ItemSnapshot(ItemHeader):
    estimate_low_cny: Decimal | None
    estimate_high_cny: Decimal | None
    sites: str
    notes: str
    mitigations: tuple[MitigationSnapshot, ...]
    updated_at: dt.datetime
    updated_by: str
    effects: FinancialEffects = field(default_factory=FinancialEffects)
    description_en: str = ""
    source: str = ""  # a Source code where the item was transcribed from a report
    closed_reason: str = ""

    @property
    def open_mitigations(self) -> int:
        return sum(1 for m in self.mitigations if m.status.is_open)

    @property
    def actions_text(self) -> str:
        return "\n".join(m.description for m in self.mitigations)

    def to_draft(self) -> ItemDraft:
        return ItemDraft(
            **{f.name: f.drafted(getattr(self, f.name)) for f in ITEM_FIELDS},
            mitigations=[
                MitigationDraft(m.description, m.owner, m.due, m.status, m.cost_cny, m.id, m.description_en)
                for m in self.mitigations
            ],
            effects=self.effects,
        )


@dataclass(frozen=True)
class ItemRow(ItemHeader):
    """An item as the register grid shows and filters it: no mitigations, their open count and text
    instead (a register reads several times faster this way: README, Performance). The editor reads the
    whole item (ItemSnapshot) when one is selected."""

    open_mitigations: int
    actions_text: str  # the mitigations' descriptions, for quick search

    @classmethod
    def of(cls, item: ItemSnapshot) -> ItemRow:
        shared = {f.name: getattr(item, f.name) for f in fields(ItemHeader)}
        return cls(**shared, open_mitigations=item.open_mitigations, actions_text=item.actions_text)

    @classmethod
    def of_values(cls, values: dict[str, Any]) -> ItemRow:
        """A row from the value of every field by name (`values` becomes its attributes), made without the
        dataclass's __init__: a frozen dataclass sets each of its twenty fields through object.__setattr__,
        which was a tenth of painting a 10,000-item register's first page (README, Performance). That
        `values` names exactly the row's fields (ROW_FIELD_NAMES) is held by the grid's tests, not checked
        per row (1 % of the launch's instructions)."""
        row = object.__new__(cls)
        row.__dict__.update(values)
        return row


ROW_FIELD_NAMES = frozenset(f.name for f in fields(ItemRow))


@dataclass(frozen=True)
class Narrative:
    """The period's texts: the four TCFD narratives, the executive summary's key messages and the decision
    the committee is asked for, each in Chinese and in English (`…_en`)."""

    governance: str = ""
    strategy: str = ""
    risk_management: str = ""
    metrics_targets: str = ""
    governance_en: str = ""
    strategy_en: str = ""
    risk_management_en: str = ""
    metrics_targets_en: str = ""
    key_messages: str = ""
    key_messages_en: str = ""
    decision_requested: str = ""
    decision_requested_en: str = ""


# Narrative field -> the period's column that stores it
NARRATIVE_COLUMNS = {
    "governance": "governance_text",
    "strategy": "strategy_text",
    "risk_management": "risk_management_text",
    "metrics_targets": "metrics_targets_text",
    "governance_en": "governance_text_en",
    "strategy_en": "strategy_text_en",
    "risk_management_en": "risk_management_text_en",
    "metrics_targets_en": "metrics_targets_text_en",
    "key_messages": "key_messages",
    "key_messages_en": "key_messages_en",
    "decision_requested": "decision_requested",
    "decision_requested_en": "decision_requested_en",
}


@dataclass
class PeriodDraft:
    """The settings of a period the user edits in Period ▸ Properties."""

    title: str
    matrix_size: int
    horizon_definitions: dict[str, dict[str, str]]
    impact_thresholds_cny: list[int]
    narrative: Narrative
    one_person_team: bool = False


@dataclass(frozen=True)
class PeriodSnapshot:
    id: int
    year: int
    title: str
    status: PeriodStatus
    matrix_size: int
    horizon_definitions: dict[str, dict[str, str]]  # horizon code -> {"zh": ..., "en": ...}
    impact_thresholds_cny: tuple[int, ...]
    narrative: Narrative
    status_changed_by: str
    status_changed_at: dt.datetime | None
    version: int
    one_person_team: bool = False  # segregation of duties relaxed: who submits may approve

    @property
    def read_only(self) -> bool:
        return self.status is PeriodStatus.APPROVED


@dataclass(frozen=True)
class AuditRecord:
    """One audit entry as the history view shows it."""

    at: dt.datetime  # UTC
    who: str
    entity: str
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    source: str = ""  # where the change came from, e.g. "import from FILE"; empty for the application
    subject: tuple[str, str] = ("", "")  # what was changed, in Chinese and English (e.g. a scenario's name)

    def subject_in(self, lang: Lang) -> str:
        return self.subject[1] if lang == "en" and self.subject[1] else self.subject[0]


@dataclass(frozen=True)
class DamagedItem:
    """An item whose stored row holds a value the program cannot use (written by hand, or by a broken or
    newer program): left out of lists and reports, named so that someone can repair it."""

    id: int
    code: str
    field: str
    value: str  # the stored value, as text (cut to 80 characters for the message)

    def message(self, lang: str) -> str:
        shown = self.value if len(self.value) <= 80 else self.value[:80] + "…"
        if lang == "zh":
            return f"条目 {self.code}（id {self.id}）的 {self.field} 存有无法使用的值 {shown!r}，未列出；请修复该条目。"
        return (
            f"item {self.code} (id {self.id}): its stored {self.field} {shown!r} cannot be used; "
            "it is left out until repaired"
        )


ITEM_FIELDS = declared_fields(ItemDraft)  # every field of an item, in the editor's order


ActionCounts = tuple[dict[MitigationStatus, int], int]  # mitigations per status; how many open ones are late
AnyItem = ItemSnapshot | ItemRow  # an item as a list shows it: whole, or its grid row
Listed = TypeVar("Listed", ItemSnapshot, ItemRow)


class _ByKind(Generic[Listed]):
    """Items by kind, each kind picked out once: the records are frozen, and a 10,000-item pack asks a
    dozen times."""

    items: tuple[Listed, ...]

    def of_kind(self, kind: Kind) -> tuple[Listed, ...]:
        return self.risks if kind is Kind.RISK else self.opportunities

    @functools.cached_property
    def risks(self) -> tuple[Listed, ...]:
        return tuple(i for i in self.items if i.kind is Kind.RISK)

    @functools.cached_property
    def opportunities(self) -> tuple[Listed, ...]:
        return tuple(i for i in self.items if i.kind is Kind.OPPORTUNITY)


@dataclass(frozen=True)
class RegisterSnapshot(_ByKind[ItemSnapshot]):
    """A period with its whole items, metrics and the previous period's snapshot: everything the board pack
    reports. `previous`, `prepared_by` and `prepared_on` belong to the report being written, not to the
    period's content (see snapshot_data.PACK_CONTEXT_FIELDS)."""

    period: PeriodSnapshot
    items: tuple[ItemSnapshot, ...]
    metrics: MetricsView | None = None
    previous: RegisterSnapshot | None = None
    prepared_by: str = ""
    prepared_on: dt.date = field(default_factory=dt.date.today)
    scenarios: ScenarioSet | None = None  # the scenario set, inputs and assessment grid
    signoff: Signoff | None = None
    frozen_hash: str | None = None  # the approval's snapshot hash when the report is built from it


def annotation_types() -> dict[str, type]:
    """The types this module's annotations name but imports only for type checking (see above), for
    reading the hints at run time (snapshot_data)."""
    from carthane_tcfd.domain.metric_set import MetricsView
    from carthane_tcfd.domain.scenarios import ScenarioSet
    from carthane_tcfd.domain.signoff import Signoff

    return {"MetricsView": MetricsView, "ScenarioSet": ScenarioSet, "Signoff": Signoff}


@dataclass(frozen=True)
class RegisterView(_ByKind[ItemRow]):
    """A period with its grid rows: what the GUI holds, and all the matrices and the item charts need."""

    period: PeriodSnapshot
    items: tuple[ItemRow, ...]
