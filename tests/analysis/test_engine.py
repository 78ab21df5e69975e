"""The in-service engine: notes that arrive together are analysed together, off the loop."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator

import pytest

from mindtrack.analysis.engine import AnalysisEngine, load_analyzer
from mindtrack.analysis.exceptions import TextModelsFailedError
from mindtrack.config import MLSettings
from mindtrack.ml.pipeline import TextAnalysis, TextAnalyzer
from tests.conftest import MODELS_DIR


class CountingAnalyzer(TextAnalyzer):
    """The real analyzer, counting how many passes it is asked for."""

    def __init__(self, real: TextAnalyzer) -> None:
        super().__init__(real.encoder, real.sentiment, real.emotions, real.crisis)
        self.batch_sizes: list[int] = []

    def analyze(
        self, notes: list[str], scores: list[int | None] | None = None
    ) -> list[TextAnalysis]:
        self.batch_sizes.append(len(notes))
        return super().analyze(notes, scores)


@pytest.fixture
async def counting() -> AsyncIterator[tuple[AnalysisEngine, CountingAnalyzer]]:
    analyzer = CountingAnalyzer(load_analyzer(MLSettings(models_dir=MODELS_DIR)))
    engine = AnalysisEngine(analyzer, batch_size=16, wait_ms=5)
    await engine.start()
    yield engine, analyzer
    await engine.stop()


async def test_concurrent_notes_share_encoder_passes_and_keep_their_answers(
    counting: tuple[AnalysisEngine, CountingAnalyzer],
) -> None:
    engine, analyzer = counting
    notes = [f"note {i}: {'I want to die' if i % 5 == 0 else 'a calm day'}" for i in range(40)]

    results = await engine.analyze_many(notes)

    assert sum(analyzer.batch_sizes) == 40
    assert len(analyzer.batch_sizes) < 10
    assert max(analyzer.batch_sizes) <= 16
    one_by_one = [analyzer.analyze([note])[0] for note in notes]
    assert [r.crisis.level for r in results] == [r.crisis.level for r in one_by_one]
    assert [r.sentiment.label for r in results] == [r.sentiment.label for r in one_by_one]
    assert results[0].crisis.level == "moderate"


async def test_the_event_loop_keeps_running_while_models_work(
    counting: tuple[AnalysisEngine, CountingAnalyzer],
) -> None:
    engine, _ = counting
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0.001)

    task = asyncio.create_task(ticker())
    started = time.perf_counter()
    await engine.analyze_many(["A long note about a long day at work. " * 40] * 64)
    elapsed = time.perf_counter() - started
    done.set()
    await task

    assert elapsed > 0.05
    assert ticks > 10  # the loop was free while the encoder ran on the model thread


def test_the_analyzer_is_loaded_once_per_process() -> None:
    settings = MLSettings(models_dir=MODELS_DIR)
    assert load_analyzer(settings) is load_analyzer(settings)


def test_the_configured_runtime_runs_the_encoder() -> None:
    served = load_analyzer(MLSettings(models_dir=MODELS_DIR))
    full = load_analyzer(MLSettings(models_dir=MODELS_DIR, runtime="onnxruntime"))
    in_pytorch = load_analyzer(MLSettings(models_dir=MODELS_DIR, runtime="torch"))

    runtimes = (served.encoder.runtime, full.encoder.runtime, in_pytorch.encoder.runtime)
    assert runtimes == ("onnxruntime-int8", "onnxruntime", "torch")
    assert served.versions == full.versions == in_pytorch.versions
    note = ["A calm evening after a hard week."]
    [int8], [graph], [torch] = served.analyze(note), full.analyze(note), in_pytorch.analyze(note)
    assert graph.sentiment.valence == pytest.approx(torch.sentiment.valence, abs=1e-3)
    # int8 weights move the embedding a little, not the reading: over 557 notes valence
    # moves 0.027 on average and under 0.1 for 95 % of them (see the sentiment model card).
    assert int8.sentiment.label == torch.sentiment.label
    assert int8.sentiment.valence == pytest.approx(torch.sentiment.valence, abs=0.15)


class GatedAnalyzer(CountingAnalyzer):
    """Holds its first pass until the test opens the gate, so that notes queue up behind it."""

    def __init__(self, real: TextAnalyzer) -> None:
        super().__init__(real)
        self.gate = threading.Event()

    def analyze(
        self, notes: list[str], scores: list[int | None] | None = None
    ) -> list[TextAnalysis]:
        self.gate.wait(timeout=10)
        return super().analyze(notes, scores)


async def test_notes_that_queued_during_a_pass_all_go_into_the_next_one() -> None:
    analyzer = GatedAnalyzer(load_analyzer(MLSettings(models_dir=MODELS_DIR)))
    engine = AnalysisEngine(analyzer, batch_size=32, wait_ms=0)
    await engine.start()
    try:
        first = asyncio.ensure_future(engine.analyze("the first note"))
        await asyncio.sleep(0.05)  # the first pass is running (held at the gate)
        queued = asyncio.ensure_future(engine.analyze_many([f"note {i}" for i in range(12)]))
        await asyncio.sleep(0.05)
        analyzer.gate.set()
        await asyncio.gather(first, queued)
    finally:
        await engine.stop()

    assert analyzer.batch_sizes == [1, 12]


class FailsOnOneNote(CountingAnalyzer):
    """The real models, failing on any batch that holds one particular note."""

    def __init__(self, real: TextAnalyzer, poison: str) -> None:
        super().__init__(real)
        self.poison = poison

    def analyze(
        self, notes: list[str], scores: list[int | None] | None = None
    ) -> list[TextAnalysis]:
        if self.poison in notes:
            self.batch_sizes.append(len(notes))
            raise ValueError("the models cannot read this note")
        return super().analyze(notes, scores)


async def test_a_note_the_models_fail_on_fails_alone_and_its_batch_is_still_read() -> None:
    analyzer = FailsOnOneNote(load_analyzer(MLSettings(models_dir=MODELS_DIR)), "unreadable")
    engine = AnalysisEngine(analyzer, batch_size=32, wait_ms=50)
    await engine.start()
    try:
        notes = ["A calm day by the sea.", "unreadable", "I want to die."]
        calm, failed, risky = await asyncio.gather(
            *(engine.analyze(note) for note in notes), return_exceptions=True
        )
    finally:
        await engine.stop()

    assert analyzer.batch_sizes == [3, 1, 1, 1]
    assert isinstance(failed, TextModelsFailedError)
    assert isinstance(failed.__cause__, ValueError)
    assert isinstance(calm, TextAnalysis)
    assert calm.crisis.level == "none"
    assert isinstance(risky, TextAnalysis)
    assert risky.crisis.level == "moderate"
