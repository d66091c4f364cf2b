from __future__ import annotations

import pytest

from carthane_tcfd.domain.scales import (
    MATRIX_SIZES,
    Band,
    band_for,
    band_rule_text,
    default_thresholds,
    impact_descriptor,
    impact_level_for_amount,
    likelihood_descriptor,
    threshold_text,
)
from carthane_tcfd.domain.taxonomy import Kind


def test_five_by_five_bands_follow_the_usual_rules():
    expected = {Band.LOW: {1, 2, 3, 4}, Band.MEDIUM: {5, 6, 8, 9}, Band.HIGH: {10, 12, 15, 16}, Band.CRITICAL: {20, 25}}
    for band, scores in expected.items():
        got = {lk * im for lk in range(1, 6) for im in range(1, 6) if band_for(lk, im) is band}
        assert got == scores, band
    assert band_rule_text(Band.HIGH, 5) == "10–16"


def test_unassessed_scores_have_no_band():
    assert band_for(None, 3) is None
    assert band_for(2, None) is None


@pytest.mark.parametrize("size", MATRIX_SIZES)
def test_bands_rise_with_either_score_for_every_matrix_size(size):
    order = list(Band)
    for lk in range(1, size + 1):
        for im in range(1, size + 1):
            here = order.index(band_for(lk, im, size))
            if lk < size:
                assert order.index(band_for(lk + 1, im, size)) >= here
            if im < size:
                assert order.index(band_for(lk, im + 1, size)) >= here
    assert band_for(1, 1, size) is Band.LOW
    assert band_for(size, size, size) is Band.CRITICAL


@pytest.mark.parametrize("size", MATRIX_SIZES)
def test_every_level_has_descriptors_in_both_languages(size):
    for level in range(1, size + 1):
        for lang in ("zh", "en"):
            assert likelihood_descriptor(level, size, lang)
            assert impact_descriptor(level, size, lang)
            assert impact_descriptor(level, size, lang, Kind.OPPORTUNITY)
    assert len(default_thresholds(size)) == size - 1
    assert list(default_thresholds(size)) == sorted(default_thresholds(size))


def test_bands_have_distinct_colours_per_palette():
    assert len({b.colour for b in Band}) == 4
    assert len({b.opportunity_colour for b in Band}) == 4
    assert not {b.colour for b in Band} & {b.opportunity_colour for b in Band}


def test_impact_level_of_an_amount_uses_the_period_thresholds():
    thresholds = (500_000, 2_000_000, 10_000_000, 30_000_000)
    assert impact_level_for_amount(100_000, thresholds) == 1
    assert impact_level_for_amount(2_000_000, thresholds) == 3
    assert impact_level_for_amount(99_000_000, thresholds) == 5
    assert threshold_text(1, thresholds, "zh") == "< 50万元"
    assert threshold_text(3, thresholds, "en") == "CNY 2m–10m"
    assert threshold_text(5, thresholds, "en") == "≥ CNY 30m"
