"""MkDocs hooks: check the guide's settings when the config loads, and give the
theme's templates the guide's interface words.

The settings model and the message catalogs live in the ``macros`` package; the
validated settings and the words are kept on the config, where the macros
module and the other hooks read them.
"""
from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import yaml

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.build_log import side_log  # noqa: E402
from macros.icons import IconSetError  # noqa: E402
from macros.languages import LanguageEdition, LanguageError, chosen_edition, sitemap_with_languages  # noqa: E402
from macros.loading import DataError, GuideData, load_guide_data, translate_guide_data  # noqa: E402
from macros.messages import MESSAGES_DIR, MessageError, Messages, load_messages, missing_messages  # noqa: E402
from macros.preparing import is_real_address  # noqa: E402
from macros.settings import SettingsError, load_settings  # noqa: E402
from macros.translated_pages import find_page_translations  # noqa: E402
from macros.translated_settings import translate_settings  # noqa: E402
from macros.translations import Gap, TranslationError, language_dir  # noqa: E402

# Said once a build, beside MkDocs' log so that `--strict` still builds.
notice = side_log("guide.notice", "NOTE")
# Translations made from an older English text: a warning that does not stop the build.
translation_log = side_log("guide.translation", "WARNING")


@event_priority(100)  # before the macros plugin, the search plugin and the other hooks read them
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent
    config_name = Path(config.config_file_path).name
    try:
        edition = chosen_edition(config.theme["language"], list(config.extra.get("translations") or []),
                                 config.site_url)
    except LanguageError as error:
        raise PluginError(f"{config_name}: {error}") from None
    # Every language's words, each file read once: a translation is checked
    # against the source's, and the kiosk's first screen speaks them all.
    catalogs: dict[str, Messages | MessageError] = {}
    for language in edition.languages:
        try:
            catalogs[language] = load_messages(language, _messages_dir(project))
        except MessageError as error:
            catalogs[language] = error
    try:
        names = _guide_names(config, edition, project)  # before a translation changes site_name
        data = load_guide_data(project / "data")
        if not edition.is_source:
            data = _translate(config, edition, project, data, catalogs)
        # A further language's words come from its settings file: an error names both files.
        where = config_name if edition.is_source else \
            f"{config_name} and {language_dir(project, edition.language).relative_to(project).as_posix()}/settings.yml"
        config["guide_settings"] = load_settings(config.extra, where, Path(config.docs_dir))
        config["guide_settings_files"] = where
        for catalog in catalogs.values():
            if isinstance(catalog, MessageError):
                raise catalog
        config["guide_messages"] = catalogs[edition.language]
        # The kiosk's first screen says what the guide is and asks each reader to
        # choose a language, in each language.
        config["guide_language_choice"] = {language: {"guide": names[language], "choose": catalog("languages.choose")}
                                           for language, catalog in catalogs.items()}
    except (SettingsError, DataError, TranslationError, MessageError, IconSetError) as error:
        # A PluginError stops the build with this message and no traceback.
        raise PluginError(str(error)) from None
    config["guide_data"] = data
    config["guide_edition"] = edition
    if not is_real_address(config.site_url):
        notice.info("The web address is still a placeholder (%s), so printouts, handouts and the kiosk "
                    "leave out the address and its QR code. Set SITE_URL to the guide's real address "
                    "when you build, for example: SITE_URL=https://your-clinic.example/guide/ make build",
                    config.site_url)
    return config


def _guide_names(config: MkDocsConfig, edition: LanguageEdition, project: Path) -> dict[str, str]:
    """The guide's name (site_name) in each language: mkdocs.yml's, and each
    translation's settings.yml's."""
    names = {edition.source: config.site_name}
    for language in edition.languages[1:]:
        settings_file = language_dir(project, language) / "settings.yml"
        settings = yaml.safe_load(settings_file.read_text(encoding="utf-8")) if settings_file.is_file() else None
        name = settings.get("site_name") if isinstance(settings, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise TranslationError(language, [Gap(settings_file.relative_to(project).as_posix(), "setting",
                                                  "site_name", language)])
        names[language] = name.strip()
    return names


def _messages_dir(project: Path) -> Path:
    """A guide's own messages/ folder, or the shared one beside the code."""
    own = project / "messages"
    return own if own.is_dir() else MESSAGES_DIR


def _translate(config: MkDocsConfig, edition: LanguageEdition, project: Path, english: GuideData,
               catalogs: dict[str, Messages | MessageError]) -> GuideData:
    """Make this build the ``edition.language`` one: its words in the settings,
    its pages, its data, its address and folder. Every gap is listed at once."""
    language = edition.language
    folder = language_dir(project, language)
    label = folder.relative_to(project).as_posix()
    gaps: list[Gap] = []
    settings_file = folder / "settings.yml"
    if settings_file.is_file():
        gaps += translate_settings(config, yaml.safe_load(settings_file.read_text(encoding="utf-8")),
                                   f"{label}/settings.yml", language)
    else:
        gaps.append(Gap(f"{label}/settings.yml", "the file", "-", language, "file is missing"))
    source, words = catalogs[edition.source], catalogs[language]
    if isinstance(words, MessageError):
        gaps.append(Gap(f"messages/{language}.yml", "the file", "-", language, str(words)))
    elif isinstance(source, Messages):
        gaps += missing_messages(source, words)
    pages = find_page_translations(Path(config.docs_dir), folder / "docs", f"{label}/docs", language)
    gaps += pages.gaps
    data, stale = english, []
    try:
        data, stale = translate_guide_data(english, folder / "data", language, f"{label}/data")
    except TranslationError as error:
        gaps += error.gaps
    if gaps:
        raise TranslationError(language, gaps)
    for translation in [*pages.stale, *stale]:
        translation_log.warning(str(translation))
    config["guide_pages"] = pages
    config.theme["language"] = language
    config["site_url"] = f"{config.site_url.rstrip('/')}/{language}/" if config.site_url else None
    config["site_dir"] = os.path.join(config.site_dir, language)
    return data


def on_files(files, config: MkDocsConfig):
    """In a further language, each page is read from its translation."""
    pages = config.get("guide_pages")
    if pages is not None:
        for file in files.documentation_pages():
            file.abs_src_path = str(pages.sources[file.src_uri])
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """The web edition's sitemap names each page's address in every language
    (the kiosk and the ZIM are nowhere online)."""
    edition = config["guide_edition"]
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if not config["guide_settings"].web or not edition.others() or not edition.root_url or not sitemap.is_file():
        return
    text = sitemap_with_languages(sitemap.read_text(encoding="utf-8"), edition)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.open(sitemap.with_suffix(".xml.gz"), "wt", encoding="utf-8") as packed:
        packed.write(text)


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    """The theme's partials say `t("key")` for an interface word and
    `day | long_date` for a date, in the page's language."""
    messages = config["guide_messages"]
    env.globals["t"] = messages
    env.filters["long_date"] = messages.long_date
    return env
