"""The offline companion: a dialogue policy, not a language model.

Each reply is put together from a curated library: a reflection of what the person seems to
feel, a line of validation, at most one evidence-based technique that fits their feelings,
themes and recent moods, and a question that keeps them talking. Phrases are chosen so that
a conversation does not repeat itself. When the crisis signal is moderate or worse, the
reply leads with safety instead: it takes what was said seriously, asks directly about
safety, and offers the person's own safety plan and their country's crisis lines.

Nothing here diagnoses, names a condition, speaks of medication or of any means of harm.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from mindtrack.ml.crisis.levels import RiskLevel

# GoEmotions labels grouped into the feelings a reply reflects.
FAMILIES: dict[str, frozenset[str]] = {
    "sad": frozenset({"sadness", "grief", "disappointment", "remorse"}),
    "anxious": frozenset({"fear", "nervousness"}),
    "angry": frozenset({"anger", "annoyance", "disgust", "disapproval"}),
    "ashamed": frozenset({"embarrassment"}),
    "unsure": frozenset({"confusion"}),
    "good": frozenset(
        {"joy", "gratitude", "pride", "relief", "optimism", "excitement", "love", "amusement", "admiration", "approval", "caring"}
    ),
}  # fmt: skip

REFLECTIONS: dict[str, tuple[str, ...]] = {
    "sad": (
        "It sounds like you're carrying a lot of sadness right now.",
        "That sounds really heavy, and it makes sense that you feel low.",
        "I'm hearing how much this is weighing on you.",
        "It sounds like today has been a hard, sad one.",
    ),
    "anxious": (
        "It sounds like your mind is racing and you feel on edge.",
        "That sounds worrying, and it's understandable to feel anxious about it.",
        "I can hear how tense and uneasy this is making you.",
        "It sounds like a lot of worry is sitting with you right now.",
    ),
    "angry": (
        "It sounds like you're really frustrated, and with good reason.",
        "That sounds maddening; anyone might feel angry in your place.",
        "I can hear how much this has annoyed and upset you.",
        "It sounds like something felt unfair, and that stirred up anger.",
    ),
    "ashamed": (
        "It sounds like you're being hard on yourself about this.",
        "That sounds embarrassing and uncomfortable to sit with.",
        "I hear some shame in what you wrote, and that's a painful feeling.",
    ),
    "unsure": (
        "It sounds like things feel muddled and hard to make sense of.",
        "That sounds confusing, and not knowing what to think is tiring.",
        "I hear that you're not quite sure where you stand with this.",
    ),
    "good": (
        "That sounds genuinely good, and I'm glad you shared it.",
        "It sounds like something went well, and that's worth noticing.",
        "I can hear some lightness in what you wrote.",
        "That sounds like a good moment.",
    ),
    "neutral": (
        "Thank you for telling me about this.",
        "I'm listening.",
        "I hear you.",
        "Thanks for sharing that with me.",
    ),
}

VALIDATIONS: dict[str, tuple[str, ...]] = {
    "hard": (
        "Whatever you're feeling is valid, and you don't have to have it all figured out.",
        "It's okay to feel this way; feelings like these come and go, even when they're strong.",
        "You're not alone in feeling like this, and it's good that you're putting it into words.",
        "Naming how you feel is already a step, even if it doesn't feel like much.",
    ),
    "good": (
        "Moments like this are worth holding on to.",
        "It's good to notice what lifts you.",
        "Days like this can be a useful reminder on harder ones.",
    ),
}


@dataclass(frozen=True, slots=True)
class Technique:
    key: str
    name: str
    suggestions: tuple[str, ...]
    recommendation: str


TECHNIQUES: dict[str, Technique] = {
    t.key: t
    for t in (
        Technique(
            "grounding", "grounding (5-4-3-2-1)",
            (
                "If it helps, try grounding yourself: name 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste.",
                "One thing that can steady a racing mind is to notice your surroundings: five things you see, four you can touch, three sounds, two smells, one taste.",
            ),
            "Ground yourself with 5-4-3-2-1: see, touch, hear, smell, taste",
        ),
        Technique(
            "breathing", "paced breathing",
            (
                "You could try slowing your breathing for a couple of minutes: in for 4 counts, out for 6.",
                "A few slow breaths can take the edge off: breathe in gently for 4, and out for a little longer, about 6.",
            ),
            "Paced breathing: in for 4, out for 6, for two minutes",
        ),
        Technique(
            "activation", "behavioural activation",
            (
                "Sometimes a small step helps before the motivation arrives: is there one small thing you usually enjoy that you could do today, even for ten minutes?",
                "When mood is low, doing one small, doable thing often comes before feeling better. What's one tiny thing you could plan for later today?",
            ),
            "Plan one small, rewarding activity for today",
        ),
        Technique(
            "reframing", "cognitive reframing",
            (
                "If a thought keeps coming back, it can help to ask what you'd say to a friend who had it, and whether there's a kinder, more balanced way to see it.",
                "It might help to write the thought down and look at it like a friend would: what's the evidence for it, and what else might be true?",
            ),
            "Write down one thought and a more balanced way to see it",
        ),
        Technique(
            "sleep", "sleep hygiene",
            (
                "Sleep can affect everything else. A calm, screen-free hour before bed and a steady wake-up time can make a real difference over a few nights.",
                "If sleep has been rough, keeping the same bedtime and wake time, and avoiding caffeine late in the day, are small changes that often help.",
            ),
            "Keep a steady bedtime and a screen-free wind-down hour",
        ),
        Technique(
            "reaching_out", "reaching out",
            (
                "Is there someone you trust you could message or call, even just to say today has been hard?",
                "Sometimes sharing even a little with someone we trust makes things feel less heavy. Who might you reach out to?",
            ),
            "Reach out to someone you trust today",
        ),
        Technique(
            "savouring", "savouring",
            (
                "It might be worth jotting down what made today good, so you can come back to it on harder days.",
                "Try taking a moment to really notice what went well and why; it helps good moments stick.",
            ),
            "Write down three good things from today",
        ),
    )
}  # fmt: skip

# Which techniques fit which feelings and themes, most fitting first.
BY_FAMILY: dict[str, tuple[str, ...]] = {
    "sad": ("activation", "reaching_out", "reframing"),
    "anxious": ("grounding", "breathing", "reframing"),
    "angry": ("breathing", "reframing", "grounding"),
    "ashamed": ("reframing", "reaching_out"),
    "unsure": ("reframing", "grounding"),
    "good": ("savouring",),
    "neutral": (),
}
BY_THEME = {
    "sleep": "sleep",
    "friends": "reaching_out",
    "relationships": "reaching_out",
    "family": "reaching_out",
}

FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "hard": (
        "What do you think has been weighing on you most?",
        "When did you start feeling this way?",
        "What would feel helpful to you right now?",
        "How has the rest of your day been?",
        "Would you like to tell me more about what happened?",
        "What usually helps, even a little, when you feel like this?",
    ),
    "good": (
        "What do you think made the difference today?",
        "How could you bring a bit more of that into the rest of your week?",
        "Who else might you share this with?",
    ),
    "neutral": (
        "How are you feeling about it?",
        "Would you like to tell me more?",
        "What's been on your mind today?",
        "How has your week been going?",
    ),
}

CRISIS_OPENINGS = (
    "Thank you for telling me. What you're describing sounds really painful, and I'm taking it seriously.",
    "I'm really glad you told me this. It sounds like you're going through something very hard, and I want to make sure you're safe.",
    "What you've shared matters, and I'm concerned about you. You don't have to carry this alone.",
    "I hear how much pain you're in right now. I'm here, and your safety matters most.",
)
SAFETY_QUESTIONS = (
    "Are you safe right now? Are you thinking about ending your life or hurting yourself?",
    "Can I ask you directly: are you having thoughts of suicide or of harming yourself right now?",
    "Are you in a safe place at the moment, and do you feel you can keep yourself safe tonight?",
    "Right now, are you thinking of hurting yourself or taking your life?",
)
IMMINENT = "If you are in immediate danger, please call {emergency} now or go to the nearest emergency department."
PLAN_STEP = "Your safety plan has steps for moments like this. You could start with: {step}."


@dataclass(frozen=True, slots=True)
class Message:
    """What the ML library read in the person's message."""

    emotions: Sequence[str]
    sentiment: str  # negative, neutral, positive
    valence: float
    crisis_level: str
    themes: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class MoodContext:
    """The person's recent check-ins, in a few numbers (no notes)."""

    data_points: int
    average: float | None = None
    trend: str | None = None  # improving, declining, stable
    latest: int | None = None


