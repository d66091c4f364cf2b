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
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[int]: JSON}


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
    metrics: Mapped[list[Metric]] = relationship(
        back_populates="period", cascade="all, delete-orphan", order_by="Metric.position"
    )


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


class Metric(Base):
    """A GHG, energy or water figure held for a period (scope 1/2/3 and sub-items, totals, intensity)."""

    __tablename__ = "metric"
    __table_args__ = (UniqueConstraint("period_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    group: Mapped[str] = mapped_column(String(20))
    label_zh: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(40))
    unit_en: Mapped[str] = mapped_column(String(40), default="", server_default="")
    value: Mapped[Decimal] = mapped_column(Numeric(20, 6))
    level: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer)

    period: Mapped[Period] = relationship(back_populates="metrics")


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
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    meeting_reference: Mapped[str] = mapped_column(String(200), default="")
    relaxed: Mapped[bool] = mapped_column(Boolean, default=False)  # segregation of duties was relaxed
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("period_snapshot.id"))
