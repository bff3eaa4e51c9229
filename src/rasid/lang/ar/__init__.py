"""Shared Arabic word classes (``data/``): proclitics and prepositions, negators,
relatives, demonstratives, time words, place-type nouns and regional priors,
read through :mod:`rasid.lang`. A stage's own lists stay in its ``data/``."""
