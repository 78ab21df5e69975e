"""When words of risk are not the writer's own present risk: negated ("I would never hurt
myself"), about someone else ("my friend said she wants to die"), about a story or the news,
someone else's reported or quoted words, a joke, an idiom ("dying to see it"), or a form
answered "none"."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(r"[.!?;:\n,]|\b(?:but|though|although|however|yet)\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_NEGATION = re.compile(
    r"\b(?:never|not|no|nor|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|isn'?t|aren'?t|"
    r"wasn'?t|haven'?t|hadn'?t|can'?t|cannot|couldn'?t|shouldn'?t|nothing|without|zero|neither)\b|≠",
    re.IGNORECASE,
)
# Negation words that do not deny what follows: "can't stop thinking about killing myself".
_NOT_A_DENIAL = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|can not|won'?t|doesn'?t|does not|didn'?t|did not) (?:stop|help|shake|get rid of|get (?:it|this) out)\b"
    r"|\bdon'?t know (?:why|if|how|what)\b|\bnot (?:going to|gonna) lie\b|\bno longer\b"
    r"|\bnothing but\b|\bnot sure\b|\bdon'?t think i can\b|\bno one\b|\bnobody\b"
    # an answer someone gave: "the parole board said no"
    r"|\b(?:said|says|answered|voted|ruled) no\b"
    # "not suicidal, I just wouldn't mind if a bus took me out" (GUIDE: a denial, then the wish)
    r"|\bnot suicidal(?: or (?:anything|whatever))?\W+(?:i\W+)?(?:just|only)\b"
    # a measure, not a denial: "haven't felt this suicidal since I was a teenager"
    r"|\b(?:haven'?t|have not|hadn'?t|had not) (?:felt|been) this\b"
    # not telling is no denial: "didn't tell him I've been wishing I was dead"
    r"|\b(?:didn'?t|did not|haven'?t|have not|never) (?:tell|told) (?:him|her|them|anyone|anybody|my \w+)\b"
    # nor is not saying or showing: "what I didn't say is that…", "a list I'll never show anyone"
    r"|\bwhat i (?:didn'?t|did not|don'?t|do not|couldn'?t|can'?t|never) (?:say|said|tell|mention|admit)\b"
    r"|\b(?:never|not|won'?t|can'?t|cannot) (?:show|tell|let on to) (?:anyone|anybody|them|her|him)\b"
    # nor is what someone does not know: "she doesn't know I've been keeping some back"
    r"|\b(?:doesn'?t|does not|don'?t|do not|didn'?t|did not|won'?t|will not|never|wouldn'?t) (?:know|knows|realise|realize|suspect|notice|find out)\b"
    # "there's no point paying for things I won't be around for"
    r"|\bno point (?:in )?(?:paying|buying|keeping|renewing|booking|saving)\b",
    re.IGNORECASE,
)
# Denied after the words: "the urge to hurt myself didn't come back".
_DENIED_AFTER = re.compile(
    r"^\s*(?:(?:has|have|had) )?(?:didn't|did not|hasn't|has not|haven't|have not|never|won't|"
    r"doesn't|does not) (?:come back|came back|return(?:ed)?|show(?:ed)? up|bother(?:ed)? me|been (?:around|back|there))\b",
    re.IGNORECASE,
)
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|they|he's|she's|they're|his|her|their|him|them|someone|somebody|people|"
    r"(?:my|a|the|our|his|her|their) (?:\w+ )?(?:friend|best friend|brother|sister|mom|mum|dad|mother|father|son|"
    r"daughter|partner|husband|wife|boyfriend|girlfriend|cousin|coworker|co-worker|colleague|"
    r"patient|client|student|roommate|flatmate|neighbou?r|uncle|aunt|aunty|auntie|grandma|grandpa|grandad|granddad|"
    r"grandmother|grandfather|gran|granny|nan|nana|nanna|fianc[eé]e?|stepdad|stepmum|stepmom|kid|child|"
    r"teammate|classmate|ex|boss|doctor|gp|therapist|nurse|teacher|counsellor|counselor|pupil|"
    r"caller|poet|narrator|author|singer|lad|lass|bloke|fella|twin|gf|bf|hubby|bestie|bff)s?(?:'s)?"
    # a game's characters: "my enemy AI keeps committing suicide off the map"
    r"|(?:ai|bots?|npcs?|sims?|enemy|enemies|mobs?)\b"
    # a relative named without a determiner: "little brother's self-harming again"
    r"|(?:(?:little|big|baby|older|younger|twin|step) )?(?:mum|mom|dad|mother|father|brother|sister|"
    r"grandma|grandpa|grandad|granddad|nan|nana|gran|granny|son|daughter|husband|wife)"
    r"(?:'s| is| has| had| was|(?=\s*$)|(?= (?:took|tried|attempted|overdosed|cut|hanged|shot|jumped|swallowed|drank)\b)"
    # "brother in hospital after an overdose"
    r"|(?= in (?:hospital|a&e|icu|intensive care|resus|rehab|the er|the icu|the ward)\b))"
    # people someone looks after or teaches at work, written without a determiner
    r"|patients|clients|pupils|students|callers|service users|residents|patient|client|pupil|student|caller|service user|resident"
    # "girl in bay 3 took an overdose"
    r"|(?:girl|boy|woman|man|guy|lady|lad|lass|bloke|kid|teen|teenager)s? (?:in|on|from|at) (?:bay|bed|room|cubicle|ward|resus|cell|the|(?:\w+ )?(?:group|club|class|team|squad))\b"
    # a patient by their bed: "Bed 6 came in after an overdose"
    r"|(?:bed|bay|cubicle|side room) \d+\b"
    r"|(?:a|one of my|my|two|three) year (?:\d+|seven|eight|nine|ten|eleven|twelve|thirteen)s?"
    # "a young man who'd been looking up overdoses"
    r"|(?:a|the|one|this|that|another) (?:\w+ )?(?:man|woman|guy|lady|girl|boy|lad|lass|bloke|kid|teen|teenager|person|fella) (?:who|that)(?:'d|'s)?)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|i'?ve|i'll|i'd|me|my|myself|mine)\b", re.IGNORECASE)
# "shows" alone is mostly the verb: "hoping the scan shows something bad"
_STORY_WORDS = (
    r"(?:book|novel|film|movie|show(?!s\b)|tv shows|series|episode|documentary|game|character|hero|heroine|"
    r"protagonist|villain|article|news|headline|podcast|song|lyric|lyrics|poem|story|play|chapter|"
    r"season|history class|history lesson|lecture|channel|radio|essay|(?<!divorce )(?<!court )(?<!custody )(?<!legal )(?<!eviction )(?<!discharge )(?<!insurance )(?<!adoption )(?<!redundancy )paper|report|study|case study|anime|manga|"
    r"dissertation|thesis|research|transcript|revision|flashcard|textbook|pharmacology|toxicology|"
    r"comic|fiction|plot|scene|actor|actress|shakespeare|hamlet|romeo|album|new single|"
    # learning about risk, or reading about it, rather than feeling it
    r"leaflet|side effect|questionnaire|(?<!ask )(?<!asks )(?<!asked )(?<!asking )question(?! (?:to|for) myself)|survey|screening|training|course|module|"
    r"workshop|seminar|webinar|first aid)s?"
)
_STORY = re.compile(rf"\b{_STORY_WORDS}\b", re.IGNORECASE)
# "it isn't a game", "this is not a film": said to mean it is real.
_NOT_A_STORY = re.compile(
    rf"\b(?:isn'?t|is not|wasn'?t|was not|not|ain'?t) (?:a |an |the |just a )?{_STORY_WORDS}\b",
    re.IGNORECASE,
)
# Things given away are possessions, whatever they are: "giving my games and my PC to my cousin".
_GIVING = re.compile(r"\b(?:giv(?:e|es|ing|en)|gave|sold|selling|donat\w+)\b", re.IGNORECASE)
# the writer's own essay, paper or course: "my psych paper is on self-harm"
_OWN_STORY = re.compile(rf"\bmy (?:\w+ )?{_STORY_WORDS}\b", re.IGNORECASE)
# Marks on someone else's body: "showed me fresh cuts on her arm".
_ON_SOMEONE_ELSE = re.compile(
    r"^\s*(?:on|across|along|up) (?:his|her|their|(?:my |a |the )?\w+'s) (?:\w+ )?"
    r"(?:arms?|wrists?|legs?|thighs?|skin|body|hands?|stomach|neck|face|chest|back)\b",
    re.IGNORECASE,
)
_IDIOM_AFTER = re.compile(
    r"^\s*(?:of|from) (?:embarrassment|shame|laughter|laughing|boredom|cringe|happiness|cuteness|"
    r"excitement|jealousy|envy|heat|hunger|thirst)|^\s*laughing",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    # Same length as the input, so match offsets point into the original note.
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


def lower_case(text: str) -> str:
    """Lower case, one character for one, so offsets still point into the note ("İ", whose
    lower case is two characters, stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


# Context is read at most this far from the words it qualifies. A note of thousands of
# characters with no sentence break would otherwise be read again, whole, for every match in
# it (seconds for one note), and words that far away do not qualify a match anyway. The
# longest sentence in the journal sets is about 300 characters.
CONTEXT_REACH = 400


def reach_back(text: str, position: int) -> int:
    """Where reading back from `position` stops: the note's start, or the first word within
    reach."""
    low = position - CONTEXT_REACH
    if low <= 0:
        return 0
    space = text.find(" ", low, position)
    return space + 1 if space != -1 else position


def reach_forward(text: str, position: int) -> int:
    """Where reading on from `position` stops: the note's end, or the last word within
    reach."""
    high = position + CONTEXT_REACH
    if high >= len(text):
        return len(text)
    space = text.rfind(" ", position, high)
    return space if space != -1 else position


def _clause_start(text: str, position: int) -> int:
    first = reach_back(text, position)
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, first, position)]
    return starts[-1] if starts else first


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends (within reach of it)."""
    start = max(start, 0)
    first, last = reach_back(text, start), reach_forward(text, end)
    before = [m.end() for m in SENTENCE_BREAK.finditer(text, first, start)]
    after = SENTENCE_BREAK.search(text, end, last)
    return (before[-1] if before else first), (after.start() if after else last)


def rest_of_sentence(text: str, end: int) -> str:
    """The words after text[…:end] up to the sentence's end (within reach)."""
    return text[end : sentence_bounds(text, end, end)[1]]