@dataclass(frozen=True, slots=True)
class SafetyContext:
    crisis_lines: str  # whom to call, for the person's country
    emergency: str
    plan_steps: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class Reply:
    content: str
    tone: str  # supportive, calm, warm, encouraging, crisis
    technique: str | None
    mood_aware: bool
    intervention_required: bool
    recommendations: list[str]
    phrases: list[str] = field(default_factory=list)  # library keys used, to vary later replies


def feeling_of(message: Message) -> str:
    for label in message.emotions:
        for family, labels in FAMILIES.items():
            if label in labels:
                return family
    if message.sentiment == "negative" or message.valence < -0.3:
        return "sad"
    if message.sentiment == "positive" and message.valence > 0.3:
        return "good"
    return "neutral"


def reply_to(
    message: Message,
    mood: MoodContext,
    safety: SafetyContext,
    used: Sequence[str] = (),
    recent_techniques: Sequence[str] = (),
    seed: str = "",
) -> Reply:
    """The companion's answer to one message. `used` holds the phrase keys of earlier replies
    in the conversation (fresh ones are preferred), `recent_techniques` the techniques of the
    last replies (not suggested again straight away)."""
    picker = _Picker(used, seed)
    if RiskLevel.parse(message.crisis_level) >= RiskLevel.MODERATE:
        return _crisis_reply(message, mood, safety, picker)
    feeling = feeling_of(message)
    mood_line = _mood_line(mood, feeling, picker)
    technique = _technique(feeling, message.themes, mood, recent_techniques)
    tone_group = "good" if feeling == "good" else "neutral" if feeling == "neutral" else "hard"
    parts = [picker.pick(f"reflect.{feeling}", REFLECTIONS[feeling])]
    if tone_group != "neutral":
        parts.append(picker.pick(f"validate.{tone_group}", VALIDATIONS[tone_group]))
    if mood_line:
        parts.append(mood_line)
    if technique is not None:
        parts.append(picker.pick(f"technique.{technique.key}", technique.suggestions))
    if not parts[-1].endswith("?"):  # one question at a time
        parts.append(picker.pick(f"ask.{tone_group}", FOLLOW_UPS[tone_group]))
    return Reply(
        content=" ".join(parts),
        tone={"good": "warm", "neutral": "supportive", "anxious": "calm"}.get(
            feeling, "supportive"
        ),
        technique=technique.key if technique else None,
        mood_aware=mood.data_points > 0,
        intervention_required=False,
        recommendations=[technique.recommendation] if technique else [],
        phrases=picker.chosen,
    )


