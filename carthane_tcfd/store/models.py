"""The schema as typed SQLAlchemy 2.x ORM models. Changed only together with an Alembic migration."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = Numeric(16, 2)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[int]: JSON, list[Any]: JSON}


class Period(Base):
    __tablename__ = "period"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    matrix_size: Mapped[int] = mapped_column(Integer, default=5)
    horizon_definitions: Mapped[dict[str, Any]] = mapped_column(JSON)
    impact_thresholds: Mapped[list[int]] = mapped_column(JSON)
    governance_text: Mapped[str] = mapped_column(Text, default="")
    strategy_text: Mapped[str] = mapped_column(Text, default="")
    risk_management_text: Mapped[str] = mapped_column(Text, default="")
    metrics_targets_text: Mapped[str] = mapped_column(Text, default="")
    one_person_team: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # English beside the Chinese (the English board pack); the Chinese stays as written
    governance_text_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    strategy_text_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    risk_management_text_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    metrics_targets_text_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the executive summary: what the officer tells the committee, and the decision it is asked for
    key_messages: Mapped[str] = mapped_column(Text, default="", server_default="")
    key_messages_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    decision_requested: Mapped[str] = mapped_column(Text, default="", server_default="")
    decision_requested_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    status_changed_by: Mapped[str] = mapped_column(String(200), default="")
    status_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    items: Mapped[list[Item]] = relationship(back_populates="period", cascade="all, delete-orphan")


class CodeCounter(Base):
    """The last number handed out per code prefix in a period, so codes are never reused."""

    __tablename__ = "code_counter"

    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Item(Base):
    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("period_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    source: Mapped[str] = mapped_column(String(40), default="", server_default="")  # a Source code, or ""
    horizons: Mapped[list[str]] = mapped_column(JSON)
    value_chain: Mapped[list[str]] = mapped_column(JSON)
    financial_impacts: Mapped[list[str]] = mapped_column(JSON)
    estimate_low_cny: Mapped[Decimal | None] = mapped_column(Money)
    estimate_high_cny: Mapped[Decimal | None] = mapped_column(Money)
    likelihood: Mapped[int | None] = mapped_column(Integer)
    impact: Mapped[int | None] = mapped_column(Integer)
    residual_likelihood: Mapped[int | None] = mapped_column(Integer)
    residual_impact: Mapped[int | None] = mapped_column(Integer)
    scores_illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str] = mapped_column(String(200), default="")
    sites: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    closed_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    period: Mapped[Period] = relationship(back_populates="items")
    mitigations: Mapped[list[Mitigation]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Mitigation.position"
    )


class Mitigation(Base):
    __tablename__ = "mitigation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    cost_cny: Mapped[Decimal | None] = mapped_column(Money)

    item: Mapped[Item] = relationship(back_populates="mitigations")


Figure = Numeric(24, 8)  # inventory figures: up to 10^15, 8 decimal places (validated in the domain)


class InventoryLine(Base):
    """One line of a period's GHG and energy inventory (codes in domain.ghg.LINES)."""

    __tablename__ = "inventory_line"
    __table_args__ = (UniqueConstraint("period_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    value: Mapped[Decimal | None] = mapped_column(Figure)
    tce: Mapped[Decimal | None] = mapped_column(Figure)
    status: Mapped[str] = mapped_column(String(20), default="calculated")
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    reason_en: Mapped[str] = mapped_column(Text, default="")
    source_en: Mapped[str] = mapped_column(String(500), default="")


class MetricBasis(Base):
    """How a period's inventory was drawn up; its version guards the period's whole metric set."""

    __tablename__ = "metric_basis"

    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), primary_key=True)
    boundary: Mapped[str | None] = mapped_column(String(30))
    standards: Mapped[str] = mapped_column(Text, default="")
    factor_sources: Mapped[str] = mapped_column(Text, default="")
    gwp: Mapped[str] = mapped_column(String(200), default="")
    verification: Mapped[str | None] = mapped_column(String(30))
    verification_note: Mapped[str] = mapped_column(Text, default="")
    scope2_for_total: Mapped[str] = mapped_column(String(20), default="location")
    output_unit_zh: Mapped[str] = mapped_column(String(40), default="")
    output_unit_en: Mapped[str] = mapped_column(String(40), default="")
    target_note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    standards_en: Mapped[str] = mapped_column(Text, default="")
    factor_sources_en: Mapped[str] = mapped_column(Text, default="")
    verification_note_en: Mapped[str] = mapped_column(Text, default="")
    source_en: Mapped[str] = mapped_column(String(500), default="")
    target_note_en: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CustomMetricEntry(Base):
    """A further metric the officer tracks in a period."""

    __tablename__ = "custom_metric"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    value: Mapped[Decimal | None] = mapped_column(Figure)
    source: Mapped[str] = mapped_column(String(500), default="")
    source_en: Mapped[str] = mapped_column(String(500), default="")


