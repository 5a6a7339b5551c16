"""Arkiv → Säkerhetskopiera till…, Återställ från säkerhetskopia… and Exportera hela registret…"""

import datetime as dt
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from biv_desktop.domain.errors import ValidationError
from biv_desktop.paths import backups_dir
from biv_desktop.services import register
from biv_desktop.store.database import Database
from biv_desktop.store.errors import OtherRegisterError, StoreError, WrongPassphraseError
from biv_desktop.ui.backup.passphrase import ask_passphrase, ask_sealing
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.common.window_state import last_folder, remember_folder
from biv_desktop.ui.common.worker import Progress, TaskCancelled, run_with_progress

tr = translator("Backup")
Saved = TypeVar("Saved")

if TYPE_CHECKING:
    from biv_desktop.ui.main_window import MainWindow


def _sqlite_filter() -> str:
    return tr("BIV Desktop-säkerhetskopior (*.sqlite);;Alla filer (*)")


def _sealed_filter() -> str:
    return tr("Krypterade filer (*.age);;Alla filer (*)")


def _restore_filter() -> str:
    return tr("BIV Desktop-säkerhetskopior (*.age *.sqlite);;Alla filer (*)")


def _json_filter() -> str:
    return tr("JSON-filer (*.json);;Alla filer (*)")


