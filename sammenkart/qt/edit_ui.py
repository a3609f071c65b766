"""Edit mode: the Rediger menu, the one editor of the open folder, undo, saving.

``install(window)`` is called by the main window. The controller owns the
window's one ``Editor`` (``window.editor``, made when something is first
edited, a recovery copy is taken back or a file changes on disk) and is its
one listener: every ``Change`` goes to ``window.show_changes`` (map, lists,
panels, caption, case session, poster dialog), to the undo stack and to the
edit panels, in that order. Files: Ctrl+S saves, closing asks, a recovery
copy every 30 s (offered at the next start), files changed by another
program are read again (``edit_files.py``).

Edit mode is off at start and in presentation mode. The bundled example
data is never edited in place: turning edit mode on there offers a copy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget

from .. import paths, regional
from ..editing import EditError, Editor
from ..i18n import N_, _, ngettext
from ..os_errors import describe
from . import live_text, plain
from .edit_files import FileKeeper
from .edit_map import EditBanner, MapEditing
from .edit_undo import HistoryDialog, UndoBridge
from .unsaved_chip import UnsavedChip


def is_bundled(path) -> bool:
    """The example data shipped with Sammenkart (never edited in place)."""
    if path is None:
        return False
    p = Path(path).resolve()
    homes = [paths.kart_dir().resolve(), paths.kasus_dir().resolve(), paths.region_dir().resolve()]
    return p == paths.kart_dir().parent.resolve() or any(p == h or h in p.parents for h in homes)


class EditController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = w = window
        self.active = False
        self.sessions_followed = 0  # saved case sessions a save made name new ids (followed_note)
        self.undo = UndoBridge(self)
        self.files = FileKeeper(self)
        self.map_editing = MapEditing(self)
        self.banner = EditBanner(w.map_view)
        w.room.overlay_extra.append(self.banner)
        self.unsaved = UnsavedChip(w, self.banner, lambda: self.files.save())
        w.room.overlay_extra.append(self.unsaved)
        self.form = self.pathway_editor = self.case_editor = None
        self.tabs: EditTabs | None = None  # the three forms, one side-panel tab
        self.history: HistoryDialog | None = None
        self._listening = None  # the editor we listen to

        menu = w.menu("rediger")
        fil = w.menu("fil")
        self.toggle_action = self._action(N_("Redigeringsmodus"), self.toggle, "Ctrl+E", checkable=True)
        live_text.tip(self.toggle_action, N_("Rediger kartet, forløpene og kasusene (Ctrl+E)"))
        # Angre/Gjør om with the edit's name, as QUndoStack.createUndoAction makes them, but
        # ours: Qt's keeps the word it was made with when the language changes.
        stack = self.undo.stack
        self.undo_action = QAction(self)
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = QAction(self)
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack.undoTextChanged.connect(lambda _t: self.undo_texts())
        stack.redoTextChanged.connect(lambda _t: self.undo_texts())
        w.language_changed.connect(lambda _lang: self.undo_texts())
        self.undo_texts()
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.WindowShortcut)
            w.addAction(a)
        self.history_action = self._action(N_("Angre-historikk…"), self.show_history)
        self.save_action = self._action(N_("Lagre"), self.files.save, "Ctrl+S")
        self.new_map_action = self._action(N_("Nytt kart…"), self.new_map, "Ctrl+N")
        self.add_action = self._action(N_("Ny tjeneste"), self.add_service, "Ctrl+Shift+N")
        self.duplicate_action = self._action(N_("Dupliser tjeneste"), self.duplicate_service, "Ctrl+D")
        self.delete_action = self._action(N_("Slett tjeneste"), self.delete_service)
        self.delete_action.setShortcut(QKeySequence(Qt.Key_Delete))
        self.delete_action.setShortcutContext(Qt.WidgetShortcut)  # only with the keys on the map
        w.map_view.addAction(self.delete_action)
        self.link_action = self._action(N_("Tegn samarbeid"), self._link_mode, "Ctrl+L", checkable=True)
        live_text.tip(self.link_action, N_("Klikk ett kort og så et annet for å tegne et samarbeid (eller Shift+dra)"))
        self.pin_action = self._action(N_("Fest kort der de slippes"), lambda _on: None, checkable=True)
        live_text.tip(self.pin_action, N_("Et kort som dras, beholder plassen der det slippes (plassering)"))
        self.moves = []
        for text, key, dl, dp in ((N_("Flytt kortet et nivå opp"), "Alt+Up", 1, 0),
                                  (N_("Flytt kortet et nivå ned"), "Alt+Down", -1, 0),
                                  (N_("Flytt kortet til venstre i båndet"), "Alt+Left", 0, -1),
                                  (N_("Flytt kortet til høyre i båndet"), "Alt+Right", 0, 1)):
            move = self._action(text, lambda _c=False, a=dl, b=dp: self.move_by(a, b), key)
            move.setShortcutContext(Qt.WidgetShortcut)  # with the keys on the map (lists use Alt+↑/↓ themselves)
            w.map_view.addAction(move)
            self.moves.append(move)
        self.panels_action = self._action(N_("Rediger forløpet"), lambda: self.show_editor_panel("pathway"))
        self.case_action = self._action(N_("Rediger kasus"), lambda: self.show_editor_panel("case"))

        first = fil.actions()[0] if fil.actions() else None
        fil.insertAction(first, self.new_map_action)
        fil.insertAction(first, self.save_action)
        fil.insertSeparator(first)
        menu.addAction(self.toggle_action)
        menu.addSeparator()
        for a in (self.undo_action, self.redo_action, self.history_action):
            menu.addAction(a)
        menu.addSeparator()
        for a in (self.add_action, self.duplicate_action, self.delete_action, self.link_action, self.pin_action):
            menu.addAction(a)
        moves = live_text.title(menu.addMenu(""), N_("Flytt kortet"))
        for a in self.moves:
            moves.addAction(a)
        menu.addSeparator()
        menu.addAction(self.panels_action)
        menu.addAction(self.case_action)
        self.edit_actions = [self.add_action, self.duplicate_action, self.delete_action, self.link_action,
                             self.pin_action, *self.moves, self.panels_action, self.case_action]

        w.workspace_set.connect(self._workspace_set)
        w.room.layout_changed.connect(lambda _mode: self._presentation_check())
        w.map_changed.connect(lambda _id: self._map_shown())
        w.pathway_changed.connect(self._pathway_shown)
        w.room.side.currentChanged.connect(self._tab_shown)
        w.language_changed.connect(lambda _lang: self._retranslate())
        self._update_actions()
        self._workspace_set()

    def undo_texts(self) -> None:
        """«Angre <the edit>» and «Gjør om <the edit>», in the current language."""
        try:
            stack = self.undo.stack
            texts = ((self.undo_action, _("Angre"), stack.undoText(), stack.canUndo()),
                     (self.redo_action, _("Gjør om"), stack.redoText(), stack.canRedo()))
            for action, word, what, can in texts:
                action.setText(f"{word} {what}" if what else word)
                action.setEnabled(can)
        except RuntimeError:  # the window is closing: the stack says its last words as it goes
            return

    def _action(self, text: str, slot, shortcut: str | None = None, checkable: bool = False) -> QAction:
        """An action whose ``text`` (marked with N_) is said again in another language."""
        a = live_text.text(QAction(self.window), text)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.WindowShortcut)
        a.setCheckable(checkable)
        a.triggered.connect(slot)
        self.window.addAction(a)  # works with the menu bar hidden
        return a

    # --- talking to the user (tests replace these) -------------------------------------------
    def ask(self, title: str, text: str, buttons: list[str], default: int = 0, escape: int | None = None) -> int:
        """Ask with ``buttons`` (labels); the index of the one chosen (Esc: ``escape``).
        One button: a message to read (what happened), not a question."""
        icon = QMessageBox.Information if len(buttons) == 1 else QMessageBox.Question
        box = QMessageBox(icon, title, "", QMessageBox.NoButton, self.files.question_parent())
        box.setTextFormat(Qt.PlainText)
        box.setText(text)
        made = [box.addButton(label, QMessageBox.AcceptRole if i == default else QMessageBox.RejectRole
                              if i == escape else QMessageBox.DestructiveRole) for i, label in enumerate(buttons)]
        box.setDefaultButton(made[default])
        if escape is not None:
            box.setEscapeButton(made[escape])
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else (escape if escape is not None else default)

    def warn(self, text: str) -> None:
        plain.message(self.window, _("Redigering"), text, QMessageBox.Warning)

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # --- the editor ------------------------------------------------------------------------------
    @property
    def editor(self) -> Editor | None:
        return self.window.editor

    def root(self) -> Path | None:
        ws = self.window.workspace
        return Path(ws.root) if ws is not None and ws.root is not None else None

    def ensure_editor(self) -> Editor | None:
        """The window's editor, opened now if needed (None for bundled data or no folder)."""
        if self.editor is not None:
            return self.editor
        root = self.root()
        if root is None or not root.exists() or is_bundled(root):
            return None
        ed = Editor.open(root)
        self.window.editor = ed
        self._listen(ed)
        self.window.show_changes(None)  # what it reads may be newer than what was loaded
        self._after_change()
        return ed

    def _listen(self, ed) -> None:
        if self._listening is not None and self._listening is not ed:
            self._listening.unsubscribe(self._on_change)
        if self._listening is not ed:
            ed.subscribe(self._on_change)
        self._listening = ed
        self.undo.set_editor(ed)
        self.files.watch(ed)

    def _on_change(self, change) -> None:
        """The one listener: the window, the undo stack, the edit panels."""
        from ..editing import changes as ch

        if change.kind == ch.FILE_SAVE:
            self._sessions_follow(change)
            self._after_change(saved=True)
            return
        if change.renamed and self.form is not None:
            self.form.follow(change.renamed)  # before anything reads which service the form shows
        self.window.show_changes(change)
        self.undo.changed(change)
        self._after_change()
        edits = getattr(self.window, "edits", None)
        if isinstance(edits, WindowEdits):
            edits.changed.emit(change)

    def followed_note(self) -> str:
        """What saving did to saved case sessions (``_sessions_follow``), once: "" when nothing."""
        n, self.sessions_followed = self.sessions_followed, 0
        return ngettext("{n} lagret økt nevner nå tjenestenes nye id", "{n} lagrede økter nevner nå tjenestenes "
                        "nye id", n).format(n=n) if n else ""

    def _sessions_follow(self, change) -> None:
        """A map saved with services given other ids: the case sessions saved
        for it name the new ids from now on (the running one follows as it goes)."""
        if change.file_kind != "map" or not change.renamed:
            return
        from ..session import store

        running = self.window.current_session()
        skip = [running.path] if running is not None else []
        done, failed = store.follow_renames(change.file_id, change.renamed, self.editor.map(change.file_id),
                                            skip=skip)
        self.sessions_followed += len(done)  # said with the save (FileKeeper.save)
        if failed:
            self.warn("\n".join(failed))

    def _after_change(self, saved: bool = False) -> None:
        from .window_sync import update_title

        update_title(self.window)
        self.unsaved.place()
        if not saved:
            for panel in (self.form, self.pathway_editor, self.case_editor):
                if panel is None:
                    continue
                if panel.isVisible():
                    panel.refresh()
                    panel.stale = False
                else:
                    panel.stale = True  # refreshed when its tab is shown (_tab_shown)
        self._update_actions()

    def _retranslate(self) -> None:
        """The edit panels' own texts (what they show of the files stays as it is),
        and each field check in view checked again: the editor words its
        problems in the language spoken now."""
        if self.tabs is not None:
            self.tabs.retranslate()
        for panel in (self.form, self.pathway_editor, self.case_editor):
            if panel is not None:
                checked = [f for f in getattr(panel, "fields", ()) if f.problems]
                getattr(panel, "retranslate", panel.refresh)()
                for f in checked:
                    f.check()

    def _tab_shown(self, _index: int) -> None:
        for panel in (self.form, self.pathway_editor, self.case_editor):
            if panel is not None and getattr(panel, "stale", False) and panel.isVisible():
                panel.refresh()
                panel.stale = False

    def _workspace_set(self) -> None:
        """Another folder is open: the old editor, its history and watches go
        (and edit mode, whose forms showed the old folder)."""
        if self.active:
            self.set_edit_mode(False)
        if self._listening is not None:
            self._listening.unsubscribe(self._on_change)
            self._listening = None
        self.undo.set_editor(None)
        self.window.problems_panel._shown_problems = None  # set_workspace filled the panel itself
        self.files.workspace_opened(self.root())
        self._after_change()

    # --- edit mode --------------------------------------------------------------------------------
    def toggle(self, on: bool | None = None) -> None:
        self.set_edit_mode(not self.active if on is None or not isinstance(on, bool) else on)

    def set_edit_mode(self, on: bool) -> bool:
        """Turn edit mode on or off; True when it is as asked."""
        w = self.window
        if on and w.presentation.active:
            self.say(_("Redigering er av i presentasjonsmodus."))
            on = False
        if on and not self.active:
            if self.ensure_editor() is None:
                self.toggle_action.setChecked(False)
                self._offer_copy()
                return False
            self.active = True
            chosen = w.chosen_map()
            if chosen is not None and w.region_ui.current_view() == regional.REGIONAL \
                    and w.region_ui.show_as_written(chosen.id):
                # a regional view's cards are roles gathered from many services: one
                # edits the services themselves, as the file has them
                self.say(_("Redigering viser alle tjenestene i kartet, slik de står i filen."))
            self._build_panels()
            # One tab for the forms, standing in for the service's and the pathway's
            # tabs: seven names do not fit a drawer's width (tester round 2, item 7)
            w.add_side_panel(self.tabs, N_("✎ Rediger"))
            for panel in (w.details, w.pathway_panel):
                w.room.side.set_tab_shown(panel, False)
            for panel in (self.form, self.pathway_editor, self.case_editor):
                panel.refresh()
            w.service_chooser = self.choose_service
            self.map_editing.attach()
            self.banner.show()
            self.banner.place()
            w.room.editing = True
            w.room.show_side(self.form)
            w.show_panel(self.form)
            w.refresh_stress()  # the selection outline of a service chosen before
        elif not on and self.active:
            self.active = False
            w.remove_side_panel(self.tabs)
            for panel in (w.details, w.pathway_panel):
                w.room.side.set_tab_shown(panel, True)
            w.service_chooser = None
            self.map_editing.detach()
            self.map_editing.link_mode = False
            self.link_action.setChecked(False)
            self.banner.hide()
            w.room.editing = False
            w.room.relayout()
            w.refresh_stress()  # no selection outline outside edit mode
        self.toggle_action.setChecked(self.active)
        self._update_actions()
        return self.active == on

    def _build_panels(self) -> None:
        if self.form is None:
            from .edit_case import CaseEditor
            from .edit_pathway import PathwayEditor
            from .edit_service import ServiceForm

            self.form = ServiceForm(self)
            self.pathway_editor = PathwayEditor(self)
            self.case_editor = CaseEditor(self)
            self.tabs = EditTabs(((self.form, N_("Tjeneste")), (self.pathway_editor, N_("Forløp")),
                                  (self.case_editor, N_("Kasus"))))
            self.tabs.currentChanged.connect(self._tab_shown)

    def _presentation_check(self) -> None:
        presenting = self.window.presentation.active
        if presenting and self.active:
            self.set_edit_mode(False)
        self.toggle_action.setEnabled(not presenting)

    def _update_actions(self) -> None:
        for a in self.edit_actions:
            a.setEnabled(self.active)
        ed = self.editor
        self.save_action.setEnabled(ed is not None and ed.dirty)
        self.history_action.setEnabled(ed is not None)

    def _offer_copy(self) -> None:
        """Edit mode on the bundled data: offer an own copy to edit."""
        root = self.root()
        if root is None or not is_bundled(root):
            self.warn(_("Åpne en mappe med kart før du redigerer (Fil → Åpne mappe, eller Fil → Nytt kart)."))
            return
        choice = self.ask(_("Redigere eksempeldataene"), _(
            "Eksempeldataene følger med programmet og endres ikke. Vil du lage en egen kopi av dem "
            "som du kan redigere og lagre?"), [_("Lag en kopi…"), _("Avbryt")], 0, 1)
        if choice == 0:
            folder = self.choose_folder(_("Velg en tom mappe til kopien"))
            if folder:
                self.copy_bundled(Path(folder))

    def choose_folder(self, title: str) -> str:
        """A folder the user picks (tests replace this)."""
        return QFileDialog.getExistingDirectory(self.window, title, str(Path.home()))

    def copy_bundled(self, target: Path) -> bool:
        """Copy the bundled example into ``target``, open it there and turn edit mode on."""
        from . import window_actions

        root = self.root()
        try:
            target.mkdir(parents=True, exist_ok=True)
            names = ("kart", "kasus", "region")
            taken = [n for n in names if (target / n).exists()]
            if taken:
                self.warn(_("«{path}» har allerede {names}; velg en tom mappe.").format(
                    path=target, names=", ".join(taken)))
                return False
            shutil.copytree(paths.kart_dir(), target / "kart")
            shutil.copytree(paths.kasus_dir(), target / "kasus")
            shutil.copytree(paths.region_dir(), target / "region")
        except OSError as exc:
            self.warn(_("Kunne ikke kopiere eksempeldataene: {error}").format(error=describe(exc)))
            return False
        region = root is not None and (root == paths.region_dir().resolve() or paths.region_dir().resolve() in root.parents)
        window_actions.open_path(self.window, str(target / "region" if region else target))
        return self.set_edit_mode(True)

    # --- choosing and editing services ----------------------------------------------------------
    def selected_service(self) -> str | None:
        """The service whose form is shown in edit mode (its card has the
        selection outline: ``stress.map_stress``), or None."""
        return self.form.service_id if self.active and self.form is not None else None

    def choose_service(self, service_id: str) -> None:
        if self.form is None:
            return
        self.form.show_service(service_id)
        self.window.show_panel(self.form)
        self._keep_card_in_view(service_id)

    def _keep_card_in_view(self, service_id: str) -> None:
        """The card being edited is not hidden under the drawer with its form."""
        w = self.window
        card = w.scene.cards.get(service_id) if w.scene is not None else None
        if card is None:
            return
        box = w.map_view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        box.translate(w.map_view.viewport().mapTo(w.room, box.topLeft()) - box.topLeft())
        w.room.keep_in_view(box)

    def service_name(self, sid: str) -> str:
        m = self.window.current_map()
        s = m.service(sid) if m is not None else None
        return s.navn if s is not None else sid

    def _map_id(self) -> str | None:
        m = self.window.current_map()
        return m.id if m is not None else None

    def run(self, fn):
        """Make an edit; an EditError becomes a message. Returns fn's result or None."""
        if self.editor is None:
            return None
        try:
            return fn()
        except EditError as exc:
            self.warn(str(exc))
            return None

    def add_service(self) -> str | None:
        mid = self._map_id()
        if not self.active or mid is None:
            return None
        form = self.form
        niva = None
        s = form.service() if form is not None else None
        if s is not None:
            niva = s.niva  # next to the service being edited
        sid = self.run(lambda: self.editor.add_service(mid, navn=_("Ny tjeneste"), niva=niva))
        if sid:
            self.choose_service(sid)
            form.navn.setFocus()
            form.navn.selectAll()
        return sid

    def duplicate_service(self) -> str | None:
        mid, sid = self._map_id(), self.form.service_id if self.form is not None else None
        if not self.active or mid is None or not sid:
            return None
        new = self.run(lambda: self.editor.duplicate_service(mid, sid))
        if new:
            self.choose_service(new)
        return new

    def delete_service(self) -> None:
        mid, sid = self._map_id(), self.form.service_id if self.form is not None else None
        if not self.active or mid is None or not sid:
            return
        name = self.service_name(sid)
        if self.run(lambda: self.editor.remove_service(mid, sid)) is not None:
            self.form.show_service(None)
            self.say(_("«{navn}» er slettet (Ctrl+Z angrer).").format(navn=name))

    def move_service(self, sid: str, niva: int, position: int, place: tuple[float, float] | None = None):
        """A card dropped at band ``niva``, ``position`` (file order); pinned there
        (``place``: the card's top-left corner) only with *Fest kort* on."""
        mid = self._map_id()
        if mid is None:
            return None
        kwargs = {"niva": niva, "position": position}
        if place is not None and self.pin_action.isChecked():
            kwargs["plassering"] = place
        change = self.run(lambda: self.editor.move_service(mid, sid, **kwargs))
        self.choose_service(sid)
        return change

    def move_by(self, levels: int, steps: int) -> None:
        """Keyboard move of the chosen card: ``levels`` bands up (+) or down (−),
        ``steps`` places later (+) or earlier (−) in its band's file order."""
        m = self.window.current_map()
        s = self.form.service() if self.form is not None else None
        if not self.active or m is None or s is None:
            return
        if levels:
            ids = [lv.id for lv in m.levels_bottom_up()]
            i = ids.index(s.niva) + levels if s.niva in ids else -1
            if 0 <= i < len(ids):
                self.run(lambda: self.editor.move_service(m.id, s.id, niva=ids[i]))
            return
        band = [x.id for x in m.tjenester if x.niva == s.niva]
        i = band.index(s.id) + steps
        if 0 <= i < len(band):
            self.run(lambda: self.editor.move_service(m.id, s.id, position=i))

    def unpin(self) -> None:
        mid, s = self._map_id(), self.form.service() if self.form is not None else None
        if mid and s is not None:
            self.run(lambda: self.editor.move_service(mid, s.id, plassering=None))

    def add_link(self, a: str, b: str):
        mid = self._map_id()
        if mid is None or a == b:
            return None
        change = self.run(lambda: self.editor.add_link(mid, a, b))
        if change is None and self.editor is not None:
            self.say(_("«{a}» og «{b}» har allerede et samarbeid.").format(a=self.service_name(a), b=self.service_name(b)))
        else:
            self.say(_("Samarbeid tegnet: {a} – {b}").format(a=self.service_name(a), b=self.service_name(b)))
        return change

    def _link_mode(self, on: bool) -> None:
        self.map_editing.link_mode = bool(on)
        self.map_editing.link_from = None
        if on:
            self.say(_("Klikk ett kort og så et annet for å tegne et samarbeid."))

    # --- panels and dialogs ---------------------------------------------------------------------
    def show_editor_panel(self, which: str) -> None:
        if not self.active:
            return
        panel = self.pathway_editor if which == "pathway" else self.case_editor
        self.window.show_panel(panel)
        panel.setFocus()

    def _map_shown(self) -> None:
        if self.form is not None and self.active:
            self.form.show_service(None)
            self.pathway_editor.refresh()
            self.case_editor.refresh()

    def _pathway_shown(self) -> None:
        if self.pathway_editor is not None and self.active:
            self.pathway_editor.refresh()

    def show_history(self) -> HistoryDialog:
        if self.history is None:
            self.history = HistoryDialog(self.undo.stack, self.window)
        self.history.show()
        self.history.raise_()
        return self.history

    def new_map(self):
        from .new_map_dialog import NewMapDialog

        if not self.may_close():
            return None
        dlg = NewMapDialog(self.window)
        dlg.made.connect(self._open_new)
        dlg.open()
        self.new_map_dialog = dlg
        return dlg

    def _open_new(self, folder: str) -> None:
        from . import window_actions

        window_actions.open_path(self.window, folder)
        self.set_edit_mode(True)

    # --- closing --------------------------------------------------------------------------------
    def may_close(self) -> bool:
        """Whether the folder may be closed now: asks about unsaved edits."""
        return self.files.may_close()


