"""Parse --since values: '24h', '7d', '90m', '2w' back from now, or an ISO date."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from livebrief.errors import ConfigError

_RELATIVE = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def since_to_iso(value: str | None, *, now: datetime | None = None) -> str | None:
    """An ISO timestamp for a --since value; None passes through."""
    if not value:
        return None
    now = now or datetime.now(timezone.utc)
    match = _RELATIVE.match(value)
    if match:
        amount, unit = int(match.group(1)), _UNITS[match.group(2)]
        return (now - timedelta(**{unit: amount})).replace(microsecond=0).isoformat()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since takes a span like 24h, 7d, 90m, 2w or an ISO date, not {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.isoformat()
