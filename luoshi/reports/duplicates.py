"""Near-duplicate tasks in a plan: pairs whose texts are mostly the same words, listed with
their similarity so the office can merge them or explain why both exist.

Similarity is the Dice coefficient of the texts' character bigram multisets (CJK text has no
spaces; two characters is the shortest unit that carries a word's meaning), after removing
punctuation and whitespace: 1.0 for the same text, about 0.5 for a text and a rewrite sharing
half its words. Pairs at or above :data:`THRESHOLD` are duplicates (the same task written
twice); pairs from :data:`SIMILAR` up are listed apart as similar — tasks cut from one template
("创建省级民主法治示范村10个以上" / "创建省级善治示范村20个以上" score 0.75) are usually two
tasks, which the office may still want to see side by side. Candidate pairs come from an
inverted index of rare bigrams, so a plan of thousands of tasks is not compared pair by pair.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

THRESHOLD = 0.8
SIMILAR = 0.6
# Bigrams in more than this share of a plan's tasks say nothing about a pair (推进, 建设 …).
COMMON_SHARE = 0.05
_DROP = re.compile(r"[\W_\d]+", re.UNICODE)


@dataclass(frozen=True)
class Pair:
    a: int  # task ids, a < b
    b: int
    similarity: float


def bigrams(text: str) -> Counter[str]:
    t = _DROP.sub("", text)
    return Counter(t[i:i + 2] for i in range(len(t) - 1))


def dice(x: Counter[str], y: Counter[str]) -> float:
    total = sum(x.values()) + sum(y.values())
    return 2 * sum((x & y).values()) / total if total else 0.0


def near_duplicates(texts: dict[int, str], threshold: float = THRESHOLD) -> list[Pair]:
    """Pairs of ``texts`` (id -> text) with similarity >= threshold, most similar first."""
    grams = {k: bigrams(v) for k, v in texts.items()}
    grams = {k: g for k, g in grams.items() if g}
    df: Counter[str] = Counter(b for g in grams.values() for b in g)
    limit = max(2, int(len(grams) * COMMON_SHARE))
    index: dict[str, list[int]] = defaultdict(list)
    for k, g in grams.items():
        for b in g:
            if df[b] <= limit:
                index[b].append(k)
    candidates: set[tuple[int, int]] = set()
    for ids in index.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                candidates.add((a, b) if a < b else (b, a))
    pairs = []
    for a, b in candidates:
        s = dice(grams[a], grams[b])
        if s >= threshold:
            pairs.append(Pair(a, b, round(s, 3)))
    pairs.sort(key=lambda p: (-p.similarity, p.a, p.b))
    return pairs


def plan_duplicates(plan, threshold: float = SIMILAR) -> list[dict]:
    """The plan's near-duplicate top-level tasks: [{"a": Task, "b": Task, "similarity",
    "duplicate": similarity >= THRESHOLD}], most similar first."""
    from luoshi.core.models import Task

    tasks = {t.pk: t for t in Task.objects.filter(plan=plan, parent__isnull=True)}
    return [{"a": tasks[p.a], "b": tasks[p.b], "similarity": p.similarity,
             "duplicate": p.similarity >= THRESHOLD}
            for p in near_duplicates({k: t.text for k, t in tasks.items()}, threshold)]
