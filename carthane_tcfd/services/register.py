"""The service API in one object, opened on a location: what the GUI and the CLI hold.

A SQLite file that needs nothing done before it is read (ours, at the current schema) is opened without
SQLAlchemy: its grid reads (`grid`) go through the standard library, and SQLAlchemy, the engine and the
other services are loaded when first used, or by `load` after the GUI's first page is painted
(README, Performance). Any other location is opened, created or upgraded at once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carthane_tcfd.services.grid import GridService, SessionSource
from carthane_tcfd.services.users import checked_user, default_user
from carthane_tcfd.store.engine import describe, file_location, resolve_url, sqlite_url
from carthane_tcfd.store.sqlite_file import SqliteFile, ready

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from carthane_tcfd.services.context import ServiceContext
    from carthane_tcfd.services.imports import ImportService
    from carthane_tcfd.services.items import ItemService
    from carthane_tcfd.services.metrics import MetricService
    from carthane_tcfd.services.periods import PeriodService
    from carthane_tcfd.services.scenarios import ScenarioService
    from carthane_tcfd.services.workflow import WorkflowService


@dataclass(frozen=True)
class OpenSummary:
    """What opening a location did: created it (seeded or empty), upgraded it from an older schema
    revision after a backup, or neither."""

    created: bool
    upgraded_from: str | None
    backup: Path | None


class Services:
    """The services of one open register database: the grid's reads, items, periods, scenarios, workflow,
    metrics, imports; what the GUI and the CLI hold (nothing above the services sees the engine or a
    session)."""

    def __init__(self, url: str, opened: OpenSummary, user: str, connect: Callable[[], Engine]) -> None:
        self.url = url
        self.opened = opened
        self._user = user
        self._connect = connect
        self._grid: GridService | None = None
        self._file: Path | None = None
        self._signer = ("", "")  # display name and role for sign-off steps (set_signer)

    @classmethod
    def on_file(cls, path: Path, user: str, seed: bool) -> Services:
        """The services of a SQLite file found ready: its grid read through the standard library."""
        url = sqlite_url(path)
        unchanged = OpenSummary(created=False, upgraded_from=None, backup=None)
        services = cls(url, unchanged, user, lambda: _engine(url, seed))
        services._grid, services._file = GridService(SqliteFile(path)), path
        return services

    @functools.cached_property
    def ctx(self) -> ServiceContext:
        from carthane_tcfd.services.context import ServiceContext

        ctx = ServiceContext(self._connect(), self._user)
        ctx.signer_name, ctx.signer_role = self._signer
        return ctx

    @property
    def grid(self) -> GridService:
        """The grid's reads: periods, rows, counts, texts without English, items kept out."""
        if self._grid is None:
            self._grid = GridService(SessionSource(self.ctx))
        return self._grid

    @functools.cached_property
    def items(self) -> ItemService:
        from carthane_tcfd.services.items import ItemService

        return ItemService(self.ctx)

    @functools.cached_property
    def periods(self) -> PeriodService:
        from carthane_tcfd.services.periods import PeriodService

        return PeriodService(self.ctx)

    @functools.cached_property
    def scenarios(self) -> ScenarioService:
        from carthane_tcfd.services.scenarios import ScenarioService

        return ScenarioService(self.ctx)

    @functools.cached_property
    def workflow(self) -> WorkflowService:
        from carthane_tcfd.services.workflow import WorkflowService

        return WorkflowService(self.ctx)

    @functools.cached_property
    def metrics(self) -> MetricService:
        from carthane_tcfd.services.metrics import MetricService

        return MetricService(self.ctx)

    @functools.cached_property
    def imports(self) -> ImportService:
        from carthane_tcfd.services.imports import ImportService

        return ImportService(self.ctx)

    def load(self) -> None:
        """Connect and load every service now (SQLAlchemy with them), so that the first change made does
        not wait for them."""
        for name in ("items", "periods", "scenarios", "workflow", "metrics", "imports"):
            getattr(self, name)

    @property
    def location(self) -> str:
        """The database as a user should see it: a file path, or the URL without its password."""
        return str(self._file) if self._file is not None else describe(self.url)

    @property
    def user(self) -> str:
        return self.ctx.user if "ctx" in self.__dict__ else self._user

    def set_user(self, name: str | None) -> None:
        """Who the audit trail records from now on; None or blank: the configured or OS user."""
        self._user = (name or "").strip() or default_user()
        if "ctx" in self.__dict__:
            self.ctx.user = self._user

    def set_signer(self, name: str, role: str) -> None:
        """The display name and role recorded with each sign-off step from now on (empty: the cover
        prints the audit name); refused with ValidationFailed when too long."""
        from carthane_tcfd.domain.errors import ValidationFailed
        from carthane_tcfd.domain.validation import validate_signer

        self._signer = (name.strip(), role.strip())
        problems = validate_signer(*self._signer)
        if problems:
            self._signer = ("", "")
            raise ValidationFailed(problems)
        if "ctx" in self.__dict__:
            self.ctx.signer_name, self.ctx.signer_role = self._signer

    def close(self) -> None:
        if self._grid is not None:
            self._grid.close()
        if "ctx" in self.__dict__:
            self.ctx.engine.dispose()


__all__ = ["OpenSummary", "Services", "describe", "locate", "open_register"]  # describe: a URL as shown


def locate(location: str | None) -> str:
    """The SQLAlchemy URL a location names (a path or URL; None: $CARTHANE_TCFD_DB, else the default file)."""
    return resolve_url(location)


def open_register(
    location: str | None, *, seed: bool = True, user: str | None = None, rebuild: bool = False
) -> Services:
    """Open the database at `location` (see locate), creating and seeding it, or backing it up and
    upgrading it (`rebuild`: an unfinished new register built again), and the services over it."""
    name = checked_user(user)
    path = file_location(location)
    if path is not None and not rebuild and ready(path):
        return Services.on_file(path, name, seed)
    from carthane_tcfd.store.migrate import open_database

    url = resolve_url(location)
    opened = open_database(url, seed=seed, rebuild=rebuild)
    summary = OpenSummary(opened.created, opened.upgraded_from, opened.backup)
    return Services(url, summary, name, lambda: opened.engine)


def _engine(url: str, seed: bool) -> Engine:
    """The engine of a file found ready; opened as any location is (another program may have changed the
    file meanwhile)."""
    from carthane_tcfd.store.migrate import open_database

    return open_database(url, seed=seed).engine
