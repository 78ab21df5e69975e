"""Signals of suicide and self-harm risk in a note: explainable patterns informed by the
Columbia Suicide Severity Rating Scale, plus a classifier trained on Reddit posts."""

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.model import CrisisModel, CrisisSignal, Evidence
from mindtrack.ml.crisis.patterns import find_signals

__all__ = ["CrisisModel", "CrisisSignal", "Evidence", "RiskLevel", "find_signals"]
