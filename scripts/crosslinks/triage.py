"""Warning signs, rendered from the registry (`docs/_data/warning-signs.yml`) and nowhere else.

Every place the site states a warning sign comes through here: the warning box on any page, the
stop tier of a condition's "run, modify or stop today" card, a sign's own page under
/symptoms/, the all-signs page and the JSON the finder reads. Each sign is written with its
registry wording and sits under its tier's action, word for word; the HTML marks each sign with
`data-sign` and `data-tier`, and each tier's action with `data-tier-action`, so tests can check
that a sign says the same thing, at the same urgency, everywhere.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from itertools import groupby

from .escape import md_escape
from .graph import Graph
from .model import WarningSign, WarningTier
from .paths import (  # each sign has its page beside the symptoms (its address was public before the registry)
    WHEN_TO_SEE_A_DOCTOR,
    symptom_src,
)
from .wording import in_sentence

LinkTo = Callable[[str], str]  # docs/ path -> relative link from the page being rendered


def tier_action_html(tier: WarningTier, tag: str = "p") -> str:
    """The tier's fixed wording: its name and heading, then its action, exactly as registered."""
    return (
        f'<{tag} class="rh-warnings__action" data-tier-action="{tier.id}">'
        f"<strong>{html.escape(tier.title)}.</strong> {html.escape(tier.action)}</{tag}>"
    )


def sign_item(sign: WarningSign, link_to: LinkTo, cite: bool = True, why: bool = False) -> str:
    """One sign as a Markdown list item: its label linked to its page, its caution, why it
    matters (on the all-signs page) and its sources."""
    label = f'[{md_escape(sign.label)}]({link_to(symptom_src(sign.id))}){{: data-sign="{sign.id}" data-tier="{sign.tier}" }}'
    caution = f" *{md_escape(sign.never_test)}*" if sign.never_test else ""
    reason = f" Why: {md_escape(sign.why)}" if why else ""
    sources = f" [{'; '.join('@' + key for key in sign.sources)}]" if cite else ""
    return f"- {label}.{caution}{reason}{sources}"


def _by_tier(graph: Graph, signs: Iterable[WarningSign]) -> list[tuple[WarningTier, list[WarningSign]]]:
    return [(graph.tiers[tier], list(group)) for tier, group in groupby(signs, key=lambda s: s.tier)]


def _group(opening: str, tier: WarningTier, items: Iterable[str], title: str = "") -> list[str]:
    """One tier's group: its `data-tier-group` element, its action, then its signs."""
    return [opening, *([title] if title else []), "", tier_action_html(tier), "", *items, "", "</div>", ""]


def tier_groups(graph: Graph, signs: Iterable[WarningSign], link_to: LinkTo, cite: bool = True) -> str:
    """Signs grouped under their tiers' actions, most urgent first."""
    parts = []
    for tier, group in _by_tier(graph, signs):
        opening = f'<div class="rh-warnings__tier rh-warnings__tier--{tier.id}" data-tier-group="{tier.id}" markdown>'
        parts += _group(opening, tier, (sign_item(s, link_to, cite) for s in group))
    return "\n".join(parts)


WARNING_BOX_ANCHOR = "warning-signs"  # a condition page's box, right under its card


def warning_box(graph: Graph, signs: list[WarningSign], link_to: LinkTo, anchor: str = "") -> str:
    """The warning box: every sign that applies, under its tier's action, and a link to them all."""
    id_attribute = f' id="{anchor}"' if anchor else ""
    lines = [
        # left out of the search index (Material's data-search-exclude): the same signs on dozens
        # of pages would crowd out the pages a search is for; their own pages stay searchable
        f'<div class="admonition danger rh-warnings"{id_attribute} data-search-exclude="" markdown>',
        '<p class="admonition-title">Warning signs: when not to wait</p>',
        "",
        tier_groups(graph, signs, link_to),
    ]
    if graph.has_page(WHEN_TO_SEE_A_DOCTOR):
        lines += [f"[Every warning sign, and where to go]({link_to(WHEN_TO_SEE_A_DOCTOR)})", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def card_stop_tier(graph: Graph, urgent: bool, title: str) -> list[str]:
    """The card's stop column. Its signs are the warning box's, which comes right after the card
    (issue 16: card and box on a phone's first screens, each sign written once per page)."""
    pointer = f"[warning signs in the box just below](#{WARNING_BOX_ANCHOR})"
    lines = ['<div class="rh-tier rh-tier--stop" data-search-exclude="" markdown>', ""]
    if urgent:
        lines += [
            f"**Stop running now.** Running stops until a clinician has checked you for {md_escape(in_sentence(title))}, "
            "and starts again only when they say so.",
            "",
            tier_action_html(graph.tiers["urgent"]),
            "",
            f"**Whatever you decide, act on the {pointer}.**",
            "",
        ]
    else:
        lines += [f"**Stop running and get help if** you have any of the {pointer}.", ""]
    lines += ["</div>", ""]
    return lines


def warning_pointer() -> str:
    """What "When to see a doctor" says on a condition page, where the box used to be."""
    return (
        f"Stop running and get help if you have any of the [warning signs near the top of this page](#{WARNING_BOX_ANCHOR}). "
        "The box says how fast to act on each one.\n"
    )


def all_signs_by_tier(graph: Graph, link_to: LinkTo) -> str:
    """`/self-care/when-to-see-a-doctor/`: one section per tier, most urgent first, each sign
    with why it matters and, where sources differ, how its tier was chosen."""
    parts = []
    for tier, group in _by_tier(graph, graph.signs.values()):
        parts += [f"## {tier.title} {{#{tier.id}}}", ""]
        parts += _group(
            f'<div class="admonition danger rh-warnings" data-tier-group="{tier.id}" markdown>',
            tier,
            (sign_item(s, link_to, why=True) for s in group),
            f'<p class="admonition-title">{html.escape(tier.title)}</p>',
        )
    return "\n".join(parts)


def sign_page(graph: Graph, sign: WarningSign, link_to: LinkTo, sources_html: Callable[[str], str]) -> str:
    """A sign's own page: its tier's action first, then why, the conditions and the sources."""
    tier = graph.tiers[sign.tier]
    opening = f'<div class="admonition danger rh-warnings" data-tier-group="{tier.id}" markdown>'
    parts = _group(opening, tier, [sign_item(sign, link_to, cite=False)], '<p class="admonition-title">This is a warning sign</p>')
    parts += [f"**Why it matters:** {md_escape(sign.why)}", ""]
    if sign.tier_note:
        parts += [f"**How we chose how urgent it is:** {md_escape(sign.tier_note)}", ""]
    conditions = graph.conditions_with_sign(sign.id)
    if conditions:
        which = "every condition on this site" if sign.universal else "these conditions"
        parts += ["## Conditions where it matters {#conditions}", "", f"The warning box on {which} lists this sign.", ""]
        if not sign.universal:
            parts += [f"- [{md_escape(c.title)}]({link_to(c.page.src_uri)})" for c in conditions] + [""]
    if graph.has_page(WHEN_TO_SEE_A_DOCTOR):
        parts += [f"[Every warning sign, and where to go]({link_to(WHEN_TO_SEE_A_DOCTOR)})", ""]
    parts += ['## Sources {#sources data-search-exclude=""}', "", '<ol class="rh-sources">']
    parts += [f"<li>{sources_html(key)}</li>" for key in sign.sources]
    parts += ["</ol>", ""]
    return "\n".join(parts)
