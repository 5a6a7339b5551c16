"""Files sealed with a passphrase: backups and exports that leave the computer (on a USB stick, say).

The format is age (https://age-encryption.org/v1), written with ``pyrage`` using age's passphrase
(scrypt) recipient, so a file can also be opened without this program by the standard tool::

    age --decrypt -o biv-kopia.sqlite biv-sakerhetskopia-2026-12-03.sqlite.age

A sealed file is, in age's own words:

- a text header: the line ``age-encryption.org/v1``; one stanza ``-> scrypt SALT N`` (a random 16-byte
  salt and the scrypt work factor, 2^N) holding the file key wrapped with the key scrypt derives from the
  passphrase; and a line ``--- MAC``, an HMAC over the header with a key from the file key;
- the payload: a random 16-byte nonce, then the plain bytes in 64 KiB chunks, each sealed with
  ChaCha20-Poly1305 (the last chunk marked as last), so a truncated or altered file fails to open
  instead of giving part of the data.

Inside is exactly what a plain file would hold: a SQLite backup, or the JSON export's UTF-8 text. The
whole file is sealed and opened in memory; a register is a few megabytes.
"""

import os
from pathlib import Path

from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.database import is_special_file
from biv_desktop.store.errors import DamagedSealedFileError, StoreError, WrongPassphraseError

MAGIC = b"age-encryption.org/v1\n"
SUFFIX = ".age"
SHORTEST_PASSPHRASE = 8
PASSPHRASE_FIELD = "passphrase"


def is_sealed(path: Path) -> bool:
    """Whether ``path`` is a file in the age format (sealed with a passphrase or otherwise).

    A named pipe or a device is not, and is never opened here (reading a pipe would wait for ever).
    """
    if is_special_file(path):
        return False
    try:
        with path.open("rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_new_passphrase(passphrase: str, again: str | None = None) -> None:
    """Refuse a new passphrase that is too short, or not typed the same twice (``again``)."""
    if len(passphrase) < SHORTEST_PASSPHRASE:
        raise ValidationError(
            PASSPHRASE_FIELD,
            f"Lösenfrasen måste ha minst {SHORTEST_PASSPHRASE} tecken. Gärna några ord i rad, som du "
            "kommer ihåg men ingen annan gissar.",
        )
    if again is not None and again != passphrase:
        raise ValidationError(
            PASSPHRASE_FIELD, "Lösenfraserna är inte likadana. Skriv samma lösenfras två gånger."
        )


def seal(data: bytes, passphrase: str) -> bytes:
    """``data`` sealed with ``passphrase`` (see the module's description)."""
    check_new_passphrase(passphrase)
    import pyrage  # when a file is sealed: the window's start only asks whether a file is sealed

    return bytes(pyrage.passphrase.encrypt(data, passphrase))


def unseal(data: bytes, passphrase: str, path: Path) -> bytes:
    """The plain bytes of the sealed file ``path`` (whose content is ``data``).

    Raises WrongPassphraseError or DamagedSealedFileError with a Swedish sentence; the passphrase itself
    is never part of a message.
    """
    if not data.startswith(MAGIC):
        raise DamagedSealedFileError(
            f"Filen {path} är ingen krypterad fil från BIV Desktop, eller så är början av den skadad.", path
        )
    import pyrage

    try:
        return bytes(pyrage.passphrase.decrypt(data, passphrase))
    except pyrage.DecryptError as error:
        # age says "Decryption failed" when no stanza opens with the key: the passphrase is not this file's.
        if str(error) == "Decryption failed":
            raise WrongPassphraseError(
                f"Lösenfrasen stämmer inte för {path.name}. Försök igen; tänk på stora och små bokstäver. "
                "Ingenting har ändrats.",
                path,
            ) from None
        raise DamagedSealedFileError(
            f"Filen {path} är skadad eller inte hel (kanske avbröts kopieringen) och går inte att öppna. "
            "Välj en annan fil; ingenting har ändrats.",
            path,
        ) from None


def read_sealed(path: Path, passphrase: str) -> bytes:
    """The plain bytes of the sealed file at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StoreError(
            f"Filen {path} går inte att läsa. Kontrollera behörigheterna eller välj en annan fil.", path
        ) from error
    return unseal(data, passphrase, path)


def write_private_file(destination: Path, data: bytes) -> None:
    """Write ``data`` whole under ``destination`` (mode 0600) or not at all: a half file never gets the name."""
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
