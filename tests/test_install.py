"""The wheel, installed into a fresh virtual environment, works from any folder.

The package ships its schema, site settings and hand-written pages as package
data; nothing may reach back into a source checkout. Offline: the wheel is built
without isolation and installed without dependencies into a venv that borrows
this environment's installed libraries (a .pth line, which runs no editable hook).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import EMPTY, FIXTURES, copy_release


def _run(args: list, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing from a checkout
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv with the wheel installed; returns its bin/ folder."""
    work = tmp_path_factory.mktemp("install")
    src = work / "src"
    copy_release(src)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    out = _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", work / "dist", src], work)
    assert out.returncode == 0, out.stdout + out.stderr
    (wheel,) = (work / "dist").glob("site_builder-*.whl")
    venv = work / "venv"
    out = _run([sys.executable, "-m", "venv", "--without-pip", venv], work)
    assert out.returncode == 0, out.stderr
    (site_packages,) = venv.glob("lib/python*/site-packages")
    (site_packages / "borrowed-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    out = _run(
        [*pip, "--python", venv / "bin" / "python", "install", "--no-deps", "--no-index", wheel],
        work,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return venv / "bin"


def test_the_package_is_imported_from_the_venv_not_the_checkout(installed, tmp_path):
    out = _run(
        [
            installed / "python",
            "-c",
            "import site_builder.resources as r; print(r.schema_dir(), r.checkout())",
        ],
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    schema, checkout = out.stdout.split()
    assert checkout == "None"
    assert schema.startswith(str(installed.parent)) and schema.endswith("site_builder/schema")


def test_validate_demo_and_build_from_another_folder(installed, tmp_path):
    data = tmp_path / "data"  # an officer's copy: submissions/ only, no schema/ or mkdocs.yml
    shutil.copytree(EMPTY / "submissions", data / "submissions")
    report = "submissions/2555/54/5403/round-1.yaml"
    (data / report).parent.mkdir(parents=True)
    shutil.copy2(FIXTURES / "pr" / "passing" / report, data / report)
    out = _run([installed / "site-builder", "validate"], data)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ผ่าน" in out.stdout

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = _run(
        [installed / "site-builder", "demo", "--out", "demo", "--provinces", "54", "--quiet"],
        elsewhere,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    out = _run(
        [installed / "site-builder", "build", "--data", data, "--site-dir", "site"], elsewhere
    )
    assert out.returncode == 0, out.stdout + out.stderr
    pilot = (elsewhere / "site" / "pilot" / "5403" / "index.html").read_text(encoding="utf-8")
    assert "องค์การบริหารส่วนตำบลต้าผามอก" in pilot
    assert (elsewhere / "site" / "data" / "schema" / "report.schema.json").is_file()
    assert (elsewhere / "site" / "how-to-submit" / "index.html").is_file()
