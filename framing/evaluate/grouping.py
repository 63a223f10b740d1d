"""NeuS-AllSides (Lee et al., NAACL 2022): how well event grouping puts
articles about the same event together.

Each AllSides "headline roundup" story groups one event's left, center and
right articles by hand: the story ``id`` is the true event. Every article
becomes an :class:`~framing.models.Article` (title + the body excerpt, the
story's date) and the whole set is grouped by
:func:`framing.compare.grouping.group_events` at its defaults, once with the
dates and once without. Scored with B-cubed precision, recall and F1 (Bagga
& Baldwin 1998), averaged over articles.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article
from .stats import rounded

NEUS_FILE = "headline_11_2021-10-19_crawled_all.jsonl"


def neus_file(path: str | Path) -> Path:
    p = Path(path)
    if p.is_dir():
        for candidate in (p / NEUS_FILE, p / "raw_crawled" / NEUS_FILE):
            if candidate.is_file():
                return candidate
        found = sorted(p.rglob("*crawled_all.jsonl"))
        if found:
            return found[0]
    if not p.is_file():
        raise InputError(str(p), f"no NeuS-AllSides file here (expected {NEUS_FILE} or its folder)")
    return p


def load_neus(path: str | Path) -> tuple[list[Article], dict[int, int]]:
    """Articles and their true story id (by article id)."""
    p = neus_file(path)
    articles: list[Article] = []
    truth: dict[int, int] = {}
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                story = json.loads(line)
                sid = int(story["id"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(str(p), f"not a NeuS-AllSides story ({exc})", lineno) from None
            for side in ("left", "center", "right"):
                item = (story.get("news") or {}).get(side)
                if not item or not (item.get("newsTitle") or item.get("newBody")):
                    continue
                aid = len(articles) + 1
                articles.append(Article(
                    id=aid, source=f"{sid}/{side}", outlet=item.get("newsSource"),
                    title=item.get("newsTitle") or None,
                    body="\n\n".join(item.get("newBody") or []),
                    date=(story.get("date") or "")[:10] or None,
                ))
                truth[aid] = sid
    if not articles:
        raise InputError(str(p), "no articles")
    return articles, truth


def bcubed(pred: dict[int, int], truth: dict[int, int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over items (each item weighs the same)."""
    pc: dict[int, set[int]] = {}
    tc: dict[int, set[int]] = {}
    for item, c in pred.items():
        pc.setdefault(c, set()).add(item)
    for item, c in truth.items():
        tc.setdefault(c, set()).add(item)
    p = r = 0.0
    for item in truth:
        same_pred = pc[pred[item]]
        same_truth = tc[truth[item]]
        both = len(same_pred & same_truth)
        p += both / len(same_pred)
        r += both / len(same_truth)
    n = len(truth)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


#: Sizes of found events, as :func:`bcubed_losses` buckets them.
SIZE_BUCKETS = ((1, 1, "1"), (2, 3, "2-3"), (4, 6, "4-6"), (7, None, "7+"))
#: True days apart of two articles, as :func:`bcubed_losses` buckets them.
DAY_BUCKETS = ((0, 3, "0-3 days"), (4, 30, "4-30 days"), (31, None, "over 30 days"))


def _bucket(x: int, buckets) -> str:
    return next(name for lo, hi, name in buckets if x >= lo and (hi is None or x <= hi))


