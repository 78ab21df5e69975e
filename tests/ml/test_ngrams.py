"""The crisis model's n-gram heads: the features they compute when serving are the ones
scikit-learn trained them on, and their vocabularies travel with the model files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from mindtrack.ml.artefacts import LinearHead, ModelFileError, Vocabulary, load_head
from mindtrack.ml.crisis.model import CrisisModel
from mindtrack.ml.crisis.ngrams import ANALYSERS, NgramHead, letter_ngrams, word_ngrams
from tests.conftest import MODELS_DIR

NOTES = [
    "Slept badly, the rota is out and I'm on lates all month.",
    "rehomed the cat today. told everyone it's allergies",
    "cut again last night, didn't tell anyone",
    "Killed the build twice today, kill -9 fixed it",
    "I'm fine. I'm fine. I'm fine.",
    "walked by the river with Alex, felt calm",
]


def test_word_ngrams_are_words_and_word_pairs() -> None:
    assert word_ngrams("Can’t sleep AGAIN") == [
        "can't",
        "sleep",
        "again",
        "can't sleep",
        "sleep again",
    ]


def test_letter_ngrams_stay_inside_words() -> None:
    grams = letter_ngrams("kms now")
    assert {" km", "kms ", " kms "} <= set(grams)
    assert not [g for g in grams if g.strip() and " " in g.strip()]


@pytest.mark.parametrize("kind", list(ANALYSERS))
def test_serving_features_equal_the_training_features(kind: str) -> None:
    vectorizer = TfidfVectorizer(analyzer=ANALYSERS[kind], sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(NOTES).toarray()
    vocabulary = Vocabulary.of(list(vectorizer.get_feature_names_out()), vectorizer.idf_)
    levels = np.array([0, 4, 2, 0, 1, 0])
    classifier = LogisticRegression(C=4.0, max_iter=1000).fit(matrix, levels)
    weight = np.zeros((5, matrix.shape[1]), dtype=np.float32)
    bias = np.full(5, -30.0, dtype=np.float32)
    weight[classifier.classes_], bias[classifier.classes_] = classifier.coef_, classifier.intercept_
    head = NgramHead(kind, vocabulary, LinearHead(weight, bias))

    for note, row in zip(NOTES, matrix, strict=True):
        columns, values = head.features(note)
        served = np.zeros(matrix.shape[1], dtype=np.float32)
        served[columns] = values
        np.testing.assert_allclose(served, row, atol=1e-6)
    expected = classifier.decision_function(matrix)
    np.testing.assert_allclose(head.logits(NOTES)[:, classifier.classes_], expected, atol=1e-4)


def test_unknown_words_give_the_head_its_bias_alone() -> None:
    vocabulary = Vocabulary.of(["calm"], np.array([1.5]))
    head = NgramHead("words", vocabulary, LinearHead(np.ones((5, 1), np.float32), np.arange(5.0)))
    np.testing.assert_allclose(
        head.logits(["zzz qqq", "calm"]), [np.arange(5.0), np.arange(5.0) + 1]
    )


def copy_crisis(tmp_path: Path) -> Path:
    target = tmp_path / "crisis"
    shutil.copytree(MODELS_DIR / "crisis", target)
    return target


def test_the_shipped_crisis_model_reads_words_and_letters() -> None:
    artefact = load_head(MODELS_DIR / "crisis")
    model = CrisisModel(artefact)
    assert [h.kind for h in model.ngram_heads] == ["words", "letters"]
    for head in model.ngram_heads:
        assert head.head.dimension == len(head.vocabulary.index)


def test_a_missing_vocabulary_is_reported(tmp_path: Path) -> None:
    folder = copy_crisis(tmp_path)
    (folder / "vocabulary.json").unlink()
    with pytest.raises(ModelFileError, match="lacks the 'words' head or its vocabulary"):
        load_head(folder)


def test_a_vocabulary_that_does_not_fit_its_head_is_reported(tmp_path: Path) -> None:
    folder = copy_crisis(tmp_path)
    path = folder / "vocabulary.json"
    content = json.loads(path.read_text())
    content["words"] = {
        "terms": content["words"]["terms"][:-1],
        "idf": content["words"]["idf"][:-1],
    }
    path.write_text(json.dumps(content))
    with pytest.raises(ModelFileError, match="does not fit the 'words' head"):
        load_head(folder)


def test_the_vocabulary_is_part_of_the_model_version(tmp_path: Path) -> None:
    folder = copy_crisis(tmp_path)
    before = load_head(folder).version
    path = folder / "vocabulary.json"
    content = json.loads(path.read_text())
    content["letters"]["idf"][0] += 1.0
    path.write_text(json.dumps(content))
    assert load_head(folder).version != before
