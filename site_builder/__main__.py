"""``python -m site_builder``: the same command as ``site-builder``."""

from .commands.cli import main

raise SystemExit(main())
