"""Request-scoped dependencies shared by every router.

Dependencies are `async def` even when they do not await: FastAPI runs plain `def`
dependencies in a thread pool, a thread hop per dependency per request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.kit.db import transaction


async def _db_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with transaction(request.app.state.session_factory) as session:
        yield session


# scope="function" commits when the route returns, before the response is sent, so a client
# never sees success for a write that failed to commit.
DbSession = Annotated[AsyncSession, Depends(_db_session, scope="function")]
