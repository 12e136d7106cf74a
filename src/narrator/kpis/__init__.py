"""The KPI engine: canonical tables -> 9 KPIs, status, seasonality, evidence -> Facts."""

from narrator.kpis.build import build_facts

__all__ = ["build_facts"]
