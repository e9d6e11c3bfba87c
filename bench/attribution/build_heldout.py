"""Writes heldout.jsonl, an independent held-out attribution set: invented full news articles.

Why it exists: gold.jsonl was written by the people who write the engine's rules, so a score on it
says little about text they have not seen. This set was written by a separate annotator who did
not read the engine, its tests or the gold texts; it is for measuring, never for tuning (a rule
changed to pass a case here makes the set worthless as held-out evidence). HELDOUT.md next to this
file gives the convention decisions and the counts.

Why it is long: it is data, 27 articles of 1,500-4,500 characters with their triples; splitting
it would only scatter the articles over several files.

How spans are named: by their words, never by offsets. A span is a string that must occur exactly
once (whole words) in its article, or ``(words, n)`` for the n-th occurrence. Because "said" or
"he" occur many times in a full article, a span may also be named inside a unique context with
braces: ``"Ilves {said} on Monday"`` is the span "said" in the one place where "Ilves said on
Monday" occurs. Braces never occur in the articles themselves. The builder checks every span
(the text at the offsets equals the words, spans non-empty and disjoint within an attribution,
content not ending in a stop or comma outside quotation marks) and raises on the first problem.

Every article, name, place and organisation is invented; no real article text is used.

Run: ``python bench/attribution/build_heldout.py`` (rewrites heldout.jsonl next to this file).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
HELDOUT_PATH = HERE / "heldout.jsonl"

Words = str | tuple[str, int]
QUOTES = ('"', "“", "”", "'")


def _load_gold_builder() -> ModuleType:
    """build_gold.py, for its whole-word ``locate`` and its JSON Lines ``render`` (bench/ is no
    package, so it is loaded from its file)."""
    spec = importlib.util.spec_from_file_location("build_gold", HERE / "build_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_gold = _load_gold_builder()
render = _gold.render


def A(source: list[Words], cue: Words, content: list[Words], entity: str | None = None) -> dict:
    """One attribution as the words of its spans: sources (may be empty), one cue, contents."""
    return {"source": source, "cue": cue, "content": content, "source_entity": entity}


def locate(text: str, words: Words) -> list[int]:
    """The [start, end) code-point span named by ``words``, optionally inside ``{}`` context."""
    phrase, nth = (words, 0) if isinstance(words, str) else words
    if "{" not in phrase:
        span = _gold.locate(text, words)
    else:
        before, rest = phrase.split("{", 1)
        inner, after = rest.split("}", 1)
        if not inner or "{" in after or "}" in before:
            raise ValueError(f"bad braces in {phrase!r}")
        whole = _gold.locate(text, (before + inner + after, nth) if nth else before + inner + after)
        start = whole[0] + len(before)
        span = [start, start + len(inner)]
        phrase = inner
    if text[span[0] : span[1]] != phrase:
        raise ValueError(f"span {span} is {text[span[0] : span[1]]!r}, not {phrase!r}")
    return span


def _check(doc: str, text: str, attribution: dict) -> None:
    """Raise unless the attribution's spans are well formed (see the module docstring)."""
    spans = [tuple(s) for role in ("source", "cue", "content") for s in attribution[role]]
    if len(attribution["cue"]) != 1 or not attribution["content"]:
        raise ValueError(f"{doc}: one cue and some content needed: {attribution}")
    for start, end in spans:
        piece = text[start:end]
        if not (0 <= start < end <= len(text)) or piece != piece.strip():
            raise ValueError(f"{doc}: empty or untrimmed span {piece!r}")
    ordered = sorted(spans)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if end > start:
            raise ValueError(f"{doc}: overlapping spans in {attribution}")
    for start, end in attribution["content"]:
        piece = text[start:end]
        # A quotation that runs on into the next paragraph has no closing mark: its stop is
        # inside the quotation, so it stays.
        open_quote = piece.startswith(QUOTES) and not piece.endswith(QUOTES)
        if piece.endswith((".", ",", ";", ":")) and not (open_quote and piece.endswith(".")):
            raise ValueError(f"{doc}: content ends in punctuation: {piece!r}")


def _check_article(doc: str, text: str) -> None:
    """Raise unless the article looks like one: 1,500-4,500 characters, several paragraphs."""
    if not 1500 <= len(text) <= 4500:
        raise ValueError(f"{doc}: {len(text)} characters, outside 1,500-4,500")
    if text.count("\n\n") < 3 or "{" in text or "}" in text:
        raise ValueError(f"{doc}: needs several blank-line paragraphs and no braces")


def build() -> list[dict]:
    """The held-out records in the order written below, every span checked."""
    records = []
    for doc, written, attributions in ARTICLES:
        text = written.strip("\n")
        _check_article(doc, text)
        resolved = []
        for a in attributions:
            try:
                record = {
                    "source": [locate(text, w) for w in a["source"]],
                    "cue": [locate(text, a["cue"])],
                    "content": [locate(text, w) for w in a["content"]],
                    "source_entity": a["source_entity"],
                }
            except ValueError as error:
                raise ValueError(f"{doc}: {error}") from error
            _check(doc, text, record)
            resolved.append(record)
        records.append({"doc": doc, "text": text, "attributions": resolved})
    docs = [r["doc"] for r in records]
    if len(set(docs)) != len(docs):
        raise ValueError("duplicate doc ids")
    return records


