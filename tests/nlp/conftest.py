"""Shared fixtures for the nlp components: one spaCy pipeline per session and a parse helper."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy Language livebrief uses (en_core_web_sm, else its PyPI build); skips when none is installed."""
    from livebrief.errors import AnalysisError
    from livebrief.nlp.loader import load_nlp

    try:
        return load_nlp()
    except AnalysisError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[[str], object]:
    """Parse text into a Doc with the session pipeline: ``doc = parse("Text.")``."""
    return nlp
