"""The service API in one object: what the GUI and the CLI hold."""

from __future__ import annotations

from dataclasses import dataclass

from carthane_tcfd.services.context import ServiceContext
from carthane_tcfd.services.imports import ImportService
from carthane_tcfd.services.items import ItemService
from carthane_tcfd.services.metrics import MetricService
from carthane_tcfd.services.periods import PeriodService
from carthane_tcfd.services.scenarios import ScenarioService
from carthane_tcfd.services.workflow import WorkflowService
from carthane_tcfd.store.engine import describe
from carthane_tcfd.store.migrate import OpenResult, open_database


@dataclass
class Register:
    url: str
    opened: OpenResult
    items: ItemService
    periods: PeriodService
    scenarios: ScenarioService
    workflow: WorkflowService
    metrics: MetricService
    imports: ImportService

    @property
    def location(self) -> str:
        return describe(self.url)

    @property
    def user(self) -> str:
        return self.items.ctx.user

    def close(self) -> None:
        self.opened.engine.dispose()


def open_register(url: str, *, seed: bool = True, user: str | None = None, rebuild: bool = False) -> Register:
    """Open the database at `url` (creating, seeding or upgrading it) and the services over it."""
    opened = open_database(url, seed=seed, rebuild=rebuild)
    ctx = ServiceContext(opened.engine, user)
    return Register(
        url,
        opened,
        ItemService(ctx),
        PeriodService(ctx),
        ScenarioService(ctx),
        WorkflowService(ctx),
        MetricService(ctx),
        ImportService(ctx),
    )
