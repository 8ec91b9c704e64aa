"""A picture for every exercise (issue 16): the start-and-end drawings from
docs/_data/exercise-pictures.yml (poses.py) and the walk-run picture of every return-to-running
ladder (walkrun.py). The core's drawing functions first, then the built pages."""

from __future__ import annotations

import gzip
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import page, site_content

from crosslinks import poses, walkrun
from crosslinks.model import JOINTS, LadderSpec
from crosslinks.paths import exercise_picture_src, ladder_picture_src

GRAPH = site_content().graph
EXERCISES = sorted(GRAPH.exercises)
LADDERS = sorted(GRAPH.ladders)
MAX_SVG_BYTES = 4 * 1024  # each drawing, uncompressed
HTML_LIMIT = 25 * 1024  # bytes per page, gzip-compressed (scripts/quality_gates.py)
SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(text: str) -> ET.Element:
    root = ET.fromstring(text)  # noqa: S314 - our own generated file
    assert root.tag == f"{SVG}svg"
    return root


# --- the data --------------------------------------------------------------------------------


def test_every_exercise_has_a_picture_and_every_picture_an_exercise():
    assert EXERCISES and sorted(GRAPH.pictures) == EXERCISES


@pytest.mark.parametrize("slug", EXERCISES)
def test_every_pose_uses_the_known_joints_and_the_alt_says_what_moves(slug):
    picture = GRAPH.pictures[slug]
    for pose in (picture.start, picture.end):
        for side in (pose.near, pose.far):
            assert set(type(side).model_fields) == set(JOINTS)
    assert picture.start != picture.end, f"{slug}: the start and end poses are the same"
    words = picture.alt.split()
    assert 10 <= len(words) <= 45 and picture.alt.endswith("."), f"{slug}: alt should be one or two plain sentences"


# --- the exercise drawings -------------------------------------------------------------------


@pytest.mark.parametrize("slug", EXERCISES)
def test_each_drawing_is_small_well_formed_and_titled(slug):
    picture = GRAPH.pictures[slug]
    svg = poses.picture_svg(picture, f"{slug}: {picture.alt}")
    assert len(svg.encode()) < MAX_SVG_BYTES, f"{slug}: {len(svg.encode())} bytes"
    root = parse_svg(svg)
    assert root.find(f"{SVG}title").text == f"{slug}: {picture.alt}"
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Start", "End"]
    assert (int(root.get("width")), int(root.get("height"))) == poses.size(picture)
    assert "style=" not in svg and "<script" not in svg and "href" not in svg
    assert poses.MOVE in svg  # the moving part is drawn in the site's colour


def test_the_moving_limb_is_drawn_in_the_site_colour_and_the_rest_is_not():
    picture = GRAPH.pictures["clamshell"]  # only the top (near) leg moves
    coloured = [p for p in poses.figure_svg(picture.start, picture.moving, 0) if poses.MOVE in p]
    knee = picture.start.near.knee
    assert len(coloured) == 1 and f"{poses._n(knee[0])} {poses._n(knee[1])}" in coloured[0]


def test_an_arrow_shows_the_part_that_moves_most_and_a_hold_gets_none():
    picture = GRAPH.pictures["side-lying-hip-abduction"]
    start, end = poses.travel(picture)
    leg = [getattr(picture.start.near, joint) for joint in ("ankle", "knee", "toe")]
    assert start in leg and math.dist(start, end) >= math.dist(picture.start.near.knee, picture.end.near.knee)
    assert "stroke-dasharray" in poses.picture_svg(picture, "t")  # the arrow is drawn
    assert poses.travel(GRAPH.pictures["isometric-hip-abduction"]) is None  # a push against a belt barely moves
    svg = poses.picture_svg(GRAPH.pictures["isometric-hip-abduction"], "t")
    assert poses.BAND in svg and "stroke-dasharray" not in svg  # the belt, and no arrow


def test_the_picture_is_cropped_to_the_figure_and_its_props():
    lying, standing = GRAPH.pictures["side-plank"], GRAPH.pictures["monster-walk"]
    lying_size, standing_size = poses.size(lying), poses.size(standing)
    assert lying_size[0] == standing_size[0] == poses.SHOWN_WIDTH
    assert lying_size[1] < standing_size[1]  # a lying figure needs a shorter picture
    left, _, right, _ = poses.crop(GRAPH.pictures["step-up"])
    assert left <= 96 and right >= 148  # the step is inside


# --- the walk-run pictures -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Run 2 minutes, walk 2 minutes, for 16 minutes in all", (2, 2, "run 2, walk 2 minutes")),
        ("Walk 1 minute, run 4 minutes, to 3.2 km", (1, 4, "walk 1, run 4 minutes")),
        ("Brisk walk, building from 10 to 30 minutes", (1, 0, "walking only")),
        ("Run 3.2 km without walking, effort 5 of 10", (0, 1, "running only")),
        ("Jog for 20 to 30 minutes", (0, 1, "running only")),
        ("Walking mixed with short spells of jogging", (3, 1, "mostly walking, some jogging")),
    ],
)
def test_each_step_is_read_for_its_walking_and_running(text, expected):
    assert tuple(walkrun.step_mix(text, None)) == expected


