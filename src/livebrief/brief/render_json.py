"""JSON: the livebrief.briefing/1 contract, with the changes since the previous briefing when asked."""

from __future__ import annotations

import json
from typing import Any

from livebrief.brief.changes import Changes
from livebrief.brief.records import to_contract
from livebrief.model import Brief


def brief_json(brief: Brief, *, changes: Changes | None = None) -> dict[str, Any]:
    """The briefing as a JSON-ready dict (validates against briefing.schema.json)."""
    data = to_contract(brief)
    if changes is not None:
        data["changes"] = changes.to_dict()
    return data


def render_json(brief: Brief, *, changes: Changes | None = None) -> str:
    """The briefing as JSON text."""
    return json.dumps(brief_json(brief, changes=changes), ensure_ascii=False, indent=2)
