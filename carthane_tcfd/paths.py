"""Where the application's own files are, from the source tree or from a frozen (PyInstaller) bundle,
and where the user's data goes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "CarthaneTCFD"


def app_root() -> Path:
    """The folder that holds resources/ and db/: the repository, or the bundle's data folder."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return app_root() / "db"


def user_data_dir() -> Path:
    """The per-user data folder (created on demand) for the default database and the log."""
    from platformdirs import user_data_path

    path = user_data_path(APP_DIR_NAME, appauthor=False)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:  # ours alone: it holds the register and its log
        path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists and only its owner can read it (POSIX 0600), before anything opens it: a
    file another program creates gets the umask's mode (usually 0644)."""
    if os.name == "posix":
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    return path
