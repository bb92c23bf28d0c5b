"""Locate and read the shared evaluation data (``<repo>/../shared/data``).

Benchmarks and quality-gate tests import this module by path; it only uses the
standard library so it can be loaded without the package installed.
The data is read in place and never copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ENV_VAR = "LIVEBRIEF_SHARED_DATA"


def shared_data_dir() -> Path | None:
    """The shared data folder: $LIVEBRIEF_SHARED_DATA, else ``<repo>/../shared/data``; None when absent."""
    env = os.environ.get(ENV_VAR)
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "data")
    for path in candidates:
        if path.is_dir():
            return path.resolve()
    return None


def shared_seed_dir() -> Path | None:
    """The seed folder beside the data (``<repo>/../shared/seed``); None when absent."""
    data = shared_data_dir()
    candidates = [data.parent / "seed"] if data else []
    candidates.append(REPO.parent / "shared" / "seed")
    for path in candidates:
        if path.is_dir():
            return path.resolve()
    return None


def dataset(name: str) -> Path | None:
    """One data set folder by name, or None when the shared data or that folder is missing."""
    root = shared_data_dir()
    if root is None or not (root / name).is_dir():
        return None
    return root / name


def read_gz(path: Path) -> bytes:
    """The bytes of a gzip-compressed file."""
    with gzip.open(path, "rb") as handle:
        return handle.read()


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
