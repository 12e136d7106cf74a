"""Prints the scorecard with rich: cases, style, truthfulness, cost, component scores."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from narrator.evals.scorecard import CATEGORIES, Scorecard
from narrator.numbers import format_number, format_percent


def _num(value: float | None, decimals: int = 0) -> str:
    return "-" if value is None else format_number(value, decimals)


def _pct(value: float | None) -> str:
    return "-" if value is None else format_percent(value * 100, 1)


def _cases_table(card: Scorecard) -> Table:
    table = Table(title=f"Eval-cases ({card.backend}); getallen = herleidbaar/totaal, rood = "
                  "gedekt/totaal, pag. = dashboard/analyse/samenvatting", title_justify="left")
    for col in ("case", "woorden", "fouten", "getallen", "rood", "top-3", "pag.", "resultaat"):
        table.add_column(col, justify="left" if col in ("case", "resultaat") else "right",
                         no_wrap=True)
    for c in card.cases:
        covered = sum(cov.covered for cov in c.coverage)
        pages = "-" if c.pages is None else "/".join(str(c.pages.get(p, "?")) for p in
                                                     ("dashboard", "analyse", "samenvatting"))
        traced = f"{c.numbers_total - c.numbers_untraceable}/{c.numbers_total}"
        verdict = "[green]ok[/]" if c.passed else f"[red]{len(c.failures)} mislukt[/]"
        if c.known:
            verdict += f" [yellow]({len(c.known)} bekend)[/]"
        table.add_row(c.name, _num(sum(c.words.values())), _num(c.count()), traced,
                      f"{covered}/{len(c.coverage)}", _num(c.priorities), pages, verdict)
    return table


def _metrics_table(card: Scorecard) -> Table:
    m = card.metrics
    table = Table(title="Scorecard", title_justify="left")
    table.add_column("meting")
    table.add_column("waarde", justify="right")
    rows: list[tuple[str, str]] = [
        (f"bevindingen per 1.000 woorden: {cat}",
         _num(m.get(f"findings_per_1000_words.{cat}"), 2)) for cat in CATEGORIES]
    rows += [
        ("bevindingen per 1.000 woorden: totaal", _num(m.get("findings_per_1000_words.total"), 2)),
        ("getallen herleidbaar tot de feiten", _pct(m.get("numbers_traceable_share"))),
        ("rode KPI's met oorzaak, actie en eigenaar", _pct(m.get("rood_coverage"))),
        ("samenvatting met precies 3 prioriteiten", _pct(m.get("top3_share"))),
        ("paginabudgetten gehaald", _pct(m.get("page_budgets_met"))),
        ("terugval op template (fallback)", _pct(m.get("fallback_rate"))),
        ("gelekte persoonsgegevens", _num(m.get("pii_leaks"))),
        ("aanroepen", _num(m.get("calls"))),
        ("tokens in / uit", f"{_num(m.get('tokens_in'))} / {_num(m.get('tokens_out'))}"),
        ("latentie gemiddeld / max (s)",
         f"{_num(m.get('latency_s_mean'), 2)} / {_num(m.get('latency_s_max'), 2)}"),
    ]
    for label, value in rows:
        table.add_row(label, value)
    return table


_SCORES = ("precision", "recall", "f1")
_COUNTS = ("tp", "fp", "fn", "tn", "n", "support")


def _component_table(title: str, metrics: dict[str, Any], prefix: str) -> Table | None:
    """Pivot ``prefix.<group>.<leaf>`` metrics: one row per group, precision/recall/f1 columns,
    other leaves (rates) as ``name=value``; raw counts are left out (they are in the JSON)."""
    groups: dict[str, dict[str, float]] = {}
    for key, value in metrics.items():
        if key.startswith(prefix + ".") and value is not None:
            group, _, leaf = key[len(prefix) + 1:].rpartition(".")
            group = group.replace(".per_type.", " ") or "totaal"
            groups.setdefault(group, {})[leaf] = value
    if not groups:
        return None
    table = Table(title=title, title_justify="left")
    for col in ("groep", "precisie", "recall", "f1", "overig"):
        table.add_column(col, justify="left" if col in ("groep", "overig") else "right",
                         no_wrap=col != "overig")
    for group, leaves in groups.items():
        other = ", ".join(f"{k}={_num(v, 0 if float(v).is_integer() else 3)}"
                          for k, v in leaves.items() if k not in _SCORES + _COUNTS)
        if not any(k in leaves for k in _SCORES) and not other:
            continue
        table.add_row(group, *(_num(leaves.get(k), 3) for k in _SCORES), other)
    return table


def print_scorecard(card: Scorecard, console: Console) -> None:
    """Print the scorecard, the failed expectations and the baseline comparison."""
    console.print(_cases_table(card))
    console.print(_metrics_table(card))
    for title, prefix in (("Validator op het gelabelde corpus", "validator"),
                          ("Scrubber op de gelabelde PII-set", "pii")):
        table = _component_table(title, card.metrics, prefix)
        if table is not None:
            console.print(table)
    for note in card.notes:
        console.print(f"[yellow]let op:[/] {note}")
    for case in card.failed_cases:
        console.print(f"[red]case {case.name} mislukt:[/]")
        for failure in case.failures:
            console.print(f"  - {failure}", highlight=False)
    for case in card.cases:
        for known in case.known:
            console.print(f"[yellow]bekend probleem ({case.name}):[/] {known}", highlight=False)
    _print_comparison(card, console)


def _print_comparison(card: Scorecard, console: Console) -> None:
    if card.baseline is None:
        return
    if card.regressions:
        console.print(f"[red]achteruitgang t.o.v. {card.baseline}:[/]")
        for line in card.regressions:
            console.print(f"  - {line}", highlight=False)
    for line in card.improvements:
        console.print(f"[green]verbeterd:[/] {line} (werk de baseline bij met "
                      "--update-baseline)", highlight=False)
    verdict = "[green]geslaagd[/]" if card.ok else "[red]mislukt[/]"
    console.print(f"eval {verdict}: {len(card.cases) - len(card.failed_cases)}/"
                  f"{len(card.cases)} cases, {len(card.regressions)} achteruitgang(en), "
                  f"{format_number(card.seconds, 1)} s")
