"""The program's icon: one SVG source, and the PNG sizes and Windows .ico made from it, all committed."""

import struct
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
ICONS = CHECKOUT / "resources" / "icons"
ICO = CHECKOUT / "packaging" / "windows" / "biv-desktop.ico"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_svg_source_is_a_square_svg() -> None:
    text = (ICONS / "biv-desktop.svg").read_text(encoding="utf-8")
    assert "<svg" in text
    assert 'viewBox="0 0 256 256"' in text


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_size_is_there_at_its_size(size: int) -> None:
    assert _png_size(ICONS / f"biv-desktop-{size}.png") == (size, size)


def test_the_windows_icon_holds_the_sizes_windows_asks_for() -> None:
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an .ico file"
    sizes = set()
    for index in range(count):
        width, height = data[6 + 16 * index], data[7 + 16 * index]
        sizes.add((width or 256, height or 256))  # 0 means 256 in an ICONDIR entry
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes


def test_the_icon_ships_in_the_wheel() -> None:
    pyproject = (CHECKOUT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources/icons" = "biv_desktop/resources/icons"' in pyproject