class BackupActions(QObject):
    """The three actions of the Arkiv menu that keep the data safe, and what they do."""

    def __init__(self, window: "MainWindow", today: dt.date | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._today = today
        self.backup_action = QAction(tr("Säkerhets&kopiera till…"), window)
        self.backup_action.setStatusTip(
            tr("Spara en kontrollerad kopia av databasen, t.ex. på ett USB-minne")
        )
        self.backup_action.triggered.connect(self.backup_to)
        self.restore_action = QAction(tr("Åter&ställ från säkerhetskopia…"), window)
        self.restore_action.setStatusTip(tr("Ersätt databasen med en säkerhetskopia"))
        self.restore_action.triggered.connect(self.restore)
        # Plain Swedish: what it is for, not the file format (the file is still JSON, for another computer).
        self.export_action = QAction(tr("&Exportera hela registret…"), window)
        self.export_action.setStatusTip(
            tr("Spara allt i registret i en fil, t.ex. för att flytta det till en annan dator")
        )
        self.export_action.triggered.connect(self.export_json)

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action, self.export_action]

    def _day(self) -> str:
        return (self._today or dt.date.today()).isoformat()

    def _warn(self, title: str, message: str, *, retry: str | None = None) -> bool:
        """Show a problem; True if the user chose ``retry`` (to choose another place)."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(message)
        again = box.addButton(retry, QMessageBox.ButtonRole.AcceptRole) if retry else None
        # Named here, so the box speaks Swedish even where Qt's own translation is missing.
        close = box.addButton(tr("Avbryt") if retry else tr("OK"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(again or close)
        box.setEscapeButton(close)
        box.exec()
        return again is not None and box.clickedButton() is again

    def _inform(self, title: str, message: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    # ---- backup to a chosen place -------------------------------------------------------------------

    def backup_to(self) -> None:
        """Ask for a passphrase (or, after a warning, none) and where, then write a checked backup there
        with a progress bar."""
        title = tr("Säkerhetskopiera")
        source = self.window.database.path
        done = self._save_sealed(
            (title, tr("Säkerhetskopian"), tr("Spara säkerhetskopian")),
            f"biv-sakerhetskopia-{self._day()}.sqlite",
            _sqlite_filter(),
            tr("Säkerhetskopierar databasen till {name}…"),
            lambda destination, passphrase: partial(_backup_to, source, destination, passphrase),
        )
        if done is None:
            return
        written, sealed = done
        remember_folder("backup", written)
        text = (
            tr(
                "Säkerhetskopian är sparad, kontrollerad och krypterad:\n{path}\n\nDen går bara att öppna "
                "med lösenfrasen."
            )
            if sealed
            else tr("Säkerhetskopian är sparad och kontrollerad:\n{path}")
        )
        self._inform(title, text.format(path=written))

    def _save_sealed(
        self,
        texts: tuple[str, str, str],
        file_name: str,
        plain_filter: str,
        working: str,
        work: Callable[[Path, str | None], Callable[[Progress], Saved]],
    ) -> tuple[Saved, bool] | None:
        """Ask for a passphrase (or, after a warning, none), then where, and save there; what was saved and
        whether it is sealed, or None when the user cancelled. ``texts``: the title, what is saved (e.g.
        'Exporten') and the file chooser's caption."""
        title, what, caption = texts
        sealing = ask_sealing(self.window, title, what)
        if sealing is None:
            return None
        passphrase = sealing.passphrase
        sealed = passphrase is not None
        saved = self._save_as(
            title,
            caption,
            file_name + (".age" if sealed else ""),
            _sealed_filter() if sealed else plain_filter,
            working,
            lambda destination: work(destination, passphrase),
        )
        return None if saved is None else (saved, sealed)

    def _save_as(
        self,
        title: str,
        caption: str,
        file_name: str,
        file_filter: str,
        working: str,
        work: Callable[[Path], Callable[[Progress], Saved]],
    ) -> Saved | None:
        """Ask where to save, then do ``work`` there with a progress bar; on a problem the user may choose
        another place (the chooser opens again on what they chose, so nothing typed is lost). None when
        they cancel."""
        suggested = last_folder("backup") / file_name
        while True:
            chosen, _filter = QFileDialog.getSaveFileName(self.window, caption, str(suggested), file_filter)
            if not chosen:
                return None
            destination = Path(chosen)
            try:
                return run_with_progress(
                    self.window, title, working.format(name=destination.name), work(destination)
                )
            except TaskCancelled:
                return None
            except (StoreError, ValidationError) as error:
                suggested = destination
                if not self._warn(title, error.message, retry=tr("Välj en annan plats…")):
                    return None

    # ---- restore ------------------------------------------------------------------------------------

    def restore(self) -> None:
        """Ask for a backup, check it, ask for confirmation, then restore it and show the restored data."""
        title = tr("Återställ från säkerhetskopia")
        folder = backups_dir()
        own = register.backups_folder(self.window.database.path, folder)  # this register's own backups
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window,
            tr("Välj säkerhetskopian att återställa"),
            str(own if own.is_dir() else last_folder("backup")),
            _restore_filter(),
        )
        if not chosen:
            return
        with ExitStack() as opened:  # a sealed backup's opened copy lives until the restore is done
            summary = checked_backup(self.window, title, Path(chosen), self.window.database.path, opened)
            if summary is not None:
                self._restore(title, summary)

    def _restore(self, title: str, summary: register.BackupSummary) -> None:
        folder = backups_dir()
        database = self.window.database
        other = register.other_register(database.path, summary.path, folder)
        if not (confirm_other_register(self.window, other) if other else self._confirm_restore(summary)):
            return
        try:
            result = run_with_progress(
                self.window,
                title,
                tr("Återställer databasen från {name}…").format(name=summary.file.name),
                lambda progress: register.restore(
                    database,
                    summary.path,
                    folder,
                    progress=progress,
                    other_register_confirmed=other is not None,
                ),
            )
        except TaskCancelled:
            self._inform(title, tr("Återställningen avbröts. Databasen är som den var."))
            return
        except StoreError as error:
            self._warn(title, error.message)
            return
        finally:
            self.window.current_page().refresh()
        text = tr("Databasen är återställd från säkerhetskopian {when}.").format(when=summary.taken_label)
        if result.safety_backup is not None:
            text += "\n\n" + tr("Databasen som den var före återställningen är sparad i\n{path}").format(
                path=result.safety_backup
            )
        self._inform(title, text)

    def _confirm_restore(self, summary: register.BackupSummary) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Återställ från säkerhetskopia"))
        box.setText(
            tr("Vill du ersätta databasen med säkerhetskopian från {when}?").format(when=summary.taken_label)
        )
        box.setInformativeText(
            tr(
                "Det som har ändrats efter att säkerhetskopian togs försvinner ur databasen. Databasen som den "
                "är nu sparas först som en säkerhetskopia, så du kan ångra dig.\n\nFil: {path}"
            ).format(path=summary.file)
        )
        restore = box.addButton(tr("Återställ"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    # ---- export -------------------------------------------------------------------------------------

    def export_json(self) -> None:
        """Ask for a passphrase (or, after a warning, none) and where, then write the whole register as one
        JSON document."""
        title = tr("Exportera hela registret")
        database = self.window.database
        done = self._save_sealed(
            (title, tr("Exporten"), tr("Exportera hela registret till en fil")),
            f"biv-export-{self._day()}.json",
            _json_filter(),
            tr("Exporterar databasen till {name}…"),
            lambda destination, passphrase: partial(_export, database, destination, passphrase),
        )
        if done is None:
            return
        summary, sealed = done
        remember_folder("backup", summary.path)
        text = (
            tr(
                "Hela databasen är exporterad och krypterad till\n{path}\n\n{rows} rader. Filen går bara "
                "att öppna med lösenfrasen."
            )
            if sealed
            else tr(
                "Hela databasen är exporterad till\n{path}\n\n{rows} rader. Filen innehåller "
                "personuppgifter; förvara den lika säkert som databasen."
            )
        )
        self._inform(title, text.format(path=summary.path, rows=summary.rows))


def confirm_other_register(parent: QWidget | None, other: OtherRegisterError) -> bool:
    """Ask before a backup of another register (or of an unknown one) replaces this one: both named, with
    their sizes. True only for an explicit yes; the default button says no."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Säkerhetskopian är av ett annat register"))
    box.setText(
        tr("Vill du ersätta databasen {register} med säkerhetskopian av {backup}?").format(
            register=other.register, backup=other.backup
        )
    )
    box.setInformativeText(
        other.message
        + "\n\n"
        + tr("Databasen som den är nu sparas först som en säkerhetskopia, så du kan ångra dig.")
    )
    replace = box.addButton(tr("Ersätt ändå"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is replace


def checked_backup(
    parent: QWidget | None, title: str, chosen: Path, database: Path, opened: ExitStack
) -> register.BackupSummary | None:
    """The backup ``chosen`` checked for restoring over ``database``: a sealed one opened with the
    passphrase asked for (again after a wrong one), its opened copy kept until ``opened`` closes. None
    when she cancels, or after showing why the file cannot be restored."""
    if not register.is_sealed(chosen):
        try:
            return run_with_progress(
                parent,
                title,
                tr("Kontrollerar säkerhetskopian…"),
                lambda _progress: register.check_backup(chosen),
                cancellable=False,
            )
        except StoreError as error:
            show_problem(parent, title, error.message)
            return None
    problem = ""
    while True:
        passphrase = ask_passphrase(parent, title, chosen, problem)
        if passphrase is None:
            return None
        try:
            return run_with_progress(
                parent,
                title,
                tr("Öppnar och kontrollerar säkerhetskopian…"),
                partial(_open_sealed, chosen, passphrase, database, opened),
                cancellable=False,
            )
        except WrongPassphraseError as error:
            problem = error.message
        except StoreError as error:
            show_problem(parent, title, error.message)
            return None


def _open_sealed(
    chosen: Path, passphrase: str, database: Path, opened: ExitStack, _progress: Progress
) -> register.BackupSummary:
    return opened.enter_context(register.opened_backup(chosen, passphrase, database, backups_dir()))


def show_problem(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(message)
    close = box.addButton(tr("OK"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()


def _backup_to(source: Path, destination: Path, passphrase: str | None, progress: Progress) -> Path:
    if passphrase is not None:
        return register.backup_sealed_to(source, destination, passphrase, progress=progress)
    # A file of ours already there is first copied into the user's own backups folder.
    return register.backup_to(source, destination, progress=progress, backups=backups_dir())


def _export(
    database: Database, destination: Path, passphrase: str | None, progress: Progress
) -> "register.ExchangeSummary":
    return register.export_json(database, destination, passphrase=passphrase, progress=progress)


def install_backup_actions(window: "MainWindow", menu: QMenu) -> BackupActions:
    """Add the three actions to ``menu`` (the window's Arkiv menu), after a separator."""
    actions = BackupActions(window)
    menu.addSeparator()
    menu.addActions(actions.actions())
    return actions
