"""A register in a cloud-synchronised or network folder is recognised, so the window can warn once."""

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from biv_desktop.services.register import backup as backup_service
from biv_desktop.store.lock import SharedFolder, shared_folder_kind

MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
fileserver:/export/kansli /mnt/kansli nfs4 rw,relatime 0 0
/dev/sdb1 /mnt/kansli/lokal ext4 rw 0 0
//fs01/delad /mnt/delad\\040mapp cifs rw 0 0
anna@laptop:/home /mnt/fjarr fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    "path",
    [
        PurePosixPath("/home/anna/Dropbox/BIV/biv-register.sqlite"),
        PurePosixPath("/home/anna/OneDrive - Linköpings kommun/biv-register.sqlite"),
        PurePosixPath("/Users/anna/Library/CloudStorage/OneDrive-Personal/biv.sqlite"),
        PurePosixPath("/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.org/My Drive/biv.sqlite"),
        PurePosixPath("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/biv.sqlite"),
        PureWindowsPath(r"C:\Users\anna\iCloudDrive\biv.sqlite"),
        PureWindowsPath(r"G:\Min enhet\biv.sqlite"),
        PureWindowsPath(r"C:\Users\anna\Google Drive\biv.sqlite"),
    ],
)
def test_folders_that_sync_clients_make_are_cloud_folders(path: PurePosixPath | PureWindowsPath) -> None:
    assert shared_folder_kind(path, mounts=MOUNTS, environ={}) is SharedFolder.CLOUD


def test_a_renamed_onedrive_folder_is_found_through_its_variable() -> None:
    environ = {"OneDriveCommercial": r"C:\Users\anna\Svenska kyrkan"}
    inside = PureWindowsPath(r"C:\Users\anna\Svenska kyrkan\Dokument\biv.sqlite")
    beside = PureWindowsPath(r"C:\Users\anna\Dokument\biv.sqlite")
    assert shared_folder_kind(inside, mounts="", environ=environ) is SharedFolder.CLOUD
    assert shared_folder_kind(beside, mounts="", environ=environ) is None


@pytest.mark.parametrize(
    "path",
    [
        PureWindowsPath(r"\\kansli-fs\delat\biv.sqlite"),
        PurePosixPath("/mnt/kansli/biv/biv.sqlite"),
        PurePosixPath("/mnt/delad mapp/biv.sqlite"),  # /proc/mounts writes the space as \040
        PurePosixPath("/mnt/fjarr/anna/biv.sqlite"),
    ],
)
def test_network_shares_and_network_file_systems_are_network_folders(
    path: PurePosixPath | PureWindowsPath,
) -> None:
    assert shared_folder_kind(path, mounts=MOUNTS, environ={}) is SharedFolder.NETWORK


@pytest.mark.parametrize(
    "path",
    [
        PurePosixPath("/home/anna/.local/share/BIV Desktop/biv-register.sqlite"),
        PurePosixPath("/home/anna/Dokument/dropp/biv.sqlite"),
        PurePosixPath("/mnt/kansli/lokal/biv.sqlite"),  # a local disk mounted inside the share
        PureWindowsPath(r"C:\Users\anna\AppData\Local\BIV Desktop\biv-register.sqlite"),
    ],
)
def test_local_folders_are_not_shared(path: PurePosixPath | PureWindowsPath) -> None:
    assert shared_folder_kind(path, mounts=MOUNTS, environ={}) is None


def test_the_warning_for_a_cloud_folder_says_what_to_do(tmp_path: Path) -> None:
    warning = backup_service.shared_folder_warning(tmp_path / "Dropbox" / "biv-register.sqlite")
    assert warning is not None
    assert "molntjänst" in warning and "Flytta databasen" in warning
    assert backup_service.shared_folder_warning(tmp_path / "biv-register.sqlite") is None


def test_the_warning_for_a_network_folder_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_service, "shared_folder_kind", lambda _path: SharedFolder.NETWORK)
    warning = backup_service.shared_folder_warning(Path("/mnt/kansli/biv.sqlite"))
    assert warning is not None
    assert "nätverksenhet" in warning and "Flytta databasen" in warning
