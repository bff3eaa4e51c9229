"""The built-in sample corpus: short Arabic news articles written for Rasid.

Thirteen articles (2023-2024) from six fictional outlets on US force
movements at the Iraq-Syria border (Al-Waleed, Al-Qaim / Al-Bukamal), a drone
strike near Deir ez-Zor reported by three outlets plus a syndicated copy and a
denial, an unrelated strike in Idlib the same day, arrests, a ministerial
visit, a militia threat and exercises at Al-Tanf. They were written for the
demo and the tests (the setting is real, the wording is ours; events, figures,
quotes and outlets are illustrative and must not be cited as news).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from rasid.model.document import Document

FILE = "articles.jsonl"


def path() -> Path:
    """Path of the sample corpus (a JSONL file shipped in the package)."""
    return Path(str(resources.files("rasid.samples").joinpath(FILE)))


def records() -> list[dict]:
    """The raw records ``{id, url, outlet, title, published, text}``."""
    with path().open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load() -> list[Document]:
    """The sample articles as (unannotated) Documents."""
    from rasid.ingest import make_document

    return [
        make_document(
            r["text"],
            id=r["id"],
            published=r["published"],
            title=r["title"],
            url=r["url"],
            outlet=r["outlet"],
            source_path=f"{path()}:{n}",
        )
        for n, r in enumerate(records(), 1)
    ]
