"""The edited files on disk: saving, closing, recovery copies, changes by others.

- **Ctrl+S** writes every file with unsaved edits (``Editor.save``, each
  atomically). A file another program changed since it was read is not
  overwritten without asking: the user merges (their change read in, the
  user's edits on top) or overwrites, and then the other version is kept in
  ``gjenoppretting/`` beside the file (``keep_beside``).
- **Closing** (the window, another folder, a new map) with unsaved edits
  asks: Lagre / Ikke lagre / Avbryt.
- **Recovery copies**: every 30 s the unsaved texts go to the user's data
  folder (``editing.save_copies``); when a folder is opened, copies a crash
  left are offered (``find_copies``) and taken back as an undoable edit. A
  file changed on disk since the crash gets its copy offered too, said so,
  and the copy's edits are merged onto the new text (``Editor.recover``);
  what cannot be merged is kept beside the file, never dropped.
- **Changed on disk**: a QFileSystemWatcher on every open file (and its
  folder, since an atomic save by another program replaces the file and
  the watch goes with the old one). A change to a file without unsaved
  edits is read again quietly; with unsaved edits the change is read in and
  the user's edits are kept on top where they touch other lines
  (``Editor.reload``: undo then takes back only the user's own edits), and
  the user is told; where both changed the same lines the user chooses whose
  lines count, and the other whole version is kept beside the file.
  Before anything is edited the loaded files' states are kept, and a change
  opens the editor, which reads the files as they are now.
- **While presenting** (F5, the projector) nothing is read in and nothing is
  asked over the room's picture: the map keeps showing what it showed, the
  edits stay (recovery copies go on), and the files waiting are named in the
  facilitator's window when one is open. When presentation ends the change
  is looked at and asked about as above; a recovery offer waits the same way.
  A question the user's own action brings up while presenting (Ctrl+S over a
  change) goes to the facilitator's window when it is on another screen.
  With no such window (the projector is the only screen) nothing modal comes
  over the room's picture: Ctrl+S saves silently when there is nothing to ask;
  when there is (a change by another program, a file that cannot be written)
  nothing is written, the edits stay unsaved (the chip shows again when
  presentation ends), a short note on the map says the save waits, and when
  presentation ends the save is done again with its questions as usual.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from .. import loader
from ..editing import EditError, FileChangedError, discard, disk_state, find_copies, keep_beside, save_copies
from ..editing.document import changed_on_disk
from ..i18n import N_, _, ngettext
from ..os_errors import describe

RECOVERY_INTERVAL_MS = 30_000
SETTLE_MS = 250  # a save by another program may come as several events
SAVE_NOTE_MS = 10_000  # the note that a save waits for presentation's end (the room sees it)


class FileKeeper(QObject):
    def __init__(self, ctl):
        super().__init__(ctl)
        self.ctl = ctl
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.check_disk)
        self.recovery = QTimer(self)
        self.recovery.setInterval(RECOVERY_INTERVAL_MS)
        self.recovery.timeout.connect(self.save_recovery)
        self.recovery.start()
        self.loaded: dict[Path, object] = {}  # before an editor: path -> DiskState as loaded
        self.kept: dict[Path, object] = {}  # the user kept their edits over this disk state
        self.released = None  # the editor whose unsaved edits the user chose to drop
        self.last_recovery_error: str | None = None
        self.offer_pending = False
        self._checking = False  # a question about a change is open: later events wait for it
        self.waiting_disk = False  # a change came while presenting: looked at when it ends
        self.waiting_offer = False  # recovery copies to offer when presentation ends
        self.waiting_save = False  # a save had a question while presenting on the only screen
        presentation = getattr(ctl.window, "presentation", None)
        if presentation is not None:
            presentation.active_changed.connect(self._presentation_changed)

    # --- presentation: nothing over the projected picture --------------------------------------
    def presenting(self) -> bool:
        presentation = getattr(self.ctl.window, "presentation", None)
        return bool(presentation is not None and presentation.active)

    def _presentation_changed(self, active: bool) -> None:
        if active:
            return
        if self.waiting_offer:
            self.waiting_offer = False
            QTimer.singleShot(0, self.offer_recovery)
        if self.waiting_disk:
            self.waiting_disk = False
            QTimer.singleShot(0, self.check_disk)
        if self.waiting_save:  # after the disk is looked at: the save asks what it had to
            self.waiting_save = False
            QTimer.singleShot(0, self.save)

    def _wait_for_presentation(self) -> None:
        """A change came while presenting: name the files for the facilitator, look at them later."""
        self.waiting_disk = True
        ed = self.ctl.editor
        if ed is not None:
            changed = ed.changed_on_disk()
        else:
            changed = [p for p, known in self.loaded.items() if changed_on_disk(p, known)]
        self._set_waiting([p.name for p in changed])
        self._rewatch()

    def _set_waiting(self, names: list[str]) -> None:
        chip = getattr(self.ctl, "unsaved", None)
        if chip is not None:
            chip.set_waiting(names)

    def _asks_over_the_room(self) -> bool:
        """Presenting with no window of the facilitator's on another screen: a
        question now would stand over the projected picture."""
        return self.presenting() and self.question_parent() is self.ctl.window

    def _save_later(self, names: list[str]) -> bool:
        """A save that has something to ask while the room looks on: ask when
        presentation ends; a short note now (``names``: files changed by others)."""
        self.waiting_save = True
        if names:
            self.ctl.window.room.set_message(
                N_("Ikke lagret: venter til presentasjonen er slutt ({files})"),
                SAVE_NOTE_MS, files=", ".join(names))
        else:
            self.ctl.window.room.set_message(
                N_("Ikke lagret: venter til presentasjonen er slutt"), SAVE_NOTE_MS)
        return False

    def question_parent(self):
        """The window a question is asked over: the map window, or while
        presenting the facilitator's window when it is open on another screen
        (a question the user's own action brings up, e.g. saving over a change)."""
        w = self.ctl.window
        if self.presenting():
            f = getattr(getattr(w, "kasus", None), "facilitator", None)
            if f is not None and f.isVisible():
                here = QGuiApplication.screenAt(f.geometry().center()) or f.screen()
                if here is not w.screen():
                    return f
        return w

    # --- opening and watching --------------------------------------------------------------
    def workspace_opened(self, root: Path | None) -> None:
        """A folder was opened (no editor yet): watch its files, offer recovery copies."""
        self._unwatch()
        self.loaded, self.kept, self.released = {}, {}, None
        if root is None or not root.exists():
            return
        from .edit_ui import is_bundled

        if is_bundled(root):
            return
        files = [p for group in loader.workspace_files(root) for p in group]
        for p in files:
            self.loaded[p.resolve()] = disk_state(p)
        self._watch_paths(files)
        if find_copies(files) and not self.offer_pending:
            self.offer_pending = True
            QTimer.singleShot(0, self.offer_recovery)

    def watch(self, editor) -> None:
        self._unwatch()
        self.loaded = {}
        self._watch_paths([d.path for d in editor.documents])

    def _watch_paths(self, files) -> None:
        files = [str(p) for p in files if Path(p).exists()]
        folders = sorted({str(Path(p).parent) for p in files})
        if files:
            self.watcher.addPaths(files)
        if folders:
            self.watcher.addPaths(folders)

    def _unwatch(self) -> None:
        for group in (self.watcher.files(), self.watcher.directories()):
            if group:
                self.watcher.removePaths(group)

    def _changed(self, _path: str) -> None:
        self.settle.start()

    def check_disk(self) -> list[Path]:
        """Look at the watched files now; returns the files read again
        (none while presenting: they are looked at when it ends)."""
        if self.presenting():
            self._wait_for_presentation()
            return []
        self._set_waiting([])
        if self._checking:
            self.settle.start()  # asked already; look again when that is answered
            return []
        self._checking = True
        try:
            return self._check_disk()
        finally:
            self._checking = False

    def _check_disk(self) -> list[Path]:
        ed = self.ctl.editor
        if ed is None:
            changed = [p for p, known in self.loaded.items() if changed_on_disk(p, known)]
            if changed and self.ctl.ensure_editor() is not None:
                self.ctl.say(_("Lest inn på nytt: {files}").format(files=", ".join(p.name for p in changed)))
            self._rewatch()
            return changed
        read = []
        for path in ed.changed_on_disk():
            doc = ed.document_at(path)
            now = disk_state(path)
            if doc.dirty:
                if path in self.kept and self.kept[path] == now:  # (a file gone is None too)
                    continue  # asked already about this very change
                if not self.merge_in(path):
                    self.kept[path] = now
                    continue
            else:
                try:
                    ed.reload(path)
                except EditError as exc:
                    self.ctl.warn(str(exc))
                    continue
            self.kept.pop(path, None)
            read.append(path)
        if read:
            self.ctl.say(_("Lest inn på nytt: {files}").format(files=", ".join(p.name for p in read)))
        self._rewatch()
        return read

    def merge_in(self, path: Path, saving: bool = False) -> bool:
        """Read in a file another program changed while it has unsaved edits,
        keeping the edits on top (``Editor.reload``); the user is told what
        happened, and chooses only where both changed the same lines. Whatever
        version is not used is written beside the file first. True when read.
        ``saving``: the user chose «Slå sammen» to save; a clean merge needs no word then."""
        ed = self.ctl.editor
        doc = ed.document_at(path)
        shown = loader._shown(path)
        title = _("Fila er endret av et annet program")
        preview = ed.merge_preview(path)
        if preview is None and path.exists():
            # not text on disk (a half-written sync?): reading it would drop the edits, so they go beside first
            choice = self.ctl.ask(title, _(
                "«{file}» er endret utenfor Sammenkart (av et annet program eller git), og det som står "
                "der nå, kan ikke leses som tekst. Du har ulagrede endringer i fila.\n\nLese den inn likevel? "
                "Din versjon blir da lagret ved siden av.").format(file=shown),
                [_("Les inn på nytt"), _("Behold mine endringer")], 1, 1)
            if choice != 0:
                return False
            kept = self._keep(path, doc.text, doc.bom)
            if kept is None:
                return False
            ed.reload(path)
            self.ctl.ask(title, _("Din versjon av «{file}» er lagret i «{kept}».").format(
                file=shown, kept=loader._shown(kept)), [_("OK")])
            return True
        if preview is None or preview.clean:
            try:
                change = ed.reload(path)
            except EditError as exc:
                self.ctl.warn(str(exc))
                return False
            if not path.exists():  # deleted by another program: the edits stay, a save writes the file again
                if change is not None and not saving:
                    self.ctl.ask(title, change.text, [_("OK")])
            elif not saving:
                self.ctl.ask(title, _(
                    "«{file}» er endret utenfor Sammenkart (av et annet program eller git). Endringene derfra "
                    "er lest inn, og de ulagrede endringene dine er lagt oppå dem: de gjaldt andre linjer.\n\n"
                    "Angre (Ctrl+Z) tar bare bort dine egne endringer. Lagre med Ctrl+S.").format(file=shown),
                    [_("OK")])
            return True
        lines = ", ".join(str(n) for n in preview.conflicts)
        choice = self.ctl.ask(title, ngettext(
            "«{file}» er endret utenfor Sammenkart (av et annet program eller git), og linje {lines} er endret "
            "både der og av deg.",
            "«{file}» er endret utenfor Sammenkart (av et annet program eller git), og linjene {lines} er "
            "endret både der og av deg.", len(preview.conflicts)).format(file=shown, lines=lines) + "\n\n" + _(
            "Hvilken versjon skal gjelde der? Alle de andre endringene blir tatt med, både dine og de fra "
            "disken, og den andre versjonen av hele fila blir lagret ved siden av, så ingenting går tapt."),
            [_("Bruk versjonen på disken"), _("Bruk mine endringer"), _("Vent")], 0, 2)
        if choice not in (0, 1):
            return False
        keep = "disk" if choice == 0 else "mine"
        other = doc.text if keep == "disk" else self._disk_text(path)
        kept = self._keep(path, other, doc.bom)
        if kept is None:
            return False
        try:
            ed.reload(path, keep=keep)
        except EditError as exc:
            self.ctl.warn(str(exc))
            return False
        merged = ed.last_merge
        where = ", ".join(str(n) for n in (merged.conflicts if merged is not None else preview.conflicts))
        n = len(merged.conflicts) if merged is not None else len(preview.conflicts)
        said = (ngettext("Linje {lines} er nå slik den står på disken.", "Linjene {lines} er nå slik de står på disken.",
                         n) if keep == "disk" else
                ngettext("Linje {lines} er nå slik du skrev den.", "Linjene {lines} er nå slik du skrev dem.", n))
        other_said = (_("Din versjon av hele fila er lagret i «{kept}».") if keep == "disk" else
                      _("Versjonen som sto på disken, er lagret i «{kept}»."))
        self.ctl.ask(title, said.format(lines=where) + " " + other_said.format(kept=loader._shown(kept)) + "\n\n" + _(
            "Angre (Ctrl+Z) tar bare bort dine egne endringer. Lagre med Ctrl+S."), [_("OK")])
        return True

    @staticmethod
    def _disk_text(path: Path) -> str:
        try:
            return path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        except OSError:
            return ""

    def _keep(self, path: Path, text: str | None, bom: bool) -> Path | None:
        """``keep_beside``, or None (and the user told) when it cannot be written."""
        try:
            return keep_beside(path, text or "", bom)
        except OSError as exc:
            self.ctl.warn(_("Kunne ikke lagre en kopi ved siden av «{file}»: {error}").format(
                file=loader._shown(path), error=describe(exc)))
            return None

    def _rewatch(self) -> None:
        """An atomic save replaces the file: its watch went with the old one."""
        ed = self.ctl.editor
        paths = [d.path for d in ed.documents] if ed is not None else list(self.loaded)
        have = set(self.watcher.files())
        missing = [str(p) for p in paths if str(p) not in have and Path(p).exists()]
        if missing:
            self.watcher.addPaths(missing)

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write every file with unsaved edits; True when all are saved."""
        ed = self.ctl.editor
        if ed is None or not ed.dirty:
            return True
        quiet = self._asks_over_the_room()
        try:
            written = ed.save()
        except FileChangedError as exc:
            if quiet:
                return self._save_later([p.name for p in exc.paths])
            n = len(exc.paths)
            choice = self.ctl.ask(_("Fila er endret av et annet program"), "{message}\n\n".format(message=exc) + ngettext(
                "Slå sammen: endringene derfra leses inn, og dine legges oppå. Skriv over: din versjon lagres, "
                "og den som står på disken nå, blir lagret ved siden av.",
                "Slå sammen: endringene derfra leses inn, og dine legges oppå. Skriv over: dine versjoner lagres, "
                "og de som står på disken nå, blir lagret ved siden av.", n),
                [_("Slå sammen"), _("Skriv over"), _("Avbryt")], 0, 2)
            if choice == 0:
                for path in exc.paths:
                    if not self.merge_in(path, saving=True):
                        return False
                self.kept = {p: s for p, s in self.kept.items() if p not in exc.paths}
                return self.save()
            if choice != 1:
                return False
            kept = []
            for path in exc.paths:
                doc = ed.document_at(path)
                if path.exists():
                    beside = self._keep(path, self._disk_text(path), doc.bom)
                    if beside is None:
                        return False
                    kept.append(beside)
            try:
                written = ed.save(overwrite=True)
            except EditError as exc2:
                self.ctl.warn(str(exc2))
                return False
            if kept:
                self.ctl.ask(_("Lagret"), ngettext(
                    "Versjonen som sto på disken, er lagret i {files}.",
                    "Versjonene som sto på disken, er lagret i {files}.", len(kept)).format(
                    files=", ".join(f"«{loader._shown(k)}»" for k in kept)), [_("OK")])
        except EditError as exc:
            if quiet:
                return self._save_later([])
            self.ctl.warn(str(exc))
            return False
        self._rewatch()
        note = self.ctl.followed_note()
        self.ctl.say(_("Lagret: {files}").format(files=", ".join(p.name for p in written)) + (f" · {note}" if note else ""))
        self.ctl._after_change(saved=True)
        return True

    def may_close(self) -> bool:
        ed = self.ctl.editor
        if ed is None or not ed.dirty or self.released is ed:
            return True
        names = ", ".join(p.name for p in ed.dirty_paths())
        choice = self.ctl.ask(_("Ulagrede endringer"), _(
            "Du har endringer som ikke er lagret ({files}).\n\nVil du lagre dem?").format(files=names),
            [_("Lagre"), _("Ikke lagre"), _("Avbryt")], 0, 2)
        if choice == 0:
            return self.save()
        if choice == 1:
            for p in ed.dirty_paths():
                discard(p)  # the user chose: nothing to offer after the next start
            self.released = ed
            return True
        return False

    # --- recovery ---------------------------------------------------------------------------------
    def save_recovery(self) -> list[Path]:
        ed = self.ctl.editor
        if ed is None or self.released is ed:
            return []
        try:
            written = save_copies(ed.documents)
            self.last_recovery_error = None
            return written
        except OSError as exc:
            text = _("Kunne ikke lagre en gjenopprettingskopi: {error}").format(error=describe(exc))
            if text != self.last_recovery_error:
                self.ctl.say(text)
            self.last_recovery_error = text
            return []

    def offer_recovery(self) -> int:
        """Offer what a crash left unsaved in the open folder; returns how many were taken back."""
        self.offer_pending = False
        self._checking = False  # a question about a change is open: later events wait for it
        if self.presenting():
            self.waiting_offer = True
            return 0
        root = self.ctl.root()
        if root is None:
            return 0
        files = [p for group in loader.workspace_files(root) for p in group]
        copies = find_copies(files)
        if not copies:
            return 0
        lines = []
        for c in copies:
            if c.changed_since:
                line = _("• {file} (lagret {when}; fila er endret på disken siden)")
            else:
                line = _("• {file} (lagret {when})")
            lines.append(line.format(file=loader._shown(c.path), when=c.when))
        changed = [c for c in copies if c.changed_since]
        text = _("Sammenkart ble avsluttet uten at disse endringene ble lagret:\n{files}\n\n"
                 "Vil du hente dem tilbake? De vises som ulagrede endringer; Angre tar dem bort igjen.").format(
            files="\n".join(lines))
        if changed:
            text += "\n\n" + ngettext(
                "Fila som er endret siden, får endringene dine lagt oppå den nye teksten; det som ikke "
                "passer, blir lagret ved siden av.",
                "Filene som er endret siden, får endringene dine lagt oppå den nye teksten; det som ikke "
                "passer, blir lagret ved siden av.", len(changed))
        choice = self.ctl.ask(_("Ulagrede endringer funnet"), text, [_("Hent tilbake"), _("Forkast"), _("Senere")], 0, 2)
        if choice == 1:
            for c in copies:
                discard(c.path)
            return 0
        if choice != 0:
            return 0
        ed = self.ctl.ensure_editor()
        if ed is None:
            return 0
        taken = 0
        notes = []
        for c in copies:
            shown = loader._shown(c.path)
            try:
                doc = ed.document_at(c.path)
            except EditError as exc:
                self.ctl.warn(str(exc))
                continue
            if c.changed_since and (c.base is None or doc.text is None):
                # nothing to merge against: the copy goes beside the file, whole; the file stays as it is
                kept = self._keep(c.path, c.text, doc.bom)
                if kept is not None:
                    discard(c.path)
                    notes.append(_("«{file}» er endret på disken siden, og kopien kan ikke legges oppå den. "
                                   "Kopien er lagret i «{kept}»; fila er ikke endret.").format(
                        file=shown, kept=loader._shown(kept)))
                continue
            disk = doc.text
            try:
                change = ed.recover(c.path, c.text, c.base if c.changed_since else None)
            except EditError as exc:
                self.ctl.warn(str(exc))
                continue
            if change is not None:
                taken += 1
            merged = ed.last_merge
            if merged is None:
                continue
            if merged.clean:
                notes.append(_("«{file}» er endret på disken siden; endringene dine er lagt oppå den nye teksten. "
                               "Angre tar dem bort igjen.").format(file=shown))
                continue
            kept = self._keep(c.path, disk, doc.bom)
            where = ", ".join(str(n) for n in merged.conflicts)
            note = ngettext("«{file}» er endret på disken siden, og linje {lines} er endret begge steder; der er "
                            "kopien din brukt.",
                            "«{file}» er endret på disken siden, og linjene {lines} er endret begge steder; der er "
                            "kopien din brukt.", len(merged.conflicts)).format(file=shown, lines=where)
            if kept is not None:
                note += " " + _("Versjonen som sto på disken, er lagret i «{kept}».").format(kept=loader._shown(kept))
            notes.append(note)
        self.ctl.say(ngettext("Hentet tilbake {n} ulagret fil; lagre med Ctrl+S.",
                              "Hentet tilbake {n} ulagrede filer; lagre med Ctrl+S.", taken).format(n=taken))
        if notes:
            self.ctl.ask(_("Ulagrede endringer hentet tilbake"), "\n\n".join(notes), [_("OK")])
        return taken
