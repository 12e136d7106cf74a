"""write_drafts: never lose a reviewer's edit, across re-runs and crashes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import narrator.atomic
from narrator.review import ReportFolder, write_drafts
from narrator.review.drafts import is_edited, read_hash_record

V1 = {"analyse": "# Analyse november 2026\n\nEerste tekst.\n",
      "samenvatting": "# Executive summary november 2026\n\nKort.\n"}
V2 = {"analyse": "# Analyse november 2026\n\nTweede tekst.\n",
      "samenvatting": "# Executive summary november 2026\n\nKort, nieuw.\n"}
EDIT = "# Analyse november 2026\n\nDoor de reviewer herschreven.\n"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_first_write_creates_draft_base_and_hashes(tmp_path: Path) -> None:
    out = write_drafts(tmp_path, V1)
    folder = ReportFolder(tmp_path)
    assert [p.action for p in out.parts] == ["nieuw", "nieuw"]
    assert _read(folder.draft("analyse")) == V1["analyse"]
    assert _read(folder.generated("analyse")) == V1["analyse"]
    assert set(read_hash_record(folder).parts) == {"analyse", "samenvatting"}
    assert out.all_messages()[0] == "draft/analyse.md aangemaakt."
    assert out.messages == []


def test_unedited_draft_is_updated(tmp_path: Path) -> None:
    write_drafts(tmp_path, V1)
    out = write_drafts(tmp_path, V2)
    assert [p.action for p in out.parts] == ["bijgewerkt", "bijgewerkt"]
    assert _read(ReportFolder(tmp_path).draft("analyse")) == V2["analyse"]
    assert out.kept_edits == []


def test_same_text_again_is_unchanged(tmp_path: Path) -> None:
    write_drafts(tmp_path, V1)
    out = write_drafts(tmp_path, V1)
    assert {p.action for p in out.parts} == {"ongewijzigd"}


def test_edited_draft_is_kept_and_new_text_becomes_v2(tmp_path: Path) -> None:
    folder = ReportFolder(tmp_path)
    write_drafts(tmp_path, V1)
    folder.draft("analyse").write_text(EDIT, encoding="utf-8")
    out = write_drafts(tmp_path, V2)
    by_part = {p.part: p for p in out.parts}
    assert _read(folder.draft("analyse")) == EDIT
    assert by_part["analyse"].action == "nieuwe-versie"
    assert by_part["analyse"].version_path == folder.draft_version("analyse", 2)
    assert _read(folder.draft_version("analyse", 2)) == V2["analyse"]
    assert _read(folder.generated("analyse")) == V1["analyse"]  # base of the edit kept
    assert by_part["samenvatting"].action == "bijgewerkt"
    assert "NIET overschreven" in by_part["analyse"].message()
    assert "draft/analyse.v2.md" in by_part["analyse"].message()
    assert out.messages == [by_part["analyse"].message()]  # the pipeline prints these


def test_versions_count_up_and_are_not_duplicated(tmp_path: Path) -> None:
    folder = ReportFolder(tmp_path)
    write_drafts(tmp_path, V1)
    folder.draft("analyse").write_text(EDIT, encoding="utf-8")
    write_drafts(tmp_path, V2)
    again = write_drafts(tmp_path, V2)  # same new text: no v3
    assert again.parts[0].action == "bewerking-behouden"
    third = {"analyse": "# Analyse november 2026\n\nDerde tekst.\n"}
    out = write_drafts(tmp_path, third)
    assert out.parts[0].version_path == folder.draft_version("analyse", 3)
    assert folder.draft_versions("analyse") == [2, 3]
    folder.draft_version("analyse", 3).unlink()  # reviewer merged and removed v3
    assert write_drafts(tmp_path, third).parts[0].action == "bewerking-behouden"
    assert _read(folder.draft("analyse")) == EDIT


def test_rerun_with_unchanged_generated_text_keeps_edit(tmp_path: Path) -> None:
    folder = ReportFolder(tmp_path)
    write_drafts(tmp_path, V1)
    folder.draft("analyse").write_text(EDIT, encoding="utf-8")
    out = write_drafts(tmp_path, V1)
    assert out.parts[0].action == "bewerking-behouden"
    assert folder.draft_versions("analyse") == []
    assert _read(folder.draft("analyse")) == EDIT


def test_draft_without_any_record_counts_as_edited(tmp_path: Path) -> None:
    folder = ReportFolder(tmp_path)
    folder.draft_dir.mkdir(parents=True)
    folder.draft("analyse").write_text("handgeschreven\n", encoding="utf-8")
    assert is_edited(folder, "analyse")
    out = write_drafts(tmp_path, {"analyse": V1["analyse"]})
    assert out.parts[0].action == "nieuwe-versie"
    assert _read(folder.draft("analyse")) == "handgeschreven\n"


@pytest.mark.parametrize("bad", ["../x", "a/b", "Analyse", "x.v2", ""])
def test_unsafe_part_names_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        write_drafts(tmp_path, {bad: "x"})


def _crash_on_nth_replace(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    real = os.replace
    calls = {"n": 0}

    def flaky(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError("gesimuleerde crash")
        real(src, dst)

    monkeypatch.setattr(narrator.atomic.os, "replace", flaky)


@pytest.mark.parametrize("crash_at", [1, 2, 3, 4, 5])
def test_crash_mid_write_never_loses_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_at: int
) -> None:
    """Crash at every rename of a re-run over an edited draft; the edit must survive."""
    folder = ReportFolder(tmp_path)
    write_drafts(tmp_path, V1)
    folder.draft("analyse").write_text(EDIT, encoding="utf-8")
    with monkeypatch.context() as patch:
        _crash_on_nth_replace(patch, crash_at)
        with pytest.raises(OSError, match="gesimuleerde crash"):
            write_drafts(tmp_path, V2)
    assert _read(folder.draft("analyse")) == EDIT
    assert not list(folder.draft_dir.rglob("*.tmp"))  # no temp files left behind
    out = write_drafts(tmp_path, V2)  # the re-run after the crash
    assert _read(folder.draft("analyse")) == EDIT
    assert _read(folder.draft_version("analyse", 2)) == V2["analyse"]
    assert folder.draft_versions("analyse") == [2]
    assert {p.part: p.action for p in out.parts}["analyse"] in ("nieuwe-versie",
                                                                  "bewerking-behouden")


@pytest.mark.parametrize("crash_at", [1, 2, 3, 4, 5])
def test_crash_mid_update_leaves_old_or_new_and_stays_unedited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_at: int
) -> None:
    """A crash while replacing UNEDITED drafts must not make them look edited afterwards."""
    folder = ReportFolder(tmp_path)
    write_drafts(tmp_path, V1)
    with monkeypatch.context() as patch:
        _crash_on_nth_replace(patch, crash_at)
        with pytest.raises(OSError):
            write_drafts(tmp_path, V2)
    for part in V1:
        assert _read(folder.draft(part)) in (V1[part], V2[part])
        assert not is_edited(folder, part)
    write_drafts(tmp_path, V2)
    for part in V2:
        assert _read(folder.draft(part)) == V2[part]
    assert folder.draft_versions("analyse") == []


_OPS = st.lists(
    st.tuples(st.sampled_from(["gen", "edit"]), st.sampled_from(["a\n", "b\n", "c\n", "d\n"])),
    min_size=1, max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(ops=_OPS)
def test_any_sequence_of_runs_and_edits_keeps_the_edit(ops: list[tuple[str, str]]) -> None:
    """Property: after any mix of runs and reviewer edits, the latest edit is still the draft
    and every generated text is either the draft, its base, or offered as a v<N> file."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = ReportFolder(Path(tmp))
        edited: str | None = None
        generated: set[str] = set()
        for op, text in ops:
            if op == "edit" and folder.draft("analyse").exists():
                folder.draft("analyse").write_text(text, encoding="utf-8")
                # an 'edit' back to the text narrator wrote is no edit; any other text is
                edited = text if is_edited(folder, "analyse") else None
                assert edited is not None or text in generated
                continue
            if op == "edit":
                continue
            write_drafts(folder.root, {"analyse": text})
            generated.add(text)
            draft = _read(folder.draft("analyse"))
            offered = {_read(folder.draft_version("analyse", n))
                       for n in folder.draft_versions("analyse")}
            if edited is None:
                assert draft == text
            else:
                assert draft == edited
                assert text in offered | {draft, _read(folder.generated("analyse"))}


def test_edit_that_matches_a_later_run_stays_an_edit(tmp_path: Path) -> None:
    """Reviewer writes A; a run happens to generate A; the next run's B must not replace it."""
    folder = ReportFolder(tmp_path)
    write_drafts(tmp_path, {"analyse": "B\n"})
    folder.draft("analyse").write_text("A\n", encoding="utf-8")
    assert write_drafts(tmp_path, {"analyse": "A\n"}).parts[0].action == "ongewijzigd"
    assert write_drafts(tmp_path, {"analyse": "B\n"}).parts[0].action == "bewerking-behouden"
    assert _read(folder.draft("analyse")) == "A\n"