class CrossIndustryEntry(Base):
    """An IFRS S2 ¶29 (b)–(g) cross-industry metric of a period."""

    __tablename__ = "cross_industry_metric"
    __table_args__ = (UniqueConstraint("period_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20), default="not_measured")
    amount: Mapped[Decimal | None] = mapped_column(Figure)
    unit: Mapped[str] = mapped_column(String(40), default="")
    share_pct: Mapped[Decimal | None] = mapped_column(Figure)
    narrative: Mapped[str] = mapped_column(Text, default="")


class ClimateTarget(Base):
    """A climate target held in a period, with its base, target and milestones."""

    __tablename__ = "climate_target"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    metric: Mapped[str] = mapped_column(String(30))
    coverage: Mapped[str] = mapped_column(Text, default="")
    base_year: Mapped[int] = mapped_column(Integer)
    base_value: Mapped[Decimal] = mapped_column(Figure)
    target_year: Mapped[int] = mapped_column(Integer)
    target_value: Mapped[Decimal] = mapped_column(Figure)
    milestones: Mapped[list[Any]] = mapped_column(JSON)
    science_based: Mapped[bool] = mapped_column(Boolean, default=False)
    validated: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="draft")


class AuditEntry(Base):
    """One change: who, when, what, old value, new value. Written in the change's own transaction."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    who: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(20))  # period | item | mitigation
    entity_id: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the item a mitigation belongs to
    period_year: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete | move | status
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="", server_default="")  # "import from FILE"; "" = app


class FinancialEffect(Base):
    """An item's financial effects (one row per item; the anticipated amounts per horizon beside it)."""

    __tablename__ = "financial_effect"

    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), primary_key=True)
    current_narrative: Mapped[str] = mapped_column(Text, default="")
    current_cny: Mapped[Decimal | None] = mapped_column(Money)
    statement_lines: Mapped[list[str]] = mapped_column(JSON)
    material_adjustment: Mapped[bool] = mapped_column(Boolean, default=False)
    reason_code: Mapped[str | None] = mapped_column(String(40))
    reason_text: Mapped[str] = mapped_column(Text, default="")
    reason_from_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class AnticipatedEffect(Base):
    """The anticipated effect of an item in one of its horizons."""

    __tablename__ = "anticipated_effect"
    __table_args__ = (UniqueConstraint("item_id", "horizon"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    horizon: Mapped[str] = mapped_column(String(20))
    low_cny: Mapped[Decimal | None] = mapped_column(Money)
    high_cny: Mapped[Decimal | None] = mapped_column(Money)
    basis: Mapped[str] = mapped_column(Text, default="")


class Scenario(Base):
    """One scenario of a period's set, with its parameters (all empty until an officer fills them)."""

    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    temperature_c: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    horizon_year: Mapped[int | None] = mapped_column(Integer)
    carbon_prices: Mapped[list[Any]] = mapped_column(JSON)  # [[year, "price"], ...]
    electricity_change_pct: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    assumptions: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ScenarioAssessment(Base):
    """One cell of the assessment grid: an item under a scenario in a horizon."""

    __tablename__ = "scenario_assessment"
    __table_args__ = (UniqueConstraint("item_id", "scenario_id", "horizon"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    horizon: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str | None] = mapped_column(String(20))
    level: Mapped[int | None] = mapped_column(Integer)
    low_cny: Mapped[Decimal | None] = mapped_column(Money)
    high_cny: Mapped[Decimal | None] = mapped_column(Money)
    narrative: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ScenarioInputs(Base):
    """A period's inputs to the scenario analysis: the resilience narrative and the electricity cost."""

    __tablename__ = "scenario_inputs"

    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), primary_key=True)
    resilience: Mapped[str] = mapped_column(Text, default="")
    electricity_cost_cny: Mapped[Decimal | None] = mapped_column(Money)
    include_scope3: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class FrozenSnapshot(Base):
    """A period's whole content as approved: JSON text (domain.snapshot_data) and its SHA-256."""

    __tablename__ = "period_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    taken_by: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)


class WorkflowRecord(Base):
    """One step of a period's sign-off: submit, approve, return for changes, reopen."""

    __tablename__ = "workflow_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    who: Mapped[str] = mapped_column(String(200))  # the name in the audit trail
    os_account: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200), default="", server_default="")  # as the signer set it
    role: Mapped[str] = mapped_column(String(200), default="", server_default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    meeting_reference: Mapped[str] = mapped_column(String(200), default="")
    relaxed: Mapped[bool] = mapped_column(Boolean, default=False)  # segregation of duties was relaxed
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("period_snapshot.id"))
