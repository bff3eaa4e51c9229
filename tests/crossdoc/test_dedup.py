"""Near-duplicate groups with MinHash LSH stored in SQLite."""

from __future__ import annotations

from articles import TEXT_A, TEXT_B, TEXT_D

from rasid.crossdoc import dedup
from rasid.store.crossdoc import ensure_schema


def test_spelling_variants_give_the_same_shingles():
    a = dedup.shingles("قالت وزارة الدفاع إن الطائرات قصفت مواقع")
    b = dedup.shingles("قالَت وزارة الدفاع ان الطائرات قصفت مواقع")  # diacritic, bare alef
    assert a == b


def test_fast_fold_agrees_with_fold():
    from rasid.text import fold

    for t in (TEXT_A, TEXT_B, "«سوريّة» وإيران، ٢٠٢٤ — Idlib"):
        assert dedup.fast_fold(t) == fold(t)


def test_copy_found_through_the_stored_bands(conn):
    ensure_schema(conn)
    r1 = dedup.add_document(conn, "a", TEXT_A, "2024-03-12", "x")
    r2 = dedup.add_document(conn, "b", TEXT_B, "2024-03-12", "y")
    r3 = dedup.add_document(conn, "d", TEXT_D, "2024-03-12", "z")
    assert r1.original and r2.original
    assert r2.group_id != r1.group_id
    assert r3.group_id == r1.group_id and not r3.original and r3.similarity >= dedup.THRESHOLD
    assert dedup.original_of(conn, r1.group_id) == "a"
    n_bands = dedup.band_params()[0] + dedup.WIDE_BANDS[0]
    assert conn.execute("SELECT COUNT(*) FROM dup_bands").fetchone()[0] == 3 * n_bands


def test_earlier_published_member_becomes_the_original(conn):
    ensure_schema(conn)
    dedup.add_document(conn, "late", TEXT_D, "2024-03-14", "z")
    r = dedup.add_document(conn, "early", TEXT_A, "2024-03-12", "x")
    assert r.original
    assert dedup.group_info(conn, ["late", "early"]) == {"late": (r.group_id, True), "early": (r.group_id, False)}


def test_short_texts_are_never_grouped(conn):
    ensure_schema(conn)
    a = dedup.add_document(conn, "s1", "قصف على البوكمال", None, None)
    b = dedup.add_document(conn, "s2", "قصف على البوكمال", None, None)
    assert a.group_id != b.group_id


#: words of a longer article's own paragraphs (made up for the test)
_MORE = ("وفي سياق متصل قال شهود عيان إن سيارات الإسعاف نقلت الجرحى إلى مستشفى المدينة الوطني وسط حالة "
         "من الذعر بين السكان الذين غادر بعضهم منازلهم نحو القرى المجاورة خوفا من تجدد الغارات خلال "
         "الساعات المقبلة بينما أغلقت المحال التجارية أبوابها في السوق الرئيسي ولم تصدر الحكومة أي تعليق "
         "رسمي حتى مساء اليوم").split()


def test_wire_text_inside_a_longer_article_is_a_copy(conn, monkeypatch):
    # a syndicated text printed inside a longer article: Jaccard just over the
    # threshold, but no band of datasketch's 18 x 7 in common; the wide bands find it
    ensure_schema(conn)
    longer = TEXT_A + " " + " ".join(_MORE[14:50])
    a, b = dedup.signature(TEXT_A)[0], dedup.signature(longer)[0]
    assert dedup.jaccard(a, b) >= dedup.THRESHOLD
    assert not set(enumerate(dedup.band_hashes(a))) & set(enumerate(dedup.band_hashes(b)))
    r1 = dedup.add_document(conn, "wire", TEXT_A, "2024-03-12", "x")
    r2 = dedup.add_document(conn, "long", longer, "2024-03-12", "y")
    assert r2.group_id == r1.group_id and not r2.original
    monkeypatch.setattr(dedup, "WIDE_BANDS", (0, 0))
    conn.execute("DELETE FROM dup_bands")
    conn.execute("DELETE FROM dup_groups")
    r1 = dedup.add_document(conn, "wire2", TEXT_A, "2024-03-12", "x")
    r2 = dedup.add_document(conn, "long2", longer, "2024-03-12", "y")
    assert r2.group_id != r1.group_id  # missed without them


def test_band_hashes_are_stable():
    sig, _ = dedup.signature(TEXT_A)
    assert dedup.band_hashes(sig) == dedup.band_hashes(dedup.signature(TEXT_A)[0])


def test_schema_adds_columns_to_an_older_file(conn):
    conn.execute("CREATE TABLE merged_mentions(merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,"
                 " outlet TEXT, published TEXT, stance TEXT, source_text TEXT, is_copy INTEGER,"
                 " json TEXT NOT NULL, PRIMARY KEY (doc_id, event_id))")
    ensure_schema(conn)
    cols = {r[1] for r in conn.execute("PRAGMA table_info(merged_mentions)")}
    assert {"story_id", "group_id"} <= cols
    ensure_schema(conn)  # idempotent


def test_template_instances_are_not_copies(conn):
    # issue 14: two cables of one template (another day, recipient and country)
    # share most of their wording but are two happenings; a syndicated copy
    # (a dateline added, the end cut) stays a copy
    from articles import CABLE_1, CABLE_1_COPY, CABLE_2

    ensure_schema(conn)
    sig = lambda t: dedup.signature(t)[0]  # noqa: E731
    assert dedup.jaccard(sig(CABLE_1), sig(CABLE_2)) >= dedup.THRESHOLD  # worded alike
    r1 = dedup.add_document(conn, "k1", CABLE_1, "2024-05-06", "x")
    r2 = dedup.add_document(conn, "k2", CABLE_2, "2024-05-09", "x")
    r3 = dedup.add_document(conn, "k1c", CABLE_1_COPY, "2024-05-06", "y")
    assert r2.group_id != r1.group_id and r2.original
    assert r2.siblings == ["k1"]  # the same template, another day: not this happening
    assert r3.group_id == r1.group_id and not r3.original and r3.siblings == ["k2"]


def test_template_instances_differ_by_their_names(conn):
    # the same day: only the named recipient and country tell the two cables apart
    from articles import CABLE_1, CABLE_2, cable_doc

    ensure_schema(conn)
    text2 = CABLE_2.replace("الخميس", "الاثنين")
    d1 = cable_doc("k1", CABLE_1, "2024-05-06", "x", "سامر الخطيب", "جمهورية الواحة")
    d2 = cable_doc("k2", text2, "2024-05-06", "y", "كريم العلي", "جمهورية الساحل")
    assert not dedup.doc_keys(CABLE_1).conflicts(dedup.doc_keys(text2))  # no names: nothing differs
    r1 = dedup.add_document(conn, d1.id, d1.text, d1.published, d1.outlet, d1.entities)
    r2 = dedup.add_document(conn, d2.id, d2.text, d2.published, d2.outlet, d2.entities)
    assert r1.group_id != r2.group_id and r2.siblings == ["k1"]


def test_keys_survive_the_stored_signature():
    from articles import CABLE_1, cable_doc

    d = cable_doc("k1", CABLE_1, "2024-05-06", "x", "سامر الخطيب", "جمهورية الواحة")
    keys = dedup.doc_keys(d.text, d.entities)
    sig, _ = dedup.signature(d.text)
    back_sig, back = dedup._unpack(sig.tobytes() + dedup._pack_keys(keys))
    assert (back_sig == sig).all() and back == keys.__class__(keys.lead, keys.all)
    assert dedup._unpack(sig.tobytes())[1] is None  # a signature stored before the keys
