from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Depends

from mindtrack.auth.dependencies import CurrentPrincipal
from mindtrack.models import ConsentPurpose
from mindtrack.privacy.consents import require


def requires_consent(*purposes: ConsentPurpose) -> Any:
    """A route dependency that refuses (403 consent-withdrawn) unless the person has given
    every one of `purposes`: a withdrawal takes effect on the next request."""

    async def check(principal: CurrentPrincipal) -> None:
        require(principal.user, *purposes)

    checker: Callable[..., Awaitable[None]] = check
    return Depends(checker)


RECORDING_HEALTH_DATA = requires_consent(ConsentPurpose.HEALTH_DATA)
AI_READS_WHAT_YOU_WRITE = requires_consent(ConsentPurpose.HEALTH_DATA, ConsentPurpose.AI_ANALYSIS)
