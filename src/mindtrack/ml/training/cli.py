"""`mindtrack ml …`: train, evaluate and try the text models."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from mindtrack.config import MLSettings
    from mindtrack.ml.pipeline import TextAnalyzer

ml_app = typer.Typer(
    help="Train, evaluate and try the models: text (sentiment, emotions, crisis risk) and mood "
    "forecasts.",
    no_args_is_help=True,
)

DataOption = Annotated[Path, typer.Option("--data", help="Folder with the training datasets.")]
ModelsOption = Annotated[
    Path | None,
    typer.Option("--models", help="Model folder (default: MINDTRACK_ML__MODELS_DIR or ./models)."),
]


class Trainable(StrEnum):
    encoder = "encoder"
    sentiment = "sentiment"
    emotions = "emotions"
    crisis = "crisis"
    all = "all"


class TrainingDevice(StrEnum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Task(StrEnum):
    sentiment = "sentiment"
    emotions = "emotions"
    crisis = "crisis"


def _ml_settings() -> MLSettings:
    from mindtrack.cli import _settings

    return _settings().ml


def _analyzer(models: Path | None) -> TextAnalyzer:
    from mindtrack.ml.artefacts import ModelFileError
    from mindtrack.ml.encoder import EncoderUnavailableError
    from mindtrack.ml.pipeline import TextAnalyzer

    settings = _ml_settings()
    try:
        return TextAnalyzer.load(models or settings.models_dir, settings.encoder, settings.runtime)
    except (ModelFileError, EncoderUnavailableError) as exc:
        typer.secho(f"Cannot load the models: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc


@ml_app.command()
def train(
    what: Annotated[Trainable, typer.Argument(help="What to train; `all` runs them in order.")],
    data: DataOption = Path("../shared/datasets"),
    models: ModelsOption = None,
    epochs: Annotated[int, typer.Option(help="Encoder fine-tuning epochs.")] = 2,
    limit: Annotated[int | None, typer.Option(help="Rows per corpus, for a quick trial.")] = None,
    journal: Annotated[Path, typer.Option(help="Labelled journal-style notes (crisis).")] = Path(
        "eval/crisis-journal"
    ),
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    sst2_per_epoch: Annotated[
        int, typer.Option(help="Encoder: SST-2 phrases a pass (0: all of them).")
    ] = 20_000,
    sst2_held_out: Annotated[
        int, typer.Option(help="Encoder: SST-2 phrases set aside for `evaluate --selection`.")
    ] = 0,
    name_pairing: Annotated[
        float, typer.Option(help="Encoder: weight of the same-comment-other-names loss (0: off).")
    ] = 0.0,
    sentiment_pairing: Annotated[
        float,
        typer.Option(
            help="Encoder: weight of the same loss on the sentiment head's probabilities (0: off)."
        ),
    ] = 0.0,
    emotion_passes: Annotated[
        int, typer.Option(help="Encoder: passes over GoEmotions per epoch.", min=1)
    ] = 1,
    length_buckets: Annotated[
        bool,
        typer.Option(help="Encoder: batch texts of similar length together (faster on a CPU)."),
    ] = False,
    device: Annotated[
        TrainingDevice, typer.Option(help="Encoder: where to train (auto: a CUDA GPU if any).")
    ] = TrainingDevice.auto,
) -> None:
    """Reproduce a model from the datasets. `encoder` fine-tunes the shared LoRA adapter (long:
    resumable, rerun to continue); the others calibrate their head on it in minutes."""
    from tqdm import tqdm

    from mindtrack.ml.training import heads
    from mindtrack.ml.training.finetune import FinetuneConfig, finetune

    settings = _ml_settings()
    encoder, models_dir = settings.encoder, models or settings.models_dir
    work = heads.Workspace(data, models_dir, encoder, journal, settings.runtime)
    steps = [t for t in Trainable if t is not Trainable.all] if what is Trainable.all else [what]
    for step in steps:
        if step is Trainable.encoder:
            config = FinetuneConfig(
                encoder=encoder,
                epochs=epochs,
                limit=limit,
                seed=seed,
                sst2_per_epoch=sst2_per_epoch or None,
                sst2_held_out=sst2_held_out,
                name_pairing=name_pairing,
                sentiment_pairing=sentiment_pairing,
                emotion_passes=emotion_passes,
                length_buckets=length_buckets,
            )
            summary = finetune(
                data,
                models_dir / "encoder",
                config,
                progress_bar=lambda total, done: tqdm(total=total, initial=done, desc="encoder"),
                device=_training_device(device),
            )
            typer.echo(f"encoder: {summary['steps']} steps, losses {summary['final_losses']}")
        else:
            trainer = {"sentiment": heads.train_sentiment, "emotions": heads.train_emotions}
            if step is Trainable.crisis:
                heads.train_crisis(work, typer.echo, seed=seed)
            else:
                trainer[step.value](work, typer.echo)


def _training_device(wanted: TrainingDevice) -> str:
    import torch

    if wanted is TrainingDevice.auto:
        return "cuda" if torch.cuda.is_available() else "cpu"
    if wanted is TrainingDevice.cuda and not torch.cuda.is_available():
        raise typer.BadParameter("no CUDA GPU is available here", param_hint="--device")
    return wanted.value


class Evaluated(StrEnum):
    text = "text"
    forecast = "forecast"
    companion = "companion"
    notes = "notes"


@ml_app.command()
def evaluate(
    what: Annotated[
        Evaluated,
        typer.Argument(
            help="`text`: the text models' targets; `forecast`: mood forecasts; `companion`: "
            "the scripted conversations with the companion; `notes`: the crisis detector over "
            "a file of labelled notes (`--notes`)."
        ),
    ] = Evaluated.text,
    data: DataOption = Path("../shared/datasets"),
    models: ModelsOption = None,
    journal: Annotated[Path, typer.Option(help="Labelled journal-style notes (crisis).")] = Path(
        "eval/crisis-journal"
    ),
    json_output: Annotated[
        Path | None, typer.Option("--json", help="Also write the results here as JSON.")
    ] = None,
    conversations: Annotated[Path, typer.Option(help="Scripted conversations (companion).")] = Path(
        "eval/companion/conversations.jsonl"
    ),
    notes: Annotated[
        Path,
        typer.Option(
            help="Labelled notes, JSON Lines in the journal's format (`notes`); each note the "
            "detector gets wrong is listed, so keep held-out tests for `text`."
        ),
    ] = Path("eval/crisis-journal/dev.jsonl"),
    selection: Annotated[
        bool,
        typer.Option(
            "--selection",
            help="Print instead the figures for choosing between training runs, on data that "
            "no target is measured on.",
        ),
    ] = False,
) -> None:
    """Print every target with its held-out score and 95 % interval; or, for `forecast`,
    rolling-origin backtests of the mood forecaster over the shared mood diaries; or, for
    `companion`, the checks of every reply in the scripted conversations (exit status 1 when
    one fails); or, for `notes`, the crisis detector over your own labelled notes, with each
    note it gets wrong."""
    if what is Evaluated.companion:
        from mindtrack.ml.training.companion_eval import (
            as_json,
            evaluate_companion,
            render_companion,
        )

        outcome = evaluate_companion(_analyzer(models), conversations)
        typer.echo(render_companion(outcome))
        if json_output is not None:
            json_output.write_text(json.dumps(as_json(outcome), indent=2) + "\n")
        raise typer.Exit(0 if outcome.passed else 1)
    if what is Evaluated.forecast:
        from mindtrack.ml.training.forecast_eval import evaluate_forecasts, render_forecast

        figures = evaluate_forecasts(data)
        typer.echo(render_forecast(figures))
        if json_output is not None:
            json_output.write_text(json.dumps([asdict(f) for f in figures], indent=2) + "\n")
        return
    if what is Evaluated.notes:
        from mindtrack.ml.training.evaluate import evaluate_notes, render_notes

        scores, mistakes = evaluate_notes(_analyzer(models), notes)
        typer.echo(render_notes(scores, mistakes))
        if json_output is not None:
            report = {**scores, "mistakes": [asdict(m) for m in mistakes]}
            json_output.write_text(json.dumps(report, indent=2) + "\n")
        return
    from mindtrack.ml.training.evaluate import evaluate_all, evaluate_selection, render

    score = evaluate_selection if selection else evaluate_all
    results = score(_analyzer(models), data, journal)
    typer.echo(render(results))
    if json_output is not None:
        json_output.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")


@ml_app.command()
def analyze(
    text: Annotated[str, typer.Argument(help="The note to analyse.")],
    models: ModelsOption = None,
) -> None:
    """Analyse one note and print the result as JSON."""
    analysis = _analyzer(models).analyze([text])[0]
    typer.echo(json.dumps(asdict(analysis), indent=2, ensure_ascii=False))


@ml_app.command()
def predict(
    task: Annotated[Task, typer.Argument(help="Which model.")],
    input: Annotated[Path, typer.Option("--input", help="One text per line; - for stdin.")],
    output: Annotated[Path | None, typer.Option(help="JSON lines (default: stdout).")] = None,
    models: ModelsOption = None,
    batch: Annotated[int, typer.Option(help="Lines per batch.")] = 256,
) -> None:
    """Score a file: one JSON object per input line, in input order."""
    analyzer = _analyzer(models)
    source = sys.stdin.read() if str(input) == "-" else input.read_text(encoding="utf-8")
    lines = source.splitlines()
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for start in range(0, len(lines), batch):
            for analysis in analyzer.analyze(lines[start : start + batch]):
                sink.write(json.dumps(_prediction(task, analysis), ensure_ascii=False) + "\n")
    finally:
        if output:
            sink.close()


def _prediction(task: Task, analysis: object) -> dict[str, object]:
    from mindtrack.ml.pipeline import TextAnalysis

    assert isinstance(analysis, TextAnalysis)
    if task is Task.sentiment:
        s = analysis.sentiment
        return {"label": s.label, "scores": s.scores, "valence": s.valence}
    if task is Task.emotions:
        return {"labels": analysis.emotions.labels, "scores": analysis.emotions.scores}
    c = analysis.crisis
    return {"level": c.level, "score": c.score, "evidence": [asdict(e) for e in c.evidence]}


FORECAST_COLUMNS = (
    "origin_date",
    "target_date",
    "horizon",
    "forecast",
    "lo80",
    "hi80",
    "lo95",
    "hi95",
)


@ml_app.command()
def backtest(
    input_file: Annotated[
        Path, typer.Option("--input", help="CSV with a header `date,score` (YYYY-MM-DD, number).")
    ],
    output: Annotated[Path, typer.Option("--output", help="Where to write the forecasts (CSV).")],
    min_history: Annotated[
        int, typer.Option(help="Scores needed before the first forecast.", min=1)
    ] = 7,
) -> None:
    """Forecast a mood series the way the service would, from every day of it: each row
    forecasts 1-7 days ahead from its origin with 80 % and 95 % intervals, using only the
    scores up to that origin, so anyone can score the forecaster on their own diary."""
    from mindtrack.ml.forecast import rolling_forecasts

    try:
        history = _read_series(input_file)
    except (OSError, ValueError, KeyError) as exc:
        typer.secho(f"Cannot read {input_file}: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from exc
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(FORECAST_COLUMNS)
        rows = 0
        for result in rolling_forecasts(history, min_history=min_history):
            for f in result.forecasts:
                writer.writerow(
                    [result.origin, f.target, f.horizon, f.value, f.lo80, f.hi80, f.lo95, f.hi95]
                )
                rows += 1
    typer.echo(f"{rows} forecasts from {len(history)} days written to {output}")


def _read_series(path: Path) -> list[tuple[date, float]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"date", "score"} <= {
            f.strip() for f in reader.fieldnames
        }:
            raise ValueError("the first line must be the header `date,score`")
        rows = [{k.strip(): v for k, v in row.items()} for row in reader]
    series = []
    for number, row in enumerate(rows, start=2):
        try:
            series.append((date.fromisoformat(row["date"].strip()), float(row["score"])))
        except (ValueError, AttributeError) as exc:
            raise ValueError(f"line {number}: expected YYYY-MM-DD and a number") from exc
    return series
