"""Writes heldout3.jsonl, a third, independent held-out attribution set: invented full articles.

Why a third set: heldout.jsonl and heldout2.jsonl have both been looked at while the engine was
developed, so neither still shows how the engine does on unseen text. This set was written later
by another annotator who did not open the engine, its tests, gold.jsonl, heldout.jsonl,
heldout2.jsonl or the article texts of the other builders; it follows issue 9's "What an
attribution is" and the convention decisions in HELDOUT.md and HELDOUT2.md, so the three sets
agree. It is for measuring, never for tuning. HELDOUT3.md next to this file gives the styles, the
extra decisions and the counts.

Why it is long: it is data, 15 articles of 1,500-4,000 characters with their triples.

How spans are named and checked: exactly as in build_heldout.py, whose helpers are reused here
(``A``, ``locate`` with ``{}`` context, the span and article checks, ``render``): a span is named by
its words, unique in the article, ``(words, n)`` for the n-th occurrence, or inside a unique
context with braces (``"Hale {said} with"``). The builder raises on the first bad span. This set
also keeps every article at 4,000 characters or fewer.

Every article, name, place, party, organisation and news outlet is invented; no real article text
is used.

Run: ``python bench/attribution/build_heldout3.py`` (rewrites heldout3.jsonl next to this file).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
HELDOUT3_PATH = HERE / "heldout3.jsonl"
MAX_CHARS = 4000


def _load_heldout_builder() -> ModuleType:
    """A private copy of build_heldout.py, for its helpers (bench/ is no package, so it is loaded
    from its file). It is a fresh module object, so giving it this set's articles below leaves any
    other importer of build_heldout.py untouched."""
    spec = importlib.util.spec_from_file_location(
        "build_heldout_for_set3", HERE / "build_heldout.py"
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
    """This set's records in the order written below, every span checked by the shared builder,
    and no article longer than this set's 4,000 characters."""
    _helpers.ARTICLES = ARTICLES
    records = _helpers.build()
    for record in records:
        if len(record["text"]) > MAX_CHARS:
            raise ValueError(f"{record['doc']}: {len(record['text'])} characters, over {MAX_CHARS}")
    return records


