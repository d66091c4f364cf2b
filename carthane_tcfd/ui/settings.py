"""The application's settings, declared once with their types and defaults, stored in QSettings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.i18n import system_lang

T = TypeVar("T")
MAX_RECENT = 8


class Option(NamedTuple, Generic[T]):  # a NamedTuple: dataclasses is not imported before the first paint
    key: str
    default: T


LANGUAGE = Option[str]("ui/language", "")  # "" = follow the system
USER_NAME = Option[str]("audit/user_name", "")
SIGNER_NAME = Option[str]("signoff/display_name", "")  # printed on the cover for the steps one signs
SIGNER_ROLE = Option[str]("signoff/role", "")
LAST_DATABASE = Option[str]("database/last", "")
RECENT_DATABASES = Option[list[str]]("database/recent", [])
WINDOW_GEOMETRY = Option[bytes]("window/geometry", b"")
WINDOW_STATE = Option[bytes]("window/state", b"")
LAST_PERIOD = Option[int]("register/last_period", 0)
LAST_EXPORT_DIR = Option[str]("export/last_dir", "")


def private_settings_file(name: str) -> None:
    """The settings file readable by its owner only (POSIX 0600): it lists the databases opened."""
    path = Path(name)
    if os.name == "posix" and path.is_file() and path.stat().st_mode & 0o077:
        path.chmod(0o600)


class Settings:
    """Typed access to QSettings. Created once at start-up and handed to whoever needs it."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings("Carthane", "CarthaneTCFD")

    def get(self, option: Option[T]) -> T:
        value = self._q.value(option.key)
        if value is None:
            return option.default
        default = option.default
        if isinstance(default, bytes):
            return bytes(value.data() if isinstance(value, QByteArray) else value)  # type: ignore[return-value]
        if isinstance(default, list):
            import json  # imported when first needed: start-up does not (README, Performance)

            return json.loads(value) if isinstance(value, str) else list(value)  # type: ignore[return-value]
        if isinstance(default, int):
            return int(value)  # type: ignore[return-value]
        return value

    def set(self, option: Option[T], value: T) -> None:
        stored: Any = value
        if isinstance(value, bytes):
            stored = QByteArray(value)
        elif isinstance(value, list):
            import json

            stored = json.dumps(value)
        self._q.setValue(option.key, stored)

    def sync(self) -> None:
        self._q.sync()
        private_settings_file(self._q.fileName())

    # ---- derived ------------------------------------------------------------------------------
    def language(self) -> Lang:
        chosen = self.get(LANGUAGE)
        return "zh" if chosen == "zh" else "en" if chosen == "en" else system_lang()

    def remember_database(self, location: str) -> None:
        recent = [location, *(d for d in self.get(RECENT_DATABASES) if d != location)][:MAX_RECENT]
        self.set(RECENT_DATABASES, recent)
        self.set(LAST_DATABASE, location)
        self.sync()  # written now, and made private

    def remembered_database(self) -> str | None:
        return self.get(LAST_DATABASE) or None

    def table_layout(self, name: str) -> bytes:
        value = self._q.value(f"tables/{name}")
        return bytes(value.data()) if isinstance(value, QByteArray) else b""

    def set_table_layout(self, name: str, state: bytes) -> None:
        self._q.setValue(f"tables/{name}", QByteArray(state))
