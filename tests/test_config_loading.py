"""config.load_model: a broken YAML settings file is a Dutch ConfigError naming the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from narrator.config import KPICatalogue, OrganisationConfig, load_model
from narrator.drafting.settings import DraftingSettings
from narrator.errors import ConfigError
from narrator.kpis.settings import load_evidence_settings
from narrator.render.settings import RenderSettings

TERMIJN = "termijn: {rood: {days_after_mt_meeting: 14}, oranje: {months_ahead: 1}, " \
          "zonder_deadline: x}\n"


@pytest.mark.parametrize(("model", "text", "expected"), [
    (OrganisationConfig, "", "verwacht een mapping"),
    (OrganisationConfig, "- a\n", "verwacht een mapping"),
    (OrganisationConfig, "name: X\ncustomers: 1\nmt: []\nbogus: 1\n", "bogus: onbekende sleutel"),
    (OrganisationConfig, "name: X\nmt: []\n", "customers: verplichte waarde ontbreekt"),
    (OrganisationConfig, "name: X\ncustomers: veel\nmt: []\n",
     "customers: verwacht een geheel getal"),
    (DraftingSettings, TERMIJN + "lead_driver_share_pct: 5\nnear_norm_pct: 500\n",
     "near_norm_pct: mag hoogstens 100 zijn"),
    (DraftingSettings, TERMIJN + "lead_driver_share_pct: -1\nnear_norm_pct: 5\n",
     "lead_driver_share_pct: moet minstens 0 zijn"),
    (KPICatalogue, "defaults: {}\nkpis: [{id: a, name: A, unit: '%', decimals: 1, "
     "direction: up, source: s, formula: f, basis: relative, owner: o}]\n",
     "kpis.0.direction: ongeldige keuze, verwacht 'higher' of 'lower'"),
    (RenderSettings, "report_order: [samenvatting\n", "ongeldige YAML"),
])
def test_broken_file_is_a_dutch_config_error(tmp_path: Path, model: type, text: str,
                                             expected: str) -> None:
    path = tmp_path / "instellingen.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_model(model, path)
    assert exc.value.file == str(path)
    assert expected in exc.value.message


def test_empty_file_means_defaults_only_where_allowed(tmp_path: Path) -> None:
    path = tmp_path / "evidence.yaml"
    path.write_text("", encoding="utf-8")
    assert load_evidence_settings(path).spike_factor == 1.5
    with pytest.raises(ConfigError):
        load_model(DraftingSettings, path)


def test_settings_follow_narrator_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read before NARRATOR_HOME changes are not served for the other project."""
    from narrator.config import config_dir, dimension_labels, load_organisation

    assert load_organisation().deadline_working_day == 7
    assert dimension_labels().label("region") == "regio"
    home = tmp_path / "home"
    shutil.copytree(config_dir(), home / "config")
    org = home / "config" / "organisation.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace(
        "deadline_working_day: 7", "deadline_working_day: 5"), encoding="utf-8")
    (home / "config" / "dimensions.yaml").write_text(
        "labels: {region: gebied}\nplural: {region: gebieden}\n", encoding="utf-8")
    monkeypatch.setenv("NARRATOR_HOME", str(home))
    assert load_organisation().deadline_working_day == 5
    assert dimension_labels().label("region") == "gebied"
