"""Ingest from Python without the CLI (issue 16 item 2: ``Ingester`` lives outside ``rasid.cli``)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from rasid.ingest import make_document
from rasid.ingest.ingester import ingest_documents
from rasid.store import Store

doc = make_document("قصفت طائرات حربية مدينة البوكمال في ريف دير الزور الشرقي أمس.", id="p1",
                    published="2024-03-12")
with Store(sys.argv[1]) as st:
    assert ingest_documents(st, [doc]) == (1, 0, 0)
    assert ingest_documents(st, [doc]) == (0, 1, 0)
    assert st.documents_without_crossdoc() == []
assert not any(m == "rasid.cli" or m.startswith("rasid.cli.") for m in sys.modules), "imported the CLI"
print("ok")
"""


def test_ingest_without_the_cli(tmp_path):
    res = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "r.db")], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ok"
