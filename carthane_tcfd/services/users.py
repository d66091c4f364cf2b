"""Who the audit trail records: the configured name, else the OS account (no database module needed)."""

from __future__ import annotations

import getpass
import os

from carthane_tcfd.domain.errors import ValidationFailed
from carthane_tcfd.domain.validation import validate_user

USER_ENV = "CARTHANE_TCFD_USER"


def os_account() -> str:
    """The login name of the OS account running the program."""
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"


def default_user() -> str:
    """Who is recorded in the audit trail: the configured name, else the OS user."""
    return os.environ.get(USER_ENV, "").strip() or os_account()


def checked_user(user: str | None) -> str:
    """`user`, else the default user; refused when the audit trail could not record it."""
    name = user or default_user()
    problems = validate_user(name)
    if problems:
        raise ValidationFailed(problems)
    return name
