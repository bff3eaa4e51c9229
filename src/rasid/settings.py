"""Settings: one table of name, default and help.

A setting is read from the environment as ``RASID_<NAME>`` (upper case), or
from a CLI option where one exists; otherwise its default applies.
``rasid --help`` and README.md list them (a test checks they are documented).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "rasid.db", "The database used by ingest, search, serve and export: a SQLite file path or a postgresql:// URL."),
    Setting("max_input_bytes", 20_000_000, "Inputs larger than this many bytes are refused with a clear error."),
    Setting("max_doc_chars", 100_000, "Analysis covers at most this many characters of one document (cut at a sentence end); the rest is stored but not analysed, with a warning. 0 = no limit."),
    Setting("max_doc_seconds", 60.0, "Once one document has taken this many seconds, its remaining stages are skipped with a warning (checked between stages). 0 = no limit."),
    Setting("min_arabic_ratio", 0.3, "Texts with a smaller share of Arabic letters get a 'not Arabic' warning."),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a URL or feed."),
    Setting("tile_url", "", "Online tile server URL template for the web map; empty = offline Natural Earth basemap."),
    Setting("host", "127.0.0.1", "Address the web server listens on."),
    Setting("port", 8000, "Port the web server listens on."),
    Setting("allowed_hosts", "", "Further Host header names the web server answers to, comma-separated "
                                 "(its bind address and, on loopback, localhost always; * for any)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """The value of a setting: environment ``RASID_<NAME>`` or the default."""
    s = _BY_NAME[name]
    raw = os.environ.get(f"RASID_{name.upper()}")
    if raw is None:
        return s.default
    if isinstance(s.default, bool):
        return raw.lower() in ("1", "true", "yes", "on")
    if isinstance(s.default, int):
        return int(raw)
    if isinstance(s.default, float):
        return float(raw)
    return raw
