"""The back-end interface: messages + output schema in, a validated pydantic object out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from narrator.errors import NarratorError

T = TypeVar("T", bound=BaseModel)
Message = dict[str, str]


class BackendError(NarratorError):
    """The back end gave no usable answer (transport error, timeout, unparseable output)."""

    def __init__(self, message: str, *, retryable: bool = False, raw: str = "",
                 tokens_in: int = 0, tokens_out: int = 0) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.raw = raw
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


@dataclass
class Reply(Generic[T]):
    """A validated answer plus what it cost."""

    value: T
    raw: str = ""
    tokens_in: int = 0
    tokens_out: int = 0
    cached: bool = False
    mode: str = ""


class Backend(ABC):
    """A drafting back end. ``section`` names what is asked ('afwijking:churn', 'analyse')."""

    name: str = "base"
    model: str | None = None

    @abstractmethod
    def complete(self, messages: list[Message], schema: type[T], *, section: str) -> Reply[T]:
        """Answer ``messages`` with an instance of ``schema``; raise BackendError if impossible."""
