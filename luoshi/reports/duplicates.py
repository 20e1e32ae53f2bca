"""Near-duplicate tasks in a plan: pairs whose texts are mostly the same words, listed with
their similarity so the office can merge them or explain why both exist.

Similarity is the Dice coefficient of the texts' character bigram multisets (CJK text has no
spaces; two characters is the shortest unit that carries a word's meaning), after removing
punctuation and whitespace: 1.0 for the same text, about 0.5 for a text and a rewrite sharing
half its words. Pairs at or above :data:`THRESHOLD` are duplicates (the same task written
twice); pairs from :data:`SIMILAR` up are listed apart as similar — tasks cut from one template
("创建省级民主法治示范村10个以上" / "创建省级善治示范村20个以上" score 0.75) are usually two
tasks, which the office may still want to see side by side. Candidate pairs come from prefix
filtering on the rarest bigrams, so a plan of thousands of tasks is not compared pair by pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

THRESHOLD = 0.8
SIMILAR = 0.6
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
    """Pairs of ``texts`` (id -> text) with similarity >= threshold, most similar first.

    Candidates by prefix filtering: order bigrams rarest first; two bigram sets with Jaccard
    >= j share one of the first |x| - ceil(j·|x|) + 1 bigrams of each, where j = t / (2 - t)
    is the Jaccard bound of Dice t — so only texts sharing a rare bigram are compared, and no
    pair at or above the threshold is missed (computed on the bigram sets; the score itself is
    on the multisets, which the sets' bound covers for texts without repeated bigrams)."""
    grams = {k: bigrams(v) for k, v in texts.items()}
    grams = {k: g for k, g in grams.items() if g}
    df: Counter[str] = Counter(b for g in grams.values() for b in g)
    jaccard = threshold / (2 - threshold)
    index: dict[str, list[int]] = defaultdict(list)
    candidates: set[tuple[int, int]] = set()
    for k, g in grams.items():
        ordered = sorted(g, key=lambda b: (df[b], b))
        prefix = len(ordered) - math.ceil(jaccard * len(ordered)) + 1
        for b in ordered[:max(1, prefix)]:
            for other in index[b]:
                candidates.add((other, k) if other < k else (k, other))
            index[b].append(k)
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


def import_notes(tasks: list[tuple[str, str]], limit: int = 10) -> list[str]:
    """Notes for an import: the duplicate pairs (>= THRESHOLD) among ``tasks`` ((serial,
    text) in table order), most similar first, at most ``limit`` and a count of the rest."""
    pairs = near_duplicates({i: text for i, (_, text) in enumerate(tasks)})
    notes = []
    for p in pairs[:limit]:
        a, b = tasks[p.a][0] or f"第{p.a + 1}行", tasks[p.b][0] or f"第{p.b + 1}行"
        notes.append(f"任务 {a} 与任务 {b} 疑似重复(相似度 {p.similarity:.2f})")
    if len(pairs) > limit:
        notes.append(f"另有 {len(pairs) - limit} 对疑似重复的任务")
    return notes
