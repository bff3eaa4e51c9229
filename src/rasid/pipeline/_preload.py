"""Imported by the local workers' fork server (:mod:`rasid.pipeline.parallel`):
loads the default pipeline once, on the warm-up sentence, so that every worker
forked from the server starts with the models and word tables already loaded
(instead of each worker importing and loading them again)."""

from __future__ import annotations

from rasid.pipeline.parallel import warm_up

warm_up()
