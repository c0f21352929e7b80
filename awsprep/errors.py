"""Errors awsprep turns into one plain sentence (stdlib only: every layer may import this)."""

from __future__ import annotations


class AwsprepError(Exception):
    """Base of every error awsprep turns into one plain sentence for the user."""

    exit_code = 1


class UsageError(AwsprepError):
    """Bad input from the user: a flag value, a file that does not parse. Exit code 2."""

    exit_code = 2
