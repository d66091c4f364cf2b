"""Class 7 of issue 13: a PostgreSQL password typed into the application goes to the OS keyring, never to
the settings file, the Recent menu, the status bar, the log or an error line; without a keyring backend
it is asked for once a session."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy.engine import make_url

from carthane_tcfd import passwords
from carthane_tcfd.app import main
from tests.conftest import PG_ENV, _pg_schema_url

PLANTED = "Pl4nted-S3cret"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


@pytest.fixture
def pg_with_password():
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    for url in _pg_schema_url(base):
        yield make_url(url).set(password=PLANTED).render_as_string(hide_password=False)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    passwords.forget_session()
    yield backend
    keyring.set_keyring(previous)
    passwords.forget_session()


def everything_shown(window) -> str:
    settings_file = Path(window.settings._q.fileName())
    menu = [a.text() for a in window.recent_menu.actions()]
    return "\n".join([settings_file.read_text(errors="replace"), *menu, window.db_label.text()])


def test_a_typed_password_goes_to_the_keyring_only(window, pg_with_password, memory_keyring):
    assert window.database_actions.open_location(pg_with_password)
    assert "127.0.0.1:5432/test" in window.state.services.location  # opened
    window.settings.sync()
    shown = everything_shown(window)
    assert PLANTED not in shown and "127.0.0.1" in shown
    assert os.stat(window.settings._q.fileName()).st_mode & 0o077 == 0
    assert list(memory_keyring.stored.values()) == [PLANTED]
    passwords.forget_session()  # a new session: the Recent entry opens with the keyring's password
    recent = window.recent_menu.actions()[0]
    recent.trigger()
    assert "127.0.0.1:5432/test" in window.state.services.location


def test_without_a_keyring_the_password_is_asked_once_a_session(window, prompts_recorder, pg_with_password):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    passwords.forget_session()
    try:
        public = passwords.without_password(pg_with_password)
        assert PLANTED not in public
        prompts_recorder.password_answer = PLANTED
        assert window.database_actions.open_location(public)
        assert window.database_actions.open_location(public)
        assert [kind for kind, _ in prompts_recorder.asked].count("password") == 1
        assert PLANTED not in everything_shown(window)
    finally:
        keyring.set_keyring(previous)
        passwords.forget_session()


def test_error_lines_and_the_log_never_hold_the_password(capsys, tmp_path):
    from carthane_tcfd.logs import log_file

    for url in (
        f"postgresql+psycopg://alice:{PLANTED}@127.0.0.1:1/none",  # nothing listens there
        f"postgresq://alice:{PLANTED}@127.0.0.1/none",  # a mistyped scheme
        f"postgresql+psycopg://alice:{PLANTED}@127.0.0.1:port/none",
    ):
        assert main(["--db", url, "list", "--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and PLANTED not in err, err
    log = log_file()
    assert not log.exists() or PLANTED not in log.read_text(errors="replace")
