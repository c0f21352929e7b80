"""`awsprep calc` start-up beside a bare typer + rich hello command, each a fresh process.

Run by itself: ``python scripts/bench_calc.py [--runs N]``; scripts/bench.py calls ``run()``.
The aim is at most 1.0x the hello command, with none of the modules calc does not need loaded
(pydantic, sqlalchemy, yaml, markdown-it): the bench lists which of them each command imported.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _benchutil import Report, env_for, med, run_proc, side_by_side

COMMANDS: dict[str, list[str]] = {
    "calc dynamodb --item-size 3KB --reads 80 --writes 100": [
        "calc", "dynamodb", "--item-size", "3KB", "--reads", "80", "--writes", "100",
    ],
    "calc dynamodb ... --json": ["calc", "dynamodb", "--item-size", "3KB", "--reads", "80", "--json"],
    "calc lambda --requests 3M --duration 120ms --memory 1536": [
        "calc", "lambda", "--requests", "3M", "--duration", "120ms", "--memory", "1536",
    ],
}  # fmt: skip

HELLO = """
import typer

app = typer.Typer()


@app.command()
def hello(name: str = typer.Option("world", "--name")) -> None:
    from rich.console import Console

    Console().print(f"hello {name}")


app()
"""

HEAVY = ("pydantic", "sqlalchemy", "yaml", "markdown_it")


def heavy_modules(cmd: list[str], env: dict[str, str]) -> list[str]:
    """The unneeded heavy packages a command imports (read from -X importtime)."""
    import subprocess

    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], env=env, capture_output=True, text=True)
    names = {
        line.rsplit("|", 1)[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line
    }
    return sorted(n for n in HEAVY if n in names)


def run(runs: int = 7) -> Report:
    report = Report("calc start-up")
    env = env_for()
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO)
        base_cmd = [sys.executable, str(hello), "--name", "x"]
        run_proc(base_cmd, env)  # warm the bytecode caches
        report.notes.append(
            f"the hello command imports: {', '.join(heavy_modules(base_cmd[1:], env)) or '-'}"
        )
        for name, args in COMMANDS.items():
            cmd = [sys.executable, "-m", "awsprep", *args]
            run_proc(cmd, env)
            a, b = side_by_side(lambda cmd=cmd: run_proc(cmd, env), lambda: run_proc(base_cmd, env), runs)
            wall, base = med([p.wall for p in a]), med([p.wall for p in b])
            report.add(f"awsprep {name}: wall", wall, "s", base, "s hello", aim="<= 1.0x", met=wall <= base)
            report.add(
                f"awsprep {name}: CPU", med([p.cpu for p in a]), "s", med([p.cpu for p in b]), "s hello"
            )
            loaded = heavy_modules(["-m", "awsprep", *args], env)
            report.notes.append(
                f"awsprep {name} imports: {', '.join(loaded) or 'none of ' + ', '.join(HEAVY)}"
            )
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    run(parser.parse_args().runs).print()
