"""``rasid ner``: tag CoNLL tokens with the packaged CRF model (PERS, LOC, ORG, MISC)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from rasid.cli import app


@app.command()
def ner(
    conll: Path = typer.Option(..., "--conll", exists=True, dir_okay=False, help="CoNLL input: 'token [TAG]' per line, blank line between sentences."),
    output: str = typer.Option("-", "-o", "--output", help="Output CoNLL file ('-' for stdout)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Another .crfsuite model (default: the packaged one)."),
    evaluate: bool = typer.Option(False, "--eval", help="Print entity-level P/R/F1 against the input's tags to stderr."),
    doc_size: int = typer.Option(15, "--doc-size", min=1,
                                 help="Consecutive sentences tagged as one document (the second stage reads a name's tags elsewhere in it)."),
) -> None:
    """Predict B-/I- PERS, LOC, ORG, MISC tags for each token."""
    from rasid.actors.ner import Tagger, default_tagger, read_conll, score, write_conll

    tagger = Tagger(model) if model else default_tagger()
    if tagger is None:
        typer.echo("rasid: no NER model found (run scripts/train_ner.py)", err=True)
        raise typer.Exit(2)
    with conll.open(encoding="utf-8-sig") as fh:
        sents = list(read_conll(fh))
    preds = []
    for k in range(0, len(sents), doc_size):
        preds += [tags for tags, _ in tagger.tag_many_with_marginals([toks for toks, _ in sents[k:k + doc_size]])]
    out = sys.stdout if output == "-" else Path(output).open("w", encoding="utf-8")
    try:
        write_conll(out, ((toks, tags) for (toks, _), tags in zip(sents, preds, strict=True)))
    finally:
        if out is not sys.stdout:
            out.close()
    if evaluate:
        gold = [[g or "O" for g in tags] for _, tags in sents]
        for typ, v in score(gold, preds).items():
            typer.echo(f"{typ:8s} P {v['precision']:.4f} R {v['recall']:.4f} F1 {v['f1']:.4f} n={v['support']}", err=True)