def bcubed_losses(pred: dict[int, int], truth: dict[int, int],
                  days: dict[int, int] | None = None) -> dict[str, Any]:
    """Where :func:`bcubed`'s precision and recall are lost.

    ``precision_loss`` and ``recall_loss``: each item's shortfall (one minus
    its B-cubed precision or recall, over the number of items), summed by the
    size of the found event it is in (:data:`SIZE_BUCKETS`): they add up to
    ``1 - precision`` and ``1 - recall``. A precision loss in large events is
    stories chained together; a recall loss in events of one is articles left
    alone. With ``days`` (each item's true day, as an ordinal, known to the
    evaluation but not to the grouping -- the undated run), also:
    ``wrong_pairs``, the pairs of items found together but of different
    stories, by how far apart they truly are (:data:`DAY_BUCKETS`: one
    story's next development, or the same kind of story weeks later); and
    ``missing``, each item that lacks some of its story, by where it is: with
    no other story, or with another story at most 3 days from it, or only
    with stories further away."""
    pc: dict[int, list[int]] = {}
    tc: dict[int, int] = {}
    for item, c in pred.items():
        pc.setdefault(c, []).append(item)
    for item, c in truth.items():
        tc[c] = tc.get(c, 0) + 1
    n = len(truth)
    names = [name for _, _, name in SIZE_BUCKETS]
    out: dict[str, Any] = {"precision_loss": dict.fromkeys(names, 0.0), "recall_loss": dict.fromkeys(names, 0.0)}
    if days is not None:
        out["wrong_pairs"] = dict.fromkeys([name for _, _, name in DAY_BUCKETS], 0)
        out["missing"] = {"with no other story": 0, "with another story within 3 days": 0,
                          "with other stories further away": 0}
    for members in sorted(pc.values()):
        members = sorted(members)
        size = _bucket(len(members), SIZE_BUCKETS)
        count: dict[int, int] = {}
        for item in members:
            count[truth[item]] = count.get(truth[item], 0) + 1
        for item in members:
            both = count[truth[item]]
            out["precision_loss"][size] += (1 - both / len(members)) / n
            out["recall_loss"][size] += (1 - both / tc[truth[item]]) / n
        if days is None:
            continue
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if truth[a] != truth[b]:
                    out["wrong_pairs"][_bucket(abs(days[a] - days[b]), DAY_BUCKETS)] += 1
        for item in members:
            if count[truth[item]] == tc[truth[item]]:
                continue
            others = [abs(days[o] - days[item]) for o in members if truth[o] != truth[item]]
            where = ("with no other story" if not others else "with another story within 3 days"
                     if min(others) <= 3 else "with other stories further away")
            out["missing"][where] += 1
    return out


def evaluate_grouping(path: str | Path) -> dict[str, Any]:
    """B³ of event grouping on NeuS-AllSides, with the stories' dates and without."""
    from dataclasses import replace

    from ..compare import grouping

    articles, truth = load_neus(path)
    from .babe import file_digest

    out: dict[str, Any] = {"data": {"file": neus_file(path).name, "sha256": file_digest(neus_file(path)),
                                    "articles": len(articles),
                                    "stories": len(set(truth.values()))},
                           "parameters": {"threshold": grouping.THRESHOLD,
                                          "window_days": grouping.WINDOW_DAYS,
                                          "coherence": grouping.COHERENCE}}
    for name, arts in (("with_dates", articles),
                       ("without_dates", [replace(a, date=None) for a in articles])):
        t0 = time.perf_counter()
        events = grouping.group_events(arts)
        pred = {aid: n for n, e in enumerate(events) for aid in e.articles}
        p, r, f = bcubed(pred, truth)
        out[name] = {"precision": p, "recall": r, "f1": f, "events": len(events),
                     "seconds": time.perf_counter() - t0}
    return rounded(out)


def render_grouping(res: dict[str, Any]) -> str:
    d = res["data"]
    lines = [f"NeuS-AllSides {d['file']}: {d['articles']} articles in {d['stories']} stories",
             f"  {'':14s} {'B3 precision':>12s} {'recall':>7s} {'F1':>6s} {'events':>7s}"]
    for name in ("with_dates", "without_dates"):
        v = res[name]
        lines.append(f"  {name.replace('_', ' '):14s} {v['precision']:12.3f} {v['recall']:7.3f} "
                     f"{v['f1']:6.3f} {v['events']:7d}")
    return "\n".join(lines) + "\n"
