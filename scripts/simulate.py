#!/usr/bin/env python3
"""Simulated learners studying the bundled DVA-C02 bank to an exam date, under SM-2, FSRS and FSRS with
the exam-date plan; and the calibration of `awsprep ready`'s pass probability.

Run: python scripts/simulate.py [--learners N] [--days N] [--cards N] [--seed N] [--json]

The learner (seeded, one `random.Random` each) has a KNOWN forgetting model: FSRS-6 with their own
initial stabilities (the defaults times an ability factor drawn per learner, 0.5-2), so awsprep's model
(the defaults) is deliberately wrong for most of them. Each day they study the queue awsprep builds
(sched/queue.build_queue, sched/plan for the exam plan), within new-per-day and reviews-per-day;
an answer is right with the true recall probability; right answers are graded 3, 4 or 5, wrong ones 1;
a grade below 4 is drilled the same day (counted as reviews and minutes); answers take 6-25 s.

Figures per arm: reviews (every answer, drills included), minutes, and recall on exam day: the mean true
recall over all cards of the exam's domains (never introduced = 0) and over the introduced ones.

Calibration: for learners with varied days, pace and ability, `study/ready.readiness` predicts the pass
probability on exam day from the simulated review log; the learner then sits SIMULATED_EXAMS exams drawn
like the real one (domain weights, scored questions, the scaled pass mark; a question is right if
recalled, else guessed among four). Predicted vs observed pass rates are compared in bins.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from awsprep.bank.io import interleave, iter_bank_files, load_bank_file  # noqa: E402
from awsprep.exam.blueprint import Blueprint, load_blueprint  # noqa: E402
from awsprep.exam.sampling import domain_counts  # noqa: E402
from awsprep.exam.scoring import scaled_score  # noqa: E402
from awsprep.sched import fsrs  # noqa: E402
from awsprep.sched.balance import balance_due  # noqa: E402
from awsprep.sched.plan import ExamPlan  # noqa: E402
from awsprep.sched.policy import Policy  # noqa: E402
from awsprep.sched.queue import Candidate, DayCounts, Limits, build_queue  # noqa: E402
from awsprep.sched.sm2 import CardState  # noqa: E402
from awsprep.study.ready import readiness  # noqa: E402

START = date(2027, 1, 1)
SIMULATED_EXAMS = 200
GUESS = 0.25


@dataclass
class Row:
    """A review-log row as the store keeps it (what the memory model and ready read)."""

    ts: datetime
    grade: int | None
    action: str = "answer"
    drill: bool = False
    undone: bool = False
    response_ms: int | None = None
    card_id: str = ""


def bank(cards: int) -> tuple[Blueprint, list[tuple[str, str]]]:
    bp = load_blueprint(ROOT / "content" / "exams" / "dva-c02.yaml")
    groups = [load_bank_file(p) for p in iter_bank_files(ROOT / "content" / "bank")]
    ordered = [c for c in interleave(groups) if c.domain in bp.domain_keys]
    return bp, [(c.id, str(c.domain)) for c in ordered[:cards]]


def learner_params(ability: float) -> fsrs.Params:
    w = list(fsrs.DEFAULT_PARAMS.weights)
    for i in range(4):
        w[i] = min(100.0, max(0.01, w[i] * ability))
    return fsrs.Params(tuple(w))


@dataclass
class Result:
    reviews: int
    minutes: float
    recall_all: float
    recall_introduced: float
    logs: dict[str, list[Row]]
    true: dict[str, fsrs.Memory | None]
    per_day: list[int]  # answers (drills included) on each day, 0 on skipped days


def study(
    cards: list[tuple[str, str]],
    days: int,
    policy: Policy,
    plan: bool,
    ability: float,
    new_per_day: int,
    rng: random.Random,
    skip: float = 0.0,
    target: float = 0.9,
    balance: bool = False,
) -> Result:
    truth = learner_params(ability)
    exam_day = START + timedelta(days=days)
    limits = Limits(new_per_day=new_per_day, reviews_per_day=200)
    states = {cid: CardState() for cid, _ in cards}
    true: dict[str, fsrs.Memory | None] = {cid: None for cid, _ in cards}
    logs: dict[str, list[Row]] = {cid: [] for cid, _ in cards}
    exam_plan = ExamPlan(exam_day, target, policy.params) if plan else None
    reviews, seconds = 0, 0.0
    per_day: list[int] = []
    order = [cid for cid, _ in cards]
    due_counts: Counter[date] = Counter()  # cards due on each day (the store's grouped query)
    for offset in range(days):
        today = START + timedelta(days=offset)
        if rng.random() < skip:
            per_day.append(0)
            continue
        now = datetime.combine(today, datetime.min.time(), UTC) + timedelta(hours=9)
        new = [Candidate(c, states[c]) for c in order if states[c].is_new]
        if exam_plan is None:
            due = [Candidate(c, s) for c, s in states.items() if s.due is not None and s.due <= today]
            queue = build_queue(due + new[:new_per_day], today, limits, DayCounts())
        else:  # the plan picks the reviews (study/review.todays_queue does the same through the store)
            studied = [Candidate(c, s) for c, s in states.items() if not s.is_new]
            fresh = exam_plan.new_today(len(new), today, new_per_day)
            queue = exam_plan.pick(studied, today, limits.reviews_per_day) + new[:fresh]
        before = reviews
        for item in queue:
            cid = item.card_id
            p = fsrs.recall_on(true[cid], today, truth)
            recalled = rng.random() < p
            grade = rng.choices([3, 4, 5], [0.15, 0.6, 0.25])[0] if recalled else 1
            ms = rng.randint(6000, 25000)
            logs[cid].append(Row(now, grade, response_ms=ms, card_id=cid))
            due_counts[states[cid].due or today] -= 1
            states[cid] = policy.review(states[cid], grade, now)
            if balance:
                states[cid] = balance_due(states[cid], today, due_counts, cid)
            due_counts[states[cid].due or today] += 1
            true[cid], _ = fsrs.step(true[cid], grade, now, truth)
            reviews += 1
            seconds += ms / 1000
            while states[cid].drill:  # the same-day drill: asked again until graded 4 or more
                g = rng.choices([1, 4, 5], [0.15, 0.65, 0.2])[0]
                ms = rng.randint(4000, 15000)
                logs[cid].append(Row(now + timedelta(minutes=5), g, drill=True, response_ms=ms, card_id=cid))
                states[cid] = policy.review(states[cid], g, now + timedelta(minutes=5))
                reviews += 1
                seconds += ms / 1000
        per_day.append(reviews - before)
    recalls = {cid: fsrs.recall_on(true[cid], exam_day, truth) for cid, _ in cards}
    introduced = [r for cid, r in recalls.items() if true[cid] is not None]
    return Result(
        reviews,
        seconds / 60,
        sum(recalls.values()) / len(recalls),
        sum(introduced) / len(introduced) if introduced else 0.0,
        logs,
        true,
        per_day,
    )


def exams_passed(
    bp: Blueprint,
    cards: list[tuple[str, str]],
    result: Result,
    on: date,
    truth: fsrs.Params,
    rng: random.Random,
) -> float:
    by_domain: dict[str, list[float]] = {k: [] for k in bp.domain_keys}
    for cid, dom in cards:
        by_domain[dom].append(fsrs.recall_on(result.true[cid], on, truth))
    n = bp.scored or bp.questions
    passed = 0
    for _ in range(SIMULATED_EXAMS):
        right = 0
        for dom, k in domain_counts(bp, n, rng).items():
            for r in rng.choices(by_domain[dom], k=k):
                right += rng.random() < r + (1 - r) * GUESS
        passed += scaled_score(right, n, bp.pass_mark, bp.assumed_raw_cut) >= bp.pass_mark
    return passed / SIMULATED_EXAMS


HIGH_TARGET = 0.95  # a plan arm spending about plain SM-2's reviews, for the equal-reviews comparison
SM2_CURVE = (6, 8, 10, 12, 15, 20, 25, 30, 35, 40)  # new-per-day of the plain SM-2 runs: reviews vs recall


def percentile(values: list[int], q: float) -> float:
    """The q-th quantile of `values` (linear between the nearest ranks); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    at = q * (len(ordered) - 1)
    lo = int(at)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (at - lo)


