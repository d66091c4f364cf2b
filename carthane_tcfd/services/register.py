"""The service API in one object, opened on a location: what the GUI and the CLI hold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carthane_tcfd.services.context import ServiceContext, default_user
from carthane_tcfd.services.imports import ImportService
from carthane_tcfd.services.items import ItemService
from carthane_tcfd.services.metrics import MetricService
from carthane_tcfd.services.periods import PeriodService
from carthane_tcfd.services.scenarios import ScenarioService
from carthane_tcfd.services.workflow import WorkflowService
from carthane_tcfd.store.engine import describe, resolve_url
from carthane_tcfd.store.migrate import open_database


@dataclass(frozen=True)
class OpenSummary:
    """What opening a location did: created it (seeded or empty), upgraded it from an older schema
    revision after a backup, or neither."""

    created: bool
    upgraded_from: str | None
    backup: Path | None


@dataclass
class Services:
    """The services of one open register database: items, periods, scenarios, workflow, metrics; what the
    GUI and the CLI hold (nothing above the services sees the engine or a session)."""

    url: str
    opened: OpenSummary
    items: ItemService
    periods: PeriodService
    scenarios: ScenarioService
    workflow: WorkflowService
    metrics: MetricService
    imports: ImportService

    @property
    def location(self) -> str:
        """The database as a user should see it: a file path, or the URL without its password."""
        return describe(self.url)

    @property
    def user(self) -> str:
        return self.items.ctx.user

    def set_user(self, name: str | None) -> None:
        """Who the audit trail records from now on; None or blank: the configured or OS user."""
        self.items.ctx.user = (name or "").strip() or default_user()

    def close(self) -> None:
        self.items.ctx.engine.dispose()


__all__ = ["OpenSummary", "Services", "describe", "locate", "open_register"]  # describe: a URL as shown


def locate(location: str | None) -> str:
    """The SQLAlchemy URL a location names (a path or URL; None: $CARTHANE_TCFD_DB, else the default file)."""
    return resolve_url(location)


def open_register(
    location: str | None, *, seed: bool = True, user: str | None = None, rebuild: bool = False
) -> Services:
    """Open the database at `location` (see locate), creating and seeding it, or backing it up and
    upgrading it (`rebuild`: an unfinished new register built again), and the services over it."""
    url = resolve_url(location)
    opened = open_database(url, seed=seed, rebuild=rebuild)
    ctx = ServiceContext(opened.engine, user)
    summary = OpenSummary(opened.created, opened.upgraded_from, opened.backup)
    return Services(
        url,
        summary,
        ItemService(ctx),
        PeriodService(ctx),
        ScenarioService(ctx),
        WorkflowService(ctx),
        MetricService(ctx),
        ImportService(ctx),
    )
