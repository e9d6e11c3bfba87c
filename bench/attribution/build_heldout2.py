"""Writes heldout2.jsonl, a second, independent held-out attribution set: invented full articles.

Why a second set: heldout.jsonl has been looked at while the engine was developed, so it no longer
shows how the engine does on unseen text. This set was written later by another annotator who did
not read the engine, its tests, gold.jsonl or heldout.jsonl's articles; it followed issue 9's "What
an attribution is" and the convention decisions in HELDOUT.md, so the two sets agree. It is for
measuring, never for tuning. HELDOUT2.md next to this file gives the styles, the extra decisions
and the counts.

Why it is long: it is data, 17 articles of 1,500-4,500 characters with their triples.

How spans are named and checked: exactly as in build_heldout.py, whose helpers are reused here
(``A``, ``locate`` with ``{}`` context, the span and article checks, ``render``): a span is named by
its words, unique in the article, ``(words, n)`` for the n-th occurrence, or inside a unique
context with braces (``"Hale {said} with"``). The builder raises on the first bad span.

Every article, name, place and organisation is invented; no real article text is used.

Run: ``python bench/attribution/build_heldout2.py`` (rewrites heldout2.jsonl next to this file).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
HELDOUT2_PATH = HERE / "heldout2.jsonl"


def _load_heldout_builder() -> ModuleType:
    """A private copy of build_heldout.py, for its helpers (bench/ is no package, so it is loaded
    from its file). It is a fresh module object, so giving it this set's articles below leaves any
    other importer of build_heldout.py untouched."""
    spec = importlib.util.spec_from_file_location("build_heldout_for_set2", HERE / "build_heldout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_helpers = _load_heldout_builder()
A = _helpers.A
locate = _helpers.locate
render = _helpers.render


def build() -> list[dict]:
    """This set's records in the order written below, every span checked by the shared builder."""
    _helpers.ARTICLES = ARTICLES
    return _helpers.build()


# (doc, text, attributions). One paragraph a line, blank lines between; the first line is a
# headline. Leading and trailing newlines are dropped.
ARTICLES: list[tuple[str, str, list[dict]]] = [
    (
        "hb01",
        """
Okafor says Brandt "sold out" farmers as Senate race tightens

GRENVILLE FALLS, Sept. 14 - Standing on a hay wagon outside a grain elevator in Tully County, state Treasurer Nadia Okafor told a crowd of about 300 farmers on Saturday that her opponent had "sold them out for a photo op" when he voted for last year's tariff package.

"Every one of you paid for that vote," Okafor said, jabbing a finger toward the elevator. "Ted Brandt got the applause in the Senate chamber. You got the bill."

Brandt, a two-term senator who has held the seat since 2013, was campaigning 200 miles away in Port Adair. "Nadia Okafor has never met a farm program she could explain," he said in a statement released by his campaign an hour later.

His spokesman, Curtis Velde, said the senator had secured more than $400 million in relief payments for the state's growers since the tariffs took effect, and accused Okafor of "rewriting history for a headline."

The race, which Brandt won by 14 points six years ago, has narrowed sharply over the summer. A Halvorsen College poll released Thursday showed Okafor trailing by just two points among likely voters. The gap is within the survey's margin of error. Three months ago she was eleven points behind.

Asked by reporters whether she would accept Brandt's challenge to four televised debates, Okafor said she would "debate him in every barn in the state" but had not agreed to any dates.

Okafor's campaign manager, Lise Marchetti, said internal polling showed the treasurer gaining among suburban women around Port Adair, a group that backed Brandt by double digits in the last election. "They are the whole ballgame," Marchetti said.

Not everyone in the crowd was persuaded. Walt Ferris, who grows soybeans on 900 acres near Tully, said he had voted for Brandt twice and was "leaning that way again," though he called the tariffs "a gut punch."

"I don't need a senator who agrees with me on everything," Ferris said. "I need one who picks up the phone."

The Brandt campaign plans to air its first television advertisement of the general election next week, according to a filing with the county elections board. The ad, a 30-second spot titled "Roots," will run in all four of the state's media markets.
""",
        [
            A([("Okafor", 1)], "Okafor {says}", ['Brandt "sold out" farmers'], "Nadia Okafor"),
            A(
                ["state Treasurer Nadia Okafor"],
                "told a crowd of about 300 farmers",
                [
                    'that her opponent had "sold them out for a photo op" when he voted for last '
                    "year's tariff package"
                ],
                "Nadia Okafor",
            ),
            A(
                ["{Okafor} said, jabbing"],
                "Okafor {said}, jabbing",
                [
                    '"Every one of you paid for that vote,"',
                    '"Ted Brandt got the applause in the Senate chamber. You got the bill."',
                ],
                "Nadia Okafor",
            ),
            A(
                ["{he} said in a statement"],
                "said in a statement",
                ['"Nadia Okafor has never met a farm program she could explain,"'],
                "Ted Brandt",
            ),
            A(
                ["His spokesman, Curtis Velde"],
                "Velde, {said}",
                [
                    "the senator had secured more than $400 million in relief payments for the "
                    "state's growers since the tariffs took effect"
                ],
                "Curtis Velde",
            ),
            A(
                ["His spokesman, Curtis Velde"],
                "accused",
                ['Okafor of "rewriting history for a headline."'],
                "Curtis Velde",
            ),
            A(
                ["A Halvorsen College poll released Thursday"],
                "Thursday {showed}",
                ["Okafor trailing by just two points among likely voters"],
                "Halvorsen College",
            ),
            A(
                ["reporters"],
                "Asked",
                ["whether she would accept Brandt's challenge to four televised debates"],
            ),
            A(
                ["debates, {Okafor} said"],
                "debates, Okafor {said}",
                ['she would "debate him in every barn in the state" but had not agreed to any dates'],
                "Nadia Okafor",
            ),
            A(
                ["Okafor's campaign manager, Lise Marchetti"],
                "Marchetti, {said}",
                [
                    "internal polling showed the treasurer gaining among suburban women around Port "
                    "Adair, a group that backed Brandt by double digits in the last election"
                ],
                "Lise Marchetti",
            ),
            A(
                ['," {Marchetti} said'],
                '," Marchetti {said}',
                ['"They are the whole ballgame,"'],
                "Lise Marchetti",
            ),
            A(
                ["Walt Ferris, who grows soybeans on 900 acres near Tully"],
                "Tully, {said}",
                ['he had voted for Brandt twice and was "leaning that way again,"'],
                "Walt Ferris",
            ),
            A(
                ["though {he} called"],
                "called",
                ['the tariffs "a gut punch."'],
                "Walt Ferris",
            ),
            A(
                ["{Ferris} said. \"I need"],
                "Ferris {said}. \"I need",
                [
                    '"I don\'t need a senator who agrees with me on everything,"',
                    '"I need one who picks up the phone."',
                ],
                "Walt Ferris",
            ),
            A(
                ["a filing with the county elections board"],
                "according to",
                [
                    "The Brandt campaign plans to air its first television advertisement of the "
                    "general election next week"
                ],
            ),
        ],
    ),
    # (articles above this line)
]


if __name__ == "__main__":
    HELDOUT2_PATH.write_text(render(build()), encoding="utf-8")
    print(f"wrote {HELDOUT2_PATH}")
