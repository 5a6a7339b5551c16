"""The Linux desktop entry and AppStream metadata: valid for the validators and true to the program."""

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from biv_desktop import __version__

CHECKOUT = Path(__file__).resolve().parents[2]
LINUX = CHECKOUT / "packaging" / "linux"
APP_ID = "se.linkoping.biv_desktop"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pyproject() -> dict[str, object]:
    return tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["project"]  # type: ignore[no-any-return]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


def _by_language(root: ET.Element, tag: str) -> dict[str | None, str]:
    return {element.get(XML_LANG): (element.text or "").strip() for element in root.findall(tag)}


def _run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        package = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}[command[0]]
        pytest.skip(f"{command[0]} is not installed (Debian package {package}); .ci/run installs it")
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = _run_validator("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = _run_validator("appstreamcli", "validate", "--no-net", str(METAINFO_FILE))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_starts_the_installed_command() -> None:
    entry = _desktop_entry()
    scripts = _pyproject()["scripts"]
    assert isinstance(scripts, dict)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "BIV Desktop"
    assert entry["Exec"].split()[0] in scripts
    assert "Office" in entry["Categories"].split(";")
    assert "Barn i väntan" in entry["Comment"]
    assert entry["Terminal"] == "false"


def test_metainfo_describes_this_program() -> None:
    root = _metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_FILE.stem == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == _pyproject()["license"] == "GPL-3.0-or-later"
    assert root.findtext("name") == _desktop_entry()["Name"]
    launchable = root.find("launchable")
    assert launchable is not None
    assert (launchable.get("type"), launchable.text) == ("desktop-id", DESKTOP_FILE.name)
    assert [binary.text for binary in root.findall("provides/binary")] == list(_pyproject()["scripts"])  # type: ignore[call-overload]


def test_metainfo_speaks_swedish_and_english() -> None:
    root = _metainfo()
    summaries = _by_language(root, "summary")
    assert set(summaries) == {None, "sv"}
    assert all(summaries.values())
    paragraphs = root.findall("description/p")
    languages = [paragraph.get(XML_LANG) for paragraph in paragraphs]
    assert languages.count(None) == languages.count("sv") >= 1
    swedish = " ".join((paragraph.text or "") for paragraph in paragraphs if paragraph.get(XML_LANG) == "sv")
    assert "Barn i väntan" in swedish


def test_metainfo_release_is_this_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo names no release"
    newest = releases[0]
    assert newest.get("version") == __version__
    if __version__ == "0.1.0":
        assert newest.get("date") == "2026-11-25"


def test_desktop_entry_and_metainfo_name_the_programs_icon() -> None:
    # Installed as icons/hicolor/scalable/apps/<app id>.svg from the one committed source.
    assert _desktop_entry()["Icon"] == APP_ID
    icon = _metainfo().find("icon")
    assert icon is not None
    assert (icon.get("type"), icon.text) == ("stock", APP_ID)
    assert (CHECKOUT / "resources" / "icons" / "biv-desktop.svg").is_file()


def test_metainfo_links_the_homepage_and_todays_screenshots() -> None:
    root = _metainfo()
    urls = _pyproject()["urls"]
    assert isinstance(urls, dict)
    homepage = root.find("url[@type='homepage']")
    assert homepage is not None and homepage.text == urls["Homepage"]
    images = [(image.text or "").strip() for image in root.findall("screenshots/screenshot/image")]
    assert len(images) >= 2
    assert [shot.get("type") for shot in root.findall("screenshots/screenshot")].count("default") == 1
    for image in images:
        # Each picture is a committed file, linked at the repository's main branch.
        assert image.startswith("https://raw.githubusercontent.com/"), image
        relative = image.split("/main/", 1)[1]
        assert relative.startswith("resources/screenshots/")
        assert (CHECKOUT / relative).is_file(), relative