# (doc, text, attributions). One paragraph a line, blank lines between; the first line is a
# headline. Leading and trailing newlines are dropped.
ARTICLES: list[tuple[str, str, list[dict]]] = [
    (
        "hc01",
        """
Hollister tells Dunmore crowd the system is "rigged against working people"

DUNMORE, New Calder - Gil Hollister stood on a hay wagon at the Pruett County fairgrounds on Saturday and told several thousand supporters that the country's political system was "rigged against working people from top to bottom."

"They think you're not paying attention," the businessman-turned-candidate said, jabbing a finger toward a row of television cameras. "Well, I've got news for them. You are paying attention.

"And on November 8, they're going to find out just how much."

The crowd, many wearing the red caps his campaign sells for $25 apiece, roared for nearly a minute before he could continue.

Hollister, who has never held elected office, spent much of the 50-minute speech on trade. He promised to tear up the Lakeshore Trade Pact on his first day in office and said factories that moved abroad would face "a tax so big your head will spin."

He did not explain how such a tax would work, and his campaign has not released a detailed trade plan. Asked after the rally whether the tax would need approval from Congress, Hollister's spokeswoman, Dana Okafor, said the candidate "will use every tool he has."

Hollister also turned his fire on his opponent, Senator Maureen Castellanos, whom he accused of "selling out this state for a seat at the donors' table." Castellanos, he said, had voted for "every bad trade deal of the last 20 years."

Castellanos's campaign dismissed the attacks. "Gil Hollister has spent his whole life outsourcing jobs, not saving them," said Ruben Theroux, a campaign spokesman. "Voters can see through this."

Castellanos herself was in Marlowe City on Saturday, where she spoke at a church breakfast and avoided mentioning her rival by name. Aides said she planned to return to Pruett County next week.

Among those in the crowd was Lorna Beck, 61, a retired school bus driver from nearby Ferris Springs, who said she had voted for the other party for three decades. "I'm done with them," she said. "He talks like we talk."

A poll released last week by Carver College found Castellanos ahead in the state by four percentage points, within the survey's margin of error.
""",
        [
            A(
                ["{Hollister} tells"],
                "tells Dunmore crowd",
                ['the system is "rigged against working people"'],
                "Gil Hollister",
            ),
            A(
                ["{Gil Hollister} stood"],
                "told several thousand supporters",
                [
                    "that the country's political system was \"rigged against working people "
                    'from top to bottom."'
                ],
                "Gil Hollister",
            ),
            A(
                ["the businessman-turned-candidate"],
                "businessman-turned-candidate {said}",
                [
                    '"They think you\'re not paying attention,"',
                    "\"Well, I've got news for them. You are paying attention.",
                    '"And on November 8, they\'re going to find out just how much."',
                ],
                "Gil Hollister",
            ),
            A(
                ["Hollister, who has never held elected office"],
                "promised to",
                ["tear up the Lakeshore Trade Pact on his first day in office"],
                "Gil Hollister",
            ),
            A(
                ["Hollister, who has never held elected office"],
                "office and {said} factories",
                ['factories that moved abroad would face "a tax so big your head will spin."'],
                "Gil Hollister",
            ),
            A(
                ["{He} did not explain"],
                "did not explain",
                ["how such a tax would work"],
                "Gil Hollister",
            ),
            A(
                [],
                "Asked",
                ["whether the tax would need approval from Congress"],
            ),
            A(
                ["Hollister's spokeswoman, Dana Okafor"],
                "Okafor, {said} the candidate",
                ['the candidate "will use every tool he has."'],
                "Dana Okafor",
            ),
            A(
                ["whom {he} accused"],
                "accused",
                ["whom", 'of "selling out this state for a seat at the donors\' table."'],
                "Gil Hollister",
            ),
            A(
                ["{he} said, had voted"],
                "he {said}, had voted",
                [
                    "{Castellanos}, he said, had voted",
                    'had voted for "every bad trade deal of the last 20 years."',
                ],
                "Gil Hollister",
            ),
            A(["Castellanos's campaign"], "dismissed", ["the attacks"], "Maureen Castellanos"),
            A(
                ["Ruben Theroux, a campaign spokesman"],
                "{said} Ruben Theroux",
                [
                    '"Gil Hollister has spent his whole life outsourcing jobs, not saving them,"',
                    '"Voters can see through this."',
                ],
                "Ruben Theroux",
            ),
            A(
                ["Aides"],
                "Aides {said}",
                ["she planned to return to Pruett County next week"],
            ),
            A(
                ["Springs, {who} said"],
                "who {said} she had voted",
                ["she had voted for the other party for three decades"],
                "Lorna Beck",
            ),
            A(
                ['them," {she} said'],
                'them," she {said}',
                ['"I\'m done with them,"', '"He talks like we talk."'],
                "Lorna Beck",
            ),
            A(
                ["A poll released last week by Carver College"],
                "found",
                ["Castellanos ahead in the state by four percentage points"],
            ),
        ],
    ),
    (
        "hc02",
        """
Leaked emails show Castellanos aides worried about fundraiser optics

MARLOWE CITY, New Calder - Senior aides to Senator Maureen Castellanos worried last spring that a string of fundraisers with bank executives would feed her rival's attacks, according to a batch of internal campaign emails. The news site Ledgerline published the messages on Tuesday, saying they had been provided by a source it did not identify.

"We cannot do three bank dinners in one week and then give a speech about corporate greed," campaign manager Teddy Albrecht wrote to colleagues on April 12. "Somebody will notice, and it will be him."

In another message, the campaign's finance director, Priya Lund, replied that the events were "non-negotiable" because the campaign was "$2 million behind where we need to be."

The emails span roughly six weeks and include no evidence of wrongdoing. But they offer a rare look at the tension inside a campaign that has cast itself as a champion of working families while relying heavily on large donors.

Gil Hollister seized on the emails within hours. "Crooked Maureen's own people know the truth," he tweeted. "She works for the banks!"

At a news conference in Ferris Springs, Castellanos said she had not read the messages and would not "comment on stolen documents." She said she was proud that most of her donors had given less than $200.

Her campaign went further. In a statement, spokesman Ruben Theroux suggested that the leak was part of a coordinated effort to help Hollister and called on him to "denounce the theft of private communications."

Federal investigators are examining how the emails were obtained, according to two people familiar with the inquiry, who spoke on condition of anonymity because they were not authorized to discuss it. A spokesman for the Federal Elections Board declined to comment.

Ledgerline's editor, Marcus Yee, said in an interview that the site had verified the emails by checking them against calendar records and contacting several recipients. "We would not have published them otherwise," he said.

Albrecht did not respond to requests for comment. Lund, reached by phone, said only that the emails were "old news" and that the campaign had "moved on."
""",
        [
            A(
                ["Leaked emails"],
                "show",
                ["Castellanos aides worried about fundraiser optics"],
            ),
            A(
                ["a batch of internal campaign emails"],
                ("according to", 1),
                [
                    "Senior aides to Senator Maureen Castellanos worried last spring that a string "
                    "of fundraisers with bank executives would feed her rival's attacks"
                ],
            ),
            A(
                ["The news site Ledgerline"],
                "saying",
                ["they had been provided by a source it did not identify"],
                "Ledgerline",
            ),
            A(
                ["campaign manager Teddy Albrecht"],
                "wrote to colleagues",
                [
                    '"We cannot do three bank dinners in one week and then give a speech about '
                    'corporate greed,"',
                    '"Somebody will notice, and it will be him."',
                ],
                "Teddy Albrecht",
            ),
            A(
                ["the campaign's finance director, Priya Lund"],
                "replied",
                [
                    'that the events were "non-negotiable" because the campaign was "$2 million '
                    'behind where we need to be."'
                ],
                "Priya Lund",
            ),
            A(
                ['truth," {he} tweeted'],
                "tweeted",
                ['"Crooked Maureen\'s own people know the truth,"', '"She works for the banks!"'],
                "Gil Hollister",
            ),
            A(
                ["Springs, {Castellanos} said"],
                "Castellanos {said} she had not",
                ['she had not read the messages and would not "comment on stolen documents."'],
                "Maureen Castellanos",
            ),
            A(
                ["{She} said she was proud"],
                "She {said} she was proud",
                ["she was proud that most of her donors had given less than $200"],
                "Maureen Castellanos",
            ),
            A(
                ["spokesman Ruben Theroux"],
                "suggested",
                ["that the leak was part of a coordinated effort to help Hollister"],
                "Ruben Theroux",
            ),
            A(
                ["spokesman Ruben Theroux"],
                "called on",
                ['him to "denounce the theft of private communications."'],
                "Ruben Theroux",
            ),
            A(
                [
                    "two people familiar with the inquiry, who spoke on condition of anonymity "
                    "because they were not authorized to discuss it"
                ],
                ("according to", 2),
                ["Federal investigators are examining how the emails were obtained"],
            ),
            A(
                ["Ledgerline's editor, Marcus Yee"],
                "said in an interview",
                [
                    "that the site had verified the emails by checking them against calendar "
                    "records and contacting several recipients"
                ],
                "Marcus Yee",
            ),
            A(
                ['otherwise," {he} said'],
                'otherwise," he {said}',
                ['"We would not have published them otherwise,"'],
                "Marcus Yee",
            ),
            A(
                ["{Lund}, reached by phone"],
                "phone, {said} only",
                ['that the emails were "old news" and that the campaign had "moved on."'],
                "Priya Lund",
            ),
        ],
    ),
    (
        "hc03",
        """
Castellanos and Hollister spar over jobs and temperament in first debate

ASHBY, New Calder - Senator Maureen Castellanos and Gil Hollister traded sharp attacks over trade, taxes and temperament on Thursday night in their first debate, a 90-minute encounter that rarely strayed from the themes of their television ads.

The moderator, Celia Vance of the Meridian News Network, opened by asking each candidate what they would do for the 14,000 workers who lost their jobs when the Tolliver appliance plant closed in March.

Hollister answered first. "I'll tell you what I'd do. I'd bring those jobs back, and I'd do it fast," he said, adding that the plant's owner "should be ashamed of itself."

Castellanos said she had already secured $40 million in federal retraining money for the region, and she accused her opponent of "making promises he has never once kept in business."

The exchange set the tone for the evening. When Vance asked Hollister whether his companies had used imported steel in their hotel projects, he interrupted her. "Wrong. Totally wrong," he said. "Next question."

A report by the Tri-County Labor Council last year found that at least two of his developments had used steel from overseas suppliers. Castellanos, smiling, said: "You can check it yourselves. It's all online."

On taxes, the two were further apart. Hollister again vowed to cut the top income tax rate to 25 percent, a move he said would "unleash the greatest boom this state has ever seen."

Castellanos called the plan "a giveaway to people like my opponent" and said independent analysts estimated it would cost the state $3 billion over a decade.

The sharpest moment came near the end, when Vance asked whether each candidate would accept the result if they lost. Castellanos said she would, without hesitation. Hollister would not commit. "We'll see what happens," he said. "I'm not going to say yes to anything until I see how honest this thing is."

Hollister's campaign manager, Brent Sowell, told reporters in the spin room afterward that his candidate had "won every single exchange." A snap survey of 412 debate watchers by the polling firm Keystone Metrics found 49 percent thought Castellanos had done better, compared with 38 percent for Hollister.

The next debate is scheduled for Oct. 9 in Ravenport.
""",
        [
            A(
                ["The moderator, Celia Vance of the Meridian News Network"],
                "asking each candidate",
                [
                    "what they would do for the 14,000 workers who lost their jobs when the "
                    "Tolliver appliance plant closed in March"
                ],
                "Celia Vance",
            ),
            A(
                ['fast," {he} said'],
                'fast," he {said}',
                ["\"I'll tell you what I'd do. I'd bring those jobs back, and I'd do it fast,\""],
                "Gil Hollister",
            ),
            A(
                ['fast," {he} said'],
                "adding",
                ['that the plant\'s owner "should be ashamed of itself."'],
                "Gil Hollister",
            ),
            A(
                ["{Castellanos} said she had already"],
                "Castellanos {said} she had already",
                ["she had already secured $40 million in federal retraining money for the region"],
                "Maureen Castellanos",
            ),
            A(
                ["and {she} accused"],
                "accused",
                ['her opponent of "making promises he has never once kept in business."'],
                "Maureen Castellanos",
            ),
            A(
                ["When {Vance} asked"],
                "asked Hollister",
                ["whether his companies had used imported steel in their hotel projects"],
                "Celia Vance",
            ),
            A(
                ['wrong," {he} said'],
                'wrong," he {said}',
                ['"Wrong. Totally wrong,"', '"Next question."'],
                "Gil Hollister",
            ),
            A(
                ["A report by the Tri-County Labor Council"],
                "A report by the Tri-County Labor Council last year {found}",
                ["that at least two of his developments had used steel from overseas suppliers"],
                "Tri-County Labor Council",
            ),
            A(
                ["{Castellanos}, smiling"],
                "smiling, {said}",
                ['"You can check it yourselves. It\'s all online."'],
                "Maureen Castellanos",
            ),
            A(
                ["{Hollister} again vowed"],
                "again vowed to",
                ["cut the top income tax rate to 25 percent"],
                "Gil Hollister",
            ),
            A(
                ["move {he} said"],
                "move he {said}",
                ["a move", 'would "unleash the greatest boom this state has ever seen."'],
                "Gil Hollister",
            ),
            A(
                ["{Castellanos} called the plan"],
                "called",
                ['the plan "a giveaway to people like my opponent"'],
                "Maureen Castellanos",
            ),
            A(
                ["{Castellanos} called the plan"],
                'opponent" and {said}',
                ["independent analysts estimated it would cost the state $3 billion over a decade"],
                "Maureen Castellanos",
            ),
            A(
                ["when {Vance} asked"],
                "when Vance {asked}",
                ["whether each candidate would accept the result if they lost"],
                "Celia Vance",
            ),
            A(
                ["{Castellanos} said she would"],
                "Castellanos {said} she would",
                ["she would"],
                "Maureen Castellanos",
            ),
            A(
                ['happens," {he} said'],
                'happens," he {said}',
                [
                    '"We\'ll see what happens,"',
                    '"I\'m not going to say yes to anything until I see how honest this thing is."',
                ],
                "Gil Hollister",
            ),
            A(
                ["Hollister's campaign manager, Brent Sowell"],
                "told reporters",
                ['that his candidate had "won every single exchange."'],
                "Brent Sowell",
            ),
            A(
                ["A snap survey of 412 debate watchers by the polling firm Keystone Metrics"],
                "Keystone Metrics {found}",
                [
                    "49 percent thought Castellanos had done better, compared with 38 percent for "
                    "Hollister"
                ],
                "Keystone Metrics",
            ),
        ],
    ),
    (
        "hc04",
        """
Poll: Castellanos lead shrinks to two points in New Calder

Senator Maureen Castellanos holds a narrow 46 percent to 44 percent lead over Gil Hollister among likely voters in New Calder, according to a Carver College poll released Wednesday. That is down from a six-point advantage in the college's August survey.

The survey of 803 likely voters, conducted Sept. 18-22, has a margin of error of plus or minus 3.5 percentage points, meaning the race is effectively tied.

"The movement is real, but it's not dramatic," said Helen Marsh, who directs the Carver College Polling Institute. "What we're seeing is independents who were undecided in August breaking slightly toward Hollister."

The poll found that voters trust Hollister more on the economy, 48 percent to 41 percent, while Castellanos holds a wide advantage on health care and on who is seen as having the right temperament to serve.

Nearly six in 10 voters said they had an unfavorable view of Hollister, and 52 percent said the same of Castellanos. Marsh said the numbers pointed to "an electorate that doesn't love either choice."

Both campaigns found something to like in the results. Hollister's campaign manager, Brent Sowell, said in a memo to supporters that the race had "moved decisively in our direction" and predicted a win by "a margin the pundits won't believe."

Castellanos's pollster, Arjun Mehta, was less impressed with the shift. In a conference call with reporters, he noted that the senator's support had held steady at 46 percent across three Carver surveys and argued that Hollister had simply "consolidated his base, which was always going to happen."

Other recent surveys point the same way. A Ledgerline tracking poll published Monday put Castellanos ahead by three points, and a survey for the Ravenport Herald showed the race tied at 45 percent.

Political scientists caution against reading too much into any single poll. "People should look at the average, not at one number," said Tomasz Wilk, a professor of government at Ashby State University. He said the state's history of late-deciding voters made forecasts "unusually hazardous."

In the state's open governor's race, Attorney General Rosa Pettit, the Civic Party nominee, led businessman Carl Dunleavy of the Heartland Party 47 percent to 40 percent.
""",
        [
            A(["Poll"], ":", ["Castellanos lead shrinks to two points in New Calder"]),
            A(
                ["a Carver College poll released Wednesday"],
                "according to",
                [
                    "Senator Maureen Castellanos holds a narrow 46 percent to 44 percent lead over "
                    "Gil Hollister among likely voters in New Calder"
                ],
            ),
            A(
                ["Helen Marsh, who directs the Carver College Polling Institute"],
                "{said} Helen Marsh",
                [
                    '"The movement is real, but it\'s not dramatic,"',
                    "\"What we're seeing is independents who were undecided in August breaking "
                    'slightly toward Hollister."',
                ],
                "Helen Marsh",
            ),
            A(
                ["The poll"],
                "The poll {found}",
                [
                    "that voters trust Hollister more on the economy, 48 percent to 41 percent, "
                    "while Castellanos holds a wide advantage on health care and on who is seen "
                    "as having the right temperament to serve"
                ],
            ),
            A(
                ["Nearly six in 10 voters"],
                "voters {said}",
                ["they had an unfavorable view of Hollister"],
            ),
            A(["52 percent"], "52 percent {said}", ["the same of Castellanos"]),
            A(
                ["{Marsh} said the numbers"],
                "Marsh {said} the numbers",
                ['the numbers pointed to "an electorate that doesn\'t love either choice."'],
                "Helen Marsh",
            ),
            A(
                ["Hollister's campaign manager, Brent Sowell"],
                "said in a memo to supporters",
                ['that the race had "moved decisively in our direction"'],
                "Brent Sowell",
            ),
            A(
                ["Hollister's campaign manager, Brent Sowell"],
                "predicted",
                ['a win by "a margin the pundits won\'t believe."'],
                "Brent Sowell",
            ),
            A(
                ["reporters, {he} noted"],
                "noted",
                [
                    "that the senator's support had held steady at 46 percent across three Carver "
                    "surveys"
                ],
                "Arjun Mehta",
            ),
            A(
                ["reporters, {he} noted"],
                "argued",
                [
                    'that Hollister had simply "consolidated his base, which was always going to happen."'
                ],
                "Arjun Mehta",
            ),
            A(
                ["A Ledgerline tracking poll published Monday"],
                "put",
                ["Castellanos ahead by three points"],
            ),
            A(
                ["a survey for the Ravenport Herald"],
                "showed",
                ["the race tied at 45 percent"],
            ),
            A(
                ["Political scientists"],
                "caution",
                ["against reading too much into any single poll"],
            ),
            A(
                ["Tomasz Wilk, a professor of government at Ashby State University"],
                "{said} Tomasz Wilk",
                ['"People should look at the average, not at one number,"'],
                "Tomasz Wilk",
            ),
            A(
                ["{He} said the state's"],
                "He {said} the state's",
                [
                    "the state's history of late-deciding voters made forecasts \"unusually "
                    'hazardous."'
                ],
                "Tomasz Wilk",
            ),
        ],
    ),
    (
        "hc05",
        """
Ravenport Herald endorses Castellanos, breaking with 40-year tradition

RAVENPORT, New Calder - The Ravenport Herald, a reliably conservative voice for four decades, endorsed Senator Maureen Castellanos on Sunday, calling Gil Hollister "unfit for the office he seeks."

In an editorial that ran across the top of its front page, the paper's board wrote that it had "never before found it necessary to urge readers to cross party lines" but that Hollister's "contempt for facts, for his own party's traditions and for ordinary decency" left it no choice.

"We do not agree with Senator Castellanos on taxes, on regulation or on much of her record," the editorial said. "We are endorsing her anyway."

The Herald's publisher, Warren Osei, said the decision had been unanimous and had followed "months of agonizing." He acknowledged that some readers would cancel their subscriptions. "That's their right," he said. "Our job is to tell them what we think."

Hollister responded on social media within the hour, calling the Herald "a dying paper that nobody reads" and predicting that it "will be out of business soon."

The endorsement is the latest in a string of defections. On Friday, the New Calder Chamber of Commerce, long a reliable ally of Heartland candidates, said it was backing Castellanos. Two former Heartland Party governors, Lyle Ambrose and Dorothy Finch, have also said they will not vote for Hollister, though neither has endorsed his opponent.

The paper's own pages showed the split. Marcy Tolan, a longtime columnist for the Herald, wrote in her Sunday column that she would vote for Hollister and that the endorsement "tells a great many of our readers that we don't understand them."

Endorsements by newspapers rarely move many votes, said Yusuf Grant, who studies political media at Ashby State University. But he said this one could matter at the margins in the state's conservative suburbs. "When a paper breaks a 40-year habit, people notice," he said.

Castellanos, campaigning in Dunmore, told reporters she was "humbled" by the endorsement and hoped it would persuade voters "who feel like they've lost their party."
""",
        [
            A(["{Ravenport Herald} endorses"], "endorses", ["endorses {Castellanos}"]),
            A(
                ["The Ravenport Herald, a reliably conservative voice for four decades"],
                "decades, {endorsed}",
                ["Senator Maureen Castellanos"],
                "Ravenport Herald",
            ),
            A(
                ["The Ravenport Herald, a reliably conservative voice for four decades"],
                "Sunday, {calling}",
                ['Gil Hollister "unfit for the office he seeks."'],
                "Ravenport Herald",
            ),
            A(
                ["the paper's board"],
                "the paper's board {wrote}",
                [
                    'that it had "never before found it necessary to urge readers to cross party '
                    "lines\" but that Hollister's \"contempt for facts, for his own party's "
                    'traditions and for ordinary decency" left it no choice'
                ],
                "Ravenport Herald",
            ),
            A(
                ["the editorial"],
                "the editorial {said}",
                [
                    '"We do not agree with Senator Castellanos on taxes, on regulation or on much '
                    'of her record,"',
                    '"We are endorsing her anyway."',
                ],
                "Ravenport Herald",
            ),
            A(
                ["The Herald's publisher, Warren Osei"],
                "Osei, {said}",
                ['the decision had been unanimous and had followed "months of agonizing."'],
                "Warren Osei",
            ),
            A(
                ["{He} acknowledged"],
                "acknowledged",
                ["that some readers would cancel their subscriptions"],
                "Warren Osei",
            ),
            A(
                ['right," {he} said'],
                'right," he {said}',
                ['"That\'s their right,"', '"Our job is to tell them what we think."'],
                "Warren Osei",
            ),
            A(
                ["{Hollister} responded"],
                "hour, {calling}",
                ['the Herald "a dying paper that nobody reads"'],
                "Gil Hollister",
            ),
            A(
                ["{Hollister} responded"],
                "predicting",
                ['that it "will be out of business soon."'],
                "Gil Hollister",
            ),
            A(
                [
                    "the New Calder Chamber of Commerce, long a reliable ally of Heartland "
                    "candidates"
                ],
                "candidates, {said}",
                ["it was backing Castellanos"],
                "New Calder Chamber of Commerce",
            ),
            A(
                ["Two former Heartland Party governors, Lyle Ambrose and Dorothy Finch"],
                "have also said",
                ["they will not vote for Hollister"],
            ),
            A(["neither"], "has endorsed", ["his opponent"]),
            A(
                ["Marcy Tolan, a longtime columnist for the Herald"],
                "wrote in her Sunday column",
                [
                    'that she would vote for Hollister and that the endorsement "tells a great '
                    "many of our readers that we don't understand them.\""
                ],
                "Marcy Tolan",
            ),
            A(
                ["Yusuf Grant, who studies political media at Ashby State University"],
                "{said} Yusuf Grant",
                ["Endorsements by newspapers rarely move many votes"],
                "Yusuf Grant",
            ),
            A(
                ["But {he} said this"],
                "But he {said} this",
                ["this one could matter at the margins in the state's conservative suburbs"],
                "Yusuf Grant",
            ),
            A(
                ['notice," {he} said'],
                'notice," he {said}',
                ['"When a paper breaks a 40-year habit, people notice,"'],
                "Yusuf Grant",
            ),
            A(
                ["{Castellanos}, campaigning"],
                "told reporters",
                ['she was "humbled" by the endorsement'],
                "Maureen Castellanos",
            ),
            A(
                ["{Castellanos}, campaigning"],
                "hoped",
                ['it would persuade voters "who feel like they\'ve lost their party."'],
                "Maureen Castellanos",
            ),
        ],
    ),
    (
        "hc06",
        """
Fact check: Hollister's claim that crime has soared in Marlowe City

At a rally in Ferris Springs on Monday, Gil Hollister told supporters that crime in Marlowe City had "gone up 60 percent since Maureen Castellanos went to the Senate." He has made similar remarks at least four times this month, and the figure appeared in a fundraising email his campaign sent on Tuesday.

The claim is false.

Castellanos took her Senate seat in January 2011. According to the Marlowe City Police Department's annual reports, the city recorded 4,212 violent crimes in 2010 and 4,630 in 2015. That is an increase of about 10 percent. Property crime fell by nearly a fifth over the same period, the reports show.

Asked for the source of the 60 percent figure, Hollister campaign spokeswoman Dana Okafor said the figure referred to homicides, which rose from 35 in 2010 to 56 in 2015.

"Murders are up 60 percent. That's a fact, and it's the number that matters to families," Okafor said in an email.

That increase is real, but criminologists say it is misleading to describe it as a rise in crime overall. Homicides make up less than 2 percent of violent crimes in the city, and small numbers can swing sharply from year to year.

"If you pick the one number that went up the most and present it as the whole story, you're not describing reality," said Ana Kessler, a criminologist at Ashby State University who has studied the city's crime data for a decade.

Kessler noted that the city's homicide rate in 2015 was still below its peak in the mid-1990s, when more than 80 people were killed in a single year.

Castellanos's campaign called the claim "a lie, plain and simple." Her spokesman, Ruben Theroux, also noted that the city's police budget is set by the mayor and the city council, not by members of Congress.

Marlowe City's police chief, Desmond Avery, who is not affiliated with either campaign, declined to comment on the candidates' statements but said the department was "focused on the homicide numbers, because every one of them is a family."

OUR RULING: Hollister's claim that overall crime in Marlowe City is up 60 percent is false. Violent crime rose about 10 percent, property crime fell, and only homicides rose by anything close to 60 percent.
""",
        [
            A(
                ["{Hollister's} claim that crime"],
                "Hollister's {claim} that crime",
                ["that crime has soared in Marlowe City"],
                "Gil Hollister",
            ),
            A(
                ["Gil Hollister"],
                "told supporters",
                [
                    'that crime in Marlowe City had "gone up 60 percent since Maureen Castellanos '
                    'went to the Senate."'
                ],
                "Gil Hollister",
            ),
            A(
                ["the Marlowe City Police Department's annual reports"],
                "According to",
                ["the city recorded 4,212 violent crimes in 2010 and 4,630 in 2015"],
                "Marlowe City Police Department",
            ),
            A(
                ["the reports"],
                "show",
                ["Property crime fell by nearly a fifth over the same period"],
            ),
            A([], "Asked", ["for the source of the 60 percent figure"]),
            A(
                ["Hollister campaign spokeswoman Dana Okafor"],
                "Okafor {said} the figure",
                ["the figure referred to homicides, which rose from 35 in 2010 to 56 in 2015"],
                "Dana Okafor",
            ),
            A(
                ['families," {Okafor} said'],
                "said in an email",
                [
                    "\"Murders are up 60 percent. That's a fact, and it's the number that matters "
                    'to families,"'
                ],
                "Dana Okafor",
            ),
            A(
                ["criminologists"],
                "criminologists {say}",
                ["it is misleading to describe it as a rise in crime overall"],
            ),
            A(
                [
                    "Ana Kessler, a criminologist at Ashby State University who has studied the "
                    "city's crime data for a decade"
                ],
                "{said} Ana Kessler",
                [
                    '"If you pick the one number that went up the most and present it as the '
                    "whole story, you're not describing reality,\""
                ],
                "Ana Kessler",
            ),
            A(
                ["{Kessler} noted"],
                "Kessler {noted}",
                [
                    "that the city's homicide rate in 2015 was still below its peak in the "
                    "mid-1990s, when more than 80 people were killed in a single year"
                ],
                "Ana Kessler",
            ),
            A(
                ["Castellanos's campaign"],
                "called",
                ['the claim "a lie, plain and simple."'],
                "Maureen Castellanos",
            ),
            A(
                ["Her spokesman, Ruben Theroux"],
                "also noted",
                [
                    "that the city's police budget is set by the mayor and the city council, not "
                    "by members of Congress"
                ],
                "Ruben Theroux",
            ),
            A(
                [
                    "Marlowe City's police chief, Desmond Avery, who is not affiliated with either "
                    "campaign"
                ],
                "declined to comment",
                ["on the candidates' statements"],
                "Desmond Avery",
            ),
            A(
                [
                    "Marlowe City's police chief, Desmond Avery, who is not affiliated with either "
                    "campaign"
                ],
                "but {said} the department",
                [
                    'the department was "focused on the homicide numbers, because every one of '
                    'them is a family."'
                ],
                "Desmond Avery",
            ),
            A(
                ["{Hollister's} claim that overall"],
                "Hollister's {claim} that overall",
                ["that overall crime in Marlowe City is up 60 percent"],
                "Gil Hollister",
            ),
        ],
    ),
    (
        "hc07",
        """
Hollister allies defend tax plan on Sunday shows as Castellanos camp hits back

Supporters of Gil Hollister crowded the Sunday morning shows a day after a nonpartisan analysis concluded his tax plan would add $3 billion to the state's deficit over 10 years.

The analysis, by the Ostrander Institute for Fiscal Policy, said the plan's cuts to income and business taxes would be only partly offset by faster growth.

"These people are in the business of being wrong," former Lieutenant Governor Ray Caldwell said on Channel 4 on Sunday. "Every time somebody cuts taxes, they say the sky will fall, and every time the sky stays right where it is."

Caldwell, a co-chairman of Hollister's campaign, added that the institute had "never met a tax cut it liked." The institute's president, Judith Okonkwo, said in a statement that its analysis used "the same methods we have used for every governor and every candidate, of both parties, for 20 years."

On the Meridian News Network's "Face the State," state Senator Bev Larkin, who is leading Hollister's campaign in the northern counties, was asked three times whether the plan would require cuts to school funding.

"Nobody is talking about cutting schools," she said. "We're talking about cutting waste."

Pressed by the host, Phil Ridgeway, on where the savings would come from, Larkin said the campaign would publish "a full list" before Election Day. It has not said when.

Castellanos's allies were quick to respond. Appearing on Channel 4 later in the program, Marlowe City Mayor Antoine Dubois said the plan amounted to "a hole in the budget with a bow on top."

"He can call it growth. I call it a bill that our kids will pay," Dubois said. He urged voters to "read the report, not the press release."

Hollister himself did not appear on any of the programs. In a post on social media on Sunday afternoon, he wrote that the Ostrander Institute was "funded by the same people who fund Crooked Maureen." The institute says on its website that it receives no money from candidates or parties.
""",
        [
            A(
                ["Hollister allies"],
                "defend",
                ["defend {tax plan}"],
            ),
            A(
                ["a nonpartisan analysis"],
                "concluded",
                ["his tax plan would add $3 billion to the state's deficit over 10 years"],
            ),
            A(
                ["The analysis, by the Ostrander Institute for Fiscal Policy"],
                "Policy, {said}",
                [
                    "the plan's cuts to income and business taxes would be only partly offset by "
                    "faster growth"
                ],
                "Ostrander Institute for Fiscal Policy",
            ),
            A(
                ["former Lieutenant Governor Ray Caldwell"],
                "said on Channel 4",
                [
                    '"These people are in the business of being wrong,"',
                    '"Every time somebody cuts taxes, they say the sky will fall, and every time '
                    'the sky stays right where it is."',
                ],
                "Ray Caldwell",
            ),
            A(
                ["Caldwell, a co-chairman of Hollister's campaign"],
                "added",
                ['that the institute had "never met a tax cut it liked."'],
                "Ray Caldwell",
            ),
            A(
                ["The institute's president, Judith Okonkwo"],
                "said in a statement",
                [
                    'that its analysis used "the same methods we have used for every governor and '
                    'every candidate, of both parties, for 20 years."'
                ],
                "Judith Okonkwo",
            ),
            A(
                [],
                "was asked",
                ["whether the plan would require cuts to school funding"],
            ),
            A(
                ['schools," {she} said'],
                'schools," she {said}',
                [
                    '"Nobody is talking about cutting schools,"',
                    '"We\'re talking about cutting waste."',
                ],
                "Bev Larkin",
            ),
            A(
                ["the host, Phil Ridgeway"],
                "Pressed",
                ["on where the savings would come from"],
                "Phil Ridgeway",
            ),
            A(
                ["{Larkin} said the campaign"],
                "Larkin {said} the campaign",
                ['the campaign would publish "a full list" before Election Day'],
                "Bev Larkin",
            ),
            A(["{It} has not said"], "has not said", ["when"]),
            A(
                ["Marlowe City Mayor Antoine Dubois"],
                "Dubois {said} the plan",
                ['the plan amounted to "a hole in the budget with a bow on top."'],
                "Antoine Dubois",
            ),
            A(
                ['pay," {Dubois} said'],
                'pay," Dubois {said}',
                ['"He can call it growth. I call it a bill that our kids will pay,"'],
                "Antoine Dubois",
            ),
            A(
                ["{He} urged"],
                "urged",
                ['voters to "read the report, not the press release."'],
                "Antoine Dubois",
            ),
            A(
                ["afternoon, {he} wrote"],
                "wrote",
                [
                    'that the Ostrander Institute was "funded by the same people who fund Crooked '
                    'Maureen."'
                ],
                "Gil Hollister",
            ),
            A(
                ["{The institute} says"],
                "says on its website",
                ["that it receives no money from candidates or parties"],
                "Ostrander Institute for Fiscal Policy",
            ),
        ],
    ),
    (
        "hc08",
        """
Hollister shakes up campaign, replacing manager, aides say

Gil Hollister has replaced his campaign manager, Brent Sowell, with a veteran strategist from outside the state, according to three people familiar with the decision, the latest sign of turmoil in a campaign that has slipped in recent polls.

The new manager, Cora Blanchette, ran two successful governor's races in neighboring Tasmont and is known for aggressive television advertising. She is expected to take over on Monday, the people said.

Sowell will stay on as a senior adviser, according to a campaign statement released late Friday that did not mention Blanchette by name. "Brent has been with Gil since day one, and he will be with him on victory night," the statement said.

The shake-up followed weeks of tension between Sowell and Hollister's eldest son, Trent, according to two aides who spoke on the condition that they not be named because they were not authorized to discuss internal matters. Trent Hollister has taken a growing role in the campaign's strategy in recent months.

One of the aides said the son had pushed for more rallies and fewer policy speeches, and had clashed with Sowell over how much to spend on television. The other said the candidate himself had grown frustrated with the polls. "He hates losing. He hates even the idea of losing," that aide said.

At a rally in Ashby on Saturday, Hollister denied that his campaign was in trouble. "We have the best people, the best team, and now it's even better," he said. "This is a campaign that's going up, not down."

He said he had "total confidence" in Sowell and that his son was "a very smart guy who gives me advice, like a son should."

Trent Hollister did not respond to a message seeking comment.

Castellanos's campaign manager, Teddy Albrecht, said the shake-up showed "a campaign in free fall." Privately, several Castellanos advisers said they expected Blanchette to shift the race toward negative advertising, and the campaign has reserved an additional $1.2 million in television time for the final three weeks, according to a person with knowledge of the purchase.

Blanchette could not be reached for comment on Saturday. In an interview last year with the Tasmont Gazette, she described her approach to campaigns as "simple: define your opponent before they define you."
""",
        [
            A(["{aides} say"], "aides {say}", ["Hollister shakes up campaign, replacing manager"]),
            A(
                ["three people familiar with the decision"],
                ("according to", 1),
                [
                    "Gil Hollister has replaced his campaign manager, Brent Sowell, with a veteran "
                    "strategist from outside the state"
                ],
            ),
            A(
                ["the people"],
                "the people {said}",
                ["She is expected to take over on Monday"],
            ),
            A(
                [
                    "a campaign statement released late Friday that did not mention Blanchette by "
                    "name"
                ],
                ("according to", 2),
                ["Sowell will stay on as a senior adviser"],
            ),
            A(
                ["the statement"],
                "the statement {said}",
                [
                    '"Brent has been with Gil since day one, and he will be with him on victory night,"'
                ],
            ),
            A(
                [
                    "two aides who spoke on the condition that they not be named because they were "
                    "not authorized to discuss internal matters"
                ],
                ("according to", 3),
                [
                    "The shake-up followed weeks of tension between Sowell and Hollister's eldest son, Trent"
                ],
            ),
            A(
                ["One of the aides"],
                "aides {said} the son",
                [
                    "the son had pushed for more rallies and fewer policy speeches, and had clashed "
                    "with Sowell over how much to spend on television"
                ],
            ),
            A(
                ["The other"],
                "The other {said}",
                ["the candidate himself had grown frustrated with the polls"],
            ),
            A(
                ["that aide"],
                "that aide {said}",
                ['"He hates losing. He hates even the idea of losing,"'],
            ),
            A(
                ["Saturday, {Hollister} denied"],
                "denied",
                ["that his campaign was in trouble"],
                "Gil Hollister",
            ),
            A(
                ['better," {he} said'],
                'better," he {said}',
                [
                    '"We have the best people, the best team, and now it\'s even better,"',
                    '"This is a campaign that\'s going up, not down."',
                ],
                "Gil Hollister",
            ),
            A(
                ["{He} said he had"],
                "He {said} he had",
                [
                    'he had "total confidence" in Sowell and that his son was "a very smart guy who '
                    'gives me advice, like a son should."'
                ],
                "Gil Hollister",
            ),
            A(
                ["Castellanos's campaign manager, Teddy Albrecht"],
                "Albrecht, {said}",
                ['the shake-up showed "a campaign in free fall."'],
                "Teddy Albrecht",
            ),
            A(
                ["several Castellanos advisers"],
                "advisers {said}",
                ["they expected Blanchette to shift the race toward negative advertising"],
            ),
            A(
                ["a person with knowledge of the purchase"],
                ("according to", 4),
                [
                    "the campaign has reserved an additional $1.2 million in television time for "
                    "the final three weeks"
                ],
            ),
            A(
                [", {she} described"],
                "described",
                [
                    'her approach to campaigns as "simple: define your opponent before they define you."'
                ],
                "Cora Blanchette",
            ),
        ],
    ),
    (
        "hc09",
        """
Hollister's late-night posts about retired judge draw rebuke from his own party

Gil Hollister posted a string of messages on social media between 2 a.m. and 4 a.m. on Wednesday about Harriet Mosley, a retired state Supreme Court justice who appeared alongside Senator Maureen Castellanos at a rally in Marlowe City on Monday.

"Judge Mosley is a total hack who was a disaster on the court. Nobody in the legal world respects her!" Hollister wrote in one message. In another, he called her "a political operative in a robe" and suggested, without evidence, that she had been paid to appear.

Mosley, 74, served on the court for 16 years after being appointed by a Heartland Party governor. At Monday's rally, she told the crowd that Hollister "has shown us, again and again, that he does not respect the law," and that electing him would be "a danger to the courts of this state."

Reached at her home on Wednesday, Mosley said she had not seen the messages and did not intend to. "I'm 74 years old. I've been called worse by better," she said.

The posts drew an unusually sharp response from leaders of Hollister's own party. Senator Walt Brennan, the senior Heartland Party member of the state's congressional delegation, wrote on social media that "attacking a retired judge in the middle of the night is not what leaders do." He has not withdrawn his endorsement of Hollister, and a spokesman said he had no plans to do so.

The state party chairwoman, Lois Pemberton, was more guarded. "I think everybody would be better off if we all got a little more sleep," she told the Ravenport Herald.

Hollister was unapologetic on Wednesday afternoon. "When somebody attacks me, I hit back ten times harder. That's what people like about me," he tweeted, adding that Mosley had "started it."

The Castellanos campaign, which had largely stayed out of the exchange, released a statement from Mosley's former law clerk, Denise Holt, who called the posts "cruel and beneath anyone who wants to serve in the Senate."

Castellanos herself said little about the episode. At a stop in Dunmore, she said only: "Judge Mosley can speak for herself, and she has."

A Ledgerline analysis of Hollister's account found that he had posted 41 messages between midnight and 5 a.m. over the past month, more than twice as many as in the same period last year.
""",
        [
            A(
                ['her!" {Hollister} wrote'],
                "wrote in one message",
                [
                    '"Judge Mosley is a total hack who was a disaster on the court. Nobody in the '
                    'legal world respects her!"'
                ],
                "Gil Hollister",
            ),
            A(
                ["another, {he} called"],
                "he {called} her",
                ['her "a political operative in a robe"'],
                "Gil Hollister",
            ),
            A(
                ["another, {he} called"],
                "suggested",
                ["that she had been paid to appear"],
                "Gil Hollister",
            ),
            A(
                ["rally, {she} told"],
                "told the crowd",
                [
                    'that Hollister "has shown us, again and again, that he does not respect the '
                    'law," and that electing him would be "a danger to the courts of this state."'
                ],
                "Harriet Mosley",
            ),
            A(
                ["Wednesday, {Mosley} said"],
                "Mosley {said} she had not",
                ["she had not seen the messages and did not intend to"],
                "Harriet Mosley",
            ),
            A(
                ['better," {she} said'],
                'better," she {said}',
                ["\"I'm 74 years old. I've been called worse by better,\""],
                "Harriet Mosley",
            ),
            A(
                [
                    "Senator Walt Brennan, the senior Heartland Party member of the state's "
                    "congressional delegation"
                ],
                "wrote on social media",
                [
                    'that "attacking a retired judge in the middle of the night is not what '
                    'leaders do."'
                ],
                "Walt Brennan",
            ),
            A(
                ["a spokesman"],
                "a spokesman {said}",
                ["he had no plans to do so"],
            ),
            A(
                ['sleep," {she} told'],
                "told the Ravenport Herald",
                ['"I think everybody would be better off if we all got a little more sleep,"'],
                "Lois Pemberton",
            ),
            A(
                ['me," {he} tweeted'],
                "tweeted",
                [
                    "\"When somebody attacks me, I hit back ten times harder. That's what people "
                    'like about me,"'
                ],
                "Gil Hollister",
            ),
            A(
                ['me," {he} tweeted'],
                "adding",
                ['that Mosley had "started it."'],
                "Gil Hollister",
            ),
            A(
                ["Holt, {who} called"],
                "who {called}",
                ['the posts "cruel and beneath anyone who wants to serve in the Senate."'],
                "Denise Holt",
            ),
            A(
                ["Dunmore, {she} said"],
                "Dunmore, she {said}",
                ['"Judge Mosley can speak for herself, and she has."'],
                "Maureen Castellanos",
            ),
            A(
                ["A Ledgerline analysis of Hollister's account"],
                "found",
                [
                    "that he had posted 41 messages between midnight and 5 a.m. over the past "
                    "month, more than twice as many as in the same period last year"
                ],
                "Ledgerline",
            ),
        ],
    ),
    (
        "hc10",
        """
Dunleavy bets on rural turnout as Pettit widens lead in governor's race

WESTFALL, New Calder - Carl Dunleavy has spent 30 years selling farm equipment across New Calder's northern counties, and he believes the people who bought it will carry him to the governor's mansion.

The Heartland Party nominee trails Attorney General Rosa Pettit by seven points in the latest Carver College poll, but his campaign plans to spend most of its remaining $4 million on rural radio advertising and door-knocking. Those are the counties that "the Marlowe City crowd forgot existed," Dunleavy said on Tuesday.

"I don't need to win Marlowe City. I need to lose it by less," he told a lunch crowd at the Westfall Grange hall. He said he wants to hold at least 60 percent of the vote in the 22 counties north of the Vesper River.

Pettit, meanwhile, is betting that her record as the state's top prosecutor will appeal to suburban voters who have drifted away from the Heartland Party.

Her campaign expects turnout in the three suburban counties around Marlowe City to exceed 70 percent, and it wants to "run up the score" there, said Gwen Farrow, Pettit's campaign manager.

"We're not taking a single vote for granted," Farrow said. "But we know where our voters are."

Dunleavy's path is narrow, most analysts agree. He would need both a surge in rural turnout and a collapse in Pettit's suburban margins, according to Nadia Bloom, a political analyst at the nonpartisan New Calder Report. Bloom rates the race as "likely Civic."

"He has run a better campaign than people expected," Bloom said, "but the problem is the math."

Dunleavy rejects that view. He told supporters in Westfall that pollsters "never call the people in this room" and predicted that the polls would be "off by a mile, just like they were in the primary."

He does not want a debate in Marlowe City, his aides have said. The two campaigns have agreed to debate twice, in Westfall and in Ashby.

Pettit's campaign says it hopes to keep the focus on her record. In an interview, Pettit said she would not "spend the next six weeks responding to every insult," and said she intended to keep campaigning in every county, "including the ones that don't like me much."
""",
        [
            A(
                ["and {he} believes"],
                "believes",
                ["the people who bought it will carry him to the governor's mansion"],
                "Carl Dunleavy",
            ),
            A(
                ["his campaign"],
                "plans to",
                [
                    "spend most of its remaining $4 million on rural radio advertising and "
                    "door-knocking"
                ],
                "Carl Dunleavy",
            ),
            A(
                ['existed," {Dunleavy} said'],
                'existed," Dunleavy {said}',
                ['Those are the counties that "the Marlowe City crowd forgot existed,"'],
                "Carl Dunleavy",
            ),
            A(
                ['less," {he} told'],
                "told a lunch crowd",
                ['"I don\'t need to win Marlowe City. I need to lose it by less,"'],
                "Carl Dunleavy",
            ),
            A(
                ["{He} said he wants"],
                "He {said} he wants",
                [
                    "he wants to hold at least 60 percent of the vote in the 22 counties north of "
                    "the Vesper River"
                ],
                "Carl Dunleavy",
            ),
            A(
                ["{Pettit}, meanwhile"],
                "is betting",
                [
                    "that her record as the state's top prosecutor will appeal to suburban voters "
                    "who have drifted away from the Heartland Party"
                ],
                "Rosa Pettit",
            ),
            A(
                ["Gwen Farrow, Pettit's campaign manager"],
                "{said} Gwen Farrow",
                [
                    "Her campaign expects turnout in the three suburban counties around Marlowe "
                    'City to exceed 70 percent, and it wants to "run up the score" there'
                ],
                "Gwen Farrow",
            ),
            A(
                ['granted," {Farrow} said'],
                'granted," Farrow {said}',
                [
                    '"We\'re not taking a single vote for granted,"',
                    '"But we know where our voters are."',
                ],
                "Gwen Farrow",
            ),
            A(
                ["most analysts"],
                "agree",
                ["Dunleavy's path is narrow"],
            ),
            A(
                ["Nadia Bloom, a political analyst at the nonpartisan New Calder Report"],
                "according to",
                [
                    "He would need both a surge in rural turnout and a collapse in Pettit's "
                    "suburban margins"
                ],
                "Nadia Bloom",
            ),
            A(
                ["{Bloom} rates"],
                "rates",
                ['the race as "likely Civic."'],
                "Nadia Bloom",
            ),
            A(
                ['expected," {Bloom} said'],
                'expected," Bloom {said}',
                [
                    '"He has run a better campaign than people expected,"',
                    '"but the problem is the math."',
                ],
                "Nadia Bloom",
            ),
            A(
                ["{Dunleavy} rejects"],
                "rejects",
                ["that view"],
                "Carl Dunleavy",
            ),
            A(
                ["{He} told supporters"],
                "told supporters",
                ['that pollsters "never call the people in this room"'],
                "Carl Dunleavy",
            ),
            A(
                ["{He} told supporters"],
                "predicted",
                ['that the polls would be "off by a mile, just like they were in the primary."'],
                "Carl Dunleavy",
            ),
            A(
                ["his aides"],
                "have said",
                ["He does not want a debate in Marlowe City"],
            ),
            A(
                ["{Pettit's campaign} says"],
                "Pettit's campaign {says}",
                ["it hopes to keep the focus on her record"],
                "Rosa Pettit",
            ),
            A(
                ["interview, {Pettit} said"],
                "Pettit {said} she would not",
                ['she would not "spend the next six weeks responding to every insult,"'],
                "Rosa Pettit",
            ),
            A(
                ["interview, {Pettit} said"],
                "and {said} she intended",
                [
                    'she intended to keep campaigning in every county, "including the ones that '
                    "don't like me much.\""
                ],
                "Rosa Pettit",
            ),
        ],
    ),
    (
        "hc11",
        """
New ad accuses Huang of abandoning veterans

A super PAC supporting Doug Pruitt's bid for New Calder's 3rd Congressional District began airing a television ad on Thursday that accuses Representative Elaine Huang of "turning her back on the men and women who served."

The 30-second spot, paid for by a group called Stronger Tomorrow, shows black-and-white footage of an empty veterans' clinic while a narrator says Huang "voted to cut funding for veterans' health care not once, but twice."

The votes cited in the ad were on two spending bills in 2013 and 2014 that reduced overall funding for a hospital construction program, according to congressional records reviewed by the Ravenport Herald. Both bills also increased spending on veterans' medical care, the records show.

Huang, a former military nurse who has represented the district since 2012, called the ad "a disgusting lie" and said she had "spent my whole adult life taking care of veterans."

"Doug Pruitt should have the decency to tell his friends to take it down," Huang said in a telephone interview. "If he won't, that tells you everything."

Super PACs are not allowed to coordinate with candidates, and Pruitt's campaign said it had no role in the ad. "We don't control what outside groups do," said campaign spokesman Alex Moreno. Asked whether Pruitt would call for the ad to be withdrawn, Moreno said the candidate "stands by his own message, which is about jobs."

Stronger Tomorrow has spent $1.8 million in the race so far, according to filings with the Federal Elections Board. That is more than both candidates have spent combined. The Thursday spot is said to have cost more than $400,000 to place in its first week.

The group's treasurer, Martin Voss, defended the ad in an email, writing that "every word in it is accurate" and that voters "deserve to know the full record."

Nonpartisan analysts were less kind. The New Calder Report's Nadia Bloom said the ad "takes a real vote and strips out everything that makes it make sense." Veterans' groups in the district have so far stayed neutral; the state chapter of the Veterans Alliance said it does not take sides in elections.

Huang's campaign said it would begin airing a response ad on Monday featuring veterans she has helped through her office.
""",
        [
            A(["New ad"], "ad {accuses}", ["Huang of abandoning veterans"]),
            A(
                ["Thursday {that} accuses"],
                "that {accuses}",
                [
                    'Representative Elaine Huang of "turning her back on the men and women who served."'
                ],
            ),
            A(
                ["a narrator"],
                "says",
                ['Huang "voted to cut funding for veterans\' health care not once, but twice."'],
            ),
            A(
                ["congressional records reviewed by the Ravenport Herald"],
                ("according to", 1),
                [
                    "The votes cited in the ad were on two spending bills in 2013 and 2014 that "
                    "reduced overall funding for a hospital construction program"
                ],
            ),
            A(
                ["the records"],
                "show",
                ["Both bills also increased spending on veterans' medical care"],
            ),
            A(
                ["Huang, a former military nurse who has represented the district since 2012"],
                "2012, {called}",
                ['the ad "a disgusting lie"'],
                "Elaine Huang",
            ),
            A(
                ["Huang, a former military nurse who has represented the district since 2012"],
                'lie" and {said}',
                ['she had "spent my whole adult life taking care of veterans."'],
                "Elaine Huang",
            ),
            A(
                ['down," {Huang} said'],
                "said in a telephone interview",
                [
                    '"Doug Pruitt should have the decency to tell his friends to take it down,"',
                    '"If he won\'t, that tells you everything."',
                ],
                "Elaine Huang",
            ),
            A(
                ["Pruitt's campaign"],
                "Pruitt's campaign {said}",
                ["it had no role in the ad"],
                "Doug Pruitt",
            ),
            A(
                ["campaign spokesman Alex Moreno"],
                "{said} campaign spokesman",
                ['"We don\'t control what outside groups do,"'],
                "Alex Moreno",
            ),
            A([], "Asked", ["whether Pruitt would call for the ad to be withdrawn"]),
            A(
                ["withdrawn, {Moreno} said"],
                "Moreno {said} the candidate",
                ['the candidate "stands by his own message, which is about jobs."'],
                "Alex Moreno",
            ),
            A(
                ["filings with the Federal Elections Board"],
                ("according to", 2),
                ["Stronger Tomorrow has spent $1.8 million in the race so far"],
            ),
            A(
                [],
                "is said",
                ["The Thursday spot", "to have cost more than $400,000 to place in its first week"],
            ),
            A(
                ["The group's treasurer, Martin Voss"],
                "defended",
                ["defended {the ad}"],
                "Martin Voss",
            ),
            A(
                ["The group's treasurer, Martin Voss"],
                "writing",
                [
                    'that "every word in it is accurate" and that voters "deserve to know the full '
                    'record."'
                ],
                "Martin Voss",
            ),
            A(
                ["The New Calder Report's Nadia Bloom"],
                "Bloom {said}",
                ['the ad "takes a real vote and strips out everything that makes it make sense."'],
                "Nadia Bloom",
            ),
            A(
                ["the state chapter of the Veterans Alliance"],
                "Alliance {said}",
                ["it does not take sides in elections"],
                "Veterans Alliance",
            ),
            A(
                ["Huang's campaign"],
                "Huang's campaign {said}",
                [
                    "it would begin airing a response ad on Monday featuring veterans she has "
                    "helped through her office"
                ],
                "Elaine Huang",
            ),
        ],
    ),
    (
        "hc12",
        """
Vardenia recalls ambassador as dam dispute with Ostrel escalates

MIRAVA, Vardenia - Vardenia recalled its ambassador to neighboring Ostrel on Friday, saying the government in Tervo had "deliberately misled" it about plans to begin filling a giant hydroelectric reservoir on the Selm River.

The foreign ministry in Mirava said in a statement that Ostrel had assured Vardenian negotiators as recently as last month that no water would be diverted until a joint study of the dam's impact was complete. "That assurance was false," the statement said.

Ostrel's foreign minister, Anatol Reszke, rejected the accusation. Speaking to reporters in Tervo, he said filling had begun "on a small, experimental scale" and that Vardenia had been informed "through the proper channels."

"We have nothing to hide," Reszke said. "The dam will bring electricity to four million people. We will not apologize for that."

His deputy, Oleg Varn, was more blunt: "Vardenia does not own the river."

The Selm provides about 70 percent of Vardenia's fresh water, according to the Regional Water Commission, an intergovernmental body. Farmers in the river's lower basin have warned for years that a rapid filling of the reservoir could leave their fields dry during the summer growing season.

Water levels at the Dobrin gauging station, about 40 miles downstream of the dam, have fallen by nearly a meter since Tuesday, Vardenian state television reported on Friday evening. The report could not be independently verified.

Diplomats in Mirava said the recall was the most serious step Vardenia had taken against its neighbor since the two countries restored relations in 2004. One European diplomat, who spoke on condition of anonymity, said mediators feared that the dispute could "spiral into something nobody wants" if the two sides did not return to talks soon.

Vardenia's president, Ilse Marakova, is expected to raise the dispute at a regional summit next week, officials said. Ostrel is reported to be preparing its own complaint to the Regional Water Commission.

In Tervo, the mood was defiant. Crowds gathered outside the foreign ministry on Friday night, waving national flags. Mira Halen, a 34-year-old engineer, said she did not understand why Vardenia was "acting as if we stole something."
""",
        [
            A(
                ["{Vardenia} recalled"],
                "saying",
                [
                    'the government in Tervo had "deliberately misled" it about plans to begin '
                    "filling a giant hydroelectric reservoir on the Selm River"
                ],
                "Vardenia",
            ),
            A(
                ["The foreign ministry in Mirava"],
                "said in a statement",
                [
                    "that Ostrel had assured Vardenian negotiators as recently as last month that "
                    "no water would be diverted until a joint study of the dam's impact was "
                    "complete"
                ],
                "Vardenia",
            ),
            A(
                ["the statement"],
                "the statement {said}",
                ['"That assurance was false,"'],
                "Vardenia",
            ),
            A(
                ["Ostrel's foreign minister, Anatol Reszke"],
                "rejected",
                ["the accusation"],
                "Anatol Reszke",
            ),
            A(
                ["Tervo, {he} said"],
                "Tervo, he {said}",
                [
                    'filling had begun "on a small, experimental scale" and that Vardenia had been '
                    'informed "through the proper channels."'
                ],
                "Anatol Reszke",
            ),
            A(
                ['hide," {Reszke} said'],
                'hide," Reszke {said}',
                [
                    '"We have nothing to hide,"',
                    '"The dam will bring electricity to four million people. We will not apologize '
                    'for that."',
                ],
                "Anatol Reszke",
            ),
            A(
                ["His deputy, Oleg Varn"],
                ":",
                ['"Vardenia does not own the river."'],
                "Oleg Varn",
            ),
            A(
                ["the Regional Water Commission, an intergovernmental body"],
                "according to",
                ["The Selm provides about 70 percent of Vardenia's fresh water"],
                "Regional Water Commission",
            ),
            A(
                ["Farmers in the river's lower basin"],
                "have warned",
                [
                    "that a rapid filling of the reservoir could leave their fields dry during the "
                    "summer growing season"
                ],
            ),
            A(
                ["Vardenian state television"],
                "television {reported}",
                [
                    "Water levels at the Dobrin gauging station, about 40 miles downstream of the "
                    "dam, have fallen by nearly a meter since Tuesday"
                ],
            ),
            A(
                ["Diplomats in Mirava"],
                "Mirava {said} the recall",
                [
                    "the recall was the most serious step Vardenia had taken against its neighbor "
                    "since the two countries restored relations in 2004"
                ],
            ),
            A(
                ["One European diplomat, who spoke on condition of anonymity"],
                "anonymity, {said}",
                [
                    'mediators feared that the dispute could "spiral into something nobody wants" '
                    "if the two sides did not return to talks soon"
                ],
            ),
            A(
                ["officials"],
                "officials {said}",
                [
                    "Vardenia's president, Ilse Marakova, is expected to raise the dispute at a "
                    "regional summit next week"
                ],
            ),
            A(
                [],
                "is reported",
                [
                    "{Ostrel} is reported",
                    "to be preparing its own complaint to the Regional Water Commission",
                ],
            ),
            A(
                ["Mira Halen, a 34-year-old engineer"],
                "engineer, {said}",
                ['she did not understand why Vardenia was "acting as if we stole something."'],
                "Mira Halen",
            ),
        ],
    ),
    (
        "hc13",
        """
Hiring slows sharply in September, clouding outlook for rate increase

Employers added 96,000 jobs in September, the fewest in five months, the Labor Statistics Office said on Friday, a sign that the economy may be losing momentum in the final weeks of the election campaign.

Economists surveyed by the Harlow Financial Wire had expected a gain of about 165,000. The unemployment rate edged up to 5.1 percent from 4.9 percent as more people began looking for work, the office said.

"This is a real slowdown, not a blip," said Farah Quint, chief economist at Dorrance Capital. "Companies are being cautious about hiring until they know who will be in charge next year and what that means for taxes and trade."

Others were less alarmed. Revisions to earlier months added 31,000 jobs to the previous count, and wage growth remained solid, with average hourly earnings up 2.6 percent from a year earlier. "One weak month does not make a trend," Benedikt Orr, an economist at the Sutter Group, wrote in a note to clients.

The report complicates the outlook for the Central Reserve Board, which had signaled that it was likely to raise interest rates at its December meeting. Board Chairwoman Miriam Adebayo said last week that the economy was "strong enough to bear a modest increase" and that the board did not want to "fall behind the curve" on inflation.

Traders in futures markets now see roughly a 45 percent chance of a December increase, down from 62 percent before the report, according to figures compiled by Orsay Markets. The board is widely expected to hold rates steady at its November meeting.

The numbers quickly became fodder for the campaigns. The Heartland Party's national chairman, Vic Tennant, said in a statement that the report showed "an economy running on fumes after eight years of failed leadership." The Civic Party chairwoman, Ruth Ellery, countered that the economy had added jobs for 72 consecutive months and said Heartland policies would "put all of that at risk."

Labor Secretary Renata Oyelaran said the administration remained "confident in the fundamentals" and noted that the economy has added more than 14 million jobs since early 2010.

Some economists doubt the slowdown will last. Quint said she expected hiring to pick up again in the first quarter "once the uncertainty lifts." But she warned that a prolonged fight over trade could change that. "If tariffs go up, all bets are off," she said.
""",
        [
            A(
                ["the Labor Statistics Office"],
                "Office {said}",
                ["Employers added 96,000 jobs in September, the fewest in five months"],
                "Labor Statistics Office",
            ),
            A(
                ["Economists surveyed by the Harlow Financial Wire"],
                "had expected",
                ["a gain of about 165,000"],
            ),
            A(
                ["the office"],
                "the office {said}",
                [
                    "The unemployment rate edged up to 5.1 percent from 4.9 percent as more people "
                    "began looking for work"
                ],
                "Labor Statistics Office",
            ),
            A(
                ["Farah Quint, chief economist at Dorrance Capital"],
                "{said} Farah Quint",
                [
                    '"This is a real slowdown, not a blip,"',
                    '"Companies are being cautious about hiring until they know who will be in '
                    'charge next year and what that means for taxes and trade."',
                ],
                "Farah Quint",
            ),
            A(
                ["Benedikt Orr, an economist at the Sutter Group"],
                "wrote in a note to clients",
                ['"One weak month does not make a trend,"'],
                "Benedikt Orr",
            ),
            A(
                ["Board, {which} had signaled"],
                "had signaled",
                ["that it was likely to raise interest rates at its December meeting"],
                "Central Reserve Board",
            ),
            A(
                ["Board Chairwoman Miriam Adebayo"],
                "Adebayo {said}",
                [
                    'that the economy was "strong enough to bear a modest increase" and that the '
                    'board did not want to "fall behind the curve" on inflation'
                ],
                "Miriam Adebayo",
            ),
            A(
                ["figures compiled by Orsay Markets"],
                "according to",
                [
                    "Traders in futures markets now see roughly a 45 percent chance of a December "
                    "increase, down from 62 percent before the report"
                ],
                "Orsay Markets",
            ),
            A(
                [],
                "is widely expected",
                ["The board", "to hold rates steady at its November meeting"],
            ),
            A(
                ["The Heartland Party's national chairman, Vic Tennant"],
                "said in a statement",
                [
                    'that the report showed "an economy running on fumes after eight years of '
                    'failed leadership."'
                ],
                "Vic Tennant",
            ),
            A(
                ["The Civic Party chairwoman, Ruth Ellery"],
                "countered",
                ["that the economy had added jobs for 72 consecutive months"],
                "Ruth Ellery",
            ),
            A(
                ["The Civic Party chairwoman, Ruth Ellery"],
                "months and {said}",
                ['Heartland policies would "put all of that at risk."'],
                "Ruth Ellery",
            ),
            A(
                ["Labor Secretary Renata Oyelaran"],
                "Oyelaran {said}",
                ['the administration remained "confident in the fundamentals"'],
                "Renata Oyelaran",
            ),
            A(
                ["Labor Secretary Renata Oyelaran"],
                "noted",
                ["that the economy has added more than 14 million jobs since early 2010"],
                "Renata Oyelaran",
            ),
            A(["Some economists"], "doubt", ["the slowdown will last"]),
            A(
                ["{Quint} said she"],
                "Quint {said} she",
                [
                    'she expected hiring to pick up again in the first quarter "once the '
                    'uncertainty lifts."'
                ],
                "Farah Quint",
            ),
            A(
                ["But {she} warned"],
                "warned",
                ["that a prolonged fight over trade could change that"],
                "Farah Quint",
            ),
            A(
                ['off," {she} said'],
                'off," she {said}',
                ['"If tariffs go up, all bets are off,"'],
                "Farah Quint",
            ),
        ],
    ),
    (
        "hc14",
        """
Judge blocks New Calder voter ID law, citing "disproportionate burden"

A federal judge on Tuesday blocked New Calder's new voter identification law from taking effect before the November election, ruling that it would place a "disproportionate burden" on elderly, poor and rural voters who are less likely to hold the required documents.

In a 54-page opinion, Judge Harold Wexley of the Federal District Court in Marlowe City wrote that the state had offered "no credible evidence" that in-person voter fraud was a problem in New Calder, and that the law's benefits were "speculative at best."

"The right to vote is not a privilege to be rationed by paperwork," Wexley wrote.

The law, passed by the Heartland-controlled legislature in March and signed by Governor Wade Ostrom, would require voters to show one of six forms of photo identification at the polls. The state estimated that about 90,000 registered voters lacked such identification; the plaintiffs put the number at more than 200,000.

Attorney General Rosa Pettit, who is running for governor, said her office would appeal the ruling to the federal appeals court. "My job is to defend the laws of this state, whether I like them or not," Pettit said in a statement. She has said she would have vetoed the measure.

Governor Ostrom called the ruling "an outrageous act of judicial activism" and said he was confident it would be overturned. "The people of this state want clean elections, and they're going to get them," he told reporters at the Capitol.

The lawsuit was brought by the New Calder Voters' League and three residents of Pruett County, including Alma Fenwick, an 86-year-old widow who testified during the trial that she had been unable to obtain a copy of her birth certificate from the county where she was born.

"I've voted in every election since 1952," Fenwick said after the ruling, "and I just want to vote in this one."

Lawyers for the state argued at trial that the law was needed to "protect public confidence" in elections and that free identification cards were available at any motor vehicle office. Wexley found that argument unpersuasive, noting that 14 of the state's 61 counties have no such office.

Voting rights groups welcomed the decision. "This is a victory for every eligible voter in New Calder," said Jerome Pike, the league's executive director.
""",
        [
            A(["{Judge} blocks"], "citing", [('"disproportionate burden"', 1)]),
            A(
                ["A federal judge"],
                "election, {ruling}",
                [
                    'that it would place a "disproportionate burden" on elderly, poor and rural '
                    "voters who are less likely to hold the required documents"
                ],
                "Harold Wexley",
            ),
            A(
                ["Judge Harold Wexley of the Federal District Court in Marlowe City"],
                "City {wrote}",
                [
                    'that the state had offered "no credible evidence" that in-person voter fraud '
                    "was a problem in New Calder, and that the law's benefits were \"speculative "
                    'at best."'
                ],
                "Harold Wexley",
            ),
            A(
                ['paperwork," {Wexley} wrote'],
                "Wexley {wrote}",
                ['"The right to vote is not a privilege to be rationed by paperwork,"'],
                "Harold Wexley",
            ),
            A(
                [
                    "The law, passed by the Heartland-controlled legislature in March and signed "
                    "by Governor Wade Ostrom"
                ],
                "would require",
                ["voters to show one of six forms of photo identification at the polls"],
            ),
            A(
                ["The state"],
                "estimated",
                ["that about 90,000 registered voters lacked such identification"],
            ),
            A(["the plaintiffs"], "put", ["the number at more than 200,000"]),
            A(
                ["Attorney General Rosa Pettit, who is running for governor"],
                "governor, {said}",
                ["her office would appeal the ruling to the federal appeals court"],
                "Rosa Pettit",
            ),
            A(
                ['not," {Pettit} said'],
                "said in a statement",
                ['"My job is to defend the laws of this state, whether I like them or not,"'],
                "Rosa Pettit",
            ),
            A(
                ["{She} has said"],
                "has said",
                ["she would have vetoed the measure"],
                "Rosa Pettit",
            ),
            A(
                ["Governor Ostrom"],
                "called",
                ['the ruling "an outrageous act of judicial activism"'],
                "Wade Ostrom",
            ),
            A(
                ["Governor Ostrom"],
                'activism" and {said}',
                ["he was confident it would be overturned"],
                "Wade Ostrom",
            ),
            A(
                ['them," {he} told'],
                "told reporters",
                [
                    '"The people of this state want clean elections, and they\'re going to get them,"'
                ],
                "Wade Ostrom",
            ),
            A(
                ["widow {who} testified"],
                "testified",
                [
                    "that she had been unable to obtain a copy of her birth certificate from the "
                    "county where she was born"
                ],
                "Alma Fenwick",
            ),
            A(
                ['1952," {Fenwick} said'],
                "Fenwick {said}",
                [
                    '"I\'ve voted in every election since 1952,"',
                    '"and I just want to vote in this one."',
                ],
                "Alma Fenwick",
            ),
            A(
                ["Lawyers for the state"],
                "argued",
                [
                    'that the law was needed to "protect public confidence" in elections and that '
                    "free identification cards were available at any motor vehicle office"
                ],
            ),
            A(
                ["{Wexley} found"],
                "found",
                ["that argument unpersuasive"],
                "Harold Wexley",
            ),
            A(
                ["{Wexley} found"],
                "noting",
                ["that 14 of the state's 61 counties have no such office"],
                "Harold Wexley",
            ),
            A(["Voting rights groups"], "welcomed", ["the decision"]),
            A(
                ["Jerome Pike, the league's executive director"],
                "{said} Jerome Pike",
                ['"This is a victory for every eligible voter in New Calder,"'],
                "Jerome Pike",
            ),
        ],
    ),
    (
        "hc15",
        """
Hurricane Marisol nears coast as thousands are told to leave

PORT ALDER, New Calder - Hurricane Marisol strengthened to a Category 3 storm on Wednesday as it churned toward the coast, and forecasters warned that it could bring a storm surge of up to 12 feet to low-lying areas when it makes landfall late Thursday.

The storm had maximum sustained winds of 120 miles per hour late Wednesday afternoon, the Coastal Weather Service said in its latest advisory, and was moving northwest at about 10 miles per hour.

Governor Wade Ostrom ordered the evacuation of all coastal areas of Sayle and Brisco counties on Wednesday morning and urged residents not to wait.

"If you are in an evacuation zone, leave now. Do not wait to see what this storm does," Ostrom said at a briefing in Marlowe City. "By the time you can see it, it will be too late."

About 140,000 people live in the evacuation zone. State police said traffic on the main highway inland was moving slowly but steadily on Wednesday afternoon, and officials opened 22 shelters in schools and churches farther from the coast.

Not everyone is leaving. In Port Alder, a fishing town of about 6,000, Walt Kimbrough, 68, said he planned to ride out the storm in the house his grandfather built in 1938. "It's been through worse than this," he said, nailing plywood over a window. "So have I."

Emergency officials said they feared a repeat of Hurricane Lydia. Lydia killed 31 people in the county in 2005.

"People remember Lydia, but they also remember all the storms that turned away at the last minute," said Sayle County's emergency manager, Ines Calloway. "That's what worries me."

Rescue crews were searching on Wednesday for two crew members of a shrimp boat that reportedly capsized about 30 miles offshore early Wednesday. The boat's owner, Dale Fortier, said he had last spoken to the captain by radio on Tuesday night, when the captain told him the crew was heading for port.

Utility companies said they had positioned about 3,000 repair workers in inland staging areas and expected widespread power failures. Brisco Electric Cooperative, which serves much of the coast, said some customers could be without power for "a week or more."

The storm is expected to weaken after landfall but could dump 15 to 20 inches of rain on parts of the state through the weekend, the weather service said.
""",
        [
            A(
                ["forecasters"],
                "warned",
                [
                    "that it could bring a storm surge of up to 12 feet to low-lying areas when it "
                    "makes landfall late Thursday"
                ],
            ),
            A(
                ["the Coastal Weather Service"],
                "said in its latest advisory",
                [
                    "The storm had maximum sustained winds of 120 miles per hour late Wednesday afternoon",
                    "and was moving northwest at about 10 miles per hour",
                ],
                "Coastal Weather Service",
            ),
            A(
                ["Governor Wade Ostrom"],
                "ordered",
                ["the evacuation of all coastal areas of Sayle and Brisco counties"],
                "Wade Ostrom",
            ),
            A(
                ["Governor Wade Ostrom"],
                "urged",
                ["residents not to wait"],
                "Wade Ostrom",
            ),
            A(
                ['does," {Ostrom} said'],
                "Ostrom {said}",
                [
                    '"If you are in an evacuation zone, leave now. Do not wait to see what this '
                    'storm does,"',
                    '"By the time you can see it, it will be too late."',
                ],
                "Wade Ostrom",
            ),
            A(
                ["State police"],
                "police {said}",
                [
                    "traffic on the main highway inland was moving slowly but steadily on "
                    "Wednesday afternoon"
                ],
            ),
            A(
                ["Walt Kimbrough, 68"],
                "68, {said}",
                ["he planned to ride out the storm in the house his grandfather built in 1938"],
                "Walt Kimbrough",
            ),
            A(
                ['this," {he} said'],
                'this," he {said}',
                ['"It\'s been through worse than this,"', '"So have I."'],
                "Walt Kimbrough",
            ),
            A(
                ["Emergency officials"],
                "officials {said}",
                ["they feared a repeat of Hurricane Lydia"],
            ),
            A(
                ["Sayle County's emergency manager, Ines Calloway"],
                "{said} Sayle County's",
                [
                    '"People remember Lydia, but they also remember all the storms that turned '
                    'away at the last minute,"',
                    '"That\'s what worries me."',
                ],
                "Ines Calloway",
            ),
            A(
                [],
                "reportedly",
                ["boat {that} reportedly", "capsized about 30 miles offshore early Wednesday"],
            ),
            A(
                ["The boat's owner, Dale Fortier"],
                "Fortier, {said}",
                [
                    "he had last spoken to the captain by radio on Tuesday night, when the captain "
                    "told him the crew was heading for port"
                ],
                "Dale Fortier",
            ),
            A(
                ["Utility companies"],
                "companies {said}",
                [
                    "they had positioned about 3,000 repair workers in inland staging areas and "
                    "expected widespread power failures"
                ],
            ),
            A(
                ["Brisco Electric Cooperative, which serves much of the coast"],
                "coast, {said}",
                ['some customers could be without power for "a week or more."'],
                "Brisco Electric Cooperative",
            ),
            A(
                ["the weather service"],
                "the weather service {said}",
                [
                    "The storm is expected to weaken after landfall but could dump 15 to 20 inches "
                    "of rain on parts of the state through the weekend"
                ],
                "Coastal Weather Service",
            ),
        ],
    ),
]


if __name__ == "__main__":
    HELDOUT3_PATH.write_text(render(build()), encoding="utf-8")
    print(f"wrote {HELDOUT3_PATH}")
