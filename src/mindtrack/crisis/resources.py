"""The curated crisis-line data shipped with the service."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import phonenumbers

from mindtrack.crisis.schemas import (
    CountryCrisisResources,
    CrisisCatalogue,
    CrisisResource,
    CrisisResources,
)

# The web frontend's crisis page was written for the United States.
FRONTEND_COUNTRY = "US"
# Language codes (ISO 639-1) of the languages the curated lines name.
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "nl": "Dutch",
    "ga": "Irish", "mi": "Māori", "hi": "Hindi", "cr": "Cree", "oj": "Ojibway",
    "iu": "Inuktitut",
}  # fmt: skip


@cache
def catalogue() -> CrisisCatalogue:
    raw = files("mindtrack.crisis").joinpath("data/resources.json").read_text(encoding="utf-8")
    return CrisisCatalogue.model_validate_json(raw)


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code of a country or territory with its own phone numbering."""
    return code in phonenumbers.SUPPORTED_REGIONS


def crisis_resources() -> CrisisResources:
    """What the web frontend's crisis page shows."""
    lines = catalogue().countries[FRONTEND_COUNTRY]
    return CrisisResources(
        immediate_help=lines.immediate_help,
        specialized_support=lines.specialized_support,
        safety_planning=catalogue().safety_planning,
    )


def resources_for(country: str, language: str | None) -> CountryCrisisResources:
    """Lines for `country` (a valid code), those offering `language` first in each section."""
    data = catalogue()
    lines = data.countries.get(country)
    spoken = LANGUAGE_NAMES.get(language.split("-")[0]) if language else None
    return CountryCrisisResources(
        country=country,
        country_name=lines.name if lines else None,
        covered=lines is not None,
        emergency_number=lines.emergency if lines else None,
        checked_on=lines.checked_on if lines else None,
        language=language,
        immediate_help=_language_first(lines.immediate_help, spoken) if lines else [],
        specialized_support=_language_first(lines.specialized_support, spoken) if lines else [],
        safety_planning=data.safety_planning,
        directories=data.directories,
    )


def _language_first(resources: list[CrisisResource], language: str | None) -> list[CrisisResource]:
    # A line in another language is still help: reorder, never drop.
    return sorted(resources, key=lambda r: language is not None and language not in r.languages)
