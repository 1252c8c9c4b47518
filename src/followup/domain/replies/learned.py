"""The learned fallback: a small linear model over the words of the new text, for the messages no
rule reads (a decision said in words the rules do not know).

Multinomial logistic regression over folded word unigrams and bigrams (and a mark for a question
mark), trained offline by `bench/replies/train.py` on every labelled set and the probe table; its
weights ship in `learned.json`. Adopted because, measured once on messages in voices the rules had
not seen, rules with it read more of them right than the rules alone. It is asked only when no
rule gives clear evidence, and answers only when it is fairly sure of a kind other than `other`.
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
    min_probability: float  # below this, the model does not answer

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LearnedModel:
        kinds = tuple(str(k) for k in data["kinds"])
        return cls(
            kinds=kinds,
            bias=tuple(float(b) for b in data["bias"]),
            weights={f: tuple(float(w) for w in ws) for f, ws in data["weights"].items()},
            min_probability=float(data.get("min_probability", 0.5)),
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
