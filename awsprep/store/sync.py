"""Open the store and bring the bank into it, skipping the work when no bank file has changed, and
parsing again only the files whose bytes changed since they were last parsed (the store keeps the rest)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from awsprep import __version__
from awsprep.bank.io import collector_paused, introduction_order, iter_bank_files, load_bank_files
from awsprep.store.repo import Store, SyncReport


def fingerprint(roots: Sequence[Path]) -> str:
    """Names, sizes and modification times of every bank file: cheap, and changes when a file does."""
    h = hashlib.sha256(__version__.encode())
    for root in roots:
        if not root.exists():
            continue
        for path in iter_bank_files(root):
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class StoreParseCache:
    """bank.io.ParseCache over the store's bank_files table: read once, written after the sync."""

    def __init__(self, store: Store) -> None:
        self.known = store.bank_cache()
        self.fresh: dict[str, tuple[str, str]] = {}
        self.used: set[str] = set()

    def get(self, file: str, digest: str) -> str | None:
        self.used.add(file)
        hit = self.known.get(file)
        return hit[1] if hit is not None and hit[0] == digest else None

    def put(self, file: str, digest: str, cards: str) -> None:
        self.fresh[file] = (digest, cards)


class Progress(Protocol):
    """What a first start tells the learner while the bank goes into the empty database."""

    def reading(self, done: int, total: int) -> None: ...
    def saving(self, cards: int) -> None: ...
    def done(self, cards: int) -> None: ...


def sync_bank(store: Store, roots: Sequence[Path], first_start: Progress | None = None) -> SyncReport:
    """Sync the bank files into the store; on a first start (an empty store) report progress."""
    existing = [r for r in roots if r.exists()]
    fp = fingerprint(existing)
    known = store.bank_fingerprint()
    if known == fp:
        return SyncReport(skipped=True)
    # Cards are many small objects without cycles, all alive until the sync ends: the cyclic collector
    # would walk them again and again as they pile up (a fifth of a 100k-card sync, more per card the
    # bigger the bank). Reference counting still frees whatever is dropped.
    with collector_paused():
        return _sync(store, existing, fp, first_start if known is None else None)


def _sync(store: Store, existing: list[Path], fp: str, progress: Progress | None) -> SyncReport:
    cache = StoreParseCache(store)
    files = load_bank_files(existing, cache=cache, on_file=progress.reading if progress else None)
    cards = introduction_order(files)
    if progress:
        progress.saving(len(cards))
    report = store.sync(cards, fp)
    store.save_bank_cache(cache.fresh, keep=cache.used)
    if progress:
        progress.done(len(cards))
    return report
