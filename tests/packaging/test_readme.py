"""The README: the coordinator's part in Swedish first, its pictures committed, and two set-up commands."""

import re
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
README = (CHECKOUT / "README.md").read_text(encoding="utf-8")


def test_the_users_part_comes_first_and_is_swedish() -> None:
    headings = re.findall(r"^## (.+)$", README, flags=re.MULTILINE)
    assert headings[:4] == [
        "Vad programmet gör",
        "Installera på Windows",
        "Första starten",
        "Dina uppgifter och säkerhetskopiorna",
    ]
    user_part = README.split("## About the program", 1)[0]
    for words in ("installationsprogram", "Installerade appar", "AppData\\Local\\BIV Desktop", "backups"):
        assert words in user_part, words


def test_every_picture_the_readme_shows_is_committed() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert "resources/screenshots/om-programmet.png" in pictures
    for picture in pictures:
        assert (CHECKOUT / picture).is_file(), picture


def test_exactly_two_set_up_commands_one_starts_one_tests() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    assert len(commands) == 2
    starts, tests = commands
    assert starts.endswith(".venv/bin/biv-desktop") and "pip install ." in starts
    assert tests.endswith(".venv/bin/pytest") and "pip install '.[test]'" in tests


def test_the_installer_file_name_in_the_readme_is_the_one_the_script_makes() -> None:
    from biv_desktop import __version__

    nsi = (CHECKOUT / "packaging" / "windows" / "biv-desktop.nsi").read_text(encoding="utf-8-sig")
    assert 'OutFile "${OUTDIR}\\BIV-Desktop-${VERSION}-installation.exe"' in nsi
    assert f"`BIV-Desktop-{__version__}-installation.exe`" in README
