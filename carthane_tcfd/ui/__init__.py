"""The Qt desktop application. The only package that imports Qt widgets."""

from __future__ import annotations
