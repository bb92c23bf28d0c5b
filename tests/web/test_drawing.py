"""The map and timeline drawings: projection, framing, merging, ticks; the bundled outline."""

from __future__ import annotations

import re

import pytest

from livebrief.web.geo import WORLD, Frame, MapPoint, draw_map, fit_frame, merge_points, world
from livebrief.web.timeline import TimePoint, draw_timeline, parse_when


def test_the_bundled_outline_covers_the_world() -> None:
    countries = dict(world())
    assert len(countries) > 150
    assert {"Ukraine", "France", "Brazil", "Australia", "Japan"} <= set(countries)
    lons = [lon for rings in countries.values() for ring in rings for lon in ring[0::2]]
    lats = [lat for rings in countries.values() for ring in rings for lat in ring[1::2]]
    assert -180 <= min(lons) < -160 and 170 < max(lons) <= 180
    assert -90 <= min(lats) and max(lats) <= 90


def test_equirectangular_projection_on_the_world_frame() -> None:
    view = draw_map([MapPoint(lat=0.0, lon=0.0, label="Null Island")], width=720, frame=WORLD)
    dot = view["dots"][0]
    assert dot["x"] == pytest.approx(360, abs=0.1)  # lon 0 is the middle of -180..180
    assert dot["y"] == pytest.approx(view["height"] * 85 / 145, abs=0.5)  # lat 0 sits 85° below the top
    assert view["land"] and all(re.fullmatch(r"(M[-\d., ]+Z ?)+", c["d"]) for c in view["land"])


@pytest.mark.parametrize("points, contains", [
    ([(46.48, 30.73)], [(46.48, 30.73)]),
    ([(46.48, 30.73), (49.99, 36.23)], [(46.48, 30.73), (49.99, 36.23)]),
    ([(51.5, -0.1), (-33.9, 151.2)], [(51.5, -0.1), (-33.9, 151.2)]),
])
def test_the_frame_holds_every_point_with_room_around_it(points: list[tuple[float, float]],
                                                        contains: list[tuple[float, float]]) -> None:
    frame = fit_frame([MapPoint(lat=lat, lon=lon, label="") for lat, lon in points])
    assert frame.lon_span >= 24 and frame.lat_span >= 12
    for lat, lon in contains:
        assert frame.west < lon < frame.east and frame.south < lat < frame.north


def test_a_regional_frame_draws_only_nearby_countries() -> None:
    view = draw_map([MapPoint(lat=46.48, lon=30.73, label="Odesa")], frame=Frame(20, 44, 40, 54))
    names = {c["name"] for c in view["land"]}
    assert {"Ukraine", "Moldova", "Romania"} <= names
    assert "Brazil" not in names and "Australia" not in names


def test_points_at_one_place_become_one_bigger_dot() -> None:
    merged = merge_points([MapPoint(46.48, 30.73, "Odesa", title="a"), MapPoint(46.481, 30.731, "Odesa", title="b"),
                           MapPoint(49.99, 36.23, "Kharkiv")])
    assert [(p.label, p.count, p.title) for p in merged] == [("Odesa", 2, "a · b"), ("Kharkiv", 1, "")]
    view = draw_map(merged)
    assert view["dots"][0]["r"] > view["dots"][1]["r"]


def test_labels_are_kept_as_text_for_the_template_to_escape() -> None:
    view = draw_map([MapPoint(10, 10, "<b>x</b>", title="<script>")])
    assert view["dots"][0]["label"] == "<b>x</b>" and view["dots"][0]["title"] == "<script>"


def test_timeline_lanes_order_and_ticks() -> None:
    view = draw_timeline([TimePoint("2024-05-01T09:00:00+00:00", "a", lane="Battlefield"),
                          TimePoint("2024-05-03", "b", lane="Diplomacy"),
                          TimePoint("2024-05-02T12:00:00Z", "c", lane="Battlefield", new=True),
                          TimePoint("not a date", "d")])
    assert view is not None
    assert [lane["label"] for lane in view["lanes"]] == ["Battlefield", "Diplomacy"]
    xs = [d["x"] for d in view["dots"]]
    assert xs == sorted(xs) and [d["label"] for d in view["dots"]] == ["a", "c", "b"]
    labels = [t["label"] for t in view["ticks"]]
    assert len(labels) == len(set(labels)) >= 2  # round, distinct tick labels
    assert all(view["x0"] <= d["x"] <= view["width"] for d in view["dots"])


def test_timeline_is_none_without_dates() -> None:
    assert draw_timeline([TimePoint("", "a"), TimePoint("soon", "b")]) is None


@pytest.mark.parametrize("value, iso", [
    ("2024-05-01", "2024-05-01T00:00:00+00:00"),
    ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00+00:00"),
    ("2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00+02:00"),
    ("2024-05-01 garbage", "2024-05-01T00:00:00+00:00"),
])
def test_parse_when(value: str, iso: str) -> None:
    parsed = parse_when(value)
    assert parsed is not None and parsed.isoformat() == iso


@pytest.mark.parametrize("points", [
    [(46.48, 30.73)],
    [(46.48, 30.73), (49.99, 36.23)],
    [(60.0, 10.0), (35.0, 12.0)],   # tall spread: the frame is widened
    [(50.0, -5.0), (50.0, 40.0)],   # wide spread: the frame is heightened
])
def test_regional_maps_keep_a_readable_shape(points: list[tuple[float, float]]) -> None:
    view = draw_map([MapPoint(lat=lat, lon=lon, label="") for lat, lon in points], width=640)
    assert 0.45 <= view["height"] / view["width"] <= 0.61
    assert all(0 <= d["x"] <= 640 and 0 <= d["y"] <= view["height"] for d in view["dots"])
