"""What keeps the data safe when the window starts: one program per register, a damaged register met
with its newest good backup, a warning for a shared folder, and the automatic backup."""

import logging
import sys
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from biv_desktop.paths import backups_dir
from biv_desktop.services import register
from biv_desktop.store.database import Database
from biv_desktop.store.errors import DamagedDatabaseError, StoreError
from biv_desktop.ui.backup.actions import checked_backup, confirm_other_register
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.common.worker import Task, TaskCancelled, run_with_progress
from biv_desktop.ui.opening import choose_database_file, open_register_at_start

tr = translator("Backup")

log = logging.getLogger(__name__)
STATUS_SECONDS = 8


def _ask(parent: QWidget | None, title: str, text: str, informative: str, buttons: list[str]) -> str:
    """A warning with the given buttons (the last one is Esc); the text of the one pressed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    made = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons[:-1]]
    made.append(box.addButton(buttons[-1], QMessageBox.ButtonRole.RejectRole))
    box.setDefaultButton(made[0])
    box.setEscapeButton(made[-1])
    box.exec()
    pressed = box.clickedButton()
    return next(
        (label for label, button in zip(buttons, made, strict=True) if button is pressed), buttons[-1]
    )


def _choose_backup(
    path: Path, folder: Path, parent: QWidget | None, opened: ExitStack
) -> tuple[Path, bool] | None:
    """Ask for a backup to restore over the damaged register ``path``, check it, and ask again if it is
    another register's. The file and whether the user said yes to another register; None to go back.
    A sealed backup is opened with its passphrase; its opened copy lives until ``opened`` closes."""
    own = register.backups_folder(path, folder)
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        tr("Välj säkerhetskopian att återställa"),
        str(own if own.is_dir() else path.parent),
        tr("BIV Desktop-säkerhetskopior (*.age *.sqlite);;Alla filer (*)"),
    )
    if not chosen:
        return None
    if register.is_sealed(Path(chosen)):
        sealed = checked_backup(parent, tr("Återställ från säkerhetskopia"), Path(chosen), path, opened)
        if sealed is None:
            return None
        summary = sealed
    else:
        try:
            summary = register.check_backup(Path(chosen))
        except StoreError as failure:
            _ask(parent, tr("Säkerhetskopian kan inte återställas"), failure.message, "", [tr("OK")])
            return None
    other = register.other_register(path, summary.path, folder)
    if other is not None and not confirm_other_register(parent, other):
        return None
    return summary.path, other is not None


def _restore_newest(path: Path, error: DamagedDatabaseError, parent: QWidget | None) -> bool | None:
    """Offer the newest good backup of a damaged register, or one the user chooses (from a USB stick, say).
    True: restored; False: quit; None: not restored."""
    with ExitStack() as opened:
        return _offer_backups(path, error, parent, opened)


def _offer_backups(
    path: Path, error: DamagedDatabaseError, parent: QWidget | None, opened: ExitStack
) -> bool | None:
    folder = backups_dir()
    newest = register.newest_good_backup(path, folder)
    restore, choose = tr("Återställ säkerhetskopian"), tr("Välj en säkerhetskopia…")
    other, quit_ = tr("Välj en annan fil…"), tr("Avsluta")
    kept = tr("Den skadade filen flyttas till mappen med säkerhetskopior, så ingenting tas bort.")
    if newest is not None:
        informative = tr(
            "Den senaste hela säkerhetskopian är från {when}. Vill du återställa den? Det som ändrats efter "
            "det går förlorat."
        ).format(when=newest.taken_label)
        buttons = [restore, choose, other, quit_]
    else:
        informative = tr(
            "Det finns ingen hel säkerhetskopia av den här databasen i mappen med säkerhetskopior. Välj en "
            "säkerhetskopia att återställa, till exempel från ett USB-minne, eller en annan databas."
        )
        buttons = [choose, other, quit_]
    answer = _ask(parent, tr("Databasen är skadad"), error.message, informative + " " + kept, buttons)
    if answer == quit_:
        return False
    if answer == other:
        return None
    if answer == choose:
        picked = _choose_backup(path, folder, parent, opened)
        if picked is None:
            return None
        source, confirmed = picked
    else:
        assert newest is not None
        source, confirmed = newest.path, False
    try:
        run_with_progress(
            parent,
            tr("Återställ från säkerhetskopia"),
            tr("Återställer databasen från säkerhetskopian…"),
            lambda progress: register.restore_file(
                path, source, folder, progress=progress, other_register_confirmed=confirmed
            ),
            cancellable=False,
        )
    except (StoreError, TaskCancelled) as failure:
        _ask(parent, tr("Återställningen misslyckades"), str(failure), "", [tr("OK")])
        return None
    log.info("Restored a good backup over a damaged register")
    return True


def open_at_start(path: Path, parent: QWidget | None = None) -> Database | None:
    """Open the register the program starts on, under its lock; None if the user quits.

    A second start on a register that is open elsewhere says so and who has it. A damaged register is
    offered its newest good backup; anything else goes on as ``opening.open_register_at_start``.
    """
    try:
        return register.open_for_window(path, backups_dir())
    except register.RegisterInUseError as error:
        other, quit_ = tr("Välj en annan fil…"), tr("Avsluta")
        while True:
            answer = _ask(
                parent,
                tr("BIV Desktop är redan öppet"),
                error.message,
                tr("Växla till fönstret som redan är öppet, eller välj en annan databas."),
                [other, quit_],
            )
            if answer == quit_:
                return None
            chosen = choose_database_file(parent, path.parent)
            if chosen is not None:
                return open_register_at_start(chosen, parent)
    except DamagedDatabaseError as error:
        log.warning("The register at start is damaged")
        restored = _restore_newest(path, error, parent)
        if restored is False:
            return None
    except StoreError:
        pass  # said, with a way on, by open_register_at_start just below
    return open_register_at_start(path, parent)


class StartChecks(QObject):
    """The checks after the window is shown: a shared-folder warning and the automatic backup.

    A child of the window, so a backup that finishes after the window closed is told to nobody.
    """

    def __init__(self, window: QMainWindow, database: Database) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.task: Task | None = None
        self.backup: Path | None = None
        self.finished = False  # the automatic backup's outcome has been handled

    def warn_about_shared_folder(self) -> None:
        warning = register.shared_folder_warning(self.database.path)
        if warning is None:
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Databasen ligger i en delad mapp"))
        box.setText(warning)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def start_backup(self) -> Task:
        """Back the register up in the background if it changed since the newest backup."""
        database, folder = self.database, backups_dir()
        task = Task(lambda progress: register.backup_at_start(database, folder, progress=progress))
        task.signals.finished.connect(self._backed_up)
        task.signals.failed.connect(self._backup_failed)
        self.task = task.start()
        return task

    def _backed_up(self, written: Path | None) -> None:
        self.backup = written
        self.finished = True
        if written is not None:
            self.window.statusBar().showMessage(
                tr("Säkerhetskopia sparad: {name}").format(name=written.name), STATUS_SECONDS * 1000
            )

    def _backup_failed(self, error: BaseException) -> None:
        self.finished = True
        if not isinstance(error, StoreError):
            # Not a problem the user can act on: the crash handler logs it and apologises.
            sys.excepthook(type(error), error, error.__traceback__)
            return
        log.warning("The automatic backup failed: %s", type(error).__name__)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Ingen säkerhetskopia"))
        box.setText(tr("Den automatiska säkerhetskopian kunde inte göras."))
        box.setInformativeText(
            error.message + "\n\n" + tr("Databasen är oförändrad och du kan arbeta vidare som vanligt.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()


def after_start(window: QMainWindow, database: Database, *, demo: bool = False) -> StartChecks:
    """Run the start-up checks for the shown window (none for demo data, which is thrown away)."""
    checks = StartChecks(window, database)
    if not demo:
        checks.warn_about_shared_folder()
        checks.start_backup()
    return checks
