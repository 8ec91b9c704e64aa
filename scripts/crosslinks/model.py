"""Typed models of the site's content: front matter and the data files in `docs/_data/`.

Pydantic checks each file's shape (required fields, types, fixed lists, lengths). Checks that
need more than one file (does this symptom id exist? is this review overdue?) live in
`validate.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints, model_validator

from .rawhtml import unsafe_markup

RegionId = Literal["front", "side", "back", "inner-thigh", "lower-back"]
Facet = Literal["feels-like", "when-it-hurts", "worse-with", "training-change"]
Onset = Literal["gradual", "sudden"]
Urgency = Literal["self-care", "see-clinician-soon", "urgent"]
Frequency = Literal["typical", "possible"]
AgeGroup = Literal["growing", "over-50"]  # the finder's two optional questions about the runner
# The walk-run ladders on /self-care/return-to-running/ (docs/_data/ladders.yml); bone stress is
# split by the site's risk class; "nerve" has no ladder: it links the nerve-pain rules.
Ladder = Literal["bone-low-risk", "bone-high-risk", "tendon", "muscle", "joint", "nerve"]
# Which version of the pain rule a block shows (docs/_data/pain-rule.yml).
PainKind = Literal["all", "general", "tendon", "groin", "groin-tendon", "bone", "nerve"]
Goal = Literal["outer-hip-strength", "buttock-and-hamstring-strength", "groin-strength", "core", "leg-strength", "mobility"]

REGION_IDS: tuple[str, ...] = get_args(RegionId)
FACETS: tuple[str, ...] = get_args(Facet)
URGENCIES: tuple[str, ...] = get_args(Urgency)
GOALS: tuple[str, ...] = get_args(Goal)
LADDERS: tuple[str, ...] = get_args(Ladder)
PAIN_KINDS: tuple[str, ...] = get_args(PainKind)
GOAL_LABELS: dict[str, str] = {
    "outer-hip-strength": "Outer hip strength",
    "buttock-and-hamstring-strength": "Buttock and hamstring strength",
    "groin-strength": "Groin strength",
    "core": "Core",
    "leg-strength": "Leg strength for running",
    "mobility": "Mobility",
}

FACET_LABELS: dict[str, str] = {
    "feels-like": "What it feels like",
    "when-it-hurts": "When it hurts",
    "worse-with": "What makes it worse",
    "training-change": "What changed in training",
}
URGENCY_LABELS: dict[str, str] = {
    "self-care": "Self-care first",
    "see-clinician-soon": "See a clinician soon",
    "urgent": "Urgent: stop running and get seen today",
}
ONSET_LABELS: dict[str, str] = {"gradual": "Gradual", "sudden": "Sudden"}
# The finder's optional questions about the runner, as a runner answers them (box labels).
AGE_LABELS: dict[str, str] = {"growing": "I'm still growing (under about 16)", "over-50": "I'm over 50"}

# The fixed section ids of a condition page: part of its public address (newsletters link to them)
CONDITION_ANCHORS: tuple[str, ...] = (
    "in-short",
    "where-it-hurts",
    "symptoms",
    "why-it-happens",
    "how-its-diagnosed",
    "what-to-do-now",
    "when-to-see-a-doctor",
    "treatment",
    "recovery",
    "cross-training",
    "for-coaches",
    "what-we-dont-know",
    "prevention",
    "sources",
)

MAX_DESCRIPTION = 160
MAX_REVIEW_INTERVAL_YEARS = 3

# Characters no plain-text field may hold: markup (the text goes into HTML, attributes, JSON-LD,
# the feed and preview images), control characters, and the invisible bidirectional controls
# that can make text read differently from what it says.
_NOT_PLAIN = re.compile(r"[<>\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain_text(value: str) -> str:
    """Front matter and data text is plain text: no HTML, no control characters."""
    found = _NOT_PLAIN.search(value)
    if found is None:
        return _no_unsafe_links(value)
    char = found.group(0)
    if char in "<>":
        raise ValueError(f"HTML is not allowed in this field (found {char!r}); write it in words, e.g. 'less than'")
    raise ValueError(f"an invisible control character (U+{ord(char):04X}) is not allowed; delete it and retype the text around it")


def _no_unsafe_links(value: str) -> str:
    """Text is written into generated Markdown, so a `[link](javascript:...)` or an attribute
    list (`{: onclick=...}`) in it would become one: refused, as in a page's body (rawhtml.py)."""
    if "](" in value or "]:" in value or "{" in value:
        unsafe = unsafe_markup(value)
        if unsafe:
            raise ValueError(f"{unsafe[0].message} (found {unsafe[0].value!r}); {unsafe[0].hint}")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(plain_text)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_DESCRIPTION), AfterValidator(plain_text)]


