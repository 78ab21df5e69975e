from __future__ import annotations

from enum import IntEnum


class RiskLevel(IntEnum):
    NONE = 0
    LOW = 1
    MODERATE = 2
    HIGH = 3
    IMMINENT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> RiskLevel:
        return cls[value.upper()]

    @property
    def band(self) -> tuple[float, float]:
        """The part of the 0–1 score scale that belongs to this level."""
        return self.value / 5, (self.value + 1) / 5
