"""The pages of the main window: the Risks and Opportunities registers, the Matrix and the Dashboard."""

from __future__ import annotations
