"""Text preparation shared by every model: what counts as no text, how long texts are cut,
and identity-neutral rewriting before the encoder."""

from __future__ import annotations

import re
import unicodedata

from mindtrack.ml.names import neutralize_names

# About 400 words: far past any typical note; longer notes are read from their start, and the
# crisis patterns still scan the whole text.
MAX_MODEL_CHARS = 2000

_WORD = re.compile(r"\w", re.UNICODE)

# Words that name who someone is rather than how they feel. The encoder sees a neutral word in
# their place, so "as a gay man" and "as a straight man" are read alike; the model cards
# report the remaining difference on identity-swap pairs.
_IDENTITY_TERMS = {
    "person": (
        "man", "woman", "men", "women", "guy", "girl", "boy", "lady", "gentleman", "female",
        "male", "nonbinary", "non-binary", "transgender", "trans", "cis", "cisgender",
        "husband", "wife", "boyfriend", "girlfriend", "mother", "father", "mom", "mum", "dad",
        "son", "daughter", "brother", "sister", "grandma", "grandpa", "grandmother",
        "grandfather", "aunt", "uncle", "niece", "nephew", "trans man", "trans woman",
        "teen", "teenager", "adolescent", "retiree", "pensioner", "millennial", "boomer",
        "amputee", "wheelchair user", "little person", "dwarf",
    ),
    "": (
        "black", "white", "asian", "latino", "latina", "latinx", "hispanic", "arab", "indian",
        "african", "african-american", "european", "native", "indigenous", "jewish", "muslim",
        "christian", "hindu", "buddhist", "sikh", "atheist", "catholic", "protestant", "mormon",
        "gay", "lesbian", "straight", "bisexual", "bi", "queer", "heterosexual", "homosexual",
        "asexual", "pansexual", "disabled", "blind", "deaf", "autistic", "wheelchair-bound",
        "able-bodied", "neurotypical", "neurodivergent", "old", "older", "elderly", "young",
        "younger", "teenage", "teenaged", "middle-aged", "senior", "elder",
        # origins and nationalities
        "african american", "native american", "pacific islander", "alaska native",
        "middle eastern", "middle-eastern", "south asian", "east asian", "southeast asian",
        "caucasian", "biracial", "multiracial", "mixed-race", "mixed race", "aboriginal",
        "roma", "romani", "american", "mexican", "puerto rican", "cuban", "dominican",
        "brazilian", "colombian", "chinese", "japanese", "korean", "vietnamese", "filipino",
        "filipina", "pakistani", "bangladeshi", "nigerian", "ghanaian", "kenyan", "ethiopian",
        "somali", "jamaican", "haitian", "irish", "italian", "russian", "ukrainian",
        "german", "french", "british", "iranian", "persian", "turkish", "kurdish", "syrian",
        "palestinian", "israeli", "egyptian", "moroccan", "immigrant", "refugee",
        # beliefs
        "agnostic", "evangelical", "pagan", "jain", "taoist", "baptist", "methodist",
        "lutheran", "sunni", "shia", "orthodox",
        # sexual orientation and gender identity
        "lgbt", "lgbtq", "lgbtq+", "lgbtqia", "intersex", "genderqueer", "genderfluid",
        "agender", "aromantic", "demisexual", "two-spirit",
        # disability
        "paralyzed", "paralysed", "paraplegic", "quadriplegic", "dyslexic", "handicapped",
        "visually impaired", "hearing impaired", "hard of hearing", "deafblind",
        "chronically ill", "in a wheelchair",
    ),
}  # fmt: skip
# Longest first, so "african american" is taken as one term rather than as "african".
_IDENTITY_PATTERN = re.compile(
    r"\b("
    + "|".join(
        re.escape(t)
        for t in sorted({t for terms in _IDENTITY_TERMS.values() for t in terms}, key=len)[::-1]
    )
    + r")(?!\w)",
    re.IGNORECASE,
)
_REPLACEMENT = {t: r for r, terms in _IDENTITY_TERMS.items() for t in terms}
_PRONOUNS = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
_PRONOUN_REPLACEMENT = {
    "he": "they", "she": "they", "him": "them", "her": "their", "his": "their",
    "hers": "theirs", "himself": "themselves", "herself": "themselves",
}  # fmt: skip
_SPACES = re.compile(r"[ \t]+")
_ARTICLE = re.compile(r"\b(an?) (\w)", re.IGNORECASE)


def clean(text: str) -> str:
    """Unicode-normalised text with collapsed spaces (line breaks kept)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def has_words(text: str) -> bool:
    """False for empty, whitespace-only, punctuation-only and emoji-only text."""
    return bool(_WORD.search(text))


def neutralize_identity(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        return _REPLACEMENT[match.group(0).lower()]

    def pronoun(match: re.Match[str]) -> str:
        return _PRONOUN_REPLACEMENT[match.group(0).lower()]

    # Identity words first: "I'm Muslim" must not read as someone named Muslim.
    rewritten = _SPACES.sub(" ", _IDENTITY_PATTERN.sub(swap, text))
    if rewritten != text:
        # "an Asian woman" and "a white woman" both become "a person".
        rewritten = _ARTICLE.sub(_article, rewritten)
    return _PRONOUNS.sub(pronoun, neutralize_names(rewritten)).strip()


def _article(match: re.Match[str]) -> str:
    article, following = match.group(1), match.group(2)
    chosen = "an" if following[0].lower() in "aeiou" else "a"
    return (chosen.capitalize() if article[0].isupper() else chosen) + " " + following


def model_input(text: str) -> str:
    """What the encoder reads for a note."""
    return neutralize_identity(clean(text)[:MAX_MODEL_CHARS])