_CONJUNCTION = re.compile(r"\b(?:and|so|because|cause|cos|then)\b", re.IGNORECASE)
# What the writer's own head says is the writer's: "that old voice saying just end yourself".
# "my son (15) said" is someone else's words.
_REPORTED = re.compile(
    r"\b(?:everyone|everybody|people|they|society|adults|parents) (?:thinks?|assumes?|believes?)\b|"
    # not the tail of the writer's own "I'm", "I've" or "I'd", nor the writer's own adverb
    # ("Mentally wrote my note again")
    r"\b(?<!')(?!(?:i|voice|voices|brain|head|mind|just|also|finally|never|already|mentally|silently|secretly|quietly)\b)\w+(?: \([^()]{1,20}\))?"
    r"(?: (?:just|also|finally|never|already))? (?:said|says|(?:keeps |kept )?saying|(?:keeps|kept) asking(?: me)?|told (?:me|us)|tells (?:me|us)|texted|wrote|asked(?: me)?|asks(?: me)?|"
    r"posted|messaged|typed|dm'?e?d|admitted|mentioned|confessed|screamed|yelled|joked|(?:keeps |kept )?joking|commented|replied|"
    r"tweeted|captioned)\b"
    # a character or another person telling someone: "she tells her sister 'I don't want to…'"
    r"|\b(?!(?:i|and|then|so|but|just|also)\b)\w+ (?:tells|told) (?:him|her|them|(?:her|his|their|the) \w+)\b",
    re.IGNORECASE,
)
_JOKE_TAG = r"(?:\b(?:lol|lmao|haha\w*|jk|rofl)\b|😂|🤣|💀|🙃)"
_JOKE = re.compile(_JOKE_TAG, re.IGNORECASE)
# "... I'm walking into the sea, honestly lol"
_JOKE_AFTER = re.compile(
    rf"^\W{{0,3}}(?:(?:honestly|seriously|literally|tbh|ngl|i swear|swear down)\W{{1,3}})?{_JOKE_TAG}",
    re.IGNORECASE,
)


