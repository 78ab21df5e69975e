"""The curated library of coping strategies, and how one is chosen for a person.

Every strategy is a self-help step with a public, reputable source. None is a treatment,
a diagnosis or advice about medication; at a time of crisis the safety plan and crisis lines
come first and nothing here replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Need(StrEnum):
    """What a person's figures say they could use help with now."""

    CRISIS = "crisis"  # an open crisis incident
    LOW_MOOD = "low_mood"  # recent days well below the scale's middle, or a falling trend
    SHARP_DROP = "sharp_drop"  # an unusual day lately, against their own baseline
    ANXIETY = "anxiety"  # anxious, stressed or nervous feelings named or read lately
    LOW_ENERGY = "low_energy"
    SLEEP = "sleep"  # sleep goes with their mood, or sleep is a recurring theme
    ISOLATION = "isolation"  # lonely, or relationships as a recurring theme
    RUMINATION = "rumination"  # worry as a recurring feeling
    HELPFUL_ACTIVITY = "helpful_activity"  # an activity that significantly goes with better mood
    GOING_WELL = "going_well"


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Strategy:
    key: str
    title: str
    technique: str
    text: str
    needs: frozenset[Need]
    source: Source


NHS_BREATHING = Source(
    "NHS: Breathing exercises for stress",
    "https://www.nhs.uk/mental-health/self-help/guides-tools-and-activities/breathing-exercises-for-stress/",
)

STRATEGIES: tuple[Strategy, ...] = (
    Strategy(
        key="safety-plan",
        title="Use your safety plan",
        technique="safety planning",
        text="Open your safety plan and take its first step now; if you are in danger, call "
        "your local emergency number.",
        needs=frozenset({Need.CRISIS}),
        source=Source(
            "Stanley & Brown (2012), Safety Planning Intervention, Cognitive and Behavioral "
            "Practice 19(2)",
            "https://doi.org/10.1016/j.cbpra.2011.01.001",
        ),
    ),
    Strategy(
        key="reach-out",
        title="Reach out to someone",
        technique="social connection",
        text="Send a message or call one person you feel comfortable with today, even briefly.",
        needs=frozenset({Need.CRISIS, Need.ISOLATION, Need.SHARP_DROP, Need.LOW_MOOD}),
        source=Source(
            "NHS: 5 steps to mental wellbeing (connect with other people)",
            "https://www.nhs.uk/mental-health/self-help/guides-tools-and-activities/five-steps-to-mental-wellbeing/",
        ),
    ),
    Strategy(
        key="activity-scheduling",
        title="Plan one small, rewarding activity",
        technique="behavioural activation",
        text="Pick one small thing you used to enjoy or that matters to you, and put it in "
        "your day at a set time; doing it comes before feeling like it.",
        needs=frozenset({Need.LOW_MOOD, Need.LOW_ENERGY}),
        source=Source(
            "Ekers et al. (2014), Behavioural activation for depression: an update of "
            "meta-analysis, PLoS ONE 9(6): e100100",
            "https://doi.org/10.1371/journal.pone.0100100",
        ),
    ),
    Strategy(
        key="paced-breathing",
        title="Slow your breathing",
        technique="paced breathing",
        text="Breathe in gently for 4 counts and out for 6, for two to five minutes.",
        needs=frozenset({Need.ANXIETY, Need.SHARP_DROP}),
        source=NHS_BREATHING,
    ),
    Strategy(
        key="grounding-54321",
        title="Ground yourself with your senses",
        technique="grounding",
        text="Name 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell "
        "and 1 you can taste.",
        needs=frozenset({Need.ANXIETY, Need.CRISIS, Need.SHARP_DROP}),
        source=Source(
            "University of Rochester Medical Center: 5-4-3-2-1 coping technique for anxiety",
            "https://www.urmc.rochester.edu/behavioral-health-partners/bhp-blog/april-2018/5-4-3-2-1-coping-technique-for-anxiety",
        ),
    ),
    Strategy(
        key="sleep-routine",
        title="Keep a steady sleep routine",
        technique="sleep hygiene",
        text="Go to bed and get up at the same times, keep the last hour before bed calm and "
        "screen-free, and avoid caffeine late in the day.",
        needs=frozenset({Need.SLEEP}),
        source=Source(
            "NHS: How to get to sleep",
            "https://www.nhs.uk/live-well/sleep-and-tiredness/how-to-get-to-sleep/",
        ),
    ),
    Strategy(
        key="move-daylight",
        title="Move a little, outside if you can",
        technique="physical activity",
        text="A brisk ten-minute walk, in daylight if possible, is a small step that often "
        "lifts mood and energy.",
        needs=frozenset({Need.LOW_ENERGY, Need.LOW_MOOD}),
        source=Source(
            "Singh et al. (2023), Effectiveness of physical activity interventions for "
            "improving depression, anxiety and distress, Br J Sports Med 57",
            "https://doi.org/10.1136/bjsports-2022-106195",
        ),
    ),
    Strategy(
        key="reframe-thought",
        title="Look at a thought from another side",
        technique="cognitive reframing",
        text="Write down a thought that keeps coming back, then what you would say to a "
        "friend who had it, and a more balanced way to put it.",
        needs=frozenset({Need.LOW_MOOD, Need.RUMINATION}),
        source=Source(
            "NHS Every Mind Matters: Reframing unhelpful thoughts",
            "https://www.nhs.uk/every-mind-matters/mental-wellbeing-tips/self-help-cbt-techniques/reframing-unhelpful-thoughts/",
        ),
    ),
    Strategy(
        key="worry-time",
        title="Give worries a set time",
        technique="worry postponement",
        text="Set aside 15 minutes at the same time each day for worries; when one comes "
        "earlier, note it down and leave it for then.",
        needs=frozenset({Need.RUMINATION, Need.ANXIETY}),
        source=Source(
            "Borkovec et al. (1983), Stimulus control applications to the treatment of worry, "
            "Behaviour Research and Therapy 21(3)",
            "https://doi.org/10.1016/0005-7967(83)90206-1",
        ),
    ),
    Strategy(
        key="three-good-things",
        title="Note three good things",
        technique="savouring",
        text="Before bed, write down three things that went well today and why, so you can "
        "come back to what helps on harder days.",
        needs=frozenset({Need.GOING_WELL}),
        source=Source(
            "Seligman et al. (2005), Positive psychology progress, American Psychologist 60(5)",
            "https://doi.org/10.1037/0003-066X.60.5.410",
        ),
    ),
)
BY_KEY = {strategy.key: strategy for strategy in STRATEGIES}
# Most pressing first: the order in which a person's needs are served.
PRIORITY = tuple(Need)


def strategies_for(needs: set[Need], limit: int = 3) -> list[Strategy]:
    """The strategies that serve the most pressing of `needs`, each at most once."""
    chosen: list[Strategy] = []
    for need in PRIORITY:
        if need not in needs:
            continue
        for strategy in STRATEGIES:
            if need in strategy.needs and strategy not in chosen:
                chosen.append(strategy)
                break
    for need in PRIORITY:  # a second strategy for the most pressing needs, if room is left
        for strategy in STRATEGIES:
            if need in needs and need in strategy.needs and strategy not in chosen:
                chosen.append(strategy)
                break
    return chosen[:limit]
