"""The interface language of the window, and Qt's own texts in it.

Which language (``WindowLanguage.wanted``): ``--sprak`` or ``SAMMENKART_LANG``
for this run; else the choice under *Vis → Språk / Language* (kept in the settings,
key ``sprak``); with no choice made, English when the system's locale is
English (``i18n.system_language``: ``LANG=en_GB.UTF-8``, as the commands);
otherwise ("Følg kartet") the målform of the map shown, so a nynorsk map gets
nynorsk menus and panels. Choosing in the menu wins over the start option for
the rest of the run.

Switching (``apply``): our gettext catalogue (``i18n.set_language``), then
Qt's translators (``install_qt_translations``), then the window says
everything again (``MainWindow.retranslate``: the texts kept by
``live_text`` and every panel's own texts). Nothing is rebuilt, so the map,
pathway, step, zoom, a running case, edit mode and unsaved edits with their
undo history are all left as they are.

Qt's own dialogs and widgets (standard buttons, the file dialog, text
fields' context menus): Qt's source is English; PySide6 ships
``qtbase_nn.qm`` for nynorsk, with our catalogue in front of it for the few
texts of Qt 6.11's file dialog it lacks (``qt_texts_newer.py``: "&Look in:");
for bokmål a translator answers from our catalogue (the texts listed in
``qt_texts.py``).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup

from .. import i18n
from ..i18n import N_
from . import live_text

FOLLOW_MAP = "kart"  # the settings value for "Følg kartet"
SETTING = "sprak"
# Language names are written in their own language, so anyone finds theirs.
NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


class CatalogueTranslator(QTranslator):
    """Qt's texts from our gettext catalogue for ``lang`` (context = Qt's class
    name, ``qt_texts.py``). No translation: None, a null string, which lets Qt
    keep its own text (an empty string would be taken as the translation)."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt's name
        if isinstance(context, bytes):
            context = context.decode("utf-8")
        return i18n.translated(self.lang, context, source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def language(self) -> str:
        return self.lang


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


_installed: list[QTranslator] = []
_installed_for: list[str | None] = [None]


def install_qt_translations(lang: str, app: QCoreApplication | None = None) -> str:
    """Qt's own texts in ``lang`` ("nb", "nn", "en"): take away the translators
    put in before and install the ones for ``lang``. Returns ``lang``."""
    app = app or QCoreApplication.instance()
    lang = i18n.normalise(lang) or i18n.SOURCE
    if app is None or _installed_for[0] == lang:
        return lang
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "nb":
        _installed.append(CatalogueTranslator("nb", app))
    elif lang == "nn":
        qt = QTranslator(app)
        if qt.load("qtbase_nn", qt_translations_dir()):
            _installed.append(qt)
        # installed last, so asked first: the texts qtbase_nn.qm lacks (qt_texts_newer.py);
        # for any other text it has no answer and Qt asks qtbase_nn.qm
        _installed.append(CatalogueTranslator("nn", app))
    for t in _installed:
        app.installTranslator(t)
    _installed_for[0] = lang
    return lang


def qt_language() -> str | None:
    """The language Qt's own texts are in now (None before the first install)."""
    return _installed_for[0]


class WindowLanguage(QObject):
    """*Vis → Språk* and the window's language (see the module's text)."""

    changed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.forced = i18n.requested()  # SAMMENKART_LANG; --sprak comes through force()
        value = str(window.settings.value(SETTING, "") or "")
        # no choice made yet: an English system gets English (the commands' rule too)
        default = "en" if i18n.system_language() == "en" else FOLLOW_MAP
        self.choice = value if value in (FOLLOW_MAP, *i18n.LANGUAGES) else default
        # English from the system's locale is English menus, not a request for English
        # posters: a Norwegian coordinator on an English-language computer prints Norwegian
        self.from_system = value not in (FOLLOW_MAP, *i18n.LANGUAGES) and default == "en"
        self.menu = window.menu("vis").addMenu("")
        # the word for it in both languages: whoever reads neither finds it
        live_text.title(self.menu, N_("Språk / Language"))
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        follow = self._add(FOLLOW_MAP)
        live_text.text(follow, N_("Følg kartet"))
        live_text.tip(follow, N_("Menyene og panelene følger målformen til kartet som vises"))
        self.menu.addSeparator()
        for lang in i18n.LANGUAGES:
            self._add(lang).setText(NAMES[lang])
        self.menu.setToolTipsVisible(True)
        self._check()
        window.map_changed.connect(lambda _id: self.update())
        window.workspace_updated.connect(self.update)  # an edit may change the map's målform

    def _add(self, key: str) -> QAction:
        a = QAction(self.window)
        a.setCheckable(True)
        a.setData(key)
        a.triggered.connect(lambda _checked=False, k=key: self.choose(k))
        self.group.addAction(a)
        self.menu.addAction(a)
        self.actions[key] = a
        return a

    def _check(self) -> None:
        self.actions[self.forced or self.choice].setChecked(True)

    def wanted(self) -> str:
        """The language the window should speak now: "nb", "nn" or "en"."""
        if self.forced:
            return self.forced
        if self.choice != FOLLOW_MAP:
            return self.choice
        m = self.window.chosen_map()
        malform = i18n.normalise(getattr(m, "malform", None)) if m is not None else None
        # with no map shown the window keeps the language it has
        return malform or i18n.current_language()

    def force(self, lang: str | None) -> None:
        """This run's language from the command line (None: as the settings say)."""
        self.forced = i18n.normalise(lang) or i18n.requested()
        self._check()
        self.update()

    def choose(self, key: str) -> None:
        """The user's choice in the menu: ``FOLLOW_MAP`` or a language; saved."""
        if key != FOLLOW_MAP and key not in i18n.LANGUAGES:
            raise ValueError(key)
        self.choice, self.forced, self.from_system = key, None, False
        self.window.settings.setValue(SETTING, key)
        self._check()
        self.update()

    def update(self) -> None:
        """Switch when the wanted language is not the one spoken."""
        lang = self.wanted()
        # Files made from the window (poster, handout, reports, case summary) speak
        # the map's målform; an English window the user asked for (--sprak en, the menu)
        # asks for English labels (README, "Språk"); one from the system's locale does not
        before = i18n.output_language(None)
        asked = lang == "en" and (self.forced == "en" or not self.from_system)
        i18n.set_output_language("en" if asked else None)
        # the program's words made for the map shown (a region's labels, the standard
        # questions) follow the output language: said again when only that changed
        # (--sprak en with English already spoken from the command line)
        if lang != i18n.current_language() or i18n.output_language(None) != before:
            self.apply(lang)
        elif lang != qt_language():
            install_qt_translations(lang)

    def apply(self, lang: str) -> None:
        i18n.set_language(lang)
        install_qt_translations(lang)
        self.window.retranslate()
        self.changed.emit(lang)


def install(window) -> WindowLanguage:
    return WindowLanguage(window)
