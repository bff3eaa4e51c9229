"""``rasid serve`` and the ``rasid.web.serve`` entry point (without starting a server)."""

from __future__ import annotations

from typer.testing import CliRunner

from rasid.cli import app


def test_serve_help_and_missing_db(tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--db" in r.output and "--port" in r.output
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code == 2


def test_serve_calls_uvicorn_on_localhost(sample_db, monkeypatch):
    import uvicorn  # a core dependency: missing is a packaging regression, not a skip

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: seen.update(host=host, port=port))
    r = CliRunner().invoke(app, ["serve", "--db", str(sample_db), "--port", "8765"])
    assert r.exit_code == 0, r.output
    assert seen == {"host": "127.0.0.1", "port": 8765}
    from rasid.web import serve

    serve(sample_db, port=8766, open_browser=False)
    assert seen["port"] == 8766