# "Except I've actually thought it through": a turn to the writer, not "everyone except me".
CONTRAST = re.compile(r"\b(?:but|though|although|however|except(?= i\b))\b", re.IGNORECASE)


# "my counsellor said to: …" asks the writer to speak; it reports nothing.
_INSTRUCTED = re.compile(r"\b(?:said|told (?:me|us)|asked(?: me)?) to\s*[:;,.\-–]", re.IGNORECASE)
# "Mum asked if I'm ok and I said yes while thinking about…": the writer speaks again.
# So does a match that runs on into the writer's next sentence: "everyone says this job will be
# the death of me. I hope they're right".
# "the board said no I keep thinking about…": a yes or a no ends what was said.
_WRITER_AGAIN = re.compile(r"(?:\b(?:and|so|then|while|no|yes)|[,.!?])\s+i\b", re.IGNORECASE)


def _reported(sentence_lead: str) -> bool:
    """Someone else's words, unless the writer turns to their own after a 'but' or goes on
    in their own voice."""
    lead = _INSTRUCTED.sub(" ", CONTRAST.split(sentence_lead)[-1])
    said = list(_REPORTED.finditer(lead))
    return bool(said) and not _WRITER_AGAIN.search(lead, said[-1].end())


# A check-in form answered in the note: "Thoughts of harming myself: none", "Suicidal, no.".
_ANSWERED_NO = re.compile(
    r"^\s*(?:urges?|thoughts?|ideation|feelings?|behaviou?rs?)?\s*(?:[:\-–,]\s*(?:(?:none|nil|zero|0|never|not at all|n/a)\b|no(?=\s*(?:[.!;]|$)))|no(?=\s*(?:[.!;,]|$)))"
    # a form's question about the writer or someone else, answered after its colon:
    # "Thoughts of harming myself or the baby: no, absolutely not"
    r"|^(?:\s+or (?:the |my |a |others|anyone)\w*(?: \w+)?)?\s*[:\-–]\s*(?:no|nope|none|never|nil|not at all)\b",
    re.IGNORECASE,
)
# The question on a form, answered no: "'Suicidal thoughts?' No.", "On the one about being
# better off dead I ticked 'not at all'".
_QUESTION_ANSWERED_NO = re.compile(
    r"^\s*(?:thoughts?|urges?|feelings?)?\s*\?\W*(?:no|nope|never|not at all|none)(?=\s*(?:[.!;,]|$))"
    r"|^\W*i (?:ticked|circled|answered|put|marked|chose|picked|scored|said)\s*\W?(?:no|never|not at all|none|zero|0)\b",
    re.IGNORECASE,
)
# ...or the answer before the question: "I ticked 'not at all' for thoughts of being better off
# dead".
_TICKED_NO_FOR = re.compile(
    r"\bi (?:ticked|circled|answered|put|marked|chose|picked|scored|said)\s*\W?(?:no|never|not at all|none|zero|0)\W*"
    r"\s*(?:for|to|on|against) (?:the (?:one|question|item|box|bit) (?:about|on|for) )?"
    r"(?:(?:thoughts?|feelings?|ideas?|urges?) (?:of|about) )?(?:being |me being )?$",
    re.IGNORECASE,
)
# A question put to the writer and answered no in the same sentence: "Asked if I think about
# killing myself and I said no."
_ASKED = re.compile(r"\bask(?:ed|s|ing)?(?: me)? (?:if|whether)\b[^.!?]*$", re.IGNORECASE)
# ...answered in the next sentence on its own: "Nurse rang to ask if I'd had any thoughts of
# self-harm. None whatsoever."
_BARE_NO = re.compile(
    r"\W*(?:none|no|nope|not at all|never|nothing(?: like that)?)(?: whatsoever| at all| thankfully| really)?\s*(?:[.!]|$)",
    re.IGNORECASE,
)
# ...or yes: "she asked if I want to die and I said yes" is the writer's own answer.
_WRITERS_ANSWER = re.compile(
    r"\bi (?:said|answered|admitted|told (?:him|her|them)|put) "
    r"(?:(?P<no>no|nope|not at all|never)|yes|yeah|yep)\b",
    re.IGNORECASE,
)


