"""Files the package ships beside its code: the schema, the site's settings and
hand-written pages, and the settings the fictional demo starts from.

Each has one source, a folder of the repository (``schema/``, ``docs/``,
``mkdocs.yml``, ``submissions/2555/settings.yaml``). pyproject.toml maps each
into the package (``package-dir``), so a wheel carries copies under
``site_builder/`` and an editable install points at the originals; both are
found through the import system. A source checkout run without installing
(``PYTHONPATH=.``) reads the folders directly.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_HERE = Path(__file__).resolve().parent

# bundled package name -> the repository path it is made from
SOURCES = {
    "schema": "schema",
    "docs": "docs",
    "project": ".",  # mkdocs.yml
    "defaults": "submissions/2555",  # settings.yaml
}


def checkout() -> Path | None:
    """The source checkout this package runs from, or None when it is installed."""
    root = _HERE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "schema").is_dir() else None


def bundled(name: str) -> Path:
    """The folder of bundled package ``site_builder.<name>`` (see ``SOURCES``)."""
    source = checkout()
    if source is not None:
        return (source / SOURCES[name]).resolve()
    spec = importlib.util.find_spec(f"{__package__}.{name}")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise FileNotFoundError(f"site_builder.{name} is missing from this installation")
    return Path(locations[0])


def schema_dir() -> Path:
    """JSON Schemas and per-round report templates."""
    return bundled("schema")


def mkdocs_yml() -> Path:
    return bundled("project") / "mkdocs.yml"


def docs_dir() -> Path:
    """Hand-written site pages (how to submit, finding codes)."""
    return bundled("docs")


def default_settings() -> Path:
    """The FY 2555 settings: the fictional demo's starting point."""
    return bundled("defaults") / "settings.yaml"
