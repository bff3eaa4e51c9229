"""The store owns the SQL: migrations registry, named-column inserts, the reads the CLI needs."""

from __future__ import annotations

import pytest

from rasid.store import SCHEMA_VERSION, Store
from rasid.store import migrations, sqlite as store_sqlite
from test_store import annotated

DOC_TABLES = ("documents", "entities", "mentions", "times", "claims", "events")


def test_migrations_numbered_without_gaps():
    versions = [m.version for m in migrations.REGISTRY]
    assert versions == list(range(1, len(versions) + 1))
    assert SCHEMA_VERSION == versions[-1]
    assert all(m.description for m in migrations.REGISTRY)
    assert [m.version for m in migrations.pending(1)] == versions[1:]


def test_function_migration_runs(monkeypatch, tmp_path):
    """A migration may be a function of the connection; the version is recorded after it."""
    seen = []
    extra = migrations.Migration(SCHEMA_VERSION + 1, "test", lambda c: seen.append(c.execute("SELECT 1").fetchone()))
    monkeypatch.setattr(migrations, "REGISTRY", migrations.REGISTRY + (extra,))
    monkeypatch.setattr(store_sqlite, "pending", migrations.pending)
    with Store(tmp_path / "m.db") as st:
        assert seen and st.schema_version == SCHEMA_VERSION + 1


def test_every_column_written_by_name():
    """Each INSERT names every column of its table (no positional VALUES)."""
    statements: list[str] = []
    st = Store(":memory:")
    st.conn.set_trace_callback(statements.append)
    st.add(annotated())
    inserts = [s for s in statements if s.startswith("INSERT INTO")]
    for table in DOC_TABLES:
        cols = [r[1] for r in st.conn.execute(f'PRAGMA table_info("{table}")')]
        mine = [s for s in inserts if s.startswith(f"INSERT INTO {table}(")]
        assert mine, table
        for s in mine:
            named = s[s.index("(") + 1:s.index(")")].replace('"', "").split(", ")
            assert sorted(named) == sorted(cols), table
    row = dict(st.conn.execute("SELECT * FROM events").fetchone())
    assert (row["place_name"], row["actor_name"], row["date_start"], row["outlet"], row["published"]) == (
        "Deir ez-Zor", "US forces", "2024-03-14", "صحيفة المثال", "2024-03-15")
    assert row["stance"] == "assert" and row["source_text"] == "مصدر محلي"


def test_event_rows():
    with Store(":memory:") as st:
        st.add(annotated())
        rows = st.event_rows(("doc_id", "event_id", "type"))
        assert rows == [{"doc_id": "t1", "event_id": "event-1", "type": "MOBILIZE"}]
        assert st.event_rows(("event_id",), etype="ASSAULT") == []
        assert st.event_rows(("event_id",), limit=1) == [{"event_id": "event-1"}]
        with pytest.raises(ValueError):
            st.event_rows(("event_id", "1; DROP TABLE events"))


def test_crossdoc_overviews():
    with Store(":memory:") as st:  # migration 3 made the (empty) cross-document tables
        assert st.stories_overview() == {"stories": 0, "copies": 0, "largest": []}
        assert st.merged_overview() == (0, 0)
        with st.conn:
            st.conn.execute("INSERT INTO stories(id, title, n_docs, date_start, date_end)"
                            " VALUES ('s1', 'T', 2, '2024-01-01', '2024-01-02')")
        assert st.stories_overview() == {"stories": 1, "copies": 0,
                                         "largest": [("T", 2, "2024-01-01", "2024-01-02")]}
        st.add(annotated())
        assert st.documents_without_crossdoc() == [("t1", "2024-03-15")]
