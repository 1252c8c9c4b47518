"""The learned model: a small linear model over the words of the new text, weighed with the
rules' evidence (`classify.ReplyClassifier._weighed`).

Multinomial logistic regression over folded word unigrams and bigrams (and a mark for a question
mark), trained offline by `bench/replies/train.py` on every labelled set, the spent evaluation
sets and the probe table; its weights ship in `learned.json`, with `rules_weight`, what one step
of a rule's strength counts against the model's log-probability. Until session 14 it was asked
only when no rule gave clear evidence; measured on sets no one had read at two earlier points of
the reader, the rules with strong evidence were what misread them, and the model weighed with
them read those sets far better (train.py says the figures).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from typing import Any

from followup.domain.replies.text import fold

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def features(text: str) -> set[str]:
    """What the model sees of a text: its folded words, each pair of neighbouring words, and
    "<q>" when it asks something."""
    tokens = _TOKEN.findall(fold(text))
    found = set(tokens)
    found.update(f"{a} {b}" for a, b in pairwise(tokens))
    if "?" in text:
        found.add("<q>")
    return found


@dataclass(frozen=True, slots=True)
class LearnedModel:
    kinds: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    rules_weight: float  # what one step of a rule's strength counts against the model's log-odds
    overrule_margin: float  # by how much another kind must score above the rules' reading
    min_probability: float  # a kind no rule gives evidence of wins only this sure (not `other`)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LearnedModel:
        kinds = tuple(str(k) for k in data["kinds"])
        return cls(
            kinds=kinds,
            bias=tuple(float(b) for b in data["bias"]),
            weights={f: tuple(float(w) for w in ws) for f, ws in data["weights"].items()},
            rules_weight=float(data["rules_weight"]),
            overrule_margin=float(data["overrule_margin"]),
            min_probability=float(data["min_probability"]),
        )

    def scores(self, found: set[str]) -> list[float]:
        total = list(self.bias)
        for feature in found:
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    total[i] += w
        return total

    def probabilities(self, text: str) -> dict[str, float]:
        total = self.scores(features(text))
        top = max(total)
        exps = [math.exp(s - top) for s in total]
        norm = sum(exps)
        return {k: e / norm for k, e in zip(self.kinds, exps, strict=True)}

    def best_sentence(self, sentences: list[str], kind: str) -> str:
        """The sentence that speaks most for `kind` against the other kinds: the evidence."""
        i = self.kinds.index(kind)

        def margin(sentence: str) -> float:
            total = self.scores(features(sentence))
            return total[i] - max(s for j, s in enumerate(total) if j != i)

        return max(sentences, key=margin) if sentences else ""


def shipped_model() -> LearnedModel:
    text = (resources.files(__package__) / "learned.json").read_text(encoding="utf-8")
    return LearnedModel.from_data(json.loads(text))