def run_arm(
    args: argparse.Namespace,
    cards: list[tuple[str, str]],
    policy: Policy,
    plan: bool,
    new_per_day: int,
    target: float = 0.9,
    balance: bool | None = None,
) -> dict[str, float]:
    """One arm: the same learners (abilities drawn once from the seed, one rng each) under one setup;
    SM-2/FSRS due days balanced unless `balance` (default: --no-balance) says otherwise."""
    draw = random.Random(args.seed)
    abilities = [draw.uniform(0.5, 2.0) for _ in range(args.learners)]
    runs = [
        study(
            cards,
            args.days,
            policy,
            plan,
            ability,
            new_per_day,
            random.Random(args.seed * 1000 + i),
            target=target,
            balance=args.balance if balance is None else balance,
        )
        for i, ability in enumerate(abilities)
    ]
    k = len(runs)
    studied = [d for r in runs for d in r.per_day if d]
    max_day = sum(max(r.per_day) for r in runs) / k
    mean_day = sum(studied) / max(1, len(studied))
    return {
        "learners": k,
        "new_per_day": new_per_day,
        "reviews": round(sum(r.reviews for r in runs) / k, 1),
        "minutes": round(sum(r.minutes for r in runs) / k, 1),
        "recall_all": round(sum(r.recall_all for r in runs) / k, 4),
        "recall_introduced": round(sum(r.recall_introduced for r in runs) / k, 4),
        "max_day": round(max_day, 1),
        "p95_day": round(sum(percentile([d for d in r.per_day if d], 0.95) for r in runs) / k, 1),
        "mean_day": round(mean_day, 1),
        "max_over_mean": round(max_day / mean_day, 2) if mean_day else 0.0,
    }


