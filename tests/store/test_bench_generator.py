"""A tiny run of the benchmark's synthetic register generator (the benchmarks themselves are not tests)."""

from __future__ import annotations

from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.services.register import open_register
from tests.bench.make_register import generate


def test_the_generator_makes_a_realistic_register(sqlite_url):
    counts = generate(sqlite_url, 60)
    register = open_register(sqlite_url)
    items = register.items.in_period(2024)
    register.close()
    assert counts["items"] == len(items) == 60
    assert {i.category for i in items} == set(Category)
    assert all(0 <= len(i.mitigations) <= 6 for i in items)
    assert sum(len(i.mitigations) for i in items) == counts["mitigations"] > 60
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in i.description) for i in items)
    assert len({i.code for i in items}) == 60