def _writer_answers(rest: str, no: bool) -> bool:
    """Whether the writer answers no (or yes) later in the sentence."""
    answer = _WRITERS_ANSWER.search(rest)
    return answer is not None and (answer.group("no") is not None) == no


# Quoted words said about something else: "said 'I want to die' about the presentation".
_QUOTED_ABOUT = re.compile(
    r"^['\"’”]\s+(?:about|over) (?:the|my|a|an|this|that|our) ", re.IGNORECASE
)
# ...unless the writer then says it was more than a figure of speech.
_MEANT_IT = re.compile(
    r"\b(?:truth is|not (?:as |just )?a joke|i (?:meant|mean) it|for real|(?:wasn't|isn't|not) (?:really )?joking)\b",
    re.IGNORECASE,
)
# Someone else's harm: "a young lad's old self-harm scars" (but "dad's shotgun" is a means the
# writer can reach).
_POSSESSED = re.compile(
    r"\b(?!(?:it|that|what|there|here|who|he|she|one|let|today|tonight|yesterday|night|week|year)'s)"
    r"\w+'s (?:(?:old|fresh|faded|healed|new|recent|past) )?$",
    re.IGNORECASE,
)
_HARM_OF_A_BODY = re.compile(r"self|suicid|cut|scar|burn|overdos|attempt|relaps", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”]")
# The news reported after the words, in a sentence without the writer in it: "Overdose,
# they're saying."
_REPORTED_AFTER = re.compile(
    r"^\W*(?:they'?re saying|they say|people are saying|reports? say|police (?:say|said)|"
    r"(?:the )?(?:papers|news|reports?) (?:say|said|says)|apparently|allegedly|reportedly)\b",
    re.IGNORECASE,
)
_OWN_WORDS = re.compile(
    r"\bi (?:said|say|wrote|write|told|typed|texted|keep thinking|kept thinking|thought|think)\b"
    # a search the writer typed: searched "painless ways to die"
    r"|\b(?:searched|searching|googled|googling|typed|looked up)\b",
    re.IGNORECASE,
)


