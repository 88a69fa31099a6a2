#!/usr/bin/env bash
# Build the Linux one-folder app with PyInstaller and pack it as a tarball.
#   bash packaging/build_linux.sh [DIST_DIR]      (default: dist/)
# Result: DIST_DIR/csm-desktop/ (run ./csm-desktop inside it) and
# DIST_DIR/csm-desktop-VERSION-linux-ARCH.tar.gz. The folder also holds
# share/ with the .desktop file, AppStream metadata and icons, laid out like
# /usr/share so it can be copied to ~/.local/share or /usr/local/share.
set -euo pipefail
cd "$(dirname "$0")/.."

dist_dir=$(realpath -m "${1:-dist}")
work_dir="$dist_dir/.pyinstaller-work"
python=.venv/bin/python
if [[ ! -x "$python" ]]; then
  echo "error: .venv is missing; run: bash scripts/setup-venv.sh packaging" >&2
  exit 1
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "error: PyInstaller is not installed; run: bash scripts/setup-venv.sh packaging" >&2
  exit 1
fi

# Translations and icons are committed; rebuild the .qm so a bundle never
# ships a stale one.
"$python" scripts/build_translations.py --no-update

QT_QPA_PLATFORM=offscreen "$python" -m PyInstaller --noconfirm --clean \
  --distpath "$dist_dir" --workpath "$work_dir" packaging/csm-desktop.spec

app_dir="$dist_dir/csm-desktop"
share="$app_dir/share"
install -D -m 644 packaging/linux/csm-desktop.desktop "$share/applications/csm-desktop.desktop"
install -D -m 644 packaging/linux/csm-desktop.metainfo.xml "$share/metainfo/csm-desktop.metainfo.xml"
install -D -m 644 resources/icons/csm-desktop.svg "$share/icons/hicolor/scalable/apps/csm-desktop.svg"
for png in resources/icons/csm-desktop-*.png; do
  size=${png##*-}
  size=${size%.png}
  install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/csm-desktop.png"
done

version=$("$python" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
tarball="$dist_dir/csm-desktop-$version-linux-$(uname -m).tar.gz"
tar -C "$dist_dir" -czf "$tarball" csm-desktop
echo "Built $app_dir"
echo "Packed $tarball"
