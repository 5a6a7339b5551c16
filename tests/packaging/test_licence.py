"""The licence pyproject names is the one in LICENSE: the full text of the GNU GPL version 3."""

import hashlib
import tomllib
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
# SHA-256 of the GPL v3 text as the FSF publishes it (and Debian keeps it in /usr/share/common-licenses/GPL-3).
GPL_3_SHA256 = "3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986"


def test_pyproject_names_gpl_3_or_later() -> None:
    project = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "GPL-3.0-or-later"


def test_license_is_the_full_gpl_3_text() -> None:
    text = (CHECKOUT / "LICENSE").read_bytes()
    assert text.startswith(
        b"                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007"
    )
    assert hashlib.sha256(text).hexdigest() == GPL_3_SHA256
