"""What a rule is, the C-SSRS ideas the rules stand for, and the phrase fragments they share
(medicines, softening adverbs, days)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mindtrack.ml.crisis.levels import RiskLevel

PASSIVE = "passive_ideation"
ACTIVE = "active_ideation"
SELF_HARM = "self_harm"
METHOD = "method"
PLAN = "plan"
INTENT = "intent"
PREPARATION = "preparatory_acts"
ATTEMPT = "attempt"
PAST_ATTEMPT = "past_attempt"
HISTORY = "history"
DISTRESS = "hopelessness"

IDEATION_SIGNALS = frozenset({PASSIVE, ACTIVE, METHOD, PLAN, INTENT, PREPARATION, ATTEMPT})


@dataclass(frozen=True)
class Rule:
    signal: str
    level: RiskLevel
    pattern: re.Pattern[str]  # matched against the lower-cased note
    # Counts only when the same note also expresses ideation or names a method: "I have a
    # plan" or "tonight is the night" mean nothing on their own.
    needs_ideation: bool = False
    # ... and only when that ideation is in its own sentence: a bare "tonight" dates the
    # intent beside it ("gonna kms tonight"), not thoughts told of in another sentence
    # ("suicidal thoughts all week. Therapist tomorrow.").
    ideation_in_sentence: bool = False
    # Counts only when its sentence also holds `context` ("envied him" beside a funeral), and
    # never when it holds `unless` (a will made because of a new baby).
    context: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    # ... and never in a note that holds `unless_in_note` anywhere (numbness told beside
    # someone else's death by suicide is grief, GUIDE: hard_third_person).
    unless_in_note: re.Pattern[str] | None = None
    # ... and only in a note that holds `context_in_note` somewhere: what "it" or "them" stands
    # for may be sentences away ("Got a hose today. Keeping it for when I'm ready.").
    context_in_note: re.Pattern[str] | None = None


def rule(
    signal: str,
    level: RiskLevel,
    *patterns: str,
    needs_ideation: bool = False,
    ideation_in_sentence: bool = False,
    context: str | None = None,
    unless: str | None = None,
    unless_in_note: str | None = None,
    context_in_note: str | None = None,
) -> Rule:
    # People type "dont", "im" and "cant" as often as "don't", and "abt" for "about": every
    # apostrophe is optional.
    joined = "|".join(f"(?:{p})" for p in patterns).replace("about", _ABOUT).replace("'", "'?")
    return Rule(
        signal,
        level,
        _lower_case_pattern(rf"\b(?:{joined})"),
        needs_ideation or ideation_in_sentence,
        ideation_in_sentence,
        _sentence_words(context),
        _sentence_words(unless),
        _sentence_words(unless_in_note),
        _sentence_words(context_in_note),
    )


def _lower_case_pattern(pattern: str) -> re.Pattern[str]:
    # Rules run over the lower-cased note: matching without IGNORECASE scans four times faster.
    if capital := re.search(r"(?<!\\)[A-Z]", pattern):
        raise ValueError(
            f"rule patterns are lower case: {pattern[capital.start() - 20 : capital.end()]!r}"
        )
    return re.compile(pattern)


def _sentence_words(words: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE) if words else None


# Phrase fragments the rule modules share: "about" as people type it, softening adverbs
# ("just", "honestly"), the days a time frame names, and medicines.
_ABOUT = "(?:about|abt|bout)"
SOFT = r"(?:(?:just|simply|really|honestly|kinda|kind of|sometimes|actually|seriously|still|so|fr|literally|completely|totally|perfectly|absolutely|genuinely|truly|much|particularly|even) )*"
WHEN = r"(?:tonight|today|tomorrow|this week(?:end)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
PILLS = r"(?:pills|tablets|meds|medication|medicine|sleeping pills|painkillers|tylenol|paracetamol|antidepressants|insulin|xanax|oxy|morphine|codeine|co-codamol|tramadol|fentanyl|lithium|methadone|sertraline|diazepam|zopiclone|amitriptyline|prns?)"
# "took all my meds on time this week": the dose as prescribed, not an overdose
AS_PRESCRIBED = r"(?![^.!?]{0,30}?\b(?:on time|as prescribed|like (?:the|my) (?:doctor|gp|psychiatrist|pharmacist) (?:said|told me|says)|like i'?m (?:supposed|meant) to|like i should|every (?:day|morning|night|evening|dose)|all week|this week|without (?:missing|forgetting)|in a row|at the right times?|with (?:breakfast|food|dinner|my meal))\b)"
# Guns named for shooting game or targets are no means.
SHOOTING = r"hunting|deer|season|range|clay|pheasants?|rabbits?|pigeons?|crows|foxes|vermin|grouse|ducks?|stalking|targets?"
