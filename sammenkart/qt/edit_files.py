"""The edited files on disk: saving, closing, recovery copies, changes by others.

- **Ctrl+S** writes every file with unsaved edits (``Editor.save``, each
  atomically). A file another program changed since it was read is not
  overwritten without asking.
- **Closing** (the window, another folder, a new map) with unsaved edits
  asks: Lagre / Ikke lagre / Avbryt.
- **Recovery copies**: every 30 s the unsaved texts go to the user's data
  folder (``editing.save_copies``); when a folder is opened, copies a crash
  left are offered (``find_copies``) and taken back as an undoable edit.
- **Changed on disk**: a QFileSystemWatcher on every open file (and its
  folder, since an atomic save by another program replaces the file and
  the watch goes with the old one). A change to a file without unsaved
  edits is read again quietly; with unsaved edits the user is asked.
  Before anything is edited the loaded files' states are kept, and a change
  opens the editor, which reads the files as they are now.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from .. import loader
from ..editing import EditError, FileChangedError, discard, disk_state, find_copies, save_copies
from ..editing.document import changed_on_disk
from ..i18n import _
from ..os_errors import describe

RECOVERY_INTERVAL_MS = 30_000
SETTLE_MS = 250  # a save by another program may come as several events


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
        """Look at the watched files now; returns the files read again."""
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
                if self.kept.get(path) == now:
                    continue  # asked already about this very change
                choice = self.ctl.ask(_("Fila er endret av et annet program"), _(
                    "«{file}» er endret utenfor Sammenkart (av et annet program eller git), og du har "
                    "ulagrede endringer i den.\n\nLese den inn på nytt? Endringene dine kan da hentes "
                    "tilbake med Angre (Ctrl+Z).").format(file=loader._shown(path)),
                    [_("Les inn på nytt"), _("Behold mine endringer")], 0, 1)
                if choice != 0:
                    self.kept[path] = now
                    continue
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
        try:
            written = ed.save()
        except FileChangedError as exc:
            choice = self.ctl.ask(_("Fila er endret av et annet program"), _(
                "{message}\n\nSkrive over med dine endringer?").format(message=exc),
                [_("Skriv over"), _("Avbryt")], 1, 1)
            if choice != 0:
                return False
            try:
                written = ed.save(overwrite=True)
            except EditError as exc2:
                self.ctl.warn(str(exc2))
                return False
        except EditError as exc:
            self.ctl.warn(str(exc))
            return False
        self._rewatch()
        self.ctl.say(_("Lagret: {files}").format(files=", ".join(p.name for p in written)))
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
        root = self.ctl.root()
        if root is None:
            return 0
        files = [p for group in loader.workspace_files(root) for p in group]
        copies = find_copies(files)
        if not copies:
            return 0
        lines = "\n".join(f"• {loader._shown(c.path)} ({c.when.replace('T', ' ')})" for c in copies)
        choice = self.ctl.ask(_("Ulagrede endringer funnet"), _(
            "Sammenkart ble avsluttet uten at disse endringene ble lagret:\n{files}\n\n"
            "Vil du hente dem tilbake? De vises som ulagrede endringer; Angre tar dem bort igjen.").format(files=lines),
            [_("Hent tilbake"), _("Forkast"), _("Senere")], 0, 2)
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
        for c in copies:
            try:
                if ed.restore(c.path, c.text) is not None:
                    taken += 1
            except EditError as exc:
                self.ctl.warn(str(exc))
        self.ctl.say(_("Hentet tilbake {n} ulagrede filer; lagre med Ctrl+S.").format(n=taken))
        return taken
