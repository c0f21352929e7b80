"""Reading keys and lines from a terminal: input read whole, and waits that a Ctrl-C can always cut.

A Ctrl-C that lands just before the process starts waiting for a key (after Python's last check for
signals, before the system call) used to be held until the next key press: the review then sat on its
card with the interrupt unseen (seen once in a CI run, about one run in fifty when Ctrl-C was sent the
moment a card appeared). The wait is now cut in slices of at most `keys.SLICE` seconds, between which
Python acts on the signal.
"""

from __future__ import annotations

import os
import pty
import signal
import threading
import tty

import pytest

from awsprep.ui import keys


@pytest.fixture
def terminal():
    """A pseudo-terminal: what the test writes on `master` is what the program reads from `slave`."""
    master, slave = pty.openpty()
    tty.setraw(slave)  # bytes written are read as they are, whenever the terminal's line discipline runs
    with os.fdopen(slave, "r", closefd=True) as stream:
        yield master, stream
    os.close(master)


def test_read_key_reads_keys_arrows_and_enter(terminal):
    master, stream = terminal
    os.write(master, b"g\x1b[A\r\xc3\xa9")
    assert [keys.read_key(stream, timeout=5) for _ in range(4)] == ["g", "up", keys.ENTER, "é"]


def test_read_key_gives_none_when_its_time_runs_out(terminal):
    _, stream = terminal
    assert keys.read_key(stream, timeout=0.05) is None


def test_every_wait_for_a_key_is_cut_in_short_slices(terminal, monkeypatch):
    """No wait for input is longer than SLICE, whatever the timeout asked: a signal that arrives
    before a wait starts is acted on when the slice ends."""
    master, stream = terminal
    waits: list[float | None] = []
    real = keys.select.select

    def recording(r, w, x, timeout=None):
        waits.append(timeout)
        assert timeout is not None and timeout <= keys.SLICE, f"a wait of {timeout} s"
        if len(waits) == 3:
            os.write(master, b"k")
        return real(r, w, x, timeout)

    monkeypatch.setattr(keys.select, "select", recording)
    assert keys.read_key(stream, timeout=5) == "k"
    assert len(waits) >= 3


def test_a_pending_interrupt_is_acted_on_while_waiting(terminal):
    """A SIGINT delivered during the wait raises KeyboardInterrupt (the terminal's Ctrl-C)."""
    _, stream = terminal
    timer = threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            keys.read_key(stream, timeout=5)
    finally:
        timer.cancel()


def test_ctrl_c_typed_as_a_key_interrupts(terminal):
    """Where the terminal passes Ctrl-C through as a character (raw mode), it still interrupts."""
    master, stream = terminal
    os.write(master, b"\x03")
    with pytest.raises(KeyboardInterrupt):
        keys.read_key(stream, timeout=5)


def test_timed_lines_keep_what_follows_a_line(terminal):
    master, stream = terminal
    lines = keys.TimedLines(stream)
    os.write(master, b"first\nsec")
    assert lines.read(1.0) == "first"
    assert lines.read(0.05) is None  # "sec" has no end of line yet
    os.write(master, b"ond\n")
    assert lines.read(1.0) == "second"