def _crisis_reply(
    message: Message, mood: MoodContext, safety: SafetyContext, picker: _Picker
) -> Reply:
    parts = [
        picker.pick("crisis.open", CRISIS_OPENINGS),
        picker.pick("crisis.ask", SAFETY_QUESTIONS),
    ]
    if RiskLevel.parse(message.crisis_level) >= RiskLevel.IMMINENT:
        parts.append(IMMINENT.format(emergency=safety.emergency))
    if safety.plan_steps:
        parts.append(PLAN_STEP.format(step=safety.plan_steps[0]))
    parts.append(safety.crisis_lines)
    recommendations = [safety.crisis_lines]
    if safety.plan_steps:
        recommendations.append(f"Your safety plan: {safety.plan_steps[0]}")
    recommendations.append(TECHNIQUES["reaching_out"].recommendation)
    return Reply(
        content="\n\n".join(parts),
        tone="crisis",
        technique="safety",
        mood_aware=mood.data_points > 0,
        intervention_required=True,
        recommendations=recommendations,
        phrases=picker.chosen,
    )


def _mood_line(mood: MoodContext, feeling: str, picker: _Picker) -> str | None:
    if mood.data_points == 0 or mood.average is None:
        return None
    average = f"{mood.average:.1f}/10"
    if feeling == "good":
        options = (
            f"That's good to hear; your last {mood.data_points} check-ins have averaged about {average}.",
            f"Nice to hear, next to your recent check-ins averaging around {average}.",
        )
        return picker.pick("mood.good", options)
    if mood.trend == "declining":
        options = (
            f"Your recent check-ins have been dipping (averaging {average}), so it makes sense that things feel harder.",
            f"Looking at your last {mood.data_points} check-ins, your mood has been sliding a little, around {average} on average.",
        )
    elif mood.trend == "improving":
        options = (
            f"Your recent check-ins have been trending up (averaging {average}), which is worth noticing even on a harder day.",
            f"Over your last {mood.data_points} check-ins your mood has been rising, around {average} on average.",
        )
    else:
        options = (
            f"Across your last {mood.data_points} check-ins your mood has averaged about {average}.",
            f"Your recent check-ins have been fairly steady, around {average}.",
        )
    return picker.pick("mood", options)


def _technique(
    feeling: str, themes: Sequence[str], mood: MoodContext, recent: Sequence[str]
) -> Technique | None:
    candidates = [BY_THEME[t] for t in themes if t in BY_THEME] + list(BY_FAMILY[feeling])
    if feeling != "good" and mood.trend == "declining":
        candidates.append("activation")
    for key in dict.fromkeys(candidates):
        if key not in recent:
            return TECHNIQUES[key]
    return None


class _Picker:
    """Chooses phrases that this conversation has not used yet, in an order that differs
    between conversations but is the same for the same seed (so replies are reproducible)."""

    def __init__(self, used: Sequence[str], seed: str) -> None:
        self.used = set(used)
        self.seed = seed
        self.chosen: list[str] = []

    def pick(self, group: str, options: Sequence[str]) -> str:
        keys = [f"{group}.{i}" for i in range(len(options))]
        order = sorted(range(len(options)), key=lambda i: _hash(f"{self.seed}|{keys[i]}"))
        fresh = [i for i in order if keys[i] not in self.used]
        index = (fresh or order)[0]
        if not fresh:  # every variant used: start over, but never repeat the latest one
            index = order[(len(self.used) + 1) % len(order)]
        self.chosen.append(keys[index])
        return options[index]


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
