"""The sentence encoder moved to :mod:`rasid.embed` (the events stage uses it too); re-exported here."""

from rasid.embed import DIM, LEAD_CHARS, _USE, _Hashing, doc_text, doc_vector, embed, encoder, use_encoder  # noqa: F401