def _quoted_from_someone_else(sentence: str, sentence_lead: str) -> bool:
    """Inside double quotes ("i want to die" - what my 7 year old yelled), unless the writer
    says they are the words they said or thought."""
    inside = len(_QUOTE_MARKS.findall(sentence_lead)) % 2 == 1
    return inside and not _OWN_WORDS.search(sentence_lead)


_NO_PART_OF_ME = re.compile(
    r"\b(?:no|not a|not one|not any) (?:part|bit|piece) of me\b", re.IGNORECASE
)


def _negated(lead: str) -> bool:
    if _NO_PART_OF_ME.search(lead):
        return True
    words = _CONJUNCTION.split(_NOT_A_DENIAL.sub(" ", lead))[-1].split()
    # "not having any thoughts of hurting myself or ending my life" denies both
    reach = 10 if words and words[-1].lower() in ("or", "nor") else 6
    return bool(_NEGATION.search(" ".join(words[-reach:])))


# What a joke blames: a condition ("if", "one more"), or a thing named that makes the writer say
# it ("the hold music makes me want to…"), but not life, everything or their own head.
_ANNOYANCE = re.compile(
    r"\b(?:if|one more)\b"
    r"|\b(?!(?:it|this|that|everything|life|living|existing|existence|myself|me|brain|head|mind|"
    r"thoughts?|depression|pain|loneliness|grief|world|future|past|being|all)\b)[a-z]+ "
    r"(?:makes|made|making) me (?:(?:want to|wanna) )?$",
    re.IGNORECASE,
)
# The word "kill" is as much a joke as "kill myself" is: the joke tag may follow "myself".
_SELF_FIRST = re.compile(r"^\s*(?:my ?self|me)\b", re.IGNORECASE)