def arms(args: argparse.Namespace, cards: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    setups = {
        "sm2": (Policy("sm2"), False),
        "fsrs": (Policy("fsrs"), False),
        "sm2+plan": (Policy("sm2"), True),
        "fsrs+plan": (Policy("fsrs"), True),
    }
    out = {
        name: run_arm(args, cards, policy, plan, args.new_per_day) for name, (policy, plan) in setups.items()
    }
    out[f"fsrs+plan@{HIGH_TARGET}"] = run_arm(
        args, cards, Policy("fsrs"), True, args.new_per_day, HIGH_TARGET
    )
    return out


def interpolate(points: list[tuple[float, float]], x: float) -> float | None:
    """y at x on the polyline through `points` (sorted by x); None outside their range."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 <= x <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return None


def versus_sm2(
    args: argparse.Namespace, cards: list[tuple[str, str]], plan: dict[str, float]
) -> dict[str, object]:
    """Plain SM-2 at several new-per-day settings traces reviews against exam-day recall; on that curve:
    the reviews SM-2 needs for the plan's recall, and SM-2's recall at the plan's reviews. SM-2 as
    published (due days not balanced): the reference the aim (at most 0.7x) was set against."""
    curve = [run_arm(args, cards, Policy("sm2"), False, n, balance=False) for n in SM2_CURVE]
    # SM-2's best trade-offs: points no other point beats on both reviews and recall
    best = [
        (c["reviews"], c["recall_all"])
        for c in curve
        if not any(o["reviews"] <= c["reviews"] and o["recall_all"] > c["recall_all"] for o in curve)
    ]
    by_reviews = sorted(best)
    by_recall = sorted((rec, rev) for rev, rec in best)
    needed = interpolate(by_recall, plan["recall_all"])
    same_reviews = interpolate(by_reviews, plan["reviews"])
    return {
        "curve": curve,
        "frontier": by_reviews,
        "sm2_reviews_for_plan_recall": None if needed is None else round(needed, 1),
        "ratio": None if needed is None else round(plan["reviews"] / needed, 3),
        "sm2_recall_at_plan_reviews": None if same_reviews is None else round(same_reviews, 4),
    }


def calibration(args: argparse.Namespace, bp: Blueprint, cards: list[tuple[str, str]]) -> dict[str, object]:
    rng = random.Random(args.seed + 7)
    pairs: list[tuple[float, float]] = []
    skipped = 0
    for i in range(args.calibration):
        days = rng.randint(10, args.days)
        ability = rng.uniform(0.4, 2.5)
        new = rng.choice([5, 10, 20, 30])
        policy = Policy(rng.choice(["sm2", "fsrs"]))
        plan, skip = rng.random() < 0.5, rng.uniform(0, 0.4)
        res = study(cards, days, policy, plan, ability, new, random.Random(i), skip, balance=args.balance)
        on = START + timedelta(days=days)
        logs = {cid: rows for cid, rows in res.logs.items() if rows}
        pred = readiness(bp, dict(cards), logs, [], on, on, random.Random(i), fsrs.DEFAULT_PARAMS)
        if pred.pass_probability is None:
            skipped += 1
            continue
        observed = exams_passed(bp, cards, res, on, learner_params(ability), random.Random(i + 1))
        pairs.append((pred.pass_probability, observed))
    bins = []
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        inside = [(p, o) for p, o in pairs if lo <= p < lo + 0.2 or (lo == 0.8 and p == 1.0)]
        if inside:
            bins.append(
                {
                    "bin": f"{lo:.1f}-{lo + 0.2:.1f}",
                    "learners": len(inside),
                    "predicted": round(sum(p for p, _ in inside) / len(inside), 3),
                    "observed": round(sum(o for _, o in inside) / len(inside), 3),
                }
            )
    return {"learners": len(pairs), "too_little_history": skipped, "bins": bins}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--learners", type=int, default=8, help="simulated learners per arm")
    ap.add_argument("--calibration", type=int, default=60, help="simulated learners for ready's calibration")
    ap.add_argument("--days", type=int, default=60, help="days from the start to the exam")
    ap.add_argument("--cards", type=int, default=600, help="cards of the DVA-C02 domains studied")
    ap.add_argument("--new-per-day", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--no-curve",
        dest="curve",
        action="store_false",
        help="skip the plain SM-2 curve (equal-recall ratio)",
    )
    ap.add_argument(
        "--no-balance",
        dest="balance",
        action="store_false",
        help="SM-2 and FSRS due dates as computed, not load-balanced (sched/balance.py)",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    bp, cards = bank(args.cards)
    arm_figures = arms(args, cards)
    report = {
        "setup": {k: v for k, v in vars(args).items() if k != "json"} | {"cards": len(cards)},
        "arms": arm_figures,
        "versus_sm2": versus_sm2(args, cards, arm_figures["fsrs+plan"]) if args.curve else None,
        "calibration": calibration(args, bp, cards) if args.calibration else None,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    setup = f"{len(cards)} cards, {args.days} days, new-per-day {args.new_per_day}"
    print(f"{setup}, {args.learners} learners per arm")
    head = f"{'arm':<10} {'reviews':>8} {'minutes':>8} {'recall(all)':>12} {'recall(introduced)':>19}"
    print(f"{head} {'max day':>8} {'p95 day':>8} {'mean day':>9} {'max/mean':>9}")
    for name, a in report["arms"].items():  # type: ignore[union-attr]
        recall = f"{a['recall_all']:>12.1%} {a['recall_introduced']:>19.1%}"
        load = f"{a['max_day']:>8} {a['p95_day']:>8} {a['mean_day']:>9} {a['max_over_mean']:>9}"
        print(f"{name:<10} {a['reviews']:>8} {a['minutes']:>8} {recall} {load}")
    vs = report["versus_sm2"]
    if vs:
        for c in vs["curve"]:  # type: ignore[index]
            recall = c["recall_all"]
            print(f"  sm2 new-per-day {c['new_per_day']:>3}: {c['reviews']:>8} reviews, recall {recall:.1%}")
        needed, same = vs["sm2_reviews_for_plan_recall"], vs["sm2_recall_at_plan_reviews"]  # type: ignore[index]
        print(
            f"fsrs+plan vs plain SM-2: SM-2 needs {needed} reviews for the plan's recall "
            f"(ratio {vs['ratio']}); at the plan's reviews SM-2 recalls {same}"  # type: ignore[index]
        )
    cal = report["calibration"]
    if cal:
        short = cal["too_little_history"]  # type: ignore[index]
        print(f"ready calibration: {cal['learners']} learners ({short} with too little history)")  # type: ignore[index]
        for b in cal["bins"]:  # type: ignore[index]
            counts = f"n={b['learners']:>3} predicted {b['predicted']:.1%} observed {b['observed']:.1%}"
            print(f"  predicted {b['bin']}: {counts}")


if __name__ == "__main__":
    main()
