"""Scorer entry point for the PII set; see narrator.privacy.evaluate (score_pii_set)."""

from narrator.privacy.evaluate import main, score_pii_set

__all__ = ["score_pii_set"]

if __name__ == "__main__":
    main()
