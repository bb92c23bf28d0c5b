"""Fixtures for the batch tests: the tiny corpus, and the light stages registered for Dask workers."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the batch extra (pyarrow) is not installed")

import batch_seams  # noqa: E402
from batch_corpus import write_corpus  # noqa: E402


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path)


@pytest.fixture(scope="session", autouse=True)
def _seams_by_value() -> None:
    """Send the light stage functions to Dask workers by value: workers cannot import test modules."""
    try:
        import cloudpickle
    except ImportError:
        return
    cloudpickle.register_pickle_by_value(batch_seams)
