"""Model files: weights in safetensors, everything else in JSON. Never pickle."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from safetensors import SafetensorError
from safetensors.numpy import load_file, save_file

HEAD_FILE = "head.safetensors"
META_FILE = "meta.json"
# Terms and their inverse document frequencies, for heads that read n-grams instead of
# embeddings; JSON because the terms are strings.
VOCABULARY_FILE = "vocabulary.json"


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
class Vocabulary:
    """The columns of an n-gram head: term → column, and each column's IDF weight."""

    index: dict[str, int]
    idf: np.ndarray

    @classmethod
    def of(cls, terms: list[str], idf: np.ndarray) -> Vocabulary:
        return cls({term: i for i, term in enumerate(terms)}, np.asarray(idf, dtype=np.float32))

    def as_json(self) -> dict[str, list[Any]]:
        terms = sorted(self.index, key=self.index.__getitem__)
        return {"terms": terms, "idf": [round(float(v), 6) for v in self.idf]}


@dataclass(frozen=True)
class HeadArtefact:
    name: str
    heads: dict[str, LinearHead]
    meta: dict[str, Any]
    digest: str
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)

    @property
    def head(self) -> LinearHead:
        return self.heads["main"]

    @property
    def version(self) -> str:
        return f"{self.meta.get('version', '0')}+{self.digest}"


def save_heads(
    folder: Path,
    heads: dict[str, LinearHead],
    meta: dict[str, Any],
    vocabularies: dict[str, Vocabulary] | None = None,
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {}
    for name, head in heads.items():
        tensors[f"{name}.weight"] = np.ascontiguousarray(head.weight, dtype=np.float32)
        tensors[f"{name}.bias"] = np.ascontiguousarray(head.bias, dtype=np.float32)
    save_file(tensors, str(folder / HEAD_FILE))
    (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    vocabulary_path = folder / VOCABULARY_FILE
    if vocabularies:
        content = {name: v.as_json() for name, v in sorted(vocabularies.items())}
        vocabulary_path.write_text(json.dumps(content, ensure_ascii=False) + "\n")
    else:
        vocabulary_path.unlink(missing_ok=True)


def load_head(folder: Path) -> HeadArtefact:
    head_path, meta_path = folder / HEAD_FILE, folder / META_FILE
    for path in (head_path, meta_path):
        if not path.is_file():
            raise ModelFileError(f"{path} is missing; run `mindtrack ml train {folder.name}`")
    vocabulary_path = folder / VOCABULARY_FILE
    try:
        tensors = load_file(str(head_path))
        meta = json.loads(meta_path.read_text())
        names = {key.rsplit(".", 1)[0] for key in tensors}
        heads = {n: LinearHead(tensors[f"{n}.weight"], tensors[f"{n}.bias"]) for n in names}
        vocabularies = _load_vocabularies(vocabulary_path)
    except (SafetensorError, json.JSONDecodeError, KeyError, OSError, ValueError) as exc:
        raise ModelFileError(f"{folder} is corrupt: {exc}") from exc
    for head in heads.values():
        if head.weight.ndim != 2 or head.bias.shape != (head.weight.shape[0],):
            raise ModelFileError(f"{head_path} has inconsistent shapes")
    if "main" not in heads:
        raise ModelFileError(f"{head_path} has no main head")
    for name in meta.get("vocabulary_heads", []):
        vocabulary = vocabularies.get(name)
        if vocabulary is None or name not in heads:
            raise ModelFileError(f"{folder} lacks the {name!r} head or its vocabulary")
        if heads[name].dimension != len(vocabulary.idf) or len(vocabulary.index) != len(
            vocabulary.idf
        ):
            raise ModelFileError(f"{vocabulary_path} does not fit the {name!r} head")
    paths = [head_path, meta_path] + ([vocabulary_path] if vocabularies else [])
    return HeadArtefact(folder.name, heads, meta, _digest(*paths), vocabularies)


def _load_vocabularies(path: Path) -> dict[str, Vocabulary]:
    if not path.is_file():
        return {}
    content = json.loads(path.read_text(encoding="utf-8"))
    return {name: Vocabulary.of(v["terms"], np.array(v["idf"])) for name, v in content.items()}


def _digest(*paths: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
