"""The eval suite (issue 8): cases, runner, scorecard and baseline comparison.

Public API::

    load_cases(folder=None, only=None) -> list[Case]
    run_eval(cases, RunOptions(backend=..., model=..., work_dir=..., pages=...)) -> Scorecard
    compare(load_baseline(path), scorecard.metrics) -> Comparison
"""

from narrator.evals.baseline import Baseline, Comparison, compare, load_baseline
from narrator.evals.cases import Case, Expectations, load_cases
from narrator.evals.runner import RunOptions, Stages, run_case
from narrator.evals.scorecard import CaseResult, Scorecard
from narrator.evals.suite import run_eval

__all__ = [
    "Baseline", "Case", "CaseResult", "Comparison", "Expectations", "RunOptions", "Scorecard",
    "Stages", "compare", "load_baseline", "load_cases", "run_case", "run_eval",
]
