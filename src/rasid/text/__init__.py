"""Arabic text layer: matching view with offset map, sentences, tokens, numbers."""

from rasid.text.normalize import MatchView, fold, fold_key
from rasid.text.sentences import split_clauses, split_sentences
from rasid.text.tokens import Token, proclitic_splits, tokenize

__all__ = [
    "MatchView",
    "Token",
    "fold",
    "fold_key",
    "proclitic_splits",
    "split_clauses",
    "split_sentences",
    "tokenize",
]
