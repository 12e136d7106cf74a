"""Review stage: editable drafts, accept, manifest, verify, archive, action follow-up (issue 7).

Public API used by other stages:

* :func:`write_drafts` -- called by ``narrator run`` to write ``draft/*.md`` safely;
* :func:`load_previous_actions` -- called by ``narrator run`` to fill ``Facts.previous_actions``.
"""

from __future__ import annotations

from narrator.report_folder import PARTS, ReportFolder
from narrator.review.actions import AcceptedAction, load_previous_actions, parse_actions
from narrator.review.drafts import DraftWriteOutcome, PartOutcome, write_drafts

__all__ = [
    "PARTS",
    "AcceptedAction",
    "DraftWriteOutcome",
    "PartOutcome",
    "ReportFolder",
    "load_previous_actions",
    "parse_actions",
    "write_drafts",
]
