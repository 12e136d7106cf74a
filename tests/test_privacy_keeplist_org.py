"""The keep-list takes the MT names and role titles from config/organisation.yaml."""

from __future__ import annotations

import pytest

from narrator.config import MTMember, OrganisationConfig, load_organisation
from narrator.errors import ConfigError
from narrator.privacy import settings
from narrator.privacy.keeplist import KeepList


def _org() -> OrganisationConfig:
    base = load_organisation()
    new = MTMember(key="billing", name="Joke Timmer", role="Hoofd Facturatie")
    return base.model_copy(update={"mt": [*base.mt, new]})


@pytest.mark.parametrize(("text", "kept"), [
    ("Joke Timmer (Hoofd Facturatie) neemt de actie.", ["Joke Timmer", "Hoofd Facturatie"]),
    ("Joke Timmerman belde.", []),  # near miss: another name is not kept
    ("Marco de Jonge belde.", []),
    ("Sarah Mensinkhof en Linda Bakkers belden.", []),
])
def test_members_from_organisation(monkeypatch: pytest.MonkeyPatch, text: str,
                                   kept: list[str]) -> None:
    monkeypatch.setattr(settings, "load_organisation", _org)
    keep = KeepList(settings.load_keep_list())
    assert [text[s:e] for s, e in keep.spans(text)] == kept


def test_without_organisation_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> OrganisationConfig:
        raise ConfigError("bestand ontbreekt")

    monkeypatch.setattr(settings, "load_organisation", broken)
    assert "Joke Timmer" not in settings.load_keep_list().phrases
    assert "Marco de Jong" in settings.load_keep_list().phrases


def test_similar_name_is_still_found() -> None:
    """A customer whose name starts like an MT member's is masked, not kept."""
    from narrator.privacy import detect

    found = [(e.entity_type, e.text) for e in detect("Klant Marco de Jonge belde boos.")]
    assert ("PERSON", "Marco de Jonge") in found
