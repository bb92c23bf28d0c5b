"""Published briefings kept in the store's named state: the latest per topic and every one by id.

State names: ``brief/<topic>/latest``, ``brief/<topic>/<brief id>`` and ``brief/<topic>/history``
(a JSON list of ``{"id", "generated_at"}``, oldest first). Values are the briefing's JSON
contract, so what was published is what is kept. ``store`` is any object with
``save_state(name, bytes)`` and ``load_state(name)``.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from typing import Any

from livebrief.brief.records import Briefing, from_contract, to_contract
from livebrief.model import Brief


def _name(topic: str, key: str) -> str:
    return f"brief/{topic}/{key}"


def save_brief(store: Any, brief: Brief) -> None:
    """Keep ``brief`` as the latest on its topic and in the topic's history, in one transaction."""
    blob = json.dumps(to_contract(brief), ensure_ascii=False).encode("utf-8")
    history = brief_history(store, brief.topic)
    if not any(entry["id"] == brief.id for entry in history):
        history.append({"id": brief.id, "generated_at": brief.generated_at})
    with (store.transaction() if hasattr(store, "transaction") else nullcontext()):
        store.save_state(_name(brief.topic, brief.id), blob)
        store.save_state(_name(brief.topic, "latest"), blob)
        store.save_state(_name(brief.topic, "history"), json.dumps(history).encode("utf-8"))


def load_brief(store: Any, topic: str, brief_id: str | None = None) -> Briefing | None:
    """The latest briefing on ``topic`` (or the one with ``brief_id``); None when there is none."""
    blob = store.load_state(_name(topic, brief_id or "latest"))
    return from_contract(json.loads(blob)) if blob else None


def brief_history(store: Any, topic: str) -> list[dict[str, str]]:
    """Ids and times of the briefings published on ``topic``, oldest first."""
    blob = store.load_state(_name(topic, "history"))
    return list(json.loads(blob)) if blob else []
