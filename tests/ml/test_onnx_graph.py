"""The serving encoder is an ONNX graph exported from the model at load time: it must compute
what the PyTorch model computes, for the shipped encoder and for a configured one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mindtrack.ml.encoder import EncoderUnavailableError, TextEncoder
from mindtrack.ml.onnx_graph import EncoderGraph, GraphExportError
from tests.conftest import MODELS_DIR

NOTES = [
    "ok",
    "Slept badly, then a long walk by the river helped a lot.",
    "Work was hard today and I feel like nobody would notice if I was gone.",
    "word " * 400,  # longer than the encoder reads: truncated the same way by both
]


@pytest.fixture(scope="module")
def shipped() -> tuple[TextEncoder, TextEncoder]:
    adapter = MODELS_DIR / "encoder"
    return (
        TextEncoder.load(adapter=adapter, runtime="onnxruntime"),
        TextEncoder.load(adapter=adapter, runtime="torch"),
    )


def test_the_graph_embeds_the_shipped_notes_as_pytorch_does(
    shipped: tuple[TextEncoder, TextEncoder],
) -> None:
    graph, torch_encoder = shipped
    assert (graph.runtime, torch_encoder.runtime) == ("onnxruntime", "torch")

    together = graph.embed(NOTES)
    alone = np.vstack([graph.embed([note]) for note in NOTES])

    np.testing.assert_allclose(together, torch_encoder.embed(NOTES), atol=1e-4)
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_the_int8_graph_stays_close_and_reads_each_note_as_if_alone(
    shipped: tuple[TextEncoder, TextEncoder],
) -> None:
    int8 = TextEncoder.load(adapter=MODELS_DIR / "encoder", runtime="onnxruntime-int8")
    assert int8.runtime == "onnxruntime-int8"
    _, torch_encoder = shipped

    together = int8.embed(NOTES)
    expected = torch_encoder.embed(NOTES)
    cosine = np.sum(together * expected, axis=1) / (
        np.linalg.norm(together, axis=1) * np.linalg.norm(expected, axis=1)
    )
    assert cosine.min() > 0.98
    # Activation scales come from each note alone, so the company a note keeps changes nothing.
    np.testing.assert_array_equal(together, np.vstack([int8.embed([note]) for note in NOTES]))
    np.testing.assert_array_equal(together[1:2], int8.embed([NOTES[1], NOTES[3], NOTES[0]])[:1])


def test_an_int8_graph_that_strays_from_full_precision_is_refused(tiny_encoder: Path) -> None:
    import torch

    torch_encoder = TextEncoder.load(str(tiny_encoder), runtime="torch")
    reference = EncoderGraph.export(torch_encoder.model, torch_encoder.tokenizer, threads=1)
    with torch.no_grad():
        torch_encoder.model.embeddings.word_embeddings.weight.normal_()
    strayed = EncoderGraph.export(torch_encoder.model, torch_encoder.tokenizer, threads=1)

    sample = {k: v.numpy() for k, v in torch_encoder.tokenize(["one note", "a second"]).items()}
    with pytest.raises(GraphExportError, match="int8 graph strays"):
        strayed.check_close_to(reference, sample)


def test_an_inference_encoder_does_not_keep_the_pytorch_model(
    shipped: tuple[TextEncoder, TextEncoder],
) -> None:
    graph, _ = shipped
    with pytest.raises(EncoderUnavailableError, match="ONNX graph"):
        _ = graph.model


def test_a_configured_encoder_runs_as_a_graph_too(tiny_encoder: Path) -> None:
    graph = TextEncoder.load(str(tiny_encoder), runtime="onnxruntime")
    torch_encoder = TextEncoder.load(str(tiny_encoder), runtime="torch")

    np.testing.assert_allclose(graph.embed(NOTES), torch_encoder.embed(NOTES), atol=1e-4)


def test_a_graph_that_computes_something_else_is_refused(tiny_encoder: Path) -> None:
    import torch

    torch_encoder = TextEncoder.load(str(tiny_encoder), runtime="torch")
    graph = EncoderGraph.export(torch_encoder.model, torch_encoder.tokenizer, threads=1)
    with torch.no_grad():
        torch_encoder.model.embeddings.word_embeddings.weight.mul_(2)

    sample = torch_encoder.tokenize(["one note", "and a longer second note"])
    with pytest.raises(GraphExportError, match="differs from the model"):
        graph.check_against(torch_encoder.model, sample)