class Strict(BaseModel):
    """Unknown keys are errors (a typo in a field name must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- Data files ------------------------------------------------------------------------------


class RegionGuide(Strict):
    """A hand-written guide that a region's page points to, with why it matters there."""

    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md$")]  # its docs/ path: "self-care/x.md"
    text: Text  # the link's words
    note: Text  # one sentence before the link: why a reader of this region should look


class Region(Strict):
    id: RegionId
    name: Text
    short: Text
    description: Text
    guides: list[RegionGuide] = []  # shown near the top of the region's page, in this order


class Symptom(Strict):
    """An ordinary symptom. Warning signs are not symptoms: they live in the registry below."""

    id: Slug
    label: Text
    explanation: Description
    facet: Facet


# --- The warning-sign registry (docs/_data/warning-signs.yml) -----------------------------------

TierId = Literal["emergency", "urgent", "soon"]
TIER_IDS: tuple[str, ...] = get_args(TierId)


class WarningTier(Strict):
    """One level of urgency, with the one action text shown wherever a sign of it appears."""

    id: TierId
    name: Text
    heading: Text
    action: Text

    @property
    def title(self) -> str:
        """How every box, list and the finder lead with the tier: "Emergency: call now"."""
        return f"{self.name}: {self.heading}"


class WarningSign(Strict):
    """A sign that means "don't wait": one tier, one wording, everywhere on the site."""

    id: Slug
    label: Text
    tier: TierId
    why: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=240), AfterValidator(plain_text)]
    sources: list[SourceKey] = Field(min_length=1)
    universal: StrictBool = False
    tier_note: Text | None = None
    never_test: Text | None = None


class WarningRegistry(Strict):
    tiers: list[WarningTier] = Field(min_length=1)
    signs: list[WarningSign] = Field(min_length=1)


class Reference(Strict):
    id: SourceKey
    authors: Text
    title: Text
    year: int | Literal["n.d."]
    publisher: Text
    volume: Text | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\S+/\S+$")] | None = None
    pmid: Annotated[str, StringConstraints(pattern=r"^[0-9]+$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _has_a_link(self) -> Reference:
        if not (self.doi or self.pmid or self.url):
            raise ValueError("a reference needs a doi, a pmid or a url")
        return self


class GlossaryEntry(Strict):
    """A medical or running term in plain words, linked to the page that says most about it."""

    term: Text
    definition: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(plain_text)]
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$")]


# --- Search (docs/_data/search.yml) --------------------------------------------------------------

# A word or short phrase as a reader types it: lower case letters, digits, spaces, ' and -.
SearchPhrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=r"^[a-z0-9][a-z0-9 '&-]*$")]


class SearchWords(Strict):
    """How runners say things that the pages say otherwise, for the site's search.

    `words` turns an everyday word, a spelling or a common misspelling into the site's own words
    (bum -> buttock, orthopedic -> orthopaedic, tendonitis -> tendinopathy); the others add
    everyday ways of saying a symptom, a warning sign, an area of the body or a condition."""

    words: dict[SearchPhrase, SearchPhrase] = Field(default_factory=dict)
    symptoms: dict[Slug, list[SearchPhrase]] = Field(default_factory=dict)
    signs: dict[Slug, list[SearchPhrase]] = Field(default_factory=dict)
    regions: dict[RegionId, list[SearchPhrase]] = Field(default_factory=dict)
    conditions: dict[Slug, list[SearchPhrase]] = Field(default_factory=dict)
    # questions and phrases a hand-written page answers, by its docs/ path ("self-care/first-steps.md")
    pages: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md$")], list[SearchPhrase]] = Field(default_factory=dict)
    stopwords: list[SearchPhrase] = Field(default_factory=list)
    # words that say who the reader is asking about (teenager, son; older): a condition found
    # mainly in one age group (its `ages`) ranks lower when the query names no such word
    ages: dict[AgeGroup, list[SearchPhrase]] = Field(default_factory=dict)


class Sourced(Strict):
    """One statement in plain words with the bibliography keys that back it."""

    text: Text
    sources: list[SourceKey] = Field(min_length=1)


class PainCardLines(Strict):
    """The lines the pain rule adds to the card's keep-running and ease-off tiers."""

    keep_running: Sourced
    ease_off: Sourced


class PainCard(Strict):
    general: PainCardLines  # joint, muscle, bursa and tendon pages (the tendon allowance is never on a card)
    bone: PainCardLines
    nerve: PainCardLines


