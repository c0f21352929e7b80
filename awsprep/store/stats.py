"""What `awsprep stats` reads: the cards' statuses with their domains, and the review log counted in SQL.

The counting is done by the database (GROUP BY) so that a long history costs a few thousand rows, not
one Python object per answer; every figure is computed from the counts in `study/stats.py`. SQLite and
PostgreSQL keep the log's counts per day and the cards' counts ready (`answer_days`, `answer_times`,
`card_counts`: triggers, see `store/tallies.py`, with `stats`' own thresholds of mature and passed); on
another database, or with other thresholds, the log and the cards themselves are counted (`live=True`
asks for that: the tests compare the two).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, literal_column, select

from awsprep.bank.models import QUESTION_TYPES
from awsprep.store import tallies
from awsprep.store.db import translate_errors
from awsprep.store.repo import Store
from awsprep.store.tables import answer_days as _DAYS
from awsprep.store.tables import answer_times as _TIMES
from awsprep.store.tables import card_counts as _COUNTS
from awsprep.store.tables import cards as _CARDS
from awsprep.store.tables import exam_attempts as _ATTEMPTS
from awsprep.store.tables import exam_items as _ITEMS
from awsprep.store.tables import review_log as _LOG
from awsprep.study.ports import CardTally, DayTally, DomainTally, DueTally, RecallTally, TimeBucket


class StatsStore:
    def __init__(self, store: Store, live: bool = False) -> None:
        self.url = store.url
        self.store = store
        self._conn: Connection | None = None
        self._kept = not live and tallies.kept(store.engine.dialect.name)

    def _tallied(self, mature_days: int, pass_grade: int) -> bool:
        return self._kept and (mature_days, pass_grade) == (tallies.MATURE_DAYS, tallies.PASS_GRADE)

    @staticmethod
    def _in_decks(decks: Iterable[str] | None, table: Any = _CARDS) -> list[Any]:
        """The condition of the decks on a table with a deck column (none when all decks count)."""
        deck_list = list(decks) if decks else []
        return [table.c.deck.in_(deck_list)] if deck_list else []

    def _answers(self, decks: Iterable[str] | None, types: Iterable[str] | None = None) -> list[Any]:
        """Answers that stand (not undone), of cards in the decks (and of these types). The cards are a
        subquery, not a join: the log is then read in its own order, which is much faster."""
        cond = [_LOG.c.action == "answer", _LOG.c.undone.is_(False)]
        card_cond = self._in_decks(decks)
        if types is not None:
            card_cond.append(_CARDS.c.type.in_(list(types)))
        if card_cond:
            cond.append(_LOG.c.card_id.in_(select(_CARDS.c.id).where(*card_cond)))
        return cond

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read everything inside one transaction: one consistent view, one BEGIN."""
        with self.store.reading() as conn:
            self._conn = conn
            try:
                yield
            finally:
                self._conn = None

    def _rows(self, stmt: Any) -> list[Any]:
        """Rows through Core (no ORM loading: these are plain columns)."""
        if self._conn is not None:
            with translate_errors(self.url):
                return list(self._conn.execute(stmt).all())
        with self.store.reading() as conn:
            return list(conn.execute(stmt).all())

    @staticmethod
    def _every_active() -> Any:
        """Active cards, for a query that reads (nearly) all of them: a condition no index serves, so the
        table is read in storage order (SQLite would otherwise walk an index on `retired` and fetch each
        card's row from it, twice as slow). `retired` is never NULL: the same cards as `retired IS false`."""
        return func.coalesce(_CARDS.c.retired, False).is_(False)

    def card_tallies(self, decks: Iterable[str] | None, mature_days: int) -> list[CardTally]:
        """Active cards counted by exam domain, type, new and mature (interval >= mature_days)."""
        if self._kept and mature_days == tallies.MATURE_DAYS:
            c = _COUNTS.c
            n = func.sum(c.cards)
            kept_keys = (c.domain, c.type, c.is_new, c.is_mature)
            q = select(*kept_keys, n).where(*self._in_decks(decks, _COUNTS))
            kept = self._rows(q.group_by(*kept_keys).having(n > 0))
            return [CardTally(r[0] or None, r[1], bool(r[2]), bool(r[3]), int(r[4])) for r in kept]
        keys = (_CARDS.c.domain, _CARDS.c.type, _CARDS.c.due.is_(None), _CARDS.c.interval >= mature_days)
        rows = self._rows(
            select(*keys, func.count()).where(self._every_active(), *self._in_decks(decks)).group_by(*keys)
        )
        return [CardTally(r[0], r[1], bool(r[2]), bool(r[3]), int(r[4])) for r in rows]

    def due_tallies(self, today: date, decks: Iterable[str] | None = None) -> list[DueTally]:
        """Reviewed, unsuspended active cards per due day: how many, how many buried past today, and
        the sum of 1 / interval."""
        buried = func.sum(case((_CARDS.c.buried_until > today, 1), else_=0))
        at_least_one = case((_CARDS.c.interval < 1, 1), else_=_CARDS.c.interval)  # portable max(1, interval)
        load = func.sum(1.0 / at_least_one)
        rows = self._rows(
            select(_CARDS.c.due, func.count(), buried, load)
            .where(
                _CARDS.c.retired.is_(False),
                _CARDS.c.suspended.is_(False),
                _CARDS.c.due.is_not(None),
                *self._in_decks(decks),
            )
            .group_by(_CARDS.c.due)
        )
        return [DueTally(r[0], int(r[1]), int(r[2] or 0), float(r[3] or 0.0)) for r in rows]

    def day_tallies(self, decks: Iterable[str] | None, mature_days: int, pass_grade: int) -> list[DayTally]:
        """Each day's answers: how many, their response time, new and drill answers, and the reviews
        by young / mature (interval before < or >= mature_days) and passed / failed (grade >= pass_grade)."""
        if self._tallied(mature_days, pass_grade):
            counts = tallies.DAY_COUNTS[:8]  # answers, ms, new, drill, young / mature passed / failed
            q = select(_DAYS.c.day, *(func.sum(_DAYS.c[c]) for c in counts))
            q = q.where(*self._in_decks(decks, _DAYS))
            rows = self._rows(q.group_by(_DAYS.c.day).having(func.sum(_DAYS.c.answers) > 0))
            return [DayTally(r[0], *(int(v) for v in r[1:])) for r in rows]
        review = and_(_LOG.c.was_new.is_(False), _LOG.c.drill.is_(False))
        mature = func.coalesce(_LOG.c.interval_before, 0) >= mature_days
        passed = func.coalesce(_LOG.c.grade, 0) >= pass_grade

        def count(*cond: Any) -> Any:
            return func.sum(case((and_(*cond), 1), else_=0))

        rows = self._rows(
            select(
                _LOG.c.day,
                func.count(),
                func.coalesce(func.sum(_LOG.c.response_ms), 0),
                count(_LOG.c.was_new.is_(True)),
                count(_LOG.c.drill.is_(True)),
                count(review, ~mature, passed),
                count(review, ~mature, ~passed),
                count(review, mature, passed),
                count(review, mature, ~passed),
            )
            .where(*self._answers(decks))
            .group_by(_LOG.c.day)
        )
        return [DayTally(r[0], *(int(v) for v in r[1:])) for r in rows]

    def time_buckets(self, decks: Iterable[str] | None, since: date) -> list[TimeBucket]:
        """Answers since a day by card type and response time, in the buckets of `tallies.bucket`."""
        if self._kept:
            n = func.sum(_TIMES.c.answers)
            q = select(_TIMES.c.type, _TIMES.c.ms, n).where(
                _TIMES.c.day >= since, _TIMES.c.type != "", *self._in_decks(decks, _TIMES)
            )
            rows = self._rows(q.group_by(_TIMES.c.type, _TIMES.c.ms).having(n > 0))
            return [TimeBucket(r[0], int(r[1]), int(r[2])) for r in rows]
        bucket: Any = literal_column(tallies.bucket_sql(f"{_LOG.name}.{_LOG.c.response_ms.name}"))
        rows = self._rows(
            select(_CARDS.c.type, bucket, func.count())
            .join(_CARDS, _CARDS.c.id == _LOG.c.card_id)
            .where(*self._answers(decks), _LOG.c.day >= since, _LOG.c.response_ms.is_not(None))
            .group_by(_CARDS.c.type, bucket)
        )
        return [TimeBucket(r[0], int(r[1]), int(r[2])) for r in rows]

    def question_answers(self, decks: Iterable[str] | None, pass_grade: int) -> list[DomainTally]:
        """Review answers to mcq / numeric cards by exam domain, passed and failed (drill repeats left
        out): counted per card from the log, then per domain."""
        if self._tallied(tallies.MATURE_DAYS, pass_grade):
            counted = func.sum(_DAYS.c.counted)
            q = select(_DAYS.c.domain, func.sum(_DAYS.c.passed), counted).where(
                _DAYS.c.type.in_(QUESTION_TYPES), *self._in_decks(decks, _DAYS)
            )
            rows = self._rows(q.group_by(_DAYS.c.domain).having(counted > 0))
            return [DomainTally(r[0] or None, int(r[1]), int(r[2]) - int(r[1])) for r in rows]
        passed = func.sum(case((func.coalesce(_LOG.c.grade, 0) >= pass_grade, 1), else_=0))
        per_card = (
            select(_LOG.c.card_id.label("card_id"), passed.label("passed"), func.count().label("n"))
            .where(*self._answers(decks, QUESTION_TYPES), _LOG.c.drill.is_(False))
            .group_by(_LOG.c.card_id)
            .subquery()
        )
        domain = _CARDS.c.domain
        rows = self._rows(
            select(domain, func.sum(per_card.c.passed), func.sum(per_card.c.n))
            .join(_CARDS, _CARDS.c.id == per_card.c.card_id)
            .group_by(domain)
        )
        return [DomainTally(r[0], int(r[1]), int(r[2]) - int(r[1])) for r in rows]

    def exam_answers(self, decks: Iterable[str] | None) -> list[DomainTally]:
        """Answers to the questions of submitted mock exams by domain, right and wrong."""
        right = func.sum(case((_ITEMS.c.correct.is_(True), 1), else_=0))
        q = (
            select(_ITEMS.c.domain, right, func.count())
            .join(_ATTEMPTS, _ATTEMPTS.c.id == _ITEMS.c.attempt_id)
            .where(_ITEMS.c.correct.is_not(None), _ATTEMPTS.c.raw_correct.is_not(None))
        )
        if decks:
            q = q.where(_ITEMS.c.card_id.in_(select(_CARDS.c.id).where(*self._in_decks(decks))))
        rows = self._rows(q.group_by(_ITEMS.c.domain))
        return [DomainTally(r[0], int(r[1]), int(r[2]) - int(r[1])) for r in rows]

    def recall_tallies(self, decks: Iterable[str] | None) -> list[RecallTally]:
        """Active cards with an FSRS memory, counted by domain, stability and day of the last review (its
        day number, `last_day`): read from the memory index alone, which also skips at once the cards
        without a memory (all of them under SM-2) instead of reading every card's row."""
        keys = (_CARDS.c.domain, _CARDS.c.stability, _CARDS.c.last_day)
        rows = self._rows(
            select(*keys, func.count())
            .where(
                _CARDS.c.retired.is_(False),
                _CARDS.c.stability.is_not(None),
                _CARDS.c.last_day.is_not(None),
                *self._in_decks(decks),
            )
            .group_by(*keys)
        )
        return [RecallTally(r[0], float(r[1]), date.fromordinal(int(r[2])), int(r[3])) for r in rows]

    def last_answer_day(self, decks: Iterable[str] | None = None) -> date | None:
        """The last day with an answer: the log's day index read backwards until an answer of a card in the
        decks (EXISTS for that card, not `IN (cards of the decks)` or a join: both read every card first)."""
        q = select(_LOG.c.day).where(_LOG.c.action == "answer", _LOG.c.undone.is_(False))
        if decks:
            q = q.where(exists().where(_CARDS.c.id == _LOG.c.card_id, *self._in_decks(decks)))
        rows = self._rows(q.order_by(_LOG.c.day.desc()).limit(1))
        value = rows[0][0] if rows else None
        return date.fromisoformat(value) if isinstance(value, str) else value
