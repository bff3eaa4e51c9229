"""Pipeline stage: claims - who says what, with which cue and stance.

Attribution in Arabic news: a cue (قال، نفى، يعتقد، بحسب ...; ``data/cues.yaml``)
with its stance, the source phrase (named person, anonymous source,
organisation, media, document; ``data/sources.yaml``), and the content the
source asserts, denies or speculates, with chains ("نقل موقع X عن مصدر Y")
and continuations ("وأضاف أن", "ولفت المصدر").

Works without entities, from its word lists alone; uses the actors stage's
entities (links, kinds, name boundaries), the places stage's metonyms and the
times stage's expressions (cut off the end of a source) when present.

Modules: :mod:`.lexicon` (word lists), :mod:`.tokens` (token view),
:mod:`.sources` (source phrases), :mod:`.extract` (cue rules -> drafts),
:mod:`.assemble` (drafts -> :class:`~rasid.model.document.Claim`).
"""

from __future__ import annotations

from rasid.claims.assemble import extract_claims
from rasid.model.document import Document

__all__ = ["annotate", "extract_claims"]


def annotate(doc: Document) -> None:
    """Append the claims found in ``doc`` to ``doc.claims``."""
    doc.claims.extend(extract_claims(doc))
