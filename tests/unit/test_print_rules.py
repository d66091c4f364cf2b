"""The print rules' arithmetic: text measured with Chinese at double width, scales refused under 8 pt,
small tables moved whole to the next page."""

from __future__ import annotations

import pytest

from carthane_tcfd.reports import print_rules as rules


def test_a_chinese_character_counts_about_twice_a_latin_letter():
    assert rules.text_points("极端天气", 10) == pytest.approx(2 * rules.text_points("abcd", 10) / (2 * rules.LATIN_EM))
    assert rules.text_points("极端天气", 10) > 1.8 * rules.text_points("abcd", 10)


def test_lines_follow_width_and_paragraphs():
    width = rules.column_points(20)
    assert rules.line_count("short", width, 10) == 1
    assert rules.line_count("a\nb\nc", width, 10) == 3
    long_zh = "气" * 60
    assert rules.line_count(long_zh, width, 10) > rules.line_count("a" * 60, width, 10)
    assert rules.cell_height("x", width, 10, wrap=True) < rules.cell_height(long_zh, width, 10, wrap=True)


def test_the_scale_fits_the_columns_and_small_type_is_refused():
    page = rules.Page(landscape=True)
    assert rules.fit_scale([10] * 5, page) == 100
    scale = rules.fit_scale([30] * 10, page)
    assert scale < 100
    with pytest.raises(rules.PrintRuleError, match="under 8 pt"):
        rules.check_type_size("Wide", 9, 80)
    rules.check_type_size("Fine", 10, 80)


def test_a_long_text_is_cut_into_rows_that_each_fit_and_join_back_whole():
    text = "。".join(["气候相关风险需要评估"] * 400)
    width = rules.column_points(40)
    pieces = rules.split_to_rows(text, width, 10)
    assert len(pieces) > 1 and "".join(pieces) == text
    assert all(rules.cell_height(p, width, 10, wrap=True) <= rules.MAX_ROW_PT for p in pieces)


def test_a_block_that_would_cross_a_page_moves_whole_to_the_next():
    heights = [100.0] * 12
    # rows 5-7 (300) would cross the first page (480 usable at 95 % of 500): break before row 5
    assert rules.page_breaks(heights, 500, 0, {5: 7}, set()) == [5]
    assert rules.page_breaks(heights, 500, 0, {}, {3}) == [3], "a break the sheet asked for stays"
    assert rules.page_breaks(heights, 500, 0, {1: 12}, set()) == [], "a block longer than a page flows on"
    # from row 4 (300 used) a long block's first four rows (400) would cross the page: they move together
    assert rules.page_breaks(heights, 500, 0, {4: 12}, set()) == [4]
