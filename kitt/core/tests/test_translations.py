"""The English catalogue is complete and the committed .mo is compiled from the committed .po."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "kitt" / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


@pytest.fixture(autouse=True)
def _gettext_tools():
    assert shutil.which("msgfmt"), "the gettext tools are needed (apt-get install gettext)"


def test_every_string_is_translated_and_none_is_fuzzy():
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(PO)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(PO)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "msgid" not in untranslated
    assert "msgid" not in fuzzy


def test_the_committed_mo_matches_the_po(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(PO)], check=True)
    assert fresh.read_bytes() == MO.read_bytes(), "run `make messages` and commit the .mo"


def test_english_is_served_from_the_catalogue():
    with translation.override("en"):
        assert translation.gettext("Logga in") == "Log in"
        assert translation.gettext("Hoppa till innehållet") == "Skip to content"
