"""The `extra` settings and the message catalogs are checked when they load, and
every mistake is named with what is allowed."""
from __future__ import annotations

import pytest

from macros.messages import MessageError, load_messages
from macros.settings import SettingsError, load_settings

from conftest import CONFIG


def settings_error(**changes) -> str:
    extra = {**CONFIG["extra"], **changes}
    with pytest.raises(SettingsError) as caught:
        load_settings(extra, "mkdocs.yml")
    return str(caught.value)


def test_real_settings_load():
    settings = load_settings(CONFIG["extra"], "mkdocs.yml")
    assert settings.kiosk is None and settings.review.overdue in ("warn", "error")


def test_wrong_overdue_action_names_setting_value_and_choices():
    message = settings_error(review={"cycle_months": 12, "overdue": "sometimes"})
    assert "mkdocs.yml:" in message
    assert "extra.review.overdue must be 'warn' or 'error' (got 'sometimes')" in message


def test_kiosk_times_are_whole_seconds_with_time_to_answer():
    message = settings_error(kiosk={"idle_seconds": 120, "answer_seconds": 10})
    assert "extra.kiosk.answer_seconds must be a whole number, at least 20 (got 10)" in message
    message = settings_error(kiosk={"idle_seconds": "2 minutes", "answer_seconds": 30})
    assert "extra.kiosk.idle_seconds" in message and "'2 minutes'" in message


def test_misspelt_and_missing_settings_are_named():
    extra = {k: v for k, v in CONFIG["extra"].items() if k != "disclaimer"}
    extra["kiosk"] = {"idle_seconds": 120, "answer_seconds": 30, "idle_secs": 5}
    with pytest.raises(SettingsError) as caught:
        load_settings(extra, "mkdocs-kiosk.yml")
    message = str(caught.value)
    assert "extra.disclaimer is missing" in message
    assert "extra.kiosk.idle_secs is not a setting (did you mean extra.kiosk.idle_seconds?)" in message


def test_an_unknown_top_level_setting_stops_the_build_naming_the_closest():
    # A misspelt clinic would send the handouts out without the clinic's details.
    message = settings_error(clinc={"name": "Riverside", "phone": "(555) 010-4477"})
    assert "extra.clinc is not a setting (did you mean extra.clinic?)" in message
    assert "extra.hotline is not a setting (check the spelling)" in settings_error(hotline="911")
    # Material's own names are known, ours nested too.
    assert "did you mean extra.polyfills?" in settings_error(polyfill=[])
    assert "extra.clinic.phne is not a setting (did you mean extra.clinic.phone?)" in settings_error(
        clinic={"name": "Riverside", "phone": "(555) 010-4477", "phne": "1"})


def test_feedback_must_be_a_web_or_email_address():
    message = settings_error(feedback="call us")
    assert "extra.feedback must be a web address (https://...) or an email address (mailto:...)" in message


def test_settings_our_code_does_not_read_pass_through():
    assert load_settings({**CONFIG["extra"], "alternate": [{"name": "English"}]}, "mkdocs.yml")


def write_catalog(tmp_path, text: str):
    (tmp_path / "xx.yml").write_text(text)
    return tmp_path


def test_a_catalog_must_hold_texts_or_plural_forms(tmp_path):
    folder = write_catalog(tmp_path, "page_foot:\n  label: [a, b]\n  count:\n    one: x\n")
    with pytest.raises(MessageError) as caught:
        load_messages("xx", folder)
    message = str(caught.value)
    assert "messages/xx.yml" in message and "page_foot.label" in message and "page_foot.count" in message


def test_a_language_without_a_catalog_is_named(tmp_path):
    with pytest.raises(MessageError, match="no message file for language 'xx'"):
        load_messages("xx", tmp_path)


def test_plural_forms_follow_the_languages_rules(tmp_path):
    folder = write_catalog(tmp_path, "a:\n  n:\n    one: '{count} month'\n    other: '{count} months'\n")
    messages = load_messages("xx", folder)
    assert messages.forms("a.n") == {"one": "{count} month", "other": "{count} months"}


def test_english_catalog_loads_with_plural_forms():
    messages = load_messages("en")
    assert str(messages("publishing.review_cycle_text", count=1)).startswith("each page is due for a clinical review every month.")
    assert "every 12 months" in str(messages("publishing.review_cycle_text", count=12))


CLINIC = {"name": "Riverside Bone Clinic", "phone": "(555) 010-4477"}


def test_a_clinic_needs_a_name_and_a_real_phone_number():
    message = settings_error(clinic={**CLINIC, "name": "  ", "phone": "call us"})
    assert "extra.clinic.name" in message
    assert "extra.clinic.phone must be a phone number" in message and "'call us'" in message
    settings = load_settings({**CONFIG["extra"], "clinic": CLINIC}, "mkdocs.yml")
    assert settings.clinic.phone_link == "tel:5550104477"


def test_a_clinic_logo_must_be_a_file_under_docs(tmp_path):
    with pytest.raises(SettingsError) as caught:
        load_settings({**CONFIG["extra"], "clinic": {**CLINIC, "logo": "assets/clinic.png"}}, "mkdocs.yml", tmp_path)
    assert "extra.clinic.logo must be a file under docs/ (got 'assets/clinic.png'" in str(caught.value)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "clinic.png").write_bytes(b"png")
    assert load_settings({**CONFIG["extra"], "clinic": {**CLINIC, "logo": "assets/clinic.png"}}, "mkdocs.yml",
                         tmp_path).clinic.logo == "assets/clinic.png"


def test_no_clinic_and_no_feedback_route_until_they_are_set():
    settings = load_settings({**CONFIG["extra"], "feedback": ""}, "mkdocs.yml")
    assert settings.clinic is None and settings.feedback is None


def test_emergency_number_is_two_to_six_digits_in_quotes():
    assert load_settings({**CONFIG["extra"], "emergency_number": "112"}, "mkdocs.yml").emergency_number == "112"
    assert load_settings({**CONFIG["extra"], "emergency_number": ""}, "mkdocs.yml").emergency_number is None
    for wrong in (911, "9-1-1", "1", "1234567"):
        message = settings_error(emergency_number=wrong)
        assert ('extra.emergency_number must be 2 to 6 digits in quotes, such as "911", "112" or "000" '
                f"(got {wrong!r})") in message
