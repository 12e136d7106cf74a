"""Seeded generator of realistic ConnectNL exports (ServiceNow, Salesforce, NetMonitor)."""

from narrator.sampledata.generate import generate

__all__ = ["generate"]