class PainRule(Strict):
    """The site's one pain-monitoring rule (`docs/_data/pain-rule.yml`)."""

    scale: Sourced  # the 0 to 10 scale
    during: Sourced  # the limit during a run or exercise
    next_morning: Sourced  # the next-morning check
    tendon: Sourced  # the single exception: only for a tendon, once bone and nerve are ruled out
    groin: Sourced  # groin and front-of-hip pain: the general limit until bone stress is ruled out
    bone: Sourced  # no pain at the injury site
    nerve: Sourced  # no nerve symptoms brought on
    card: PainCard
    # The condition pages that say the problem is a tendon: only they may show the tendon allowance.
    tendon_conditions: list[Slug] = []


class LadderStep(Strict):
    step: Text  # "1", "Weeks 1 to 2"
    do: Text  # what you do at this step
    move_on: Text  # when to move up


class LadderSpec(Strict):
    """One return-to-running ladder (`docs/_data/ladders.yml`)."""

    id: Ladder
    name: Text
    who_for: Text
    not_for: Text
    site_class: Literal["low-risk", "high-risk"] | None = None  # bone ladders only
    alternate_days: StrictBool  # running only every other day
    rest: Sourced | None = None  # the rest rule, when runs may fall on back-to-back days
    clinician_led: StrictBool  # each step agreed with a clinician
    pain: PainKind  # the version of the pain rule that applies
    timeline: Sourced  # how long return takes, from the studies
    readiness: list[Sourced] = Field(min_length=1)  # checks before the first run, doable at this site
    plan: Sourced  # where the steps come from
    steps: list[LadderStep] = Field(min_length=1)
    go_back: Sourced
    notes: list[Sourced] = []

    @model_validator(mode="after")
    def _bone_has_a_class(self) -> LadderSpec:
        if self.id.startswith("bone") != (self.site_class is not None):
            raise ValueError("site_class is set on bone ladders only, and every bone ladder needs one")
        if not self.alternate_days and self.rest is None:
            raise ValueError("a ladder that allows runs on back-to-back days needs a 'rest' rule")
        return self


# --- Exercise pictures (`docs/_data/exercise-pictures.yml`) --------------------------------------

# Each picture has two panels, "Start" and "End"; a pose's points are in one panel's units:
# x from 0 (left) to PANEL_WIDTH, y from 0 (top) to PANEL_HEIGHT, the floor at FLOOR_Y.
PANEL_WIDTH = 160
PANEL_HEIGHT = 120
FLOOR_Y = 112
JOINTS: tuple[str, ...] = ("shoulder", "elbow", "hand", "hip", "knee", "ankle", "toe")
# Things drawn around the figure, each at a fixed place in the panel (see poses.py).
Prop = Literal["floor", "mat", "step", "wall", "bench", "chair", "band-knees", "band-ankles", "band-anchor"]
# The parts of the body drawn in the site's colour: what moves between start and end.
Limb = Literal["near-arm", "near-leg", "far-arm", "far-leg", "trunk"]
PROPS: tuple[str, ...] = get_args(Prop)
LIMBS: tuple[str, ...] = get_args(Limb)


def _within(limit: int, axis: str, where: str) -> AfterValidator:
    def check(value: float) -> float:
        if not 0 <= value <= limit:
            raise ValueError(f"outside the drawing's panel: {axis} runs from 0 ({where}) to {limit}; move the point inside")
        return value

    return AfterValidator(check)


X = Annotated[float, Field(strict=True), _within(PANEL_WIDTH, "x", "left")]
Y = Annotated[float, Field(strict=True), _within(PANEL_HEIGHT, "y", f"top; the floor is at {FLOOR_Y}")]
Point = tuple[X, Y]


class Side(Strict):
    """One side of the body: the near side is drawn dark, the far side lighter and thinner."""

    shoulder: Point
    elbow: Point
    hand: Point
    hip: Point
    knee: Point
    ankle: Point
    toe: Point


class Pose(Strict):
    """A figure's joints as [x, y] points in one panel."""

    head: Point
    neck: Point
    near: Side
    far: Side


class ExercisePicture(Strict):
    """The start and end positions of one exercise, keyed by the exercise page's slug."""

    alt: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(plain_text)]
    moving: list[Limb] = Field(min_length=1)
    props: list[Prop] = []
    start: Pose
    end: Pose


# --- Front matter ------------------------------------------------------------------------------


# What Material's `hide` front matter key can hide; a misspelling would silently hide nothing.
HideWhat = Literal["navigation", "toc", "footer", "feedback", "path", "tags"]


class Search(Strict):
    """Material's `search` front matter: leave a page out of search, or rank it higher."""

    exclude: StrictBool = False
    boost: Annotated[float, Field(strict=True, gt=0, le=10)] = 1


