"""Exam attempts in the database: each answer, flag and the time used committed the moment it is given.

An attempt is *open* while `finished` is empty; several can be open at once (each can be resumed). A
submitted attempt has its scores; an attempt with `finished` but no scores ("abandoned") was set aside
by awsprep 0.1, which closed an open attempt when a new one started.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from awsprep.bank.io import card_from_dict
from awsprep.bank.models import QUESTION_TYPES, Card
from awsprep.store.db import translate_errors
from awsprep.store.repo import Store
from awsprep.store.tables import cards as _CARDS
from awsprep.store.tables import exam_attempts as _ATTEMPTS
from awsprep.store.tables import exam_items as _ITEMS
from awsprep.study.ports import AttemptInfo, ItemRecord


def _info(row: Any) -> AttemptInfo:  # an exam_attempts row
    return AttemptInfo(
        id=row.id,
        blueprint=row.blueprint,
        mode=row.mode,
        started=row.started,
        seconds_allowed=row.seconds_allowed,
        seconds_used=row.seconds_used,
        finished=row.finished,
        raw_correct=row.raw_correct,
        total=row.total,
        scaled_score=row.scaled_score,
        passed=row.passed,
    )


class ExamStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.url = store.url

    def exam_cards(self) -> list[Card]:
        """Every active mcq and numeric card, in bank order."""
        with self.store.reading() as s:
            rows = s.execute(
                select(_CARDS.c.id, _CARDS.c.deck, _CARDS.c.content)
                .where(_CARDS.c.retired.is_(False), _CARDS.c.type.in_(QUESTION_TYPES))
                .order_by(_CARDS.c.ordinal)
            ).all()
        return [card_from_dict(json.loads(r.content), f"database card {r.id}", r.deck) for r in rows]

    def create(
        self,
        blueprint: str,
        mode: str,
        started: datetime,
        seconds_allowed: int,
        items: Sequence[tuple[str, str | None, dict[str, Any]]],
    ) -> int:
        """A new open attempt with its questions (card id, domain, question as shown)."""
        from awsprep.store.models import ExamAttempt, ExamItem  # the ORM: rows added as objects

        with translate_errors(self.url), self.store.Session() as s, s.begin():
            row = ExamAttempt(
                blueprint=blueprint,
                mode=mode,
                started=started,
                seconds_allowed=seconds_allowed,
                seconds_used=0.0,
                total=len(items),
            )
            s.add(row)
            s.flush()
            for position, (card_id, domain, question) in enumerate(items):
                s.add(
                    ExamItem(
                        attempt_id=row.id,
                        position=position,
                        card_id=card_id,
                        domain=domain,
                        question=json.dumps(question),
                        flagged=False,
                    )
                )
            return row.id

    def open_attempts(self) -> list[AttemptInfo]:
        """Unfinished attempts, newest first."""
        with self.store.reading() as s:
            rows = s.execute(
                select(_ATTEMPTS).where(_ATTEMPTS.c.finished.is_(None)).order_by(_ATTEMPTS.c.id.desc())
            )
            return [_info(r) for r in rows]

    def open_attempt(self, attempt_id: int | None = None) -> AttemptInfo | None:
        """The newest unfinished attempt, or the one asked for if it is unfinished."""
        attempts = self.open_attempts()
        if attempt_id is None:
            return attempts[0] if attempts else None
        return next((a for a in attempts if a.id == attempt_id), None)

    def attempt(self, attempt_id: int) -> AttemptInfo | None:
        with self.store.reading() as s:
            row = s.execute(select(_ATTEMPTS).where(_ATTEMPTS.c.id == attempt_id)).first()
            return _info(row) if row else None

    def items(self, attempt_id: int) -> list[ItemRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(_ITEMS).where(_ITEMS.c.attempt_id == attempt_id).order_by(_ITEMS.c.position)
            )
            return [
                ItemRecord(
                    position=r.position,
                    card_id=r.card_id,
                    domain=r.domain,
                    question=json.loads(r.question),
                    answer=json.loads(r.answer) if r.answer is not None else None,
                    flagged=r.flagged,
                    correct=r.correct,
                )
                for r in rows
            ]

    def save_answer(self, attempt_id: int, position: int, answer: Any, seconds_used: float) -> None:
        self._item_update(
            attempt_id, position, seconds_used, answer=None if answer is None else json.dumps(answer)
        )

    def save_flag(self, attempt_id: int, position: int, flagged: bool, seconds_used: float) -> None:
        self._item_update(attempt_id, position, seconds_used, flagged=flagged)

    def _item_update(self, attempt_id: int, position: int, seconds_used: float, **values: Any) -> None:
        with translate_errors(self.url), self.store.engine.begin() as s:
            s.execute(
                update(_ITEMS)
                .where(_ITEMS.c.attempt_id == attempt_id, _ITEMS.c.position == position)
                .values(**values)
            )
            s.execute(update(_ATTEMPTS).where(_ATTEMPTS.c.id == attempt_id).values(seconds_used=seconds_used))

    def save_time(self, attempt_id: int, seconds_used: float) -> None:
        with translate_errors(self.url), self.store.engine.begin() as s:
            s.execute(update(_ATTEMPTS).where(_ATTEMPTS.c.id == attempt_id).values(seconds_used=seconds_used))

    def submit(
        self,
        attempt_id: int,
        now: datetime,
        seconds_used: float,
        report: dict[str, Any],
        correct_positions: set[int],
        failed_recalls: Sequence[str],
    ) -> None:
        """Store the scores and make each wrongly answered card a failed recall due tomorrow: one
        transaction, so a crash leaves the attempt open (and resumable) with no card rescheduled."""
        from awsprep.store.models import ExamItem  # the ORM: rows changed as objects

        session = f"exam-{attempt_id}"
        with translate_errors(self.url), self.store.Session() as s, s.begin():
            for item in s.execute(select(ExamItem).where(ExamItem.attempt_id == attempt_id)).scalars():
                item.correct = item.position in correct_positions
            s.execute(
                update(_ATTEMPTS)
                .where(_ATTEMPTS.c.id == attempt_id)
                .values(
                    finished=now,
                    seconds_used=seconds_used,
                    raw_correct=report["raw_correct"],
                    scaled_score=report["scaled_score"],
                    passed=report["passed"],
                    report=json.dumps(report),
                )
            )
            for card_id in failed_recalls:
                self.store.fail_recall_in(s, card_id, now, session, self.store.policy)

    def recent_card_ids(self, blueprint: str, attempts: int = 3) -> set[str]:
        """Cards asked in the last few attempts of this blueprint."""
        with self.store.reading() as s:
            ids = list(
                s.execute(
                    select(_ATTEMPTS.c.id)
                    .where(_ATTEMPTS.c.blueprint == blueprint)
                    .order_by(_ATTEMPTS.c.id.desc())
                    .limit(attempts)
                ).scalars()
            )
            if not ids:
                return set()
            return set(s.execute(select(_ITEMS.c.card_id).where(_ITEMS.c.attempt_id.in_(ids))).scalars())

    def history(self) -> list[AttemptInfo]:
        with self.store.reading() as s:
            rows = s.execute(select(_ATTEMPTS).order_by(_ATTEMPTS.c.started, _ATTEMPTS.c.id))
            return [_info(r) for r in rows]

    def report(self, attempt_id: int) -> dict[str, Any] | None:
        """The report JSON stored when the attempt was submitted (None before then)."""
        with self.store.reading() as s:
            q = select(_ATTEMPTS.c.report).where(_ATTEMPTS.c.id == attempt_id)
            raw = s.execute(q).scalar_one_or_none()
        return json.loads(raw) if raw else None