def _hyperbole(sentence_lead: str, after: str, rest_of_sentence: str) -> bool:
    """'If I have to sit through one more meeting I'll shoot myself lol', 'one more zoom call
    and I'm going to shoot myself lmao', 'gonna kms if my laptop freezes one more time lmao'
    and 'the hold music makes me want to shoot myself lol' (GUIDE: jokey hyperbole about a
    trivial annoyance)."""
    if _ANNOYANCE.search(sentence_lead):
        return bool(_JOKE_AFTER.search(_SELF_FIRST.sub("", after, count=1)))
    return bool(re.match(r"\s+if\b", rest_of_sentence, re.IGNORECASE)) and bool(
        _JOKE.search(rest_of_sentence)
    )


_PREPOSITION = re.compile(r"\b(?:on|in|at|from|of|with|for|into|onto|near|by)\s+$", re.IGNORECASE)


# "Told my therapist about the bridge thoughts": the writer's own, told to someone.
_TOLD_ABOUT = re.compile(
    r"(?:^|\bi\s+|\band\s+|\b(?:didn't|did not|haven't|have not|never|won't|can't|couldn't)\s+)"
    r"(?:told|tell|telling|talked to|spoke to|opened up to) "
    r"(?:my |the |a |our )?\w+ (?:about|that(?: i've had)?) (?:the |my |all the )?$",
    re.IGNORECASE,
)


_RELATIVE = re.compile(r"\s*(?:who|whom|that)?\s*$", re.IGNORECASE)
_DETERMINER_ONLY = re.compile(r"\s*(?:(?:a|an|the|one|this|that|our)\s+)?", re.IGNORECASE)
_ASSUMED = re.compile(r"\bassum(?:e|es|ed|ing) (?:that )?i(?:'m| am)?\s*$", re.IGNORECASE)


def _about_someone_else(lead: str) -> bool:
    """A third person is the subject of the clause before the match, and the writer does not
    follow it. 'My' after a preposition names a place, not the writer ("a patient on my ward
    who tried to…"), unless it owns the matched words ("told him about my overdose"); nor
    does an 'I' that opens a clause about the third person ("a patient I've looked after for
    weeks took…"), when the third person opens the clause."""
    others = list(_SOMEONE_ELSE.finditer(lead))
    if not others or _TOLD_ABOUT.search(lead):
        return False
    if _ASSUMED.search(lead):
        return True
    opens_clause = _DETERMINER_ONLY.fullmatch(lead, 0, others[-1].start()) is not None
    writer = [
        m
        for m in _FIRST_PERSON.finditer(lead, others[-1].end())
        if not (
            m.group().lower() == "my"
            and _PREPOSITION.search(lead, 0, m.start())
            and lead[m.end() :].strip()
        )
        and not (opens_clause and _RELATIVE.match(lead, others[-1].end(), m.start()))
    ]
    return not writer