def test_a_step_that_says_neither_keeps_the_step_before():
    before = walkrun.Mix(2, 3, "walk 2, run 3 minutes")
    assert walkrun.step_mix("The same sets, to 2.4 km (1.5 miles), effort 3 of 10", before) == before
    assert walkrun.step_mix("Add distance slowly, no more than 10% a week", before) == before
    assert walkrun.step_mix("Easy outings", None) is None


@pytest.mark.parametrize("ladder_id", LADDERS)
def test_each_ladder_picture_grows_the_running_from_its_own_steps(ladder_id):
    ladder = GRAPH.ladders[ladder_id]
    mixes = walkrun.ladder_mixes(ladder)
    assert all(mixes)
    shares = [m.run / (m.walk + m.run) for m in mixes]
    assert shares == sorted(shares) and shares[-1] == 1  # never less running than the step before; ends running only
    svg = walkrun.ladder_svg(ladder)
    root = parse_svg(svg)
    assert root.find(f"{SVG}title").text == walkrun.alt_text(ladder)
    runs = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == walkrun.RUN_COLOUR][1:]  # after the legend's
    assert len(runs) == sum(1 for m in mixes if m.run)
    assert len(svg.encode()) < MAX_SVG_BYTES
    for step in ladder.steps:
        assert walkrun.step_name(step.step) in walkrun.alt_text(ladder)


def test_the_ladder_picture_follows_the_data_not_typed_numbers():
    ladder = GRAPH.ladders["tendon"].model_copy(
        update={"steps": [s.model_copy(update={"do": "Run 7 minutes, walk 1 minute"}) for s in GRAPH.ladders["tendon"].steps[:1]]}
    )
    assert isinstance(ladder, LadderSpec)
    assert "run 7, walk 1 minutes" in walkrun.alt_text(ladder)
    assert "run 7, walk 1 minutes" in walkrun.ladder_svg(ladder)


# --- the built site --------------------------------------------------------------------------


def test_the_registry_generates_every_picture_so_stage_writes_them_too(content):
    files = content.files()
    for slug in EXERCISES:
        assert exercise_picture_src(slug) in files
    for ladder_id in LADDERS:
        assert ladder_picture_src(ladder_id) in files


@pytest.mark.parametrize("slug", EXERCISES)
def test_each_exercise_page_shows_its_drawing_before_the_steps(site_dir: Path, slug: str):
    soup = page(site_dir, f"exercises/{slug}/")
    images = soup.select("figure.rh-exercise-picture img")
    assert len(images) == 1, f"{slug}: expected one drawing"
    img = images[0]
    assert img["alt"].strip() and img["alt"] == GRAPH.pictures[slug].alt
    assert (int(img["width"]), int(img["height"])) == poses.size(GRAPH.pictures[slug])
    assert img["loading"] == "eager"  # on the first screen: the page's largest paint waits for it
    heading = soup.find(id="how-to-do-it")
    assert heading is not None and heading.find_next_sibling() is img.find_parent("figure"), f"{slug}: not right after 'How to do it'"
    file = (site_dir / f"exercises/{slug}/" / img["src"]).resolve()
    assert file == (site_dir / exercise_picture_src(slug)).resolve() and file.is_file()
    assert len(file.read_bytes()) < MAX_SVG_BYTES
    assert parse_svg(file.read_text()).find(f"{SVG}title").text.strip()
    html = (site_dir / f"exercises/{slug}/index.html").read_bytes()
    assert len(gzip.compress(html, compresslevel=9)) <= HTML_LIMIT


def test_the_return_to_running_page_shows_each_ladders_walk_run_picture(site_dir: Path):
    soup = page(site_dir, "self-care/return-to-running/")
    for ladder_id in LADDERS:
        box = soup.select_one(f'.rh-ladder[data-ladder="{ladder_id}"]')
        assert box is not None
        img = box.select_one("figure.rh-ladder-picture img")
        assert img is not None, f"{ladder_id}: no walk-run picture"
        assert img["alt"] == walkrun.alt_text(GRAPH.ladders[ladder_id]) and img["alt"].strip()
        assert img.get("width") and img.get("height") and img["loading"] == "lazy"  # far down the page
        file = (site_dir / "self-care/return-to-running/" / img["src"]).resolve()
        assert file == (site_dir / ladder_picture_src(ladder_id)).resolve()
        assert parse_svg(file.read_text()).find(f"{SVG}title").text == img["alt"]


def test_the_text_alternative_cannot_become_markup():
    from crosslinks.blocks import picture_markdown

    markdown = picture_markdown(
        "exercises/x.md", "assets/exercises/x.svg", "Lift [here](javascript:x) & hold", (340, 120), "rh-exercise-picture"
    )
    assert "![Lift \\[here\\](javascript:x) &amp; hold](../assets/exercises/x.svg)" in markdown
    assert '{ width="340" height="120" loading="lazy" }' in markdown
