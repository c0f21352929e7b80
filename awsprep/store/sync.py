"""Open the store and bring the bank into it, skipping the work when no bank file has changed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from awsprep import __version__
from awsprep.bank.io import introduction_order, iter_bank_files, load_bank_files
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


def sync_bank(store: Store, roots: Sequence[Path]) -> SyncReport:
    existing = [r for r in roots if r.exists()]
    fp = fingerprint(existing)
    if store.bank_fingerprint() == fp:
        return SyncReport(skipped=True)
    cards = introduction_order(load_bank_files(existing))
    return store.sync(cards, fp)
