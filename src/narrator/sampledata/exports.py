"""Lay the generated tables out as the systems' own export files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from narrator.sampledata.writer import (
    dutch_date,
    dutch_datetime,
    dutch_decimal,
    iso_date,
    iso_datetime,
    per_month,
    write_csv,
)

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
INCIDENT_COLUMNS = ["number", "opened_at", "sys_updated_on", "state", "priority",
                    "assignment_group", "u_region", "cmdb_ci", "u_service",
                    "u_affected_customers", "u_cause", "description", "close_notes",
                    "resolved_at"]


def write_cases(cases: pd.DataFrame, out: Path) -> list[Path]:
    """ServiceNow report export, one file per month: comma, UTF-8, ISO dates."""
    frame = cases.rename(columns={"date": "opened_at", "region": "u_region",
                                  "channel": "contact_type"})
    frame["opened_at"] = iso_date(cases["date"])
    return [write_csv(part, out / f"servicenow_cases_{month}.csv", sep=",", encoding="utf-8")
            for month, part in per_month(frame, cases["date"]).items()]


def write_incidents(rows: pd.DataFrame, out: Path, rng: np.random.Generator) -> list[Path]:
    """ServiceNow audit list export per month (2 days overlap): comma, UTF-8 with BOM."""
    frame = rows.rename(columns={"region": "u_region", "service": "u_service",
                                 "cause": "u_cause"})
    frame["cmdb_ci"] = np.where(rng.random(len(frame)) < 0.06, "?", frame["cmdb_ci"])
    stamp = rows["sys_updated_on"]
    for col in ("opened_at", "sys_updated_on", "resolved_at"):
        frame[col] = iso_datetime(rows[col])
    frame = frame[INCIDENT_COLUMNS]
    paths = []
    for period in stamp.dt.to_period("M").unique():
        start = period.to_timestamp() - pd.Timedelta(days=2)
        end = (period + 1).to_timestamp()
        part = frame[(stamp >= start) & (stamp < end)]
        paths.append(write_csv(part, out / f"servicenow_incidents_{period}.csv", sep=",",
                               encoding="utf-8-sig"))
    return paths


def write_availability(avail: pd.DataFrame, out: Path) -> list[Path]:
    """NetMonitor export per month: semicolon, decimal comma, day-first dates, cp1252."""
    frame = pd.DataFrame({
        "Datum": dutch_date(avail["date"]), "Regio": avail["region"],
        "Dienst": avail["service"], "Klanten": avail["customers"],
        "Beschikbaarheid (%)": dutch_decimal(avail["availability_pct"], 4),
        "Downtime (min)": dutch_decimal(avail["downtime_minutes"], 1),
    })
    return [write_csv(part, out / f"netmonitor_beschikbaarheid_{month}.csv", sep=";",
                      encoding="cp1252")
            for month, part in per_month(frame, avail["date"]).items()]


def write_accounts(accounts: pd.DataFrame, reasons: pd.DataFrame, out: Path) -> list[Path]:
    """Salesforce report exports (Dutch Excel): semicolon, decimal comma, UTF-8 with BOM."""
    period = pd.PeriodIndex(accounts["month"]).to_timestamp()
    frame = pd.DataFrame({
        "Period__c": dutch_date(pd.Series(period)), "Region__c": accounts["region"],
        "Product__c": accounts["product"],
        "Active_Customers_Start__c": accounts["customers_start"],
        "Active_Customers_End__c": accounts["customers_end"],
        "New_Customers__c": accounts["new"], "Churned__c": accounts["churned"],
        "Churn_Rate__c": dutch_decimal(100 * accounts["churned"] / accounts["customers_start"], 2),
    })
    cancel = pd.DataFrame({
        "Period__c": dutch_date(pd.Series(pd.PeriodIndex(reasons["month"]).to_timestamp())),
        "Region__c": reasons["region"], "Product__c": reasons["product"],
        "Cancellation_Reason__c": reasons["reason"], "Record Count": reasons["count"],
    })
    return [
        write_csv(frame, out / "salesforce_accounts.csv", sep=";", encoding="utf-8-sig"),
        write_csv(cancel, out / "salesforce_cancellations.csv", sep=";", encoding="utf-8-sig"),
    ]


def salesforce_ids(n: int) -> list[str]:
    """Record ids like a0X5e00000AbCdE."""
    ids = []
    for i in range(n):
        digits, value = [], i + 7_777_777
        for _ in range(5):
            value, rem = divmod(value, 62)
            digits.append(BASE62[rem])
        ids.append("a0X5e00000" + "".join(reversed(digits)))
    return ids


def write_surveys(surveys: pd.DataFrame, out: Path) -> list[Path]:
    """Salesforce NPS export per month: semicolon, day-first date-times, cp1252."""
    frame = pd.DataFrame({
        "Id": salesforce_ids(len(surveys)), "CreatedDate": dutch_datetime(surveys["CreatedDate"]),
        "Region__c": surveys["Region__c"], "Product__c": surveys["Product__c"],
        "Score__c": surveys["Score__c"], "Comment__c": surveys["Comment__c"],
    })
    return [write_csv(part, out / f"salesforce_nps_{month}.csv", sep=";", encoding="cp1252")
            for month, part in per_month(frame, surveys["CreatedDate"]).items()]
