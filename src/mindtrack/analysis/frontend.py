"""The analysis in the flat shape the web frontend's mood form reads (contract §4.1)."""

from __future__ import annotations

from typing import Literal

from mindtrack.analysis.schemas import CheckinAnalysisRead
from mindtrack.ml.crisis.levels import RiskLevel

# The frontend colours "medium" and "high"; everything else shows green.
Sentiment = Literal["positive", "negative", "neutral"]
Energy = Literal["high", "moderate", "low"]
FrontendRisk = Literal["low", "medium", "high"]

FRONTEND_RISK: dict[str, FrontendRisk] = {
    "none": "low",
    "low": "low",
    "moderate": "medium",
    "high": "high",
    "imminent": "high",
}
RISK_INDICATORS = {
    "passive_ideation": "Thoughts of not wanting to be alive",
    "active_ideation": "Thoughts of suicide",
    "self_harm": "Self-harm",
    "method": "A way of ending your life was mentioned",
    "plan": "A plan was mentioned",
    "intent": "Intent or a time frame was mentioned",
    "preparatory_acts": "Preparations were mentioned",
    "attempt": "Possible attempt",
    "past_attempt": "Past suicide attempt",
    "history": "Past self-harm or suicidal thoughts",
    "hopelessness": "Hopelessness",
    "model": "Words that often go with risk",
}
VERY_LOW_SCORE = 2


def risk_indicators(analysis: CheckinAnalysisRead | None, score: int) -> list[str]:
    indicators: list[str] = []
    if score <= VERY_LOW_SCORE:
        indicators.append("Very low mood score")
    for evidence in analysis.crisis.evidence if analysis else []:
        text = RISK_INDICATORS.get(evidence.signal, "Risk language")
        if text not in indicators:
            indicators.append(text)
    return indicators


def sentiment_from_score(score: int) -> tuple[Sentiment, float]:
    """Without a note the score is the only signal, so the confidence stays modest."""
    if score <= 3:
        return "negative", 0.6
    if score >= 7:
        return "positive", 0.6
    return "neutral", 0.5


def energy_from(analysis: CheckinAnalysisRead | None, energy: int | None, score: int) -> Energy:
    if energy is not None:
        return "low" if energy <= 3 else "high" if energy >= 7 else "moderate"
    if analysis is not None:
        return analysis.energy
    return "low" if score <= 2 else "high" if score >= 9 else "moderate"


def risk_level(analysis: CheckinAnalysisRead | None) -> RiskLevel:
    return RiskLevel.parse(analysis.crisis.level) if analysis else RiskLevel.NONE
