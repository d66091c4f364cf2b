"""The About text: version, Qt and Python versions, the database in use, licences of bundled components."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion

from carthane_tcfd import APP_NAME, __version__

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


def about_text(database: str) -> str:
    tr = QCoreApplication.translate
    lines = [
        f"{APP_NAME} {__version__}",
        "",
        f"{tr('About', 'Qt')} {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}",
        f"{tr('About', 'Database')}: {database}",
        "",
        tr("About", "Bundled components and their licences:"),
        *(f"  {name}: {licence}" for name, licence in COMPONENTS),
    ]
    return "\n".join(lines)
