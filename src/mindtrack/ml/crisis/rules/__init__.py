"""The rule table: phrasings of risk after the Columbia Suicide Severity Rating Scale (C-SSRS).

Each rule names the C-SSRS idea it stands for and the lowest level it implies; `patterns`
runs them and `excuses` says when a match is not the writer's own present risk. Why each rule
was written is recorded in `models/crisis/CHANGELOG.md`. They are kept by use: wishes and
distress (`wishes`), self-harm (`self_harm`), methods and plans (`means`), medicines as a
means (`medicines`), and intent, preparation and attempts (`acts`); the order below is the
order they are tried in.
"""

from mindtrack.ml.crisis.rules.acts import ACT_RULES
from mindtrack.ml.crisis.rules.base import (
    ACTIVE,
    ATTEMPT,
    DISTRESS,
    HISTORY,
    IDEATION_SIGNALS,
    INTENT,
    METHOD,
    PASSIVE,
    PAST_ATTEMPT,
    PLAN,
    PREPARATION,
    SELF_HARM,
    Rule,
)
from mindtrack.ml.crisis.rules.means import MEANS_RULES
from mindtrack.ml.crisis.rules.medicines import MEDICINE_RULES
from mindtrack.ml.crisis.rules.self_harm import SELF_HARM_RULES
from mindtrack.ml.crisis.rules.wishes import DISTRESS_RULES, WISH_RULES

RULES: tuple[Rule, ...] = (
    *WISH_RULES,
    *SELF_HARM_RULES,
    *MEANS_RULES,
    *MEDICINE_RULES,
    *ACT_RULES,
    *DISTRESS_RULES,
)

__all__ = [
    "ACTIVE",
    "ATTEMPT",
    "DISTRESS",
    "HISTORY",
    "IDEATION_SIGNALS",
    "INTENT",
    "METHOD",
    "PASSIVE",
    "PAST_ATTEMPT",
    "PLAN",
    "PREPARATION",
    "RULES",
    "SELF_HARM",
    "Rule",
]
