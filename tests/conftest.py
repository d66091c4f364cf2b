"""Test set-up: Qt offscreen before it loads, user data in a temporary folder, a database per test
on SQLite and (when TCFD_TEST_PG_URL is set) in a private schema on PostgreSQL."""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# platformdirs and QSettings must never touch the developer's real data.
_HOME = tempfile.mkdtemp(prefix="tcfd-test-home-")
os.environ["XDG_DATA_HOME"] = str(Path(_HOME) / "data")
os.environ["XDG_CONFIG_HOME"] = str(Path(_HOME) / "config")
os.environ["CARTHANE_TCFD_USER"] = "tester"
os.environ.pop("CARTHANE_TCFD_DB", None)

import pytest  # noqa: E402

PG_ENV = "TCFD_TEST_PG_URL"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files the GUI loads, compiled from the .ts sources when missing or older: a fresh clone
    has none (they are built, not committed), and the suite must not depend on the set-up having run."""
    from carthane_tcfd.ui.translations_build import build

    build()


def _pg_schema_url(base: str) -> Iterator[str]:
    """A fresh schema on the shared server for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"tcfd_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _backends() -> list[object]:
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL: a SQLite file, or a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite3'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    yield from _pg_schema_url(base)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'register.sqlite3'}"


@pytest.fixture
def register(db_url: str) -> Iterator[object]:
    """The seeded 2024 register, opened as user 'alice'."""
    from carthane_tcfd.services.register import open_register

    reg = open_register(db_url, user="alice")
    yield reg
    reg.close()


@pytest.fixture
def snapshot() -> object:
    """The seeded 2024 register as a report snapshot, from a throwaway SQLite database."""
    from carthane_tcfd.services.register import open_register

    with tempfile.TemporaryDirectory() as folder:
        reg = open_register(f"sqlite:///{folder}/seed.sqlite3")
        try:
            return reg.periods.snapshot(2024)
        finally:
            reg.close()
