"""Register filters, shared by the service queries, the register pages and the matrix page."""

from __future__ import annotations

from dataclasses import dataclass, field

from carthane_tcfd.domain.records import AnyItem
from carthane_tcfd.domain.scales import Band


@dataclass(frozen=True)
class ItemFilter:
    """Each set narrows the register; an empty set does not filter. Sets combine with AND,
    values inside one set with OR."""

    text: str = ""
    categories: frozenset[str] = field(default_factory=frozenset)
    horizons: frozenset[str] = field(default_factory=frozenset)
    value_chain: frozenset[str] = field(default_factory=frozenset)
    financial_impacts: frozenset[str] = field(default_factory=frozenset)
    bands: frozenset[str] = field(default_factory=frozenset)  # residual band, else inherent; "" = unscored

    @property
    def is_empty(self) -> bool:
        return not (
            self.text.strip()
            or self.categories
            or self.horizons
            or self.value_chain
            or self.financial_impacts
            or self.bands
        )


def search_text(item: AnyItem) -> str:
    """What quick search looks in: code, titles, description and mitigation text, lower-cased."""
    return "\n".join((item.code, item.title, item.title_en, item.description, item.actions_text)).lower()


def rating_band(item: AnyItem) -> Band | None:
    """The band an item is rated at: residual once assessed, else inherent."""
    return item.residual_band or item.inherent_band


def matches(item: AnyItem, f: ItemFilter, haystack: str | None = None) -> bool:
    """Whether `item` passes `f`; `haystack` is its precomputed search_text when the caller caches it."""
    if f.categories and item.category.value not in f.categories:
        return False
    if f.horizons and not f.horizons.intersection(item.horizons):
        return False
    if f.value_chain and not f.value_chain.intersection(item.value_chain):
        return False
    if f.financial_impacts and not f.financial_impacts.intersection(item.financial_impacts):
        return False
    if f.bands:
        band = rating_band(item)
        if (band.value if band else "") not in f.bands:
            return False
    needle = f.text.strip().lower()
    if needle:
        return needle in (haystack if haystack is not None else search_text(item))
    return True
