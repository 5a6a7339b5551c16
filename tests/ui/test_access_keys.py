"""The buttons a screen shows at once have Alt-keys of their own: two buttons on one key made the user
press it twice, or reached the wrong one first."""

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.training.page import TrainingPage
from support.qt import every_page


def access_keys(screen: QWidget) -> list[str]:
    """The underlined letter of each button on the screen that the user can see, in lower case."""
    keys = []
    for button in screen.findChildren(QAbstractButton):
        text = button.text()
        if button.isVisibleTo(screen) and "&" in text.replace("&&", ""):
            keys.append(text.replace("&&", "")[text.replace("&&", "").index("&") + 1].lower())
    return keys


def test_the_training_page_and_the_families_tab_give_each_button_its_own_key(window: MainWindow) -> None:
    pages = every_page(window)
    training = next(page for page in pages if isinstance(page, TrainingPage))
    window.navigation.setCurrentRow(pages.index(training))
    QApplication.processEvents()
    keys = access_keys(training)
    assert len(keys) >= 5 and len(keys) == len(set(keys)), keys
    participants = next(page for page in pages if isinstance(page, ParticipantsPage))
    window.navigation.setCurrentRow(pages.index(participants))
    participants.tabs.setCurrentWidget(participants.families)
    QApplication.processEvents()
    keys = access_keys(participants.families)
    assert len(keys) >= 5 and len(keys) == len(set(keys)), keys
