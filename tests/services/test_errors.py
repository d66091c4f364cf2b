"""Precise errors: a conflict names who and when; a duplicate says what is duplicated and is not a
conflict; each message is in one language (the user's), the English one is the exception's text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError

from carthane_tcfd.domain.errors import ConflictError, DatabaseError, DuplicateError
from carthane_tcfd.services.context import integrity_problem


class _Diag:
    table_name = "item"


class _PgUniqueViolation(Exception):
    diag = _Diag()


def _integrity(orig: Exception) -> IntegrityError:
    return IntegrityError("INSERT ...", {}, orig)


def test_a_conflict_names_who_and_when_in_one_language():
    error = ConflictError("PR-01", "bob", dt.datetime(2025, 3, 4, 5, 6))
    assert error.message("zh") == "PR-01 已被 bob 于 2025-03-04 05:06 (UTC) 修改；您的更改未保存，请重新载入后再试。"
    assert error.message("en").startswith("PR-01 was changed by bob at 2025-03-04 05:06 UTC;")
    assert str(error) == error.message("en")  # what the log gets
    named = ConflictError(("2024 指标与目标", "2024 metrics and targets"), "carol", None)
    assert "/" not in named.message("zh") and "metrics" not in named.message("zh")
    assert named.message("en").startswith("2024 metrics and targets was changed by carol;")


def test_a_duplicate_code_from_sqlite_is_named_and_is_not_a_conflict():
    error = integrity_problem(_integrity(Exception("UNIQUE constraint failed: item.period_id, item.code")))
    assert isinstance(error, DuplicateError) and not isinstance(error, ConflictError)
    assert (
        error.message("en") == "An item with the same code exists already; the code must be unique. Nothing was saved."
    )
    assert error.message("zh") == "已存在编号相同的条目；编号不能重复，未保存任何内容。"


def test_a_duplicate_from_postgresql_names_the_value():
    orig = _PgUniqueViolation(
        'duplicate key value violates unique constraint "uq_item_period_id"\n'
        "DETAIL:  Key (period_id, code)=(1, PR-01) already exists."
    )
    error = integrity_problem(_integrity(orig))
    assert isinstance(error, DuplicateError)
    assert error.message("en").startswith("An item with code PR-01 exists already")


def test_another_integrity_rule_is_a_database_error_with_its_own_words():
    error = integrity_problem(_integrity(Exception("FOREIGN KEY constraint failed")))
    assert isinstance(error, DatabaseError)
    assert error.message("en") == "The database refused the change (a constraint): FOREIGN KEY constraint failed"
