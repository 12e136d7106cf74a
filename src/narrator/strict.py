"""The base of every pydantic model at a boundary: unknown fields are an error, not ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """A pydantic model that rejects fields it does not declare (a typo in a file fails loudly)."""

    model_config = ConfigDict(extra="forbid")
