#!/usr/bin/env bash
# Makes the icon's PNG sizes and the Windows .ico from the one SVG source, resources/icons/biv-desktop.svg.
# The results are committed (so neither the build nor CI needs these tools); run this again after editing
# the SVG. Needs rsvg-convert (Debian: librsvg2-bin) and icotool (Debian: icoutils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SOURCE=resources/icons/biv-desktop.svg
SIZES=(16 24 32 48 64 128 256)
for size in "${SIZES[@]}"; do
    rsvg-convert --width "$size" --height "$size" "$SOURCE" --output "resources/icons/biv-desktop-$size.png"
done
# Windows shows 16–48 in lists and menus and 256 on large tiles; the 256 entry is stored as PNG.
icotool --create --output packaging/windows/biv-desktop.ico \
    resources/icons/biv-desktop-{16,24,32,48}.png --raw=resources/icons/biv-desktop-256.png
echo "made ${#SIZES[@]} PNG sizes and packaging/windows/biv-desktop.ico from $SOURCE"
