"""Storage for analysed documents: a SQLite file (the default) or a PostgreSQL
database; every SQL statement of Rasid lives in this package.

- :mod:`rasid.store.sqlite`      the :class:`Store` (write side, search, the reads the CLI needs)
- :mod:`rasid.store.queries`     the read model (read-only; the API, exports and CLI)
- :mod:`rasid.store.crossdoc`    the cross-document tables (what :mod:`rasid.crossdoc` runs)
- :mod:`rasid.store.migrations`  the one registry of schema migrations
- :mod:`rasid.store.search_terms` what the full-text index holds and how queries match it
- :mod:`rasid.store.backend`     SQLite and PostgreSQL: every difference between their SQL
"""

from rasid.store.sqlite import SCHEMA_VERSION, Store, content_hash

__all__ = ["SCHEMA_VERSION", "Store", "content_hash"]
