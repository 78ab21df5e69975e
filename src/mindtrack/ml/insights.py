"""Life-area themes, key phrases and energy in a note: plain lexicons a person can audit."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

THEMES: dict[str, tuple[str, ...]] = {
    "work": (
        "work", "job", "boss", "manager", "colleague", "coworker", "co-worker", "office", "shift",
        "meeting", "meetings", "deadline", "deadlines", "project", "client", "clients", "career",
        "promotion", "fired", "laid off", "interview", "salary", "overtime", "workload", "pip",
    ),
    "study": (
        "exam", "exams", "study", "studying", "school", "college", "university", "uni", "class",
        "classes", "lecture", "homework", "assignment", "essay", "thesis", "grades", "teacher",
        "professor", "revision", "coursework", "semester",
    ),
    "sleep": (
        "sleep", "slept", "sleeping", "insomnia", "nap", "tired", "exhausted", "awake", "bed",
        "nightmare", "nightmares", "rest", "woke", "wake", "drowsy", "sleepless",
    ),
    "relationships": (
        "partner", "boyfriend", "girlfriend", "husband", "wife", "date", "dating", "breakup",
        "broke up", "divorce", "marriage", "relationship", "ex", "crush", "love", "argument",
    ),
    "family": (
        "mum", "mom", "dad", "mother", "father", "parents", "sister", "brother", "family", "kids",
        "son", "daughter", "grandma", "grandpa", "baby", "children", "aunt", "uncle", "cousin",
    ),
    "friends": (
        "friend", "friends", "mate", "mates", "party", "hang out", "hung out", "social",
        "lonely", "alone", "isolated", "catch up", "caught up",
    ),
    "health": (
        "sick", "ill", "illness", "pain", "headache", "migraine", "doctor", "hospital", "gp",
        "medication", "meds", "symptoms", "injury", "flu", "covid", "diagnosis", "surgery",
        "chronic", "period", "cramps", "therapy", "therapist",
    ),
    "money": (
        "money", "rent", "bills", "debt", "broke", "overdrawn", "payday", "paycheck", "loan",
        "mortgage", "budget", "afford", "expensive", "bank", "savings", "paid", "pay",
    ),
    "exercise": (
        "gym", "run", "ran", "running", "walk", "walked", "hike", "yoga", "swim", "swimming",
        "workout", "exercise", "cycling", "bike", "football", "training", "stretching",
    ),
    "food": (
        "ate", "eat", "eating", "food", "lunch", "dinner", "breakfast", "cooking", "cooked",
        "meal", "snack", "appetite", "hungry", "diet",
    ),
    "leisure": (
        "movie", "film", "book", "reading", "game", "gaming", "music", "concert", "holiday",
        "vacation", "trip", "beach", "garden", "painting", "hobby", "tv", "show", "netflix",
    ),
}  # fmt: skip

_THEME_PATTERNS = {
    theme: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    for theme, words in THEMES.items()
}

_STOPWORDS = frozenset(
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "i'm", "i've", "i'd", "i'll", "if", "in", "into", "is",
        "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "yours", "today", "really", "got", "get", "getting", "went", "go", "going", "feel",
        "feeling", "felt", "like", "bit", "lot", "much", "still", "also", "even", "im", "ive",
        "dont", "didnt", "cant", "wasnt", "day", "one", "thing", "things", "something", "kind",
        "sort", "yeah", "ok", "okay", "well", "quite", "pretty", "little", "back", "way", "made",
        "make", "time", "though"
    }
)  # fmt: skip
_TOKEN = re.compile(r"[a-z][a-z'\-]*", re.IGNORECASE)

HIGH_ENERGY = re.compile(
    r"\b(?:energ(?:y|etic|ised|ized)|pumped|buzzing|excited|productive|motivated|active|"
    r"wired|hyper|restless|ran|running|gym|workout|hike|danced|great day|amazing)\b",
    re.IGNORECASE,
)
LOW_ENERGY = re.compile(
    r"\b(?:tired|exhausted|drained|sleepy|fatigue[d]?|lethargic|sluggish|no energy|worn out|"
    r"burnt out|burned out|wiped|knackered|stayed in bed|couldn't get up|heavy|slow)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TextInsights:
    themes: list[str]
    key_phrases: list[str]
    energy: str  # high / moderate / low


def themes_of(text: str) -> list[str]:
    counts = {t: len(p.findall(text)) for t, p in _THEME_PATTERNS.items()}
    return [t for t, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n]


def key_phrases(text: str, limit: int = 5) -> list[str]:
    """Runs of content words between stop words and punctuation, scored by the rarity-weighted
    degree of their words (the RAKE idea), most telling first."""
    phrases: list[list[str]] = []
    for chunk in re.split(r"[.,!?;:\n()\"]+", text.lower()):
        current: list[str] = []
        for token in _TOKEN.findall(chunk):
            if token in _STOPWORDS or len(token) < 3:
                if current:
                    phrases.append(current)
                current = []
            else:
                current.append(token)
        if current:
            phrases.append(current)
    frequency: Counter[str] = Counter(w for p in phrases for w in p)
    degree: Counter[str] = Counter()
    for phrase in phrases:
        for word in phrase:
            degree[word] += len(phrase)
    scored: dict[str, float] = {}
    for phrase in phrases[:200]:
        if len(phrase) > 4:
            continue
        key = " ".join(phrase)
        scored[key] = sum(degree[w] / frequency[w] for w in phrase)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    return [phrase for phrase, _ in ranked[:limit]]


def energy_of(text: str, emotions: list[str], score: int | None = None) -> str:
    high = len(HIGH_ENERGY.findall(text)) + sum(
        e in ("excitement", "joy", "amusement") for e in emotions
    )
    low = len(LOW_ENERGY.findall(text)) + sum(
        e in ("sadness", "grief", "disappointment") for e in emotions
    )
    if score is not None:
        high += score >= 8
        low += score <= 3
    if high > low:
        return "high"
    if low > high:
        return "low"
    return "moderate"


def analyse(text: str, emotions: list[str], score: int | None = None) -> TextInsights:
    return TextInsights(themes_of(text), key_phrases(text), energy_of(text, emotions, score))
