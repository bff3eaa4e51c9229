"""Embedded SQLite storage for analysed documents (see :mod:`rasid.store.sqlite`)."""

from rasid.store.sqlite import SCHEMA_VERSION, Store, content_hash

__all__ = ["SCHEMA_VERSION", "Store", "content_hash"]