# A subject to raise with someone in the writer's care: "How do I bring up self-harm with my
# 13 year old?" (with a therapist or a GP it may be the writer's own).
_RAISING = re.compile(
    r"\b(?:bring(?:ing)? up|broach(?:ing)?|rais(?:e|ing)|talk(?:ing)? about|discuss(?:ing)?)\s+"
    r"(?:the (?:subject|topic) of\s+)?$",
    re.IGNORECASE,
)
_WITH_SOMEONE_ELSE = re.compile(
    r"^\s*with (?:my|our|her|his|their|a) (?:\d+[- ]?(?:year|yr)[- ]?old|son|daughter|kids?|"
    r"child(?:ren)?|teen(?:ager)?s?|students?|pupils?|class|friend|partner|husband|wife|boyfriend|"
    r"girlfriend|sister|brother|niece|nephew|mum|mom|dad|parents)\b",
    re.IGNORECASE,
)
# A question put to someone else: "we practised asking 'are you thinking about suicide?'".
_ADDRESSED = re.compile(
    r"\b(?:are|were|have|had|do|did|would|could|will) you(?: \w+)?\s*$", re.IGNORECASE
)

# A warning of what a medicine can do, not the writer's thoughts: "this antidepressant can cause
# suicidal thoughts when you first start", unless the writer says they have them.
_POSSIBLE_EFFECT = re.compile(
    r"\b(?:can|may|might|could|sometimes|known to|said to|meant to|supposed to) (?:\w+ )?"
    r"(?:cause|causes|bring on|brings on|trigger|triggers|lead to|increase|worsen|make you have)"
    r" (?:\w+ ){0,2}$|\bside effects? (?:include|including|like|such as|of|is|are|list(?:s|ed)?)"
    r" (?:\w+ ){0,2}$|\b(?:risk|warnings?) (?:of|about|for|on) (?:\w+ ){0,2}$",
    re.IGNORECASE,
)
_HAVING_THEM = re.compile(
    r"\bi(?:'ve| have|'m| am)? (?:been |started |start |now |already )?(?:having|getting|got|get|had|"
    r"have|noticed|noticing|feel|feeling) (?:them|those|it|that|some|this)\b",
    re.IGNORECASE,
)


# A story as the time something else happened: "spent the whole lecture thinking about suicide".
_SPAN_OF_A_STORY = re.compile(
    rf"\b(?:the whole|the entire|all|half|most of|all through|throughout|during) (?:the |my |that |this )?"
    rf"{_STORY_WORDS} (?=(?:just |basically |literally )?(?:thinking|wondering|planning|imagining|"
    r"daydreaming|fantasi[sz]ing|obsessing)\b)",
    re.IGNORECASE,
)


def _about_a_story(sentence: str, lead: str) -> bool:
    """A story, a study or the news, unless the writer speaks of themselves before the
    words; "my paper is on self-harm" names the writer's paper, not the writer."""
    sentence = _SPAN_OF_A_STORY.sub(" ", sentence)
    if _GIVING.search(sentence):
        sentence = _OWN_STORY.sub(" ", sentence)
    if not _STORY.search(_NOT_A_STORY.sub(" ", sentence)):
        return False
    return not _FIRST_PERSON.search(_OWN_STORY.sub(" ", lead))


# "...and now I'm lying on my bed with a podcast on": the writer goes on with their own doings.
_WRITER_GOES_ON = re.compile(
    r"\b(?:and|but|so|then|while)\s+(?:\w+\s+){0,2}?i(?:'m|'ve|'d|'ll| am| was)?\b", re.IGNORECASE
)


def _words_clause(rest: str) -> str:
    """What follows the words in their clause, up to where the writer goes on in their own voice."""
    return _WRITER_GOES_ON.split(_CLAUSE_BREAK.split(rest, maxsplit=1)[0], maxsplit=1)[0]


