"""Database passwords: kept in the OS keyring (the `keyring` package), never in settings, menus, logs or
messages. Where the machine has no keyring backend, a password lives in this process only, and the user
is asked for it again in the next session."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

SERVICE = "Carthane TCFD"


def make_url(url: str) -> Any:
    """SQLAlchemy's URL parser, imported when first needed (start-up imports no database module)."""
    from sqlalchemy.engine import make_url as parse

    return parse(url)


log = logging.getLogger("carthane_tcfd")
_session: dict[str, str] = {}  # passwords given in this session, by their URL without the password


def without_password(url: str) -> str:
    """The URL as settings and menus may keep it: no password (a file path is returned as it is)."""
    if "://" not in url:
        return url
    parsed = make_url(url)
    return parsed._replace(password=None).render_as_string(hide_password=False) if parsed.password else url


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a broken backend is no backend
        return False


def keep(url: str) -> str:
    """Take the password out of `url`: into the keyring (or, without one, this session's memory); the URL
    without it."""
    public = without_password(url)
    password = make_url(url).password if "://" in url else None
    if password is None:
        return public
    _session[public] = str(password)
    if _keyring_usable():
        import keyring

        try:
            keyring.set_password(SERVICE, public, str(password))
        except Exception as exc:  # a locked or refusing keyring: this session still has it
            log.warning("the keyring did not take the password: %s", type(exc).__name__)
    return public


def recall(public: str, ask: Callable[[str], str | None] | None = None) -> str:
    """The URL to connect with: `public` with its password from this session, the keyring, or `ask`
    (given the URL without the password; None: no password is added)."""
    if "://" not in public or public.startswith("sqlite"):  # a file: no password (and no SQLAlchemy to load)
        return public
    parsed = make_url(public)
    if parsed.password is not None or not parsed.username or parsed.get_backend_name() == "sqlite":
        return public
    password = _session.get(public)
    if password is None and _keyring_usable():
        import keyring

        try:
            password = keyring.get_password(SERVICE, public)
        except Exception as exc:
            log.warning("the keyring could not be read: %s", type(exc).__name__)
    if password is None and ask is not None:
        password = ask(public)
        if password:
            _session[public] = password
    if not password:
        return public
    return parsed.set(password=password).render_as_string(hide_password=False)


def forget_session() -> None:
    """What this process remembered (tests; a new session starts empty)."""
    _session.clear()
