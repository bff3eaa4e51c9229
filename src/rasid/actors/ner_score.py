"""The linear-chain CRF of the NER model scored with numpy (a speed-up of
:class:`rasid.actors.ner.Tagger`, nothing else).

Crfsuite's tagger spends most of its time turning ~50 attribute strings a token
into ids. The weights are read here once from the model file (exact, as float64),
and each word's contribution to the state scores of its own position and of its
neighbours' (the attributes of :func:`rasid.actors.ner_features.sent_items`) is
summed once per word and cached; a sentence's state scores are then a few
vector additions, and Viterbi and forward-backward run with numpy over all the
sentences of a document at once, in crfsuite's formulation (the same
recursions and scaling). The sums are taken in another order than crfsuite's
(and the matrix products' order may depend on how many sentences are scored
together), so a score may differ in the last bits (marginals within ~1e-14):
the tags and the confidences (rounded to three decimals) of the 392-article
corpus are identical to crfsuite's (``benchmarks/golden_output.py``).
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Sequence

import numpy as np

from rasid.actors.ner_features import _BIDI, _EDGE, _may_start_phrase, _near_clusters, _phrase_tags, _word_feats, active_groups

_OFFS = (-2, -1, 1, 2)
_MAX_WORDS = 100000  # the per-word cache (~0.5 kB a word) is emptied when it grows past this


def read_weights(path: str | Path, attrs: dict[bytes, int], n_labels: int) -> tuple[np.ndarray, np.ndarray] | None:
    """(state weights [attribute, label], transition weights [label, label]) of a
    crfsuite 1st-order model file, or None when the file is not in the expected form."""
    data = Path(path).read_bytes()
    if len(data) < 48 or data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        return None
    n_lab, n_attr, off_feat = struct.unpack_from("<3I", data, 20)
    if n_lab != n_labels or n_attr != len(attrs) or data[off_feat:off_feat + 4] != b"FEAT":
        return None
    (num,) = struct.unpack_from("<I", data, off_feat + 8)
    rec = np.frombuffer(data, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                        count=num, offset=off_feat + 12)
    state = np.zeros((n_attr + 1, n_lab))  # the last row: an attribute the model does not know
    trans = np.zeros((n_lab, n_lab))
    st, tr = rec[rec["type"] == 0], rec[rec["type"] == 1]
    if len(st) + len(tr) != num or (st["src"] >= n_attr).any() or (st["dst"] >= n_lab).any() \
            or (tr["src"] >= n_lab).any() or (tr["dst"] >= n_lab).any():
        return None
    np.add.at(state, (st["src"].astype(np.intp), st["dst"].astype(np.intp)), st["w"])
    np.add.at(trans, (tr["src"].astype(np.intp), tr["dst"].astype(np.intp)), tr["w"])
    return state, trans


class _AttrIndex:
    """The model's attribute ids by (prefix, value) strings: ``by[prefix][value]`` is
    the id of attribute ``prefix + value`` for every split after a ':' (``"-1:w:"``,
    ``"قال"``), and ``names[name]`` of a whole name. The words' attributes are
    then looked up without building and encoding each name (a speed-up only)."""

    def __init__(self, attrs: dict[bytes, int]) -> None:
        self.by: dict[str, dict[str, int]] = {}
        self.names: dict[str, int] = {}
        for a, i in attrs.items():
            s = a.decode("utf-8", "surrogateescape")
            self.names[s] = i
            k = s.find(":")
            while k >= 0:
                self.by.setdefault(s[:k + 1], {})[s[k + 1:]] = i
                k = s.find(":", k + 1)

    def table(self, prefix: str) -> dict[str, int]:
        return self.by.get(prefix) or {}


class Scorer:
    """Tags and marginals of sentences under the weights of :func:`read_weights`."""

    def __init__(self, labels: Sequence[str], attrs: dict[bytes, int], state: np.ndarray, trans: np.ndarray) -> None:
        self.labels = list(labels)
        self._ids = attrs
        self._unk = len(attrs)
        self._state = state
        self._trans = trans
        self._exp_trans = np.exp(trans)
        self._words: dict[str, tuple[str, bytes, np.ndarray, bool]] = {}
        self._edge = {off: self._vec(a) for off, a in _EDGE.items()}
        self._groups = active_groups()
        self._index = _AttrIndex(attrs)
        t = self._index.table
        self._t_own = [t(p) for p in ("w:", "stem:", "pro:", "shape:", "len:")]
        self._t_affix = [(k, t("pre%d:" % k), t("suf%d:" % k)) for k in (1, 2, 3)]
        self._t_raw = t("raw:")
        self._t_off = {off: [t(f"{off}:{x}:") for x in ("w", "s", "c1", "c2", "sh", "suf2", "pro")] for off in _OFFS}
        self._g_ids: dict[str, tuple[int, tuple[int, ...]]] = {}  # g_ feature -> (own id, the ids given to each offset)

    def _g(self, k: str) -> tuple[int, tuple[int, ...]]:
        hit = self._g_ids.get(k)
        if hit is None:
            names, unk = self._index.names, self._unk
            hit = self._g_ids[k] = (names.get(k, unk), tuple(names.get(f"{off}:{k}", unk) for off in _OFFS))
        return hit

    def _word_ids(self, w0: str) -> tuple[str, list[list[int]]]:
        """(norm, the attribute ids of :func:`rasid.actors.ner_features._word_items`:
        its own, then given to the word 2 after, 1 after, 1 before, 2 before), in the
        same order, an unknown attribute as the last row."""
        unk, groups = self._unk, self._groups
        w = _BIDI.sub("", w0) or w0
        b = _word_feats(w, groups)
        nw, st = str(b["n"]), str(b["s"])
        pr, sh = str(b["p"]), str(b["sh"])
        tw, tst, tpr, tsh, tlen = self._t_own
        own = [self._index.names.get("bias", unk), tw.get(nw, unk), tst.get(st, unk), tpr.get(pr, unk),
               tsh.get(sh, unk), tlen.get("%d" % min(len(st), 8), unk)]
        if "affix" in groups:
            for k, tpre, tsuf in self._t_affix:
                if len(st) > k:
                    own += [tpre.get(st[:k], unk), tsuf.get(st[-k:], unk)]
        gs = []
        for k, v in b.items():
            if k.startswith("g_"):
                if v != 1.0:
                    raise ValueError(f"feature {k} has weight {v}")
                g = self._g(k)
                own.append(g[0])
                gs.append(g[1])
            elif k[0] == "x":
                own.append(self._index.names.get(k, unk))
            elif k[0] == "c":
                if not isinstance(v, str):
                    raise ValueError(f"feature {k} has weight {v}")
                own.append(self._index.table(k + ":").get(v, unk))
        own.append(self._t_raw.get(w, unk))
        c1 = str(b["c1"]) if "c1" in b else None
        c2 = str(b["c2"]) if c1 is not None and "c2" in b else None
        suf2 = st[-2:]
        clx = "clx" in groups
        out = [own]
        for j, off in enumerate(_OFFS):
            tw_, ts_, tc1, tc2, tsh_, tsuf2, tpro = self._t_off[off]
            ids = [tw_.get(nw, unk), ts_.get(st, unk)]
            if c1 is not None:
                ids.append(tc1.get(c1, unk))
                if off in (-1, 1):
                    ids.append(tc2.get(str(b["c2"]) if c2 is None else c2, unk))
                if clx:
                    ids += [self._index.table(k + ":").get(v, unk) for k, v in _near_clusters(b, off, groups)[(2 if off in (-1, 1) else 1):]]
            if off in (-1, 1):
                ids += [tsh_.get(sh, unk), tsuf2.get(suf2, unk), tpro.get(pr, unk)]
            ids += [g[j] for g in gs]
            out.append(ids)
        return nw, out

    def _vec(self, attrs: Sequence[bytes]) -> np.ndarray:
        ids = [self._ids.get(a, self._unk) for a in attrs]
        return self._state[ids].sum(axis=0)

    def _add_words(self, words: Sequence[str]) -> dict[str, tuple[str, bytes, np.ndarray, bool]]:
        """Cache (norm, norm encoded, [own, given to the word 2 after, 1 after, 1 before,
        2 before], whether a dictionary phrase may start at it) of new words, summed
        together (one gather and one segmented sum for all); returns them. A full cache
        is replaced by an empty one (not emptied: a thread may be reading it)."""
        if len(self._words) + len(words) > _MAX_WORDS:
            self._words = {}
        ids: list[int] = []
        starts: list[int] = []
        norms = []
        for w in words:
            nw, lists = self._word_ids(w)
            norms.append(nw)
            for x in lists:  # never empty: "bias", "<off>:w:"
                starts.append(len(ids))
                ids += x
        sums = np.add.reduceat(self._state[ids], starts, axis=0).reshape(len(words), 1 + len(_OFFS), -1)
        added = {w: (nw, nw.encode(), vecs, _may_start_phrase(nw)) for w, nw, vecs in zip(words, norms, sums, strict=True)}
        self._words.update(added)
        return added

    def _attr_vec(self, a: bytes) -> np.ndarray | None:
        i = self._ids.get(a)
        return None if i is None else self._state[i]

    def state_scores(self, words: Sequence[str]) -> np.ndarray:
        """The state scores [position, label] of a sentence (crfsuite's, up to the order of the sums)."""
        return self._state_rows([words])

    def _state_rows(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """The state scores of non-empty sentences, one after the other [position, label]:
        each position's own vector plus those its neighbours give it (the sentence's
        edges past its ends), in that order, for all the sentences at once; then
        the dictionary phrases and the word pairs, sentence by sentence."""
        cache = self._words
        flat = [w for s in sents for w in s]
        new = [w for w in dict.fromkeys(flat) if w not in cache]
        added = self._add_words(new) if new else {}  # (a full cache is replaced: ``cache`` keeps the old words)
        ws = [cache[w] if w in cache else added[w] for w in flat]
        a = np.stack([x[2] for x in ws])
        n = len(ws)
        lens = [len(s) for s in sents]
        ends = np.cumsum(lens)
        pos = np.arange(n) - np.repeat(ends - lens, lens)  # index in its sentence
        after = np.repeat(ends, lens) - np.arange(n) - 1  # words after it in its sentence
        src = np.arange(n)
        e = a[:, 0] + np.concatenate([a[:, 1], self._edge[-2][None]])[np.where(pos >= 2, src - 2, n)]
        e += np.concatenate([a[:, 2], self._edge[-1][None]])[np.where(pos >= 1, src - 1, n)]
        e += np.concatenate([a[:, 3], self._edge[1][None]])[np.where(after >= 1, src + 1, n)]
        e += np.concatenate([a[:, 4], self._edge[2][None]])[np.where(after >= 2, src + 2, n)]
        ids, state = self._ids, self._state
        off = 0
        for m in lens:
            sw = ws[off:off + m]
            es = e[off:off + m]
            phr = _phrase_tags([x[0] for x in sw], [x[3] for x in sw])
            for i, p in enumerate(phr):
                if not p:
                    continue
                for j, name in ((i, "phr:"), (i + 1, "-1:phr:"), (i - 1, "1:phr:")):
                    if 0 <= j < m:
                        v = self._attr_vec((name + p).encode())
                        if v is not None:
                            es[j] += v
            ns = [x[1] for x in sw]
            for i in range(1, m):
                pair = ns[i - 1] + b"|" + ns[i]
                k = ids.get(b"bi-1:" + pair)
                if k is not None:
                    es[i] += state[k]
                k = ids.get(b"bi+1:" + pair)
                if k is not None:
                    es[i - 1] += state[k]
            off += m
        return e

    def tag_many(self, sents: Sequence[Sequence[str]],
                 extra: Sequence[Sequence[Sequence[str]]] | None = None) -> list[tuple[list[str], list[float]]] | None:
        """(tags, marginal of each tag) of each sentence (an empty one gives empty lists);
        None in the cases crfsuite handles otherwise (a forward sum of zero, other feature groups).
        ``extra``: more attribute names (weight 1.0) of each token of each sentence (the
        document context of the second stage, :func:`rasid.actors.ner_features.doc_context`)."""
        if active_groups() != self._groups:
            return None  # the feature groups were switched (the training script's ablation)
        todo = [i for i, s in enumerate(sents) if s]
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sents]
        if not todo:
            return out
        lens = np.array([len(sents[i]) for i in todo])
        S, T, L = len(todo), int(lens.max()), len(self.labels)
        E = np.zeros((S, T, L))
        E[np.repeat(np.arange(S), lens), np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)] = \
            self._state_rows([sents[i] for i in todo])  # the document's new words at once
        if extra is not None:
            for k, i in enumerate(todo):
                for t, names in enumerate(extra[i]):
                    for a in names:
                        v = self._attr_vec(a.encode())
                        if v is not None:
                            E[k, t] += v
        trans, et = self._trans, self._exp_trans
        ends = set((lens - 1).tolist())  # the steps where a sentence ends
        # Viterbi (crfsuite: curr[j] = max_i(prev[i] + trans[i][j]) + state[j], the first
        # maximum); a sentence's scores run on past its end, unread
        back = np.zeros((S, T, L), dtype=np.intp)
        vit = np.empty((S, T, L))
        score = vit[:, 0] = E[:, 0]
        vmax, vsum = np.maximum.reduce, np.add.reduce  # ndarray.max and .sum, less their Python wrappers
        for t in range(1, T):
            s = score[:, :, None] + trans
            back[:, t] = s.argmax(axis=1)
            score = vit[:, t] = vmax(s, axis=1) + E[:, t]
        rows = np.arange(S)
        last = vit[rows, lens - 1].argmax(axis=1)
        # forward-backward with crfsuite's scaling
        es = np.exp(E)
        alpha = np.empty((S, T, L))
        scale = np.empty((S, T))
        cur = es[:, 0]
        for t in range(T):
            if t:
                cur = (alpha[:, t - 1] @ et) * es[:, t]
            sc = scale[:, t] = 1.0 / vsum(cur, axis=1)
            alpha[:, t] = cur * sc[:, None]
        if not np.isfinite(scale).all():
            return None  # a zero sum (crfsuite's scale is 1 then): crfsuite tags these
        beta = np.empty((S, T, L))
        beta[:, T - 1] = scale[:, T - 1, None]
        for t in range(T - 2, -1, -1):
            beta[:, t] = ((beta[:, t + 1] * es[:, t + 1]) @ et.T) * scale[:, t, None]
            if t in ends:
                m = lens - 1 == t
                beta[m, t] = scale[m, t, None]
        # the best path, all the sentences at once (a sentence ends at lens - 1)
        ys = np.empty((S, T), dtype=np.intp)
        y = last
        for t in range(T - 1, -1, -1):
            if t < T - 1:
                y = back[rows, t + 1, y]
            if t in ends:
                y = np.where(lens - 1 == t, last, y)
            ys[:, t] = y
        cols = np.arange(T)[None, :]
        rr = rows[:, None]
        marg = alpha[rr, cols, ys] * beta[rr, cols, ys] / scale
        ysl, margl = ys.tolist(), marg.tolist()
        labels = self.labels
        for k, i in enumerate(todo):
            n = int(lens[k])
            out[i] = ([labels[y] for y in ysl[k][:n]], margl[k][:n])
        return out
