"""The shape of ConnectNL: sizes, shares, rates, seasonality and the 2026-11 anomalies.

Figures are per month at scale 1 unless stated. Shares within a dict sum to 1.
"""

from __future__ import annotations

END_MONTH = "2026-11"
CUSTOMERS = 2_500_000

REGIONS = {"Noord": 0.14, "Oost": 0.20, "Midden": 0.18, "West": 0.30, "Zuid": 0.18}
PRODUCTS = {"Mobiel": 0.42, "Internet": 0.33, "TV": 0.15, "Zakelijk": 0.10}
# NetMonitor: klanten served per service (one klant can use several services)
SERVICE_CUSTOMERS = {"internet": 1_350_000, "mobiel": 1_550_000, "tv": 750_000,
                     "vaste telefonie": 450_000}
SERVICE_INCIDENT_SHARE = {"internet": 0.42, "mobiel": 0.30, "tv": 0.15, "vaste telefonie": 0.13}

CHANNELS = {"telefoon": 0.50, "chat": 0.22, "e-mail": 0.15, "social": 0.05, "winkel": 0.08}
WAIT_CHANNELS = {"telefoon": 105.0, "chat": 55.0}  # average wait in seconds
CATEGORIES = {"storing": 0.17, "factuur": 0.22, "technische vraag": 0.17, "installatie": 0.08,
              "opzegging": 0.08, "verhuizing": 0.07, "contract": 0.21}
FCR_RATE = {"storing": 0.64, "factuur": 0.84, "technische vraag": 0.71, "installatie": 0.72,
            "opzegging": 0.88, "verhuizing": 0.80, "contract": 0.86}
FCR_CHANNEL = {"telefoon": 1.0, "chat": 0.98, "e-mail": 0.90, "social": 0.86, "winkel": 1.03}
TECH_SHARE = {"storing": 0.55, "technische vraag": 0.65, "installatie": 0.50}
SLA_RATE = 0.915

CONTACTS_PER_DAY = 10_000
WEEKDAY = [1.22, 1.12, 1.05, 1.0, 0.95, 0.74, 0.50]  # Monday .. Sunday
CONTACT_SEASON = {1: 1.04, 7: 0.90, 8: 0.88, 12: 1.10}
TECH_SEPTEMBER = 1.35  # technische vraag volume in September
CONTACTS_PER_AFFECTED = 0.06  # extra storing contacts per affected klant of an incident

CHURN_RATE = 0.012
CHURN_SEASON = {1: 1.25, 2: 1.05, 12: 0.95}
CHURN_PRODUCT = {"Mobiel": 1.15, "Internet": 0.90, "TV": 1.0, "Zakelijk": 0.70}
NEW_RATE = 0.0128
CHURN_REASONS = {"Te duur": 0.26, "Concurrent aanbod": 0.21, "Verhuizing": 0.16,
                 "Ontevreden over klantenservice": 0.11, "Storingen en netwerkkwaliteit": 0.08,
                 "Overstap binnen huishouden": 0.08, "Overig": 0.10}

INCIDENTS_PER_DAY = 4.0
WEEKEND_INCIDENTS = 1.45
PRIORITIES = {"1 - Critical": 0.02, "2 - High": 0.12, "3 - Moderate": 0.46, "4 - Low": 0.40}
AFFECTED_MEDIAN = {"1 - Critical": 7000, "2 - High": 1400, "3 - Moderate": 180, "4 - Low": 25}
AFFECTED_CAP = {"1 - Critical": 16000, "2 - High": 4000, "3 - Moderate": 900, "4 - Low": 120}
RESTORE_HOURS = 3.6  # target mean restore time
CAUSES = {"hardwaredefect": 0.26, "softwarefout": 0.18, "configuratiefout": 0.14,
          "stroomuitval": 0.12, "glasvezelbreuk": 0.08, "weersinvloeden": 0.07,
          "gepland onderhoud uitgelopen": 0.10, "?": 0.05}
GROUPS = {"internet": "Network Operations - Vast", "mobiel": "Network Operations - Mobiel",
          "tv": "Platform TV", "vaste telefonie": "Network Operations - Voice"}

SURVEYS_PER_MONTH = 2400
COMMENT_SHARE = 0.35
PROMOTERS, DETRACTORS = 0.42, 0.20

# --- anomalies in the report month -------------------------------------------------------
FIBRE_CUT = {
    "date": "2026-11-14", "opened": "2026-11-14 07:42:00", "resolved": "2026-11-14 17:12:00",
    "region": "Oost", "service": "internet", "customers": 47850, "contacts": 36000,
    "contact_days": [0.6, 0.25, 0.15], "wait_factor": 1.6,
    "channels": {"telefoon": 0.60, "chat": 0.20, "social": 0.12, "e-mail": 0.05, "winkel": 0.03},
    "nps_promoters": 0.34, "nps_detractors": 0.32,
}
# Odido overstapactie: extra Mobiel churn in West, relative to the normal rate
CAMPAIGN = {"region": "West", "product": "Mobiel", "reason": "Concurrent aanbod",
            "uplift": {"2026-10": 0.40, "2026-11": 1.10}}
# telephony platform migration: phone waiting times longer from this date
MIGRATION = {"from": "2026-11-04", "channel": "telefoon", "factor": 1.25}
