"""narrator: drafts ConnectNL's monthly operational management report."""

__version__ = "0.1.0"
