"""Class 4: bad values are refused in the domain, naming the field and the reason, before anything is
written; the same rules on SQLite and PostgreSQL (no raw driver error on either)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.records import ItemDraft, MitigationDraft, Narrative, PeriodDraft
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.domain.validation import parse_amount
from tests.reliability.payloads import REFUSED


def draft(**overrides: object) -> ItemDraft:
    values: dict[str, object] = dict(category=Category.MARKETS, title="出口市场", likelihood=2, impact=3)
    values.update(overrides)
    return ItemDraft(**values)  # type: ignore[arg-type]


def refused(register, change, field: str) -> ValidationFailed:
    """`change` is refused naming `field`, and nothing was written."""
    before = [(i.code, i.version) for i in register.items.in_period(2024)]
    with pytest.raises(ValidationFailed) as caught:
        change()
    assert field in {p.field for p in caught.value.problems}, caught.value.en
    assert [(i.code, i.version) for i in register.items.in_period(2024)] == before
    return caught.value


@pytest.mark.parametrize("typed", ["nan", "NaN", "inf", "-Infinity", "sNaN"])
def test_non_finite_amounts_are_not_numbers(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)


@pytest.mark.parametrize("name", sorted(REFUSED))
@pytest.mark.parametrize("field", ["title", "title_en", "description", "owner", "sites", "notes"])
def test_nul_and_lone_surrogates_are_refused_in_every_text_field(shared_register, name, field):
    error = refused(
        shared_register, lambda: shared_register.items.create(2024, draft(**{field: "ok " + REFUSED[name]})), field
    )
    assert "character" in error.en


def test_nul_in_a_mitigation_is_refused_naming_its_row(shared_register):
    bad = draft(mitigations=[MitigationDraft("fine"), MitigationDraft("no\x00pe")])
    refused(shared_register, lambda: shared_register.items.create(2024, bad), "mitigations[1].description")


@pytest.mark.parametrize(
    "overrides, field",
    [
        (dict(title="长" * 201), "title"),
        (dict(owner="部" * 201), "owner"),
        (dict(likelihood=2.5), "likelihood"),
        (dict(impact=True), "impact"),
        (dict(estimate_low_cny=Decimal("0.004")), "estimate_low_cny"),
        (dict(estimate_high_cny=Decimal("NaN")), "estimate_high_cny"),
        (dict(estimate_high_cny=Decimal("Infinity")), "estimate_high_cny"),
        (dict(estimate_high_cny=Decimal("1e400000")), "estimate_high_cny"),
        (dict(mitigations=[MitigationDraft("x", due=dt.date(1, 1, 1))]), "mitigations[0].due"),
        (dict(mitigations=[MitigationDraft("x", due=dt.date(9999, 12, 31))]), "mitigations[0].due"),
        (dict(mitigations=[MitigationDraft("x", cost_cny=Decimal("0.001"))]), "mitigations[0].cost_cny"),
        (dict(mitigations=[MitigationDraft("x", owner="o" * 201)]), "mitigations[0].owner"),
    ],
)
def test_out_of_range_item_values_are_refused(shared_register, overrides, field):
    refused(shared_register, lambda: shared_register.items.create(2024, draft(**overrides)), field)


def test_a_restored_code_must_look_like_a_code(shared_register):
    refused(shared_register, lambda: shared_register.items.create(2024, draft(), code="PR-" + "9" * 20), "code")


def test_a_bad_value_on_update_is_refused_too(shared_register):
    item = shared_register.items.in_period(2024)[0]
    bad = dataclasses.replace(item.to_draft(), title="x\x00y")
    with pytest.raises(ValidationFailed):
        shared_register.items.update(item.id, bad, item.version)
    assert shared_register.items.get(item.id).title == item.title


def period_draft(register, **overrides: object) -> PeriodDraft:
    p = register.periods.get(2024)
    values: dict[str, object] = dict(
        title=p.title,
        matrix_size=p.matrix_size,
        horizon_definitions=p.horizon_definitions,
        impact_thresholds_cny=list(p.impact_thresholds_cny),
        narrative=p.narrative,
    )
    values.update(overrides)
    return PeriodDraft(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "overrides, field",
    [
        (dict(title="年" * 201), "title"),
        (dict(title="a\x00b"), "title"),
        (dict(narrative=Narrative(governance="g" * 100_001)), "governance"),
        (dict(narrative=Narrative(strategy="bad \udc80")), "strategy"),
        (dict(horizon_definitions={"short": {"zh": "x" * 201, "en": ""}}), "horizon_definitions"),
    ],
)
def test_bad_period_settings_are_refused(shared_register, overrides, field):
    p = shared_register.periods.get(2024)
    with pytest.raises(ValidationFailed) as caught:
        shared_register.periods.update(2024, period_draft(shared_register, **overrides), p.version)
    assert field in {x.field for x in caught.value.problems}
    assert shared_register.periods.get(2024).version == p.version


def test_a_new_period_title_is_bounded(shared_register):
    with pytest.raises(ValidationFailed) as caught:
        shared_register.periods.create(2030, "t" * 201)
    assert [p.field for p in caught.value.problems] == ["title"]


def test_copy_to_next_year_stops_at_the_last_year(register):
    register.periods.create(2200, "last")
    with pytest.raises(UserError) as caught:
        register.periods.copy_to_next_year(2200)
    assert "2200" in caught.value.en
    assert [p.year for p in register.periods.all()] == [2024, 2200]


def test_a_sign_off_comment_with_a_nul_is_refused():
    from carthane_tcfd.domain.signoff import StepRequest, WorkflowStep, validate_request

    problems = validate_request(WorkflowStep.SUBMIT, StepRequest(comment="ok\x00"), dt.date.today())
    assert [p.field for p in problems] == ["comment"]
