"""Plugs the local revision into the map window (issue 9).

- *Vis → Farge etter → Revisjon*: cards filled by their traffic light
  (``revision_view.revision_colouring``), one colouring at a time
  (``colouring_menu``), with the filter *Vis → Bare gule og røde*.
- *Rediger → Trafikklys*: G/Y/R set the status of the chosen card or role
  (``revision_status``), through the window's editor (``window.edits``, ``edit_ui.WindowEdits``).
- *Kasus → Dette stemmer ikke hos oss…* (and a card's context menu while a
  case runs): a flag that becomes a yellow status in the file
  (``Session.raise_flag``) and is listed in the case's summary.
- A quiet banner when the map's next revision is overdue (``revision_banner``).
- *Fil → Revisjonsrapport…* (``revision_report_dialog``).

``install(window)`` uses the window's public API (menus, ``set_colouring``,
``refresh_stress``, ``update_workspace``, the scene's ``service_clicked``).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..editing import EditError
from ..i18n import N_, _
from ..revision import status_label
from ..revision_view import revision_colouring
from ..style import REVISION_MARKS
from . import colouring_menu, live_text
from .flag_dialog import FlagDialog
from .items import CardItem
from .revision_banner import RevisionBanner
from .revision_report_dialog import RevisionReportDialog
from .revision_status import KEYS, TrafficLights, service_target, set_status

KEY = "revisjon"  # the revision view's key in the colouring menu


def edit_menu(window) -> QMenu:
    """*Rediger*: the edit mode's menu when it has made one, else made here (before *Vis*)."""
    try:
        return window.menu("rediger")
    except KeyError:
        bar = window.menuBar()
        menu = live_text.title(QMenu(bar), N_("&Rediger"))
        bar.insertMenu(window.menu("vis").menuAction(), menu)
        window._menus["rediger"] = menu
        return menu


