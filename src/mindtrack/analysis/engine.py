"""The text models inside the service: loaded once, shared, and fed in micro-batches.

Inference runs on one dedicated thread, so the event loop never waits on the encoder. Notes
that arrive while a batch is running all go into the next one: under load the encoder works
on many notes per pass, which costs far less per note than one pass each.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import structlog

from mindtrack.analysis.exceptions import TextModelsFailedError
from mindtrack.config import MLSettings
from mindtrack.ml.encoder import Runtime
from mindtrack.ml.pipeline import TextAnalysis, TextAnalyzer

log = structlog.get_logger("mindtrack.analysis")

_loaded: dict[tuple[Path, str, Runtime], TextAnalyzer] = {}
_loading = threading.Lock()


def load_analyzer(settings: MLSettings) -> TextAnalyzer:
    """The analyzer for these settings, loaded once per process (app restarts and tests reuse
    it). Raises ModelFileError or EncoderUnavailableError with a message for operators."""
    key = (settings.models_dir.resolve(), settings.encoder, settings.runtime)
    with _loading:
        if key not in _loaded:
            _loaded[key] = TextAnalyzer.load(
                settings.models_dir, settings.encoder, settings.runtime
            )
            analyzer = _loaded[key]
            log.info(
                "text models loaded",
                seconds=analyzer.load_seconds,
                **analyzer.versions.as_dict(),
            )
        return _loaded[key]


@dataclass
class _Request:
    text: str
    score: int | None
    future: asyncio.Future[TextAnalysis]


class AnalysisEngine:
    def __init__(self, analyzer: TextAnalyzer, batch_size: int = 32, wait_ms: float = 2.0) -> None:
        self.analyzer = analyzer
        self.batch_size = batch_size
        self.wait = wait_ms / 1000
        self._queue: asyncio.Queue[_Request] = asyncio.Queue()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="text-models")
        self._worker: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._worker = asyncio.create_task(self._run(), name="text-model-batches")

    async def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
        self._executor.shutdown(wait=True)

    async def analyze(self, text: str, score: int | None = None) -> TextAnalysis:
        future: asyncio.Future[TextAnalysis] = asyncio.get_running_loop().create_future()
        await self._queue.put(_Request(text, score, future))
        return await future

    async def analyze_many(self, texts: list[str]) -> list[TextAnalysis]:
        return list(await asyncio.gather(*(self.analyze(t) for t in texts)))

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self._queue.get()]
            await self._fill(loop, batch, deadline=loop.time() + self.wait)
            await self._process(loop, batch)

    async def _fill(
        self, loop: asyncio.AbstractEventLoop, batch: list[_Request], deadline: float
    ) -> None:
        """Everything already waiting joins the batch; then, until the deadline, newcomers."""
        while len(batch) < self.batch_size:
            if not self._queue.empty():
                batch.append(self._queue.get_nowait())
                continue
            timeout = deadline - loop.time()
            if timeout <= 0:
                return
            try:
                # Not wait_for, which can swallow a cancel on Python 3.11 (see DeliveryWorker).
                async with asyncio.timeout(timeout):
                    batch.append(await self._queue.get())
            except TimeoutError:
                return

    async def _process(self, loop: asyncio.AbstractEventLoop, batch: list[_Request]) -> None:
        texts, scores = [r.text for r in batch], [r.score for r in batch]
        results = await loop.run_in_executor(
            self._executor, read_each, self.analyzer, texts, scores
        )
        for request, result in zip(batch, results, strict=True):
            if request.future.done():
                continue
            if isinstance(result, TextModelsFailedError):
                request.future.set_exception(result)
            else:
                request.future.set_result(result)


def read_each(
    analyzer: TextAnalyzer, notes: list[str], scores: list[int | None]
) -> Sequence[TextAnalysis | TextModelsFailedError]:
    """One analysis per note, in order. If the models fail on the batch, each note is read
    alone, so that only the notes they fail on go without (the error, logged without the
    note, stands in for their analysis)."""
    try:
        return analyzer.analyze(notes, scores)
    except Exception as exc:
        if len(notes) > 1:
            return [
                read_each(analyzer, [note], [score])[0]
                for note, score in zip(notes, scores, strict=True)
            ]
        log.error("text models failed on a note", error=type(exc).__name__)
        failed = TextModelsFailedError()
        failed.__cause__ = exc
        return [failed]
