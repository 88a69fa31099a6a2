"""Detect a data folder inside a cloud-synced or network folder.

SQLite's WAL mode needs shared memory between processes on one machine,
which network file systems do not provide, and sync clients (Dropbox,
OneDrive, iCloud Drive, Google Drive) upload the database and its -wal file
separately, so another machine can receive a mismatched pair. In such a
folder the app warns the user and uses the rollback journal (``DELETE``)
instead of WAL.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

log = logging.getLogger(__name__)

# Folder names the sync clients create, compared case-insensitively with
# each component of the path. "Mobile Documents" is iCloud Drive on macOS.
SYNC_FOLDER_MARKERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "synologydrive": "Synology Drive",
}
# Prefixes such as "OneDrive - Contoso" (business accounts) and "Dropbox (Contoso)".
SYNC_FOLDER_PREFIXES = {"onedrive - ": "OneDrive", "dropbox (": "Dropbox"}
NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "9p", "ncpfs", "davfs", "fuse.sshfs",
    "fuse.rclone", "fuse.davfs2", "fuse.gvfsd-fuse", "fuse.s3fs", "afs", "ceph", "glusterfs",
}  # fmt: skip
PROC_MOUNTS = Path("/proc/mounts")


@dataclass(frozen=True)
class CloudFolder:
    """Where the database lives, when that place is unsafe for WAL."""

    kind: str  # "sync" or "network"
    # The sync service ("Dropbox") or the network place ("cifs, /mnt/team",
    # "SMB", "Z:\\"): names, never sentence parts, so any language can use them.
    provider: str

    def warning(self) -> str:
        """Return the plain-words warning shown to the user."""
        if self.kind == "sync":
            return (
                f"Your data folder is inside {self.provider}. Sync services can copy the "
                "database while it is being written and damage it. Move the data folder "
                "out of it (set CSM_DESKTOP_DATA_DIR or use --db) and rely on the app's "
                "backups instead. Until then the app uses a slower, safer journal mode."
            )
        return (
            f"Your data folder is on a network share ({self.provider}). SQLite cannot lock "
            "files reliably there, so two computers could damage the database. Move it to "
            "a local disk. Until then the app uses a slower, safer journal mode."
        )


def detect_cloud_folder(path: Path, *, mounts_text: str | None = None) -> CloudFolder | None:
    """Return where ``path`` is synced or shared, or None for a local, unsynced folder.

    ``mounts_text`` replaces the contents of ``/proc/mounts`` in tests.
    """
    synced = _sync_provider(PurePath(path))
    if synced is not None:
        return CloudFolder("sync", synced)

    if sys.platform == "win32":
        return _windows_network(path)
    if mounts_text is None:
        try:
            mounts_text = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            # NOTE: macOS has no /proc/mounts, so only folder names are checked there.
            return None
    return _network_mount(path, mounts_text)


def _sync_provider(path: PurePath) -> str | None:
    for part in path.parts:
        lowered = part.lower()
        if lowered in SYNC_FOLDER_MARKERS:
            return SYNC_FOLDER_MARKERS[lowered]
        for prefix, provider in SYNC_FOLDER_PREFIXES.items():
            if lowered.startswith(prefix):
                return provider
    return None


def _network_mount(path: Path, mounts_text: str) -> CloudFolder | None:
    """Find the mount point containing ``path`` (longest prefix) and check its type."""
    target = str(path)
    best_point = ""
    best_type = ""
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best_point):
            best_point, best_type = point, fields[2]
    if best_type in NETWORK_FILESYSTEMS:
        return CloudFolder("network", f"{best_type}, {best_point}")
    return None


def _windows_network(path: Path) -> CloudFolder | None:
    text = str(path)
    if text.startswith("\\\\"):
        return CloudFolder("network", "SMB")
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    drive_remote = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote:  # type: ignore[attr-defined]
        return CloudFolder("network", drive)
    return None
