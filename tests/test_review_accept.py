"""narrator accept: refuse, accept, force, immutability, version numbering, archive, manifest."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest
from test_review_support import (
    ANALYSE,
    TEXTS,
    FakeFinding,
    FakeRenderer,
    FakeValidator,
    make_report,
)

from narrator.errors import ReviewError
from narrator.report_folder import ReportFolder, sha256_file
from narrator.review import write_drafts
from narrator.review.accept import accept_report
from narrator.review.archive import is_read_only, publish
from narrator.review.manifest import diff_stats, hash_tree, read_manifest


def _accept(report_dir: Path, validator: FakeValidator | None = None, **kw: object):
    renderer = kw.pop("renderer", None) or FakeRenderer()
    return accept_report(report_dir, kw.pop("reviewer", "Linda Bakker"),
                         validator=validator or FakeValidator(), renderer=renderer, **kw)


def test_accept_writes_final_v1_with_everything(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    renderer = FakeRenderer()
    out = _accept(report, renderer=renderer)
    v1 = report / "final" / "v1"
    assert out.version == 1 and out.version_dir == v1
    assert renderer.concept_flags == [False]  # final PDFs without the concept mark
    names = {f.path for f in hash_tree(v1)}
    assert {"rapport.pdf", "analyse.pdf", "tekst/analyse.md", "facts.json", "actions.json",
            "findings.json"} <= names
    assert (v1 / "tekst" / "analyse.md").read_text(encoding="utf-8") == ANALYSE
    manifest = read_manifest(v1 / "manifest.json")
    assert manifest.reviewer == "Linda Bakker"
    assert manifest.month == "2026-11" and manifest.version == 1
    assert manifest.facts_sha256 == sha256_file(report / "facts.json")
    assert [i.path for i in manifest.inputs] == ["servicenow_incidents_2026-11.csv"]
    assert manifest.prompts[0].template == "analyse.j2"
    assert manifest.prompts[0].calls == 2
    assert manifest.prompts[0].hashes == {"template_sha256": "ab" * 32}
    assert manifest.prompts[1].template == "template"
    assert manifest.prompts[1].hashes == {}  # empty hashes are not recorded
    assert manifest.backends == ["openai", "template"]
    assert manifest.models == ["gpt-4o-mini"]
    assert manifest.findings.validated and manifest.findings.errors == 0
    assert manifest.override is None
    assert {d.part: d.pct_changed for d in manifest.diff} == {
        "dashboard": 0.0, "analyse": 0.0, "samenvatting": 0.0}
    assert manifest.archive_dir == "../../archief/2026/11/v1"
    assert out.archive_dir == tmp_path / "archief" / "2026" / "11" / "v1"


def test_archive_copy_is_identical_and_read_only(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    out = _accept(report)
    assert hash_tree(out.archive_dir, frozenset()) == hash_tree(out.version_dir, frozenset())
    assert is_read_only(out.archive_dir / "rapport.pdf")


def test_archive_root_is_configurable(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    out = _accept(report, archive_root=tmp_path / "sharepoint")
    assert out.archive_dir == tmp_path / "sharepoint" / "2026" / "11" / "v1"
    assert (out.archive_dir / "manifest.json").exists()


def test_refuses_while_error_findings_remain(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    validator = FakeValidator([FakeFinding("error"), FakeFinding("warning", rule="jargon")])
    with pytest.raises(ReviewError) as info:
        _accept(report, validator)
    assert "1 fouten" in info.value.message
    assert "structuur/handmatig-controleren" in info.value.message
    assert "--force --reden" in info.value.message
    assert validator.seen == [report]
    assert not (report / "final").exists() or not any((report / "final").iterdir())
    assert not (tmp_path / "archief").exists()


def test_warnings_alone_do_not_block(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    out = _accept(report, FakeValidator([FakeFinding("warning"), FakeFinding("info")]))
    assert (out.manifest.findings.warnings, out.manifest.findings.info) == (1, 1)


def test_force_requires_a_reason(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    with pytest.raises(ReviewError, match="reden"):
        _accept(report, FakeValidator([FakeFinding("error")]), force=True, reason="  ")


def test_force_with_reason_accepts_and_records_override(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    out = _accept(report, FakeValidator([FakeFinding("error"), FakeFinding("error")]),
                  force=True, reason="MT-overleg vandaag; marker bewust laten staan")
    override = read_manifest(out.version_dir / "manifest.json").override
    assert override is not None
    assert override.reason == "MT-overleg vandaag; marker bewust laten staan"
    assert override.errors_overridden == 2 and override.validator_available
    assert out.manifest.findings.error_rules == ["structuur/handmatig-controleren"]
    findings = json.loads((out.version_dir / "findings.json").read_text(encoding="utf-8"))
    assert len(findings) == 2
    assert any("GEFORCEERD" in n for n in out.notes)


def test_reason_without_force_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="--force"):
        _accept(make_report(tmp_path), reason="zomaar")


def test_empty_reviewer_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="reviewer"):
        _accept(make_report(tmp_path), reviewer=" ")


def test_missing_validator_fails_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = make_report(tmp_path)
    monkeypatch.setitem(sys.modules, "narrator.validation", None)  # import -> ImportError
    with pytest.raises(ReviewError, match="niet beschikbaar"):
        accept_report(report, "Linda Bakker", renderer=FakeRenderer())
    out = accept_report(report, "Linda Bakker", renderer=FakeRenderer(), force=True,
                        reason="controle tijdelijk stuk")
    assert out.manifest.override is not None
    assert out.manifest.override.validator_available is False
    assert out.manifest.findings.validated is False


def test_missing_draft_is_refused(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    (report / "draft" / "samenvatting.md").unlink()
    with pytest.raises(ReviewError, match=r"draft/samenvatting\.md"):
        _accept(report)


def test_accepted_version_is_read_only(tmp_path: Path) -> None:
    out = _accept(make_report(tmp_path))
    for path in [out.version_dir, *out.version_dir.rglob("*")]:
        assert is_read_only(path), path


def test_later_accept_creates_v2_and_leaves_v1_untouched(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    first = _accept(report)
    before = hash_tree(first.version_dir, frozenset())
    draft = report / "draft" / "analyse.md"
    draft.write_text(ANALYSE.replace("Churn en storingen", "Storingen en churn"), "utf-8")
    second = _accept(report, reviewer="Marco de Jong")
    third = _accept(report)
    assert [second.version, third.version] == [2, 3]
    assert ReportFolder(report).accepted_versions() == [1, 2, 3]
    assert hash_tree(first.version_dir, frozenset()) == before
    assert second.manifest.reviewer == "Marco de Jong"
    analyse = {d.part: d for d in second.manifest.diff}["analyse"]
    assert (analyse.changed, analyse.added, analyse.removed) == (1, 0, 0)
    assert (tmp_path / "archief" / "2026" / "11" / "v3").is_dir()


def test_failed_render_leaves_no_version_behind(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    with pytest.raises(RuntimeError, match="opmaak mislukt"):
        _accept(report, renderer=FakeRenderer(fail=True))
    assert list((report / "final").iterdir()) == []  # staging removed, nothing half written
    assert _accept(report).version == 1


def test_page_budget_overflow_refuses_unless_forced(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    too_long = {"analyse": "Analyse beslaat 5 pagina's; het maximum is 4."}
    with pytest.raises(ReviewError, match="het maximum is 4"):
        _accept(report, renderer=FakeRenderer(overflows=too_long))
    assert list((report / "final").iterdir()) == []
    forced = _accept(report, renderer=FakeRenderer(overflows=too_long), force=True,
                     reason="MT akkoord met 5 pagina's")
    assert forced.version == 1


def test_publish_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "v1"
    publish(target, lambda d: (d / "a.txt").write_text("a", encoding="utf-8"))
    with pytest.raises(ReviewError, match="nooit overschreven"):
        publish(target, lambda d: (d / "a.txt").write_text("b", encoding="utf-8"))
    assert (target / "a.txt").read_text(encoding="utf-8") == "a"
    assert stat.S_IMODE((target / "a.txt").stat().st_mode) == 0o444


def test_open_draft_versions_are_noted(tmp_path: Path) -> None:
    report = make_report(tmp_path)
    (report / "draft" / "analyse.md").write_text(ANALYSE + "\nEigen zin.\n", encoding="utf-8")
    write_drafts(report, {**TEXTS, "analyse": ANALYSE.replace("99,87%", "99,88%")})
    out = _accept(report)
    assert out.manifest.open_draft_versions == {"analyse": [2]}
    assert any("draft/analyse.v2.md" in n for n in out.notes)
    analyse = {d.part: d for d in out.manifest.diff}["analyse"]
    assert analyse.base == "draft/.generated/analyse.md" and analyse.added == 2


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("a\nb\nc\n", "a\nb\nc\n", (0, 0, 0, 0.0)),
    ("a\nb\nc\n", "a\nB\nc\n", (0, 0, 1, 33.3)),
    ("a\nb\n", "a\nb\nc\nd\n", (2, 0, 0, 50.0)),
    ("a\nb\nc\nd\n", "a\n", (0, 3, 0, 75.0)),
    ("a\nb\n", "x\ny\nz\n", (1, 0, 2, 100.0)),
    ("", "a\n", (1, 0, 0, 100.0)),
])
def test_diff_stats(old: str, new: str, expected: tuple[int, int, int, float]) -> None:
    stats = diff_stats("analyse", old, new, "draft/.generated/analyse.md")
    assert (stats.added, stats.removed, stats.changed, stats.pct_changed) == expected
