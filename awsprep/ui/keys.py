"""Reading input: one key at a time on a terminal, or one line at a time from a pipe."""

from __future__ import annotations

import contextlib
import os
import select
import sys
from collections.abc import Iterator
from typing import TextIO

ENTER = "enter"
ESC = "esc"

_SEQUENCES = {
    "\x1b[A": "up",
    "\x1b[B": "down",
    "\x1b[C": "right",
    "\x1b[D": "left",
    "\x1b[5~": "pgup",
    "\x1b[6~": "pgdn",
}

SLICE = 0.1  # seconds: the longest a Ctrl-C can wait to be acted on while we wait for a key


def wait_readable(fd: int, timeout: float | None) -> bool:
    """Wait until `fd` has input (True) or `timeout` seconds pass (False; None waits for ever).

    The wait is cut in short slices: Python acts on a signal between two steps of Python code, so a
    Ctrl-C that lands after the last such step but before the system call starts waiting would be
    held until the next key. Between slices it is acted on (KeyboardInterrupt), at most SLICE later.
    The time left is counted in slices, not read from a clock (the exam's clock may be a test's).
    """
    left = timeout
    while True:
        wait = SLICE if left is None else max(0.0, min(SLICE, left))
        if select.select([fd], [], [], wait)[0]:
            return True
        if left is not None:
            left -= wait
            if left <= 0:
                return False


def read_key(stream: TextIO | None = None, timeout: float | None = None) -> str | None:
    """One key press from a terminal: a character, 'enter', 'esc', an arrow name; None on timeout.

    Ctrl-C still raises KeyboardInterrupt (cbreak mode keeps signals); end of input raises EOFError.
    """
    import termios
    import tty

    stream = stream or sys.stdin
    fd = stream.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)  # TCSAFLUSH (the default) would drop keys typed ahead
        if not wait_readable(fd, timeout):
            return None
        data = os.read(fd, 1)
        if not data:
            raise EOFError
        if data == b"\x1b":
            while select.select([fd], [], [], 0.03)[0]:
                more = os.read(fd, 1)
                if not more:
                    break
                data += more
                if len(data) >= 3 and (data[-1:].isalpha() or data.endswith(b"~")):
                    break
        while data[-1] >= 0x80 and select.select([fd], [], [], 0.01)[0]:  # rest of a UTF-8 character
            data += os.read(fd, 1)
            try:
                data.decode("utf-8")
                break
            except UnicodeDecodeError:
                continue
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)
    text = data.decode("utf-8", errors="replace")
    if text in ("\r", "\n"):
        return ENTER
    if text == "\x1b":
        return ESC
    if text == "\x03":
        raise KeyboardInterrupt
    if text == "\x04":
        raise EOFError
    return _SEQUENCES.get(text, text)


def read_line(stream: TextIO | None = None) -> str:
    """One line without its newline; EOFError at end of input."""
    stream = stream or sys.stdin
    line = stream.readline()
    if line == "":
        raise EOFError
    return line.rstrip("\r\n")


@contextlib.contextmanager
def prompt_read(out: TextIO) -> Iterator[None]:
    """Around reading the answer to a prompt written on ``out``: at the end of input the prompt's line
    is ended first, so what is printed next starts on a line of its own."""
    try:
        yield
    except EOFError:
        out.write("\n")
        out.flush()
        raise


class TimedLines:
    """Lines from a stream, with a time limit per read when the stream is a real file descriptor (a
    terminal or a pipe): select() waits for input, os.read takes what is there, and the bytes after a
    line are kept for the next read, so nothing is lost to a second buffer. Other streams (tests'
    StringIO) are read line by line without a limit."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buffer = b""
        try:
            self.fd: int | None = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd = None

    def read(self, timeout: float | None) -> str | None:
        """One line without its newline, None when `timeout` seconds pass first; EOFError at the end."""
        if self.fd is None:
            return read_line(self.stream)
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not wait_readable(self.fd, wait):
                return None
            chunk = os.read(self.fd, 4096)
            if not chunk:
                if self.buffer:
                    line, self.buffer = self.buffer, b""
                    return line.decode("utf-8", errors="replace").rstrip("\r")
                raise EOFError
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode("utf-8", errors="replace").rstrip("\r")
