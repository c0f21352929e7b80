"""Exam blueprints: code, name, length, clock, pass mark and weighted domains, read from YAML files.

A blueprint file (content/exams/*.yaml) looks like::

    code: DVA-C02
    name: AWS Certified Developer - Associate
    questions: 65
    minutes: 130
    pass_mark: 720            # on AWS's 100-1000 scale
    assumed_raw_cut: 0.72     # optional: raw share correct taken to equal the pass mark (see scoring)
    domains:
      - {key: development, name: Development with AWS Services, weight: 32}
      ...

Weights are percentages of the scored questions and must add up to 100.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from awsprep import __version__
from awsprep.bank.io import atomic_write, parse_yaml, read_text
from awsprep.errors import UsageError


class BlueprintError(UsageError):
    """A blueprint file that does not validate."""


@dataclass(frozen=True)
class Domain:
    """One weighted domain of an exam blueprint."""

    key: str
    name: str
    weight: float  # share of the exam, 0-1


@dataclass(frozen=True)
class Blueprint:
    """An exam's shape: length, clock, pass mark and weighted domains."""

    code: str
    name: str
    questions: int
    minutes: float
    pass_mark: int
    domains: tuple[Domain, ...]
    assumed_raw_cut: float
    guide: str = ""
    scored: int | None = None  # of `questions`, how many the real exam scores (the rest are unscored)

    @property
    def key(self) -> str:
        return self.code.lower()

    @property
    def domain_keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.domains)

    def domain(self, key: str) -> Domain:
        for d in self.domains:
            if d.key == key:
                return d
        raise KeyError(key)

    def minutes_for(self, questions: int) -> float:
        """The blueprint's time per question, for an exam of another length."""
        return self.minutes * questions / self.questions


def _need(data: dict[str, Any], name: str, kinds: tuple[type, ...], file: str) -> Any:
    value = data.get(name)
    line = getattr(data, "key_lines", {}).get(name, getattr(data, "line", 0))
    if value is None or isinstance(value, bool) or not isinstance(value, kinds):
        what = "is missing" if value is None else f"has the wrong type ({value!r})"
        raise BlueprintError(f"{file}:{line}: field '{name}' {what}.")
    return value


def blueprint_from_dict(data: Any, file: str) -> Blueprint:
    if not isinstance(data, dict):
        raise BlueprintError(f"{file}:1: a blueprint must be a mapping with code, name and domains.")
    where = f"{file}:{getattr(data, 'line', 1)}"
    code = str(_need(data, "code", (str,), file))
    questions = int(_need(data, "questions", (int,), file))
    minutes = float(_need(data, "minutes", (int, float), file))
    pass_mark = int(_need(data, "pass_mark", (int,), file))
    if questions < 1 or minutes <= 0 or not 100 < pass_mark < 1000:
        raise BlueprintError(f"{where}: questions, minutes and pass_mark (100-1000) must be positive.")
    cut = float(data.get("assumed_raw_cut", pass_mark / 1000))
    if not 0 < cut < 1:
        raise BlueprintError(f"{where}: assumed_raw_cut must be between 0 and 1, not {cut}.")
    domains = []
    for raw in _need(data, "domains", (list,), file):
        key = str(_need(raw, "key", (str,), file)) if isinstance(raw, dict) else ""
        if not key:
            raise BlueprintError(f"{where}: each domain needs a key, a name and a weight.")
        weight = float(_need(raw, "weight", (int, float), file))
        domains.append(Domain(key=key, name=str(_need(raw, "name", (str,), file)), weight=weight / 100))
    if not domains or abs(sum(d.weight for d in domains) - 1) > 1e-6:
        raise BlueprintError(f"{where}: the domain weights of {code} must add up to 100.")
    if len({d.key for d in domains}) != len(domains):
        raise BlueprintError(f"{where}: the domain keys of {code} must be different.")
    scored = data.get("scored")
    bad_scored = isinstance(scored, bool) or not isinstance(scored, int) or not 0 < scored <= questions
    if scored is not None and bad_scored:
        raise BlueprintError(f"{where}: scored must be a whole number from 1 to {questions}, not {scored!r}.")
    return Blueprint(
        scored=scored,
        code=code,
        name=str(_need(data, "name", (str,), file)),
        questions=questions,
        minutes=minutes,
        pass_mark=pass_mark,
        domains=tuple(domains),
        assumed_raw_cut=cut,
        guide=str(data.get("guide", "")),
    )


def load_blueprint(path: Path) -> Blueprint:
    return blueprint_from_dict(parse_yaml(read_text(path), str(path)), str(path))


CACHE_NAME = "blueprints.json"


def _digest(text: str) -> str:
    """Changes with the file's text and the awsprep that parsed it."""
    return hashlib.sha256(f"{__version__}\0{text}".encode()).hexdigest()


def _read_cache(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_blueprints(paths: Iterable[Path], cache_dir: Path | None = None) -> dict[str, Blueprint]:
    """Blueprints by lower-case code (dva-c02). With ``cache_dir``, the parsed YAML of each file is kept
    there as JSON under a digest of its text, so a command that only reads them (`stats`) neither loads
    nor runs the YAML parser while the files are unchanged (about 15 ms of its start); every blueprint is
    validated again all the same, and a damaged or unwritable cache only costs the parse."""
    cache_file = cache_dir / CACHE_NAME if cache_dir is not None else None
    cached = _read_cache(cache_file) if cache_file is not None else {}
    fresh: dict[str, Any] = {}
    out: dict[str, Blueprint] = {}
    for path in paths:
        text = read_text(path)
        name, digest = str(path), _digest(text)
        entry = cached.get(name)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            data = entry[1]
        else:
            data = parse_yaml(text, name)
        bp = blueprint_from_dict(data, name)
        out[bp.key] = bp
        fresh[name] = [digest, data]
    if cache_file is not None and fresh != cached:
        try:
            serial = json.dumps(fresh, sort_keys=True)
            if json.loads(serial) == fresh:  # only what JSON gives back exactly (no dates, say)
                atomic_write(cache_file, serial)
        except (OSError, TypeError, ValueError):
            pass  # a read-only data folder: parse every time
    return out
