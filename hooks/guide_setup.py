"""MkDocs hooks: check the guide's settings when the config loads, and give the
theme's templates the guide's interface words.

The settings model and the message catalogs live in the ``macros`` package; the
validated settings and the words are kept on the config, where the macros
module and the other hooks read them.
"""
from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.build_log import side_log  # noqa: E402
from macros.messages import load_messages  # noqa: E402
from macros.preparing import is_real_address  # noqa: E402
from macros.settings import SettingsError, load_settings  # noqa: E402

# Said once a build, beside MkDocs' log so that `--strict` still builds.
notice = side_log("guide.notice", "NOTE")


@event_priority(100)  # before the macros plugin and the other hooks read them
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        config["guide_settings"] = load_settings(config.extra, Path(config.config_file_path).name,
                                                 Path(config.docs_dir))
    except SettingsError as error:
        raise PluginError(str(error)) from None
    config["guide_messages"] = load_messages(config.theme["language"])
    if not is_real_address(config.site_url):
        notice.info("The web address is still a placeholder (%s), so printouts, handouts and the kiosk "
                    "leave out the address and its QR code. Set SITE_URL to the guide's real address "
                    "when you build, for example: SITE_URL=https://your-clinic.example/guide/ make build",
                    config.site_url)
    return config


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    """The theme's partials say `t("key")` for an interface word and
    `day | long_date` for a date, in the page's language."""
    messages = config["guide_messages"]
    env.globals["t"] = messages
    env.filters["long_date"] = messages.long_date
    return env
