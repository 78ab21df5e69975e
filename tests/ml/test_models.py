"""The shipped models, loaded once, on small inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from mindtrack.cli import app
from mindtrack.ml.artefacts import ModelFileError, load_head, save_heads
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.emotions import check_chosen
from mindtrack.ml.labels import GOEMOTIONS_LABELS
from mindtrack.ml.pipeline import TextAnalyzer
from mindtrack.ml.text import MAX_MODEL_CHARS, neutralize_identity
from mindtrack.ml.training.bias import NAMES
from tests.conftest import MODELS_DIR


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return TextAnalyzer.load(MODELS_DIR)


def test_clearly_positive_and_negative_notes(analyzer: TextAnalyzer) -> None:
    good, bad = analyzer.analyze(
        [
            "Best day in ages, I loved every minute with my friends!",
            "Awful, miserable day. I hate this.",
        ]
    )
    assert good.sentiment.label == "positive"
    assert good.sentiment.valence > 0.3
    assert bad.sentiment.label == "negative"
    assert bad.sentiment.valence < -0.3


def test_a_plain_statement_of_fact_reads_as_neutral(analyzer: TextAnalyzer) -> None:
    (fact,) = analyzer.analyze(["The meeting moved to room 4 at three."])
    assert fact.sentiment.label == "neutral"
    assert abs(fact.sentiment.valence) < 0.2


def test_emotions_name_what_the_text_says(analyzer: TextAnalyzer) -> None:
    [thanks, scared] = analyzer.analyze(
        [
            "Thank you so much for helping me today, I really appreciate it.",
            "I'm terrified of tomorrow's surgery.",
        ]
    )
    assert "gratitude" in thanks.emotions.labels
    assert "fear" in scared.emotions.labels or "nervousness" in scared.emotions.labels
    assert set(thanks.emotions.scores) == set(GOEMOTIONS_LABELS)


def test_chosen_emotions_are_supported_or_contradicted_by_the_text(analyzer: TextAnalyzer) -> None:
    [result] = analyzer.analyze(["Thank you so much, I'm so grateful and happy today!"])
    check = check_chosen(["grateful", "sad", "tired"], result.emotions)
    assert "grateful" in check.supported
    assert "sad" in check.contradicted
    assert "tired" in check.not_assessed  # GoEmotions has no tiredness


def test_crisis_signal_with_evidence_and_hard_negatives(analyzer: TextAnalyzer) -> None:
    risky, idiom, third = analyzer.analyze(
        [
            "Work was fine. Honestly I wish I could go to sleep and never wake up.",
            "This commute is killing me, dying to get home.",
            "My friend told me she wants to die, I'm worried about her.",
        ]
    )
    assert risky.crisis.level in ("moderate", "high", "imminent")
    assert any("never wake up" in e.text for e in risky.crisis.evidence)
    assert 0.4 <= risky.crisis.score <= 1
    assert idiom.crisis.level == "none"
    assert third.crisis.level in ("none", "low")


@pytest.mark.parametrize(
    "note",
    ["", "   \n\t ", "😀😀🙏", "?!...", "word " * 1000, "Hoy me siento muy triste y sola.",
     "今日はとても疲れた but the walk helped 🙂", "Привет, всё хорошо"],
)  # fmt: skip
def test_odd_notes_get_a_sensible_answer(analyzer: TextAnalyzer, note: str) -> None:
    [result] = analyzer.analyze([note])
    assert result.sentiment.label in ("negative", "neutral", "positive")
    assert result.crisis.level in ("none", "low", "moderate", "high", "imminent")
    if not note.strip() or note in ("😀😀🙏", "?!..."):
        assert not result.has_text
        assert result.sentiment.label == "neutral"
        assert result.emotions.labels == []
    if note == "Привет, всё хорошо":
        assert not result.reliable


def test_identity_words_are_neutralised_before_the_encoder() -> None:
    assert neutralize_identity("As a gay man I feel fine") == neutralize_identity(
        "As a straight woman I feel fine"
    )
    assert neutralize_identity("As an African American teen I feel fine") == (
        neutralize_identity("As a Korean pensioner I feel fine")
    )
    # A capitalised identity word after "I'm" is not taken for a name.
    assert neutralize_identity("I'm Muslim and tired") == neutralize_identity("I'm gay and tired")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lakisha checked on me today.", "Emily checked on me today."),
        ("Dinner with José and Priya's sister.", "Dinner with Greg and Mohammed's sister."),
        ("Called JAMAL? no, called Jamal.", "Called JAMAL? no, called Wei."),
        # Unlisted names, recognised by the words around them.
        ("Thanks Rustam for the chat.", "Thanks Emily for the chat."),
        ("Tadeo and I argued again.", "Greg and I argued again."),
        ("My therapist Dr Okonkwo said I'm improving.", "My therapist Priya said I'm improving."),
        ("Coffee with Maximilian, then a nap.", "Coffee with Oluwaseun, then a nap."),
        ("Me and Bongani went hiking, Saoirse's idea.", "Me and Wei went hiking, Lakisha's idea."),
    ],
)
def test_first_names_are_read_as_one_name(first: str, second: str) -> None:
    assert neutralize_identity(first) == neutralize_identity(second)


@pytest.mark.parametrize(
    "note",
    [
        "Hope you feel better, I will call you.",
        "I will polish the car and then visit Jordan and Paris.",
        "grace under pressure, joy at the end of the day",
        # Capitalised words with no sign of a person around them.
        "Diagnosed with Bipolar last year. Started Zoloft, feeling weird.",
        "Overdosing is all I think about. Went to the Golden Gate Bridge tonight.",
        "Work never ends. Nobody checked on me. Anxeity is bad, Sooo tired.",
        "Feeling Great Today",
    ],
)
def test_names_that_are_also_words_or_places_are_kept(note: str) -> None:
    assert neutralize_identity(note) == note


def test_the_shipped_models_read_listed_names_alike(analyzer: TextAnalyzer) -> None:
    notes = [f"{name} said something hurtful about me today. I cried." for name in NAMES]
    valences = [r.sentiment.valence for r in analyzer.analyze(notes)]
    assert max(valences) - min(valences) < 1e-6


def test_results_come_back_in_input_order(analyzer: TextAnalyzer) -> None:
    notes = ["I want to die", "", "great day", "I want to die"]
    results = analyzer.analyze(notes)
    assert [r.has_text for r in results] == [True, False, True, True]
    assert results[0].crisis == results[3].crisis


def copy_models(tmp_path: Path) -> Path:
    target = tmp_path / "models"
    shutil.copytree(MODELS_DIR, target, ignore=shutil.ignore_patterns("checkpoint"))
    return target


def test_missing_model_file_is_named_with_the_command_to_rebuild_it(tmp_path: Path) -> None:
    models = copy_models(tmp_path)
    (models / "crisis" / "head.safetensors").unlink()
    with pytest.raises(
        ModelFileError, match=r"crisis/head.safetensors is missing.*ml train crisis"
    ):
        TextAnalyzer.load(models)


def test_corrupt_model_file_is_reported_not_ignored(tmp_path: Path) -> None:
    models = copy_models(tmp_path)
    (models / "emotions" / "head.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelFileError, match="corrupt"):
        load_head(models / "emotions")


@pytest.mark.parametrize("missing", ["neutral", "tweets"])
def test_a_sentiment_model_without_one_of_its_heads_is_refused(
    tmp_path: Path, missing: str
) -> None:
    models = copy_models(tmp_path)
    artefact = load_head(models / "sentiment")
    kept = {name: head for name, head in artefact.heads.items() if name != missing}
    save_heads(models / "sentiment", kept, artefact.meta)
    with pytest.raises(ModelFileError, match=rf"no {missing} head.*ml train sentiment"):
        TextAnalyzer.load(models)


def test_predict_writes_one_json_line_per_input_line_in_order(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("I feel great today\n\nI want to die\n")
    runner = CliRunner()
    lines = {}
    for task in ("sentiment", "emotions", "crisis"):
        result = runner.invoke(
            app, ["ml", "predict", task, "--input", str(source), "--models", str(MODELS_DIR)]
        )
        assert result.exit_code == 0, result.output
        lines[task] = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(lines[task]) == 3
    assert set(lines["sentiment"][0]) == {"label", "scores", "valence"}
    assert set(lines["sentiment"][0]["scores"]) == {"negative", "neutral", "positive"}
    assert set(lines["emotions"][0]) == {"labels", "scores"}
    assert len(lines["emotions"][0]["scores"]) == 28
    assert [line["level"] for line in lines["crisis"]][1:] == ["none", "moderate"]
    assert lines["crisis"][2]["evidence"][0]["text"] == "want to die"


def test_analyze_prints_one_analysis() -> None:
    result = CliRunner().invoke(
        app, ["ml", "analyze", "Lovely walk by the sea", "--models", str(MODELS_DIR)]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert {"sentiment", "emotions", "crisis", "insights"} <= set(body)


def test_evaluate_notes_scores_a_labelled_file_and_lists_what_it_gets_wrong(
    tmp_path: Path,
) -> None:
    rows = [
        {"id": "a", "text": "I want to die", "level": "moderate", "category": "passive_ideation"},
        {"id": "b", "text": "Lovely walk by the sea", "level": "none", "category": "everyday"},
        # Labelled wrongly on purpose: the detector is right, so the row is listed.
        {"id": "c", "text": "Lovely lunch with my sister", "level": "high", "category": "method"},
    ]
    notes = tmp_path / "notes.jsonl"
    notes.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        app,
        ["ml", "evaluate", "notes", "--notes", str(notes), "--models", str(MODELS_DIR),
         "--json", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("3 notes: recall 0.500, precision 1.000")
    body = json.loads(report.read_text())
    assert (body["notes"], body["recall"], body["precision"]) == (3, 0.5, 1.0)
    assert [(m["id"], m["level"], m["predicted"]) for m in body["mistakes"]] == [
        ("c", "high", "none")
    ]
    assert "| c | high | none | method | Lovely lunch with my sister |" in result.stdout


def test_a_note_reads_the_same_alone_and_in_any_batch(analyzer: TextAnalyzer) -> None:
    """Micro-batching must never let one person's note change another's analysis."""
    note = "Work was fine. I'm a bit tired and I miss my friends."
    others = ["short", "A much longer note about a week of exams, sleep and money. " * 6]
    alone = analyzer.analyze([note])[0]
    batched = analyzer.analyze([others[0], note, others[1]])[1]
    for label, probability in alone.sentiment.scores.items():
        assert batched.sentiment.scores[label] == pytest.approx(probability, abs=1e-3)
    for label, probability in alone.emotions.scores.items():
        assert batched.emotions.scores[label] == pytest.approx(probability, abs=1e-3)
    assert batched.crisis.level == alone.crisis.level
    assert batched.crisis.score == pytest.approx(alone.crisis.score, abs=1e-3)


def test_notes_beside_the_adapter_do_not_change_its_version(tmp_path: Path) -> None:
    models = copy_models(tmp_path)
    before = TextAnalyzer.load(MODELS_DIR).versions.encoder
    (models / "encoder" / "NOTES.md").write_text("a reviewer's remark")
    assert TextAnalyzer.load(models).versions.encoder == before


def test_ordinary_days_raise_no_alarm(analyzer: TextAnalyzer) -> None:
    notes = [
        "Deadline at work is getting closer and I keep putting it off.",
        "The kids were loud all evening and I snapped at them.",
        "Gym in the morning, felt strong and calm afterwards.",
        "i feel so tired of this commute, it takes forever",
    ]
    assert [r.crisis.level for r in analyzer.analyze(notes)] == ["none"] * len(notes)


def test_the_model_evidence_comes_from_the_sentences_the_heads_read_each_read_once(
    analyzer: TextAnalyzer,
) -> None:
    embedded: list[str] = []

    def embed(sentences: list[str]) -> np.ndarray:
        embedded.extend(sentences)
        return analyzer.embed(sentences)

    calm, risky = "The bus was late again today. ", "Everyone would be fine without me around. "
    beyond = "The ferry was late too."
    read_part = calm * 20 + risky + calm * 46
    assert len(read_part) >= MAX_MODEL_CHARS
    note = read_part + beyond + " " + calm * 50

    evidence = analyzer.crisis.model_evidence(note, RiskLevel.MODERATE, embed)

    assert evidence.text == risky.strip()
    assert note[evidence.start : evidence.end] == evidence.text
    assert len(embedded) == len(set(embedded)) <= 3
    assert not any("ferry" in sentence for sentence in embedded)
