#!/usr/bin/env bash
# Install the Debian/Ubuntu packages Qt and the PDF checks need on a fresh
# machine. Runs apt-get as root, or through sudo when that is available;
# prints what to install by hand otherwise.
#   --display   also install the X11/xcb libraries for a real window
set -euo pipefail

packages=(
  python3 python3-venv
  libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  fonts-dejavu-core poppler-utils
  # The sync tests start a throwaway PostgreSQL cluster with initdb and pg_ctl.
  postgresql
)
if [[ "${1:-}" == "--display" ]]; then
  packages+=(
    libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  )
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Missing system packages: ${missing[*]}. Install them as root and run this again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