class WindowEdits(QObject):
    """``window.edits``: the contract issue 9's traffic lights and flags from a
    case edit through (written for its stand-in before the edit mode existed):

    - ``editor()`` -> the window's ``Editor`` (opened on first use). Raises
      ``EditError`` for the example data shipped with the program, or no folder.
    - ``run(op, on_undo=None, on_redo=None)``: ``op(editor) -> Change | None``
      makes one edit: one step of the undo stack (``on_undo``/``on_redo`` run
      after it is undone or redone), shown in the window at once. A verdict
      is not left unsaved: when its file had no other unsaved edits, the file
      is saved at once, and so are the step's undo and redo; in a file with
      unsaved edits it waits with them for Ctrl+S. Raises ``EditError``.
    - ``stack``: the QUndoStack (*Rediger → Angre*); ``changed(Change)``.
    """

    changed = Signal(object)

    def __init__(self, ctl: EditController):
        super().__init__(ctl)
        self.ctl = ctl
        self.stack = ctl.undo.stack

    def editor(self) -> Editor:
        ed = self.ctl.ensure_editor()
        if ed is None:
            if is_bundled(self.ctl.root()):
                raise EditError(_("eksempeldataene som følger med programmet, kan ikke endres; åpne en egen mappe "
                                  "(Fil → Åpne mappe…) eller lag en med «sammenkart ny»"))
            raise EditError(_("ingen mappe er åpen"))
        return ed

    def run(self, op, on_undo=None, on_redo=None):
        ed = self.editor()
        dirty_before = {d.path for d in ed.documents if d.dirty}
        change = op(ed)
        if change is None:
            return None
        path = change.path
        quick = path not in dirty_before

        def save() -> None:
            if quick and path in ed.dirty_paths():
                try:
                    ed.save([path], overwrite=True)
                except EditError as exc:
                    self.ctl.say(_("Kunne ikke lagre: {grunn}").format(grunn=exc))
                self.ctl._after_change(saved=True)

        if quick:
            try:
                ed.save([path])
            except EditError:
                ed.undo()  # what is on disk is what the window shows
                raise
            self.ctl._after_change(saved=True)
        cmd = self.ctl.undo.last_command
        if cmd is not None:
            cmd.after_undo += [save] + ([on_undo] if on_undo else [])
            cmd.after_redo += [save] + ([on_redo] if on_redo else [])
        return change


def install(window) -> EditController:
    ctl = EditController(window)
    window.edits = WindowEdits(ctl)
    return ctl


class EditTabs(QTabWidget):
    """Edit mode's forms (service, pathway, case) as pages of one side-panel tab;
    ``pages``: (widget, title marked ``N_``)."""

    def __init__(self, pages, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self._titles = list(pages)
        for widget, _title in self._titles:
            self.addTab(widget, "")
        self.retranslate()

    def retranslate(self) -> None:
        for widget, title in self._titles:
            self.setTabText(self.indexOf(widget), _(title))
