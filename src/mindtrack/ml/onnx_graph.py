"""The encoder as one ONNX graph, run by ONNX Runtime: how notes are encoded when serving.

PyTorch runs a forward pass as hundreds of small calls that each take Python's global lock;
ONNX Runtime runs the whole graph in one call that lets go of it. For the one- to few-note
batches a live service sees, that halves the encoder's time and leaves the event loop free to
answer other requests while a batch runs. The graph is exported from the loaded model (adapter
already merged) when the service starts, then checked against it on a padded batch, so both
runtimes compute the same embeddings.

The int8 graph quantizes the weights of every matrix product ahead of time and each
activation on the fly. Its activation scales come from the tensor being multiplied, so
notes that shared a run would change one another's results; it therefore runs one note
per call, several calls at once on single-threaded workers, and a note reads the same
alone or in any batch.
"""

from __future__ import annotations

import logging
import tempfile
import warnings
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import onnxruntime
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

# Texts of different lengths, so that the export traces the padding mask rather than the
# shortcut transformers takes for a batch without padding.
EXPORT_SAMPLE = (
    "Slept badly.",
    "Long walk by the river at lunch helped a lot, and the evening was quiet.",
)
# Largest difference from PyTorch's embedding that still counts as the same function.
MATCH_TOLERANCE = 1e-4
# Least cosine similarity between the int8 graph's embedding and the full-precision one on
# the export sample; well-quantized MiniLM reads about 0.99.
INT8_MIN_COSINE = 0.97
OPSET = 17


class GraphExportError(RuntimeError):
    """The model could not be exported, or its graph does not compute what the model does."""


class EncoderGraph:
    def __init__(
        self,
        session: onnxruntime.InferenceSession,
        input_names: Sequence[str],
        note_workers: int = 0,
    ) -> None:
        self.session = session
        self.input_names = tuple(input_names)
        self._workers = note_pool(note_workers) if note_workers else None

    @property
    def one_note_per_run(self) -> bool:
        return self._workers is not None

    @classmethod
    def export(
        cls,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        threads: int,
        int8: bool = False,
    ) -> EncoderGraph:
        """The model's mean-pooled embedding as a graph with batch and length left open."""
        names = [n for n in tokenizer.model_input_names if n != "position_ids"]
        if "attention_mask" not in names:
            raise GraphExportError("the tokenizer gives no attention mask to pool with")
        sample = tokenizer(list(EXPORT_SAMPLE), padding=True, return_tensors="pt")
        exported = _export(model, names, sample)
        graph = cls(_session(exported, threads), names)
        graph.check_against(model, sample)
        if not int8:
            return graph
        quantized = cls(_session(_quantize(exported), 1), names, note_workers=threads)
        quantized.check_close_to(graph, {name: sample[name].numpy() for name in names})
        return quantized

    def run(self, batch: Mapping[str, np.ndarray]) -> np.ndarray:
        feeds = {name: batch[name].astype(np.int64, copy=False) for name in self.input_names}
        if self._workers is None:
            return self._run(feeds)
        # Each note alone, without the padding its batch gave it.
        kept = feeds["attention_mask"].astype(bool)
        notes = [{n: v[i : i + 1, kept[i]] for n, v in feeds.items()} for i in range(len(kept))]
        return np.vstack(list(self._workers.map(self._run, notes)))

    def _run(self, feeds: Mapping[str, np.ndarray]) -> np.ndarray:
        (embeddings,) = self.session.run(None, dict(feeds))
        return np.asarray(embeddings, dtype=np.float32)

    def check_close_to(self, reference: EncoderGraph, sample: Mapping[str, np.ndarray]) -> None:
        got, expected = self.run(sample), reference.run(sample)
        cosine = np.sum(got * expected, axis=1) / (
            np.linalg.norm(got, axis=1) * np.linalg.norm(expected, axis=1)
        )
        if float(cosine.min()) < INT8_MIN_COSINE:
            raise GraphExportError(
                f"the int8 graph strays from the model (cosine {float(cosine.min()):.3f})"
            )

    def check_against(self, model: PreTrainedModel, sample: Mapping[str, torch.Tensor]) -> None:
        import torch

        from mindtrack.ml.encoder import mean_pool

        with torch.inference_mode():
            inputs = {name: sample[name] for name in self.input_names}
            expected = mean_pool(model(**inputs).last_hidden_state, sample["attention_mask"])
        got = self.run({name: tensor.numpy() for name, tensor in inputs.items()})
        difference = float(np.abs(got - expected.numpy()).max())
        if difference > MATCH_TOLERANCE:
            raise GraphExportError(
                f"the exported graph differs from the model by {difference:.2g} on a padded batch"
            )


def _export(model: PreTrainedModel, names: list[str], sample: Mapping[str, torch.Tensor]) -> bytes:
    import torch

    from mindtrack.ml.encoder import mean_pool

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            batch = dict(zip(names, inputs, strict=True))
            hidden = self.model(**batch).last_hidden_state
            return mean_pool(hidden, batch["attention_mask"])

    axes = {name: {0: "batch", 1: "tokens"} for name in names}
    try:
        # The TorchScript exporter takes seconds where torch.export takes many more; its
        # tracer warnings are about shape-dependent branches that the padded sample and the
        # check afterwards cover.
        with (
            tempfile.TemporaryDirectory() as folder,
            warnings.catch_warnings(),
            torch.no_grad(),
        ):
            warnings.simplefilter("ignore")
            path = Path(folder) / "encoder.onnx"
            torch.onnx.export(
                Pooled().eval(),
                tuple(sample[name] for name in names),
                path,
                input_names=names,
                output_names=["embedding"],
                dynamic_axes=axes,
                opset_version=OPSET,
                dynamo=False,
            )
            return path.read_bytes()
    except Exception as exc:  # the exporter raises many kinds for unsupported models
        raise GraphExportError(f"cannot export the encoder to ONNX: {exc}") from exc


@cache
def note_pool(workers: int) -> ThreadPoolExecutor:
    """One pool per size for the whole process. Graphs come and go (tests load many); with a
    pool each, their threads ended with them, and a test run once hung in greenlet's teardown
    of such an ended thread."""
    return ThreadPoolExecutor(workers, thread_name_prefix="encoder-note")


def _quantize(graph: bytes) -> bytes:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as folder, _quiet_quantizer():
        source, target = Path(folder) / "encoder.onnx", Path(folder) / "encoder-int8.onnx"
        source.write_bytes(graph)
        # Weights per output channel, signed; activations unsigned: the form the CPU's
        # integer dot-product instructions take. Weights keep 7 bits: CPUs without VNNI
        # multiply in pairs summed into 16 bits, which full 8-bit weights can overflow, so
        # 7 bits give the same integers on every x86 CPU (onnxruntime's quantization guide).
        quantize_dynamic(
            source, target, per_channel=True, reduce_range=True, weight_type=QuantType.QInt8,
            op_types_to_quantize=["MatMul"],
        )  # fmt: skip
        return target.read_bytes()


@contextmanager
def _quiet_quantizer() -> Iterator[None]:
    """The quantizer suggests a preprocessing step through the root logger; the graph is
    exported fresh, so there is nothing to preprocess."""
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(logging.NOTSET)


def _session(graph: bytes, threads: int) -> onnxruntime.InferenceSession:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle worker threads spinning for the next batch would take the CPU the event loop needs.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
