"""The ``site-builder`` command. Each subcommand lives in its own module.

A subcommand module exposes ``register(subparsers)``, which adds its parser and
sets ``func`` to a callable taking the parsed args and returning an exit code.
Exit codes: 0 fine, 1 the data has errors, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

from .cmdline import setup_console

SUBCOMMANDS = (
    "site_builder.commands.cmd_validate",
    "site_builder.commands.cmd_build",
    "site_builder.commands.cmd_results",
    "site_builder.commands.cmd_new_report",
    "site_builder.commands.cmd_demo",
    "site_builder.commands.cmd_pr_check",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2 with a Thai hint
        self.print_usage(sys.stderr)
        print(f"{self.prog}: ใช้คำสั่งไม่ถูกต้อง: {message}", file=sys.stderr)
        raise SystemExit(2)


def _command(module: str) -> str:
    """``site_builder.commands.cmd_new_report`` -> ``new-report``."""
    return module.rsplit(".cmd_", 1)[1].replace("_", "-")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, only the named subcommand's module is imported
    (the others pull in MkDocs, Jinja and the exports: a tenth of a second at start-up)."""
    parser = _Parser(
        prog="site-builder", description="KPI 3.2 (FY 2555) validator and site builder"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    named = [m for m in SUBCOMMANDS if argv and _command(m) in argv[:1]]
    for name in named or SUBCOMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    setup_console()
    args_list = sys.argv[1:] if argv is None else argv
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
