"""Merged events (``rasid.crossdoc``) as the API and ``merged-jsonl`` show them: the
store's record of each (:meth:`rasid.store.queries.Database.merged_record`) with
its English one-line summary (:func:`rasid.export.summary.summary_line`).
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from rasid.export.summary import summary_line
from rasid.store.queries import Database, EventFilter


def merged_full(db: Database, merged_id: str) -> dict[str, Any] | None:
    """``{"merged_event": ..., "mentions": [...]}``; the merged event has ``summary``."""
    rec = db.merged_record(merged_id)
    if rec is None:
        return None
    m = rec.merged_event
    m["summary"] = summary_line(m, rec.events)
    return {"merged_event": m, "mentions": rec.mentions}


def merged_of(db: Database, doc_id: str, event_id: str) -> dict[str, Any] | None:
    """The merged event an event belongs to: its row (JSON fields included), reports and summary."""
    mid = db.merged_id_of(doc_id, event_id)
    return merged_full(db, mid) if mid else None


def merged_summaries(db: Database, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adds ``summary`` (the English line) to merged event rows."""
    for r in rows:
        full = merged_full(db, r["id"]) if r.get("id") else None
        r["summary"] = full["merged_event"]["summary"] if full else None
    return rows


def iter_merged_jsonl(db: Database, f: EventFilter) -> Iterator[str]:
    """Merged events with at least one report matching the event filter ``f``, most
    corroborated first, one JSON object a line: the merged event's fields, ``summary``
    (the English one-line summary) and ``reports``."""
    for mid in db.merged_ids(f):
        full = merged_full(db, mid)
        if not full:
            continue
        m = {k: v for k, v in full["merged_event"].items() if k not in ("mentions", "sides")}
        m["reports"] = [{k: x.get(k) for k in ("doc_id", "event_id", "outlet", "published", "stance", "modality",
                                                "source_text", "source_name", "evidence_text", "is_copy")}
                        for x in full["mentions"]]
        yield json.dumps(m, ensure_ascii=False) + "\n"


__all__ = ["iter_merged_jsonl", "merged_full", "merged_of", "merged_summaries"]
