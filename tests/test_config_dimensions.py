"""config/dimensions.yaml: one set of Dutch dimension names for evidence, charts and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.config import dimension_labels, load_kpi_catalogue
from narrator.errors import ConfigError
from narrator.kpis.evidence import segment_label
from narrator.render.settings import load_render_settings


@pytest.mark.parametrize(("dimension", "label", "plural"), [
    ("region", "regio", "regio's"),
    ("channel", "kanaal", "kanalen"),
    ("category", "categorie", "categorieën"),
    ("service", "dienst", "diensten"),
    ("onbekend", "onbekend", "onbekends"),  # no label: the key, plural with an s
])
def test_labels_and_plurals(dimension: str, label: str, plural: str) -> None:
    dims = dimension_labels()
    assert dims.label(dimension) == label
    assert dims.plural_of(dimension) == plural


def test_every_kpi_dimension_has_a_label_and_a_plural() -> None:
    used = {d for kpi in load_kpi_catalogue().kpis for d in kpi.dimensions}
    dims = dimension_labels()
    assert used <= set(dims.labels) and used <= set(dims.plural)


def test_stages_share_the_labels() -> None:
    assert segment_label("region", "Oost") == "regio Oost"
    assert load_render_settings().dimension_label("channel") == "kanaal"


def test_broken_file_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "dimensions.yaml").write_text("labels: {region: regio}\n",
                                                          encoding="utf-8")
    monkeypatch.setenv("NARRATOR_HOME", str(tmp_path))
    with pytest.raises(ConfigError, match="plural"):
        dimension_labels()
