"""Tiny hand-written exports for reader tests: one month (2026-11), one segment per table."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
DAYS = [f"2026-11-{d:02d}" for d in range(1, 31)]


def cases_text(sep: str = ",", day_first: bool = False, days: list[str] = DAYS) -> str:
    header = ["opened_at", "u_region", "contact_type", "category", "count", "u_wait_count",
              "avg_u_wait_time", "u_first_contact_resolved_count", "u_technical_count",
              "made_sla_count"]
    lines = [sep.join(header)]
    for day in days:
        shown = f"{day[8:10]}-{day[5:7]}-{day[:4]}" if day_first else day
        lines.append(sep.join([shown, "Oost", "telefoon", "storing", "10", "10", "60.5", "7",
                               "4", "3"]))
        lines.append(sep.join([shown, "Oost", "e-mail", "factuur", "5", "0", "", "4", "0",
                               "0"]))
    return "\n".join(lines) + "\n"


def netmonitor_text(days: list[str] = DAYS) -> str:
    lines = ["Datum;Regio;Dienst;Klanten;Beschikbaarheid (%);Downtime (min)"]
    for day in days:
        shown = f"{day[8:10]}-{day[5:7]}-{day[:4]}"
        lines.append(f"{shown};Oost;internet;1.000;99,5;7,2")
    return "\n".join(lines) + "\n"


INCIDENTS = """number,opened_at,sys_updated_on,state,priority,assignment_group,u_region,cmdb_ci,\
u_service,u_affected_customers,u_cause,description,close_notes,resolved_at
INC0012345,2026-11-14 07:42:00,2026-11-14 07:44:00,New,3 - Moderate,?,Oost,?,internet,?,?,\
"Glasvezelbreuk, klant Henk Groen 06-12345678",,
INC0012345,2026-11-14 07:42:00,2026-11-14 08:07:00,In Progress,1 - Critical,NOC,Oost,?,\
internet,48000,glasvezelbreuk,"Glasvezelbreuk, klant Henk Groen 06-12345678",,
INC0012345,2026-11-14 07:42:00,2026-11-14 17:12:00,Resolved,1 - Critical,NOC,Oost,?,\
internet,48000,glasvezelbreuk,"Glasvezelbreuk, klant Henk Groen 06-12345678",Kabel gelast.,\
2026-11-14 17:12:00
INC0012346,2026-11-20 10:00:00,2026-11-20 10:05:00,New,4 - Low,,West,?,tv,?,,Beeld hapert,,
"""

ACCOUNTS = """Period__c;Region__c;Product__c;Active_Customers_Start__c;Active_Customers_End__c;\
New_Customers__c;Churned__c;Churn_Rate__c
01-11-2026;West;Mobiel;315000;314500;3500;4000;1,27
"""

CANCELLATIONS = """Period__c;Region__c;Product__c;Cancellation_Reason__c;Record Count
01-11-2026;West;Mobiel;Concurrent aanbod;1500
01-11-2026;West;Mobiel;Te duur;2500
"""

NPS = """Id;CreatedDate;Region__c;Product__c;Score__c;Comment__c
a0X5e00000AbCdE;14-11-2026 09:15;Oost;Internet;2;Eén hele dag geen internet, café dicht
a0X5e00000AbCdF;15-11-2026 10:00;Oost;Internet;9;
a0X5e00000AbCdG;16-11-2026 11:30;West;Mobiel;10;"Prima; snel geholpen"
"""


def write_minimal(folder: Path) -> Path:
    """Write one valid export per source into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "servicenow_cases_2026-11.csv").write_text(cases_text(), encoding="utf-8")
    (folder / "servicenow_incidents_2026-11.csv").write_text(INCIDENTS, encoding="utf-8-sig")
    (folder / "netmonitor_beschikbaarheid_2026-11.csv").write_text(netmonitor_text(),
                                                                    encoding="cp1252")
    (folder / "salesforce_accounts.csv").write_text(ACCOUNTS, encoding="utf-8-sig")
    (folder / "salesforce_cancellations.csv").write_text(CANCELLATIONS, encoding="utf-8-sig")
    (folder / "salesforce_nps_2026-11.csv").write_text(NPS, encoding="cp1252")
    return folder
