"""The curated crisis-line data shipped with the service."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from mindtrack.crisis.schemas import CrisisResources


@cache
def crisis_resources() -> CrisisResources:
    raw = files("mindtrack.crisis").joinpath("data/resources.json").read_text(encoding="utf-8")
    return CrisisResources.model_validate_json(raw)
