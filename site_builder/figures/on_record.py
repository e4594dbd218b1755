"""The figures as the site publishes them: the dataset read against its git record.

One function for the site and ``site-builder results`` alike, so both count the same
way: lateness from the day a report reached main (not the typed date), and rounds not
yet due by the data's own date (its newest commit) counted as missing nowhere. It lives
with the figures, not with the site's build, so ``results`` never imports the page
renderer or Jinja.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Dataset
from ..record.gitlog import cache_folder, read_history
from ..record.history import History, with_received
from .aggregate import Results, aggregate, evaluate_all


def on_record(
    dataset: Dataset, data_root: Path, history_cache: bool = True
) -> tuple[Dataset, History, Results]:
    """The figures as the site publishes them, for the site and ``site-builder results`` alike.

    One pass over git (gitlog.py): lateness then comes from the record, not the
    typed date, and rounds not yet due by the data's own date (its newest commit)
    are not counted as missing anywhere.
    """
    kept = cache_folder(data_root) if history_cache else None
    history = read_history(data_root, dataset.settings, kept)
    dataset = with_received(dataset, history)
    evaluations = evaluate_all(dataset)
    as_of = history.head.day if history.available and history.head else None
    return dataset, history, aggregate(dataset, evaluations, as_of)
