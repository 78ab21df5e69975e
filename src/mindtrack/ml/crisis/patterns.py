"""Explainable risk patterns: the rules of `rules` run over a note, each match kept only when
it is the writer's own present risk (`excuses`) and its context allows; a match in the past
("I used to cut myself", "two years ago I tried to end it") becomes history. Also: whether a
note's words of death are all used harmlessly, which keeps the learned heads from reacting to
the words alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from mindtrack.ml.crisis.excuses import (
    CONTRAST,
    excused,
    lower_case,
    normalise,
    rest_of_sentence,
    sentence_bounds,
)
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.rules import (
    ACTIVE,
    ATTEMPT,
    DISTRESS,
    HISTORY,
    IDEATION_SIGNALS,
    PASSIVE,
    PAST_ATTEMPT,
    RULES,
    Rule,
)

__all__ = ["PatternMatch", "find_signals", "mentions_risk_words", "only_harmless_mentions"]


@dataclass(frozen=True)
class PatternMatch:
    signal: str
    level: RiskLevel
    start: int
    end: int
    text: str
    needs_ideation: bool = False
    # The sentence its ideation must be in, for rules that say so.
    sentence: tuple[int, int] | None = None


_THAT_WAS = (
    r"(?:that|this|it) was (?:in |back in )?(?:(?:19|20)\d\d|years ago|a long time ago|ages ago|"
    r"last year)"
)
# Markers that put a statement firmly in the past, whatever else the sentence says.
_PAST = re.compile(
    r"(?<!never )(?<!n't )\bused to\b|\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many)"
    r" (?:years?|months?|decades?) ago\b|\b(?:years|decades) ago\b|\b(?:years|decades|(?:a few|a couple of|two|three|four|five|\d+) years) back\b|\bin (?:the past|high school|college|uni|my teens|my twenties|"
    r"(?:19|20)\d\d)\b|\bwhen i was\b|\bback then\b|\bback in (?:the days?\b|those days|my \w+|(?:19|20)\d\d|school|high school|college|uni\b|university|the (?:army|navy|forces|military|marines|air force|raf)\b|year \d|the (?:'?\d0s|seventies|eighties|nineties|noughties))|\blast year\b|\banniversary\b"
    r"|\b(?:years?|yrs|months?|mos) (?:today )?(?:clean|free|sober|since)\b|\bas a (?:teen(?:ager)?|kid)\b"
    # an age, not a time of day ("Meeting at 7")
    r"|\bat (?:1[0-9]|[2-9][0-9]|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?!:|\.\d|\s?(?:am|pm|o'?clock|ish|sharp|tonight|tomorrow|today|to|for|with)\b)|\bhistory of\b|\bold (?:self[- ]?harm |sh |cutting )?(?:scars|texts)\b"
    r"|\bback when\b|\b(?:the )?(?:old|past|younger) me\b|\bmy (?:past|younger|old) self\b|\bi had (?:\w+ ){0,3}?(?:thoughts|urges|feelings)\b[^.!?]{0,40}?\bfor (?:about |nearly |almost |over |around )?(?:\w+|\d+) (?:years|months)\b|\bin my \w+ days\b|\b"
    + _THAT_WAS
    + r"\b"
    r"|\bback at (?:uni|school|college|university)\b(?=,? (?:i|we)\b)|\bduring (?:uni|college|university|high school|sixth form)\b|\b(?:postpartum|post-?natal|pregnan\w+|maternity leave) with my (?:first|eldest|oldest)\b|\bin (?:year|grade) \d+\b|\b(?:from|during|about|around) (?:19|20)\d\d\b|\bold (?:journals?|diar(?:y|ies)|entries|notebooks?|posts)\b"
    r"|\b(?:through|throughout|during|for) (?:most of |all of |much of )?my (?:teens|twenties|thirties|childhood|adolescence)\b"
    r"|\b(?:on|during|after) (?:my|the) (?:first|second|third|last|\w+) (?:tour|deployment|posting)\b|\b(?:diary|diaries|journals?|notebooks?) from (?:the|my|when|back|(?:19|20)\d\d)\b"
    r"|\b(?:phase|period|episode|patch|stage) was (?:in |back in )?(?:19|20)\d\d\b|\bthe (?:year|years|months|summer|winter|spring|autumn) i spent\b|\bspent (?:most of |all of |much of )?(?:19|20)\d\d\b"
    r"|\bthe (?:year|summer|winter|spring|autumn|night|time) i (?:tried|attempted|overdosed|wanted to die|was suicidal)\b"
    r"|(?<!since )(?<!than )(?<!like )\blast (?:winter|summer|spring|autumn|christmas)\b"
    r"|\b(?:years?|months?|weeks?|days?) (?:self[- ]?harm|sh|cutting)[- ](?:free|clean)\b"
    r"|\b(?:clean|free) (?:of|from) (?:self[- ]?harm|sh|cutting)\b[^.!?]{0,40}?\b(?:years?|months?)\b",
    re.IGNORECASE,
)
# "sh relapse, 4 months clean gone" is the present, whatever the months say.
_RELAPSE = re.compile(
    r"\brelaps\w*|\bstarted again\b|\b(?:clean|streak) (?:is )?gone\b|\bbled again\b"
    r"|\b(?:just )?like (?:back )?when i was\b"
    # "it's been 2 years since Tom and I still wish I'd died with him"
    r"|\bi still (?:wish|want|think|feel|hope|pray|dream)\b"
    # "suicidal thoughts again since the anniversary"
    r"|\bagain since\b",
    re.IGNORECASE,
)
# The next sentence dates it: "I wanted to die for about six months. That was 2019.", "I was
# suicidal the year Grandad died. I'm not now.", "… wanting to die. Proud of how far I've come."
_THAT_WAS_THEN = re.compile(
    r"\W+(?:" + _THAT_WAS + r"\b|(?:(?:and |but )?(?:i(?: don't| do not| am not|'m not|m not)|not) "
    r"(?:anymore|any more|now)|(?:i'?m |i am )?not there (?:now|anymore|any more)(?: and (?:haven't|have not) been (?:for (?:a (?:long )?(?:while|time)|years|ages)|in years|since))?|(?:i'm |i am )?(?:a )?different person now|this year(?:'s| is) different|that's not (?:where|who) i am "
    r"(?:now|anymore|any more))(?=\s*(?:[.!;]|$))|(?:and |but )?not (?:anymore|any more)(?=\s*,)"
    r"|(?:(?:so |really )?proud of )?how far i'?ve come\b|(?:now\b[^.!?]{0,60}?,\s*)?(?:this|that|the|those) (?:feelings?|thoughts?|urges?) (?:is|are|has|have) (?:gone|over|passed|behind me)(?=\s*(?:[.!;]|$))"
    r"|(?:i )?(?:stopped|quit|gave (?:it|that) up)\b[^.!?]{0,20}?\b(?:years?|decades?) ago\b)",
    re.IGNORECASE,
)
_HOURS_SINCE = (
    r"\b(?:it's|it has) been (?:an?|one|two|three|four|five|\d+) (?:hours?|minutes?|mins?)\b"
)
_RECENT = re.compile(
    r"\b(?:last night|yesterday|today|this morning|this afternoon|tonight|earlier|an hour ago|"
    r"just now|this week|again)\b|" + _HOURS_SINCE,
    re.IGNORECASE,
)
# "Overdosed on my meds after the fight. It's been two hours."
_HOURS_NEXT = re.compile(r"\W*" + _HOURS_SINCE, re.IGNORECASE)


# Each match costs a reading of its context, so a note that repeats one phrasing hundreds of
# times ("i want to die i want to die …", 5,000 characters) is read for its first phrasings
# only; they already give its level. The journal notes match one rule at most four times.
MATCHES_READ_PER_RULE = 10


def find_signals(note: str) -> list[PatternMatch]:
    """Every rule that fires on the writer's own present risk, in order of appearance; past
    matches come back as history."""
    text = normalise(note)
    lowered = lower_case(text)
    found: list[PatternMatch] = []
    for rule in RULES:
        for match in islice(rule.pattern.finditer(lowered), MATCHES_READ_PER_RULE):
            start, end = match.span()
            bounds = sentence_bounds(text, start, end)
            sentence = text[bounds[0] : bounds[1]]
            if not _in_context(rule, text, bounds) or (
                excused(text, start, end, bounds) and not _taken_up(rule, text, end)
            ):
                continue
            signal, level = rule.signal, rule.level
            past = _PAST.search(sentence) or _THAT_WAS_THEN.match(text, bounds[1])
            if past and signal != DISTRESS and not _RELAPSE.search(sentence):
                signal, level = HISTORY, RiskLevel.LOW
            elif signal == PAST_ATTEMPT and _recent(text, sentence, bounds[1]):
                signal, level = ATTEMPT, RiskLevel.HIGH
            dated = bounds if rule.ideation_in_sentence else None
            found.append(
                PatternMatch(signal, level, start, end, note[start:end], rule.needs_ideation, dated)
            )
    found.sort(key=lambda m: (m.start, -m.level, m.start - m.end))
    return _resolve_context(_drop_nested(found))


# Someone else's words taken up as the writer's own: "the song says he wants to die and same
# honestly", "song says 'i dont wanna be here anymore'. same" (GUIDE: whose risk?).
_TAKEN_UP = re.compile(
    r"\b(?:same(?: here| for me)?|me too|that'?s (?:literally |honestly |just )?(?:me|how i feel))\b"
    r"(?=\W*(?:(?:honestly|tbh|lol|fr|ngl|tho|though)\W*)?(?:[.!?]|$))",
    re.IGNORECASE,
)


def _taken_up(rule: Rule, text: str, end: int) -> bool:
    if rule.signal not in (PASSIVE, ACTIVE):
        return False
    sentence_end = sentence_bounds(text, end, end)[1]
    following = sentence_bounds(text, sentence_end + 1, sentence_end + 1)[1]
    return _TAKEN_UP.search(text, end, max(sentence_end, following)) is not None


def _recent(text: str, sentence: str, sentence_end: int) -> bool:
    return _RECENT.search(sentence) is not None or (
        sentence_end < len(text) and _HOURS_NEXT.match(text, sentence_end + 1) is not None
    )


# What others are told or believe: the occasion may be a cover ("Said my goodbyes to the team.
# They think I'm moving to Leeds.", "Emigrating, I told them."). Its reason then counts for
# nothing.
_COVER_STORY = re.compile(
    r"\b(?:they|they'll|they'd|everyone|everybody|nobody|no one|none of them|people|"
    r"(?:the|my) (?:others|family|team|kids))\b (?:\w+ ){0,2}(?:think|thinks|know|knows|believe|"
    r"believes|assume|assumes|suspect|suspects|reali[sz]e|reali[sz]es)\b|\btold (?:them|him|her) (?:it's|it was|i'm|im|i was|i'd|that)\b|\bi told (?:them|everyone|"
    r"people|him|her|work)\b|\btold (?:everyone|people) (?:it's|it was|i'm|i was|that)\b|"
    r"\bthe only one who knows\b|\bnone of (?:it|this|them) (?:is|was) (?:for|about|because)\b|"
    r"\b(?:in every sense|like normal|the truth)\b",
    re.IGNORECASE,
)


def _in_context(rule: Rule, text: str, sentence: tuple[int, int]) -> bool:
    """`context` is read in the match's sentence or the one before ("Beautiful service for
    Nana. I'll be joining her soon."); `unless`, an ordinary reason, there or in the sentence
    after ("Said my goodbyes. Flying to Melbourne tomorrow."), unless the note hints that the
    reason is a cover; `unless_in_note` and `context_in_note` anywhere in the note."""
    if rule.unless_in_note is not None and rule.unless_in_note.search(text):
        return False
    if rule.context_in_note is not None and not rule.context_in_note.search(text):
        return False
    if rule.unless is None and rule.context is None:
        return True
    sentence_start, sentence_end = sentence
    before_start = sentence_bounds(text, sentence_start - 1, sentence_start - 1)[0]
    if (
        rule.unless is not None
        and _has_reason(rule.unless, text, before_start, sentence_start, sentence_end)
        and not _COVER_STORY.search(text)
    ):
        return False
    return rule.context is None or rule.context.search(text, before_start, sentence_end) is not None


# "Not because of the baby" gives no reason.
_DENIED_REASON = re.compile(r"\b(?:not|n't|no)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
# A goodbye to the family is not explained by a reason in another sentence ("handover docs at
# work today. Also scheduled goodbye messages to my family").
_FAMILY = re.compile(
    r"\b(?:my|the) (?:family|kids|children|wife|husband|partner|mum|mom|dad|parents|son|daughter|sister|brother)\b",
    re.IGNORECASE,
)


def _has_reason(unless: re.Pattern[str], text: str, before: int, start: int, end: int) -> bool:
    if _FAMILY.search(text, start, end):
        before, following = start, end
    else:
        following = sentence_bounds(text, end + 1, end + 1)[1]
    return any(
        not _DENIED_REASON.search(text, before, reason.start())
        for reason in unless.finditer(text, before, following)
    )


def _drop_nested(matches: list[PatternMatch]) -> list[PatternMatch]:
    """One piece of evidence per span: a match inside a stronger or longer one adds nothing."""
    kept: list[PatternMatch] = []
    for match in matches:
        inside = any(
            k.start <= match.start and match.end <= k.end and k.level >= match.level for k in kept
        )
        if not inside:
            kept.append(match)
    return kept


# A wish to be dead beside "tonight" is still a wish ("I wish the Lord would take me tonight");
# one said as what the writer will do dates like intent ("I'm going to join my brother after
# the funeral").
_WILL = re.compile(
    r"^(?:i'?ll|i will|i'?m going to|i am going to|i'?m gonna|gonna|going to|can'?t wait to|ready to)\b",
    re.IGNORECASE,
)


def _dates_intent(match: PatternMatch) -> bool:
    return match.signal != PASSIVE or _WILL.match(match.text) is not None


def _resolve_context(matches: list[PatternMatch]) -> list[PatternMatch]:
    # Self-harm does not count: a razor or "tonight" beside it is no suicide method or timeline.
    anchors = [m for m in matches if not m.needs_ideation]
    ideation = [m for m in anchors if m.signal in IDEATION_SIGNALS]

    def has_its_ideation(match: PatternMatch) -> bool:
        if match.sentence is None:
            return bool(ideation)
        start, end = match.sentence
        return any(a.start < end and start < a.end and _dates_intent(a) for a in ideation)

    def inside_an_anchor(match: PatternMatch) -> bool:
        # "if I died tomorrow…": the "tomorrow" belongs to the wish, it is not a date.
        return any(a.start <= match.start and match.end <= a.end for a in anchors)

    return [
        m
        for m in matches
        if not m.needs_ideation or (has_its_ideation(m) and not inside_an_anchor(m))
    ]


_RISK_WORD = re.compile(
    r"\b(?:die|dies|died|dying|dead|death|kill\w*|suicid\w*|overdos\w*|od'?d|cut(?:s|ting)?|"
    r"hang\w*|jump\w*|shoot\w*|shot|pills?|self[- ]?harm\w*|hurt(?:ing)?|end(?:ing)? (?:it|things|my life)|"
    r"unaliv\w*|kms|noose|rope|bridge|gun|strangl\w*|murder\w*|throttl\w*)\b",
    re.IGNORECASE,
)
_HARMLESS_USE = re.compile(
    r"^\s*(?:me\b|it\b|time\b|for\b|to\b|of (?:laughter|embarrassment|boredom|shame|cringe)|"
    r"laughing|tired|on my feet|the (?:process|server|build|job|task|app|tab|script|container|"
    r"thread|session|query|engine|lights|music|bug|mood|messenger|scene|video|photos?|branch|"
    r"line|queue|battery|deal|conversation|call|meeting|power|pipe|weeds)|"
    r"(?:a|the|my|some|my own) (?:photos?|pictures?|video|scene|hair|fringe|nails|toenails|grass|"
    r"hedge|lawn|budget|costs?|corners|losses|carbs|sugar)|-9\b|"
    # violence idioms aimed at someone else: "I'm going to strangle whoever ate my lunch"
    r"(?:whoever|him|her|them|someone|somebody|everyone|you)\b|"
    # on someone else's body: "found cuts on my daughter's arms"
    r"(?:on|in|across) (?:my |his |her |their |a |the )?(?:\w+ ){0,2}\w+'s\b|"
    # ending a subscription: "finally ending it, with the gym membership" (not "ending it with
    # him", which may not mean the relationship)
    r",?\s*with (?:the|my|our|this) (?:\w+ )?"
    r"(?:membership|subscription|contract|lease|tenancy|account|relationship|band|club|job|gym|provider))",
    re.IGNORECASE,
)


# Idioms built around a word of risk, recognised by the words either side of it.
_IDIOM_AROUND = re.compile(
    r"\bdead (?:branch\w*|wood|leaves|heading|end|weight|batter(?:y|ies)|pixels?|zone|air|ringer|"
    r"heat|cent(?:re|er)|on time|easy|simple|set|serious|quiet|of (?:night|winter)|links?|code|"
    r"letters?|lock)\b|\bcross(?:ed|ing)? (?:that|the|this) bridge\b|\bburn(?:ed|t|ing|s)? (?:that|the|my|our|your|"
    r"their|those|all (?:my|the|our)) bridges?\b|\bwater under the bridge\b|\bbridge the gap\b",
    re.IGNORECASE,
)


# The writer says in so many words that they want to live or are not at risk.
_AFFIRMATION = re.compile(
    r"\b(?:i|i'?m|i am)\s+(?:really |genuinely |honestly |do |still |actually )?"
    r"(?:want to live|wanna live|want to be (?:here|alive)|want to stay|glad to be (?:alive|here)|(?:like|love|enjoy) being (?:alive|here)|"
    r"not suicidal|(?:would|will) never (?:hurt|harm|kill) myself|(?:would|will) never do anything to myself|want to keep (?:living|going)|"
    r"(?:would|'d) like (?:a few |some )?more (?:years|springs|summers|time))\b"
    r"|\bi'?d never (?:hurt|harm|kill|do anything to) myself\b"
    r"|\bi(?:'d| would| will|'ll) never (?:take|end) my (?:own )?life\b"
    # "I'd sooner go bankrupt twice over than do anything daft to myself"
    r"|\bi(?:'d| would) (?:sooner|rather)\b[^.!?]{1,60}?\bthan (?:do anything (?:daft|stupid|silly) to|hurt|harm|kill) myself\b"
    r"|(?:^|[.!?]\s*)(?:\w+ )?(?:glad|happy|grateful|thankful) to be (?:alive|here)\b"
    r"|(?:^|[.!?]\s*)(?:my )?life(?:'s| is) (?:still |actually |really |so )?worth (?:living|it)\b"
    # "Life is hard right now and I still want it."
    r"|\blife\b[^.!?]{0,40}?\bi (?:still |really |do )?(?:want|love|choose) it\b",
    re.IGNORECASE,
)


# Someone else's words or story, then the writer's own: "she said she wants to die and I said
# me too", "it was her story, not mine. It's mine right now".
_TURN_TO_SELF = re.compile(
    r"\b(?:me too|same (?:here|for me|about me)|the same (?:about me|way)|mine (?:too|will|is)|"
    r"it's mine|for me (?:it|too)|i (?:actually |really |genuinely )?mean(?:t)? it|for real|"
    r"(?:was not|wasn't|isn't|is not|not) a joke|not joking|i'm the one who|"
    r"that'?s (?:actually |really |just |literally |basically )?(?:me|how i feel|how i'd do it)|"
    r"(?:thought|think|thinking) (?:of|about) mine|did it (?:myself|to myself)|"
    r"(?:wish|wishing|wished) (?:it|that) (?:was|were) me|that was a lie|i lied|(?:done|did) the same for mine|(?:thought|think|thinking|wanted|want|tempted|urge) (?:about |of |to )?(?:doing|do) (?:the same|that|it) (?:myself|to myself)|(?:thought|think|thinking) (?:about|of) doing the same|(?:did|done|do|doing) the same to my own|(?:tick|ticked|circle|circled|answer|say|put) (?:a )?yes (?:for|about) myself)\b"
    # "The song on the radio was about wanting to die and yeah. Same."
    r"|(?:^|[.!?]\s*|\byeah\W+)same\s*[.!]*\s*$",
    re.IGNORECASE,
)


def _affirms(text: str, affirmation: re.Match[str]) -> bool:
    """Not "I'm not suicidal, but…": a denial followed by a turn is no denial."""
    rest = rest_of_sentence(text, affirmation.end())
    return not CONTRAST.search(rest)


def mentions_risk_words(note: str) -> bool:
    """Whether any word of death or self-harm appears, however it is used."""
    return _RISK_WORD.search(normalise(note)) is not None


def only_harmless_mentions(note: str) -> bool:
    """True when the note says the writer wants to live or is not suicidal, or uses words of
    death or self-harm but every use is negated, about someone else, about a story or the
    news, a joke, an idiom or technical ("kill the process"). A learned model tends to react
    to those words alone; the crisis model does not let it when no pattern found risk."""
    text = normalise(note)
    if _TURN_TO_SELF.search(text):
        return False
    if any(_affirms(text, m) for m in _AFFIRMATION.finditer(text)):
        return True
    uses = list(_RISK_WORD.finditer(text))
    if not uses:
        return False
    idioms = [m.span() for m in _IDIOM_AROUND.finditer(text)]
    for use in uses:
        start, end = use.span()
        if any(a <= start and end <= b for a, b in idioms):
            continue
        if not (excused(text, start, end) or _HARMLESS_USE.search(text[end : end + 30])):
            return False
    return True
