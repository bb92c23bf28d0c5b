"""Fixtures of the briefing tests live in briefkit.py (a unique module name, importable by tests)."""

from briefkit import *  # noqa: F401,F403
