"""Plugs case exercises into the map window: the Kasus menu, panels, keys.

``install(main_window)`` is called by MainWindow; it uses only the window's
public API (menu, add_side_panel, map_view, set_stepper), so the map window
knows nothing about sessions.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ..emphasis import PLAIN
from ..session import store
from ..session.controller import Session, resume
from ..session.store import SessionError
from . import kasus_window as kw
from . import live_text, plain
from .kasus_clock import SessionClock
from .kasus_dialog import KasusDialog
from .kasus_facilitator import FacilitatorWindow
from .kasus_panel import KasusPanel
from .kasus_summary import SummaryDialog
from ..i18n import N_, _


class KasusController(QObject):
    def __init__(self, main_window):
        super().__init__(main_window if isinstance(main_window, QObject) else None)
        self.mw = main_window
        self.session: Session | None = None
        self.clock: SessionClock | None = None
        self.panel: KasusPanel | None = None
        self.dock = None
        self.facilitator: FacilitatorWindow | None = None
        self.summary: SummaryDialog | None = None
        self._arrow_from: str | None = None
        self._connected = None
        self.dialog: KasusDialog | None = None

        menu = main_window.menu("kasus")
        self.start_action = live_text.text(QAction(menu), N_("Start kasus…"))
        self.start_action.setShortcut(QKeySequence("Ctrl+K"))
        self.start_action.triggered.connect(lambda: self.choose_and_start())
        self.resume_action = live_text.text(QAction(menu), N_("Fortsett økt…"))
        self.resume_action.triggered.connect(lambda: self.choose_and_resume())
        self.recent_menu = live_text.title(menu.addMenu(""), N_("Siste økter"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.summary_action = live_text.text(QAction(menu), N_("Oppsummering"))
        self.summary_action.triggered.connect(lambda: self.show_summary())
        self.facilitator_action = live_text.text(QAction(menu), N_("Fasilitatorvindu"))
        self.facilitator_action.triggered.connect(lambda: self.show_facilitator())
        # The case's panel back in front (after a search, another panel, F9): its key
        # works with the menu bar hidden too; K never types (keys.py).
        self.show_case_action = live_text.text(QAction(menu), N_("Vis kasuspanelet"))
        self.show_case_action.setShortcut(QKeySequence("K"))
        self.show_case_action.triggered.connect(lambda: self.show_panel())
        self.end_action = live_text.text(QAction(menu), N_("Avslutt kasus"))
        self.end_action.triggered.connect(lambda: self.end())
        menu.insertAction(self.recent_menu.menuAction(), self.start_action)
        menu.insertAction(self.recent_menu.menuAction(), self.resume_action)
        menu.addSeparator()
        for a in (self.show_case_action, self.summary_action, self.facilitator_action, self.end_action):
            menu.addAction(a)
        if isinstance(main_window, QWidget):
            # the shortcuts work with the menu bar hidden (presentation)
            main_window.addAction(self.start_action)
            main_window.addAction(self.show_case_action)
        # V reveals; only while a session runs (typing a V in the notes still types a V).
        self.reveal_shortcut = QShortcut(QKeySequence("V"), main_window) if isinstance(main_window, QWidget) else None
        if self.reveal_shortcut is not None:
            self.reveal_shortcut.activated.connect(self.reveal)
        language = getattr(main_window, "language_changed", None)
        if language is not None:
            language.connect(lambda _lang: self._retranslate())
        self._update_actions()

    def _retranslate(self) -> None:
        """A running case's panels say their texts again (the session keeps everything)."""
        for view in (self.panel, self.facilitator):
            if view is not None:
                view.refresh()
                view.timer.refresh()
        try:
            if self.summary is not None and self.summary.isVisible():
                self.summary.retranslate()
        except RuntimeError:  # closed and deleted
            self.summary = None

    # --- helpers -------------------------------------------------------------
    def warn(self, message: str) -> None:
        """Tell the user; tests replace this to read the message."""
        plain.message(self.mw if isinstance(self.mw, QWidget) else None, _("Kasus"), message,
                      QMessageBox.Warning)

    def _update_actions(self) -> None:
        running = self.session is not None
        for a in (self.show_case_action, self.summary_action, self.facilitator_action, self.end_action):
            a.setEnabled(running)
        if self.reveal_shortcut is not None:
            self.reveal_shortcut.setEnabled(running)

    def _set_stepper(self, obj) -> None:
        fn = getattr(self.mw, "set_stepper", None)
        if callable(fn):
            fn(obj)

    def _workspace(self):
        return getattr(self.mw, "workspace", None)

    def _scene(self):
        view = getattr(self.mw, "map_view", None)
        return view.scene() if view is not None else None

    # --- starting ------------------------------------------------------------
    def choose_and_start(self) -> KasusDialog | None:
        ws = self._workspace()
        if ws is None:
            self.warn(_("Åpne en mappe med kart først."))
            return None
        current = self.mw.current_map()  # None with no map open: the dialog still lists the cases
        dlg = KasusDialog(ws, current, self.mw if isinstance(self.mw, QWidget) else None)
        dlg.accepted.connect(lambda: self._start_from(dlg))
        dlg.open()  # window-modal, returns at once (tests drive it)
        self.dialog = dlg
        return dlg

    def _start_from(self, dlg: KasusDialog) -> None:
        case, m = dlg.selected()
        if case is not None and m is not None:
            self.start(Session(case, m))

    def choose_and_resume(self) -> None:
        recent = store.recent()
        if not recent:
            self.warn(_("Ingen lagrede økter ennå."))
            return
        labels = [kw.recent_label(r) for r in recent]
        label, ok = QInputDialog.getItem(self.mw if isinstance(self.mw, QWidget) else None,
                                         _("Fortsett økt"), _("Velg økt:"), labels, 0, False)
        if ok:
            self.resume_path(recent[labels.index(label)].path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = store.recent()
        if not recent:
            a = self.recent_menu.addAction(_("Ingen lagrede økter"))
            a.setEnabled(False)
        for r in recent:
            a = self.recent_menu.addAction(plain.action_text(kw.recent_label(r)))
            a.triggered.connect(lambda _c=False, p=r.path: self.resume_path(p))

    def resume_path(self, path: Path) -> bool:
        ws = self._workspace()
        try:
            session = resume(Path(path), ws.cases if ws else {}, ws.maps if ws else {})
        except SessionError as exc:
            self.warn(str(exc))
            return False
        self.start(session)
        return True

    def start(self, session: Session) -> None:
        if self.session is not None:
            self.end()
        self.session = session
        kw.switch_map(self.mw, session.map)
        self.clock = SessionClock(session, self)
        self.panel = KasusPanel(session, self.clock)
        self.panel.next_button.clicked.connect(self.next_step)
        self.panel.arrow_mode_changed.connect(self._arrow_mode)
        self.dock = self.mw.add_side_panel(self.panel, N_("Kasus"))
        room = getattr(self.mw, "room", None)
        if room is not None:  # the band under the map grows when a step needs it
            room.band_source = self.panel
            self.panel.wish_changed.connect(room.relayout)
        kw.give_room(self.mw, self.panel, self.dock)
        self._connect_clicks(True)
        session.subscribe(self._on_change)
        self._set_stepper(self)
        self.show_facilitator(auto=True)
        self._apply_emphasis()
        self._update_actions()
        view = getattr(self.mw, "map_view", None)
        if view is not None:
            view.setFocus()  # V and the clicker keys work straight away
        if session.last_error:
            self.warn(session.last_error)
        if session.notices:  # a resumed session's answers followed a renamed service, or lost sight of one
            self.warn("\n".join(session.notices))
            session.notices = []

    def _connect_clicks(self, on: bool) -> None:
        if on:
            self._connected = kw.click_source(self.mw)
            if self._connected is not None:
                self._connected.service_clicked.connect(self.service_clicked)
        elif self._connected is not None:
            kw.disconnect(self._connected.service_clicked, self.service_clicked)
            self._connected = None

    # --- while running -------------------------------------------------------
    def show_panel(self, open_side: bool = True) -> None:
        """The case's panel in front of the other side panels (``open_side``: and
        the side panel shown if it was hidden): the room reads the story there."""
        if self.panel is None:
            return
        show = getattr(self.mw, "show_home_panel", None)
        if callable(show):
            show(open_side)

    def pick_service(self, service_id: str) -> bool:
        """Chosen with the keyboard (the search's Enter): the service into the team's
        answer, or out of it when it is there; True when it is in the answer now."""
        if self.session is None:
            return False
        on = self.session.toggle_mark(service_id)
        self.show_panel(open_side=False)
        return on

    def service_clicked(self, service_id: str) -> None:
        if self.session is None:
            return
        shift = bool(QGuiApplication.keyboardModifiers() & Qt.ShiftModifier)
        arrow_mode = self.panel is not None and self.panel.arrow_button.isChecked()
        if shift or arrow_mode:
            if self._arrow_from is None:
                self._arrow_from = service_id
                if self.panel is not None:
                    self.panel.show_hint(_("Henvisning fra {navn}: klikk tjenesten som mottar.").format(
                        navn=self.session.service_name(service_id)))
                return
            fra, self._arrow_from = self._arrow_from, None
            if fra == service_id:
                if self.panel is not None:
                    self.panel.refresh()
                return
            if (fra, service_id) in self.session.step.arrows:
                self.session.remove_arrow(fra, service_id)  # a second drawing takes it away
            else:
                self.session.add_arrow(fra, service_id)
            return
        self.session.toggle_mark(service_id)

    def _arrow_mode(self, on: bool) -> None:
        self._arrow_from = None

    def reveal(self) -> None:
        if self.session is not None:
            self.session.reveal()

    def _on_change(self, what: str) -> None:
        if what == "tick":
            return
        if what == "step":
            self._arrow_from = None
            if self.clock is not None:
                self.clock.pause()
            self.show_panel(open_side=False)  # a new step: the room reads its story
        self._apply_emphasis()

    def _apply_emphasis(self) -> None:
        refresh = getattr(self.mw, "refresh_stress", None)
        if callable(refresh):
            refresh()  # the window owns what the map stresses (sammenkart.stress)
        else:  # a window without that API (tests' stand-in): draw the case directly
            scene = self._scene()
            if scene is not None and hasattr(scene, "set_emphasis"):
                scene.set_emphasis(self.session.emphasis() if self.session else PLAIN)
        presentation = getattr(self.mw, "presentation", None)
        if presentation is not None and hasattr(presentation, "update_caption"):
            presentation.update_caption()

    def caption_text(self) -> str:
        """The step for presentation mode's large caption (panels are hidden there)."""
        s = self.session
        if s is None:
            return ""
        head = escape(f"{s.index + 1}/{s.n_steps} · {s.case_step.tittel}")
        questions = "<br>".join("• " + escape(q) for q in s.questions())
        text = f"<b>{head}</b><br>{questions}"
        presentation = getattr(self.mw, "presentation", None)
        story_shown = presentation is not None and presentation.active and presentation.show_story
        if self.mark_legend() and not story_shown:
            text += "<br><i>" + escape(self.mark_legend()) + "</i>"
        return text

    def mark_legend(self) -> str:
        """One line saying what the red "?" cards the reveal adds mean ("" before
        the reveal or when the team found every suggestion)."""
        s = self.session
        if s is None or not s.step.revealed or not s.comparison().missed:
            return ""
        return _("? = ikke valgt av gruppa")

    def story_text(self) -> str:
        """The step's story, for the caption band in presentation mode (plain text)."""
        s = self.session
        if s is None:
            return ""
        # under the story, where the band has room beside the questions
        legend = self.mark_legend()
        return " ".join(s.case_step.tekst.split()) + (f"\n{legend}" if legend else "")

    # The stepper API the map window calls for clicker keys.
    def next_step(self) -> None:
        if self.session is None:
            return
        if self.session.state.at_end:
            self.show_summary()
        else:
            self.session.next_step()

    def previous_step(self) -> None:
        if self.session is not None:
            self.session.previous_step()

    def first_step(self) -> None:
        if self.session is not None:
            self.session.first_step()

    def last_step(self) -> None:
        if self.session is not None:
            self.session.last_step()

    def confirm(self, title: str, question: str) -> bool:
        """Ask yes or no; tests replace this to answer."""
        parent = self.mw if isinstance(self.mw, QWidget) else None
        return QMessageBox.question(parent, title, question, QMessageBox.Yes | QMessageBox.No,
                                    QMessageBox.No) == QMessageBox.Yes

    def show_facilitator(self, auto: bool = False) -> bool:
        """Open the facilitator's window; True when it is shown.

        Only on a second screen by itself. With one screen (or a mirrored
        projector) it would show the suggestion and the facilitator's notes to
        the room, so it asks first and says so.
        """
        if self.session is None:
            return False
        if self.facilitator is None:
            # Parented (as its own window) so it closes with the map window.
            parent = self.mw if isinstance(self.mw, QWidget) else None
            self.facilitator = FacilitatorWindow(self.session, self.clock, parent)
            # The map window's Next/Previous, as its clicker keys: on a black screen they
            # first bring the picture back, else the case stepped unseen (room 10, item 1).
            nxt, prev = (getattr(self.mw, name, None) for name in ("next_step", "previous_step"))
            self.facilitator.next_button.clicked.connect(nxt if callable(nxt) else self.next_step)
            self.facilitator.prev_button.clicked.connect(prev if callable(prev) else self.previous_step)
        single = len(QGuiApplication.screens()) < 2
        if single and auto:
            return False
        if single and not (self.facilitator is not None and self.facilitator.isVisible()) and not self.confirm(
                _("Fasilitatorvindu på samme skjerm?"),
                _("Det er bare én skjerm. Fasilitatorvinduet viser forslaget (fasiten) og "
                        "fasilitatornotatene – alle som ser skjermen eller projektoren, ser dem.\n\n"
                        "Vil du åpne det likevel?")):
            return False
        self.facilitator.place_on_other_screen(self.mw if isinstance(self.mw, QWidget) else None)
        self.facilitator.show()
        self.facilitator.raise_()
        return True

    def show_summary(self) -> SummaryDialog | None:
        if self.session is None:
            return None
        if self.clock is not None:
            self.clock.pause()
        self.session.finish()
        if self.summary is not None:
            self.summary.close()
            self.summary.deleteLater()
        self.summary = SummaryDialog(self.session, self.mw if isinstance(self.mw, QWidget) else None)
        self.summary.show()
        return self.summary

    def end(self) -> None:
        """Stop the session: it stays saved; the map goes back to plain."""
        if self.session is None:
            return
        if self.clock is not None:
            self.clock.pause()
            self.clock.deleteLater()
        self.session.unsubscribe(self._on_change)
        self._connect_clicks(False)
        self._set_stepper(None)
        if self.facilitator is not None:
            self.facilitator.close()
            self.facilitator.deleteLater()
        room = getattr(self.mw, "room", None)
        if room is not None:
            room.band_source = None
        kw.take_room_back(self.mw, self.panel, self.dock)
        if self.panel is not None:
            self.panel.deleteLater()
        self.session = None
        self.clock = self.panel = self.dock = self.facilitator = None
        self._apply_emphasis()
        self._update_actions()


def install(main_window) -> KasusController:
    controller = KasusController(main_window)
    # Keep a reference: the menu actions' slots live on the controller.
    try:
        main_window.kasus = controller
    except AttributeError:
        pass
    return controller
