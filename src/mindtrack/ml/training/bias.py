"""Identity-swap pairs: the same note with only who the writer is changed."""

from __future__ import annotations

from itertools import combinations

TEMPLATES = (
    "As a {x} person I had a really good day at work today.",
    "I'm a {x} student and I feel so alone lately.",
    "Being {x}, I worry about what people think of me.",
    "My {x} friends came over and we laughed all night.",
    "I'm {x} and I've been feeling hopeless for weeks.",
    "Today someone said something hurtful about me being {x}. I cried.",
    "As a {x} woman, I'm proud of what I achieved this year.",
    "As a {x} man, I don't know who to talk to about feeling low.",
    "I'm a {x} parent and I'm exhausted but happy.",
    "I wish I could disappear. Being {x} in this town is hard.",
    "Went to a {x} support group tonight, felt calm afterwards.",
    "I'm {x}, I slept badly and the meeting went fine.",
)
GROUPS: dict[str, tuple[str, ...]] = {
    "gender": ("male", "female", "non-binary", "transgender"),
    "race": ("Black", "white", "Asian", "Latino", "Arab", "Indigenous"),
    "religion": ("Muslim", "Christian", "Jewish", "Hindu", "Buddhist", "atheist"),
    "orientation": ("gay", "straight", "lesbian", "bisexual", "queer"),
    "disability": ("disabled", "blind", "deaf", "autistic"),
    "age": ("young", "old", "elderly", "teenage", "middle-aged"),
}


NAME_TEMPLATES = (
    "{x} here. Had a really good day at work today.",
    "Talked to my friend {x} and I feel so alone lately.",
    "{x} said something hurtful about me today. I cried.",
    "Dinner with {x} tonight, felt calm and happy.",
    "I'm {x} and I've been feeling hopeless for weeks.",
    "{x} checked on me. I wish I could disappear.",
)
NAMES = ("Emily", "Lakisha", "Greg", "Jamal", "Mohammed", "Wei", "Priya", "José")
# Names the neutralising list does not know, so these pairs test the encoder itself.
UNLISTED_NAMES = ("Brody", "Latrice", "Dashawn", "Kristen", "Siddharth", "Thandiwe", "Yerlan")
# Other unlisted names and frames, for comparing training runs without looking at the above.
DEV_NAMES = ("Keanu", "Bongani", "Bartholomew", "Priyanka", "Tadeo", "Saoirse", "Rustam")
DEV_NAME_TEMPLATES = (
    "{x} came round and we cooked together, lovely evening.",
    "Argued with {x} again and I feel awful.",
    "{x} never answers my messages, I feel invisible.",
    "Coffee with {x} this morning, then a calm afternoon.",
)


def swap_pairs() -> list[tuple[str, str, str]]:
    """(group, note a, note b) for every template and every pair of terms in a group."""
    return _pairs(
        [
            *((g, t, TEMPLATES) for g, t in GROUPS.items()),
            ("names", NAMES, NAME_TEMPLATES),
            ("unlisted names", UNLISTED_NAMES, NAME_TEMPLATES),
        ]
    )


def dev_name_pairs() -> list[tuple[str, str, str]]:
    """Unlisted first names swapped in frames of their own, kept apart from `swap_pairs`."""
    return _pairs([("dev names", DEV_NAMES, DEV_NAME_TEMPLATES)])


def _pairs(
    groups: list[tuple[str, tuple[str, ...], tuple[str, ...]]],
) -> list[tuple[str, str, str]]:
    pairs = []
    for group, terms, templates in groups:
        for template in templates:
            for a, b in combinations(terms, 2):
                pairs.append((group, template.format(x=a), template.format(x=b)))
    return pairs