class RevisionUI(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.edits = window.edits  # the edit mode's (edit_ui.WindowEdits): one editor, one undo stack
        self.report_dialog: RevisionReportDialog | None = None
        self.flag_dialog: FlagDialog | None = None
        self.message = ""

        # The revision view and its filter.
        self.view_action = colouring_menu.add_choice(window, KEY, N_("Revisjon (trafikklys)"), self.colouring)
        self.filter_action = live_text.text(QAction(window), N_("Bare gule og røde"))
        self.filter_action.setCheckable(True)
        live_text.tip(self.filter_action, N_("I revisjonsvisningen: ton ned kortene som er grønne eller ikke vurdert"))
        self.filter_action.toggled.connect(lambda _on: self._redraw())
        window.addAction(self.filter_action)
        vis = window.menu("vis")
        vis.insertAction(self._after(vis, colouring_menu.of(window).menu.menuAction()), self.filter_action)
        colouring_menu.of(window).changed.connect(lambda _key: self._view_changed())
        window.contrast_action.triggered.connect(lambda _on=False: self._redraw())  # fills per palette
        self._view_changed()

        # The report.
        fil = window.menu("fil")
        self.report_action = live_text.text(QAction(window), N_("Revisjonsrapport…"))
        self.report_action.triggered.connect(lambda: self.open_report())
        window.addAction(self.report_action)
        fil.insertAction(self._after(fil, window.export_action), self.report_action)

        # The banner.
        self.banner = RevisionBanner(window, self.open_report, window.map_view)
        window.room.overlay_extra.append(self.banner)
        window.map_changed.connect(lambda _id: self.banner.place())
        window.workspace_updated.connect(self.banner.place)

        # Traffic lights (undo and redo are the edit mode's, in the same menu).
        menu = edit_menu(window)
        menu.addSeparator()
        self.lights = TrafficLights(window, menu)
        self.lights.changed.connect(self._lights_changed)

        # Flags from a case.
        kasus_menu = window.menu("kasus")
        self.flag_action = live_text.text(QAction(window), N_("Dette stemmer ikke hos oss…"))
        live_text.tip(self.flag_action, N_("Flagg et kort eller en rolletekst som ikke stemmer her; det blir gul status"))
        self.flag_action.triggered.connect(lambda: self.flag())
        kasus_menu.addSeparator()
        kasus_menu.addAction(self.flag_action)
        kasus_menu.aboutToShow.connect(self._update_flag_action)
        self._update_flag_action()
        view = window.map_view
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)

    @staticmethod
    def _after(menu: QMenu, action: QAction) -> QAction | None:
        """The action after ``action`` in ``menu`` (to insert behind it), None at the end."""
        actions = menu.actions()
        i = actions.index(action) if action in actions else len(actions) - 1
        return actions[i + 1] if i + 1 < len(actions) else None

    # -- the revision view ------------------------------------------------------------
    def colouring(self, m):
        return revision_colouring(m, self.window.scene.variant, self.filter_action.isChecked())

    @property
    def view_on(self) -> bool:
        return colouring_menu.current(self.window) == KEY

    def show_view(self, on: bool = True) -> None:
        colouring_menu.choose(self.window, KEY if on else colouring_menu.LEVEL)

    def _view_changed(self) -> None:
        self.filter_action.setEnabled(self.view_on)

    def _redraw(self) -> None:
        if self.view_on:
            colouring_menu.refresh(self.window)

    def _lights_changed(self) -> None:
        # Setting statuses, one wants to see them: the mode turns the revision view on.
        if self.lights.active and not self.view_on and not getattr(self, "_view_asked", False):
            self._view_asked = True
            self.show_view(True)
        elif not self.lights.active:
            self._view_asked = False

    # -- the report -------------------------------------------------------------------
    def open_report(self) -> RevisionReportDialog | None:
        if self.window.current_map() is None:
            return None
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        self.report_dialog = RevisionReportDialog(self.window)
        self.report_dialog.open()
        return self.report_dialog

    # -- flags from a case ----------------------------------------------------------------
    def _session(self):
        kasus = getattr(self.window, "kasus", None)
        return getattr(kasus, "session", None)

    def _update_flag_action(self) -> None:
        self.flag_action.setEnabled(self._session() is not None)

    def flag(self, service_id: str | None = None) -> FlagDialog | None:
        """Open the flag dialog for the running case (a card first when given)."""
        session = self._session()
        if session is None:
            self.say(_("Et flagg settes mens et kasus går (Kasus → Start kasus…)."))
            return None
        m = session.map
        ws = self.window.workspace
        case_pathway = ws.pathway(session.case.forlop, m.malform) if session.case.forlop else None
        pathway = case_pathway or self.window.current_pathway()
        dlg = FlagDialog(m, pathway, service_id, self.window)
        dlg.accepted.connect(lambda: self.raise_flag(session, dlg.choice()))
        dlg.open()  # window-modal, returns at once (tests drive it)
        self.flag_dialog = dlg
        return dlg

    def raise_flag(self, session, choice: dict):
        """Raise the flag in ``session`` and write it as a yellow status through
        the window's editor (one undo step). Returns (flag, Change or None)."""
        try:
            self.edits.editor()
        except EditError as exc:
            flag, _change = session.raise_flag(**choice)
            self.say(_("Flagget er lagret i økten, men ikke skrevet i fila: {grunn}").format(grunn=exc))
            return flag, None
        held = []

        def op(ed):
            flag, change = session.raise_flag(**choice, editor=ed)
            held.append(flag)
            return change

        def applied(on: bool) -> None:
            if held:
                held[0].applied = on
                try:
                    session.save()
                except Exception:  # noqa: BLE001 – the session says so itself (last_error)
                    pass

        try:
            change = self.edits.run(op, on_undo=lambda: applied(False), on_redo=lambda: applied(True))
        except EditError as exc:
            self.say(_("Flagget er lagret i økten, men ikke skrevet i fila: {grunn}").format(grunn=exc))
            return (held[0] if held else session.state.flags[-1]), None
        self.say(_("Flagget: {what} er gul i fila – Ctrl+Z angrer").format(what=choice["label"]))
        return held[0], change

    # -- the map's context menu ---------------------------------------------------------------
    def _card_at(self, pos) -> str | None:
        for item in self.window.map_view.items(pos):
            while item is not None and not isinstance(item, CardItem):
                item = item.parentItem()
            if isinstance(item, CardItem):
                return item.service_id
        return None

    def context_menu(self, service_id: str | None) -> QMenu:
        """The menu a right click on ``service_id``'s card gives (empty: none is shown)."""
        menu = QMenu(self.window.map_view)
        if self._session() is not None:
            menu.addAction(_("Dette stemmer ikke hos oss…"), lambda: self.flag(service_id))
        target = service_target(self.window, service_id) if service_id is not None else None
        if self.lights.active and target is not None:
            for key, status in KEYS:
                menu.addAction(f"{REVISION_MARKS[status]} {status_label(status)} ({key})",
                               lambda st=status: self._set_from_menu(target, st))
            menu.addAction(_("Fjern status"), lambda: self._set_from_menu(target, None))
        return menu

    def _set_from_menu(self, target, status) -> None:
        self.lights.choose(target)
        self.lights.key(status)

    def _context_menu(self, pos) -> None:
        menu = self.context_menu(self._card_at(pos))
        if not menu.isEmpty():
            menu.popup(self.window.map_view.viewport().mapToGlobal(pos))
        self._menu = menu

    def say(self, text: str) -> None:
        self.message = text
        self.window.statusBar().showMessage(text, 8000)


def install(window) -> RevisionUI:
    return RevisionUI(window)


__all__ = ["RevisionUI", "install", "set_status"]
