"""The emotion vocabulary and the rules for words people type themselves."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mindtrack.mood.vocabulary import (
    EMOTION_VOCABULARY,
    FRONTEND_EMOTIONS,
    MAX_EMOTION_LENGTH,
    MAX_EMOTIONS,
    custom_emotions,
    normalize_word,
    normalize_words,
)


def emotions(words: list[str]) -> list[str]:
    return normalize_words(
        words, kind="emotion", max_count=MAX_EMOTIONS, max_length=MAX_EMOTION_LENGTH
    )


def test_vocabulary_starts_with_the_frontend_ids_and_has_no_duplicates() -> None:
    assert EMOTION_VOCABULARY[: len(FRONTEND_EMOTIONS)] == FRONTEND_EMOTIONS
    assert len(set(EMOTION_VOCABULARY)) == len(EMOTION_VOCABULARY)
    assert all(normalize_word(word) == word for word in EMOTION_VOCABULARY)
    assert all(len(word) <= MAX_EMOTION_LENGTH for word in EMOTION_VOCABULARY)


def test_normalize_word_trims_collapses_whitespace_and_lower_cases() -> None:
    assert normalize_word("  Feeling \t\n  BLUE\u00a0 ") == "feeling blue"


def test_normalize_words_deduplicates_after_normalising_in_first_seen_order() -> None:
    assert emotions(["Calm", " happy", "CALM ", "happy", "Sad"]) == ["calm", "happy", "sad"]


@pytest.mark.parametrize("word", ["", "   ", "\t\n"])
def test_normalize_words_rejects_an_empty_word(word: str) -> None:
    with pytest.raises(ValueError, match="emotion must not be empty"):
        emotions(["happy", word])


def test_normalize_words_accepts_a_word_of_exactly_the_maximum_length() -> None:
    word = "x" * MAX_EMOTION_LENGTH

    assert emotions([f"  {word.upper()}  "]) == [word]


def test_normalize_words_rejects_a_word_one_character_too_long() -> None:
    with pytest.raises(ValueError, match=f"longer than {MAX_EMOTION_LENGTH} characters"):
        emotions(["x" * (MAX_EMOTION_LENGTH + 1)])


def test_normalize_words_rejects_more_distinct_words_than_allowed() -> None:
    with pytest.raises(ValueError, match=f"at most {MAX_EMOTIONS} emotions"):
        emotions([f"word{i}" for i in range(MAX_EMOTIONS + 1)])


def test_normalize_words_counts_duplicates_once_towards_the_maximum() -> None:
    words = [f"word{i}" for i in range(MAX_EMOTIONS)]

    assert emotions([*words, "WORD0", " word1 "]) == words


def test_normalize_words_names_the_kind_in_its_messages() -> None:
    with pytest.raises(ValueError, match="at most 1 tags"):
        normalize_words(["a", "b"], kind="tag", max_count=1, max_length=5)


def test_custom_emotions_are_the_words_outside_the_vocabulary_in_order() -> None:
    assert custom_emotions(["happy", "homesick", "calm", "feeling blue"]) == [
        "homesick",
        "feeling blue",
    ]


def test_custom_emotions_of_vocabulary_words_only_is_empty() -> None:
    assert custom_emotions(EMOTION_VOCABULARY) == []
    assert custom_emotions([]) == []


WORDS = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet=st.sampled_from("aAbBİß \t\n\u00a0\u2003"), max_size=12),
        st.sampled_from(EMOTION_VOCABULARY).map(str.upper),
    ),
    max_size=20,
)


# Property tests run without a deadline: shared CI machines are slow at times.
@settings(deadline=None)
@given(
    words=WORDS,
    max_count=st.integers(min_value=1, max_value=20),
    max_length=st.integers(min_value=1, max_value=40),
)
@example(words=["Happy", " happy "], max_count=1, max_length=5)
@example(words=["İ" * 3], max_count=1, max_length=3)
def test_normalisation_is_idempotent_bounded_or_rejected_for_a_reason(
    words: list[str], max_count: int, max_length: int
) -> None:
    normalised = [normalize_word(word) for word in words]
    should_reject = (
        any(not word or len(word) > max_length for word in normalised)
        or len(set(normalised)) > max_count
    )

    if should_reject:
        with pytest.raises(ValueError):  # noqa: PT011 - the message depends on the reason
            normalize_words(words, kind="emotion", max_count=max_count, max_length=max_length)
        return

    once = normalize_words(words, kind="emotion", max_count=max_count, max_length=max_length)
    twice = normalize_words(once, kind="emotion", max_count=max_count, max_length=max_length)
    assert twice == once
    assert len(once) <= len(words)
    assert len(once) <= max_count
    assert len(set(once)) == len(once)
    assert all(1 <= len(word) <= max_length for word in once)
    assert set(once) == set(normalised)