class PageMeta(Strict):
    """Keys every page may carry (Material's own `hide`, `template`, `search`, `icon` included)."""

    title: Text
    description: Description
    sources: list[SourceKey] = []
    hide: list[HideWhat] | None = None
    template: str | None = None
    search: Search | None = None
    icon: str | None = None


class GeneralMeta(PageMeta):
    """Home, About, section landing pages: title and description may be left to defaults."""

    title: Text | None = None  # type: ignore[assignment]
    description: Description | None = None  # type: ignore[assignment]
    reviewed: dt.date | None = None  # landing pages that state facts carry review dates too
    next_review: dt.date | None = None


class ReviewedMeta(PageMeta):
    """Anatomy, prevention and self-care pages."""

    reviewed: dt.date
    next_review: dt.date | None = None


class ExerciseMeta(ReviewedMeta):
    goal: Goal
    helps: list[Slug] = Field(min_length=1)


class SymptomMarks(Strict):
    typical: list[Slug] = []
    possible: list[Slug] = []


class Recovery(Strict):
    """Typical recovery in weeks. For a long-term condition (`long_term: true`) the range is how
    long a first course of treatment, such as exercise therapy, takes to judge, not a cure.
    Where no source gives a usual time (it depends on the treatment, or was never studied),
    `unknown: true` and no weeks: the site then says so instead of showing a borrowed number; the
    sources are those the page's Recovery section cites for what is known."""

    min_weeks: StrictInt | None = Field(default=None, ge=0)
    max_weeks: StrictInt | None = Field(default=None, ge=1)
    sources: list[SourceKey] = Field(min_length=1)
    long_term: StrictBool = False
    unknown: StrictBool = False

    @model_validator(mode="after")
    def _ordered(self) -> Recovery:
        if self.unknown:
            if self.min_weeks is not None or self.max_weeks is not None or self.long_term:
                raise ValueError("with unknown: true, give no min_weeks, max_weeks or long_term")
            return self
        if self.min_weeks is None or self.max_weeks is None:
            raise ValueError("give min_weeks and max_weeks, or unknown: true where no source gives a usual time")
        if self.min_weeks > self.max_weeks:
            raise ValueError("min_weeks must not be larger than max_weeks")
        return self


class ClinicalReview(Strict):
    """Never invent a reviewer: `reviewed` needs a real, named clinician and a date."""

    status: Literal["awaiting", "reviewed"]
    reviewer: Text | None = None
    credentials: Text | None = None
    date: dt.date | None = None

    @model_validator(mode="after")
    def _reviewer_only_when_reviewed(self) -> ClinicalReview:
        if self.status == "reviewed" and not (self.reviewer and self.credentials and self.date):
            raise ValueError("status 'reviewed' needs the reviewer's name, credentials and date")
        if self.status == "awaiting" and (self.reviewer or self.credentials or self.date):
            raise ValueError("status 'awaiting' must not name a reviewer")
        return self


class TodayCard(Strict):
    """The "run, modify or stop today" card at the top of a condition page.

    Each tier is a list of short signs a runner can recognise (never instructions), which may
    cite sources like the body does. The stop tier is not written here: the build fills it from
    the warning-sign registry. An urgent condition has neither list: its card says that running
    stops until a clinician has checked it.
    """

    keep_running: list[Text] = []  # keep running, with these changes, if...
    ease_off: list[Text] = []  # cut back or switch to cross-training if...

    def text(self) -> str:
        return "\n".join([*self.keep_running, *self.ease_off])


class ConditionMeta(ReviewedMeta):
    aka: list[Text] = []
    regions: list[RegionId] = Field(min_length=1)
    symptoms: SymptomMarks
    onset: Onset
    urgency: Urgency
    recovery: Recovery
    differentials: list[Slug] = []
    warning_signs: list[Slug] = []  # ids from the registry; its universal signs are added by the build
    ladder: Ladder  # which return-to-running ladder fits this kind of injury
    sources: list[SourceKey] = Field(min_length=1)
    next_review: dt.date  # type: ignore[assignment]
    clinical_review: ClinicalReview
    today: TodayCard = TodayCard()
    # Age groups in which this condition is mainly found, as the page says with a source: the
    # finder ranks it higher for a runner who says they are in one (see /finder/).
    ages: list[AgeGroup] = []


def next_review_due(meta: object) -> dt.date | None:
    """A page's next review date: as written, or three years after the last review."""
    reviewed = getattr(meta, "reviewed", None)
    if reviewed is None:
        return None
    return getattr(meta, "next_review", None) or add_years(reviewed, MAX_REVIEW_INTERVAL_YEARS)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
