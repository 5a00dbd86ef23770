"""What valid `extra` settings look like, checked once when the config loads.

Our settings are described in full. Material's own `extra` keys (`generator`,
`polyfills`, `alternate`...) pass through untouched; any other name is a
mistake (`clinc:` for `clinic:`) and stops the build, naming the closest one.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Setting(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class KioskSettings(Setting):
    # Seconds of no touch before the "Still reading?" notice.
    idle_seconds: int = Field(ge=1)
    # Seconds the notice waits for an answer (WCAG 2.2.1: time to ask for more).
    answer_seconds: int = Field(ge=20)
    # A kiosk with a printer: handouts get a print button, and Chromium runs with
    # --kiosk-printing so a print goes straight to the printer, with no dialog.
    printing: bool = False
    # Where the clinic puts the site-kiosk folder: the Chromium policy lets the
    # kiosk open only the files below it.
    install_folder: Annotated[str, StringConstraints(pattern=r"^/[^*?\s]*[^/*?\s]$")] = "/opt/patient-guide"
    # The guide's own keyboard on the screen when search opens; false for a kiosk
    # with a real keyboard.
    on_screen_keyboard: bool = True


class OfflineEdition(Setting):
    zip: Text        # where `make kiosk` writes the kiosk zip, in the project
    download: Text   # where the web edition serves it


class WebApp(Setting):
    """What a phone shows when a reader adds the guide to the home screen."""

    short_name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=15)]
    theme_color: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class ZimSettings(Setting):
    """The Kiwix edition (mkdocs-zim.yml): what each ZIM file says of itself in
    Kiwix's library. The lengths are zimcheck's: a longer title or description
    is cut short or refused there."""

    # The book's name in Kiwix's library, and the start of its file's name:
    # <name>_<language>_all_<year>-<month>.zim.
    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)]
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    # Words Kiwix's library groups books by; "_category:..." and the like are Kiwix's own.
    tags: list[Annotated[str, StringConstraints(pattern=r"^[^;\s][^;]*$")]] = Field(min_length=1)
    # The guide's licence as its publisher states it; None until one is chosen.
    license: Text | None = None
    # A square PNG under docs/: Kiwix shows it, 48 pixels wide, beside the book.
    illustration: Annotated[str, StringConstraints(pattern=r"(?i)^\S+\.png$")]

    @field_validator("license", mode="before")
    @classmethod
    def _empty_means_unset(cls, value: Any) -> Any:
        return None if value in ("", None) else value


class ReviewSettings(Setting):
    cycle_months: int = Field(ge=1)
    overdue: Literal["warn", "error"]


WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Clinic(Setting):
    """The clinic that hands the guide out: on every printout and handout, in the
    page foot and on the "When to get help" cards."""

    name: Text
    # Digits with the usual marks: (555) 010-4477, +44 20 7946 0000.
    phone: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[(0-9][0-9 ()./-]{4,}[0-9]$")]
    address: Text | None = None
    hours: Text | None = None
    website: WebAddress | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    logo: Text | None = None  # a file under docs/, such as assets/images/clinic-logo.png

    @property
    def phone_link(self) -> str:
        """The number as a tel: address: its digits, and a leading +."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")


# The `extra` keys Material for MkDocs 9.8 reads itself (its templates and plugins).
MATERIAL_EXTRA = frozenset({"alternate", "analytics", "annotate", "consent", "generator", "homepage",
                            "polyfills", "scope", "social", "status", "tags", "version"})


class GuideSettings(Setting):
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    kiosk: KioskSettings | None = None
    zim: ZimSettings | None = None
    offline_edition: OfflineEdition | None = None
    web_app: WebApp
    clinic: Clinic | None = None
    publisher: Text
    review: ReviewSettings
    # Where readers report a problem: a web form or an email address the
    # publishing clinic reads. None until one is set: no route is shown then.
    feedback: Annotated[str, StringConstraints(pattern=r"^(https?://|mailto:)\S+$")] | None = None
    disclaimer: Text
    # The number a reader calls in an emergency where the guide is used ("911",
    # "112", "999", "000"), on the "Get emergency help" step of the help ladder.
    # None: the step says "your local emergency number".
    emergency_number: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,6}$")] | None = None
    # The source repository, for maintainers (the page's bottom bar); None: no link.
    repository: WebAddress | None = None
    # Languages besides the source one (theme.language), each with its text in
    # translations/<language>/ and messages/<language>.yml: "es", "fr", "pt_BR"...
    translations: list[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]] = []

    @property
    def web(self) -> bool:
        """The web edition: neither the kiosk nor a ZIM (mkdocs-kiosk.yml, mkdocs-zim.yml)."""
        return self.kiosk is None and self.zim is None

    @field_validator("kiosk", "zim", mode="before")
    @classmethod
    def _false_means_no_edition(cls, value: Any) -> Any:
        return None if value is False else value

    @field_validator("feedback", "clinic", "repository", "emergency_number", mode="before")
    @classmethod
    def _empty_means_unset(cls, value: Any) -> Any:
        # An unset environment variable (!ENV [FEEDBACK_ADDRESS, ""]) gives "".
        return None if value in ("", None) else value


