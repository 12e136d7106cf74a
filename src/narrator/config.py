"""Loads config/*.yaml into pydantic models. The only module that reads environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, Field, ValidationError

from narrator.errors import ConfigError
from narrator.strict import StrictModel

M = TypeVar("M", bound=BaseModel)


def project_root() -> Path:
    """Folder holding config/, style_guide/, prompts/ and data_samples/.

    ``NARRATOR_HOME`` overrides; otherwise the checkout this package was installed from
    (editable install), falling back to the current directory.
    """
    env = os.environ.get("NARRATOR_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2]
    if (here / "config" / "kpis.yaml").exists():
        return here
    return Path.cwd()


def config_dir() -> Path:
    return project_root() / "config"


def load_yaml(path: Path) -> Any:
    """Read a YAML file; a syntax error becomes a ConfigError naming file and line."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise ConfigError("bestand ontbreekt", file=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(f"ongeldige YAML: {getattr(exc, 'problem', exc)}", file=str(path),
                          line=line) from exc



class MTMember(StrictModel):
    key: str
    name: str
    role: str


class OrganisationConfig(StrictModel):
    name: str
    customers: int
    mt: list[MTMember]
    deadline_working_day: int = 7

    def member(self, key: str) -> MTMember:
        for m in self.mt:
            if m.key == key:
                return m
        raise ConfigError(f"onbekende eigenaar '{key}' (niet in organisation.yaml)")


class Thresholds(StrictModel):
    oranje: float = 2.0
    rood: float = 5.0


class SeasonalRule(StrictModel):
    months: list[int]
    direction: Literal["up", "down"]
    pattern: str


class KPIDefinition(StrictModel):
    id: str
    name: str
    unit: str
    decimals: int
    direction: Literal["higher", "lower"]
    source: str
    formula: str
    basis: Literal["relative", "complement", "points"]
    norm: float | None = None
    owner: str
    dimensions: list[str] = Field(default_factory=list)
    seasonal: list[SeasonalRule] = Field(default_factory=list)
    thresholds: Thresholds | None = None


class KPICatalogue(StrictModel):
    defaults: dict[str, Thresholds]
    kpis: list[KPIDefinition]

    def thresholds_for(self, kpi: KPIDefinition) -> Thresholds:
        return kpi.thresholds or self.defaults.get("thresholds", Thresholds())


# Dutch wording of the pydantic errors an analyst editing a YAML file is likely to cause;
# the placeholders come from the error's context. Other errors keep pydantic's own text.
_ERROR_NL = {
    "missing": "verplichte waarde ontbreekt",
    "extra_forbidden": "onbekende sleutel",
    "literal_error": "ongeldige keuze, verwacht {expected}",
    "dict_type": "verwacht een mapping (sleutel: waarde)",
    "model_type": "verwacht een mapping (sleutel: waarde)",
    "list_type": "verwacht een lijst",
    "string_type": "verwacht tekst",
    "bool_parsing": "verwacht true of false",
    "int_parsing": "verwacht een geheel getal",
    "int_from_float": "verwacht een geheel getal",
    "float_parsing": "verwacht een getal",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than": "moet kleiner zijn dan {lt}",
    "too_short": "te weinig elementen (minstens {min_length})",
    "too_long": "te veel elementen (hoogstens {max_length})",
}


def _ctx_text(value: Any) -> str:
    """A bound or choice from a pydantic error in Dutch notation: 0.0 -> '0', 2.5 -> '2,5'."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
    return str(value).replace(" or ", " of ")


def validation_message(err: Any) -> str:
    """Dutch text for one pydantic error (``ValidationError.errors()`` item), with its field."""
    loc = ".".join(str(p) for p in err["loc"])
    template = _ERROR_NL.get(err["type"])
    ctx = {k: _ctx_text(v) for k, v in (err.get("ctx") or {}).items()}
    try:
        text = template.format(**ctx) if template else f"ongeldige waarde ({err['msg']})"
    except KeyError:
        text = f"ongeldige waarde ({err['msg']})"
    return f"{loc}: {text}" if loc else text


def load_model(model: type[M], path: Path, *, empty_ok: bool = False) -> M:
    """Read the YAML file at ``path`` into ``model``.

    A syntax error or the first validation error becomes a Dutch ConfigError naming the file
    and the field. An empty file is an error unless ``empty_ok`` (then it means all defaults).
    """
    data = load_yaml(path)
    if data is None and empty_ok:
        data = {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(validation_message(exc.errors()[0]), file=str(path)) from exc


@lru_cache(maxsize=32)
def cached_model(model: type[M], path: Path) -> M:
    """:func:`load_model`, read once per model and file.

    Callers resolve ``path`` first (from :func:`config_dir`), so the cache follows
    ``NARRATOR_HOME`` instead of keeping the first project's settings.
    """
    return load_model(model, path)


def load_organisation(path: Path | None = None) -> OrganisationConfig:
    """Load config/organisation.yaml."""
    return cached_model(OrganisationConfig, path or config_dir() / "organisation.yaml")


def load_kpi_catalogue(path: Path | None = None) -> KPICatalogue:
    """Load config/kpis.yaml."""
    return cached_model(KPICatalogue, path or config_dir() / "kpis.yaml")


class DimensionLabels(StrictModel):
    """Dutch names of the driver dimensions (config/dimensions.yaml)."""

    labels: dict[str, str]
    plural: dict[str, str]

    def label(self, dimension: str) -> str:
        """'region' -> 'regio'; the key itself when no label is configured."""
        return self.labels.get(dimension, dimension)

    def plural_of(self, dimension: str) -> str:
        """'region' -> "regio's"; without a configured plural the label with an s."""
        return self.plural.get(dimension, f"{self.label(dimension)}s")


def dimension_labels() -> DimensionLabels:
    """Load config/dimensions.yaml of the current project root (cached per file)."""
    return cached_model(DimensionLabels, config_dir() / "dimensions.yaml")


class LLMSettings(StrictModel):
    """OpenAI-compatible back-end settings, from env (config file values are defaults)."""

    base_url: str | None = None
    api_key: str | None = None
    model: str = "gpt-4o-mini"
    azure_endpoint: str | None = None
    azure_api_version: str | None = None
    timeout_s: float = 60.0
    max_retries: int = 2


def llm_settings(model: str | None = None) -> LLMSettings:
    """Read OPENAI_BASE_URL, OPENAI_API_KEY, NARRATOR_MODEL and the Azure variables."""
    env = os.environ
    return LLMSettings(
        base_url=env.get("OPENAI_BASE_URL") or None,
        api_key=env.get("OPENAI_API_KEY") or env.get("AZURE_OPENAI_API_KEY") or None,
        model=model or env.get("NARRATOR_MODEL") or "gpt-4o-mini",
        azure_endpoint=env.get("AZURE_OPENAI_ENDPOINT") or None,
        azure_api_version=env.get("OPENAI_API_VERSION") or None,
        timeout_s=float(env.get("NARRATOR_LLM_TIMEOUT", "60")),
    )
