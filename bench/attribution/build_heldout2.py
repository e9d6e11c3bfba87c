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
    spec = importlib.util.spec_from_file_location(
        "build_heldout_for_set2", HERE / "build_heldout.py"
    )
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
            ),
            A(
                ["reporters"],
                "Asked",
                ["whether she would accept Brandt's challenge to four televised debates"],
            ),
            A(
                ["debates, {Okafor} said"],
                "debates, Okafor {said}",
                [
                    'she would "debate him in every barn in the state" but had not agreed to any dates'
                ],
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
                ['{Ferris} said. "I need'],
                'Ferris {said}. "I need',
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
    (
        "hb02",
        """
Shutdown looms as congressional leaders trade blame over spending bill

House and Senate negotiators left the capitol on Thursday night without a deal on the $1.4 trillion spending package, and aides in both parties privately said that a brief government shutdown next week now looked more likely than not.

Senate Majority Leader Roy Abernathy blamed the impasse on what he called "a handful of House members who would rather have a fight than a budget." Speaking on the Senate floor, Abernathy said he had offered the other side "every reasonable concession and a few unreasonable ones."

House Speaker Marian Tolliver fired back within the hour. "The Senate wants us to pass a bill nobody has read," she told reporters outside her office, "and then thank them for the privilege."

The main sticking point, according to three people familiar with the negotiations, is a provision that would shift $28 billion from border programs to disaster relief. The people spoke on condition of anonymity because they were not authorized to discuss the talks publicly.

One senior Senate aide said Abernathy's staff had drafted a fallback bill that would keep agencies open through January at current funding levels. "It's the parachute," the aide said. "Nobody wants to jump, but everybody's checking the straps."

Asked whether the president would sign a short-term measure, the president's press secretary, Dana Whitcomb, said on Friday that he "has not ruled anything in or out." She declined to say whether the administration had been consulted on the fallback bill.

Outside groups have begun to weigh in. The National Council of County Officials warned in a letter on Friday that a shutdown lasting more than a week would delay food-safety inspections and small-business loans in "nearly every county in the country." Meanwhile the Taxpayer Vigilance Project, a conservative advocacy group, urged House members to hold firm.

Markets so far have shrugged off the standoff. Government bond yields barely moved on Friday, and analysts at Corran Brothers wrote in a note to clients that investors "have seen this movie before and know how it ends."

Tolliver said late Friday that the House would remain in session through the weekend. "We'll be here," she said. "The question is whether they will."
""",
        [
            A(
                ["aides in both parties"],
                "privately said",
                ["that a brief government shutdown next week now looked more likely than not"],
            ),
            A(
                ["Senate Majority Leader Roy Abernathy"],
                "blamed",
                [
                    'the impasse on what he called "a handful of House members who would rather '
                    'have a fight than a budget."'
                ],
                "Roy Abernathy",
            ),
            A(
                ["floor, {Abernathy} said"],
                "Abernathy {said} he",
                [
                    'he had offered the other side "every reasonable concession and a few unreasonable ones."'
                ],
                "Roy Abernathy",
            ),
            A(
                ["{she} told reporters"],
                "told reporters",
                [
                    '"The Senate wants us to pass a bill nobody has read,"',
                    '"and then thank them for the privilege."',
                ],
                "Marian Tolliver",
            ),
            A(
                ["three people familiar with the negotiations"],
                "according to",
                [
                    "The main sticking point",
                    "is a provision that would shift $28 billion from border programs to disaster "
                    "relief",
                ],
            ),
            A(
                ["One senior Senate aide"],
                "aide {said} Abernathy's",
                [
                    "Abernathy's staff had drafted a fallback bill that would keep agencies open "
                    "through January at current funding levels"
                ],
            ),
            A(
                ["the aide"],
                "the aide {said}",
                [
                    '"It\'s the parachute,"',
                    '"Nobody wants to jump, but everybody\'s checking the straps."',
                ],
            ),
            A([], "Asked", ["whether the president would sign a short-term measure"]),
            A(
                ["the president's press secretary, Dana Whitcomb"],
                "Whitcomb, {said}",
                ['that he "has not ruled anything in or out."'],
                "Dana Whitcomb",
            ),
            A(
                ["She"],
                "declined to say",
                ["whether the administration had been consulted on the fallback bill"],
                "Dana Whitcomb",
            ),
            A(
                ["The National Council of County Officials"],
                "warned in a letter",
                [
                    "that a shutdown lasting more than a week would delay food-safety inspections "
                    'and small-business loans in "nearly every county in the country."'
                ],
                "National Council of County Officials",
            ),
            A(
                ["the Taxpayer Vigilance Project, a conservative advocacy group"],
                "urged",
                ["House members to hold firm"],
                "Taxpayer Vigilance Project",
            ),
            A(
                ["analysts at Corran Brothers"],
                "wrote in a note to clients",
                ['that investors "have seen this movie before and know how it ends."'],
            ),
            A(
                ["{Tolliver} said late"],
                "Tolliver {said} late",
                ["that the House would remain in session through the weekend"],
                "Marian Tolliver",
            ),
            A(
                ['{she} said. "The question'],
                'she {said}. "The question',
                ['"We\'ll be here,"', '"The question is whether they will."'],
                "Marian Tolliver",
            ),
        ],
    ),
    (
        "hb03",
        """
Poll: Most voters say neither candidate for governor deserves their trust

MARREN CITY - Nearly six in 10 likely voters in the state say they do not trust either candidate for governor to manage the state's finances, according to a Tri-County Research poll released Tuesday, a sign of deep discontent five weeks before Election Day.

The survey found Lieutenant Governor Carla Ruiz-Hammond, the Civic Party nominee, at 44 percent and businessman Dale Prewitt, the Heartland Party candidate, at 42 percent, a statistical tie. Seven percent said they were undecided.

"What you're seeing is a pox-on-both-your-houses electorate," said Amira Castellanos, who directs the Tri-County Research polling unit. "People aren't excited about anybody. They're choosing the candidate they're less afraid of."

The poll's detailed tables offer warning signs for both campaigns. Among voters under 35, 61 percent said the state was headed in the wrong direction, and a majority of them said they would consider a third-party candidate. Prewitt trails among women by 14 points, the poll shows.

The Ruiz-Hammond campaign welcomed the numbers. "Carla has been outspent three to one and she's still ahead," campaign spokesman Tobias Greer said in an email. "Voters know who has been doing the work."

Prewitt's campaign dismissed the poll as an outlier. Its senior adviser, Rhonda Kett, noted that the survey was conducted over a holiday weekend and said the campaign's own polling showed Prewitt "comfortably ahead in the counties that decide elections."

Independent analysts urged caution about reading too much into a single survey. "One poll is a snapshot, not a forecast," said Gregor Lindahl, a political scientist at Halvorsen College who is not involved in the Tri-County survey. He said the average of recent polls still gave Ruiz-Hammond a lead of about three points.

The poll of 812 likely voters was conducted by telephone and online from Sept. 28 to Oct. 2. It has a margin of error of plus or minus 3.4 percentage points.
""",
        [
            A(
                ["Poll"],
                ":",
                ["Most voters say neither candidate for governor deserves their trust"],
            ),
            A(
                ["a Tri-County Research poll released Tuesday"],
                "according to",
                [
                    "Nearly six in 10 likely voters in the state say they do not trust either "
                    "candidate for governor to manage the state's finances"
                ],
            ),
            A(
                ["The survey"],
                "found",
                [
                    "Lieutenant Governor Carla Ruiz-Hammond, the Civic Party nominee, at 44 percent "
                    "and businessman Dale Prewitt, the Heartland Party candidate, at 42 percent"
                ],
            ),
            A(["Seven percent"], "Seven percent {said}", ["they were undecided"]),
            A(
                ["Amira Castellanos, who directs the Tri-County Research polling unit"],
                'electorate," {said}',
                [
                    '"What you\'re seeing is a pox-on-both-your-houses electorate,"',
                    "\"People aren't excited about anybody. They're choosing the candidate they're "
                    'less afraid of."',
                ],
                "Amira Castellanos",
            ),
            A(["61 percent"], "61 percent {said}", ["the state was headed in the wrong direction"]),
            A(
                ["a majority of them"],
                "of them {said}",
                ["they would consider a third-party candidate"],
            ),
            A(
                ["{the poll} shows"],
                "shows",
                ["Prewitt trails among women by 14 points"],
            ),
            A(["The Ruiz-Hammond campaign"], "welcomed", ["the numbers"]),
            A(
                ["campaign spokesman Tobias Greer"],
                "said in an email",
                [
                    '"Carla has been outspent three to one and she\'s still ahead,"',
                    '"Voters know who has been doing the work."',
                ],
                "Tobias Greer",
            ),
            A(["Prewitt's campaign"], "dismissed", ["the poll as an outlier"]),
            A(
                ["Its senior adviser, Rhonda Kett"],
                "noted",
                ["that the survey was conducted over a holiday weekend"],
                "Rhonda Kett",
            ),
            A(
                ["Its senior adviser, Rhonda Kett"],
                "weekend and {said}",
                [
                    "the campaign's own polling showed Prewitt \"comfortably ahead in the counties "
                    'that decide elections."'
                ],
                "Rhonda Kett",
            ),
            A(
                ["Independent analysts"],
                "urged",
                ["caution about reading too much into a single survey"],
            ),
            A(
                [
                    "Gregor Lindahl, a political scientist at Halvorsen College who is not involved "
                    "in the Tri-County survey"
                ],
                'forecast," {said}',
                ['"One poll is a snapshot, not a forecast,"'],
                "Gregor Lindahl",
            ),
            A(
                ["{He} said the average"],
                "He {said} the average",
                [
                    "the average of recent polls still gave Ruiz-Hammond a lead of about three points"
                ],
                "Gregor Lindahl",
            ),
        ],
    ),
    (
        "hb04",
        """
The last ferry to Maddock Island

At 5:40 every morning, before the gulls are awake, Ruth Kallender walks down the gravel ramp at Cole's Landing, unhooks the chain on the Wren and starts an engine older than she is. She has done it for 31 years. In March, she says, she will do it for the last time.

The county that owns the ferry has decided that the crossing, which carries about 40 people a day in summer and fewer than 10 in winter, costs too much to run. A bridge study is under way. Until then, islanders will be offered a subsidized water-taxi service that the county says will be "more flexible and more modern."

Kallender is unimpressed. "A water taxi," she says, pausing on the word as if tasting something spoiled. "You try getting a water taxi out here in a February gale. You try getting one to carry a coffin."

She has carried coffins, she explains, and brides, and once a piano. She has carried a man having a heart attack, who lived, and a woman in labor, who gave birth to twins on the slipway at Cole's Landing before the ambulance arrived.

"People think the ferry is a boat," said Tomas Orlik, 72, who has lived on Maddock since 1979 and chairs the island's residents' association. "It isn't. It's the thing that makes this a place and not just some rocks."

Orlik and about 60 other residents have signed a petition asking the county to keep the Wren running at least until a bridge is built. The county's transport director, Irene Vasquez-Bell, said she understood the islanders' attachment to the boat but that the numbers "simply do not work."

"We are spending almost 600,000 a year to move a few dozen people," Vasquez-Bell said in an interview at the county offices in Dunmere. "I have sympathy. I also have a budget, and I have a duty to the other 48,000 people in this county who never set foot on that boat.

"If the bridge study comes back positive, this is all moot anyway. If it doesn't, we'll have to have a harder conversation."

Islanders are skeptical that a bridge will ever be built. A similar study in 1998 concluded that a crossing would cost more than the county's entire annual road budget, and nothing came of it.

The ferry has lost money in all but four years since 1985, according to county budget records. Insurance alone now costs more than the ticket revenue, the records show.

A county commissioner who represents Maddock, Fergus Dale, has urged his colleagues to delay the decision by a year. "Once the boat is sold, it's gone," he said. "You don't get to change your mind about a ferry."

Kallender's own plans are modest. She intends to sell her cottage on the mainland and move in with her sister on Maddock, which she calls "the one place I have never had to leave by boat." Her sister, Marit Kallender-Hoyle, 69, laughs at the idea. "She'll be down at the slipway every morning telling the water-taxi man how to tie up," she said.

On a recent crossing, the Wren's only passengers were a retired schoolteacher and a boy of about 10 with a fishing rod. The boy asked Kallender whether she would miss the boat. She thought for a long time before answering.

"I won't miss the boat," she finally said. "I'll miss the people on it."
""",
        [
            A(
                ["{she} says, she will"],
                "she {says}, she will",
                ["In March", "she will do it for the last time"],
                "Ruth Kallender",
            ),
            A(
                ["The county that owns the ferry"],
                "has decided",
                ["that the crossing", "costs too much to run"],
            ),
            A(
                ["{the county} says"],
                "the county {says}",
                ["service {that}", 'will be "more flexible and more modern."'],
            ),
            A(
                ["{she} says, pausing"],
                "she {says}, pausing",
                [
                    '"A water taxi,"',
                    '"You try getting a water taxi out here in a February gale. You try getting '
                    'one to carry a coffin."',
                ],
                "Ruth Kallender",
            ),
            A(
                ["{she} explains"],
                "explains",
                ["{She has carried coffins}", "and brides, and once a piano"],
                "Ruth Kallender",
            ),
            A(
                [
                    "Tomas Orlik, 72, who has lived on Maddock since 1979 and chairs the island's "
                    "residents' association"
                ],
                'boat," {said}',
                [
                    '"People think the ferry is a boat,"',
                    "\"It isn't. It's the thing that makes this a place and not just some rocks.\"",
                ],
                "Tomas Orlik",
            ),
            A(
                ["a petition"],
                "asking",
                ["the county to keep the Wren running at least until a bridge is built"],
            ),
            A(
                ["The county's transport director, Irene Vasquez-Bell"],
                "Vasquez-Bell, {said}",
                [
                    "she understood the islanders' attachment to the boat but that the numbers "
                    '"simply do not work."'
                ],
                "Irene Vasquez-Bell",
            ),
            A(
                ["{Vasquez-Bell} said in an interview"],
                "said in an interview",
                [
                    '"We are spending almost 600,000 a year to move a few dozen people,"',
                    '"I have sympathy. I also have a budget, and I have a duty to the other 48,000 '
                    "people in this county who never set foot on that boat.",
                    '"If the bridge study comes back positive, this is all moot anyway. If it '
                    "doesn't, we'll have to have a harder conversation.\"",
                ],
                "Irene Vasquez-Bell",
            ),
            A(["Islanders"], "are skeptical", ["that a bridge will ever be built"]),
            A(
                ["A similar study in 1998"],
                "concluded",
                ["that a crossing would cost more than the county's entire annual road budget"],
            ),
            A(
                ["county budget records"],
                "according to",
                ["The ferry has lost money in all but four years since 1985"],
            ),
            A(
                ["{the records} show"],
                "the records {show}",
                ["Insurance alone now costs more than the ticket revenue"],
            ),
            A(
                ["A county commissioner who represents Maddock, Fergus Dale"],
                "has urged",
                ["his colleagues to delay the decision by a year"],
                "Fergus Dale",
            ),
            A(
                ['gone," {he} said'],
                'gone," he {said}',
                [
                    '"Once the boat is sold, it\'s gone,"',
                    '"You don\'t get to change your mind about a ferry."',
                ],
                "Fergus Dale",
            ),
            A(
                ["{She} intends"],
                "intends to",
                ["sell her cottage on the mainland and move in with her sister on Maddock"],
                "Ruth Kallender",
            ),
            A(
                ["which {she} calls"],
                "calls",
                ["Maddock, {which}", '"the one place I have never had to leave by boat."'],
                "Ruth Kallender",
            ),
            A(
                ['tie up," {she} said'],
                'tie up," she {said}',
                [
                    '"She\'ll be down at the slipway every morning telling the water-taxi man how to tie up,"'
                ],
                "Marit Kallender-Hoyle",
            ),
            A(
                ["The boy"],
                "asked Kallender",
                ["whether she would miss the boat"],
            ),
            A(
                ["{she} finally said"],
                "finally said",
                ['"I won\'t miss the boat,"', '"I\'ll miss the people on it."'],
                "Ruth Kallender",
            ),
        ],
    ),
    (
        "hb05",
        """
Ex-treasurer of Linden Falls testifies she was ordered to hide losses

HOLLISTER - The former treasurer of the town of Linden Falls told jurors on Wednesday that the town's longtime manager instructed her to move $2.3 million between accounts to hide a shortfall from auditors, testimony that prosecutors say lies at the heart of their fraud case against him.

Janet Morrow, who served as treasurer for 11 years before resigning in 2022, is the government's central witness against Gerald Pike, 64, who is charged with wire fraud, falsifying public records and obstruction. Pike denies any wrongdoing.

Under questioning by Assistant District Attorney Lorna Beckwith, Morrow said Pike called her into his office in the spring of 2019 and told her the town "could not afford another bad audit" in an election year. "He said, 'Make it balance. I don't care how,'" Morrow testified.

She told the jury she had objected at first but went along because she feared losing her job and her pension. "I knew it was wrong," she said, her voice breaking. "I knew it every single day."

Pike's lawyer, Howard Sten, spent much of the afternoon cross-examining Morrow. He noted that she had signed a cooperation agreement with prosecutors in exchange for a lighter sentence on related charges, and asked her whether she had ever told anyone at the time about the manager's instructions.

Morrow acknowledged that she had not. "Who was I going to tell?" she asked. "He was the town."

Sten has argued that Morrow acted alone and is now blaming his client to save herself. In his opening statement last week, he told jurors that no document in the case bore Pike's signature. "You will hear a lot of stories," he said. "You will not see a single piece of paper."

Judge Miriam Ostrowski denied a defense motion on Wednesday morning to exclude a set of handwritten notes that prosecutors say Morrow made after the 2019 meeting. The judge ruled that the notes could be shown to the jury but that Sten could question how and when they were written.

Testimony is expected to continue Thursday. If convicted on the most serious charge, Pike faces up to 20 years in prison.
""",
        [
            A(
                ["Ex-treasurer of Linden Falls"],
                "testifies",
                ["she was ordered to hide losses"],
                "Janet Morrow",
            ),
            A(
                ["The former treasurer of the town of Linden Falls"],
                "Falls {told jurors}",
                [
                    "that the town's longtime manager instructed her to move $2.3 million between "
                    "accounts to hide a shortfall from auditors"
                ],
                "Janet Morrow",
            ),
            A(
                ["testimony that {prosecutors} say"],
                "testimony that prosecutors {say}",
                [
                    "testimony {that} prosecutors",
                    "lies at the heart of their fraud case against him",
                ],
            ),
            A(["{Pike} denies"], "denies", ["any wrongdoing"], "Gerald Pike"),
            A(
                ["Beckwith, {Morrow} said"],
                "Morrow {said} Pike",
                [
                    "Pike called her into his office in the spring of 2019 and told her the town "
                    '"could not afford another bad audit" in an election year'
                ],
                "Janet Morrow",
            ),
            A(
                ["{Morrow} testified"],
                "testified",
                ["\"He said, 'Make it balance. I don't care how,'\""],
                "Janet Morrow",
            ),
            A(
                ["{She} told the jury"],
                "told the jury",
                [
                    "she had objected at first but went along because she feared losing her job and "
                    "her pension"
                ],
                "Janet Morrow",
            ),
            A(
                ["{she} said, her voice"],
                "she {said}, her voice",
                ['"I knew it was wrong,"', '"I knew it every single day."'],
                "Janet Morrow",
            ),
            A(
                ["{He} noted"],
                "noted",
                [
                    "that she had signed a cooperation agreement with prosecutors in exchange for a "
                    "lighter sentence on related charges"
                ],
                "Howard Sten",
            ),
            A(
                ["{He} noted"],
                "asked her",
                ["whether she had ever told anyone at the time about the manager's instructions"],
                "Howard Sten",
            ),
            A(["{Morrow} acknowledged"], "acknowledged", ["that she had not"], "Janet Morrow"),
            A(
                ["{she} asked"],
                "she {asked}",
                ['"Who was I going to tell?"', '"He was the town."'],
                "Janet Morrow",
            ),
            A(
                ["{Sten} has argued"],
                "has argued",
                ["that Morrow acted alone and is now blaming his client to save herself"],
                "Howard Sten",
            ),
            A(
                ["{he} told jurors that no"],
                "he {told jurors} that no",
                ["that no document in the case bore Pike's signature"],
                "Howard Sten",
            ),
            A(
                ['{he} said. "You will not'],
                'he {said}. "You will not',
                [
                    '"You will hear a lot of stories,"',
                    '"You will not see a single piece of paper."',
                ],
                "Howard Sten",
            ),
            A(
                ["notes that {prosecutors} say"],
                "notes that prosecutors {say}",
                ["notes {that} prosecutors", "Morrow made after the 2019 meeting"],
            ),
            A(
                ["The judge"],
                "ruled",
                [
                    "that the notes could be shown to the jury but that Sten could question how and "
                    "when they were written"
                ],
                "Miriam Ostrowski",
            ),
            A([], "is expected", ["Testimony", "to continue Thursday"]),
        ],
    ),
    (
        "hb06",
        """
Okoro's buzzer-beater lifts Gulls past Rangers

PORT SALIS - With 1.8 seconds left and the Gulls down by two, coach Dmitri Hale called a timeout and drew up a play that, he admitted afterwards, he had never run in a game.

It worked. Marcus Okoro caught the inbound pass in the corner, faded away from two defenders and buried a three-pointer at the buzzer to give Port Salis a 101-100 win over the Eastfield Rangers on Saturday night, the Gulls' fifth straight victory.

"I've been practicing that shot since I was nine years old in my grandmother's driveway," Okoro said. "I just never thought it would be in front of 18,000 people."

Hale said the play was designed for guard Leon Whitby, but the Rangers switched their coverage and Okoro was the one left open. "Marcus read it before I did," Hale said with a grin. "Maybe he should be coaching."

The Rangers led by as many as 17 in the third quarter behind 34 points from Caleb Driscoll, who was called for a questionable foul with 40 seconds left that sent Whitby to the line.

Rangers coach Anita Greaves did not hide her frustration with the officiating. "I'll get fined if I say what I think," she said. "So I'll say this: watch the tape."

The league confirmed on Sunday that it would review the foul call, as it does for all close plays in the final two minutes. A league spokesman declined to comment further.

Driscoll, asked whether the loss would linger, shrugged. "It's one game. We have 60 more," he said. "But that one's going to sting on the bus."

Okoro finished with 22 points and nine rebounds. Whitby added 19 points and 11 assists, and center Jonah Pell had 14 points and claimed 12 rebounds despite playing with a sore ankle that the team said had bothered him all week.

The Gulls, who have now won nine of their last 11, host Westmark on Tuesday. Hale said he expects Pell to play.
""",
        [
            A(
                ["{he} admitted"],
                "admitted",
                ["a play {that}", "he had never run in a game"],
                "Dmitri Hale",
            ),
            A(
                ['{Okoro} said. "I just'],
                'Okoro {said}. "I just',
                [
                    "\"I've been practicing that shot since I was nine years old in my grandmother's "
                    'driveway,"',
                    '"I just never thought it would be in front of 18,000 people."',
                ],
                "Marcus Okoro",
            ),
            A(
                ["{Hale} said the play"],
                "Hale {said} the play",
                [
                    "the play was designed for guard Leon Whitby, but the Rangers switched their "
                    "coverage and Okoro was the one left open"
                ],
                "Dmitri Hale",
            ),
            A(
                ["{Hale} said with a grin"],
                "Hale {said} with a grin",
                ['"Marcus read it before I did,"', '"Maybe he should be coaching."'],
                "Dmitri Hale",
            ),
            A(
                ['{she} said. "So'],
                'she {said}. "So',
                [
                    '"I\'ll get fined if I say what I think,"',
                    '"So I\'ll say this: watch the tape."',
                ],
                "Anita Greaves",
            ),
            A(
                ["The league"],
                "confirmed",
                ["that it would review the foul call"],
            ),
            A([], "asked", ["whether the loss would linger"]),
            A(
                ['{he} said. "But'],
                'he {said}. "But',
                [
                    '"It\'s one game. We have 60 more,"',
                    '"But that one\'s going to sting on the bus."',
                ],
                "Caleb Driscoll",
            ),
            A(
                ["the team"],
                "the team {said}",
                ["ankle {that}", "had bothered him all week"],
            ),
            A(
                ["{Hale} said he expects"],
                "Hale {said} he expects",
                ["he expects Pell to play"],
                "Dmitri Hale",
            ),
        ],
    ),
    (
        "hb07",
        """
Corvane Foods profit falls 18% as shoppers trade down; shares slide

Corvane Foods said on Thursday that its third-quarter profit fell 18 percent as cost-conscious shoppers switched to cheaper store brands. It now expects full-year sales to fall 2 to 3 percent, after forecasting flat sales in July.

Net income for the quarter ended Sept. 30 was $212 million, or 61 cents a share, compared with $259 million a year earlier. Excluding one-time items, Corvane earned 74 cents a share. Analysts had on average expected 79 cents, according to Lanford Analytics, which compiles forecasts.

Shares of Corvane fell 7.2 percent to $48.15 in afternoon trading, their steepest one-day drop in more than three years.

"The consumer is tired," Chief Executive Helen Marsh-Oduya said on a conference call with analysts. "They are reading labels, they are reading prices, and for the first time in a long time they are reading the store-brand shelf first."

Marsh-Oduya said the company would cut prices on about 150 products starting in January and would increase promotional spending by roughly $90 million next year. She declined to say whether the cuts would lead to job losses, but said Corvane had "no plans at this time" to close any of its 14 plants.

Analysts were divided on the strategy. Priyanka Deshmukh of Halloway Securities said the price cuts were "the right medicine, but it will taste bad for a few quarters." Others questioned whether Corvane's brands still commanded enough loyalty to justify their premium.

"There is a real risk that this becomes a race to the bottom," said Felix Arndt, an analyst at Brightwater Capital who rates the stock a hold. "Once you teach people to wait for a discount, they wait."

Corvane, whose brands include Hearthside soups and Tip-Top crackers, also said its chief financial officer, Martin Greel, would retire at the end of the year. The company said a search for his successor was under way.
""",
        [
            A(
                ["{Corvane Foods} said"],
                "Corvane Foods {said}",
                [
                    "that its third-quarter profit fell 18 percent as cost-conscious shoppers "
                    "switched to cheaper store brands"
                ],
                "Corvane Foods",
            ),
            A(
                ["{It} now expects"],
                "now expects",
                ["full-year sales to fall 2 to 3 percent"],
                "Corvane Foods",
            ),
            A(["{It} now expects"], "forecasting", ["flat sales"], "Corvane Foods"),
            A(
                ["Lanford Analytics, which compiles forecasts"],
                "according to",
                ["Analysts had on average expected 79 cents"],
                "Lanford Analytics",
            ),
            A(
                ["Chief Executive Helen Marsh-Oduya"],
                "said on a conference call with analysts",
                [
                    '"The consumer is tired,"',
                    '"They are reading labels, they are reading prices, and for the first time in a '
                    'long time they are reading the store-brand shelf first."',
                ],
                "Helen Marsh-Oduya",
            ),
            A(
                ["{Marsh-Oduya} said the company"],
                "Marsh-Oduya {said} the company",
                [
                    "the company would cut prices on about 150 products starting in January and "
                    "would increase promotional spending by roughly $90 million next year"
                ],
                "Helen Marsh-Oduya",
            ),
            A(
                ["{She} declined"],
                "declined to say",
                ["whether the cuts would lead to job losses"],
                "Helen Marsh-Oduya",
            ),
            A(
                ["{She} declined"],
                "but {said}",
                ['Corvane had "no plans at this time" to close any of its 14 plants'],
                "Helen Marsh-Oduya",
            ),
            A(
                ["Priyanka Deshmukh of Halloway Securities"],
                "Securities {said}",
                [
                    'the price cuts were "the right medicine, but it will taste bad for a few quarters."'
                ],
                "Priyanka Deshmukh",
            ),
            A(
                ["Others"],
                "questioned",
                [
                    "whether Corvane's brands still commanded enough loyalty to justify their premium"
                ],
            ),
            A(
                ["Felix Arndt, an analyst at Brightwater Capital who rates the stock a hold"],
                'bottom," {said}',
                [
                    '"There is a real risk that this becomes a race to the bottom,"',
                    '"Once you teach people to wait for a discount, they wait."',
                ],
                "Felix Arndt",
            ),
            A(
                ["Corvane, whose brands include Hearthside soups and Tip-Top crackers"],
                "also said",
                ["its chief financial officer, Martin Greel, would retire at the end of the year"],
                "Corvane Foods",
            ),
            A(
                ["The company"],
                "The company {said}",
                ["a search for his successor was under way"],
                "Corvane Foods",
            ),
        ],
    ),
    (
        "hb08",
        """
Brockhurst council delays vote on Mill Street apartments after packed hearing

BROCKHURST - The Brockhurst Town Council postponed a vote on a 140-unit apartment complex on Mill Street early Wednesday after nearly five hours of public comment, much of it from residents who said the project would overwhelm the neighborhood's narrow streets.

Council President Gwen Hadley said the council needed more time to review a traffic study that the developer, Keel Street Partners, submitted only last week. The vote is now scheduled for Nov. 18.

"I'm not going to vote on something I haven't read," Hadley said, drawing applause from the roughly 200 people who filled the middle-school auditorium where the meeting had been moved to accommodate the crowd.

The proposal, which requires a zoning change, has split the town. Supporters say Brockhurst badly needs housing that young families and retirees can afford; the project would set aside 28 units for households earning less than 60 percent of the area's median income.

"My daughter is a nurse at Brockhurst General and she lives with me because she can't find anything she can afford," said Elaine Doucette, 67. "That's the housing crisis. It's not abstract."

Opponents, many of them from the streets around the site, argued that the four-story building was out of scale with the single-family homes nearby and that the traffic study understated how many cars would use Mill Street at rush hour.

Raymond Achebe-Lowe, who lives two doors from the site, told the council the developer's figures "don't pass the laugh test." He said he had counted cars outside his house for a week. "I got 412 on Tuesday morning alone," he said. "Their study says 180."

A lawyer for Keel Street Partners, Sandra Ivers, said the study followed state guidelines and had been reviewed by the town's own engineer. She said the company was willing to pay for a new traffic signal at Mill and Cross streets.

The town engineer, Victor Lund, was not at the meeting and did not respond to a request for comment on Wednesday.

Councilor Amos Trent has said he will vote against the zoning change. At the hearing he asked Ivers whether the company would reduce the building to three floors. She said the company would "look at all options" but that a smaller building would mean fewer affordable units.
""",
        [
            A(
                ["residents {who} said"],
                "who {said}",
                ["the project would overwhelm the neighborhood's narrow streets"],
            ),
            A(
                ["Council President Gwen Hadley"],
                "Hadley {said} the council",
                [
                    "the council needed more time to review a traffic study that the developer, "
                    "Keel Street Partners, submitted only last week"
                ],
                "Gwen Hadley",
            ),
            A(
                ["{Hadley} said, drawing"],
                "Hadley {said}, drawing",
                ["\"I'm not going to vote on something I haven't read,\""],
                "Gwen Hadley",
            ),
            A(
                ["Supporters"],
                "Supporters {say}",
                ["Brockhurst badly needs housing that young families and retirees can afford"],
            ),
            A(
                ["Elaine Doucette, 67"],
                'afford," {said}',
                [
                    '"My daughter is a nurse at Brockhurst General and she lives with me because '
                    "she can't find anything she can afford,\"",
                    "\"That's the housing crisis. It's not abstract.\"",
                ],
                "Elaine Doucette",
            ),
            A(
                ["Opponents, many of them from the streets around the site"],
                "argued",
                [
                    "that the four-story building was out of scale with the single-family homes "
                    "nearby and that the traffic study understated how many cars would use Mill "
                    "Street at rush hour"
                ],
            ),
            A(
                ["Raymond Achebe-Lowe, who lives two doors from the site"],
                "told the council",
                ["the developer's figures \"don't pass the laugh test.\""],
                "Raymond Achebe-Lowe",
            ),
            A(
                ["{He} said he had counted"],
                "He {said} he had counted",
                ["he had counted cars outside his house for a week"],
                "Raymond Achebe-Lowe",
            ),
            A(
                ['{he} said. "Their'],
                'he {said}. "Their',
                ['"I got 412 on Tuesday morning alone,"', '"Their study says 180."'],
                "Raymond Achebe-Lowe",
            ),
            A(
                ["A lawyer for Keel Street Partners, Sandra Ivers"],
                "Ivers, {said}",
                [
                    "the study followed state guidelines and had been reviewed by the town's own "
                    "engineer"
                ],
                "Sandra Ivers",
            ),
            A(
                ["{She} said the company was"],
                "She {said} the company was",
                [
                    "the company was willing to pay for a new traffic signal at Mill and Cross streets"
                ],
                "Sandra Ivers",
            ),
            A(
                ["Councilor Amos Trent"],
                "has said",
                ["he will vote against the zoning change"],
                "Amos Trent",
            ),
            A(
                ["hearing {he} asked"],
                "asked Ivers",
                ["whether the company would reduce the building to three floors"],
                "Amos Trent",
            ),
            A(
                ["{She} said the company would"],
                "She {said} the company would",
                [
                    'the company would "look at all options" but that a smaller building would mean '
                    "fewer affordable units"
                ],
                "Sandra Ivers",
            ),
        ],
    ),
    (
        "hb09",
        """
Explainer: Why Lake Corrin is shrinking, and what rationing means for you

Water levels in Lake Corrin, which supplies drinking water to about 1.2 million people in the Vell Valley, fell to their lowest point on record in August, according to the Vell Valley Water Authority. On Monday the authority announced that it would impose mandatory rationing for the first time in its 60-year history. Here is what we know.

Why is the lake so low?

Mostly rain, or the lack of it. The valley received 41 percent of its normal rainfall over the past 18 months, the driest such period since records began in 1891, according to the National Climate Office. Warmer temperatures have also increased evaporation from the lake's surface, according to a 2023 study by researchers at Corrin State University.

Demand has grown too. The valley's population has risen by about a fifth since 2005, according to census figures, while the authority has not added a major new source of supply since the Haskett Reservoir opened in 1994.

What does rationing mean?

Starting Oct. 1, households will be limited to 50 gallons per person per day, according to the authority's plan. Lawn watering and car washing at home will be banned outright. Businesses will be asked to cut use by 15 percent, and those that don't could face fines of up to $5,000, the plan says.

Authority spokeswoman Kira Oyelaran said inspectors would not go door to door. "We are relying on people to do the right thing, and most people will," she said. "The fines are for the handful who won't."

Will it be enough?

Probably not on its own, according to Declan Ferris-Amadi, a hydrologist at Corrin State who has studied the lake for two decades. He estimates that even with full compliance, the lake will keep falling until at least February unless the winter is unusually wet.

"Rationing buys time. It doesn't make water," he said.

What happens next?

The authority's board is due to vote in December on a $340 million plan to pipe water from the Harrow River, 60 miles to the north. According to the authority, the pipeline would take at least four years to build. Farmers along the Harrow have opposed the plan, saying it would leave too little water for irrigation.
""",
        [
            A(
                ["the Vell Valley Water Authority"],
                "lowest point on record in August, {according to}",
                ["Water levels in Lake Corrin", "fell to their lowest point on record in August"],
                "Vell Valley Water Authority",
            ),
            A(
                ["{the authority} announced"],
                "announced",
                [
                    "that it would impose mandatory rationing for the first time in its 60-year "
                    "history"
                ],
                "Vell Valley Water Authority",
            ),
            A(
                ["the National Climate Office"],
                "1891, {according to}",
                [
                    "The valley received 41 percent of its normal rainfall over the past 18 months, "
                    "the driest such period since records began in 1891"
                ],
                "National Climate Office",
            ),
            A(
                ["a 2023 study by researchers at Corrin State University"],
                "surface, {according to}",
                ["Warmer temperatures have also increased evaporation from the lake's surface"],
            ),
            A(
                ["census figures"],
                "2005, {according to}",
                ["The valley's population has risen by about a fifth since 2005"],
            ),
            A(
                ["the authority's plan"],
                "day, {according to}",
                ["Starting Oct. 1, households will be limited to 50 gallons per person per day"],
            ),
            A(
                ["{the plan} says"],
                "the plan {says}",
                [
                    "Businesses will be asked to cut use by 15 percent, and those that don't could "
                    "face fines of up to $5,000"
                ],
            ),
            A(
                ["Authority spokeswoman Kira Oyelaran"],
                "Oyelaran {said}",
                ["inspectors would not go door to door"],
                "Kira Oyelaran",
            ),
            A(
                ['{she} said. "The fines'],
                'she {said}. "The fines',
                [
                    '"We are relying on people to do the right thing, and most people will,"',
                    '"The fines are for the handful who won\'t."',
                ],
                "Kira Oyelaran",
            ),
            A(
                [
                    "Declan Ferris-Amadi, a hydrologist at Corrin State who has studied the lake for "
                    "two decades"
                ],
                "own, {according to}",
                ["Probably not on its own"],
                "Declan Ferris-Amadi",
            ),
            A(
                ["{He} estimates"],
                "estimates",
                [
                    "that even with full compliance, the lake will keep falling until at least "
                    "February unless the winter is unusually wet"
                ],
                "Declan Ferris-Amadi",
            ),
            A(
                ['water," {he} said'],
                'water," he {said}',
                ['"Rationing buys time. It doesn\'t make water,"'],
                "Declan Ferris-Amadi",
            ),
            A(
                ["According to {the authority}"],
                "According to",
                ["the pipeline would take at least four years to build"],
                "Vell Valley Water Authority",
            ),
            A(["Farmers along the Harrow"], "have opposed", ["opposed {the plan}"]),
            A(
                ["Farmers along the Harrow"],
                "saying",
                ["it would leave too little water for irrigation"],
            ),
        ],
    ),
    (
        "hb10",
        """
Talvik Air in talks to buy rival Northstar Regional, sources say

Talvik Air is in advanced talks to acquire the smaller carrier Northstar Regional in a deal that would value it at about $1.1 billion, according to people familiar with the matter, a move that would create the largest airline serving the northern states.

An agreement could be announced as soon as next week, the people said, cautioning that the talks could still fall apart over the price Talvik is willing to pay for Northstar's pilot contracts. They spoke on condition of anonymity because the discussions are private.

Spokespeople for Talvik and Northstar declined to comment on the talks.

Talvik has been looking for acquisitions since its chief executive, Oren Balasz, told investors in March that the airline needed "more scale, more routes and more gates" to compete with the big national carriers. Northstar, based in Dunmore, flies 38 regional jets to 22 cities and has struggled since a pilots' strike last year.

A senior official at the Federal Aviation Board who asked not to be named said regulators had not yet been formally notified of a deal but expected to review it closely because the two airlines compete directly on at least nine routes.

"Nine overlapping routes is not nothing," the official said. "Someone is going to have to explain why fares won't go up."

Two Northstar board members have resisted a sale, arguing that the airline can recover on its own, according to a person briefed on the board's deliberations. That person said the board had met twice in the past two weeks to discuss Talvik's approach.

Northstar's largest shareholder, the investment firm Garrow Partners, is said to favor a deal. Garrow did not respond to requests for comment.

The pilots' union at Northstar said in a statement on Tuesday that it had "heard the rumors" and would insist that any buyer honor the current contract. "Our members have given enough," the union's president, Carla Voss, said.

Shares of Talvik rose 4 percent on Tuesday after the financial news site Ledgerline first reported that the two airlines were in discussions. Northstar is privately held.
""",
        [
            A(["sources"], "say", ["Talvik Air in talks to buy rival Northstar Regional"]),
            A(
                ["people familiar with the matter"],
                "{according to} people familiar",
                [
                    "Talvik Air is in advanced talks to acquire the smaller carrier Northstar "
                    "Regional in a deal that would value it at about $1.1 billion"
                ],
            ),
            A(
                ["the people"],
                "the people {said}",
                ["An agreement could be announced as soon as next week"],
            ),
            A(
                ["the people"],
                "cautioning",
                [
                    "that the talks could still fall apart over the price Talvik is willing to pay "
                    "for Northstar's pilot contracts"
                ],
            ),
            A(
                ["Spokespeople for Talvik and Northstar"],
                "declined to comment",
                ["on the talks"],
            ),
            A(
                ["its chief executive, Oren Balasz"],
                "told investors",
                [
                    'that the airline needed "more scale, more routes and more gates" to compete '
                    "with the big national carriers"
                ],
                "Oren Balasz",
            ),
            A(
                ["A senior official at the Federal Aviation Board who asked not to be named"],
                "named {said}",
                [
                    "regulators had not yet been formally notified of a deal but expected to review "
                    "it closely because the two airlines compete directly on at least nine routes"
                ],
            ),
            A(
                ["the official"],
                "the official {said}",
                [
                    '"Nine overlapping routes is not nothing,"',
                    '"Someone is going to have to explain why fares won\'t go up."',
                ],
            ),
            A(
                ["a person briefed on the board's deliberations"],
                "own, {according to}",
                [
                    "Two Northstar board members have resisted a sale, arguing that the airline can "
                    "recover on its own"
                ],
            ),
            A(
                ["That person"],
                "person {said}",
                ["the board had met twice in the past two weeks to discuss Talvik's approach"],
            ),
            A(
                [],
                "is said",
                [
                    "Northstar's largest shareholder, the investment firm Garrow Partners",
                    "to favor a deal",
                ],
            ),
            A(
                ["The pilots' union at Northstar"],
                "said in a statement",
                [
                    'that it had "heard the rumors" and would insist that any buyer honor the '
                    "current contract"
                ],
            ),
            A(
                ["the union's president, Carla Voss"],
                "Voss, {said}",
                ['"Our members have given enough,"'],
                "Carla Voss",
            ),
            A(
                ["the financial news site Ledgerline"],
                "first reported",
                ["that the two airlines were in discussions"],
                "Ledgerline",
            ),
        ],
    ),
    (
        "hb11",
        """
Analysis: Why the minimum wage fight is really about the suburbs

On paper, Measure 4 is a simple question: should the state's minimum wage rise from $9.50 to $15 an hour over four years? In practice, it has become a proxy for a much bigger argument about who the state's economy is for, and both campaigns are acting accordingly.

Supporters believe the increase is overdue. They point out that the minimum has not changed since 2014, while rents in the state's larger cities have risen by more than half. A full-time worker earning the minimum, they argue, cannot afford a one-bedroom apartment in any county in the state.

Critics argue that a $15 floor would hit small businesses in low-wage rural counties hardest. The state Chamber of Commerce has warned of "thousands" of lost jobs, though it has not said where that estimate comes from.

Economists, as usual, are split. Studies from neighboring states suggest that modest increases have little effect on employment. Some economists doubt those findings apply to an increase this large, and this fast.

But the more interesting fight is political. The measure's backers have spent heavily in the suburbs around Marren City, betting that moderate voters who have drifted away from the Civic Party will still vote for a wage increase. Strategists in both parties say that bet is the campaign's central gamble.

"If we win the suburbs by eight, we win the state," one strategist working for the Yes campaign told me. A Heartland Party consultant, Brent Ostrander, was more skeptical: the suburbs "like the idea of a raise a lot more than they like the idea of paying for one."

Polls offer little clarity. A Tri-County Research survey in September found 52 percent support for the measure; a Halvorsen College poll two weeks later put support at 46 percent. The two results are closer than they look once the margins of error are counted.

What is striking is how little either campaign talks about the workers who would actually get the raise. Advocates say about 310,000 people in the state earn less than $15 an hour; most are adults, and more than half work full time, according to the state's own labor department.

Those workers may decide this race. Or, as turnout models suggest, many of them may not vote at all.
""",
        [
            A(["Supporters"], "believe", ["the increase is overdue"]),
            A(
                ["They"],
                "point out",
                [
                    "that the minimum has not changed since 2014, while rents in the state's larger "
                    "cities have risen by more than half"
                ],
            ),
            A(
                ["{they} argue"],
                "they {argue}",
                [
                    "A full-time worker earning the minimum",
                    "cannot afford a one-bedroom apartment in any county in the state",
                ],
            ),
            A(
                ["Critics"],
                "Critics {argue}",
                ["that a $15 floor would hit small businesses in low-wage rural counties hardest"],
            ),
            A(
                ["The state Chamber of Commerce"],
                "has warned",
                ['of "thousands" of lost jobs'],
                "Chamber of Commerce",
            ),
            A(
                ["though {it} has not said"],
                "has not said",
                ["where that estimate comes from"],
                "Chamber of Commerce",
            ),
            A(
                ["Studies from neighboring states"],
                "Studies from neighboring states {suggest}",
                ["that modest increases have little effect on employment"],
            ),
            A(
                ["Some economists"],
                "doubt",
                ["those findings apply to an increase this large, and this fast"],
            ),
            A(
                ["The measure's backers"],
                "betting",
                [
                    "that moderate voters who have drifted away from the Civic Party will still vote "
                    "for a wage increase"
                ],
            ),
            A(
                ["Strategists in both parties"],
                "parties {say}",
                ["that bet is the campaign's central gamble"],
            ),
            A(
                ["one strategist working for the Yes campaign"],
                "told me",
                ['"If we win the suburbs by eight, we win the state,"'],
            ),
            A(
                ["A Heartland Party consultant, Brent Ostrander"],
                "skeptical{:}",
                [
                    'the suburbs "like the idea of a raise a lot more than they like the idea of '
                    'paying for one."'
                ],
                "Brent Ostrander",
            ),
            A(
                ["A Tri-County Research survey in September"],
                "found",
                ["52 percent support for the measure"],
            ),
            A(
                ["a Halvorsen College poll two weeks later"],
                "put",
                ["support at 46 percent"],
            ),
            A(
                ["Advocates"],
                "Advocates {say}",
                ["about 310,000 people in the state earn less than $15 an hour"],
            ),
            A(
                ["the state's own labor department"],
                "according to",
                ["most are adults, and more than half work full time"],
            ),
            A(
                ["turnout models"],
                "turnout models {suggest}",
                ["many of them may not vote at all"],
            ),
        ],
    ),
    (
        "hb12",
        """
Pell Bank chief tells Congress he takes 'full responsibility' for collapse

The former chief executive of Pell Regional Bank told a House committee on Tuesday that he took "full responsibility" for the lender's collapse in April, but he insisted that regulators and a sudden run by depositors, not reckless management, had sealed its fate.

"I am not here to make excuses," Arthur Wendell told members of the Financial Services Oversight Subcommittee in his first public remarks since the bank failed. "But I would be doing this committee a disservice if I pretended the bank failed in a vacuum."

Lawmakers from both parties were unimpressed. Representative Joan Delacroix, the subcommittee's chairwoman, read aloud from a 2021 examination report in which supervisors had flagged the bank's heavy reliance on large, uninsured deposits. "You were warned," she said. "In writing. Twice."

Wendell acknowledged receiving the report but said the bank had taken "concrete steps" in response, including hiring a new treasurer. Asked by Delacroix whether the bank had reduced its share of uninsured deposits after the warning, he said it had not. "We were growing," he said. "In hindsight, too fast."

Representative Samuel Okonjo called the $4.8 million in bonuses paid to senior executives in the months before the collapse "indefensible." Wendell said he had voluntarily returned his own bonus, about $1.2 million, and would support legislation allowing regulators to claw back pay from executives of failed banks.

The hearing also featured testimony from Lydia Ferreira, the acting head of the Office of Banking Supervision, who conceded that her agency "should have moved faster and harder." Ferreira said examiners had been stretched thin by staff shortages, and that the agency planned to release its own review of the failure next month.

About 31,000 depositors lost money in the collapse, according to the Federal Deposit Guarantee Corporation, which is still selling off the bank's assets.

Outside the hearing room, a small group of former depositors stood in the rain with handmade signs. One of them, Ruth-Anne Galloway, a retired teacher from Corliss, said she had lost nearly $300,000 she had saved for her grandchildren's education. "He says sorry," she said of Wendell. "Sorry doesn't pay tuition."
""",
        [
            A(
                ["Pell Bank chief"],
                "tells Congress",
                ["he takes 'full responsibility' for collapse"],
                "Arthur Wendell",
            ),
            A(
                ["The former chief executive of Pell Regional Bank"],
                "told a House committee",
                ['that he took "full responsibility" for the lender\'s collapse in April'],
                "Arthur Wendell",
            ),
            A(
                ["but {he} insisted"],
                "insisted",
                [
                    "that regulators and a sudden run by depositors, not reckless management, had "
                    "sealed its fate"
                ],
                "Arthur Wendell",
            ),
            A(
                ["Arthur Wendell"],
                "told members of the Financial Services Oversight Subcommittee",
                [
                    '"I am not here to make excuses,"',
                    '"But I would be doing this committee a disservice if I pretended the bank '
                    'failed in a vacuum."',
                ],
                "Arthur Wendell",
            ),
            A(
                ["supervisors"],
                "had flagged",
                ["the bank's heavy reliance on large, uninsured deposits"],
            ),
            A(
                ['{she} said. "In writing'],
                'she {said}. "In writing',
                ['"You were warned,"', '"In writing. Twice."'],
                "Joan Delacroix",
            ),
            A(
                ["{Wendell} acknowledged"],
                "acknowledged",
                ["receiving the report"],
                "Arthur Wendell",
            ),
            A(
                ["{Wendell} acknowledged"],
                "but {said} the bank",
                [
                    'the bank had taken "concrete steps" in response, including hiring a new treasurer'
                ],
                "Arthur Wendell",
            ),
            A(
                ["Asked by {Delacroix}"],
                "Asked",
                ["whether the bank had reduced its share of uninsured deposits after the warning"],
                "Joan Delacroix",
            ),
            A(["{he} said it had not"], "he {said} it had not", ["it had not"], "Arthur Wendell"),
            A(
                ['{he} said. "In hindsight'],
                'he {said}. "In hindsight',
                ['"We were growing,"', '"In hindsight, too fast."'],
                "Arthur Wendell",
            ),
            A(
                ["Representative Samuel Okonjo"],
                "called",
                [
                    "the $4.8 million in bonuses paid to senior executives in the months before the "
                    'collapse "indefensible."'
                ],
                "Samuel Okonjo",
            ),
            A(
                ["{Wendell} said he had"],
                "Wendell {said} he had",
                [
                    "he had voluntarily returned his own bonus, about $1.2 million, and would "
                    "support legislation allowing regulators to claw back pay from executives of "
                    "failed banks"
                ],
                "Arthur Wendell",
            ),
            A(
                ["Supervision, {who} conceded"],
                "conceded",
                ['that her agency "should have moved faster and harder."'],
                "Lydia Ferreira",
            ),
            A(
                ["{Ferreira} said examiners"],
                "Ferreira {said} examiners",
                [
                    "examiners had been stretched thin by staff shortages, and that the agency "
                    "planned to release its own review of the failure next month"
                ],
                "Lydia Ferreira",
            ),
            A(
                [
                    "the Federal Deposit Guarantee Corporation, which is still selling off the bank's assets"
                ],
                "according to",
                ["About 31,000 depositors lost money in the collapse"],
                "Federal Deposit Guarantee Corporation",
            ),
            A(
                ["One of them, Ruth-Anne Galloway, a retired teacher from Corliss"],
                "Corliss, {said}",
                ["she had lost nearly $300,000 she had saved for her grandchildren's education"],
                "Ruth-Anne Galloway",
            ),
            A(
                ["{she} said of Wendell"],
                "she {said} of Wendell",
                ['"He says sorry,"', '"Sorry doesn\'t pay tuition."'],
                "Ruth-Anne Galloway",
            ),
        ],
    ),
    (
        "hb13",
        """
Flash flood sweeps through Carrow Gorge campsite; at least four feared dead

BRENNOCK, June 9 - At least four people are feared dead and several others were missing after a flash flood tore through a campsite in Carrow Gorge late on Saturday, emergency officials said on Sunday.

The water rose "in a matter of minutes," according to Deputy Fire Chief Ana Lucero of the Brennock County Fire District, after more than three inches of rain fell on the hills above the gorge in less than an hour. About 60 people were believed to have been staying at the site.

"We have teams on both banks and a helicopter in the air," Lucero told reporters at a fire station in Brennock. "But the gorge is narrow, the water is still high, and I won't put rescuers in a position where we lose more people."

Eleven people were rescued overnight, some from trees and rooftops, the sheriff's office said. Two were taken to Brennock General Hospital with hypothermia; a hospital spokesman said both were in stable condition.

Among the missing is reportedly a family of five from Westmark who had arrived at the campsite on Friday. Officials did not release their names.

Survivors described a wall of brown water carrying tree trunks and cars. Jared Pomeroy, 34, said he woke to the sound of his tent pole snapping. "I grabbed my son and we just ran uphill in the dark," he said. "I didn't even have shoes on. I still don't."

The National Weather Bureau had issued a flash-flood watch for the county on Saturday afternoon, but it was not upgraded to a warning until about 20 minutes before the flood hit, according to records posted on the bureau's website. It was not clear whether campers received the alert.

A bureau meteorologist, Hollis Grange, said the storm had "developed almost on top of the gorge" and was difficult to forecast. "Storms like this are the hardest thing we deal with," he said.

The campsite, which is run by a private company, is understood to have passed a state safety inspection in May. The company, Gorge Outfitters, could not be reached for comment.
""",
        [
            A([], ("feared dead", 1), ["at least four"]),
            A(
                ["emergency officials"],
                "officials {said}",
                [
                    "At least four people are feared dead and several others were missing after a "
                    "flash flood tore through a campsite in Carrow Gorge late on Saturday"
                ],
            ),
            A(
                ["Deputy Fire Chief Ana Lucero of the Brennock County Fire District"],
                "{according to} Deputy",
                [
                    'The water rose "in a matter of minutes,"',
                    "after more than three inches of rain fell on the hills above the gorge in less "
                    "than an hour",
                ],
                "Ana Lucero",
            ),
            A([], "were believed", ["About 60 people", "to have been staying at the site"]),
            A(
                ["{Lucero} told reporters"],
                "told reporters",
                [
                    '"We have teams on both banks and a helicopter in the air,"',
                    "\"But the gorge is narrow, the water is still high, and I won't put rescuers in "
                    'a position where we lose more people."',
                ],
                "Ana Lucero",
            ),
            A(
                ["the sheriff's office"],
                "office {said}",
                ["Eleven people were rescued overnight, some from trees and rooftops"],
            ),
            A(["a hospital spokesman"], "spokesman {said}", ["both were in stable condition"]),
            A(
                [],
                "reportedly",
                [
                    "Among the missing is",
                    "a family of five from Westmark who had arrived at the campsite on Friday",
                ],
            ),
            A(
                ["Survivors"],
                "described",
                ["a wall of brown water carrying tree trunks and cars"],
            ),
            A(
                ["Jared Pomeroy, 34"],
                "34, {said}",
                ["he woke to the sound of his tent pole snapping"],
                "Jared Pomeroy",
            ),
            A(
                ['dark," {he} said'],
                'dark," he {said}',
                [
                    '"I grabbed my son and we just ran uphill in the dark,"',
                    "\"I didn't even have shoes on. I still don't.\"",
                ],
                "Jared Pomeroy",
            ),
            A(
                ["records posted on the bureau's website"],
                "{according to} records",
                [
                    "The National Weather Bureau had issued a flash-flood watch for the county on "
                    "Saturday afternoon, but it was not upgraded to a warning until about 20 "
                    "minutes before the flood hit"
                ],
            ),
            A(
                ["A bureau meteorologist, Hollis Grange"],
                "Grange, {said}",
                [
                    'the storm had "developed almost on top of the gorge" and was difficult to '
                    "forecast"
                ],
                "Hollis Grange",
            ),
            A(
                ['with," {he} said'],
                'with," he {said}',
                ['"Storms like this are the hardest thing we deal with,"'],
                "Hollis Grange",
            ),
            A(
                [],
                "is understood",
                ["The campsite", "to have passed a state safety inspection in May"],
            ),
        ],
    ),
    (
        "hb14",
        """
Lanier wins crowded primary, setting up rematch with Congressman Holt

FENWICK - State Senator Grace Lanier won the Civic Party's nomination for the 4th Congressional District on Tuesday, defeating four rivals and setting up a November rematch with Representative Douglas Holt, who beat her by fewer than 3,000 votes two years ago.

With 94 percent of precincts reporting, Lanier had 41 percent of the vote, according to unofficial results from the Fenwick County clerk. Her closest rival, former county prosecutor Marcus Delane, had 27 percent.

"Two years ago they told us we came close," Lanier told supporters at a union hall in Fenwick. "Close doesn't count. This time we finish the job."

Delane conceded in a brief speech to about 100 supporters and said he would back Lanier in the general election. "The goal was always bigger than me," he said.

Holt, a four-term incumbent who ran unopposed in the Heartland Party primary, wasted no time turning his attention to Lanier. In a statement, his campaign called her "the most liberal candidate this district has ever seen" and said her plan to expand the state's public health insurance program would cost "billions we don't have."

Lanier's campaign said the plan would be paid for by closing corporate tax loopholes, and accused Holt of "running the same scare campaign he ran last time."

National groups are expected to pour money into the race. The Fair Districts Fund, a political action committee aligned with Civic Party leaders, has already reserved $2.4 million in television time for the fall, according to filings reviewed by the Fenwick Courier.

Nonpartisan forecasters at the Brayfield Political Report rate the district a toss-up. "It's one of maybe 15 seats that will decide the House," said the report's editor, Nell Barstow. She said turnout among young voters in Fenwick, home to the state university, would be "the number I watch on election night."

Turnout in Tuesday's primary was about 22 percent, the clerk's office said.
""",
        [
            A(
                ["unofficial results from the Fenwick County clerk"],
                "{according to} unofficial",
                ["With 94 percent of precincts reporting, Lanier had 41 percent of the vote"],
            ),
            A(
                ["{Lanier} told supporters"],
                "told supporters",
                [
                    '"Two years ago they told us we came close,"',
                    '"Close doesn\'t count. This time we finish the job."',
                ],
                "Grace Lanier",
            ),
            A(
                ["{Delane} conceded"],
                "and {said} he would back",
                ["he would back Lanier in the general election"],
                "Marcus Delane",
            ),
            A(
                ['me," {he} said'],
                'me," he {said}',
                ['"The goal was always bigger than me,"'],
                "Marcus Delane",
            ),
            A(
                ["his campaign"],
                "called",
                ['her "the most liberal candidate this district has ever seen"'],
            ),
            A(
                ["his campaign"],
                "and {said} her plan",
                [
                    "her plan to expand the state's public health insurance program would cost "
                    '"billions we don\'t have."'
                ],
            ),
            A(
                ["Lanier's campaign"],
                "campaign {said}",
                ["the plan would be paid for by closing corporate tax loopholes"],
            ),
            A(
                ["Lanier's campaign"],
                "accused",
                ['Holt of "running the same scare campaign he ran last time."'],
            ),
            A([], "are expected", ["National groups", "to pour money into the race"]),
            A(
                ["filings reviewed by the Fenwick Courier"],
                "{according to} filings",
                [
                    "The Fair Districts Fund, a political action committee aligned with Civic Party "
                    "leaders, has already reserved $2.4 million in television time for the fall"
                ],
            ),
            A(
                ["Nonpartisan forecasters at the Brayfield Political Report"],
                "rate",
                ["the district a toss-up"],
                "Brayfield Political Report",
            ),
            A(
                ["the report's editor, Nell Barstow"],
                'House," {said}',
                ['"It\'s one of maybe 15 seats that will decide the House,"'],
                "Nell Barstow",
            ),
            A(
                ["{She} said turnout"],
                "She {said} turnout",
                [
                    "turnout among young voters in Fenwick, home to the state university, would be "
                    '"the number I watch on election night."'
                ],
                "Nell Barstow",
            ),
            A(
                ["the clerk's office"],
                "office {said}",
                ["Turnout in Tuesday's primary was about 22 percent"],
            ),
        ],
    ),
    (
        "hb15",
        """
Emergency waits at Harrowgate hospitals hit record, watchdog finds

Patients arriving at emergency departments in the Harrowgate region waited a median of six hours and 40 minutes to be admitted to a ward last winter, the longest since records began, a report by the Regional Health Standards Board found.

The report, published Wednesday, says the delays are "a symptom of a system running at or beyond capacity for most of the year," and warns that older patients are most at risk. One in five patients over 80 waited more than 12 hours, it found.

"Behind every one of these numbers is a frightened person on a trolley in a corridor," said Dr. Amelia Strand, the board's chief inspector. "We would not accept this in any other public service, and we should not accept it here."

The board found that the main cause was not a shortage of emergency staff but a lack of beds elsewhere in the hospitals: patients who were well enough to leave often could not be discharged because care homes and home-care services had no places.

Harrowgate Health Trust, which runs the region's four main hospitals, said in a statement that it accepted the findings and had opened 120 extra beds since January. Its chief executive, Paul Nakamura-Reid, said the trust had "turned a corner" this autumn but acknowledged that "there is a great deal more to do."

Nurses' representatives were less optimistic. The Harrowgate branch of the Nursing Guild said its members reported "corridor care" on most days in October. "The beds they opened are full," said Josie Marlow, a ward sister and guild representative. "We are treating people in cupboards."

The region's health minister, Oskar Feld, has promised to publish a plan for social care by the end of the year. Asked on Wednesday whether the plan would include new money, he said that "every option is on the table."

The board will publish figures for each hospital in the spring.
""",
        [
            A(["watchdog"], "finds", ["Emergency waits at Harrowgate hospitals hit record"]),
            A(
                ["a report by the Regional Health Standards Board"],
                "Board {found}",
                [
                    "Patients arriving at emergency departments in the Harrowgate region waited a "
                    "median of six hours and 40 minutes to be admitted to a ward last winter, the "
                    "longest since records began"
                ],
            ),
            A(
                ["The report, published Wednesday"],
                "says",
                [
                    'the delays are "a symptom of a system running at or beyond capacity for most '
                    'of the year,"'
                ],
            ),
            A(
                ["The report, published Wednesday"],
                "warns",
                ["that older patients are most at risk"],
            ),
            A(
                ["{it} found"],
                "it {found}",
                ["One in five patients over 80 waited more than 12 hours"],
            ),
            A(
                ["Dr. Amelia Strand, the board's chief inspector"],
                'corridor," {said}',
                [
                    '"Behind every one of these numbers is a frightened person on a trolley in a '
                    'corridor,"',
                    '"We would not accept this in any other public service, and we should not '
                    'accept it here."',
                ],
                "Amelia Strand",
            ),
            A(
                ["{The board} found"],
                "The board {found}",
                [
                    "that the main cause was not a shortage of emergency staff but a lack of beds "
                    "elsewhere in the hospitals: patients who were well enough to leave often could "
                    "not be discharged because care homes and home-care services had no places"
                ],
                "Regional Health Standards Board",
            ),
            A(
                ["Harrowgate Health Trust, which runs the region's four main hospitals"],
                "said in a statement",
                ["that it accepted the findings and had opened 120 extra beds since January"],
                "Harrowgate Health Trust",
            ),
            A(
                ["Its chief executive, Paul Nakamura-Reid"],
                "Nakamura-Reid, {said}",
                ['the trust had "turned a corner" this autumn'],
                "Paul Nakamura-Reid",
            ),
            A(
                ["Its chief executive, Paul Nakamura-Reid"],
                "acknowledged",
                ['that "there is a great deal more to do."'],
                "Paul Nakamura-Reid",
            ),
            A(
                ["The Harrowgate branch of the Nursing Guild"],
                "Guild {said}",
                ['its members reported "corridor care" on most days in October'],
                "Nursing Guild",
            ),
            A(
                ["Josie Marlow, a ward sister and guild representative"],
                'full," {said}',
                ['"The beds they opened are full,"', '"We are treating people in cupboards."'],
                "Josie Marlow",
            ),
            A(
                ["The region's health minister, Oskar Feld"],
                "has promised",
                ["to publish a plan for social care by the end of the year"],
                "Oskar Feld",
            ),
            A([], "Asked", ["whether the plan would include new money"]),
            A(
                ["money, {he} said"],
                "money, he {said}",
                ['that "every option is on the table."'],
                "Oskar Feld",
            ),
        ],
    ),
    (
        "hb16",
        """
State budget: what they said

Governor Edwin Marlowe unveiled his $62 billion budget on Wednesday. Here is how lawmakers, unions and interest groups reacted.

"This budget keeps faith with the promises we made to the people of this state: smaller classes, safer roads, and not one new tax." — Governor Edwin Marlowe, in his budget address

"It's a campaign brochure with numbers in it. Nobody has explained how we pay for the road program after next year." — State Senator Rosa Quintanilla, the Senate minority leader

The state teachers' union, the Kessler Education Association, said the budget's $400 million increase in school aid was "the first real down payment in a decade." Its president, Hal Brightman, said the union would press lawmakers to protect the money during negotiations.

The County Executives Council warned that a proposed cap on local property tax increases would force "painful choices" in counties already struggling to pay for jails and road repairs. "The governor is taking credit for holding the line on taxes," said the council's director, Monique Vance, "and sending us the bill."

"A good start, but only a start." — Dr. Lionel Achterberg, president of the State Hospital Association, on the $150 million for rural hospitals

The Kessler Business Roundtable said it was "deeply disappointed" that the budget did not include the corporate tax cut the governor had promised during his campaign. The group's chairman, Victor Selden, said in a radio interview that businesses would "remember this in two years."

Marlowe's budget director, Tessa Oyama, told reporters that the road program would be funded after next year from a new fee on electric vehicles. The governor plans to propose the fee separately in the spring, she said. Asked whether the fee would need legislative approval, she said it would.

Lawmakers have until June 30 to pass a budget. The House and Senate budget committees begin hearings next week.
""",
        [
            A(
                ["{Governor Edwin Marlowe}, in"],
                'tax." {—}',
                [
                    '"This budget keeps faith with the promises we made to the people of this state: '
                    'smaller classes, safer roads, and not one new tax."'
                ],
                "Edwin Marlowe",
            ),
            A(
                ["State Senator Rosa Quintanilla, the Senate minority leader"],
                'year." {—}',
                [
                    "\"It's a campaign brochure with numbers in it. Nobody has explained how we pay "
                    'for the road program after next year."'
                ],
                "Rosa Quintanilla",
            ),
            A(
                ["The state teachers' union, the Kessler Education Association"],
                "Association, {said}",
                [
                    "the budget's $400 million increase in school aid was \"the first real down "
                    'payment in a decade."'
                ],
                "Kessler Education Association",
            ),
            A(
                ["Its president, Hal Brightman"],
                "Brightman, {said}",
                ["the union would press lawmakers to protect the money during negotiations"],
                "Hal Brightman",
            ),
            A(
                ["The County Executives Council"],
                "warned",
                [
                    'that a proposed cap on local property tax increases would force "painful '
                    'choices" in counties already struggling to pay for jails and road repairs'
                ],
                "County Executives Council",
            ),
            A(
                ["the council's director, Monique Vance"],
                'taxes," {said}',
                [
                    '"The governor is taking credit for holding the line on taxes,"',
                    '"and sending us the bill."',
                ],
                "Monique Vance",
            ),
            A(
                ["Dr. Lionel Achterberg, president of the State Hospital Association"],
                'start." {—}',
                ['"A good start, but only a start."'],
                "Lionel Achterberg",
            ),
            A(
                ["The Kessler Business Roundtable"],
                "Roundtable {said}",
                [
                    'it was "deeply disappointed" that the budget did not include the corporate tax '
                    "cut the governor had promised during his campaign"
                ],
                "Kessler Business Roundtable",
            ),
            A(
                ["The group's chairman, Victor Selden"],
                "said in a radio interview",
                ['that businesses would "remember this in two years."'],
                "Victor Selden",
            ),
            A(
                ["Marlowe's budget director, Tessa Oyama"],
                "told reporters",
                [
                    "that the road program would be funded after next year from a new fee on "
                    "electric vehicles"
                ],
                "Tessa Oyama",
            ),
            A(
                ["spring, {she} said"],
                "spring, she {said}",
                ["The governor plans to propose the fee separately in the spring"],
                "Tessa Oyama",
            ),
            A([], "Asked", ["whether the fee would need legislative approval"]),
            A(
                ["approval, {she} said"],
                "approval, she {said}",
                ["it would"],
                "Tessa Oyama",
            ),
        ],
    ),
    (
        "hb17",
        """
Police: Paintings found in storage unit were taken in 2011 museum heist

Four paintings recovered from a self-storage unit in West Calder last week are among the seven works stolen from the Aldmoor Museum of Art in 2011, police said on Monday, ending a 13-year search that had become one of the region's most enduring mysteries.

The paintings, including a small harbor scene by the 19th-century painter Anna Vilhelmsen valued at about $3 million, were found rolled up inside a plastic tube by a storage-company employee who had been told to clear out the unit after its rent went unpaid, according to Detective Inspector Colm Rafferty.

"She opened the tube expecting old posters," Rafferty told a news conference. "Instead she found a piece of history, and to her enormous credit she picked up the phone."

Police have charged Dennis Harkin, 58, with handling stolen goods. According to police, Harkin rented the unit under a false name in 2019. He is not accused of taking part in the original theft. His lawyer, Beatrix Cole, said he "had no idea what was in that tube" and would plead not guilty.

The 2011 theft was carried out in under four minutes by two men who entered through a skylight, according to a review of the case published by the museum in 2021. Investigators long suspected that the paintings had been sold abroad.

Rafferty said that theory now looked unlikely. Three paintings, including the museum's most valuable piece, a portrait attributed to the Flemish master Jan Oosterlinck, are still missing. "Somebody knows where they are," he said. "Thirteen years is a long time to keep a secret."

The museum's director, Ingrid Solheim, said staff had wept when they saw photographs of the recovered works. She said the paintings would be examined by conservators before going back on display, probably next year.

The museum's insurer paid out claims of about $9 million after the theft. A spokeswoman for the insurer, Castellan Mutual, said the company was "in discussions" with the museum about the recovered works but declined to comment on whether it would seek repayment.
""",
        [
            A(
                [("Police", 1)],
                "Police{:}",
                ["Paintings found in storage unit were taken in 2011 museum heist"],
            ),
            A(
                ["{police} said"],
                "police {said}",
                [
                    "Four paintings recovered from a self-storage unit in West Calder last week are "
                    "among the seven works stolen from the Aldmoor Museum of Art in 2011"
                ],
            ),
            A(
                ["Detective Inspector Colm Rafferty"],
                "{according to} Detective",
                [
                    "The paintings, including a small harbor scene by the 19th-century painter Anna "
                    "Vilhelmsen valued at about $3 million, were found rolled up inside a plastic "
                    "tube by a storage-company employee who had been told to clear out the unit "
                    "after its rent went unpaid"
                ],
                "Colm Rafferty",
            ),
            A(
                ["{Rafferty} told"],
                "told a news conference",
                [
                    '"She opened the tube expecting old posters,"',
                    '"Instead she found a piece of history, and to her enormous credit she picked '
                    'up the phone."',
                ],
                "Colm Rafferty",
            ),
            A(
                ["According to {police}"],
                "According to",
                ["Harkin rented the unit under a false name in 2019"],
            ),
            A([], "is not accused", ["He", "of taking part in the original theft"]),
            A(
                ["His lawyer, Beatrix Cole"],
                "Cole, {said}",
                ['he "had no idea what was in that tube" and would plead not guilty'],
                "Beatrix Cole",
            ),
            A(
                ["a review of the case published by the museum in 2021"],
                "{according to} a review",
                [
                    "The 2011 theft was carried out in under four minutes by two men who entered "
                    "through a skylight"
                ],
            ),
            A(
                ["Investigators"],
                "long suspected",
                ["that the paintings had been sold abroad"],
            ),
            A(
                ["{Rafferty} said that"],
                "Rafferty {said} that",
                ["that theory now looked unlikely"],
                "Colm Rafferty",
            ),
            A(
                ['{he} said. "Thirteen'],
                'he {said}. "Thirteen',
                [
                    '"Somebody knows where they are,"',
                    '"Thirteen years is a long time to keep a secret."',
                ],
                "Colm Rafferty",
            ),
            A(
                ["The museum's director, Ingrid Solheim"],
                "Solheim, {said}",
                ["staff had wept when they saw photographs of the recovered works"],
                "Ingrid Solheim",
            ),
            A(
                ["{She} said the paintings"],
                "She {said} the paintings",
                [
                    "the paintings would be examined by conservators before going back on display, "
                    "probably next year"
                ],
                "Ingrid Solheim",
            ),
            A(
                ["A spokeswoman for the insurer, Castellan Mutual"],
                "Mutual, {said}",
                ['the company was "in discussions" with the museum about the recovered works'],
            ),
            A(
                ["A spokeswoman for the insurer, Castellan Mutual"],
                "declined to comment",
                ["on whether it would seek repayment"],
            ),
        ],
    ),
    # (articles above this line)
]


if __name__ == "__main__":
    HELDOUT2_PATH.write_text(render(build()), encoding="utf-8")
    print(f"wrote {HELDOUT2_PATH}")
