"""Exact lineage: Lineage and every SourceRef name the files of the rows behind a figure.

The tables come from tests/fixtures/kpis/builders, spread over several files per source whose
names would mislead a guess from the name (a month in the name is not the month of the rows).
"""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures.kpis import builders as b

from narrator.errors import DataError
from narrator.facts import SourceFile
from narrator.kpis import build_facts
from narrator.kpis.tables import prepare
from narrator.sources.schema import SOURCE_FILE, SourceBundle

MONTHS = b.months_until("2026-11", 14)


def _split(frame: pd.DataFrame, names: pd.Series, order: list[str]) -> pd.DataFrame:
    return frame.assign(**{SOURCE_FILE: pd.Categorical(names, categories=order)})


def _month(frame: pd.DataFrame) -> pd.Series:
    column = "month" if "month" in frame.columns else (
        "date" if "date" in frame.columns else "opened_at")
    values = frame[column]
    return values if column == "month" else values.dt.strftime("%Y-%m")


def _bundle(tables: dict[str, pd.DataFrame]) -> SourceBundle:
    """Sources split by month: '<table>_old.csv' (before October), '<table>_2026-09.csv'
    (October and November: a misleading name), plus per-table twists from ``tables``."""
    base = b.bundle()
    made = dict(base.tables)
    made.update(tables)
    for name, frame in made.items():
        if SOURCE_FILE in frame.columns:
            continue
        old, recent = f"{name}_old.csv", f"{name}_2026-09.csv"
        names = _month(frame).isin(["2026-10", "2026-11"]).map({True: recent, False: old})
        made[name] = _split(frame, names, [old, recent])
    files = {n: [SourceFile(system=b.FILES[n][0], path=str(c), sha256=f"{i:x}" * 64,
                            rows=int((f[SOURCE_FILE] == c).sum()))
                 for i, c in enumerate(f[SOURCE_FILE].cat.categories, start=1)]
             for n, f in made.items()}
    return SourceBundle(tables=made, files=files)


def _churn_anomaly() -> dict[str, pd.DataFrame]:
    """West x Mobiel churns 30 in November (rood); West lives in its own accounts file."""
    acc, reasons = b.accounts(MONTHS), b.churn_reasons(MONTHS)
    hit = (acc["month"] == "2026-11") & (acc["region"] == "West") & (acc["product"] == "Mobiel")
    acc.loc[hit, "churned"] = 30
    order = ["accounts_oost.csv", "accounts_west.csv"]
    acc = _split(acc, "accounts_" + acc["region"].str.lower() + ".csv", order)
    why = ((reasons["month"] == "2026-11") & (reasons["region"] == "West")
           & (reasons["product"] == "Mobiel") & (reasons["reason"] == "Concurrent aanbod"))
    reasons.loc[why, "count"] = 25
    names = reasons["reason"].map({"Concurrent aanbod": "reasons_a.csv",
                                   "Verhuizing": "reasons_b.csv"})
    reasons = _split(reasons, names, ["reasons_a.csv", "reasons_b.csv"])
    return {"accounts": acc, "churn_reasons": reasons}


@pytest.fixture(scope="module")
def churn_facts():
    return build_facts(_bundle(_churn_anomaly()), "2026-11")


def test_lineage_lists_only_the_files_of_rows_used():
    facts = build_facts(_bundle({}), "2026-11")
    contacts = facts.kpi("contacten")
    assert contacts.lineage.files == ["cases_2026-09.csv", "accounts_2026-09.csv"]
    assert contacts.lineage.sha256 == ["2" * 64, "2" * 64]
    assert contacts.lineage.rows == 496   # 248 + 240 case rows, 4 + 4 account rows


def test_driver_refs_name_the_segment_files(churn_facts):
    churn = churn_facts.kpi("churn")
    assert churn.status == "rood"
    assert churn.lineage.files == ["accounts_oost.csv", "accounts_west.csv"]
    refs = {(d.dimension, d.segment): d.source_ref.file for d in churn.drivers}
    assert refs[("region", "West")] == "accounts_west.csv"
    assert refs[("region", "Oost")] == "accounts_oost.csv"
    assert refs[("product", "Mobiel")] == "accounts_oost.csv, accounts_west.csv"
    conc = [e for e in churn.evidence if e.kind == "concentration"]
    assert conc and {e.source_ref.file for e in conc if e.title == "regio West"} == {
        "accounts_west.csv"}


def test_churn_reason_ref_names_the_reason_file(churn_facts):
    reasons = [e for e in churn_facts.kpi("churn").evidence if e.kind == "churn_reason"]
    assert reasons[0].title.startswith("Concurrent aanbod, regio West")
    assert reasons[0].source_ref.file == "reasons_a.csv"


def test_incident_ref_names_the_file_of_the_kept_row():
    inc = b.incidents(MONTHS)
    nov = inc["opened_at"].dt.strftime("%Y-%m") == "2026-11"
    inc.loc[nov & (inc["region"] == "Oost"), "customers_affected"] = 5000  # rood, top incident
    inc.loc[nov & (inc["region"] == "West"), "resolved_at"] = pd.NaT      # open: not in MTTR
    late = nov & (inc["region"] == "Oost")
    names = pd.Series("inc_main.csv", index=inc.index).where(~late, "inc_update.csv")
    inc = _split(inc, names, ["inc_main.csv", "inc_update.csv"])
    facts = build_facts(_bundle({"incidents": inc}), "2026-11")
    top = facts.incidents[0]
    assert top.region == "Oost" and top.source_ref.file == "inc_update.csv"
    west = next(i for i in facts.incidents if i.region == "West")
    assert west.source_ref.file == "inc_main.csv"
    impact = facts.kpi("storingsimpact")
    assert impact.lineage.files == ["inc_main.csv", "inc_update.csv"] and impact.lineage.rows == 4
    ev = [e for e in impact.evidence if e.kind == "incident"]
    assert ev and ev[0].source_ref.ids == [top.number]
    assert ev[0].source_ref.file == "inc_update.csv"
    # the mean restore time reads resolved incidents only: 3 of the 4 rows of both months
    assert facts.kpi("hersteltijd").lineage.rows == 3


def test_single_file_table_without_source_file_gets_it():
    tables = prepare(b.bundle())
    assert set(tables["cases"][SOURCE_FILE].astype(str)) == {"servicenow_cases.csv"}


def test_several_files_without_source_file_is_an_error():
    bundle = b.bundle()
    bundle.files["cases"] = bundle.files["cases"] * 2
    with pytest.raises(DataError, match="source_file"):
        prepare(bundle)


def test_unknown_file_in_source_file_is_an_error():
    bundle = _bundle({})
    bundle.files["cases"] = bundle.files["cases"][:1]   # the 2026-09 file is not listed
    with pytest.raises(DataError, match=r"cases_2026-09\.csv"):
        build_facts(bundle, "2026-11")
