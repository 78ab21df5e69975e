"""What a companion reply must never contain, whichever engine wrote it: information about
means of harm, a diagnosis, or advice about medication."""

from __future__ import annotations

import re

UNSAFE: dict[str, re.Pattern[str]] = {
    "method": re.compile(
        r"\b(overdos\w*|lethal|pills?|tablets?|rope|noose|hang(ing)?\s+(yourself|myself)|"
        r"guns?|firearms?|bullets?|jump(ing)?\s+(off|from)|bridge|cut(ting)?\s+(your|my)\s+wrists?|"
        r"razors?|blades?|poison\w*|carbon monoxide|how\s+to\s+(kill|die|end))\b",
        re.IGNORECASE,
    ),
    "diagnosis": re.compile(
        r"\b(diagnos\w*|disorder|you\s+(have|suffer\s+from|are)\s+(clinical(ly)?\s+)?"
        r"(depress\w*|bipolar|ptsd|ocd|adhd|schizophreni\w*|anxiety)|bipolar|psychotic|"
        r"schizophreni\w*)\b",
        re.IGNORECASE,
    ),
    "medication": re.compile(
        r"\b(medication|medicine|meds|antidepressants?|ssris?|sertraline|fluoxetine|"
        r"benzodiazepines?|xanax|prozac|dosage|doses?|\d+\s?mg|prescri\w+)\b",
        re.IGNORECASE,
    ),
}


def unsafe_content(text: str) -> list[str]:
    """The kinds of unsafe content in `text` (method, diagnosis, medication); empty if none."""
    return [kind for kind, pattern in UNSAFE.items() if pattern.search(text)]
