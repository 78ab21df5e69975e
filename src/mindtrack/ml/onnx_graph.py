"""The encoder as one ONNX graph, run by ONNX Runtime: how notes are encoded when serving.

PyTorch runs a forward pass as hundreds of small calls that each take Python's global lock;
ONNX Runtime runs the whole graph in one call that lets go of it. For the one- to few-note
batches a live service sees, that halves the encoder's time and leaves the event loop free to
answer other requests while a batch runs. The graph is exported from the loaded model (adapter
already merged) when the service starts, then checked against it on a padded batch, so both
runtimes compute the same embeddings.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Mapping, Sequence
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
OPSET = 17


class GraphExportError(RuntimeError):
    """The model could not be exported, or its graph does not compute what the model does."""


class EncoderGraph:
    def __init__(self, session: onnxruntime.InferenceSession, input_names: Sequence[str]) -> None:
        self.session = session
        self.input_names = tuple(input_names)

    @classmethod
    def export(
        cls, model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, threads: int
    ) -> EncoderGraph:
        """The model's mean-pooled embedding as a graph with batch and length left open."""
        names = [n for n in tokenizer.model_input_names if n != "position_ids"]
        if "attention_mask" not in names:
            raise GraphExportError("the tokenizer gives no attention mask to pool with")
        sample = tokenizer(list(EXPORT_SAMPLE), padding=True, return_tensors="pt")
        graph = cls(_session(_export(model, names, sample), threads), names)
        graph.check_against(model, sample)
        return graph

    def run(self, batch: Mapping[str, np.ndarray]) -> np.ndarray:
        feeds = {name: batch[name].astype(np.int64, copy=False) for name in self.input_names}
        (embeddings,) = self.session.run(None, feeds)
        return np.asarray(embeddings, dtype=np.float32)

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