# (doc, text, attributions). Each article is one paragraph a line, blank lines between them;
# the first line of most articles is a headline. Leading and trailing newlines are dropped.
ARTICLES: list[tuple[str, str, list[dict]]] = [
    (
        "ho01",
        """
Shelling kills nine civilians in Qaderin province, monitor says

ALSARIN, Oct 12 (Meridian Wire) - Artillery fire killed at least nine civilians, including four children, in villages south of Qaderin on Saturday, the Levant Watch for Civil Rights said, in one of the deadliest days in the province since a truce was declared in the spring.

The Lisbury-based monitor, which relies on a network of sources on the ground, said government forces had shelled the villages of Tell Hamra and Umm Sijn from positions near the provincial capital. It said rebel fighters had fired rockets at an army post overnight, wounding two soldiers.

"The villagers were asleep when the first shells hit. Most of the dead were pulled from the rubble of a single house," Watch director Samir Haddou told Meridian Wire by telephone.

There was no immediate comment from the army. The state news agency SANAR, citing a military source, said troops had responded to "terrorist attacks" on their positions and denied targeting residential areas.

The truce, brokered by Tervania and Merrow in April, has frayed in recent weeks. According to the Inter-Regional Relief Office, more than 30,000 people have fled the southern countryside since August, most of them to camps near the border.

Aid workers in the camps say supplies of clean water are running low. "We are receiving families every day, and we have nothing left to give them," said Leila Mansour, who coordinates the relief effort for the charity Hands Across, adding that a cholera outbreak was "only a matter of time."

Qaderin, a farming region of about 1.2 million people before the war, has changed hands several times. Much of its infrastructure, including the main pumping station on the Sarif river, lies in ruins.

A spokesman for the Tervanian foreign ministry said on Sunday that the mediators were "deeply concerned" and called on all sides to respect the truce. He did not say whether a new round of talks, called off last month, would be rescheduled.
""",
        [
            A(
                ["{monitor} says"],
                "says",
                ["Shelling kills nine civilians in Qaderin province"],
                "Levant Watch for Civil Rights",
            ),
            A(
                ["the Levant Watch for Civil Rights"],
                "Rights {said}, in one",
                [
                    "Artillery fire killed at least nine civilians, including four children, in villages south of Qaderin on Saturday"
                ],
                "Levant Watch for Civil Rights",
            ),
            A(
                ["The Lisbury-based monitor, which relies on a network of sources on the ground"],
                "ground, {said}",
                [
                    "government forces had shelled the villages of Tell Hamra and Umm Sijn from positions near the provincial capital"
                ],
                "Levant Watch for Civil Rights",
            ),
            A(
                ["{It} said rebel"],
                "It {said}",
                [
                    "rebel fighters had fired rockets at an army post overnight, wounding two soldiers"
                ],
                "Levant Watch for Civil Rights",
            ),
            A(
                ["Watch director Samir Haddou"],
                "told Meridian Wire",
                [
                    '"The villagers were asleep when the first shells hit. Most of the dead were pulled from the rubble of a single house,"'
                ],
                "Samir Haddou",
            ),
            A(
                ["The state news agency SANAR"],
                "source, {said}",
                ['troops had responded to "terrorist attacks" on their positions'],
                "SANAR",
            ),
            A(
                ["The state news agency SANAR"],
                "denied",
                ["targeting residential areas"],
                "SANAR",
            ),
            A(
                ["the Inter-Regional Relief Office"],
                "According to",
                [
                    "more than 30,000 people have fled the southern countryside since August, most of them to camps near the border"
                ],
                "Inter-Regional Relief Office",
            ),
            A(
                ["Aid workers in the camps"],
                "camps {say}",
                ["supplies of clean water are running low"],
            ),
            A(
                ["Leila Mansour, who coordinates the relief effort for the charity Hands Across"],
                "{said} Leila",
                ['"We are receiving families every day, and we have nothing left to give them,"'],
                "Leila Mansour",
            ),
            A(
                ["Leila Mansour, who coordinates the relief effort for the charity Hands Across"],
                "adding",
                ['that a cholera outbreak was "only a matter of time."'],
                "Leila Mansour",
            ),
            A(
                ["A spokesman for the Tervanian foreign ministry"],
                "ministry {said}",
                ['that the mediators were "deeply concerned"'],
            ),
            A(
                ["A spokesman for the Tervanian foreign ministry"],
                "called on",
                ["all sides to respect the truce"],
            ),
            A(
                ["{He} did not say"],
                "did not say",
                ["whether a new round of talks, called off last month, would be rescheduled"],
            ),
        ],
    ),
    (
        "ho02",
        """
Norvania coalition on brink as Greens reject budget deal

VESTRA, March 4 (Norpress) - Norvania's governing coalition was on the verge of collapse on Tuesday after the junior Green Alliance said it would vote against the government's budget unless spending cuts to public transport were reversed.

"We did not enter this government to close railway lines," Green Alliance leader Ingrid Solvang told reporters outside parliament. "If the finance ministry wants our votes, it knows what it has to do." Solvang plans to put the dispute to a vote of party members if no deal is reached by Friday.

Prime Minister Aksel Brekke, whose Centre Party holds 61 of the 150 seats in parliament, sought to calm the waters on Wednesday. He said negotiations would continue through the week and that he was "confident a sensible compromise can be found."

Finance Minister Petra Lunde, the architect of the budget, has insisted that the cuts are needed to bring the deficit below 3 percent of economic output next year. A ministry spokesman declined to comment on the Greens' demands.

Opinion polls suggest the coalition would lose its majority in an early election. A survey by the Tessel Institute published on Monday showed support for the Centre Party at 24 percent, down from 31 percent at the last vote.

Analysts said the Greens had little to gain from bringing down the government. "They are bluffing, but it is a dangerous bluff," said Marit Hove, a political scientist at the University of Lindholm. "If nobody blinks, the country could be heading to the polls before the summer."

Under Norvania's constitution, the president can dissolve parliament only after a failed confidence vote. No such vote has been scheduled.

The opposition Liberal People's Party, which holds 38 seats, said it would table a motion of no confidence if the budget failed. Its leader, Tomas Eide, wrote on social media that the government had "run out of road".
""",
        [
            A(
                ["the junior Green Alliance"],
                "Alliance {said}",
                [
                    "it would vote against the government's budget unless spending cuts to public transport were reversed"
                ],
                "Green Alliance",
            ),
            A(
                ["Green Alliance leader Ingrid Solvang"],
                "told reporters",
                [
                    '"We did not enter this government to close railway lines,"',
                    '"If the finance ministry wants our votes, it knows what it has to do."',
                ],
                "Ingrid Solvang",
            ),
            A(
                ["{Solvang} plans to"],
                "plans to",
                ["put the dispute to a vote of party members if no deal is reached by Friday"],
                "Ingrid Solvang",
            ),
            A(
                ["{He} said negotiations"],
                "He {said}",
                [
                    'negotiations would continue through the week and that he was "confident a sensible compromise can be found."'
                ],
                "Aksel Brekke",
            ),
            A(
                ["Finance Minister Petra Lunde, the architect of the budget"],
                "has insisted",
                [
                    "that the cuts are needed to bring the deficit below 3 percent of economic output next year"
                ],
                "Petra Lunde",
            ),
            A(["A ministry spokesman"], "declined to comment", ["on the Greens' demands"]),
            A(
                ["Opinion polls"],
                "suggest",
                ["the coalition would lose its majority in an early election"],
            ),
            A(
                ["A survey by the Tessel Institute published on Monday"],
                "showed",
                [
                    "support for the Centre Party at 24 percent, down from 31 percent at the last vote"
                ],
            ),
            A(
                ["Analysts"],
                "Analysts {said}",
                ["the Greens had little to gain from bringing down the government"],
            ),
            A(
                ["Marit Hove, a political scientist at the University of Lindholm"],
                "{said} Marit",
                [
                    '"They are bluffing, but it is a dangerous bluff,"',
                    '"If nobody blinks, the country could be heading to the polls before the summer."',
                ],
                "Marit Hove",
            ),
            A(
                ["The opposition Liberal People's Party, which holds 38 seats"],
                "seats, {said}",
                ["it would table a motion of no confidence if the budget failed"],
                "Liberal People's Party",
            ),
            A(
                ["Its leader, Tomas Eide"],
                "wrote on social media",
                ['that the government had "run out of road"'],
                "Tomas Eide",
            ),
        ],
    ),
    (
        "ho03",
        """
Former Castellan Bank chief jailed for seven years over loan fraud

PORT MERRICK, June 18 (Meridian Wire) - A court in Port Merrick on Thursday sentenced Dmitri Koval, the former chief executive of Castellan Bank, to seven years in prison for approving fraudulent loans worth 140 million crowns to companies controlled by his relatives.

Judge Helena Strand said the evidence showed that Koval had "knowingly and repeatedly" overridden the bank's risk department and hidden the loans from auditors.

"The defendant treated the bank as his family's purse," Strand told the court as she read out the verdict. "He did so at the expense of thousands of small savers who trusted him."

Koval, 58, who had denied the charges, showed no emotion as the sentence was read. His lawyer, Arno Vidal, told reporters outside the courthouse that his client would appeal. "We believe the court has misread the said document on which the whole case rests," Vidal said, referring to a 2019 board resolution approving the loans.

The maximum sentence for the offence is twelve years. The prosecution service said in a statement it was studying the verdict and had not yet decided whether to appeal against the length of the sentence.

Castellan Bank collapsed in 2021 and was taken over by the state at a cost of 2.3 billion crowns to taxpayers. A parliamentary inquiry later found that supervisors at the central bank had ignored repeated warnings about its lending.

Outside the court, about two dozen former depositors, members of a group called Savers for Justice, held banners outside the gates. Their spokeswoman, Ruth Anker, said many members had lost their life savings and were still waiting for compensation.

"It is a start, but the people who let this happen are still sitting in their offices," she said.
""",
        [
            A(
                ["Judge Helena Strand"],
                "Strand {said}",
                [
                    'the evidence showed that Koval had "knowingly and repeatedly" overridden the bank\'s risk department and hidden the loans from auditors'
                ],
                "Helena Strand",
            ),
            A(
                [("Strand", 2)],
                "told the court",
                [
                    '"The defendant treated the bank as his family\'s purse,"',
                    '"He did so at the expense of thousands of small savers who trusted him."',
                ],
                "Helena Strand",
            ),
            A(["{who} had denied"], "had denied", ["the charges"], "Dmitri Koval"),
            A(
                ["His lawyer, Arno Vidal"],
                "told reporters",
                ["that his client would appeal"],
                "Arno Vidal",
            ),
            A(
                ["{Vidal} said"],
                "Vidal {said}",
                [
                    '"We believe the court has misread the said document on which the whole case rests,"'
                ],
                "Arno Vidal",
            ),
            A(
                ["The prosecution service"],
                "said in a statement",
                [
                    "it was studying the verdict and had not yet decided whether to appeal against the length of the sentence"
                ],
            ),
            A(
                ["A parliamentary inquiry"],
                "later found",
                [
                    "that supervisors at the central bank had ignored repeated warnings about its lending"
                ],
            ),
            A(
                ["Their spokeswoman, Ruth Anker"],
                "Anker, {said}",
                [
                    "many members had lost their life savings and were still waiting for compensation"
                ],
                "Ruth Anker",
            ),
            A(
                ["{she} said"],
                "she {said}",
                [
                    '"It is a start, but the people who let this happen are still sitting in their offices,"'
                ],
                "Ruth Anker",
            ),
        ],
    ),
    (
        "ho04",
        """
Brightmoor profit beats forecasts as online sales jump

LONDRIN, Feb 27 (Norpress) - Brightmoor Group, the country's second-largest grocer, said on Thursday its annual profit rose 14 percent, helped by strong online sales, and that it expected food price inflation to ease further this year.

Pre-tax profit for the year to January came in at 1.21 billion crowns, above the 1.15 billion expected by analysts in a company-compiled poll. Revenue rose 6 percent to 31.4 billion.

"Customers have come back to us because we held prices down when it mattered," chief executive Sandra Okafor said in an interview. "Online is now a quarter of our business, and it is growing faster than anything else we do."

Okafor said the group planned to open 40 smaller convenience stores and to hire about 3,000 staff, mostly in delivery. She declined to say how much the expansion would cost, but said it would be funded from cash flow.

Shares in Brightmoor rose 4.2 percent in early trading, making them the best performers on the Londrin blue-chip index.

Analysts at Harcastle Securities said the results showed the grocer was winning market share from discount chains. "This is a clean set of numbers with no nasty surprises," wrote analyst Jonah Pereira in a note to clients, although he cautioned that wage costs would rise sharply from April.

The company expects food price inflation, which peaked at 17 percent two years ago, to fall to around 2 percent by the end of the year, according to its annual report.

Rival Fennick Stores, which reports results next week, has warned that its margins will be squeezed by a price war in the discount sector.
""",
        [
            A(
                ["Brightmoor Group, the country's second-largest grocer"],
                "grocer, {said}",
                [
                    "its annual profit rose 14 percent, helped by strong online sales, and that it expected food price inflation to ease further this year"
                ],
                "Brightmoor Group",
            ),
            A(
                ["chief executive Sandra Okafor"],
                "said in an interview",
                [
                    '"Customers have come back to us because we held prices down when it mattered,"',
                    '"Online is now a quarter of our business, and it is growing faster than anything else we do."',
                ],
                "Sandra Okafor",
            ),
            A(
                ["{Okafor} said the group"],
                "Okafor {said} the group",
                [
                    "the group planned to open 40 smaller convenience stores and to hire about 3,000 staff, mostly in delivery"
                ],
                "Sandra Okafor",
            ),
            A(
                ["{She} declined to say"],
                "declined to say",
                ["how much the expansion would cost"],
                "Sandra Okafor",
            ),
            A(
                ["{She} declined to say"],
                "but {said}",
                ["it would be funded from cash flow"],
                "Sandra Okafor",
            ),
            A(
                ["Analysts at Harcastle Securities"],
                "Securities {said}",
                ["the results showed the grocer was winning market share from discount chains"],
            ),
            A(
                ["analyst Jonah Pereira"],
                "wrote",
                ['"This is a clean set of numbers with no nasty surprises,"'],
                "Jonah Pereira",
            ),
            A(
                ["{he} cautioned"],
                "cautioned",
                ["that wage costs would rise sharply from April"],
                "Jonah Pereira",
            ),
            A(
                ["its annual report"],
                "according to",
                [
                    "The company expects food price inflation, which peaked at 17 percent two years ago, to fall to around 2 percent by the end of the year"
                ],
            ),
            A(
                ["Rival Fennick Stores, which reports results next week"],
                "has warned",
                ["that its margins will be squeezed by a price war in the discount sector"],
                "Fennick Stores",
            ),
        ],
    ),
    (
        "ho05",
        """
Measles cases triple in Ardmore as vaccination rates fall

Measles cases in the Ardmore region have tripled in a year, health officials have said, prompting an urgent catch-up vaccination campaign in schools.

The Ardmore Public Health Agency (APHA) recorded 212 confirmed cases between January and September, compared with 68 in the same period last year. Most were in children under ten who had not received both doses of the vaccine.

Dr Mara Ilves, a consultant in communicable diseases at the agency, said the figures were “deeply worrying but not surprising”.

“Measles is one of the most contagious diseases we know of,” she said. “One infected child in a classroom where half the pupils are unprotected can lead to dozens of cases within a fortnight.”

Uptake of the second dose among five-year-olds in Ardmore has fallen to 81%, according to figures published by the agency on Tuesday, well below the 95% level needed to stop the disease spreading.

The agency said it would send nurses into 140 primary schools from next month to offer missed doses, and urged parents to check their children’s records.

Some parents told the Ardmore Herald they had struggled to get appointments at their GP surgery.

Jenna Holt, whose four-year-old son spent five days in hospital with the illness in August, said she had “no idea” he had missed his second jab. “Nobody called us. You assume the system will chase you up,” she said.

The Department of Health said a national review of vaccination reminders was under way. Ministers have previously said they want uptake to return to pre-pandemic levels by 2027.

Measles can cause serious complications, including pneumonia and swelling of the brain. Two doses of the vaccine give about 97% protection.
""",
        [
            A(
                ["health officials"],
                "have said",
                ["Measles cases in the Ardmore region have tripled in a year"],
            ),
            A(
                ["Dr Mara Ilves, a consultant in communicable diseases at the agency"],
                "agency, {said}",
                ["the figures were “deeply worrying but not surprising”"],
                "Mara Ilves",
            ),
            A(
                ["{she} said. “One"],
                "she {said}. “One",
                [
                    "“Measles is one of the most contagious diseases we know of,”",
                    "“One infected child in a classroom where half the pupils are unprotected can lead to dozens of cases within a fortnight.”",
                ],
                "Mara Ilves",
            ),
            A(
                ["figures published by the agency on Tuesday"],
                "according to",
                ["Uptake of the second dose among five-year-olds in Ardmore has fallen to 81%"],
            ),
            A(
                ["The agency"],
                "agency {said} it",
                [
                    "it would send nurses into 140 primary schools from next month to offer missed doses"
                ],
                "Ardmore Public Health Agency",
            ),
            A(
                ["The agency"],
                "urged",
                ["parents to check their children’s records"],
                "Ardmore Public Health Agency",
            ),
            A(
                ["Some parents"],
                "told the Ardmore Herald",
                ["they had struggled to get appointments at their GP surgery"],
            ),
            A(
                [
                    "Jenna Holt, whose four-year-old son spent five days in hospital with the illness in August"
                ],
                "August, {said}",
                ["she had “no idea” he had missed his second jab"],
                "Jenna Holt",
            ),
            A(
                ["{she} said.\n\nThe"],
                "she {said}.\n\nThe",
                ["“Nobody called us. You assume the system will chase you up,”"],
                "Jenna Holt",
            ),
            A(
                ["The Department of Health"],
                "Health {said}",
                ["a national review of vaccination reminders was under way"],
                "Department of Health",
            ),
            A(
                ["Ministers"],
                "have previously said",
                ["they want uptake to return to pre-pandemic levels by 2027"],
            ),
        ],
    ),
    (
        "ho06",
        """
Arctic lake ice melting weeks earlier than in 1980s, study finds

Lakes across the northern Tallis plateau are losing their winter ice cover almost three weeks earlier than they did four decades ago, according to research published on Wednesday, with consequences for fish, migrating birds and the communities that rely on frozen lakes as roads.

The study, which appeared in the Journal of Polar Systems, combined satellite images from 1984 to 2023 with ice records kept by villagers on 61 lakes. It found that the average date of ice break-up had moved from late May to early May, and that the change had accelerated since 2005.

"What surprised us was not the direction of the trend but its speed," said lead author Dr Anika Sorensen of the Halden Institute for Climate Research. "Some of these lakes now have a shorter ice season than lakes 500 kilometres further south had in the 1980s."

Sorensen and her colleagues believe most of the change is due to warmer spring air temperatures, which have risen by about 1.8C in the region since the start of the record. Reduced snowfall, which insulates ice and reflects sunlight, also played a part, they said.

The earlier thaw matters well beyond the lakes themselves. In several villages, the frozen surface serves as the only road to the outside world for part of the year.

Piet Aronsen, a fisherman and village elder in Harnvik, one of the communities that contributed records, said the ice road to the nearest town had been closed for good two winters ago. "My father drove a truck across that lake every March. Now I would not walk on it," he said.

Other researchers said the study's use of local records was a strength. Dr Tomasz Wren, a limnologist at the University of Caldor who was not involved in the work, said the findings were "consistent with what we see in lake sediments", but cautioned that satellite data before 2000 were patchy.

The authors say the trend is likely to continue. Under a mid-range emissions scenario, they project that ice break-up will come another ten days earlier by 2060.
""",
        [
            A(["{study} finds"], "finds", ["Arctic lake ice melting weeks earlier than in 1980s"]),
            A(
                ["research published on Wednesday"],
                "according to",
                [
                    "Lakes across the northern Tallis plateau are losing their winter ice cover almost three weeks earlier than they did four decades ago"
                ],
            ),
            A(
                ["{It} found"],
                "found",
                [
                    "that the average date of ice break-up had moved from late May to early May, and that the change had accelerated since 2005"
                ],
            ),
            A(
                ["lead author Dr Anika Sorensen of the Halden Institute for Climate Research"],
                "{said} lead author",
                [
                    '"What surprised us was not the direction of the trend but its speed,"',
                    '"Some of these lakes now have a shorter ice season than lakes 500 kilometres further south had in the 1980s."',
                ],
                "Anika Sorensen",
            ),
            A(
                ["Sorensen and her colleagues"],
                "believe",
                [
                    "most of the change is due to warmer spring air temperatures, which have risen by about 1.8C in the region since the start of the record"
                ],
                None,
            ),
            A(
                ["{they} said"],
                "they {said}",
                ["Reduced snowfall, which insulates ice and reflects sunlight, also played a part"],
            ),
            A(
                [
                    "Piet Aronsen, a fisherman and village elder in Harnvik, one of the communities that contributed records"
                ],
                "records, {said}",
                ["the ice road to the nearest town had been closed for good two winters ago"],
                "Piet Aronsen",
            ),
            A(
                ["{he} said"],
                "he {said}",
                [
                    '"My father drove a truck across that lake every March. Now I would not walk on it,"'
                ],
                "Piet Aronsen",
            ),
            A(
                ["Other researchers"],
                "researchers {said}",
                ["the study's use of local records was a strength"],
            ),
            A(
                [
                    "Dr Tomasz Wren, a limnologist at the University of Caldor who was not involved in the work"
                ],
                "work, {said}",
                ['the findings were "consistent with what we see in lake sediments"'],
                "Tomasz Wren",
            ),
            A(
                [
                    "Dr Tomasz Wren, a limnologist at the University of Caldor who was not involved in the work"
                ],
                "cautioned",
                ["that satellite data before 2000 were patchy"],
                "Tomasz Wren",
            ),
            A(["{The authors} say"], "say", ["the trend is likely to continue"]),
            A(
                ["{they} project"],
                "project",
                ["that ice break-up will come another ten days earlier by 2060"],
            ),
        ],
    ),
    (
        "ho07",
        """
Kerrigan: 'We were robbed' after late penalty sinks Dunmore

Dunmore Athletic manager Colm Kerrigan accused referee Paul Drury of "ruining" Saturday's derby after a stoppage-time penalty handed Castlebridge a 2-1 win at Fenwick Park.

Substitute Rory Vance went down under a challenge from Dunmore captain Eli Marsh in the 94th minute, and Drury pointed to the spot. Vance picked himself up to score.

"I have watched it ten times and there is no contact. None," Kerrigan told reporters. "We were robbed, simple as that. The lads gave everything and they deserved at least a point."

Asked whether he expected to be charged by the league for his comments, he said: "If telling the truth is a crime, then charge me."

Castlebridge coach Anders Lund said he had not seen a replay but backed the referee's decision. "From where I stood it looked like a clear foul," Lund said. "Marsh went through the back of him."

The win lifts Castlebridge, who claimed their first derby victory in six years, to fourth in the Premier Division, two points behind leaders Harlow Rovers. Dunmore remain 15th, three points above the relegation zone.

Marsh, who was booked for the challenge, was more measured than his manager. "It's a contact sport. I went for the ball, he got there first," the defender said. "That's football - you move on."

The Premier Division board said it would review Kerrigan's post-match remarks. A board spokesman did not respond to a request for further comment.

Managers who criticise match officials can face fines of up to 20,000 crowns and touchline bans under league rules.
""",
        [
            A(["{Kerrigan}: 'We"], "Kerrigan{:} 'We", ["'We were robbed'"], "Colm Kerrigan"),
            A(
                ["Dunmore Athletic manager Colm Kerrigan"],
                "accused",
                ['referee Paul Drury of "ruining" Saturday\'s derby'],
                "Colm Kerrigan",
            ),
            A(
                ["{Kerrigan} told reporters"],
                "told reporters",
                [
                    '"I have watched it ten times and there is no contact. None,"',
                    '"We were robbed, simple as that. The lads gave everything and they deserved at least a point."',
                ],
                "Colm Kerrigan",
            ),
            A(
                ["{he} said:"],
                "he {said}:",
                ['"If telling the truth is a crime, then charge me."'],
                "Colm Kerrigan",
            ),
            A(
                ["Castlebridge coach Anders Lund"],
                "Lund {said} he",
                ["he had not seen a replay"],
                "Anders Lund",
            ),
            A(
                ["Castlebridge coach Anders Lund"],
                "backed",
                ["the referee's decision"],
                "Anders Lund",
            ),
            A(
                ['{Lund} said. "Marsh'],
                'Lund {said}. "Marsh',
                [
                    '"From where I stood it looked like a clear foul,"',
                    '"Marsh went through the back of him."',
                ],
                "Anders Lund",
            ),
            A(
                ["the defender"],
                "defender {said}",
                [
                    '"It\'s a contact sport. I went for the ball, he got there first,"',
                    '"That\'s football - you move on."',
                ],
                "Eli Marsh",
            ),
            A(
                ["The Premier Division board"],
                "board {said}",
                ["it would review Kerrigan's post-match remarks"],
                "Premier Division board",
            ),
        ],
    ),
    (
        "ho08",
        """
Council votes to close three libraries despite protests

Harwick District Council has voted to close three of its eleven public libraries next spring, despite a petition signed by more than 9,000 residents.

Councillors approved the plan by 23 votes to 17 on Tuesday night after a three-hour meeting that was briefly suspended when protesters in the public gallery began chanting.

Council leader Graham Pell said the closures, at Eastfield, Marlow Green and Tolley Street, would save about £480,000 a year. "Nobody stood for election wanting to close libraries," he told the meeting. "But we have to balance the books, and the money simply is not there."

The council says it will expand its mobile library service and keep a "community reading room" at Eastfield open two days a week, staffed by volunteers.

Opposition councillor Asha Mistry, who represents Marlow Green, called the decision "short-sighted and cruel". She said the branch was used by hundreds of older residents and children every week and was the only place in the ward with free internet access.

Campaigners from the so-called Save Our Shelves group, which organised the petition, said they were considering a legal challenge. Their lawyer, Daniel Okoro, told the Harwick Courier that the council had failed to carry out a proper equality assessment.

The council denied this, saying a full assessment had been published in September.

Eastfield library, which opened in 1962, lent more than 40,000 books last year. Its last day of opening will be March 28.

Pensioner Doris Fenn, 81, who has used the Tolley Street branch since it opened, said she would miss the staff most of all. "They know me by name. Where else does that happen any more?"
""",
        [
            A(
                ["Council leader Graham Pell"],
                "Pell {said}",
                [
                    "the closures, at Eastfield, Marlow Green and Tolley Street, would save about £480,000 a year"
                ],
                "Graham Pell",
            ),
            A(
                ["{he} told the meeting"],
                "told the meeting",
                [
                    '"Nobody stood for election wanting to close libraries,"',
                    '"But we have to balance the books, and the money simply is not there."',
                ],
                "Graham Pell",
            ),
            A(
                ["{The council} says"],
                "says",
                [
                    'it will expand its mobile library service and keep a "community reading room" at Eastfield open two days a week, staffed by volunteers'
                ],
                "Harwick District Council",
            ),
            A(
                ["Opposition councillor Asha Mistry, who represents Marlow Green"],
                "Green, {called} the",
                ['the decision "short-sighted and cruel"'],
                "Asha Mistry",
            ),
            A(
                ["{She} said the branch"],
                "She {said}",
                [
                    "the branch was used by hundreds of older residents and children every week and was the only place in the ward with free internet access"
                ],
                "Asha Mistry",
            ),
            A(
                [
                    "Campaigners from the so-called Save Our Shelves group, which organised the petition"
                ],
                "petition, {said}",
                ["they were considering a legal challenge"],
                "Save Our Shelves",
            ),
            A(
                ["Their lawyer, Daniel Okoro"],
                "told the Harwick Courier",
                ["that the council had failed to carry out a proper equality assessment"],
                "Daniel Okoro",
            ),
            A(["{The council} denied"], "denied", ["this"], "Harwick District Council"),
            A(
                ["{The council} denied"],
                "saying",
                ["a full assessment had been published in September"],
                "Harwick District Council",
            ),
            A(
                ["Pensioner Doris Fenn, 81, who has used the Tolley Street branch since it opened"],
                "opened, {said}",
                [
                    "she would miss the staff most of all",
                    '"They know me by name. Where else does that happen any more?"',
                ],
                "Doris Fenn",
            ),
        ],
    ),
    (
        "ho09",
        """
Strong quake kills at least 46 in southern Marvala

SELIN, Aug 3 (Meridian Wire) - A magnitude 6.8 earthquake struck southern Marvala before dawn on Sunday, killing at least 46 people and flattening hundreds of mud-brick homes in remote mountain villages, officials said.

The quake hit at 4:17 a.m. local time at a depth of 10 km, about 60 km east of the provincial town of Karsa, the Marvalan Seismological Centre said. Several strong aftershocks followed, the largest of magnitude 5.4.

Interior Minister Farid Qasemi told state television that 46 bodies had been recovered and more than 300 people injured, and that the toll was expected to rise as rescuers reached outlying areas. "Many villages are cut off. Roads have been blocked by landslides and we are using helicopters," he said.

The Marvalan Seismological Centre recorded more than 60 aftershocks in the first twelve hours. Residents of Karsa slept in the streets, afraid to return to buildings that had been cracked by the tremors.

President Hamid Rezai declared three days of national mourning and ordered the army to deploy field hospitals to the affected districts. "The nation stands with the families of Karsa," he wrote on social media.

Hospitals in Karsa were overwhelmed, according to a doctor at the city's main hospital who asked not to be named because he was not authorised to speak to the media. "We are treating people in the corridors and in the car park. We have run out of plaster for fractures," he said by telephone.

In Dasht Nur, one of the worst-hit villages, residents dug through rubble with their bare hands. Footage broadcast by local media showed a mosque minaret lying across a street and families sheltering under plastic sheets.

"We heard a roar like a train, and then the walls came down," said Gul Ahmadi, 34, a farmer who lost his mother and two nephews. "We have no tents, no blankets. The nights here are already cold."

The Marvalan Relief Society said it had sent 40 teams and was setting up field kitchens in Karsa. A spokeswoman for the organisation, Noor Haidari, told Meridian Wire that the greatest need was for shelter because temperatures at night were close to freezing.

Several neighbouring countries offered help. The government of Estavia said it was ready to send a search-and-rescue team with sniffer dogs, while the Kesh Union announced that it would release 2 million euros in emergency aid.

At least three aid trucks were reportedly turned back at a checkpoint on the main road to Karsa on Sunday afternoon. The reasons were not clear, and a provincial official declined to comment on the reports.

Southern Marvala lies on the junction of two tectonic plates and has been hit by several deadly earthquakes. A 1998 quake in the same region killed more than 2,000 people.

Seismologists say poor building standards make the region especially vulnerable. "A quake of this size would cause little damage in a city built to code," said Dr Leyla Darvish of the University of Selin. "Here, the houses are made of stones and mud, and they simply fold."

It is feared that the death toll could rise sharply once rescuers reach the most remote villages, some of which have not been heard from since the quake.
""",
        [
            A(
                ["officials"],
                "officials {said}",
                [
                    "A magnitude 6.8 earthquake struck southern Marvala before dawn on Sunday, killing at least 46 people and flattening hundreds of mud-brick homes in remote mountain villages"
                ],
            ),
            A(
                ["the Marvalan Seismological Centre"],
                "Centre {said}",
                [
                    "The quake hit at 4:17 a.m. local time at a depth of 10 km, about 60 km east of the provincial town of Karsa"
                ],
                "Marvalan Seismological Centre",
            ),
            A(
                ["Interior Minister Farid Qasemi"],
                "told state television",
                [
                    "that 46 bodies had been recovered and more than 300 people injured, and that the toll was expected to rise as rescuers reached outlying areas"
                ],
                "Farid Qasemi",
            ),
            A(
                ['helicopters," {he} said'],
                'helicopters," he {said}',
                [
                    '"Many villages are cut off. Roads have been blocked by landslides and we are using helicopters,"'
                ],
                "Farid Qasemi",
            ),
            A(
                ["President Hamid Rezai"],
                "declared",
                ["three days of national mourning"],
                "Hamid Rezai",
            ),
            A(
                ["President Hamid Rezai"],
                "ordered",
                ["the army to deploy field hospitals to the affected districts"],
                "Hamid Rezai",
            ),
            A(
                ["{he} wrote on social media"],
                "wrote on social media",
                ['"The nation stands with the families of Karsa,"'],
                "Hamid Rezai",
            ),
            A(
                [
                    "a doctor at the city's main hospital who asked not to be named because he was not authorised to speak to the media"
                ],
                "{according to} a doctor",
                ["Hospitals in Karsa were overwhelmed"],
            ),
            A(
                ["{he} said by telephone"],
                "he {said} by telephone",
                [
                    '"We are treating people in the corridors and in the car park. We have run out of plaster for fractures,"'
                ],
            ),
            A(
                ["Footage broadcast by local media"],
                "showed",
                [
                    "a mosque minaret lying across a street and families sheltering under plastic sheets"
                ],
            ),
            A(
                ["Gul Ahmadi, 34, a farmer who lost his mother and two nephews"],
                "{said} Gul",
                [
                    '"We heard a roar like a train, and then the walls came down,"',
                    '"We have no tents, no blankets. The nights here are already cold."',
                ],
                "Gul Ahmadi",
            ),
            A(
                ["The Marvalan Relief Society"],
                "Society {said}",
                ["it had sent 40 teams and was setting up field kitchens in Karsa"],
                "Marvalan Relief Society",
            ),
            A(
                ["A spokeswoman for the organisation, Noor Haidari"],
                "told Meridian Wire",
                [
                    "that the greatest need was for shelter because temperatures at night were close to freezing"
                ],
                "Noor Haidari",
            ),
            A(
                ["The government of Estavia"],
                "Estavia {said}",
                ["it was ready to send a search-and-rescue team with sniffer dogs"],
                "Estavia",
            ),
            A(
                ["the Kesh Union"],
                "announced",
                ["that it would release 2 million euros in emergency aid"],
                "Kesh Union",
            ),
            A(
                [],
                "reportedly",
                [
                    "At least three aid trucks were",
                    "turned back at a checkpoint on the main road to Karsa on Sunday afternoon",
                ],
            ),
            A(["a provincial official"], "declined to comment", ["on the reports"]),
            A(
                ["Seismologists"],
                "say",
                ["poor building standards make the region especially vulnerable"],
            ),
            A(
                ["Dr Leyla Darvish of the University of Selin"],
                "{said} Dr Leyla",
                [
                    '"A quake of this size would cause little damage in a city built to code,"',
                    '"Here, the houses are made of stones and mud, and they simply fold."',
                ],
                "Leyla Darvish",
            ),
            A(
                [],
                "is feared",
                [
                    "that the death toll could rise sharply once rescuers reach the most remote villages, some of which have not been heard from since the quake"
                ],
            ),
        ],
    ),
    (
        "ho10",
        """
Estavia and Kordan agree to reopen border talks, no deal on water

DRAVEN, Nov 9 (Norpress) - The foreign ministers of Estavia and Kordan agreed on Monday to resume negotiations on their disputed border after a two-year freeze, but failed to make progress on the sharing of water from the Lesk river, officials from both sides said.

Meeting in the neutral city of Draven, Estavian Foreign Minister Lena Marek and her Kordanian counterpart, Yusuf Demir, said in a joint statement that technical teams would meet within a month to "map the way forward" on the 300-km frontier.

"We have spent two years not talking to each other. Today we started talking again, and that is not nothing," Marek told a news conference after the meeting.

Demir struck a more cautious note. Kordan, he said, would not "negotiate under pressure" and expected Estavia to withdraw troops it moved to the frontier in the spring before any final agreement could be signed.

The dispute over the Lesk, which rises in Kordan and provides most of Estavia's irrigation water, was left off the agenda at Kordan's request, according to two diplomats familiar with the talks. They said Estavia had pushed to include it but gave way to save the meeting.

Kordan began filling a large reservoir upstream last year, cutting the river's flow into Estavia by about a third during the summer months, according to Estavian government figures. Kordan disputes the numbers.

Farmers in Estavia's eastern provinces have staged protests over water shortages, and opposition parties at home accuse Marek of being too soft on Kordan.

Diplomats in Draven were cautiously optimistic. "It is a small step, but in this relationship small steps are the only kind there are," one senior ambassador said on condition of anonymity because he was not authorised to speak to the media.

The two ministers are due to meet again in January. Mediators from the Kesh Union, who have shuttled between the capitals since 2022, will attend as observers.
""",
        [
            A(
                ["officials from both sides"],
                "sides {said}",
                [
                    "The foreign ministers of Estavia and Kordan agreed on Monday to resume negotiations on their disputed border after a two-year freeze, but failed to make progress on the sharing of water from the Lesk river"
                ],
            ),
            A(
                ["Estavian Foreign Minister Lena Marek and her Kordanian counterpart, Yusuf Demir"],
                "said in a joint statement",
                [
                    'that technical teams would meet within a month to "map the way forward" on the 300-km frontier'
                ],
            ),
            A(
                ["{Marek} told"],
                "told a news conference",
                [
                    '"We have spent two years not talking to each other. Today we started talking again, and that is not nothing,"'
                ],
                "Lena Marek",
            ),
            A(
                ["{he} said, would"],
                "he {said}, would",
                [
                    "{Kordan}, he said",
                    'would not "negotiate under pressure" and expected Estavia to withdraw troops it moved to the frontier in the spring before any final agreement could be signed',
                ],
                "Yusuf Demir",
            ),
            A(
                ["two diplomats familiar with the talks"],
                "{according to} two diplomats",
                [
                    "The dispute over the Lesk, which rises in Kordan and provides most of Estavia's irrigation water, was left off the agenda at Kordan's request"
                ],
            ),
            A(
                ["{They} said Estavia"],
                "They {said}",
                ["Estavia had pushed to include it but gave way to save the meeting"],
            ),
            A(
                ["Estavian government figures"],
                "{according to} Estavian",
                [
                    "Kordan began filling a large reservoir upstream last year, cutting the river's flow into Estavia by about a third during the summer months"
                ],
            ),
            A(["{Kordan} disputes"], "disputes", ["the numbers"], "Kordan"),
            A(["opposition parties at home"], "accuse", ["Marek of being too soft on Kordan"]),
            A(
                ["one senior ambassador"],
                "ambassador {said}",
                [
                    '"It is a small step, but in this relationship small steps are the only kind there are,"'
                ],
            ),
        ],
    ),
    (
        "ho11",
        """
Aerona pilots to strike for 48 hours over pay, union says

KESTRAL, May 21 (Meridian Wire) - Pilots at Aerona, Valmark's flag carrier, will walk out for two days next week after talks on a new pay deal broke down, their union said on Wednesday, threatening travel chaos at the start of the holiday season.

The Valmark Airline Pilots' Association (VAPA) said the strike would begin at 00:01 on May 29 and affect all Aerona flights operated by its members. The airline said about 600 flights, carrying some 70,000 passengers, could be cancelled.

VAPA wants a 15 percent rise over two years to make up for pay cuts its members accepted during the pandemic. Aerona has offered 7 percent.

"Our members gave up a fifth of their salary to keep this airline flying. Now it is making record profits and it still wants us to wait," VAPA president Captain Erik Lindahl said.

In a letter to staff seen by Meridian Wire, Aerona chief executive Sofia Brandt said the union's demands were "unaffordable" and would put the airline's recovery at risk. She urged the pilots to return to the negotiating table.

Aerona made a record operating profit of 410 million euros last year as demand for travel rebounded.

The transport ministry said it was monitoring the situation and called on both sides to reach an agreement. Labour Minister Hanna Voss told parliament she would not intervene "at this stage" but did not rule out appointing a mediator.

Travel agents said bookings for the holiday weekend had already fallen. "People are nervous. They are calling us every day asking whether their flight will go," said Marta Kowal, who runs an agency in central Kestral.

Passengers booked on cancelled flights will be offered a refund or rebooking, the airline said.
""",
        [
            A(
                ["{union} says"],
                "says",
                ["Aerona pilots to strike for 48 hours over pay"],
                "Valmark Airline Pilots' Association",
            ),
            A(
                ["their union"],
                "union {said} on",
                [
                    "Pilots at Aerona, Valmark's flag carrier, will walk out for two days next week after talks on a new pay deal broke down"
                ],
                "Valmark Airline Pilots' Association",
            ),
            A(
                ["The Valmark Airline Pilots' Association (VAPA)"],
                "(VAPA) {said}",
                [
                    "the strike would begin at 00:01 on May 29 and affect all Aerona flights operated by its members"
                ],
                "Valmark Airline Pilots' Association",
            ),
            A(
                ["{The airline} said about"],
                "airline {said} about",
                ["about 600 flights, carrying some 70,000 passengers, could be cancelled"],
                "Aerona",
            ),
            A(
                ["{VAPA} wants"],
                "VAPA {wants}",
                [
                    "a 15 percent rise over two years to make up for pay cuts its members accepted during the pandemic"
                ],
                "Valmark Airline Pilots' Association",
            ),
            A(
                ["VAPA president Captain Erik Lindahl"],
                "Lindahl {said}",
                [
                    '"Our members gave up a fifth of their salary to keep this airline flying. Now it is making record profits and it still wants us to wait,"'
                ],
                "Erik Lindahl",
            ),
            A(
                ["Aerona chief executive Sofia Brandt"],
                "Brandt {said}",
                [
                    "the union's demands were \"unaffordable\" and would put the airline's recovery at risk"
                ],
                "Sofia Brandt",
            ),
            A(
                ["{She} urged"],
                "urged",
                ["the pilots to return to the negotiating table"],
                "Sofia Brandt",
            ),
            A(["The transport ministry"], "ministry {said}", ["it was monitoring the situation"]),
            A(["The transport ministry"], "called on", ["both sides to reach an agreement"]),
            A(
                ["Labour Minister Hanna Voss"],
                "told parliament",
                ['she would not intervene "at this stage"'],
                "Hanna Voss",
            ),
            A(
                ["Labour Minister Hanna Voss"],
                "did not rule out",
                ["appointing a mediator"],
                "Hanna Voss",
            ),
            A(
                ["Travel agents"],
                "agents {said}",
                ["bookings for the holiday weekend had already fallen"],
            ),
            A(
                ["Marta Kowal, who runs an agency in central Kestral"],
                "{said} Marta",
                [
                    '"People are nervous. They are calling us every day asking whether their flight will go,"'
                ],
                "Marta Kowal",
            ),
            A(
                ["{the airline} said."],
                "the airline {said}.",
                ["Passengers booked on cancelled flights will be offered a refund or rebooking"],
                "Aerona",
            ),
        ],
    ),
    (
        "ho12",
        """
Hackers stole data of 3 million Telvio customers, company admits

KESTRAL, Oct 4 (Meridian Wire) - Telecoms operator Telvio said on Friday that hackers had stolen the names, addresses and phone numbers of about 3 million customers, nearly a week after it first acknowledged a "cyber incident" on its network.

The company said there was no evidence that passwords or bank details had been taken, but advised customers to be alert to suspicious calls and messages.

Telvio, which has about 11 million subscribers, said it had informed the police and the National Data Protection Authority. The authority confirmed it had opened an investigation.

"We are deeply sorry. Our customers trusted us with their information and we have let them down," chief executive Marco Bellini said in a statement. "We are working around the clock with external experts to understand exactly what happened."

A person familiar with the investigation said the attackers appeared to have gained access through a contractor's account and had been inside the network for at least three weeks before they were detected.

A group calling itself Night Harvest claimed responsibility on a dark web forum and offered the data for sale, according to Kestrel Labs, a cybersecurity firm that monitors such sites. Meridian Wire could not independently verify the claim.

Consumer groups criticised the delay in informing customers. "A week is far too long. People needed to know straight away so they could protect themselves," said Aino Virtanen of the Consumer Council.

Under data protection rules, companies must report breaches to the regulator within 72 hours and can be fined up to 4 percent of annual turnover.

Shares in Telvio fell 6 percent on Friday. Analysts at Brennan & Co said the financial impact was likely to be limited but warned that the reputational damage could be longer lasting.
""",
        [
            A(
                ["{company} admits"],
                "admits",
                ["Hackers stole data of 3 million Telvio customers"],
                "Telvio",
            ),
            A(
                ["Telecoms operator Telvio"],
                "Telvio {said} on Friday",
                [
                    "that hackers had stolen the names, addresses and phone numbers of about 3 million customers"
                ],
                "Telvio",
            ),
            A(
                ["{it} first acknowledged"],
                "first acknowledged",
                ['a "cyber incident" on its network'],
                "Telvio",
            ),
            A(
                ["The company"],
                "company {said} there",
                ["there was no evidence that passwords or bank details had been taken"],
                "Telvio",
            ),
            A(
                ["The company"],
                "advised",
                ["customers to be alert to suspicious calls and messages"],
                "Telvio",
            ),
            A(
                ["Telvio, which has about 11 million subscribers"],
                "subscribers, {said}",
                ["it had informed the police and the National Data Protection Authority"],
                "Telvio",
            ),
            A(
                ["The authority"],
                "confirmed",
                ["it had opened an investigation"],
                "National Data Protection Authority",
            ),
            A(
                ["chief executive Marco Bellini"],
                "said in a statement",
                [
                    '"We are deeply sorry. Our customers trusted us with their information and we have let them down,"',
                    '"We are working around the clock with external experts to understand exactly what happened."',
                ],
                "Marco Bellini",
            ),
            A(
                ["A person familiar with the investigation"],
                "investigation {said}",
                [
                    "the attackers appeared to have gained access through a contractor's account and had been inside the network for at least three weeks before they were detected"
                ],
            ),
            A(
                ["Kestrel Labs, a cybersecurity firm that monitors such sites"],
                "according to",
                [
                    "A group calling itself Night Harvest claimed responsibility on a dark web forum and offered the data for sale"
                ],
                "Kestrel Labs",
            ),
            A(["Consumer groups"], "criticised", ["the delay in informing customers"]),
            A(
                ["Aino Virtanen of the Consumer Council"],
                "{said} Aino",
                [
                    '"A week is far too long. People needed to know straight away so they could protect themselves,"'
                ],
                "Aino Virtanen",
            ),
            A(
                ["Analysts at Brennan & Co"],
                "Co {said}",
                ["the financial impact was likely to be limited"],
            ),
            A(
                ["Analysts at Brennan & Co"],
                "warned",
                ["that the reputational damage could be longer lasting"],
            ),
        ],
    ),
    (
        "ho13",
        """
Valmark central bank holds rates, signals cut possible in autumn

KESTRAL, July 10 (Norpress) - The Bank of Valmark kept its main interest rate unchanged at 4.25 percent on Thursday but signalled that it could begin cutting borrowing costs later this year if inflation continued to slow.

The decision, which was expected by most economists, was taken by a vote of five to two, with two members of the rate-setting committee favouring an immediate quarter-point cut, minutes of the meeting showed.

Inflation fell to 3.1 percent in June from a peak of 9.8 percent two years ago, but remains above the bank's 2 percent target.

"We are not there yet, but we are getting closer," Governor Johan Ekdahl told a news conference. "If the data over the summer confirm what we are seeing now, the committee will be in a position to consider a reduction in September."

Ekdahl said wage growth, which hit a record 7 percent last year, was the main worry. He said the bank would watch closely the outcome of the autumn wage round, in which unions are seeking increases of up to 6 percent.

The Valmark crown rose 0.4 percent against the euro after the decision as some investors had bet on an immediate cut.

Economists were divided on the timing of the first cut. "The door to a September move is now wide open," said Ingrid Moe, chief economist at Fjordbank. Others were more sceptical. Lars Henning of Nordcap Securities said he expected the bank to wait until December, arguing that the labour market was still too tight.

Finance Minister Kari Strom welcomed the bank's guidance. In a statement, she said lower rates would give "much-needed relief" to households with variable-rate mortgages. Such loans make up around 40 percent of all home loans in Valmark.

The bank also said it would continue to reduce its holdings of government bonds at the current pace of 2 billion crowns a month.

The next rate decision is due on September 18.
""",
        [
            A(
                ["The Bank of Valmark"],
                "signalled",
                [
                    "that it could begin cutting borrowing costs later this year if inflation continued to slow"
                ],
                "Bank of Valmark",
            ),
            A(
                ["minutes of the meeting"],
                "showed",
                [
                    "The decision, which was expected by most economists, was taken by a vote of five to two, with two members of the rate-setting committee favouring an immediate quarter-point cut"
                ],
            ),
            A(
                ["Governor Johan Ekdahl"],
                "told a news conference",
                [
                    '"We are not there yet, but we are getting closer,"',
                    '"If the data over the summer confirm what we are seeing now, the committee will be in a position to consider a reduction in September."',
                ],
                "Johan Ekdahl",
            ),
            A(
                ["{Ekdahl} said wage"],
                "Ekdahl {said}",
                ["wage growth, which hit a record 7 percent last year, was the main worry"],
                "Johan Ekdahl",
            ),
            A(
                ["{He} said the bank"],
                "He {said}",
                ["the bank would watch closely the outcome of the autumn wage round"],
                "Johan Ekdahl",
            ),
            A(
                ["Ingrid Moe, chief economist at Fjordbank"],
                "{said} Ingrid",
                ['"The door to a September move is now wide open,"'],
                "Ingrid Moe",
            ),
            A(
                ["Lars Henning of Nordcap Securities"],
                "Securities {said}",
                ["he expected the bank to wait until December"],
                "Lars Henning",
            ),
            A(
                ["Lars Henning of Nordcap Securities"],
                "arguing",
                ["that the labour market was still too tight"],
                "Lars Henning",
            ),
            A(["Finance Minister Kari Strom"], "welcomed", ["the bank's guidance"], "Kari Strom"),
            A(
                ["{she} said lower"],
                "she {said}",
                [
                    'lower rates would give "much-needed relief" to households with variable-rate mortgages'
                ],
                "Kari Strom",
            ),
            A(
                ["{The bank} also said"],
                "also said",
                [
                    "it would continue to reduce its holdings of government bonds at the current pace of 2 billion crowns a month"
                ],
                "Bank of Valmark",
            ),
        ],
    ),
    (
        "ho14",
        """
Rival candidates trade blows over housing in final Marenza debate

TORRANCE CITY, Sept 28 (Meridian Wire) - The two candidates vying to become Marenza's next president clashed over housing and immigration in a bad-tempered final television debate on Sunday, a week before the vote.

Former mayor Celia Navarro, the centre-left candidate, accused her opponent of planning to "sell off" the country's stock of public housing. "He wants to hand our homes to the same investors who funded his campaign," she said.

Businessman Raul Ferrer, who is running for the conservative Renewal party, said that was "a lie" and that he planned to build 200,000 new homes in five years by cutting planning rules. "My opponent has been in politics for twenty years. Where are her houses?" he asked.

Polls suggest the race is too close to call. A survey by the Marenza Polling Institute published on Friday showed Navarro on 47 percent and Ferrer on 45 percent, within the margin of error.

Immigration, which had barely featured in the campaign until this month, dominated the second half of the debate. Ferrer again promised to hold a referendum on leaving the regional free movement pact, which he says has driven down wages for low-paid workers.

Navarro called the proposal "reckless" and said leaving the pact would cost Marenza tens of thousands of jobs in farming and construction.

Viewers contacted after the debate were unimpressed. "They spent ninety minutes shouting at each other and I still don't know how either of them will bring down my rent," said Tomas Rey, 29, a delivery driver in the capital.

Election officials said on Monday that early voting, which opened last week, had already drawn a record 1.4 million people. The electoral commission expects turnout to exceed 70 percent.

The winner will take office in January, succeeding President Alberto Quiroga, who is barred by the constitution from seeking a third term. Quiroga has not endorsed either candidate.
""",
        [
            A(
                ["Former mayor Celia Navarro, the centre-left candidate"],
                "accused",
                ['her opponent of planning to "sell off" the country\'s stock of public housing'],
                "Celia Navarro",
            ),
            A(
                ["{she} said.\n\nBusinessman"],
                "she {said}.\n\nBusinessman",
                ['"He wants to hand our homes to the same investors who funded his campaign,"'],
                "Celia Navarro",
            ),
            A(
                ["Businessman Raul Ferrer, who is running for the conservative Renewal party"],
                "party, {said}",
                [
                    'that was "a lie" and that he planned to build 200,000 new homes in five years by cutting planning rules'
                ],
                "Raul Ferrer",
            ),
            A(
                ["{he} asked"],
                "asked",
                ['"My opponent has been in politics for twenty years. Where are her houses?"'],
                "Raul Ferrer",
            ),
            A(["Polls"], "suggest", ["the race is too close to call"]),
            A(
                ["A survey by the Marenza Polling Institute published on Friday"],
                "showed",
                ["Navarro on 47 percent and Ferrer on 45 percent"],
            ),
            A(
                ["{Ferrer} again promised"],
                "again promised to",
                ["hold a referendum on leaving the regional free movement pact"],
                "Raul Ferrer",
            ),
            A(
                ["{he} says"],
                "says",
                ["{which} he says", "has driven down wages for low-paid workers"],
                "Raul Ferrer",
            ),
            A(["{Navarro} called"], "called", ['the proposal "reckless"'], "Celia Navarro"),
            A(
                ["{Navarro} called"],
                "and {said} leaving",
                [
                    "leaving the pact would cost Marenza tens of thousands of jobs in farming and construction"
                ],
                "Celia Navarro",
            ),
            A(
                ["Tomas Rey, 29, a delivery driver in the capital"],
                "{said} Tomas",
                [
                    '"They spent ninety minutes shouting at each other and I still don\'t know how either of them will bring down my rent,"'
                ],
                "Tomas Rey",
            ),
            A(
                ["Election officials"],
                "officials {said}",
                [
                    "that early voting, which opened last week, had already drawn a record 1.4 million people"
                ],
            ),
            A(["The electoral commission"], "expects", ["turnout to exceed 70 percent"]),
            A(["{Quiroga} has not"], "has not endorsed", ["either candidate"], "Alberto Quiroga"),
        ],
    ),
    (
        "ho15",
        """
Police widen search for missing hiker in Braemoor hills

Police have widened the search for a 23-year-old woman who has been missing in the Braemoor hills since Saturday, amid fears she may have fallen in a remote area of steep gullies.

Eilidh Marr, a student from Carrick, set off alone from the Glenlarg car park at about 10:00 on Saturday, intending to walk to the summit of Ben Corrach and back. Her flatmate raised the alarm when she failed to return that evening.

Inspector Fraser Lyle of Northmoor Police said more than 60 volunteers from three mountain rescue teams, a coastguard helicopter and search dogs were involved. "The weather on Saturday afternoon turned quickly, with low cloud and heavy rain, and the ground up there is treacherous," he said.

"We are keeping an open mind, but at this stage there is nothing to suggest anyone else was involved."

Ms Marr is described as slim, about 1.65m tall, with long dark hair. She was wearing a red waterproof jacket and black leggings and carrying a small grey rucksack.

Her family issued an appeal through the police on Monday. "Eilidh is a fit and experienced walker and we know she would never take unnecessary risks," the statement said. "We just want her home."

Walkers who were on the hill on Saturday have been asked to contact police. A man who spoke to Ms Marr near the summit cairn at around 13:00 told officers she appeared well and said she planned to descend by the northern ridge.

The northern ridge route is narrow and exposed, and mountain rescue teams have long warned that it is unsuitable for walkers in poor visibility.

The search was suspended overnight and is due to resume at first light.
""",
        [
            A([], "fears", ["she may have fallen in a remote area of steep gullies"]),
            A(
                ["Eilidh Marr, a student from Carrick"],
                "intending to",
                ["walk to the summit of Ben Corrach and back"],
                "Eilidh Marr",
            ),
            A(
                ["Inspector Fraser Lyle of Northmoor Police"],
                "Police {said}",
                [
                    "more than 60 volunteers from three mountain rescue teams, a coastguard helicopter and search dogs were involved"
                ],
                "Fraser Lyle",
            ),
            A(
                ["{he} said.\n\n"],
                "he {said}.\n\n",
                [
                    '"The weather on Saturday afternoon turned quickly, with low cloud and heavy rain, and the ground up there is treacherous,"',
                    '"We are keeping an open mind, but at this stage there is nothing to suggest anyone else was involved."',
                ],
                "Fraser Lyle",
            ),
            A(
                [],
                "is described as",
                ["{Ms Marr} is described", "slim, about 1.65m tall, with long dark hair"],
            ),
            A(
                ["the statement"],
                "statement {said}",
                [
                    '"Eilidh is a fit and experienced walker and we know she would never take unnecessary risks,"',
                    '"We just want her home."',
                ],
            ),
            A(
                ["A man who spoke to Ms Marr near the summit cairn at around 13:00"],
                "told officers",
                ["she appeared well and said she planned to descend by the northern ridge"],
            ),
            A(
                ["{mountain rescue teams} have"],
                "have long warned",
                ["that it is unsuitable for walkers in poor visibility"],
            ),
        ],
    ),
    (
        "ho16",
        """
Thousands flee as wildfire races through Serrano valley

PALOMAR, July 22 (Meridian Wire) - A fast-moving wildfire forced more than 4,000 people from their homes in the Serrano valley on Tuesday, as strong winds and temperatures above 40C fanned flames across tinder-dry hillsides, regional authorities said.

Residents of the villages of Almedo and San Ciro were told to leave by mid-afternoon as the fire jumped a motorway. A local music festival due to open on Wednesday was called off.

"The fire is moving faster than a person can run. We have never seen anything like it in this valley," regional fire chief Andres Molina told Meridian Wire by phone from a command post near Almedo.

Molina said about 900 firefighters, backed by 14 water-dropping aircraft, were battling the blaze along a front of more than 20 km. He said it was too early to say how many homes had been destroyed.

No deaths have been reported. Two firefighters were treated in hospital for smoke inhalation, according to the regional health service.

In Almedo, Carmen Ruiz, 67, watched from a road block as smoke rose behind her street. "My whole life is in that house. They told us to go and we went with nothing, just the dog," she said, holding back tears.

The cause of the fire is under investigation. Police said they had arrested a 52-year-old man on suspicion of starting it while burning agricultural waste, which is banned during the summer months.

Meteorologists expect the winds to ease on Thursday, which would give firefighters a chance to contain the blaze. The national weather agency has issued a red alert for extreme heat in five regions until the weekend.

The Serrano valley has been hit by three major fires in the past decade. Environmental groups have called for a ban on new building in forested areas, which they say makes fires more dangerous and harder to fight.
""",
        [
            A(
                ["regional authorities"],
                "authorities {said}",
                [
                    "A fast-moving wildfire forced more than 4,000 people from their homes in the Serrano valley on Tuesday, as strong winds and temperatures above 40C fanned flames across tinder-dry hillsides"
                ],
            ),
            A(
                ["regional fire chief Andres Molina"],
                "told Meridian Wire",
                [
                    '"The fire is moving faster than a person can run. We have never seen anything like it in this valley,"'
                ],
                "Andres Molina",
            ),
            A(
                ["{Molina} said about"],
                "Molina {said}",
                [
                    "about 900 firefighters, backed by 14 water-dropping aircraft, were battling the blaze along a front of more than 20 km"
                ],
                "Andres Molina",
            ),
            A(
                ["{He} said it was"],
                "He {said} it was",
                ["it was too early to say how many homes had been destroyed"],
                "Andres Molina",
            ),
            A([], "have been reported", ["No deaths"]),
            A(
                ["the regional health service"],
                "according to",
                ["Two firefighters were treated in hospital for smoke inhalation"],
            ),
            A(
                ["{she} said, holding"],
                "she {said}, holding",
                [
                    '"My whole life is in that house. They told us to go and we went with nothing, just the dog,"'
                ],
                "Carmen Ruiz",
            ),
            A(
                ["Police"],
                "Police {said}",
                [
                    "they had arrested a 52-year-old man on suspicion of starting it while burning agricultural waste"
                ],
            ),
            A(["Meteorologists"], "expect", ["the winds to ease on Thursday"]),
            A(
                ["Environmental groups"],
                "have called for",
                ["a ban on new building in forested areas"],
            ),
            A(
                ["{they} say makes"],
                "they {say} makes",
                ["{which} they say", "makes fires more dangerous and harder to fight"],
            ),
        ],
    ),
    (
        "ho17",
        """
Supreme Court blocks extradition of activist Oskar Lenz to Varnia

BRELLIN, April 16 (Norpress) - Tessaly's Supreme Court on Wednesday blocked the extradition of environmental activist Oskar Lenz to Varnia, ruling that there was a "real risk" he would not receive a fair trial there.

Lenz, 41, a co-founder of the campaign group Green Shield, was arrested in Brellin in January last year on a Varnian warrant accusing him of organising an illegal blockade of a coal terminal and of damaging property worth 1.2 million euros.

He has denied the charges, which he says are politically motivated.

In a 68-page judgment, the five judges said Varnian prosecutors had failed to give adequate assurances about the conditions in which Lenz would be held before trial, and noted reports by independent monitors of overcrowding and violence in Varnian remand prisons.

"The guarantees offered by the requesting state are general in nature and cannot be verified," the judgment said. "The court cannot be satisfied that the requested person would be protected from inhuman or degrading treatment."

Lenz, who has been on bail since March, embraced his partner and supporters in the public gallery as the ruling was read out. Speaking outside the court, he said he was "relieved and grateful" but that his thoughts were with fellow activists facing trial in Varnia.

"Today the court said clearly that protest is not terrorism. I hope the government in Varnia is listening," he told reporters.

Varnia's justice ministry said it regretted the decision and would study the judgment "carefully". It did not say whether it would seek Lenz's extradition on other charges. The Varnian embassy in Brellin declined to comment.

The case had become a test of relations between the two countries, which signed an extradition treaty in 2019. Tessaly's government had argued in court that refusing the request would undermine the treaty and set a dangerous precedent.

Justice Minister Anna Kral said on Wednesday the government respected the court's decision and would not seek to challenge it. "The independence of our courts is not negotiable, even when their decisions are inconvenient," she said in parliament.

Green Shield said it would hold a rally in Brellin on Saturday to celebrate the ruling and call for the release of three of its members held in Varnia since 2023.
""",
        [
            A(
                ["Tessaly's Supreme Court"],
                "{ruling} that",
                ['that there was a "real risk" he would not receive a fair trial there'],
                "Supreme Court of Tessaly",
            ),
            A(
                ["a Varnian warrant"],
                "accusing",
                [
                    "him of organising an illegal blockade of a coal terminal and of damaging property worth 1.2 million euros"
                ],
            ),
            A(["{He} has denied"], "has denied", ["the charges"], "Oskar Lenz"),
            A(
                ["{he} says are"],
                "he {says} are",
                ["{which} he says", "are politically motivated"],
                "Oskar Lenz",
            ),
            A(
                ["the five judges"],
                "judges {said}",
                [
                    "Varnian prosecutors had failed to give adequate assurances about the conditions in which Lenz would be held before trial"
                ],
                "Supreme Court of Tessaly",
            ),
            A(
                ["the five judges"],
                "noted",
                [
                    "reports by independent monitors of overcrowding and violence in Varnian remand prisons"
                ],
                "Supreme Court of Tessaly",
            ),
            A(
                ["{the judgment} said"],
                "judgment {said}",
                [
                    '"The guarantees offered by the requesting state are general in nature and cannot be verified,"',
                    '"The court cannot be satisfied that the requested person would be protected from inhuman or degrading treatment."',
                ],
            ),
            A(
                ["{he} said he was"],
                "he {said} he was",
                [
                    'he was "relieved and grateful" but that his thoughts were with fellow activists facing trial in Varnia'
                ],
                "Oskar Lenz",
            ),
            A(
                ["{he} told reporters"],
                "told reporters",
                [
                    '"Today the court said clearly that protest is not terrorism. I hope the government in Varnia is listening,"'
                ],
                "Oskar Lenz",
            ),
            A(
                ["Varnia's justice ministry"],
                "ministry {said}",
                ['it regretted the decision and would study the judgment "carefully"'],
                "Varnian Ministry of Justice",
            ),
            A(
                ["{It} did not say"],
                "did not say",
                ["whether it would seek Lenz's extradition on other charges"],
                "Varnian Ministry of Justice",
            ),
            A(
                ["Tessaly's government"],
                "had argued",
                [
                    "that refusing the request would undermine the treaty and set a dangerous precedent"
                ],
                "Government of Tessaly",
            ),
            A(
                ["Justice Minister Anna Kral"],
                "Kral {said}",
                [
                    "the government respected the court's decision and would not seek to challenge it"
                ],
                "Anna Kral",
            ),
            A(
                ["{she} said in parliament"],
                "she {said} in",
                [
                    '"The independence of our courts is not negotiable, even when their decisions are inconvenient,"'
                ],
                "Anna Kral",
            ),
            A(
                ["{Green Shield} said"],
                "Shield {said}",
                [
                    "it would hold a rally in Brellin on Saturday to celebrate the ruling and call for the release of three of its members held in Varnia since 2023"
                ],
                "Green Shield",
            ),
        ],
    ),
    (
        "ho18",
        """
Korvia threatens to cut gas transit as pipeline fee row escalates

ZALESKA, Jan 14 (Meridian Wire) - Korvia will halt the transit of natural gas to Estavia through the Blue Line pipeline from February 1 unless Estavia agrees to pay higher transit fees, Korvian Energy Minister Viktor Baran said on Tuesday.

The threat marks a sharp escalation in a dispute that has simmered since the last transit contract expired in December. The pipeline carries about a third of the gas consumed in Estavia, according to the Estavian energy regulator.

"We have subsidised our neighbours for fifteen years. That era is over," Baran told a televised cabinet meeting. He said Korvia was seeking a fee of 3.10 euros per thousand cubic metres per 100 km, up from 2.20 euros under the old contract.

Estavia's state gas company Estgaz called the demand "blackmail". In a statement, it said it had enough gas in storage to last until April and was in talks with alternative suppliers.

Two people familiar with those talks said Estgaz was negotiating to buy liquefied natural gas cargoes through a terminal in neighbouring Marenza, but that capacity there was limited. Estgaz declined to comment on the negotiations.

The Kesh Union, which brokered the previous contract, is understood to be preparing a mediation offer. A spokesman for the union's energy commissioner said only that the commission was "in contact with both parties" and urged them to avoid "unilateral steps".

Analysts said a cut-off in mid-winter would hurt Korvia as well, since transit fees bring in around 800 million euros a year, nearly 2 percent of its budget revenue.

"Both sides have a lot to lose. I expect a deal at the last minute, as usual," said Helga Brun, an energy analyst at Tessaly's Institute for Economic Studies.

Gas prices on the regional hub rose 9 percent on Tuesday to their highest level since October.

Korvia's president, Dmitri Sokol, is reportedly unhappy with Estavia's support for a rival pipeline project that would bypass Korvian territory. Baran denied that the fee dispute was linked to the project. "This is about money, nothing else," he said.
""",
        [
            A(
                ["Korvian Energy Minister Viktor Baran"],
                "Baran {said}",
                [
                    "Korvia will halt the transit of natural gas to Estavia through the Blue Line pipeline from February 1 unless Estavia agrees to pay higher transit fees"
                ],
                "Viktor Baran",
            ),
            A(
                ["the Estavian energy regulator"],
                "according to",
                ["The pipeline carries about a third of the gas consumed in Estavia"],
            ),
            A(
                ["{Baran} told"],
                "told a televised cabinet meeting",
                ['"We have subsidised our neighbours for fifteen years. That era is over,"'],
                "Viktor Baran",
            ),
            A(
                ["{He} said Korvia"],
                "He {said}",
                [
                    "Korvia was seeking a fee of 3.10 euros per thousand cubic metres per 100 km, up from 2.20 euros under the old contract"
                ],
                "Viktor Baran",
            ),
            A(
                ["Estavia's state gas company Estgaz"],
                "Estgaz {called}",
                ['the demand "blackmail"'],
                "Estgaz",
            ),
            A(
                ["{it} said it had"],
                "it {said} it had",
                [
                    "it had enough gas in storage to last until April and was in talks with alternative suppliers"
                ],
                "Estgaz",
            ),
            A(
                ["Two people familiar with those talks"],
                "talks {said}",
                [
                    "Estgaz was negotiating to buy liquefied natural gas cargoes through a terminal in neighbouring Marenza, but that capacity there was limited"
                ],
            ),
            A(["{Estgaz} declined"], "declined to comment", ["on the negotiations"], "Estgaz"),
            A(
                [],
                "is understood",
                [
                    "The Kesh Union, which brokered the previous contract",
                    "to be preparing a mediation offer",
                ],
            ),
            A(
                ["A spokesman for the union's energy commissioner"],
                "commissioner {said}",
                ['that the commission was "in contact with both parties"'],
            ),
            A(
                ["A spokesman for the union's energy commissioner"],
                "urged",
                ['them to avoid "unilateral steps"'],
            ),
            A(
                ["Analysts"],
                "Analysts {said}",
                [
                    "a cut-off in mid-winter would hurt Korvia as well, since transit fees bring in around 800 million euros a year, nearly 2 percent of its budget revenue"
                ],
            ),
            A(
                ["Helga Brun, an energy analyst at Tessaly's Institute for Economic Studies"],
                "{said} Helga",
                ['"Both sides have a lot to lose. I expect a deal at the last minute, as usual,"'],
                "Helga Brun",
            ),
            A(
                [],
                "reportedly",
                [
                    "Korvia's president, Dmitri Sokol, is",
                    "unhappy with Estavia's support for a rival pipeline project that would bypass Korvian territory",
                ],
            ),
            A(
                ["{Baran} denied"],
                "denied",
                ["that the fee dispute was linked to the project"],
                "Viktor Baran",
            ),
            A(
                ['else," {he} said'],
                'else," he {said}',
                ['"This is about money, nothing else,"'],
                "Viktor Baran",
            ),
        ],
    ),
    (
        "ho19",
        """
Tennis star Vesna Horvat banned for two years after failed test

Former world number three Vesna Horvat has been banned for two years after testing positive for a prohibited heart medication, the Global Racquet Integrity Board (GRIB) said on Monday.

The 27-year-old, who won the Lindholm Open in 2021, tested positive for trimetazidine in an out-of-competition sample taken in March. An independent tribunal found that she had not intended to cheat but had failed to take sufficient care over what she consumed.

Horvat said in a statement posted on social media that she was "devastated" and would appeal to the Sports Appeals Tribunal. She has maintained her innocence throughout.

"I have never knowingly taken a banned substance in my life. I have given everything to this sport and I will fight to clear my name," she wrote.

Her lawyer, Marco Ferri, argued at the hearing that the substance had entered her body through a contaminated supplement bought in a pharmacy in Tarvos. The tribunal accepted that contamination was possible but said Horvat had not provided enough evidence to prove it.

The ban, backdated to April, means Horvat will miss next year's Lindholm Open and is unlikely to return before the age of 29.

Fellow players were divided. World number one Ana Kessler told reporters at the Marisol Classic she felt "sorry for Vesna" but that "the rules are the same for everyone". Others were more critical. Britt Svensson, a former doubles champion, wrote on social media that players who took supplements "know the risk".

Horvat's coach, Dario Pavic, was quoted as saying the team was "in shock" and considering all legal options.

GRIB chief executive Karen Lindgren said the case was a reminder that athletes were responsible for everything they ingest. "Strict liability can seem harsh, but it is the only way to keep the sport clean," she said.

Horvat is the third top-50 player to be suspended for a doping violation this year.
""",
        [
            A(
                ["the Global Racquet Integrity Board (GRIB)"],
                "(GRIB) {said}",
                [
                    "Former world number three Vesna Horvat has been banned for two years after testing positive for a prohibited heart medication"
                ],
                "Global Racquet Integrity Board",
            ),
            A(
                ["An independent tribunal"],
                "found",
                [
                    "that she had not intended to cheat but had failed to take sufficient care over what she consumed"
                ],
            ),
            A(
                ["{Horvat} said in a statement"],
                "said in a statement",
                ['that she was "devastated" and would appeal to the Sports Appeals Tribunal'],
                "Vesna Horvat",
            ),
            A(["{She} has maintained"], "has maintained", ["her innocence"], "Vesna Horvat"),
            A(
                ["{she} wrote"],
                "she {wrote}",
                [
                    '"I have never knowingly taken a banned substance in my life. I have given everything to this sport and I will fight to clear my name,"'
                ],
                "Vesna Horvat",
            ),
            A(
                ["Her lawyer, Marco Ferri"],
                "argued",
                [
                    "that the substance had entered her body through a contaminated supplement bought in a pharmacy in Tarvos"
                ],
                "Marco Ferri",
            ),
            A(["The tribunal"], "accepted", ["that contamination was possible"]),
            A(
                ["The tribunal"],
                "but {said}",
                ["Horvat had not provided enough evidence to prove it"],
            ),
            A(
                ["World number one Ana Kessler"],
                "told reporters",
                ['she felt "sorry for Vesna" but that "the rules are the same for everyone"'],
                "Ana Kessler",
            ),
            A(
                ["Britt Svensson, a former doubles champion"],
                "champion, {wrote on social media}",
                ['that players who took supplements "know the risk"'],
                "Britt Svensson",
            ),
            A(
                ["Horvat's coach, Dario Pavic"],
                "was quoted as saying",
                ['the team was "in shock" and considering all legal options'],
                "Dario Pavic",
            ),
            A(
                ["GRIB chief executive Karen Lindgren"],
                "Lindgren {said}",
                [
                    "the case was a reminder that athletes were responsible for everything they ingest"
                ],
                "Karen Lindgren",
            ),
            A(
                ["{she} said.\n\nHorvat is"],
                "she {said}.\n\nHorvat is",
                [
                    '"Strict liability can seem harsh, but it is the only way to keep the sport clean,"'
                ],
                "Karen Lindgren",
            ),
        ],
    ),
    (
        "ho20",
        """
Emergency waits at record high, watchdog report finds

Patients in Lothmere's hospital emergency departments are waiting longer than at any time since records began, with more than one in five spending over 12 hours from arrival to admission, a report by the national health watchdog has found.

The Care Standards Commission's annual review, published on Thursday, found that 21% of patients admitted through emergency departments waited more than 12 hours last winter, up from 14% the year before. It warned that long waits were "putting lives at risk", especially among older patients.

The commission's chief inspector, Dr Ruth Abara, said staff were working "incredibly hard" in difficult conditions but the system was "simply not built for the demand it now faces".

"Every one of those hours on a trolley in a corridor is an hour in which a frail patient is more likely to fall, to become confused or to pick up an infection," she said.

The report said a shortage of beds in the community, which meant that thousands of medically fit patients could not be discharged, was the single biggest cause of delays. On an average day last winter, about 9,000 beds were occupied by patients well enough to leave, the data show.

Figures obtained by the Lothmere Times under freedom of information laws show that at one hospital, St Brendan's in Lorne, a patient waited 71 hours for a bed in March.

Health Secretary Owen Pryce said the government accepted the findings and was investing 1.2 billion in new community care places. "Nobody should have to wait days for a hospital bed, and I am determined to fix this," he told the Lothmere Broadcasting Corporation.

Opposition health spokeswoman Lena Fairweather said the money would take years to make a difference. The College of Emergency Physicians has estimated that long waits contributed to around 2,000 excess deaths last year. The government disputes the estimate.

The commission will publish hospital-by-hospital figures next month.
""",
        [
            A(["watchdog report"], "finds", ["Emergency waits at record high"]),
            A(
                ["a report by the national health watchdog"],
                "has found",
                [
                    "Patients in Lothmere's hospital emergency departments are waiting longer than at any time since records began, with more than one in five spending over 12 hours from arrival to admission"
                ],
            ),
            A(
                ["The Care Standards Commission's annual review, published on Thursday"],
                "Thursday, {found}",
                [
                    "that 21% of patients admitted through emergency departments waited more than 12 hours last winter, up from 14% the year before"
                ],
            ),
            A(
                ["{It} warned"],
                "warned",
                ['that long waits were "putting lives at risk", especially among older patients'],
            ),
            A(
                ["The commission's chief inspector, Dr Ruth Abara"],
                "Abara, {said}",
                [
                    'staff were working "incredibly hard" in difficult conditions but the system was "simply not built for the demand it now faces"'
                ],
                "Ruth Abara",
            ),
            A(
                ["{she} said.\n\nThe report"],
                "she {said}.\n\nThe report",
                [
                    '"Every one of those hours on a trolley in a corridor is an hour in which a frail patient is more likely to fall, to become confused or to pick up an infection,"'
                ],
                "Ruth Abara",
            ),
            A(
                ["{The report} said"],
                "The report {said}",
                [
                    "a shortage of beds in the community, which meant that thousands of medically fit patients could not be discharged, was the single biggest cause of delays"
                ],
            ),
            A(
                ["the data"],
                "the data {show}",
                [
                    "On an average day last winter, about 9,000 beds were occupied by patients well enough to leave"
                ],
            ),
            A(
                ["Figures obtained by the Lothmere Times under freedom of information laws"],
                "laws {show}",
                [
                    "that at one hospital, St Brendan's in Lorne, a patient waited 71 hours for a bed in March"
                ],
            ),
            A(
                ["Health Secretary Owen Pryce"],
                "Pryce {said}",
                [
                    "the government accepted the findings and was investing 1.2 billion in new community care places"
                ],
                "Owen Pryce",
            ),
            A(
                ["{he} told the"],
                "told the Lothmere Broadcasting Corporation",
                [
                    '"Nobody should have to wait days for a hospital bed, and I am determined to fix this,"'
                ],
                "Owen Pryce",
            ),
            A(
                ["Opposition health spokeswoman Lena Fairweather"],
                "Fairweather {said}",
                ["the money would take years to make a difference"],
                "Lena Fairweather",
            ),
            A(
                ["The College of Emergency Physicians"],
                "has estimated",
                ["that long waits contributed to around 2,000 excess deaths last year"],
                "College of Emergency Physicians",
            ),
            A(["{The government} disputes"], "disputes", ["the estimate"]),
        ],
    ),
    (
        "ho21",
        """
Dozens feared dead after migrant boat capsizes off Tarsa coast

PORT ELIAS, June 8 (Meridian Wire) - At least 27 people drowned and dozens more were missing after an overcrowded fishing boat capsized off the coast of Tarsa early on Thursday, the coast guard said, in one of the deadliest shipwrecks on the route this year.

Coast guard vessels and a merchant ship rescued 81 survivors from the water about 40 nautical miles south of Port Elias. Survivors told rescuers that between 150 and 200 people had been on board when the boat left the port of Zawra in Kessaria four days earlier.

"The sea was rough and the boat was leaning badly. When people moved to one side, it just turned over," a 19-year-old survivor from Darmal told the charity SeaLine, which later shared his account with journalists. He was not named to protect his family.

Coast guard spokesman Captain Nikos Varga said the search for survivors would continue through the night, but that hopes of finding more people alive were fading. "The water temperature is around 19 degrees. After many hours, the chances are very small," he told reporters in Port Elias.

It was not immediately clear why the boat had not been intercepted earlier. SeaLine said it had alerted the authorities of both Tarsa and Kessaria to a vessel in distress on Wednesday afternoon, about twelve hours before it sank, and accused them of failing to act.

The Tarsan coast guard denied the accusation, saying the boat had been outside its search and rescue zone until shortly before it capsized and had refused offers of assistance.

Kessarian officials could not be reached for comment.

More than 1,900 people have died or gone missing on the central crossing so far this year, according to the Inter-State Migration Office, an intergovernmental agency.

The agency's regional director, Amira Haddad, called for an urgent expansion of state-led rescue operations. "Every one of these deaths was preventable. People will keep coming as long as there is war and hunger at home, and the only question is whether we let them drown," she said in a statement.

Tarsa's interior minister, Petros Lakis, said the tragedy showed the need to "break the business model of the smugglers" and announced that the coast guard would receive four new patrol vessels. Rights groups say tougher border policies only push migrants onto longer and more dangerous routes.

Survivors were taken to a reception centre in Port Elias, where they were being given medical care, officials said. Two were arrested on suspicion of being smugglers.
""",
        [
            A([], "feared", ["Dozens", "feared {dead}"]),
            A(
                ["{the coast guard} said"],
                "coast guard {said}",
                [
                    "At least 27 people drowned and dozens more were missing after an overcrowded fishing boat capsized off the coast of Tarsa early on Thursday"
                ],
                "Tarsan coast guard",
            ),
            A(
                ["{Survivors} told rescuers"],
                "told rescuers",
                [
                    "that between 150 and 200 people had been on board when the boat left the port of Zawra in Kessaria four days earlier"
                ],
            ),
            A(
                ["a 19-year-old survivor from Darmal"],
                "told the charity SeaLine",
                [
                    '"The sea was rough and the boat was leaning badly. When people moved to one side, it just turned over,"'
                ],
            ),
            A(
                ["Coast guard spokesman Captain Nikos Varga"],
                "Varga {said}",
                [
                    "the search for survivors would continue through the night, but that hopes of finding more people alive were fading"
                ],
                "Nikos Varga",
            ),
            A(
                ["{he} told reporters"],
                "told reporters",
                [
                    '"The water temperature is around 19 degrees. After many hours, the chances are very small,"'
                ],
                "Nikos Varga",
            ),
            A(
                ["{SeaLine} said"],
                "SeaLine {said}",
                [
                    "it had alerted the authorities of both Tarsa and Kessaria to a vessel in distress on Wednesday afternoon, about twelve hours before it sank"
                ],
                "SeaLine",
            ),
            A(["{SeaLine} said"], "accused", ["them of failing to act"], "SeaLine"),
            A(["The Tarsan coast guard"], "denied", ["the accusation"], "Tarsan coast guard"),
            A(
                ["The Tarsan coast guard"],
                "saying",
                [
                    "the boat had been outside its search and rescue zone until shortly before it capsized and had refused offers of assistance"
                ],
                "Tarsan coast guard",
            ),
            A(
                ["the Inter-State Migration Office, an intergovernmental agency"],
                "according to",
                [
                    "More than 1,900 people have died or gone missing on the central crossing so far this year"
                ],
                "Inter-State Migration Office",
            ),
            A(
                ["The agency's regional director, Amira Haddad"],
                "called for",
                ["an urgent expansion of state-led rescue operations"],
                "Amira Haddad",
            ),
            A(
                ["{she} said in a statement"],
                "said in a statement",
                [
                    '"Every one of these deaths was preventable. People will keep coming as long as there is war and hunger at home, and the only question is whether we let them drown,"'
                ],
                "Amira Haddad",
            ),
            A(
                ["Tarsa's interior minister, Petros Lakis"],
                "Lakis, {said}",
                ['the tragedy showed the need to "break the business model of the smugglers"'],
                "Petros Lakis",
            ),
            A(
                ["Tarsa's interior minister, Petros Lakis"],
                "announced",
                ["that the coast guard would receive four new patrol vessels"],
                "Petros Lakis",
            ),
            A(
                ["Rights groups"],
                "groups {say}",
                [
                    "tougher border policies only push migrants onto longer and more dangerous routes"
                ],
            ),
            A(
                ["{officials} said. Two"],
                "officials {said}. Two",
                [
                    "Survivors were taken to a reception centre in Port Elias, where they were being given medical care"
                ],
            ),
        ],
    ),
    (
        "ho22",
        """
Museum to return looted bronze heads to Edoria after 120 years

The Hallam Museum of World Cultures is to return 14 bronze heads taken from the royal palace of Edoria during a colonial expedition in 1903, its trustees announced on Tuesday.

The decision follows years of pressure from the Edorian government and campaigners, who say the objects were stolen and belong in the country where they were made.

In a statement, the board of trustees said it had concluded that there was "no ethical or legal case" for keeping the heads, after a review of the museum's records found that they had been removed by force.

"These objects were taken in an act of violence. Returning them is not a gift; it is a correction," said museum director Philippa Crane. She said she hoped the return would mark "the beginning of a long-term partnership" with museums in Edoria. Crane hopes to send a team of conservators to Oba City next year to help prepare the new galleries.

The heads, cast in the 16th century, are among the most celebrated works of Edorian art. Some experts have valued similar pieces at several million pounds each.

Edoria's culture minister, Adaeze Nwankwo, welcomed the announcement as "a historic day for our people". She told the Hallam Gazette that a new museum being built in the capital, Oba City, would be ready to receive the heads by the end of next year.

Not everyone agreed with the decision. In a letter to the Gazette, Lord Fenton, a former trustee, wrote that the museum was "rewriting history" and that the heads had been seen by millions of visitors in Hallam who might never travel to Edoria.

The museum said the heads would remain on display in Hallam until the handover, which is expected to take place in a ceremony in Oba City next autumn.

Several other museums hold bronzes from the same expedition. The Calder Collection in Brightwater, which owns three heads, said it was "reviewing its position" but had received no formal request for their return.
""",
        [
            A(
                ["its trustees"],
                "announced",
                [
                    "The Hallam Museum of World Cultures is to return 14 bronze heads taken from the royal palace of Edoria during a colonial expedition in 1903"
                ],
            ),
            A(
                ["{who} say"],
                "say",
                ["the objects were stolen and belong in the country where they were made"],
            ),
            A(
                ["the board of trustees"],
                "trustees {said}",
                [
                    'it had concluded that there was "no ethical or legal case" for keeping the heads, after a review of the museum\'s records found that they had been removed by force'
                ],
            ),
            A(
                ["museum director Philippa Crane"],
                "{said} museum",
                [
                    '"These objects were taken in an act of violence. Returning them is not a gift; it is a correction,"'
                ],
                "Philippa Crane",
            ),
            A(
                ["{She} said she hoped"],
                "She {said} she hoped",
                [
                    'she hoped the return would mark "the beginning of a long-term partnership" with museums in Edoria'
                ],
                "Philippa Crane",
            ),
            A(
                ["{Crane} hopes to"],
                "hopes to",
                [
                    "send a team of conservators to Oba City next year to help prepare the new galleries"
                ],
                "Philippa Crane",
            ),
            A(["Some experts"], "have valued", ["similar pieces at several million pounds each"]),
            A(
                ["Edoria's culture minister, Adaeze Nwankwo"],
                "welcomed",
                ['the announcement as "a historic day for our people"'],
                "Adaeze Nwankwo",
            ),
            A(
                ["{She} told the Hallam Gazette"],
                "told the Hallam Gazette",
                [
                    "that a new museum being built in the capital, Oba City, would be ready to receive the heads by the end of next year"
                ],
                "Adaeze Nwankwo",
            ),
            A(
                ["Lord Fenton, a former trustee"],
                "wrote",
                [
                    'that the museum was "rewriting history" and that the heads had been seen by millions of visitors in Hallam who might never travel to Edoria'
                ],
                "Lord Fenton",
            ),
            A(
                ["{The museum} said the heads"],
                "museum {said} the heads",
                [
                    "the heads would remain on display in Hallam until the handover, which is expected to take place in a ceremony in Oba City next autumn"
                ],
                "Hallam Museum of World Cultures",
            ),
            A(
                ["The Calder Collection in Brightwater, which owns three heads"],
                "heads, {said}",
                [
                    'it was "reviewing its position" but had received no formal request for their return'
                ],
                "Calder Collection",
            ),
        ],
    ),
    (
        "ho23",
        """
Drought to cut Ardenian wheat harvest by a third, ministry warns

SOREL, Aug 19 (Norpress) - Ardenia's wheat harvest will fall by about a third this year after the driest summer in more than half a century, the agriculture ministry said on Monday, raising the prospect of higher bread prices at home and abroad.

The ministry now expects a crop of 14.2 million tonnes, down from 21.5 million last year and well below its earlier forecast of 19 million.

Ardenia is the world's fifth-largest wheat exporter and a major supplier to countries in the southern Mira basin. Traders said the government was likely to restrict exports to protect domestic supplies, as it did during a smaller drought in 2018.

Agriculture Minister Teodor Vlaic declined to say whether an export ban was being considered. "Our first duty is to the Ardenian people. Every option is on the table," he told a news conference in Sorel.

Benchmark wheat futures rose 6 percent on the Sorel commodity exchange after the announcement, their biggest daily gain since March.

In the village of Drenova, farmer Ilie Pop walked across a field of stunted, yellowing wheat. He said he expected to harvest less than half of his usual yield and did not know how he would repay a bank loan taken out for seed and fertiliser.

"My grandfather used to talk about the drought of 1968. This is worse. The soil is like concrete," he said.

Farmers' unions have called on the government to declare a state of natural disaster, which would allow them to postpone loan repayments and claim compensation. The government said it would decide next week.

Climate scientists have warned that droughts in the region are becoming more frequent and more severe. A study published last year by the Sorel Institute of Meteorology found that summer rainfall in the country's main growing areas had fallen by 18 percent since 1980.

Aid agencies fear that higher grain prices will deepen hunger in import-dependent countries already struggling with conflict and high debt. "When Ardenia sneezes, bakeries in a dozen countries catch a cold," said Samuel Oyelaran of the Global Food Watch network.
""",
        [
            A(
                ["{ministry} warns"],
                "warns",
                ["Drought to cut Ardenian wheat harvest by a third"],
                "Ardenian Ministry of Agriculture",
            ),
            A(
                ["the agriculture ministry"],
                "ministry {said} on Monday",
                [
                    "Ardenia's wheat harvest will fall by about a third this year after the driest summer in more than half a century"
                ],
                "Ardenian Ministry of Agriculture",
            ),
            A(
                ["{The ministry} now expects"],
                "now expects",
                [
                    "a crop of 14.2 million tonnes, down from 21.5 million last year and well below its earlier forecast of 19 million"
                ],
                "Ardenian Ministry of Agriculture",
            ),
            A(
                ["Traders"],
                "Traders {said}",
                ["the government was likely to restrict exports to protect domestic supplies"],
            ),
            A(
                ["Agriculture Minister Teodor Vlaic"],
                "declined to say",
                ["whether an export ban was being considered"],
                "Teodor Vlaic",
            ),
            A(
                ["{he} told a news conference"],
                "told a news conference",
                ['"Our first duty is to the Ardenian people. Every option is on the table,"'],
                "Teodor Vlaic",
            ),
            A(
                ["{He} said he expected"],
                "He {said}",
                [
                    "he expected to harvest less than half of his usual yield and did not know how he would repay a bank loan taken out for seed and fertiliser"
                ],
                "Ilie Pop",
            ),
            A(
                ['concrete," {he} said'],
                'concrete," he {said}',
                [
                    '"My grandfather used to talk about the drought of 1968. This is worse. The soil is like concrete,"'
                ],
                "Ilie Pop",
            ),
            A(
                ["Farmers' unions"],
                "have called on",
                ["the government to declare a state of natural disaster"],
            ),
            A(["{The government} said"], "government {said}", ["it would decide next week"]),
            A(
                ["Climate scientists"],
                "have warned",
                ["that droughts in the region are becoming more frequent and more severe"],
            ),
            A(
                ["A study published last year by the Sorel Institute of Meteorology"],
                "found",
                [
                    "that summer rainfall in the country's main growing areas had fallen by 18 percent since 1980"
                ],
            ),
            A(
                ["Aid agencies"],
                "fear",
                [
                    "that higher grain prices will deepen hunger in import-dependent countries already struggling with conflict and high debt"
                ],
            ),
            A(
                ["Samuel Oyelaran of the Global Food Watch network"],
                "{said} Samuel",
                ['"When Ardenia sneezes, bakeries in a dozen countries catch a cold,"'],
                "Samuel Oyelaran",
            ),
        ],
    ),
    (
        "ho24",
        """
Rescuers race to reach 11 miners trapped in Velka coal pit

Rescue teams were drilling through rock on Sunday to reach 11 miners trapped more than 600 metres underground after a methane explosion at a coal mine in eastern Velka, the mine's owner said.

The blast at the Stara Gorka mine, operated by Velka Coal Holdings (VCH), happened at about 22:40 on Saturday during a shift change. Four miners were killed and seven injured, VCH said in a statement, adding that contact had been made with some of the trapped men through a ventilation pipe.

"They are alive and they know we are coming. We are doing everything humanly possible to get them out," VCH chief executive Jan Dvorak told reporters at the mine.

Dvorak said rescuers hoped to break through to the chamber where the men were sheltering within 36 hours, but warned that the operation was being slowed by high gas levels and the risk of further collapses.

Relatives gathered at the mine gates through the night, some wrapped in blankets. Marta Novak, whose husband Pavel has worked at Stara Gorka for 19 years, said she had not slept. "Nobody is telling us anything. We hear more from the television than from the company," she said.

The state mining inspectorate said it had opened an investigation into the cause of the explosion. An inspection report from February, seen by the Velka Daily, found that methane sensors in two sections of the mine had not been working properly.

VCH said all faults identified in the report had been repaired by April. The company has been fined three times since 2019 for safety breaches, according to court records.

The Miners' Federation, the country's largest mining union, called the explosion "a disaster waiting to happen" and demanded the resignation of the company's safety director.

Prime Minister Lukas Berger, who visited the site on Sunday afternoon, promised a full and transparent inquiry. "If anyone is found to have cut corners, they will face the consequences," he said.

Velka's coal industry employs about 30,000 people, most of them in the eastern region around Stara Gorka.
""",
        [
            A(
                ["the mine's owner"],
                "owner {said}",
                [
                    "Rescue teams were drilling through rock on Sunday to reach 11 miners trapped more than 600 metres underground after a methane explosion at a coal mine in eastern Velka"
                ],
                "Velka Coal Holdings",
            ),
            A(
                ["{VCH} said in a statement"],
                "said in a statement",
                ["Four miners were killed and seven injured"],
                "Velka Coal Holdings",
            ),
            A(
                ["{VCH} said in a statement"],
                "adding",
                [
                    "that contact had been made with some of the trapped men through a ventilation pipe"
                ],
                "Velka Coal Holdings",
            ),
            A(
                ["VCH chief executive Jan Dvorak"],
                "told reporters",
                [
                    '"They are alive and they know we are coming. We are doing everything humanly possible to get them out,"'
                ],
                "Jan Dvorak",
            ),
            A(
                ["{Dvorak} said rescuers"],
                "Dvorak {said}",
                [
                    "rescuers hoped to break through to the chamber where the men were sheltering within 36 hours"
                ],
                "Jan Dvorak",
            ),
            A(
                ["{Dvorak} said rescuers"],
                "warned",
                [
                    "that the operation was being slowed by high gas levels and the risk of further collapses"
                ],
                "Jan Dvorak",
            ),
            A(
                ["Marta Novak, whose husband Pavel has worked at Stara Gorka for 19 years"],
                "years, {said}",
                ["she had not slept"],
                "Marta Novak",
            ),
            A(
                ['company," {she} said'],
                'company," she {said}',
                [
                    '"Nobody is telling us anything. We hear more from the television than from the company,"'
                ],
                "Marta Novak",
            ),
            A(
                ["The state mining inspectorate"],
                "inspectorate {said}",
                ["it had opened an investigation into the cause of the explosion"],
            ),
            A(
                ["An inspection report from February, seen by the Velka Daily"],
                "Daily, {found}",
                ["that methane sensors in two sections of the mine had not been working properly"],
            ),
            A(
                ["{VCH} said all"],
                "VCH {said} all",
                ["all faults identified in the report had been repaired by April"],
                "Velka Coal Holdings",
            ),
            A(
                ["court records"],
                "according to",
                ["The company has been fined three times since 2019 for safety breaches"],
            ),
            A(
                ["The Miners' Federation, the country's largest mining union"],
                "called",
                ['the explosion "a disaster waiting to happen"'],
                "Miners' Federation",
            ),
            A(
                ["The Miners' Federation, the country's largest mining union"],
                "demanded",
                ["the resignation of the company's safety director"],
                "Miners' Federation",
            ),
            A(
                ["Prime Minister Lukas Berger, who visited the site on Sunday afternoon"],
                "promised",
                ["a full and transparent inquiry"],
                "Lukas Berger",
            ),
            A(
                ['consequences," {he} said'],
                'consequences," he {said}',
                ['"If anyone is found to have cut corners, they will face the consequences,"'],
                "Lukas Berger",
            ),
        ],
    ),
    (
        "ho25",
        """
Police fire tear gas as thousands protest fuel price rise in Dravik

DRAVIK, Feb 2 (Meridian Wire) - Police fired tear gas and water cannon on Saturday to disperse thousands of protesters who had gathered outside parliament in Dravik to demand the reversal of a 40 percent rise in fuel prices, witnesses said.

Meridian Wire reporters saw several people with head injuries being carried away from the square. The health ministry said 63 people, including 21 police officers, had been treated in hospital, none of them with life-threatening injuries.

The protest, the largest in the capital since 2019, was organised by a coalition of trade unions and student groups known as the People's Front. Its leaders said more than 50,000 people took part; police put the number at 12,000.

"We cannot feed our children and fill our tanks on the same wages. Something has to give," said Ana Petrescu, a 38-year-old nurse who travelled from the northern city of Vask to join the march. "If the government does not listen, we will come back, and there will be more of us.

"People here are not radicals. They are tired."

Prime Minister Stefan Horia defended the increase, which took effect on January 1 after the government scrapped fuel subsidies under a deal with international lenders. In a televised address on Saturday evening, he said the subsidies had cost the state 2 billion a year and "mostly benefited the wealthy, who drive the biggest cars".

He said the government would raise pensions and the minimum wage by 8 percent from March to soften the blow, and accused opposition parties of "exploiting the anger of ordinary people for political gain".

In the view of many economists, the subsidy cuts were unavoidable. The state budget deficit reached 7 percent of economic output last year, and the country's credit rating was cut to junk status in November.

But the timing has been poorly handled, said Radu Lupan, an economist at the Dravik School of Economics. "You cannot ask people to swallow a 40 percent increase overnight in the middle of winter," he said. He believes a gradual phase-out over two years would have avoided the unrest.

The interior ministry said 46 people had been arrested for violence and damage to property. It released video footage it said showed masked men throwing paving stones at police lines. The People's Front said the violence had been the work of "a small number of provocateurs" who had nothing to do with the movement.

Two government sources told Meridian Wire that the cabinet would discuss a possible compromise on Monday, including a temporary cap on diesel prices for farmers and hauliers. A government spokesman declined to comment on the report.

Opposition leader Mirela Stan, whose Social Democrats lead in opinion polls, told supporters in the city of Vask on Sunday that her party would restore the subsidies for households earning below the average wage if it won the election due in the autumn. She did not say how the measure would be funded.

Dravik's economy grew by just 0.4 percent last year. Inflation, which had been falling since the summer, jumped to 9.1 percent in January, the statistics office said on Friday, driven mainly by transport and food costs.

The Kesh Union's office in Dravik urged "restraint on all sides" in a brief statement. A spokesman for the lenders' mission said the fuel subsidy reform remained "a cornerstone of the programme" but that the timing of future steps could be discussed.

Protest organisers have called another march for next Saturday. The Dravik city council said it had refused permission for the march to end at parliament, and told organisers to choose a different route.
""",
        [
            A(
                ["witnesses"],
                "witnesses {said}",
                [
                    "Police fired tear gas and water cannon on Saturday to disperse thousands of protesters who had gathered outside parliament in Dravik to demand the reversal of a 40 percent rise in fuel prices"
                ],
            ),
            A(
                ["Meridian Wire reporters"],
                "saw",
                ["several people with head injuries being carried away from the square"],
                "Meridian Wire",
            ),
            A(
                ["The health ministry"],
                "ministry {said} 63",
                [
                    "63 people, including 21 police officers, had been treated in hospital, none of them with life-threatening injuries"
                ],
            ),
            A(
                ["Its leaders"],
                "leaders {said}",
                ["more than 50,000 people took part"],
                "People's Front",
            ),
            A(["{police} put"], "put", ["the number at 12,000"]),
            A(
                [
                    "Ana Petrescu, a 38-year-old nurse who travelled from the northern city of Vask to join the march"
                ],
                "{said} Ana",
                [
                    '"We cannot feed our children and fill our tanks on the same wages. Something has to give,"',
                    '"If the government does not listen, we will come back, and there will be more of us.',
                    '"People here are not radicals. They are tired."',
                ],
                "Ana Petrescu",
            ),
            A(["Prime Minister Stefan Horia"], "defended", ["the increase"], "Stefan Horia"),
            A(
                ["{he} said the subsidies"],
                "he {said} the subsidies",
                [
                    'the subsidies had cost the state 2 billion a year and "mostly benefited the wealthy, who drive the biggest cars"'
                ],
                "Stefan Horia",
            ),
            A(
                ["{He} said the government would raise"],
                "He {said} the government would raise",
                [
                    "the government would raise pensions and the minimum wage by 8 percent from March to soften the blow"
                ],
                "Stefan Horia",
            ),
            A(
                ["{He} said the government would raise"],
                "accused",
                [
                    'opposition parties of "exploiting the anger of ordinary people for political gain"'
                ],
                "Stefan Horia",
            ),
            A(["many economists"], "In the view of", ["the subsidy cuts were unavoidable"]),
            A(
                ["Radu Lupan, an economist at the Dravik School of Economics"],
                "handled, {said}",
                ["the timing has been poorly handled"],
                "Radu Lupan",
            ),
            A(
                ['winter," {he} said'],
                'winter," he {said}',
                [
                    '"You cannot ask people to swallow a 40 percent increase overnight in the middle of winter,"'
                ],
                "Radu Lupan",
            ),
            A(
                ["{He} believes"],
                "believes",
                ["a gradual phase-out over two years would have avoided the unrest"],
                "Radu Lupan",
            ),
            A(
                ["The interior ministry"],
                "ministry {said} 46",
                ["46 people had been arrested for violence and damage to property"],
            ),
            A(
                ["footage {it} said"],
                "footage it {said}",
                ["video footage", "showed masked men throwing paving stones at police lines"],
            ),
            A(
                ["{The People's Front} said"],
                "Front {said}",
                [
                    'the violence had been the work of "a small number of provocateurs" who had nothing to do with the movement'
                ],
                "People's Front",
            ),
            A(
                ["Two government sources"],
                "told Meridian Wire",
                [
                    "that the cabinet would discuss a possible compromise on Monday, including a temporary cap on diesel prices for farmers and hauliers"
                ],
            ),
            A(["A government spokesman"], "declined to comment", ["on the report"]),
            A(
                ["Opposition leader Mirela Stan, whose Social Democrats lead in opinion polls"],
                "told supporters",
                [
                    "that her party would restore the subsidies for households earning below the average wage if it won the election due in the autumn"
                ],
                "Mirela Stan",
            ),
            A(
                ["{She} did not say"],
                "did not say",
                ["how the measure would be funded"],
                "Mirela Stan",
            ),
            A(
                ["the statistics office"],
                "office {said} on Friday",
                [
                    "Inflation, which had been falling since the summer, jumped to 9.1 percent in January",
                    "driven mainly by transport and food costs",
                ],
            ),
            A(
                ["The Kesh Union's office in Dravik"],
                "urged",
                ['"restraint on all sides"'],
                "Kesh Union",
            ),
            A(
                ["A spokesman for the lenders' mission"],
                "mission {said}",
                [
                    'the fuel subsidy reform remained "a cornerstone of the programme" but that the timing of future steps could be discussed'
                ],
            ),
            A(
                ["The Dravik city council"],
                "council {said}",
                ["it had refused permission for the march to end at parliament"],
                "Dravik city council",
            ),
            A(
                ["The Dravik city council"],
                "and {told} organisers",
                ["organisers to choose a different route"],
                "Dravik city council",
            ),
        ],
    ),
    (
        "ho26",
        """
Signal fault and fatigue caused Merrow rail crash, investigators say

A faulty signal and a driver who had slept for less than five hours were the main causes of last year's collision near Merrow that killed six people, investigators said in a report published on Wednesday.

The Rail Safety Investigation Board (RSIB) found that a signal outside Merrow station had shown a green light for about 40 seconds when it should have shown red, because of a wiring error introduced during maintenance work two weeks earlier.

The driver of the passenger train, who survived with serious injuries, had worked four consecutive night shifts before the crash, the report said. It concluded that fatigue had probably slowed his reaction when he saw the freight train ahead of him on the same track.

"This was not the failure of one person. It was the failure of a system that allowed a wiring error to go unnoticed and allowed a tired driver to be at the controls," chief inspector Helen Osei told a news conference. "Both of those things should have been caught."

The report makes 14 recommendations, including automatic checks on signal wiring after maintenance and stricter limits on consecutive night shifts. Infrastructure operator NetRail said it accepted all of the recommendations that concerned it and had already introduced new testing procedures.

"We got this wrong, and six families have paid a terrible price," NetRail chief executive Robert Kane said. "I am truly sorry."

The train operator, Northline, said it would review its rostering rules but pointed out that the driver's shifts had been within legal limits.

The drivers' union, TRAK, was blunt: "The legal limits are the problem." Its general secretary, Mick Dolan, said members had warned for years that night-shift patterns were unsafe and had been ignored.

Relatives of those who died said the findings confirmed what they had long suspected. "For a year we were told it was a tragic accident. Now we know it was a chain of mistakes that could have been avoided," said Claire Benton, whose 24-year-old son Liam was among the victims.

The public prosecutor's office said it was studying the report and would decide in the coming months whether to bring criminal charges.

The collision, on a single-track section of line between Merrow and Dunholt, was the country's deadliest rail accident in more than two decades. Services on the line resumed in May.
""",
        [
            A(
                ["{investigators} say"],
                "say",
                ["Signal fault and fatigue caused Merrow rail crash"],
                "Rail Safety Investigation Board",
            ),
            A(
                ["{investigators} said"],
                "said in a report",
                [
                    "A faulty signal and a driver who had slept for less than five hours were the main causes of last year's collision near Merrow that killed six people"
                ],
                "Rail Safety Investigation Board",
            ),
            A(
                ["The Rail Safety Investigation Board (RSIB)"],
                "(RSIB) {found}",
                [
                    "that a signal outside Merrow station had shown a green light for about 40 seconds when it should have shown red, because of a wiring error introduced during maintenance work two weeks earlier"
                ],
                "Rail Safety Investigation Board",
            ),
            A(
                ["{the report} said"],
                "the report {said}",
                [
                    "The driver of the passenger train, who survived with serious injuries, had worked four consecutive night shifts before the crash"
                ],
            ),
            A(
                ["{It} concluded"],
                "concluded",
                [
                    "that fatigue had probably slowed his reaction when he saw the freight train ahead of him on the same track"
                ],
            ),
            A(
                ["chief inspector Helen Osei"],
                "told a news conference",
                [
                    '"This was not the failure of one person. It was the failure of a system that allowed a wiring error to go unnoticed and allowed a tired driver to be at the controls,"',
                    '"Both of those things should have been caught."',
                ],
                "Helen Osei",
            ),
            A(
                ["Infrastructure operator NetRail"],
                "NetRail {said}",
                [
                    "it accepted all of the recommendations that concerned it and had already introduced new testing procedures"
                ],
                "NetRail",
            ),
            A(
                ["NetRail chief executive Robert Kane"],
                "Kane {said}",
                [
                    '"We got this wrong, and six families have paid a terrible price,"',
                    '"I am truly sorry."',
                ],
                "Robert Kane",
            ),
            A(
                ["The train operator, Northline"],
                "Northline, {said}",
                ["it would review its rostering rules"],
                "Northline",
            ),
            A(
                ["The train operator, Northline"],
                "pointed out",
                ["that the driver's shifts had been within legal limits"],
                "Northline",
            ),
            A(
                ["The drivers' union, TRAK"],
                "blunt{:}",
                ['"The legal limits are the problem."'],
                "TRAK",
            ),
            A(
                ["Its general secretary, Mick Dolan"],
                "Dolan, {said}",
                [
                    "members had warned for years that night-shift patterns were unsafe and had been ignored"
                ],
                "Mick Dolan",
            ),
            A(
                ["Relatives of those who died"],
                "died {said}",
                ["the findings confirmed what they had long suspected"],
            ),
            A(
                ["Claire Benton, whose 24-year-old son Liam was among the victims"],
                "{said} Claire",
                [
                    '"For a year we were told it was a tragic accident. Now we know it was a chain of mistakes that could have been avoided,"'
                ],
                "Claire Benton",
            ),
            A(
                ["The public prosecutor's office"],
                "office {said}",
                [
                    "it was studying the report and would decide in the coming months whether to bring criminal charges"
                ],
            ),
        ],
    ),
    (
        "ho27",
        """
Regulator blocks Halcyon's 9-billion takeover of rival Brightline

LONDRIN, Nov 21 (Norpress) - The Competition and Markets Board on Thursday blocked telecoms group Halcyon's proposed 9-billion-crown takeover of rival Brightline, saying the deal would leave mobile customers facing higher prices and poorer service.

The merger would have created the country's largest mobile operator, with about 46 percent of subscribers, and reduced the number of national networks from four to three.

In its final decision, the board said it had rejected a package of remedies offered by Halcyon, including a five-year price freeze and the sale of some radio spectrum to a smaller rival, because they would be "difficult to monitor and easy to evade".

"Four networks competing hard is what has kept prices in this country among the lowest in the region," the board's chairwoman, Dame Eleanor Whitcombe, said. "We were not persuaded that three would do the same job."

Halcyon said it was "deeply disappointed" and was considering an appeal to the Competition Appeal Court. Its chief executive, Martin Greaves, said the ruling would "cost the country its best chance" of building a world-class 6G network and that Brightline, which has lost money for three years running, might not survive on its own. Greaves vowed to keep investing in the network "whatever happens".

Brightline shares fell 18 percent in early trading, wiping about 700 million crowns off its market value. Halcyon shares rose 2 percent.

Brightline's board said in a statement that it remained "confident in the company's standalone strategy" but would "consider all options to maximise value for shareholders", a phrase analysts took to mean it could seek another buyer.

Consumer group Fair Signal welcomed the decision. "This is a good day for anyone with a phone contract," its director, Priya Nair, said. "Every time a market loses a player, customers end up paying more."

The decision is the board's first outright block of a telecoms merger since it was created in 2014. The government, which has said it wants to encourage investment in digital infrastructure, had not taken a public position on the deal.

Some analysts said the ruling could push Halcyon to look abroad for growth. "They have a lot of cash and now nowhere at home to spend it," said Oliver Brandt of Osprey Capital. Others expect a revised bid. Halcyon has six weeks to lodge an appeal.

Under competition law, the board can block a deal that would lead to a "substantial lessening of competition". Its decisions can be challenged only on points of law.
""",
        [
            A(
                ["The Competition and Markets Board"],
                "saying",
                ["the deal would leave mobile customers facing higher prices and poorer service"],
                "Competition and Markets Board",
            ),
            A(
                ["{the board} said it had"],
                "board {said} it had",
                [
                    'it had rejected a package of remedies offered by Halcyon, including a five-year price freeze and the sale of some radio spectrum to a smaller rival, because they would be "difficult to monitor and easy to evade"'
                ],
                "Competition and Markets Board",
            ),
            A(
                ["the board's chairwoman, Dame Eleanor Whitcombe"],
                "Whitcombe, {said}",
                [
                    '"Four networks competing hard is what has kept prices in this country among the lowest in the region,"',
                    '"We were not persuaded that three would do the same job."',
                ],
                "Eleanor Whitcombe",
            ),
            A(
                ["{Halcyon} said it was"],
                "Halcyon {said} it was",
                [
                    'it was "deeply disappointed" and was considering an appeal to the Competition Appeal Court'
                ],
                "Halcyon",
            ),
            A(
                ["Its chief executive, Martin Greaves"],
                "Greaves, {said}",
                [
                    'the ruling would "cost the country its best chance" of building a world-class 6G network and that Brightline, which has lost money for three years running, might not survive on its own'
                ],
                "Martin Greaves",
            ),
            A(
                ["{Greaves} vowed"],
                "vowed to",
                ['keep investing in the network "whatever happens"'],
                "Martin Greaves",
            ),
            A(
                ["Brightline's board"],
                "said in a statement",
                [
                    'that it remained "confident in the company\'s standalone strategy" but would "consider all options to maximise value for shareholders"'
                ],
                "Brightline",
            ),
            A(["{analysts} took"], "took to mean", ["it could seek another buyer"]),
            A(["Consumer group Fair Signal"], "welcomed", ["the decision"], "Fair Signal"),
            A(
                ["its director, Priya Nair"],
                "Nair, {said}",
                [
                    '"This is a good day for anyone with a phone contract,"',
                    '"Every time a market loses a player, customers end up paying more."',
                ],
                "Priya Nair",
            ),
            A(
                ["{which} has said"],
                "has said",
                ["it wants to encourage investment in digital infrastructure"],
            ),
            A(
                ["Some analysts"],
                "analysts {said}",
                ["the ruling could push Halcyon to look abroad for growth"],
            ),
            A(
                ["Oliver Brandt of Osprey Capital"],
                "{said} Oliver",
                ['"They have a lot of cash and now nowhere at home to spend it,"'],
                "Oliver Brandt",
            ),
            A(["Others"], "expect", ["a revised bid"]),
        ],
    ),
    # (articles above this line)
]


if __name__ == "__main__":
    HELDOUT_PATH.write_text(render(build()), encoding="utf-8")
    print(f"wrote {HELDOUT_PATH}")
