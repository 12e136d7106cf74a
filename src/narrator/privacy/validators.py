"""Checksum hooks for pattern recognizers (named by ``validator:`` in recognizers.yaml)."""

from __future__ import annotations

import re
from collections.abc import Callable

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def _digits(text: str) -> str:
    return _NON_ALNUM.sub("", text)


def iban_ok(text: str) -> bool:
    """ISO 13616 mod-97 check."""
    s = _digits(text).upper()
    if len(s) < 15 or len(s) > 34:
        return False
    moved = s[4:] + s[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def elfproef_ok(text: str) -> bool:
    """Dutch BSN 11-check: sum(d_i * w_i) with weights 9..2, -1 is divisible by 11."""
    s = _digits(text)
    if len(s) != 9 or not s.isdigit() or s == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(s[:8], range(9, 1, -1), strict=True)) - int(s[8])
    return total % 11 == 0


def luhn_ok(text: str) -> bool:
    """Luhn check (IMEI, ICCID)."""
    s = _digits(text)
    if not s.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def ipv4_ok(text: str) -> bool:
    """Four octets 0..255 (IPv6 text passes through unchecked)."""
    if ":" in text:
        return True
    parts = text.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "iban": iban_ok,
    "elfproef": elfproef_ok,
    "luhn": luhn_ok,
    "ipv4": ipv4_ok,
}
