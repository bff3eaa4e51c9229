"""Input kinds -> :class:`~rasid.model.document.Document`.

``iter_documents`` yields a Document or an :class:`~rasid.errors.InputError`
for every article it finds, so a caller reports bad inputs and goes on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Iterator

from rasid.errors import EmptyInputError, InputError, MalformedInputError
from rasid.model.document import Document, nfkc


def content_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(nfkc(text).strip().encode("utf-8")).hexdigest()[:16]


def make_document(
    text: str,
    *,
    id: str | None = None,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    source_path: str | None = None,
) -> Document:
    if not text or not text.strip():
        raise EmptyInputError("no text to analyse", source_path or id)
    return Document(
        id=str(id) if id else content_id(text),
        text=text,
        published=(str(published)[:10] if published else None),
        title=title,
        url=url,
        outlet=outlet,
        source_path=source_path,
    )


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def _iter_jsonl(path: Path) -> Iterator[Document | InputError]:
    with path.open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield MalformedInputError(f"malformed JSONL line ({exc})", where)
                continue
            try:
                yield make_document(
                    rec.get("text") or "",
                    id=rec.get("id"),
                    published=rec.get("published"),
                    title=rec.get("title"),
                    url=rec.get("url"),
                    outlet=rec.get("outlet"),
                    source_path=where,
                )
            except InputError as exc:
                yield exc


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    published: str | None = None,
    outlet: str | None = None,
) -> Iterator[Document | InputError]:
    for inp in inputs:
        path = Path(inp)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            yield from iter_documents(files, published=published, outlet=outlet)
        elif not path.exists():
            yield InputError("no such file or directory", str(inp))
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _iter_jsonl(path)
        else:
            try:
                yield make_document(
                    _read_text(path), published=published, outlet=outlet, source_path=str(path)
                )
            except InputError as exc:
                yield exc
            except UnicodeDecodeError as exc:
                yield InputError(f"cannot decode text ({exc.reason})", str(path))
