"""A seeded register shared by a module's tests on each database, for tests that change nothing (every
change they try is refused) or only add items: opening and seeding a register per test would cost more
than the tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG_ENV, _pg_schema_url


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def module_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        folder: Path = tmp_path_factory.mktemp("reliability")
        yield f"sqlite:///{folder / 'register.sqlite3'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    yield from _pg_schema_url(base)


@pytest.fixture(scope="module")
def shared_register(module_url: str) -> Iterator[object]:
    from carthane_tcfd.services.register import open_register

    reg = open_register(module_url, user="mallory")
    yield reg
    reg.close()
