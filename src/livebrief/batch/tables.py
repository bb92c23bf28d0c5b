"""The batch output tables: Arrow schemas made from the records in model.py, rows to and from records.

``articles`` holds every extracted article with its duplicate keys (``text_hash``,
``signature``) and its full analysis as JSON (the analysis contract minus the article
text, as the store keeps it), so :func:`analysis_from_row` rebuilds the Analysis
losslessly. The other tables flatten the analyses one row per finding for querying
with Arrow, DuckDB or Dask; they are derived, never read back.

Every row carries ``partition`` (and the finding tables ``article_id``) so a table
can be joined back and a partition's rows found.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Union

import pyarrow as pa

from livebrief import model
from livebrief.model import Analysis, Article, Failure

# Analysis field -> table name, for the findings that get a table of their own.
FINDINGS = {
    "entities": model.Entity,
    "quotes": model.Quote,
    "claims": model.Claim,
    "quantities": model.Quantity,
    "places": model.Place,
    "times": model.TimeExpr,
    "events": model.Event,
}
TABLES = ("articles", *FINDINGS, "failures")


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a model field's annotation (``str | None``, ``tuple[Span, ...]``, a record …)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        if len(kept) != 1:
            raise TypeError(f"no Arrow type for the union {hint}")
        return arrow_type(kept[0])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return pa.list_(arrow_type(args[0]))
        if len(set(args)) == 1:  # a fixed-size tuple such as Span = tuple[int, int]
            return pa.list_(arrow_type(args[0]))
        raise TypeError(f"no Arrow type for the mixed tuple {hint}")
    if dataclasses.is_dataclass(hint):
        return pa.struct(record_fields(hint))
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), bytes: pa.binary()}
    if hint in simple:
        return simple[hint]
    raise TypeError(f"no Arrow type for {hint}")


def record_fields(cls: type) -> list[pa.Field]:
    hints = typing.get_type_hints(cls)
    return [pa.field(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]


_PARTITION = pa.field("partition", pa.string(), nullable=False)
_ARTICLE_EXTRA = [
    pa.field("signature", pa.binary()),
    pa.field("analysis_status", pa.string()),  # analyzed, skipped (language), failed
    pa.field("pipeline_version", pa.string()),
    pa.field("analysis", pa.string()),  # the analysis contract as JSON, article reduced to its id
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([_PARTITION, pa.field("position", pa.int32()), *record_fields(Article), *_ARTICLE_EXTRA]),
    **{name: pa.schema([_PARTITION, pa.field("article_id", pa.string()), pa.field("index", pa.int32()),
                        *record_fields(cls)]) for name, cls in FINDINGS.items()},
    "failures": pa.schema([_PARTITION, pa.field("position", pa.int32()), *record_fields(Failure)]),
}


def article_row(article: Article, *, partition: str, position: int, signature: bytes,
                analysis: Analysis | None, status: str | None) -> dict[str, Any]:
    row = {"partition": partition, "position": position, **article.to_dict(), "signature": signature,
           "analysis_status": status, "pipeline_version": analysis.pipeline_version if analysis else None,
           "analysis": None}
    if analysis is not None:
        data = analysis.contract()
        data["article"] = {"id": article.id}  # the article is in this row's own columns
        row["analysis"] = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return row


def finding_rows(analysis: Analysis, *, partition: str) -> dict[str, list[dict[str, Any]]]:
    """One row per entity, quote, claim, quantity, place, time and event of an analysis."""
    article_id = analysis.article.id
    return {name: [{"partition": partition, "article_id": article_id, "index": index, **item.to_dict()}
                   for index, item in enumerate(getattr(analysis, name))]
            for name in FINDINGS}


def failure_row(failure: Failure, *, partition: str, position: int | None) -> dict[str, Any]:
    return {"partition": partition, "position": position, **failure.to_dict()}


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def article_from_row(row: dict[str, Any]) -> Article:
    return Article.from_dict(row)


def analysis_from_row(row: dict[str, Any], article: Article | None = None) -> Analysis | None:
    """The Analysis stored in an ``articles`` row, or None when the article has none."""
    if not row.get("analysis"):
        return None
    data = json.loads(row["analysis"])
    data["article"] = (article or article_from_row(row)).to_dict()
    return Analysis.from_dict(data)


def failure_from_row(row: dict[str, Any]) -> Failure:
    return Failure.from_dict(row)


__all__ = [
    "FINDINGS",
    "SCHEMAS",
    "TABLES",
    "analysis_from_row",
    "arrow_type",
    "article_from_row",
    "article_row",
    "failure_from_row",
    "failure_row",
    "finding_rows",
    "record_fields",
    "to_table",
]
