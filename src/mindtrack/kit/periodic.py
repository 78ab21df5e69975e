"""A coroutine run every few seconds in the serving process, until shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger("mindtrack.jobs")


class Periodic:
    def __init__(self, name: str, seconds: float, job: Callable[[], Awaitable[object]]) -> None:
        self.name = name
        self.seconds = seconds
        self.job = job
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            try:
                await self.job()
            except Exception:  # one failed round (a database outage) must not end the job
                log.exception("periodic job failed", job=self.name)
            await asyncio.sleep(self.seconds)
