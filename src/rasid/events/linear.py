"""The logistic-regression models of the events stage (eventness per mention,
the gate per event): a saved model file, the slot that holds the shipped one
or a replacement (training, cross-validation), and the probability.

A model is the JSON its training script writes: ``features``, ``coef``,
``intercept``, optional ``mean``/``scale`` for the standardised numeric
features, and the thresholds its user reads.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any, Callable


def bucket(n: float, edges: tuple[float, ...]) -> str:
    """The first edge ``n`` does not exceed, as a feature value (``>last`` past them)."""
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def logit(p: float, eps: float) -> float:
    p = min(max(p, eps), 1 - eps)
    return math.log(p / (1 - p))


def prepare(model: dict[str, Any]) -> dict[str, Any]:
    """A model dict as saved -> with a name -> weight lookup."""
    model = dict(model)
    model["w"] = dict(zip(model["features"], model["coef"], strict=True))
    return model


def probability(model: dict[str, Any], feats: dict[str, float]) -> float:
    w = model["w"]
    mu, sd = model.get("mean", {}), model.get("scale", {})
    z = model["intercept"]
    for k, v in feats.items():
        if k in w:
            z += w[k] * ((v - mu.get(k, 0.0)) / sd.get(k, 1.0) if k in sd else v)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


class ModelSlot:
    """The model a stage uses: the shipped file of ``rasid.events`` (read once;
    None when it is missing) unless :meth:`use` put another in its place."""

    def __init__(self, filename: str, prepare_fn: "Callable[[dict[str, Any]], dict[str, Any]] | None" = None) -> None:
        self.filename = filename
        self._prepare = prepare_fn or prepare
        self._shipped: list[dict[str, Any] | None] = []
        self._override: list[dict[str, Any] | None] = []

    def shipped(self) -> dict[str, Any] | None:
        if not self._shipped:
            try:
                raw = resources.files("rasid.events").joinpath(self.filename).read_text(encoding="utf-8")
                self._shipped.append(self._prepare(json.loads(raw)))
            except (FileNotFoundError, OSError):
                self._shipped.append(None)
        return self._shipped[0]

    def use(self, model: dict[str, Any] | None, active: bool = True) -> None:
        """Replace the shipped model; ``active=False`` switches the model off;
        ``use(None)`` restores the shipped one."""
        self._override.clear()
        if model is not None or not active:
            self._override.append(self._prepare(model) if model is not None else None)

    def current(self) -> dict[str, Any] | None:
        return self._override[0] if self._override else self.shipped()