# "Young lad, overdose, we got him back", "Overdose call at 2am": the word on its own, as a
# report after someone else is named or as a call-out, in a sentence the writer is not in.
_BARE_WORD = re.compile(r"^overdose$", re.IGNORECASE)
# A call-out attended at work: "Attended a hanging this morning, a young lad".
_ATTENDED = re.compile(
    r"\b(?:attended|attending|called (?:out )?to|responded to|dispatched to) (?:a|an|another|the|two|three)\s*$",
    re.IGNORECASE,
)
_CALL_OUT = re.compile(
    r"^\s+(?:calls?|shouts?|jobs?|cases?|admissions?|patients?)\b", re.IGNORECASE
)
# ... and not the subject of what the writer thinks of it: "overdose is the only way now".
_SAID_OF_IT = re.compile(
    r"^\s*(?:is|was|would|will|'s|seems?|feels?|looks?|might|could|sounds?|again)\b", re.IGNORECASE
)
_NOT_BARE_AFTER = re.compile(
    r"\b(?:an?|my|the|another|one|to|of|on|about|by|with|take|took|taking)\s*$", re.IGNORECASE
)


def _someone_elses_overdose(sentence: str, sentence_lead: str, words: str, after: str) -> bool:
    return (
        _BARE_WORD.match(words) is not None
        and not _NOT_BARE_AFTER.search(sentence_lead)
        and not _FIRST_PERSON.search(sentence)
        and not _SAID_OF_IT.match(after)
        and (_SOMEONE_ELSE.search(sentence_lead) is not None or _CALL_OUT.match(after) is not None)
    )


def excused(text: str, start: int, end: int, sentence_span: tuple[int, int] | None = None) -> bool:
    """Whether the words at text[start:end] are not the writer's own present risk: negated,
    about someone else or a story, someone else's reported or quoted words, a joke, an idiom,
    or a form answered "none". `sentence_span`, when the caller has it, is
    `sentence_bounds(text, start, end)`."""
    words = text[start:end]
    lead = text[_clause_start(text, start) : start]
    first, last = sentence_span or sentence_bounds(text, start, end)
    sentence = text[first:last]
    sentence_lead = sentence[: sentence.find(words)] if words in sentence else ""
    after = text[end : end + 30]
    rest = rest_of_sentence(text, end)
    # "my kids would be better off without me" is the writer's own risk.
    others = _about_someone_else(lead) and not _FIRST_PERSON.search(words)
    return (
        _negated(lead)
        or others
        or _about_a_story(sentence_lead + words + _words_clause(rest), lead)
        or (_reported(sentence_lead + words) and not _writer_answers(rest, no=False))
        or _quoted_from_someone_else(sentence, sentence_lead)
        or _hyperbole(sentence_lead, after, rest)
        or _IDIOM_AFTER.search(after) is not None
        or _ANSWERED_NO.search(after) is not None
        or _QUESTION_ANSWERED_NO.search(after) is not None
        or _TICKED_NO_FOR.search(sentence_lead) is not None
        or _ATTENDED.search(lead) is not None
        or (
            _QUOTED_ABOUT.search(after) is not None
            and not _MEANT_IT.search(text, end, reach_forward(text, end))
        )
        or (_POSSESSED.search(lead) is not None and _HARM_OF_A_BODY.match(words) is not None)
        or _DENIED_AFTER.search(after) is not None
        or _ON_SOMEONE_ELSE.search(after) is not None
        or _ADDRESSED.search(lead) is not None
        or (_RAISING.search(lead) is not None and _WITH_SOMEONE_ELSE.search(after) is not None)
        or (_REPORTED_AFTER.search(after) is not None and not _FIRST_PERSON.search(sentence))
        or (
            _ASKED.search(sentence_lead) is not None
            and (_writer_answers(rest, no=True) or _BARE_NO.match(text, last) is not None)
        )
        or _someone_elses_overdose(sentence, sentence_lead, words, after)
        or (
            _POSSIBLE_EFFECT.search(lead) is not None
            and not _HAVING_THEM.search(text, end, end + 120)
        )
    )
