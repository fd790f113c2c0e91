"""Unit tests of the named-entity helpers: division data, short forms, token walks."""
from extractors import places
from extractors.lexicon import divisions
from extractors.spans import boundaries, walk_left


def test_short_forms():
    assert divisions.short_form("洛阳市", "city") == "洛阳"
    assert divisions.short_form("首阳山街道", "town") == "首阳山"
    assert divisions.short_form("新寨村", "village") == "新寨"
    assert divisions.short_form("县", "county") == ""


def test_division_hierarchy():
    by_name = {}
    for d in divisions.china():
        by_name.setdefault(d.name, []).append(d)
    county = next(d for d in by_name["偃师区"] if d.level == "county")
    assert [a.name for a in county.ancestors()] == ["洛阳市", "河南省"]
    assert any(t.name == "首阳山街道" for t in divisions.towns(county))


def test_walk_left_stops_at_verbs():
    text = "打造新城精密仪表制造板块"
    toks = ["打造", "新城", "精密", "仪表", "制造", "板块"]
    assert walk_left(text, boundaries(toks), len(text) - 2, frozenset({"打造"}), 14) == 2


def test_focus_counties_need_repeated_mentions():
    assert places.focus_counties(["偃师区"]) == []
    assert places.focus_counties(["偃师区", "偃师", "偃师区发展"]) == []  # its city is never named
    assert [c.name for c in places.focus_counties(["洛阳偃师区", "偃师", "偃师区发展"])] == ["偃师区"]
