"""Drafting back ends: one small interface, a template and an OpenAI-compatible implementation."""
