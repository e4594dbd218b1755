"""Write .ci/mindeps.txt: every dependency pinned to the lowest version pyproject.toml allows.

The pull-request workflow's mindeps job installs with these as constraints and runs the
tests, so a lower bound that no longer works is found, not assumed (as
check-jsonschema's mindeps job does). ``make generate`` rewrites the file; a test keeps
it equal to pyproject.toml.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / ".ci" / "mindeps.txt"
_LOWER = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([0-9][^,;\s]*)")


def pins() -> str:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]
    build = [d for d in config["build-system"]["requires"] if ">=" in d]  # the tests build a wheel
    deps = [*build, *project["dependencies"], *project["optional-dependencies"]["dev"]]
    lines = ["# The lowest versions pyproject.toml allows (python .ci/mindeps.py; make generate)."]
    for dep in deps:
        m = _LOWER.match(dep)
        if m is None:
            raise SystemExit(f"no lower bound in pyproject.toml for {dep!r}: add one (>=)")
        name = re.sub(r"\[.*\]", "", m[1])  # extras are not part of a pin
        lines.append(f"{name}=={m[2]}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(pins(), encoding="utf-8")
    sys.exit(0)
