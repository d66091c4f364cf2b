"""The About text: version, Qt and Python versions, the database in use, licences of bundled components."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion

from carthane_tcfd import APP_NAME, APP_NAME_ZH, __version__
from carthane_tcfd.domain.taxonomy import Lang

COMPONENTS = (
    ("Qt / PySide6", "LGPL-3.0"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("XlsxWriter", "BSD-2-Clause"),
    ("openpyxl", "MIT"),
    ("defusedxml", "PSF-2.0"),
    ("matplotlib", "PSF-based (matplotlib licence)"),
    ("pycairo / cairo (PDF writer)", "LGPL-2.1 or MPL-1.1"),
    ("NumPy", "BSD-3-Clause"),
    ("Pillow", "MIT-CMU"),
    ("psycopg", "LGPL-3.0"),
    ("platformdirs", "MIT"),
    ("keyring (with SecretStorage, jeepney, cryptography on Linux)", "MIT; Apache-2.0 or BSD-3-Clause"),
)


def about_text(database: str, lang: Lang) -> str:
    """In the window's language; each text a literal of QCoreApplication.translate, which is what lupdate
    reads (through an alias it took the second argument for a comment, and the texts stayed English)."""
    database_label = QCoreApplication.translate("About", "Database")
    lines = [
        f"{APP_NAME_ZH if lang == 'zh' else APP_NAME} {__version__}",
        "",
        f"Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}",
        f"{database_label}: {database}",
        "",
        QCoreApplication.translate("About", "Bundled components and their licences:"),
        *(f"  {name}: {licence}" for name, licence in COMPONENTS),
    ]
    return "\n".join(lines)
