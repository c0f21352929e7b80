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
from awsprep.store.models import CardRow, ExamAttempt, ExamItem
from awsprep.store.repo import Store
from awsprep.study.ports import AttemptInfo, ItemRecord


def _info(row: ExamAttempt) -> AttemptInfo:
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
        self.Session = store.Session
        self.Reader = store.Reader

    def exam_cards(self) -> list[Card]:
        """Every active mcq and numeric card, in bank order."""
        with translate_errors(self.url), self.Reader() as s:
            rows = s.execute(
                select(CardRow.id, CardRow.deck, CardRow.content)
                .where(CardRow.retired.is_(False), CardRow.type.in_(QUESTION_TYPES))
                .order_by(CardRow.ordinal)
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
        with translate_errors(self.url), self.Session() as s, s.begin():
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
        with translate_errors(self.url), self.Reader() as s:
            rows = s.execute(
                select(ExamAttempt).where(ExamAttempt.finished.is_(None)).order_by(ExamAttempt.id.desc())
            ).scalars()
            return [_info(r) for r in rows]

    def open_attempt(self, attempt_id: int | None = None) -> AttemptInfo | None:
        """The newest unfinished attempt, or the one asked for if it is unfinished."""
        attempts = self.open_attempts()
        if attempt_id is None:
            return attempts[0] if attempts else None
        return next((a for a in attempts if a.id == attempt_id), None)

    def attempt(self, attempt_id: int) -> AttemptInfo | None:
        with translate_errors(self.url), self.Reader() as s:
            row = s.get(ExamAttempt, attempt_id)
            return _info(row) if row else None

    def items(self, attempt_id: int) -> list[ItemRecord]:
        with translate_errors(self.url), self.Reader() as s:
            rows = s.execute(
                select(ExamItem).where(ExamItem.attempt_id == attempt_id).order_by(ExamItem.position)
            ).scalars()
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
        with translate_errors(self.url), self.Session() as s, s.begin():
            s.execute(
                update(ExamItem)
                .where(ExamItem.attempt_id == attempt_id, ExamItem.position == position)
                .values(**values)
            )
            s.execute(
                update(ExamAttempt).where(ExamAttempt.id == attempt_id).values(seconds_used=seconds_used)
            )

    def save_time(self, attempt_id: int, seconds_used: float) -> None:
        with translate_errors(self.url), self.Session() as s, s.begin():
            s.execute(
                update(ExamAttempt).where(ExamAttempt.id == attempt_id).values(seconds_used=seconds_used)
            )

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
        session = f"exam-{attempt_id}"
        with translate_errors(self.url), self.Session() as s, s.begin():
            for item in s.execute(select(ExamItem).where(ExamItem.attempt_id == attempt_id)).scalars():
                item.correct = item.position in correct_positions
            s.execute(
                update(ExamAttempt)
                .where(ExamAttempt.id == attempt_id)
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
        with translate_errors(self.url), self.Reader() as s:
            ids = list(
                s.execute(
                    select(ExamAttempt.id)
                    .where(ExamAttempt.blueprint == blueprint)
                    .order_by(ExamAttempt.id.desc())
                    .limit(attempts)
                ).scalars()
            )
            if not ids:
                return set()
            return set(s.execute(select(ExamItem.card_id).where(ExamItem.attempt_id.in_(ids))).scalars())

    def history(self) -> list[AttemptInfo]:
        with translate_errors(self.url), self.Reader() as s:
            rows = s.execute(select(ExamAttempt).order_by(ExamAttempt.started, ExamAttempt.id)).scalars()
            return [_info(r) for r in rows]

    def report(self, attempt_id: int) -> dict[str, Any] | None:
        """The report JSON stored when the attempt was submitted (None before then)."""
        with translate_errors(self.url), self.Reader() as s:
            q = select(ExamAttempt.report).where(ExamAttempt.id == attempt_id)
            raw = s.execute(q).scalar_one_or_none()
        return json.loads(raw) if raw else None
