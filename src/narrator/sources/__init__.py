"""Readers for the ServiceNow, Salesforce and NetMonitor exports."""