class SettingsError(ValueError):
    """Wrong settings: the message names each setting, its value and what is allowed."""


def _allowed(detail: Mapping[str, Any]) -> str:
    kind, context = detail["type"], detail.get("ctx", {})
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a setting" + _closest(str(detail["loc"][-1]), _names_beside(detail["loc"]))
    if kind == "greater_than_equal":
        return f"must be a whole number, at least {context['ge']}"
    if detail["loc"][-1] == "emergency_number":
        # A number unquoted in YAML arrives as a whole number, and "000" as 0.
        return 'must be 2 to 6 digits in quotes, such as "911", "112" or "000"'
    if kind == "string_too_long":
        return f"must be {context['max_length']} characters at most (got {len(detail['input'])})"
    if kind == "too_short":
        return "must list one at least"
    if kind == "literal_error":
        return f"must be {context['expected']}"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] == "feedback":
        return "must be a web address (https://...) or an email address (mailto:...)"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] == "theme_color":
        return "must be a colour such as #00695c"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] == "phone":
        return "must be a phone number: digits, spaces and ( ) + - . only, such as (555) 010-4477"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] == "email":
        return "must be an email address, such as clinic@example.org"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] in ("website", "repository"):
        return "must be a web address (https://...)"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] == "name":
        return "must be lower-case letters and digits, with hyphens between words, such as patient-guide"
    if kind == "string_pattern_mismatch" and "tags" in detail["loc"]:
        return "must be a tag with no semicolon, such as health"
    if kind == "string_pattern_mismatch" and detail["loc"][-1] == "illustration":
        return "must be a PNG file under docs/, such as assets/images/icon-192.png"
    if kind == "string_pattern_mismatch" and "translations" in detail["loc"]:
        return "must be a language code, such as es or pt_BR"
    if kind == "string_pattern_mismatch":
        return "must be a folder's full path, such as /opt/patient-guide, with no spaces or wildcards"
    return detail["msg"][0].lower() + detail["msg"][1:]


def _unknown_names(extra: Mapping[str, Any]) -> list[str]:
    """Top-level names that are neither ours nor Material's (nested ones are
    checked by the models, which forbid extras)."""
    known = set(GuideSettings.model_fields) | MATERIAL_EXTRA
    return [str(name) for name in extra if name not in known]


def _names_beside(loc: tuple) -> tuple[str, list[str]]:
    """The settings' path before ``loc``'s last name, and the names allowed there."""
    model: type[BaseModel] = GuideSettings
    for name in loc[:-1]:
        annotation = model.model_fields[name].annotation
        model = next(kind for kind in getattr(annotation, "__args__", (annotation,)) if isinstance(kind, type)
                     and issubclass(kind, BaseModel))
    return ".".join(["extra", *map(str, loc[:-1])]), list(model.model_fields)


def _closest(name: str, beside: tuple[str, list[str]] | None = None) -> str:
    path, known = beside or ("extra", sorted(set(GuideSettings.model_fields) | MATERIAL_EXTRA))
    match = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {path}.{match[0]}?)" if match else " (check the spelling)"


def load_settings(extra: Mapping[str, Any], config_file: str, docs_dir: Path | None = None) -> GuideSettings:
    """The validated `extra` settings; ``SettingsError`` lists every wrong one.
    With ``docs_dir``, files the settings name (the clinic's logo) must exist."""
    lines = [f"  - extra.{name} is not a setting{_closest(name)}" for name in _unknown_names(extra)]
    try:
        settings = GuideSettings.model_validate(dict(extra))
    except ValidationError as error:
        for detail in error.errors():
            name = ".".join(["extra", *map(str, detail["loc"])])
            got = "" if detail["type"] == "missing" else f" (got {detail['input']!r})"
            lines.append(f"  - {name} {_allowed(detail)}{got}")
    else:
        files = {"extra.clinic.logo": settings.clinic.logo if settings.clinic else None,
                 "extra.zim.illustration": settings.zim.illustration if settings.zim else None}
        for name, file in files.items():
            if docs_dir is not None and file and not (docs_dir / file).is_file():
                lines.append(f"  - {name} must be a file under docs/ (got {file!r}: there is no such file)")
    if lines:
        raise SettingsError(f"{config_file}: {len(lines)} wrong setting(s):\n" + "\n".join(lines))
    return settings
