"""Thin launcher: python main.py [--db PATH|URL] [COMMAND ...]."""

from __future__ import annotations

import sys

from carthane_tcfd.app import main

if __name__ == "__main__":
    sys.exit(main())
