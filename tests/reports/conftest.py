"""Reading printouts back as a person's PDF viewer would: poppler's pdftotext, plain and with word boxes."""

import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

# Fictional names only, one for each script the issue names.
NAMES = {
    "swedish": "Åsa Öberg-Ängström",
    "somali": "Xaliimo Cabdiraxmaan",
    "arabic": "سارة الحسن",
    "dari": "فرشته احمدی",
    "tigrinya": "ሰላም ተስፋይ",
    "ukrainian": "Олена Коваленко",
}

_XHTML = "{http://www.w3.org/1999/xhtml}"
# Marks pdftotext puts around right-to-left text in its plain output.
_DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


class PdfWord(NamedTuple):
    """One word as pdftotext -bbox reports it: its text in drawing order and its box on the page."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page: int


def _pdftotext() -> str:
    executable = shutil.which("pdftotext")
    if executable is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed")
    return executable


def readable(text: str) -> str:
    """Text as a reader compares it: presentation forms folded to letters (NFKC), direction marks gone."""
    return unicodedata.normalize("NFKC", text).translate(_DIRECTION_MARKS)


@pytest.fixture
def names() -> dict[str, str]:
    return dict(NAMES)


@pytest.fixture
def pdf_text() -> Callable[..., str]:
    """pdftotext's plain text of a PDF, or of one page of it."""
    executable = _pdftotext()

    def read(path: Path, page: int | None = None) -> str:
        pages = ["-f", str(page), "-l", str(page)] if page is not None else []
        result = subprocess.run(
            [executable, "-enc", "UTF-8", *pages, str(path), "-"],
            check=True,
            capture_output=True,
        )
        return result.stdout.decode("utf-8")

    return read


@pytest.fixture
def pdf_words() -> Callable[[Path], list[PdfWord]]:
    """Every word of a PDF with its bounding box (x grows to the right), from pdftotext -bbox."""
    executable = _pdftotext()

    def read(path: Path) -> list[PdfWord]:
        result = subprocess.run(
            [executable, "-enc", "UTF-8", "-bbox", str(path), "-"], check=True, capture_output=True
        )
        root = ElementTree.fromstring(result.stdout)
        words: list[PdfWord] = []
        for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
            for word in page.iter(f"{_XHTML}word"):
                words.append(
                    PdfWord(
                        word.text or "",
                        float(word.attrib["xMin"]),
                        float(word.attrib["yMin"]),
                        float(word.attrib["xMax"]),
                        float(word.attrib["yMax"]),
                        number,
                    )
                )
        return words

    return read


@pytest.fixture
def as_read() -> Callable[[str], str]:
    """The readable() normalisation, for tests to compare extracted text with what was typed."""
    return readable
