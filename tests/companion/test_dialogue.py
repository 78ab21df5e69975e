"""The offline dialogue policy on its own: safety first, reflection, technique choice,
variety, and a library that never speaks of methods, diagnoses or medication."""

from __future__ import annotations

import itertools

from mindtrack.companion import dialogue
from mindtrack.companion.dialogue import Message, MoodContext, SafetyContext, feeling_of, reply_to
from mindtrack.companion.safety import unsafe_content

SAFETY = SafetyContext(
    crisis_lines="Call 988 (988 Suicide & Crisis Lifeline) now. If you are in danger, call 911.",
    emergency="911",
    plan_steps=["listen to my calm playlist", "reach out to Sam (sister)"],
)
NO_HISTORY = MoodContext(data_points=0)


def message(
    *emotions: str, level: str = "none", sentiment: str = "negative", themes: tuple[str, ...] = ()
) -> Message:
    valence = {"negative": -0.7, "neutral": 0.0, "positive": 0.7}[sentiment]
    return Message(emotions, sentiment, valence, level, themes)


def test_a_risky_message_gets_a_reply_that_leads_with_safety() -> None:
    reply = reply_to(message("sadness", level="high"), NO_HISTORY, SAFETY)
    assert reply.intervention_required
    assert reply.technique == "safety"
    _first, question, *_rest = reply.content.split("\n\n")
    assert question.endswith("?")
    assert any(word in question for word in ("safe", "suicide", "hurting", "harming"))
    assert "listen to my calm playlist" in reply.content  # their own plan
    assert "988" in reply.content
    assert reply.recommendations[0] == SAFETY.crisis_lines
    imminent = reply_to(message(level="imminent"), NO_HISTORY, SAFETY)
    assert "call 911 now" in imminent.content


def test_moderate_is_enough_and_low_is_not() -> None:
    assert reply_to(message("fear", level="moderate"), NO_HISTORY, SAFETY).intervention_required
    low = reply_to(message("fear", level="low"), NO_HISTORY, SAFETY)
    assert not low.intervention_required
    assert "988" not in low.content


def test_replies_reflect_the_feeling_and_fit_a_technique() -> None:
    anxious = reply_to(message("nervousness"), NO_HISTORY, SAFETY)
    assert any(anxious.content.startswith(r) for r in dialogue.REFLECTIONS["anxious"])
    assert anxious.technique in {"grounding", "breathing"}
    assert anxious.content.endswith("?")
    sleepy = reply_to(message("sadness", themes=("sleep",)), NO_HISTORY, SAFETY)
    assert sleepy.technique == "sleep"
    good = reply_to(message("joy", sentiment="positive"), NO_HISTORY, SAFETY)
    assert (feeling_of(message("joy", sentiment="positive")), good.technique, good.tone) == (
        "good",
        "savouring",
        "warm",
    )
    assert feeling_of(message(sentiment="neutral")) == "neutral"


def test_recent_moods_shape_the_reply_when_there_are_some() -> None:
    mood = MoodContext(data_points=6, average=3.8, trend="declining", latest=3)
    reply = reply_to(message("sadness"), mood, SAFETY)
    assert reply.mood_aware
    assert "3.8/10" in reply.content
    assert not reply_to(message("sadness"), NO_HISTORY, SAFETY).mood_aware


def test_a_conversation_does_not_repeat_itself() -> None:
    used: list[str] = []
    techniques: list[str] = []
    replies = []
    for turn in range(10):
        reply = reply_to(
            message("sadness"), NO_HISTORY, SAFETY, used, techniques[-2:], seed=f"c|{turn}"
        )
        used += reply.phrases
        techniques.append(reply.technique or "")
        replies.append(reply.content)
    assert all(a != b for a, b in itertools.pairwise(replies))
    assert len(set(replies)) >= 8
    assert techniques[0] != techniques[1]  # a technique is not pressed twice in a row


def test_the_library_never_speaks_of_methods_diagnoses_or_medication() -> None:
    texts = [
        *(p for options in dialogue.REFLECTIONS.values() for p in options),
        *(p for options in dialogue.VALIDATIONS.values() for p in options),
        *(p for options in dialogue.FOLLOW_UPS.values() for p in options),
        *(s for t in dialogue.TECHNIQUES.values() for s in (*t.suggestions, t.recommendation)),
        *dialogue.CRISIS_OPENINGS, *dialogue.SAFETY_QUESTIONS, dialogue.IMMINENT, dialogue.PLAN_STEP,
    ]  # fmt: skip
    for text in texts:
        assert unsafe_content(text) == [], text


def test_the_content_check_catches_what_a_reply_must_never_say() -> None:
    assert unsafe_content("An overdose of pills would be lethal") == ["method"]
    assert unsafe_content("It sounds like you have clinical depression") == ["diagnosis"]
    assert unsafe_content("Try doubling your sertraline to 100 mg") == ["medication"]
    assert unsafe_content("Jumping off a bridge is not the answer") == ["method"]
    assert unsafe_content("Let's try slowing your breathing together") == []
