"""Model files: weights in safetensors, everything else in JSON. Never pickle."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from safetensors import SafetensorError
from safetensors.numpy import load_file, save_file

HEAD_FILE = "head.safetensors"
META_FILE = "meta.json"


class ModelFileError(RuntimeError):
    """A model folder is missing, incomplete or corrupt."""


@dataclass(frozen=True)
class LinearHead:
    """Logits = features · weightᵀ + bias, in NumPy: a few microseconds per note."""

    weight: np.ndarray  # (classes, dimension)
    bias: np.ndarray  # (classes,)

    def logits(self, features: np.ndarray) -> np.ndarray:
        return features @ self.weight.T + self.bias  # type: ignore[no-any-return]

    @property
    def dimension(self) -> int:
        return int(self.weight.shape[1])


@dataclass(frozen=True)
class HeadArtefact:
    name: str
    heads: dict[str, LinearHead]
    meta: dict[str, Any]
    digest: str

    @property
    def head(self) -> LinearHead:
        return self.heads["main"]

    @property
    def version(self) -> str:
        return f"{self.meta.get('version', '0')}+{self.digest}"


def save_heads(folder: Path, heads: dict[str, LinearHead], meta: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {}
    for name, head in heads.items():
        tensors[f"{name}.weight"] = np.ascontiguousarray(head.weight, dtype=np.float32)
        tensors[f"{name}.bias"] = np.ascontiguousarray(head.bias, dtype=np.float32)
    save_file(tensors, str(folder / HEAD_FILE))
    (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")


def load_head(folder: Path) -> HeadArtefact:
    head_path, meta_path = folder / HEAD_FILE, folder / META_FILE
    for path in (head_path, meta_path):
        if not path.is_file():
            raise ModelFileError(f"{path} is missing; run `mindtrack ml train {folder.name}`")
    try:
        tensors = load_file(str(head_path))
        meta = json.loads(meta_path.read_text())
        names = {key.rsplit(".", 1)[0] for key in tensors}
        heads = {n: LinearHead(tensors[f"{n}.weight"], tensors[f"{n}.bias"]) for n in names}
    except (SafetensorError, json.JSONDecodeError, KeyError, OSError, ValueError) as exc:
        raise ModelFileError(f"{folder} is corrupt: {exc}") from exc
    for head in heads.values():
        if head.weight.ndim != 2 or head.bias.shape != (head.weight.shape[0],):
            raise ModelFileError(f"{head_path} has inconsistent shapes")
    if "main" not in heads:
        raise ModelFileError(f"{head_path} has no main head")
    return HeadArtefact(folder.name, heads, meta, _digest(head_path, meta_path))


def _digest(*paths: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
