"""The application log in the user data folder: where unexpected errors are written in full."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from carthane_tcfd.paths import private_file, user_data_dir

LOG_NAME = "carthane-tcfd.log"
log = logging.getLogger("carthane_tcfd")


def log_file() -> Path:
    return user_data_dir() / LOG_NAME


def setup_logging() -> Path:
    """Send the application's log to its file (once); its path."""
    path = log_file()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        # a log that cannot be written (a full disk) must not print "--- Logging error ---" tracebacks
        logging.raiseExceptions = False
        private_file(path)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def log_refusal(where: str, zh: str, en: str) -> None:
    """Record an action the application refused with a clear message: the user read it in their language;
    the log keeps both, so whoever supports them reads it in theirs."""
    try:
        setup_logging()
    except OSError:  # no log where the data folder cannot be written: the user has the message already
        return
    log.info("refused (%s): %s | %s", where, en, zh)
