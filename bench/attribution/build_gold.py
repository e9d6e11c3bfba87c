"""Writes gold.jsonl, the attribution development set, from the paragraphs and triples below.

Why a builder: offsets counted by hand go wrong, so each paragraph's text is written first and each
span is named by the words it covers; the helper finds them and turns them into code-point offsets
(end exclusive). A plain string must occur exactly once in its paragraph; ``(words, n)`` names the
n-th occurrence (1-based). tests/bench/test_score_attributions.py checks that gold.jsonl is what
this script writes, so the two cannot drift apart.

Every paragraph, name, place and organisation is invented. The annotation convention is issue 9's
(PolNeAR/PARC style), summarised in docs/suggestions.md "Development set and scoring".

Run: ``python bench/attribution/build_gold.py`` (rewrites gold.jsonl next to this file).
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD_PATH = Path(__file__).with_name("gold.jsonl")

Words = str | tuple[str, int]


def A(source: list[Words], cue: Words, content: list[Words], entity: str | None = None) -> dict:
    """One attribution as the words of its spans: sources (may be empty), one cue, contents."""
    return {"source": source, "cue": cue, "content": content, "source_entity": entity}


# (text, attributions). Paragraphs with no attributions are the negative cases.
PARAGRAPHS: list[tuple[str, list[dict]]] = [
    (
        'HARWELL, March 3 – "We will not close a single school this year," Mayor Lena Vostrikova '
        "told reporters on Monday. Her deputy, Aurel Benko, said the budget gap would be covered "
        "by a one-off transfer from the harbour fund.",
        [
            A(
                ["Mayor Lena Vostrikova"],
                "told reporters",
                ['"We will not close a single school this year,"'],
                "Lena Vostrikova",
            ),
            A(
                ["Her deputy, Aurel Benko"],
                "said",
                ["the budget gap would be covered by a one-off transfer from the harbour fund"],
                "Aurel Benko",
            ),
        ],
    ),
    (
        "The Orvane Mining Company said on Tuesday that it would suspend operations at its Kestrel "
        "Ridge pit after a second landslide in a month. According to the regional emergency "
        "service, four workers were treated for minor injuries.",
        [
            A(
                ["The Orvane Mining Company"],
                "said",
                [
                    "that it would suspend operations at its Kestrel Ridge pit after a second "
                    "landslide in a month"
                ],
                "Orvane Mining Company",
            ),
            A(
                ["the regional emergency service"],
                "According to",
                ["four workers were treated for minor injuries"],
            ),
        ],
    ),
    (
        '"The bridge is structurally sound," said Priya Halloran, the county\'s chief engineer, '
        '"but the approach road will need to be rebuilt before winter." She said repairs would '
        "cost about 3 million dollars.",
        [
            A(
                ["Priya Halloran, the county's chief engineer"],
                ("said", 1),
                [
                    '"The bridge is structurally sound,"',
                    '"but the approach road will need to be rebuilt before winter."',
                ],
                "Priya Halloran",
            ),
            A(
                ["She"],
                ("said", 2),
                ["repairs would cost about 3 million dollars"],
                "Priya Halloran",
            ),
        ],
    ),
    (
        'Opposition leader Dario Ferrante said the reform was "a gift to landlords dressed up as '
        'housing policy" and promised to fight it in parliament.',
        [
            A(
                ["Opposition leader Dario Ferrante"],
                "said",
                ['the reform was "a gift to landlords dressed up as housing policy"'],
                "Dario Ferrante",
            ),
            A(
                ["Opposition leader Dario Ferrante"],
                "promised to",
                ["fight it in parliament"],
                "Dario Ferrante",
            ),
        ],
    ),
    (
        'Harbourmaster Jonas Ruud was blunt: "No ship enters Calvera harbour until the oil is '
        'contained." Clean-up crews worked through the night.',
        [
            A(
                ["Harbourmaster Jonas Ruud"],
                ":",
                ['"No ship enters Calvera harbour until the oil is contained."'],
                "Jonas Ruud",
            )
        ],
    ),
    (
        "Police in Brannock arrested three men after Saturday's clashes but did not say what "
        "charges they would face. A spokeswoman declined to comment on reports that a fourth "
        "suspect had fled abroad.",
        [
            A(["Police in Brannock"], "did not say", ["what charges they would face"]),
            A(
                ["A spokeswoman"],
                "declined to comment",
                ["on reports that a fourth suspect had fled abroad"],
            ),
        ],
    ),
    (
        "The Treasury declined to say whether the new bond would be sold to foreign investors. "
        "Finance Minister Oskar Lindqvist has repeatedly denied that the country faces a funding "
        "shortfall.",
        [
            A(
                ["The Treasury"],
                "declined to say",
                ["whether the new bond would be sold to foreign investors"],
                "Treasury",
            ),
            A(
                ["Finance Minister Oskar Lindqvist"],
                "has repeatedly denied",
                ["that the country faces a funding shortfall"],
                "Oskar Lindqvist",
            ),
        ],
    ),
    (
        '"The wells are dry. The cattle are gone. If the rains fail again in April, we are '
        'finished," said Tomas Ekwueme, who farms 40 hectares outside Lubaro.',
        [
            A(
                ["Tomas Ekwueme, who farms 40 hectares outside Lubaro"],
                "said",
                [
                    '"The wells are dry. The cattle are gone. If the rains fail again in April, '
                    'we are finished,"'
                ],
                "Tomas Ekwueme",
            )
        ],
    ),
    (
        "Union organiser Mirela Dobos said the strike would continue until the company restored "
        'the night-shift bonus. "We have been patient for two years. Patience has not paid '
        "anyone's rent.\"",
        [
            A(
                ["Union organiser Mirela Dobos"],
                "said",
                [
                    "the strike would continue until the company restored the night-shift bonus",
                    '"We have been patient for two years. Patience has not paid anyone\'s rent."',
                ],
                "Mirela Dobos",
            )
        ],
    ),
    (
        "The Ministry of Transport plans to close the old Selk Valley rail line by 2028, and "
        "Transport Minister Hanne Varga believes a bus service can replace it at half the cost.",
        [
            A(
                ["The Ministry of Transport"],
                "plans to",
                ["close the old Selk Valley rail line by 2028"],
                "Ministry of Transport",
            ),
            A(
                ["Transport Minister Hanne Varga"],
                "believes",
                ["a bus service can replace it at half the cost"],
                "Hanne Varga",
            ),
        ],
    ),
    (
        "The Corvin Health Trust published its annual survey on Wednesday. The survey shows that "
        "nearly half of the region's rural clinics lack a reliable water supply. It also found "
        "that waiting times for surgery had doubled since 2021.",
        [
            A(
                ["The survey"],
                "shows",
                ["that nearly half of the region's rural clinics lack a reliable water supply"],
            ),
            A(["It"], "also found", ["that waiting times for surgery had doubled since 2021"]),
        ],
    ),
    (
        "It was announced on Thursday that the Dunmore steelworks would close in June, with the "
        "loss of 1,200 jobs. The plant's owner is reported to be in talks with two buyers.",
        [
            A(
                [],
                "was announced",
                ["that the Dunmore steelworks would close in June, with the loss of 1,200 jobs"],
            ),
            A([], "is reported", ["The plant's owner", "to be in talks with two buyers"]),
        ],
    ),
    (
        "The fugitive banker Elias Marchetti reportedly left Vessa on a private jet late on "
        "Sunday. Border police said they had no record of his departure.",
        [
            A(
                [],
                "reportedly",
                [
                    "The fugitive banker Elias Marchetti",
                    "left Vessa on a private jet late on Sunday",
                ],
            ),
            A(["Border police"], "said", ["they had no record of his departure"]),
        ],
    ),
    (
        "Lawyers for both sides inspected the said document in a sealed room on Friday. The "
        "archive has been closed to the public since a fire in 2019.",
        [],
    ),
    (
        "Members of a group called the Red Lantern Collective occupied the lobby of the Halvorsen "
        "Bank for three hours on Tuesday before leaving peacefully.",
        [],
    ),
    (
        "The regime agreed to a ceasefire in the northern province on Sunday, and the first aid "
        "convoy crossed the Ashur bridge shortly after dawn.",
        [],
    ),
    (
        "It has rained every day in Port Sellick since the start of the month, and it is unclear "
        "when the coastal road will reopen.",
        [],
    ),
    (
        "Construction of the new ferry terminal, part of a plan announced last year, began on "
        "Monday with the demolition of two warehouses. The so-called green corridor through the "
        "old town opened to cyclists on Saturday.",
        [],
    ),
    (
        "Organisers called off the Varn marathon on Sunday because of flooding along the river "
        "route. Talks between the two ministries ended without a date for a further meeting.",
        [],
    ),
    (
        "All told, the storm destroyed 300 homes and damaged more than 2,000 across the valley.",
        [],
    ),
    (
        "Kessling Athletic claimed their third league title in four years with a 2-0 win over "
        "Marrow Town on Saturday.",
        [],
    ),
    (
        "The sources of the river lie in the Tarn hills, where snowfall was light this winter. "
        "Fishing boats were moored along the lower reaches.",
        [],
    ),
    (
        "The walkout was organised by Anya Roslin, a nurse at St Brigid's Hospital, who told "
        'reporters that staff had "run out of ways to say no."',
        [
            A(
                ["who"],
                "told reporters",
                ['that staff had "run out of ways to say no."'],
                "Anya Roslin",
            )
        ],
    ),
    (
        '"Not one more cut to the night buses." – Councillor Beatrix Oyelaran, speaking at '
        "Thursday's transport committee.",
        [
            A(
                ["Councillor Beatrix Oyelaran"],
                "–",
                ['"Not one more cut to the night buses."'],
                "Beatrix Oyelaran",
            )
        ],
    ),
    (
        "Senator Ruth Amadi said that the governor had privately told her the budget was "
        '"finished and final".',
        [
            A(
                ["Senator Ruth Amadi"],
                "said",
                ['that the governor had privately told her the budget was "finished and final"'],
                "Ruth Amadi",
            )
        ],
    ),
    (
        "On Friday the Meteorological Office warned that gale-force winds would hit the Ardent "
        "coast overnight and urged residents to stay indoors.",
        [
            A(
                ["the Meteorological Office"],
                "warned",
                ["that gale-force winds would hit the Ardent coast overnight"],
                "Meteorological Office",
            ),
            A(
                ["the Meteorological Office"],
                "urged",
                ["residents to stay indoors"],
                "Meteorological Office",
            ),
        ],
    ),
    (
        "Velora Airlines confirmed in a statement that one of its aircraft had been struck by "
        "lightning shortly after take-off from Marrak. No one was hurt, the airline added.",
        [
            A(
                ["Velora Airlines"],
                "confirmed in a statement",
                [
                    "that one of its aircraft had been struck by lightning shortly after "
                    "take-off from Marrak"
                ],
                "Velora Airlines",
            ),
            A(["the airline"], "added", ["No one was hurt"], "Velora Airlines"),
        ],
    ),
    (
        '"Proud of every volunteer who filled a sandbag tonight," Governor Ilse Maarten wrote on '
        "social media late on Tuesday.",
        [
            A(
                ["Governor Ilse Maarten"],
                "wrote on social media",
                ['"Proud of every volunteer who filled a sandbag tonight,"'],
                "Ilse Maarten",
            )
        ],
    ),
    (
        "The World Grain Council estimates that the harvest in the Teska basin will fall by a "
        'fifth this year. Its chairman, Piet Okonjo, acknowledged that the forecast was "more '
        'art than science" in a drought year.',
        [
            A(
                ["The World Grain Council"],
                "estimates",
                ["that the harvest in the Teska basin will fall by a fifth this year"],
                "World Grain Council",
            ),
            A(
                ["Its chairman, Piet Okonjo"],
                "acknowledged",
                ['that the forecast was "more art than science" in a drought year'],
                "Piet Okonjo",
            ),
        ],
    ),
    (
        'Coach Raul Szabo insisted his team had not given up on the title. "We have eight games '
        'left and nothing to lose," he said after the match.',
        [
            A(
                ["Coach Raul Szabo"],
                "insisted",
                ["his team had not given up on the title"],
                "Raul Szabo",
            ),
            A(
                ["he"],
                "said",
                ['"We have eight games left and nothing to lose,"'],
                "Raul Szabo",
            ),
        ],
    ),
    (
        "An official source at the Interior Ministry said at least 14 people had been detained "
        "overnight in Korsa.",
        [
            A(
                ["An official source at the Interior Ministry"],
                "said",
                ["at least 14 people had been detained overnight in Korsa"],
            )
        ],
    ),
    (
        "Inflation eased to 4.1 percent in May, according to the Statistics Bureau of Nadra.",
        [
            A(
                ["the Statistics Bureau of Nadra"],
                "according to",
                ["Inflation eased to 4.1 percent in May"],
                "Statistics Bureau of Nadra",
            )
        ],
    ),
    (
        "The Lantra Monitor for Civil Rights, a watchdog based in Geneva, said 31 people were "
        "killed in shelling on the town of Qasira. The monitor said the toll was likely to rise.",
        [
            A(
                ["The Lantra Monitor for Civil Rights, a watchdog based in Geneva"],
                ("said", 1),
                ["31 people were killed in shelling on the town of Qasira"],
                "Lantra Monitor for Civil Rights",
            ),
            A(
                ["The monitor"],
                ("said", 2),
                ["the toll was likely to rise"],
                "Lantra Monitor for Civil Rights",
            ),
        ],
    ),
    (
        "Rights groups called for an independent inquiry into the deaths. The Nadiri government "
        "has denied targeting civilians.",
        [
            A(["Rights groups"], "called for", ["an independent inquiry into the deaths"]),
            A(["The Nadiri government"], "has denied", ["targeting civilians"]),
        ],
    ),
    (
        "Shareholders want the board to explain the 40 million euro write-down, and analysts at "
        "Brackwater Capital expect a further loss in the third quarter.",
        [
            A(["Shareholders"], "want", ["the board to explain the 40 million euro write-down"]),
            A(
                ["analysts at Brackwater Capital"],
                "expect",
                ["a further loss in the third quarter"],
            ),
        ],
    ),
    (
        'In a speech to graduates, Chancellor Mireille Duvant said: "You are inheriting a world '
        "that is hotter, louder and more divided than the one I was given. Do not accept it as "
        'it is."',
        [
            A(
                ["Chancellor Mireille Duvant"],
                "said",
                [
                    '"You are inheriting a world that is hotter, louder and more divided than the '
                    'one I was given. Do not accept it as it is."'
                ],
                "Mireille Duvant",
            )
        ],
    ),
    (
        '"The fire started in the kitchen," fire chief Ole Brandt said, adding that the '
        "building's alarms had been disabled.",
        [
            A(
                ["fire chief Ole Brandt"],
                "said",
                ['"The fire started in the kitchen,"'],
                "Ole Brandt",
            ),
            A(
                ["fire chief Ole Brandt"],
                "adding",
                ["that the building's alarms had been disabled"],
                "Ole Brandt",
            ),
        ],
    ),
    (
        "The defence minister, Karel Voss, told reporters the army would withdraw from the border "
        "villages within a week.",
        [
            A(
                ["The defence minister, Karel Voss"],
                "told reporters",
                ["the army would withdraw from the border villages within a week"],
                "Karel Voss",
            )
        ],
    ),
    (
        "Lawyers for the Meridian Port Authority argued that the contract had never been valid. "
        "The judge, Sandra Okafor, will rule next month. The hearing was adjourned at noon.",
        [
            A(
                ["Lawyers for the Meridian Port Authority"],
                "argued",
                ["that the contract had never been valid"],
            )
        ],
    ),
    (
        "The audit revealed that 2.3 million dollars in grants had been paid to companies that did "
        "not exist. Auditor-General Fenna Kowalczyk noted that most of the payments were approved "
        "in a single week.",
        [
            A(
                ["The audit"],
                "revealed",
                [
                    "that 2.3 million dollars in grants had been paid to companies that did not exist"
                ],
            ),
            A(
                ["Auditor-General Fenna Kowalczyk"],
                "noted",
                ["that most of the payments were approved in a single week"],
                "Fenna Kowalczyk",
            ),
        ],
    ),
    (
        'Farmer Amina Tesfaye led the march on the ministry. "We are not asking for charity," she '
        'said. "We are asking for the money we were promised."',
        [
            A(
                ["she"],
                "said",
                [
                    '"We are not asking for charity,"',
                    '"We are asking for the money we were promised."',
                ],
                "Amina Tesfaye",
            )
        ],
    ),
    (
        "In the view of central bank governor Lukas Hedlund, the currency is undervalued by at "
        "least 10 percent.",
        [
            A(
                ["central bank governor Lukas Hedlund"],
                "In the view of",
                ["the currency is undervalued by at least 10 percent"],
                "Lukas Hedlund",
            )
        ],
    ),
    (
        "“This is a dark day for Ostrava Bay,” environment minister Jana Pelc tweeted on Monday "
        "after the tanker ran aground.",
        [
            A(
                ["environment minister Jana Pelc"],
                "tweeted",
                ["“This is a dark day for Ostrava Bay,”"],
                "Jana Pelc",
            )
        ],
    ),
    (
        "Residents of Birkfeld said they heard three loud explosions shortly before midnight.",
        [
            A(
                ["Residents of Birkfeld"],
                "said",
                ["they heard three loud explosions shortly before midnight"],
            )
        ],
    ),
    (
        "Energy Minister Tobias Wren did not deny that the pipeline contract had been awarded "
        "without a tender.",
        [
            A(
                ["Energy Minister Tobias Wren"],
                "did not deny",
                ["that the pipeline contract had been awarded without a tender"],
                "Tobias Wren",
            )
        ],
    ),
    (
        "Kaspar Lind, the club's owner, was quoted as saying the stadium would be sold before the "
        "end of the season.",
        [
            A(
                ["Kaspar Lind, the club's owner"],
                "was quoted as saying",
                ["the stadium would be sold before the end of the season"],
                "Kaspar Lind",
            )
        ],
    ),
    (
        "The ceasefire agreed in March has largely held, and the town's market reopened on "
        "Thursday for the first time in a year. Shops called Hamid's and The Blue Door were among "
        "the first to open.",
        [],
    ),
]


def locate(text: str, words: Words) -> list[int]:
    """The [start, end) code-point span of ``words`` in ``text``: unique, or the n-th if given."""
    phrase, nth = (words, 0) if isinstance(words, str) else words
    # Whole words only: "he" must not be found inside "the".
    starts = [
        at
        for at in range(len(text))
        if text.startswith(phrase, at)
        and not (phrase[0].isalnum() and at > 0 and text[at - 1].isalnum())
        and not (
            phrase[-1].isalnum()
            and at + len(phrase) < len(text)
            and text[at + len(phrase)].isalnum()
        )
    ]
    if not starts:
        raise ValueError(f"{phrase!r} not in {text[:60]!r}")
    if nth == 0 and len(starts) != 1:
        raise ValueError(f"{phrase!r} occurs {len(starts)} times in {text[:60]!r}: give (words, n)")
    start = starts[max(nth - 1, 0)]
    return [start, start + len(phrase)]


def build() -> list[dict]:
    """The gold records, numbered g001… in the order written above."""
    records = []
    for number, (text, attributions) in enumerate(PARAGRAPHS, start=1):
        records.append(
            {
                "doc": f"g{number:03d}",
                "text": text,
                "attributions": [
                    {
                        "source": [locate(text, w) for w in a["source"]],
                        "cue": [locate(text, a["cue"])],
                        "content": [locate(text, w) for w in a["content"]],
                        "source_entity": a["source_entity"],
                    }
                    for a in attributions
                ],
            }
        )
    return records


def render(records: list[dict]) -> str:
    """JSON Lines, one paragraph per line, non-ASCII kept readable."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


if __name__ == "__main__":
    GOLD_PATH.write_text(render(build()), encoding="utf-8")
    print(f"wrote {GOLD_PATH}")
