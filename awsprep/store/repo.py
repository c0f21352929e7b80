"""The store's operations: sync the bank in, pick candidates, record answers (each its own commit), undo."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, Integer, bindparam, cast, delete, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from awsprep.bank.io import card_from_dict, card_to_dict
from awsprep.bank.models import Card, card_text
from awsprep.sched import sm2
from awsprep.sched.fsrs import GRADED_ACTIONS
from awsprep.sched.plan import NO_STABILITY, PlanQuery
from awsprep.sched.policy import SM2, Policy, replay
from awsprep.sched.queue import Candidate, DayCounts
from awsprep.sched.sm2 import CardState
from awsprep.sched.status import CardStatus
from awsprep.store.db import open_store, translate_errors
from awsprep.store.models import BankFile, Base, CardClaim, CardRow, Meta, ReviewLog, Setting
from awsprep.study.ports import AnswerResult, LogEntry, Undone

UNDOABLE = ("answer", "suspend", "bury")
CLAIM_MINUTES = 10  # a claim left by a session that died (kill -9, power cut) lapses after this long
JDN_OFFSET = 1_721_425  # date.toordinal() + this = the Julian day number SQLite's julianday() counts
STATE_FIELDS = ("reps", "interval", "ef", "due", "lapses", "drill", "last_review", "stability", "difficulty")


def state_of(row: Any) -> CardState:
    """The SM-2 state held in a cards row (an ORM object or a selected row with the same columns)."""
    return CardState(**{name: getattr(row, name) for name in STATE_FIELDS})


def _utc_naive(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def same_state(a: CardState, b: CardState) -> bool:
    """Equal scheduling states, whatever time zone each backend hands the last review back in."""
    a = replace(a, last_review=_utc_naive(a.last_review))
    return a == replace(b, last_review=_utc_naive(b.last_review))


def _state_json(state: CardState) -> str:
    d = asdict(state)
    d["due"] = state.due.isoformat() if state.due else None
    d["last_review"] = state.last_review.isoformat() if state.last_review else None
    return json.dumps(d)


def _state_from_json(raw: str) -> CardState:
    d = json.loads(raw)
    d["due"] = date.fromisoformat(d["due"]) if d["due"] else None
    d["last_review"] = datetime.fromisoformat(d["last_review"]) if d["last_review"] else None
    return CardState(**d)


def _apply(row: CardRow, state: CardState) -> None:
    row.reps, row.interval, row.ef = state.reps, state.interval, state.ef
    row.due, row.lapses, row.drill, row.last_review = state.due, state.lapses, state.drill, state.last_review
    row.stability, row.difficulty = state.stability, state.difficulty


def _transition(
    card_id: str,
    now: datetime,
    action: str,
    grade: int,
    before: CardState,
    after: CardState,
    session: str | None,
    **extra: Any,
) -> dict[str, Any]:
    """The values of a review-log row for a graded change of state, keeping both states so undo can
    restore (a row to insert, not an ORM object: an answer is two statements and a commit)."""
    return dict(
        card_id=card_id,
        ts=now,
        day=now.date(),
        action=action,
        grade=grade,
        before=_state_json(before),
        after=_state_json(after),
        interval_before=before.interval,
        interval_after=after.interval,
        ef_before=before.ef,
        ef_after=after.ef,
        session=session,
        **extra,
    )


def _state_values(state: CardState) -> dict[str, Any]:
    return {name: getattr(state, name) for name in STATE_FIELDS}


_CARDS = Base.metadata.tables["cards"]
_SYNC_UPDATE = (
    update(_CARDS)
    .where(_CARDS.c.id == bindparam("card_id"))
    .values({name: bindparam(name) for name in ("deck", "type", "content", "content_hash", "ordinal")})
    .values(retired=False)
)

# An answer's statements, built once: each answer is one small transaction, and building the SQL
# expressions again for every answer cost more than executing them.
_ANSWER_READ = (
    select(CardRow.leech, *(getattr(CardRow, name) for name in STATE_FIELDS))
    .where(CardRow.id == bindparam("card_id"))
    .with_for_update()
)
_ANSWER_WRITE = (
    update(CardRow)
    .where(CardRow.id == bindparam("card_id"))
    .values({name: bindparam(name) for name in STATE_FIELDS})
)


def _status_of(r: CardRow) -> CardStatus:
    card = card_from_dict(json.loads(r.content), f"database card {r.id}", r.deck)
    return CardStatus(
        r.id,
        r.deck,
        r.type,
        state_of(r),
        r.suspended,
        r.leech,
        r.buried_until,
        text=" ".join(card_text(card).split()),
        tags=card.tags,
    )


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    changed: int = 0
    retired: int = 0
    skipped: bool = False  # the bank had not changed since the last sync


class Store:
    def __init__(self, url: str, policy: Policy = SM2) -> None:
        self.url = url
        self.Session: sessionmaker[Session] = open_store(url)
        self.policy = policy  # the scheduler answers go through (cli/db.open_store sets it from settings)

    # --- meta and settings -------------------------------------------------------------------

    def _meta(self, s: Session, key: str) -> str | None:
        return s.execute(select(Meta.value).where(Meta.key == key)).scalar_one_or_none()

    def get_setting(self, key: str, default: str) -> str:
        with translate_errors(self.url), self.Session() as s:
            value = s.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()
            return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with translate_errors(self.url), self.Session() as s, s.begin():
            s.merge(Setting(key=key, value=value))

    # --- bank sync ---------------------------------------------------------------------------

    def bank_fingerprint(self) -> str | None:
        with translate_errors(self.url), self.Session() as s:
            return self._meta(s, "bank_fingerprint")

    def sync(self, cards: Sequence[Card], fingerprint: str) -> SyncReport:
        """Bring the bank in: add new cards, update changed wording (same id keeps its history),
        retire cards that left the bank (kept, never shown), bring back ones that returned."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            # One sync at a time (two machines starting at once on one server): the second waits for
            # the first here, then finds the bank already in.
            s.execute(select(Meta.key).where(Meta.key == "schema_version").with_for_update()).all()
            if self._meta(s, "bank_fingerprint") == fingerprint:
                return SyncReport(skipped=True)
            existing = {
                r.id: r
                for r in s.execute(select(CardRow.id, CardRow.content_hash, CardRow.retired, CardRow.ordinal))
            }
            added = changed = 0
            seen: set[str] = set()
            new_rows: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for ordinal, card in enumerate(cards):
                content = card_to_dict(card)
                digest = content_hash(content)
                seen.add(card.id)
                old = existing.get(card.id)
                if old is None:
                    new_rows.append(
                        {
                            "id": card.id,
                            "deck": card.deck,
                            "type": card.type,
                            "content": json.dumps(content),
                            "content_hash": digest,
                            "ordinal": ordinal,
                            "retired": False,
                            "reps": 0,
                            "interval": 0,
                            "ef": sm2.INITIAL_EF,
                            "lapses": 0,
                            "drill": False,
                            "suspended": False,
                            "leech": False,
                        }
                    )
                    added += 1
                elif old.content_hash != digest or old.retired or old.ordinal != ordinal:
                    if old.content_hash != digest:
                        changed += 1
                    updates.append(
                        {
                            "card_id": card.id,
                            "deck": card.deck,
                            "type": card.type,
                            "content": json.dumps(content),
                            "content_hash": digest,
                            "ordinal": ordinal,
                        }
                    )
                # in batches of Core executemany: a 100k-card first sync holds 2,000 rows at a time
                if len(new_rows) >= 2000:
                    s.execute(_CARDS.insert(), new_rows)
                    new_rows = []
                if len(updates) >= 2000:
                    s.execute(_SYNC_UPDATE, updates)
                    updates = []
            if new_rows:
                s.execute(_CARDS.insert(), new_rows)
            if updates:
                s.execute(_SYNC_UPDATE, updates)
            gone = [cid for cid, r in existing.items() if cid not in seen and not r.retired]
            for start in range(0, len(gone), 500):
                s.execute(
                    update(CardRow).where(CardRow.id.in_(gone[start : start + 500])).values(retired=True)
                )
            s.merge(Meta(key="bank_fingerprint", value=fingerprint))
        return SyncReport(added=added, changed=changed, retired=len(gone))

    def bank_cache(self) -> dict[str, tuple[str, str]]:
        """Parsed bank files from earlier syncs: path -> (digest, cards JSON)."""
        with translate_errors(self.url), self.Session() as s:
            rows = s.execute(select(BankFile.path, BankFile.digest, BankFile.cards))
            return {path: (digest, cards) for path, digest, cards in rows}

    def save_bank_cache(self, entries: dict[str, tuple[str, str]], keep: set[str]) -> None:
        """Keep these parsed files (path -> (digest, cards JSON)); forget files not in `keep`."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            known = set(s.execute(select(BankFile.path)).scalars())
            gone = [p for p in known if p not in keep]
            for start in range(0, len(gone), 500):
                s.execute(delete(BankFile).where(BankFile.path.in_(gone[start : start + 500])))
            for path, (digest, cards) in entries.items():
                s.merge(BankFile(path=path, digest=digest, cards=cards))

    # --- reading -----------------------------------------------------------------------------

    def card(self, card_id: str) -> Card:
        with translate_errors(self.url), self.Session() as s:
            row = s.get(CardRow, card_id)
            if row is None:
                raise KeyError(card_id)
            return card_from_dict(json.loads(row.content), f"database card {card_id}", row.deck)

    def state(self, card_id: str) -> CardState:
        with translate_errors(self.url), self.Session() as s:
            row = s.get(CardRow, card_id)
            if row is None:
                raise KeyError(card_id)
            return state_of(row)

    def _active(self, decks: Iterable[str] | None) -> Any:
        cond = [CardRow.retired.is_(False)]
        deck_list = list(decks) if decks else []
        if deck_list:
            cond.append(CardRow.deck.in_(deck_list))
        return cond

    def decks(self) -> dict[str, int]:
        with translate_errors(self.url), self.Session() as s:
            rows = s.execute(
                select(CardRow.deck, func.count()).where(CardRow.retired.is_(False)).group_by(CardRow.deck)
            )
            return {deck: n for deck, n in rows}

    def card_domains(self, domains: Iterable[str]) -> dict[str, str]:
        """Active, unsuspended cards whose exam domain is one of `domains`: id -> domain."""
        wanted = set(domains)
        out: dict[str, str] = {}
        with translate_errors(self.url), self.Session() as s:
            rows = s.execute(
                select(CardRow.id, CardRow.content).where(
                    CardRow.retired.is_(False), CardRow.suspended.is_(False)
                )
            )
            for card_id, content in rows:
                domain = json.loads(content).get("domain")
                if domain in wanted:
                    out[card_id] = domain
        return out

    def candidates(
        self, today: date, decks: Iterable[str] | None, new_limit: int, review_limit: int | None = None
    ) -> list[Candidate]:
        """Cards that could be studied today: due reviews, same-day drills, and up to new_limit new ones in
        bank order. With review_limit, only the first that many reviews in the order the queue shows them
        (sched.queue.build_queue: most overdue, then lowest EF, then id), so a backlog costs no more."""
        active = self._active(decks)
        usable = [
            *active,
            CardRow.suspended.is_(False),
            or_(CardRow.buried_until.is_(None), CardRow.buried_until <= today),
        ]
        cols = (CardRow.id, *(getattr(CardRow, name) for name in STATE_FIELDS))
        with translate_errors(self.url), self.Session() as s:
            due_q = select(*cols).where(*usable, CardRow.due <= today)
            if review_limit is not None:
                due_q = due_q.order_by(CardRow.due, CardRow.ef, CardRow.id).limit(max(0, review_limit))
            due = s.execute(due_q).all()
            drills = s.execute(
                select(*cols)
                .where(*usable, CardRow.drill.is_(True), CardRow.due > today)
                .order_by(CardRow.due, CardRow.ordinal)
            ).all()
            new = (
                s.execute(
                    select(*cols)
                    .where(*usable, CardRow.due.is_(None))
                    .order_by(CardRow.ordinal)
                    .limit(new_limit)
                ).all()
                if new_limit > 0
                else []
            )
        return [Candidate(r[0], CardState(*r[1:])) for r in (*due, *drills, *new)]  # cols: id, then state

    def plan_reviews(
        self, query: PlanQuery, decks: Iterable[str] | None, limit: int
    ) -> tuple[int, list[Candidate]]:
        """The exam plan's reviews for a day (sched/plan.PlanQuery, the same rule as `PlanQuery.matches`),
        in one SQL statement so a 20,000-card store stays fast: each usable studied card's last review
        day is computed once (a materialized CTE), then the ratio bounds are tested on it. Returns how
        many cards match and the first `limit` of them, weakest (largest ratio) first."""
        if self.url.startswith("sqlite"):  # whole days as Julian day numbers
            last_day: Any = cast(func.julianday(CardRow.last_review) + 0.5, Integer)

            def day(on: date) -> Any:
                return literal(on.toordinal() + JDN_OFFSET)
        else:  # PostgreSQL: date minus date is whole days
            last_day = cast(func.timezone("UTC", CardRow.last_review), Date)

            def day(on: date) -> Any:
                return literal(on, Date)

        studied = (
            select(
                CardRow.id,
                last_day.label("last_day"),
                func.coalesce(CardRow.stability, NO_STABILITY).label("s"),
            )
            .where(
                *self._active(decks),
                CardRow.suspended.is_(False),
                or_(CardRow.buried_until.is_(None), CardRow.buried_until <= query.today),
                CardRow.due.is_not(None),
            )
            .cte("studied")
            .prefix_with("MATERIALIZED")
        )

        def days(on: date) -> Any:  # no last review (a card from before FSRS memory): long ago
            return func.coalesce(day(on) - studied.c.last_day, 1_000_000)

        cond = [days(query.today) > 0, days(query.exam) > query.exam_ratio * studied.c.s]
        if query.review_ratio is not None and query.wait_ratio is not None:
            cond.append(days(query.today) >= query.review_ratio * studied.c.s)
            cond.append(days(query.window_start) > query.wait_ratio * studied.c.s)
        weakness = (days(query.order_on) / studied.c.s).label("weakness")
        picked = (
            select(studied.c.id, weakness, func.count().over().label("total"))
            .where(*cond)
            .order_by(weakness.desc(), studied.c.id)
            .limit(max(1, limit))
            .subquery()
        )
        cols = (CardRow.id, *(getattr(CardRow, name) for name in STATE_FIELDS))
        rows_q = (  # the state columns of the few picked cards only
            select(*cols, picked.c.total)
            .join(picked, CardRow.id == picked.c.id)
            .order_by(picked.c.weakness.desc(), CardRow.id)
        )
        with translate_errors(self.url), self.Session() as s:
            rows = s.execute(rows_q).all()
        total = int(rows[0].total) if rows else 0
        return total, [Candidate(card_id=r.id, state=state_of(r)) for r in rows[: max(0, limit)]]

    def new_count(self, decks: Iterable[str] | None = None) -> int:
        """Cards never answered (not suspended): what is left to introduce."""
        with translate_errors(self.url), self.Session() as s:
            q = select(func.count()).where(
                *self._active(decks), CardRow.suspended.is_(False), CardRow.due.is_(None)
            )
            return int(s.execute(q).scalar_one())

    def day_counts(self, today: date, decks: Iterable[str] | None = None) -> DayCounts:
        """New cards introduced and reviews done today (undone answers do not count)."""
        with translate_errors(self.url), self.Session() as s:
            q = select(ReviewLog.was_new, func.count()).where(
                ReviewLog.day == today,
                ReviewLog.action == "answer",
                ReviewLog.undone.is_(False),
                ReviewLog.drill.is_(False),
            )
            deck_list = list(decks) if decks else []
            if deck_list:
                q = q.join(CardRow, CardRow.id == ReviewLog.card_id).where(CardRow.deck.in_(deck_list))
            rows = dict(s.execute(q.group_by(ReviewLog.was_new)).all())
        return DayCounts(new=rows.get(True, 0), reviews=rows.get(False, 0))

    def statuses(self, decks: Iterable[str] | None = None, due_by: date | None = None) -> list[CardStatus]:
        """Every active card's scheduling status, due ones first (by date), then new ones in bank order."""
        with translate_errors(self.url), self.Session() as s:
            q = select(CardRow).where(*self._active(decks))
            if due_by is not None:
                q = q.where(CardRow.due.is_not(None), CardRow.due <= due_by)
            rows = s.execute(q.order_by(CardRow.due.is_(None), CardRow.due, CardRow.ordinal)).scalars()
            return [_status_of(r) for r in rows]

    def status(self, card_id: str) -> CardStatus:
        """One card's status (retired cards too); KeyError when there is no such card."""
        with translate_errors(self.url), self.Session() as s:
            row = s.get(CardRow, card_id)
            if row is None:
                raise KeyError(card_id)
            return _status_of(row)

    def records(self, decks: Iterable[str] | None = None) -> list[tuple[Card, CardStatus]]:
        """Every active card with its status, in bank order: what an export writes."""
        with translate_errors(self.url), self.Session() as s:
            rows = s.execute(select(CardRow).where(*self._active(decks)).order_by(CardRow.ordinal)).scalars()
            return [
                (
                    card_from_dict(json.loads(r.content), f"database card {r.id}", r.deck),
                    CardStatus(r.id, r.deck, r.type, state_of(r), r.suspended, r.leech, r.buried_until),
                )
                for r in rows
            ]

    def next_due(self, after: date, decks: Iterable[str] | None = None) -> tuple[date | None, int]:
        """The first day after `after` with cards due, and how many are due then."""
        with translate_errors(self.url), self.Session() as s:
            cond = [*self._active(decks), CardRow.suspended.is_(False), CardRow.due > after]
            first = s.execute(select(func.min(CardRow.due)).where(*cond)).scalar_one_or_none()
            if first is None:
                return None, 0
            n = s.execute(select(func.count()).where(*cond, CardRow.due == first)).scalar_one()
            return first, int(n)

    # --- writing: each call is one transaction, committed before it returns -------------------

    def claim(self, card_id: str, expected: CardState, session: str, now: datetime) -> bool:
        """Claim a card for showing in this session. False when it changed since the session read it
        (answered, suspended or buried elsewhere) or another session is showing it right now."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            row = s.get(CardRow, card_id, with_for_update=True)
            if row is None or row.suspended or not same_state(state_of(row), expected):
                return False
            if row.buried_until is not None and row.buried_until > now.date():
                return False
            held = s.get(CardClaim, card_id, with_for_update=True)
            until = now + timedelta(minutes=CLAIM_MINUTES)
            if held is None:
                s.add(CardClaim(card_id=card_id, session=session, until=until))
                return True
            if held.session != session and _utc_naive(held.until) > _utc_naive(now):  # type: ignore[operator]
                return False
            held.session, held.until = session, until
            return True

    def release(self, session: str) -> None:
        """The session has ended: the cards it was showing may be shown by any session again."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            s.execute(delete(CardClaim).where(CardClaim.session == session))

    def answer(
        self, card_id: str, grade: int, now: datetime, response_ms: int | None, session: str | None = None
    ) -> AnswerResult:
        with translate_errors(self.url), self.Session() as s, s.begin():
            # The row lock (FOR UPDATE on a server; SQLite's BEGIN IMMEDIATE locks the whole file) makes
            # reading the state and writing the new one atomic: another process answering the same card
            # waits, then starts from this answer's state instead of overwriting it.
            row = s.execute(_ANSWER_READ, {"card_id": card_id}).first()
            if row is None:
                raise KeyError(card_id)
            before = CardState(*row[1:])
            drill_answer = sm2.is_drill_answer(before, now.date())
            after = self.policy.review(before, grade, now)
            became_leech = not drill_answer and sm2.is_leech(after) and not row.leech
            values = _state_values(after)
            if became_leech:
                values.update(leech=True, suspended=True)
                s.execute(update(CardRow).where(CardRow.id == card_id).values(**values))
            else:
                s.execute(_ANSWER_WRITE, {"card_id": card_id, **values})
            logs = [
                _transition(
                    card_id,
                    now,
                    "answer",
                    grade,
                    before,
                    after,
                    session,
                    was_new=before.is_new,
                    drill=drill_answer,
                    response_ms=response_ms,
                    undone=False,
                )
            ]
            s.execute(insert(ReviewLog), logs)
            if became_leech:
                s.add(ReviewLog(card_id=card_id, ts=now, day=now.date(), action="leech", session=session))
        return AnswerResult(before=before, after=after, drill_answer=drill_answer, leech=became_leech)

    def undo_last(self, now: datetime, session: str | None = None) -> Undone | None:
        """Undo the last answer, suspend or bury (of this session, if given): the card gets back the
        scheduling state, or the suspended / buried flag, it had before."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            q = select(ReviewLog).where(ReviewLog.action.in_(UNDOABLE), ReviewLog.undone.is_(False))
            if session is not None:
                q = q.where(ReviewLog.session == session)
            last = s.execute(q.order_by(ReviewLog.id.desc()).limit(1)).scalar_one_or_none()
            if last is None or last.before is None:
                return None
            row = s.get(CardRow, last.card_id, with_for_update=True)
            if row is None:
                return None
            if last.action == "answer":
                _apply(row, _state_from_json(last.before))
                if row.leech and not sm2.is_leech(state_of(row)):
                    row.leech = False
                    row.suspended = False
            else:
                flags = json.loads(last.before)
                row.suspended = flags["suspended"]
                buried = flags["buried_until"]
                row.buried_until = date.fromisoformat(buried) if buried else None
            last.undone = True
            s.add(
                ReviewLog(
                    card_id=last.card_id,
                    ts=now,
                    day=now.date(),
                    action="undo",
                    before=last.after,
                    after=last.before,
                    session=session,
                )
            )
            return Undone(card_id=last.card_id, restored=state_of(row), action=last.action)

    def _flag(self, card_id: str, now: datetime, action: str, session: str | None, **values: Any) -> None:
        """Set a card's suspended / buried flags, logging what they were so that undo can restore them."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            row = s.get(CardRow, card_id, with_for_update=True)
            before = None
            if row is not None:
                buried = row.buried_until.isoformat() if row.buried_until else None
                before = json.dumps({"suspended": row.suspended, "buried_until": buried})
            s.execute(update(CardRow).where(CardRow.id == card_id).values(**values))
            s.add(
                ReviewLog(
                    card_id=card_id, ts=now, day=now.date(), action=action, session=session, before=before
                )
            )

    def suspend(self, card_id: str, now: datetime, session: str | None = None) -> None:
        self._flag(card_id, now, "suspend", session, suspended=True)

    def unsuspend(self, card_id: str, now: datetime) -> None:
        self._flag(card_id, now, "unsuspend", None, suspended=False, leech=False)

    def bury(self, card_id: str, now: datetime, session: str | None = None) -> None:
        self._flag(card_id, now, "bury", session, buried_until=now.date() + timedelta(days=1))

    def adopt_history(self, card_id: str, answers: Sequence[tuple[datetime, int, int | None]]) -> bool:
        """Give a card with no history of its own the answers (time, grade, response ms) another tool
        recorded: each one logged, the SM-2 state rebuilt by replaying them in order. False when the card
        is unknown or already has history (a second import adds nothing)."""
        with translate_errors(self.url), self.Session() as s, s.begin():
            row = s.get(CardRow, card_id, with_for_update=True)
            if row is None:
                return False
            if s.execute(select(ReviewLog.id).where(ReviewLog.card_id == card_id).limit(1)).first():
                return False
            state = state_of(row)
            logs: list[dict[str, Any]] = []
            for ts, grade, ms in sorted(answers, key=lambda a: a[0]):
                drill = sm2.is_drill_answer(state, ts.date())
                after = self.policy.review(state, grade, ts)
                extra = {"was_new": state.is_new, "drill": drill, "response_ms": ms}
                logs.append(_transition(card_id, ts, "answer", grade, state, after, "import", **extra))
                state = after
            if logs:
                s.execute(insert(ReviewLog), logs)
            _apply(row, state)
            return True

    @staticmethod
    def fail_recall_in(
        s: Session, card_id: str, now: datetime, session: str | None = None, policy: Policy = SM2
    ) -> None:
        """A wrong exam answer, inside the caller's transaction: a failed recall, due tomorrow."""
        row = s.get(CardRow, card_id, with_for_update=True)
        if row is None:
            return
        before = state_of(row)
        after = policy.failed_recall(before, now)
        _apply(row, after)
        s.execute(insert(ReviewLog), [_transition(card_id, now, "exam", 1, before, after, session)])

    def log(self, card_id: str | None = None) -> list[LogEntry]:
        """The review log in the order it was written (of one card, if given)."""
        with translate_errors(self.url), self.Session() as s:
            q = select(ReviewLog)
            if card_id is not None:
                q = q.where(ReviewLog.card_id == card_id)
            return [_entry(r) for r in s.execute(q.order_by(ReviewLog.id)).scalars()]

    def recent_answers(self, limit: int = 300) -> list[LogEntry]:
        """The last answers given (oldest first): the learner's pace."""
        with translate_errors(self.url), self.Session() as s:
            q = (
                select(ReviewLog)
                .where(ReviewLog.action == "answer")
                .order_by(ReviewLog.id.desc())
                .limit(limit)
            )
            return [_entry(r) for r in reversed(list(s.execute(q).scalars()))]

    def graded_log(self, decks: Iterable[str] | None = None) -> dict[str, list[LogEntry]]:
        """Each card's graded rows (answers and exam failures), oldest first: what the memory model reads."""
        with translate_errors(self.url), self.Session() as s:
            q = select(ReviewLog).where(ReviewLog.action.in_(GRADED_ACTIONS), ReviewLog.undone.is_(False))
            deck_list = list(decks) if decks else []
            if deck_list:
                q = q.join(CardRow, CardRow.id == ReviewLog.card_id).where(CardRow.deck.in_(deck_list))
            out: dict[str, list[LogEntry]] = {}
            for r in s.execute(q.order_by(ReviewLog.id)).scalars():
                out.setdefault(r.card_id, []).append(_entry(r))
            return out

    def reschedule(self, policy: Policy, settings: dict[str, str]) -> int:
        """Save the settings and rebuild every answered card's state from its log under `policy`, in one
        transaction (switching scheduler or retention). Returns how many cards were rescheduled."""
        logs = self.graded_log()
        with translate_errors(self.url), self.Session() as s, s.begin():
            for key, value in settings.items():
                s.merge(Setting(key=key, value=value))
            for card_id, entries in logs.items():
                row = s.get(CardRow, card_id)
                if row is not None:
                    _apply(row, replay(policy, entries))
        self.policy = policy
        return len(logs)


def _entry(r: ReviewLog) -> LogEntry:
    return LogEntry(
        id=r.id,
        card_id=r.card_id,
        ts=r.ts,
        day=r.day,
        action=r.action,
        grade=r.grade,
        was_new=r.was_new,
        drill=r.drill,
        response_ms=r.response_ms,
        interval_before=r.interval_before,
        interval_after=r.interval_after,
        undone=r.undone,
        session=r.session,
    )
