"""Stored audit values read as labels; what is not a known code is shown as stored."""

from __future__ import annotations

from carthane_tcfd.domain.audit_text import audit_value_text


def test_codes_of_item_fields_and_statuses_read_as_labels_in_either_language():
    assert audit_value_text("item", "horizons", "long,short", "en") == "Long term, Short term"
    assert audit_value_text("item", "horizons", "long,short", "zh") == "长期、短期"
    assert audit_value_text("item", "category", "physical_acute", "zh") == "物理风险-急性"
    assert audit_value_text("mitigation", "status", "in_progress", "en") == "In progress"


def test_other_values_and_unknown_codes_are_shown_as_stored():
    assert audit_value_text("item", "owner", "安环部", "en") == "安环部"
    assert audit_value_text("item", "horizons", "someday", "en") == "someday"
    assert audit_value_text("item", "owner", None, "en") == ""
