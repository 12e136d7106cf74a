"""Accepted actions: parsed from the analysis' ``## Acties`` table, followed up next month.

``narrator accept`` stores the accepted actions as ``final/vN/actions.json``; the next month's
run reads them back with :func:`load_previous_actions` and puts them in
``Facts.previous_actions`` so the analysis can report whether each KPI recovered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from narrator.calendar import previous_month
from narrator.config import config_dir, load_yaml
from narrator.errors import ConfigError, DataError
from narrator.facts import STATUS_SEVERITY, ActionFollowUp, Facts, KPIFact, Owner, Status
from narrator.report_folder import ReportFolder

ACTIONS_FILE = "actions.json"
_COLUMNS = {"wat": "what", "wie": "who", "wanneer": "due", "verwacht effect": "effect",
            "kpi": "kpi"}
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_WORD = re.compile(r"[a-z0-9à-ÿ_]+(?:-[a-z0-9à-ÿ_]+)*")


class AcceptedAction(BaseModel):
    """One row of the accepted ``## Acties`` table."""

    model_config = ConfigDict(extra="forbid")

    what: str
    owner: Owner
    due: str
    expected_effect: str = ""
    kpi_id: str | None = Field(None, description="the KPI the action addresses, if derivable")
    kpi_status: Status | None = Field(None, description="that KPI's status when accepted")


class ActionsFile(BaseModel):
    """Contents of ``final/vN/actions.json``."""

    model_config = ConfigDict(extra="forbid")

    month: str
    version: int
    accepted_at: str
    actions: list[AcceptedAction]


def actions_section(markdown: str) -> str:
    """The body of the ``## Acties`` section ('' when absent)."""
    match = re.search(r"^##\s+Acties\s*$(.*?)(?=^#{1,2}\s|\Z)", markdown, re.M | re.S | re.I)
    return match.group(1) if match else ""


def table_rows(section: str) -> list[dict[str, str]]:
    """Rows of the first Markdown table in ``section`` as dicts keyed by known column names."""
    lines = [ln.strip() for ln in section.splitlines() if ln.strip().startswith("|")]
    if len(lines) < 2:
        return []
    header = [_COLUMNS.get(c.lower().strip("* "), "") for c in _cells(lines[0])]
    rows = []
    for line in lines[1:]:
        cells = _cells(line)
        if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
            continue  # the |---|---| separator
        rows.append({key: cell for key, cell in zip(header, cells, strict=False) if key})
    return rows


def _cells(line: str) -> list[str]:
    parts = _CELL_SPLIT.split(line.strip().strip("|"))
    return [p.replace("\\|", "|").strip() for p in parts]


def parse_actions(analyse_md: str, facts: Facts) -> list[AcceptedAction]:
    """Parse the ``## Acties`` table of the accepted analysis into actions."""
    actions = []
    for row in table_rows(actions_section(analyse_md)):
        what = row.get("what", "")
        if not what:
            continue
        owner = resolve_owner(row.get("who", ""), facts)
        kpi = _kpi_for(row, facts, owner)
        actions.append(AcceptedAction(
            what=what,
            owner=owner,
            due=row.get("due", ""),
            expected_effect=row.get("effect", ""),
            kpi_id=kpi.id if kpi else None,
            kpi_status=kpi.status if kpi else None,
        ))
    return actions


def resolve_owner(cell: str, facts: Facts) -> Owner:
    """Match the 'Wie' cell to an MT member by name or role; otherwise keep the text as name."""
    text = cell.lower()
    for member in facts.organisation.mt:
        if member.name.lower() in text or member.role.lower() in text:
            return Owner(name=member.name, role=member.role)
    return Owner(name=cell.strip(), role="")


def _kpi_for(row: dict[str, str], facts: Facts, owner: Owner) -> KPIFact | None:
    """The KPI named in a KPI column, else the one the row's words point to.

    Ties between equally matched KPIs are broken by the owner; a row without KPI words goes to
    the owner's only oranje/rood KPI, if there is exactly one.
    """
    if row.get("kpi"):
        return _best_kpi(row["kpi"], facts, facts.kpis)
    owned = [k for k in facts.kpis if k.owner.name == owner.name]
    text = f"{row.get('what', '')} {row.get('effect', '')}"
    found = _best_kpi(text, facts, facts.kpis) or _best_kpi(text, facts, owned)
    if found is not None:
        return found
    if any(_score(text, kw) for kw in kpi_keywords(facts).values()):
        return None  # KPI words present but ambiguous, and the owner does not settle it
    flagged = [k for k in owned if k.status != "groen"]
    return flagged[0] if len(flagged) == 1 else None


def _best_kpi(text: str, facts: Facts, candidates: list[KPIFact]) -> KPIFact | None:
    """The candidate with most keyword hits in ``text``; None when none or a tie."""
    keywords = kpi_keywords(facts)
    scores = sorted(((_score(text, keywords[k.id]), k.id) for k in candidates), reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return facts.kpi(scores[0][1])


def _score(text: str, keywords: set[str]) -> int:
    padded = f" {' '.join(_WORD.findall(text.lower()))} "
    return sum(f" {w} " in padded for w in keywords)


def kpi_keywords(facts: Facts, path: Path | None = None) -> dict[str, set[str]]:
    """Per KPI: its id, its full name and the keywords from ``config/kpi_keywords.yaml``."""
    path = path or config_dir() / "kpi_keywords.yaml"
    listed = load_yaml(path) or {}
    if not isinstance(listed, dict):
        raise ConfigError("verwacht per KPI-id een lijst met woorden", file=str(path))
    result = {}
    for kpi in facts.kpis:
        words = [kpi.id, kpi.name, *(listed.get(kpi.id) or [])]
        result[kpi.id] = {" ".join(_WORD.findall(str(w).lower())) for w in words} - {""}
    return result


def read_actions_file(path: Path) -> ActionsFile:
    """Read an ``actions.json``; a corrupt file is a DataError naming it."""
    try:
        return ActionsFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, ValidationError) as exc:
        raise DataError(f"onleesbaar actiebestand: {exc}", file=str(path)) from exc


def load_previous_actions(
    reports_root: Path, month: str, current: Facts | None = None
) -> list[ActionFollowUp]:
    """The actions accepted for the month before ``month``, with their KPI's status now.

    Reads ``<reports_root>/<previous month>/final/v<latest>/actions.json``; returns [] when that
    month has no accepted version. Actions whose KPI could not be derived are left out
    (ActionFollowUp needs a KPI). With ``current`` (this month's Facts) the KPI's status now
    is filled in and ``recovered`` is True when it is better than at acceptance; without it,
    or when the KPI is absent from ``current``, the status then is repeated and recovered is
    False.
    """
    folder = ReportFolder(Path(reports_root) / previous_month(month))
    latest = folder.latest_version()
    if latest is None:
        return []
    path = folder.version_dir(latest) / ACTIONS_FILE
    if not path.exists():
        return []
    return [_follow_up(a, current) for a in read_actions_file(path).actions
            if a.kpi_id and a.kpi_status]


def _follow_up(action: AcceptedAction, current: Facts | None) -> ActionFollowUp:
    then = action.kpi_status or "groen"
    now = then
    if current is not None and action.kpi_id in {k.id for k in current.kpis}:
        now = current.kpi(action.kpi_id or "").status
    return ActionFollowUp(
        kpi_id=action.kpi_id or "", what=action.what, owner=action.owner, due=action.due,
        kpi_status_then=then, kpi_status_now=now,
        recovered=STATUS_SEVERITY[now] < STATUS_SEVERITY[then],
    )
