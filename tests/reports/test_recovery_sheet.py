"""The recovery sheet says the register is encrypted, where it is, when it was printed and what a lost
passphrase means, with a box for the passphrase written by hand; it is marked confidential."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from biv_desktop.reports.recovery_sheet import write_recovery_sheet


def test_the_recovery_sheet_has_the_facts_a_box_and_no_passphrase(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    register = tmp_path / "Kansliet" / "biv-register.sqlite"
    pdf = write_recovery_sheet(tmp_path / "blad.pdf", register, dt.date(2026, 12, 3))
    text = " ".join(pdf_text(pdf).split())
    assert "Konfidentiellt" in text
    assert "krypterad" in text
    assert "biv-register.sqlite" in text and "Kansliet" in text
    assert "2026-12-03" in text
    assert "förlorade uppgifter" in text
    assert "Lösenfras (skriv för hand):" in text
    assert "Sida 1 av 1" in text
