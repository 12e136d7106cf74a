"""The storyline of a month: which deviations share a cause, and in which order to tell them.

Pure selection over Facts (no new numbers): KPIs whose evidence points at the same incident
form one cluster, so the report tells "one fibre cut hit three KPIs" instead of three stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from narrator.config import load_yaml
from narrator.facts import STATUS_SEVERITY, Evidence, Facts, KPIFact

_PHRASES = Path(__file__).with_name("phrases.yaml")


@lru_cache(maxsize=1)
def phrases() -> dict[str, Any]:
    """The template wording from ``phrases.yaml`` (cached)."""
    return load_yaml(_PHRASES)


@dataclass
class Cluster:
    """Deviating KPIs that share one root cause (an incident) or stand alone."""

    key: str
    kpis: list[KPIFact] = field(default_factory=list)

    @property
    def lead(self) -> KPIFact:
        return self.kpis[0]

    def rank(self) -> tuple[int, int, int, float]:
        """Sort key: rood first, missed norms, more KPIs, larger deviation."""
        best = -max(STATUS_SEVERITY[k.status] for k in self.kpis)
        missed = -sum(1 for k in self.kpis if k.norm_met is False)
        worst = max((k.deviation_pct or 0.0) for k in self.kpis)
        return best, missed, -len(self.kpis), -worst


def deviating(facts: Facts) -> list[KPIFact]:
    """Oranje and rood KPIs: rood first, catalogue order within a status."""
    found = [k for k in facts.kpis if k.status != "groen"]
    return sorted(found, key=lambda k: -STATUS_SEVERITY[k.status])


def main_evidence(kpi: KPIFact) -> Evidence | None:
    """The evidence that best explains the KPI, by the kind order in phrases.yaml."""
    order = phrases()["evidence_priority"]
    ranked = sorted(kpi.evidence, key=lambda e: order.index(e.kind) if e.kind in order else 99)
    return ranked[0] if ranked else None


def incident_ids(kpi: KPIFact, facts: Facts) -> list[str]:
    """Numbers of the known incidents the KPI's evidence or drivers refer to."""
    known = {i.number for i in facts.incidents}
    refs = [e.source_ref for e in kpi.evidence] + [d.source_ref for d in kpi.drivers]
    ids: list[str] = []
    for ref in refs:
        ids += [i for i in ref.ids if (i in known or i.startswith("INC")) and i not in ids]
    return ids


def clusters(facts: Facts) -> list[Cluster]:
    """Deviating KPIs grouped by shared incident, best-ranked cluster first."""
    groups: dict[str, Cluster] = {}
    for kpi in deviating(facts):
        ids = [i for i in incident_ids(kpi, facts) if kpi.evidence]
        key = ids[0] if ids else kpi.id
        groups.setdefault(key, Cluster(key)).kpis.append(kpi)
    return sorted(groups.values(), key=Cluster.rank)
