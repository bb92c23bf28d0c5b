"""The sentence typer: sparse features, the linear model shipped in ``livebrief/data/events/model.json``."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from livebrief.nlp.plover.lexicon import NOUN_TRIGGERS, VERB_TRIGGERS
from livebrief.nlp.plover.triggers import Trigger, _lemma, find_triggers, main_trigger, rule_type

_STOP = frozenset({"the", "a", "an", "of", "and", "in", "to", "for", "on", "at", "by", "with", "from", "as",
                   "be", "its", "their", "his", "her", "this", "that", "these", "those", "it", "which", "who",
                   "'s", "’s", "or", "into", "than", "also", "have", "there", "they", "he", "she", "we"})
_KEEP_FUNCTION = frozenset({"not", "no", "never", "must", "should", "will", "would", "could", "may", "might",
                            "unless", "if", "against", "cannot"})


def features(sent, triggers: list[Trigger] | None = None) -> list[str]:
    """Sparse binary features of one sentence for the typer: lemmas, trigger types and their context."""
    if triggers is None:
        triggers = find_triggers(sent)
    feats: set[str] = set()
    for token in sent:
        lemma = _lemma(token)
        if token.is_punct or token.is_space or token.like_num:
            continue
        if (token.is_stop or lemma in _STOP) and lemma not in _KEEP_FUNCTION:
            continue
        feats.add("w=" + lemma)
        if token.dep_ == "ROOT":
            feats.add("root=" + lemma)
        if token.ent_type_:
            feats.add("ent=" + token.ent_type_)
    for trig in triggers:
        feats.add("t=" + trig.type)
        feats.add("tl=" + trig.lemma)
        if trig.mode:
            feats.add(f"tm={trig.type}|{trig.mode}")
        for flag, on in (("neg", trig.negated), ("fut", trig.future), ("must", trig.obligation)):
            if on:
                feats.add(f"t={trig.type}|{flag}")
        if trig.content is not None:
            feats.add("gov=" + trig.type)
            content = sent.doc[trig.content]
            entry = VERB_TRIGGERS.get(_lemma(content)) or NOUN_TRIGGERS.get(_lemma(content))
            if entry:
                feats.add(f"gc={trig.type}|{entry[0]}")
    if triggers:
        main = main_trigger(triggers)
        feats.add("t1=" + main.type)
        feats.add("r=" + str(rule_type(triggers)))
    else:
        feats.add("notrigger")
    return sorted(feats)


@dataclass(frozen=True)
class Typer:
    """A linear (softmax) model over sparse binary features; weights per feature, one per class."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict

    def scores(self, feats: Iterable[str]) -> dict[str, float]:
        present = [self.weights[f] for f in feats if f in self.weights]
        norm = 1.0 / math.sqrt(max(len(present), 1))  # rows were L2-normalised in training
        logits = list(self.bias)
        for row in present:
            for k, w in enumerate(row):
                logits[k] += w * norm
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps)}


MODEL_PATH = "data/events/model.json"  # inside the livebrief package


@functools.lru_cache(maxsize=1)
def load_typer() -> Typer:
    """The trained typer shipped in ``livebrief/data/events/model.json``, loaded once per process."""
    from livebrief.errors import AnalysisError

    try:
        raw = json.loads(resources.files("livebrief").joinpath(MODEL_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AnalysisError(f"event typer model livebrief/{MODEL_PATH} is missing; "
                            "run scripts/train_events.py") from exc
    return typer_from_dict(raw)


def typer_from_dict(raw: dict) -> Typer:
    classes = tuple(raw["classes"])
    return Typer(classes=classes, bias=tuple(raw["bias"]),
                 weights={f: tuple(w) for f, w in raw["weights"].items()}, meta=raw.get("meta", {}))


def classify(sent, triggers: list[Trigger] | None = None, *, typer: Typer | None = None) -> dict[str, float]:
    """Probabilities of each PLOVER type (and NONE) for one sentence."""
    typer = typer or load_typer()
    return typer.scores(features(sent, triggers))
