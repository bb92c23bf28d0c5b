"""Planning and reading partitions: every partition together reads what the live path reads, no more, no less."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from batch_corpus import jsonl_records, write_warc

from livebrief.batch import expand_inputs, plan, read_partition
from livebrief.errors import InputError
from livebrief.model import Failure, RawDocument
from livebrief.sources import open_source


def read_all(partitions) -> list[RawDocument | Failure]:
    return [item for partition in partitions for item in read_partition(partition)]


def same_documents(batch: list, live: list) -> None:
    """Documents equal field for field (fetched_at aside for stdin-like reads); failures equal in kind and place."""
    assert [type(i).__name__ for i in batch] == [type(i).__name__ for i in live]
    for got, want in zip(batch, live):
        if isinstance(want, RawDocument):
            assert got == want
        else:
            assert (got.stage, got.item, got.error) == (want.stage, want.item, want.error)


@pytest.mark.parametrize("compress", [True, False])
@pytest.mark.parametrize("size", [1, 2, 3, 10])
def test_warc_partitions_read_what_the_live_reader_reads(tmp_path, compress, size):
    path = write_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), list(range(7)), compress=compress)
    partitions = plan(expand_inputs([str(path)]), size=size)
    assert len(partitions) == -(-8 // size)  # at most `size` responses (7 pages and an image) per partition
    assert all(p.format == "warc" and p.length > 0 for p in partitions)
    same_documents(read_all(partitions), list(open_source(str(path))))


@pytest.mark.parametrize("cut", [0.5, 0.8, 0.97])
def test_damaged_warc_keeps_whole_records_and_ends_in_one_failure(tmp_path, cut):
    whole = write_warc(tmp_path / "w.warc.gz", list(range(6))).read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: int(len(whole) * cut)])
    partitions = plan(expand_inputs([str(path)]), size=2)
    assert partitions[-1].count == -1  # the damaged tail is a partition of its own
    batch, live = read_all(partitions), list(open_source(str(path)))
    same_documents(batch, live)
    assert isinstance(batch[-1], Failure) and batch[-1].stage == "source"


def test_garbage_between_warc_records(tmp_path):
    whole = write_warc(tmp_path / "w.warc", list(range(4)), compress=False).read_bytes()
    third = whole.index(b"WARC/1", whole.index(b"WARC/1", whole.index(b"WARC/1", 10) + 10) + 10)
    path = tmp_path / "bad.warc"
    path.write_bytes(whole[:third] + b"THIS IS NOT A WARC RECORD\r\n\r\n" + whole[third:])
    batch = read_all(plan(expand_inputs([str(path)]), size=1))
    same_documents(batch, list(open_source(str(path))))
    assert "corrupt" in batch[-1].message


def test_a_warc_gzipped_as_a_whole_is_one_failing_partition(tmp_path):
    plain = write_warc(tmp_path / "w.warc", [1, 2], compress=False)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    partitions = plan(expand_inputs([str(path)]), size=1)
    assert len(partitions) == 1
    [failure] = read_all(partitions)
    assert isinstance(failure, Failure) and "non-chunked gzip" in failure.message


def jsonl_lines() -> list[str]:
    lines = jsonl_records(list(range(9)), prefix="x")
    lines[3] = "{broken"
    lines.insert(5, "")
    lines.insert(6, "   ")
    return lines


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
@pytest.mark.parametrize("size", [1, 2, 4, 100])
def test_jsonl_partitions_number_lines_as_the_whole_file(tmp_path, name, size):
    data = ("\n".join(jsonl_lines()) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    partitions = plan(expand_inputs([str(path)]), size=size)
    assert len(partitions) == -(-9 // size)  # blank lines are not records
    batch, live = read_all(partitions), list(open_source(str(path)))
    same_documents(batch, live)
    assert [i.source for i in batch if isinstance(i, RawDocument)][-1] == f"{path}:11"


def test_truncated_jsonl_gzip_fails_like_the_live_reader(tmp_path):
    data = gzip.compress(("\n".join(jsonl_records(list(range(400)), prefix="t")) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    partitions = plan(expand_inputs([str(path)]), size=50)
    batch, live = read_all(partitions), list(open_source(str(path)))
    same_documents(batch, live)
    assert sum(isinstance(i, RawDocument) for i in batch) > 50  # what came before the damage is kept
    assert isinstance(batch[-1], Failure) and "records before the damage were kept" in batch[-1].message


def test_partition_ids_are_content_stable(tmp_path):
    write_warc(tmp_path / "a.warc.gz", list(range(5)))
    (tmp_path / "b.jsonl").write_text("\n".join(jsonl_records(list(range(5)), prefix="b")) + "\n")
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(f"Article {n}. " * 20)
    first = plan(expand_inputs([str(tmp_path)]), size=2)
    assert [p.id for p in first] == [p.id for p in plan(expand_inputs([str(tmp_path)]), size=2)]
    assert len({p.id for p in first}) == len(first)
    assert {p.id for p in first}.isdisjoint(p.id for p in plan(expand_inputs([str(tmp_path)]), size=3))
    with (tmp_path / "b.jsonl").open("a") as handle:  # a changed input gets new partitions
        handle.write(json.dumps({"text": "one more record " * 10}) + "\n")
    changed = {p.id for p in plan(expand_inputs([str(tmp_path)]), size=2) if p.input.endswith("b.jsonl")}
    assert changed.isdisjoint(p.id for p in first)


def test_folders_and_globs_in_live_order(corpus):
    files = expand_inputs([str(corpus)])
    assert [Path(f.path).name for f in files] == ["crawl.warc.gz", "cut.jsonl.gz", "damaged.warc.gz", "feed.jsonl",
                                                  "note-40.txt", "page-30.html", "page-31.html", "page-32.html",
                                                  "tiny.txt"]
    assert all(Path(f.path).is_absolute() for f in files)
    globbed = expand_inputs([str(corpus / "pages" / "*.html"), str(corpus / "pages" / "page-30.html")])
    assert [Path(f.path).name for f in globbed] == ["page-30.html", "page-31.html", "page-32.html"]


def test_loose_files_read_as_the_live_path_reads_them(corpus):
    partitions = plan(expand_inputs([str(corpus / "pages")]), size=2)
    assert [len(p.files) for p in partitions] == [2, 2, 1]
    same_documents(read_all(partitions), list(open_source(str(corpus / "pages"))))


@pytest.mark.parametrize("spec, message", [("-", "standard input"), ("/no/such/place", "no such file"),
                                           ("/no/such/*.warc", "no files match")])
def test_unusable_specs_raise(spec, message):
    with pytest.raises(InputError, match=message):
        expand_inputs([spec])


def test_remote_paths_through_fsspec(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    local = write_warc(tmp_path / "crawl.warc.gz", list(range(3)))
    fs = fsspec.filesystem("memory")
    fs.pipe("/lb-test/in/crawl.warc.gz", local.read_bytes())
    fs.pipe("/lb-test/in/feed.jsonl", ("\n".join(jsonl_records([1, 2, 3], prefix="m")) + "\n").encode())
    fs.pipe("/lb-test/in/page.html", b"<html><body><p>" + b"Remote page text. " * 20 + b"</p></body></html>")
    try:
        files = expand_inputs(["memory://lb-test/in"])
        assert [f.path.rsplit("/", 1)[-1] for f in files] == ["crawl.warc.gz", "feed.jsonl", "page.html"]
        items = read_all(plan(files, size=2))
        docs = [i for i in items if isinstance(i, RawDocument)]
        assert [d.url for d in docs[:3]] == [d.url for d in open_source(str(local))]
        feed, page = files[1].path, files[2].path
        assert feed.startswith("memory://") and feed.endswith("/lb-test/in/feed.jsonl")
        assert [d.source for d in docs[3:]] == [f"{feed}:1", f"{feed}:2", f"{feed}:3", page]
        assert docs[-1].kind == "html"
    finally:
        fs.rm("/lb-test", recursive=True)
