"""One running session: state + case + map, saved after every operation.

This is the single place that tells a user interface what changed: listeners
get a short word ("mark", "step", "reveal", ...) after the state has changed
and been saved, and read whatever they show from here.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..emphasis import Emphasis
from ..model import Case, CaseStep, Map
from . import model as sm
from . import store

Listener = Callable[[str], None]


class Session:
    def __init__(self, case: Case, m: Map, state: sm.SessionState | None = None,
                 path: Path | None = None, autosave: bool = True):
        self.case = case
        self.map = m
        self.state = state or sm.SessionState.start(case, m)
        self._fit_steps()
        self.autosave = autosave
        self.path = Path(path) if path else self._new_path()
        self._listeners: list[Listener] = []
        self.last_error: str | None = None
        # What opening a saved session on today's map said (``model.follow_map``): for the user, once.
        self.notices: list[str] = sm.follow_map(self.state, m) if state is not None else []
        if autosave:
            self.save()

    def _fit_steps(self) -> None:
        # A resumed session of an edited case may have a different number of steps.
        while len(self.state.steps) < len(self.case.steg):
            self.state.steps.append(sm.StepState())
        del self.state.steps[len(self.case.steg):]
        self.state.current = max(0, min(self.state.current, len(self.case.steg) - 1))

    def rebind(self, case: Case, m: Map, renamed=()) -> None:
        """Go on with the case and map as they are after an edit (new objects from
        the editor): the team's answers stay, and follow a service given another
        id (``renamed``: the edit's ``Change.renamed``, reversed for its undo);
        steps added or removed at the end are added or dropped. Saved and
        broadcast as "edit"."""
        self.state.rename_services(renamed)
        self.case, self.map = case, m
        self._fit_steps()
        self._changed("edit")

    def _new_path(self) -> Path:
        # Two sessions of one case started in the same second must not share a file.
        first = store.sessions_dir() / store.file_name(self.state)
        p, n = first, 2
        while p.exists():
            p = first.with_name(f"{first.stem}-{n}.json")
            n += 1
        return p

    # --- listening --------------------------------------------------------
    def subscribe(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def unsubscribe(self, fn: Listener) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def _changed(self, what: str, persist: bool = True) -> None:
        if persist and self.autosave:
            try:
                self.save()
            except store.SessionError:
                # Keep going in memory; the UI shows ``last_error`` and the next
                # operation tries again, so a full disk does not stop the session.
                pass
        for fn in list(self._listeners):
            fn(what)

    def save(self) -> Path:
        """Save now; a failure is remembered (and re-raised) so the UI can say so."""
        self.state.remember_names(self.map)
        try:
            store.save(self.state, self.path)
            self.last_error = None
        except store.SessionError as exc:
            self.last_error = str(exc)
            raise
        return self.path

    # --- reading ------------------------------------------------------------
    @property
    def index(self) -> int:
        return self.state.current

    @property
    def n_steps(self) -> int:
        return len(self.case.steg)

    @property
    def case_step(self) -> CaseStep:
        return self.case.steg[self.state.current]

    @property
    def step(self) -> sm.StepState:
        return self.state.step

    def questions(self) -> list[str]:
        return self.case.questions(self.case_step)

    def comparison(self) -> sm.Comparison:
        return sm.compare(self.map, self.case_step, self.step)

    def emphasis(self) -> Emphasis:
        return sm.emphasis(self.map, self.case_step, self.step)

    def gaps(self) -> list[str]:
        return sm.gaps(self.case, self.map)

    def step_gaps(self) -> list[str]:
        return sm.step_gaps(self.map, self.case_step)

    def next_title(self) -> str | None:
        i = self.state.current + 1
        return self.case.steg[i].tittel if i < self.n_steps else None

    def service_name(self, service_id: str) -> str:
        """The service's name on the map, or the one the session remembers (``SessionState.service_name``)."""
        return self.state.service_name(self.map, service_id)

    # --- operations ----------------------------------------------------------
    def toggle_mark(self, service_id: str) -> bool:
        if self.map.service(service_id) is None:
            return False
        on = self.state.toggle_mark(service_id)
        self._changed("mark")
        return on

    def add_arrow(self, fra: str, til: str) -> bool:
        if self.map.service(fra) is None or self.map.service(til) is None:
            return False
        ok = self.state.add_arrow(fra, til)
        if ok:
            self._changed("arrow")
        return ok

    def remove_arrow(self, fra: str, til: str) -> bool:
        ok = self.state.remove_arrow(fra, til)
        if ok:
            self._changed("arrow")
        return ok

    def reveal(self) -> bool:
        ok = self.state.reveal()
        if ok:
            self._changed("reveal")
        return ok

    def set_note(self, key: str, text: str) -> None:
        if self.step.notes.get(key) == text:
            return
        self.state.set_note(key, text)
        self._changed("note")

    def set_timer(self, seconds: int) -> None:
        self.state.set_timer(seconds)
        self._changed("timer")

    def add_elapsed(self, seconds: float, persist: bool = False) -> None:
        # The clock ticks every second; saving is left to pause/step changes.
        self.state.add_elapsed(seconds)
        self._changed("tick", persist=persist)

    def reset_timer(self) -> None:
        self.state.reset_timer()
        self._changed("timer")

    def go_to(self, index: int) -> bool:
        ok = self.state.go_to(index)
        if ok:
            self._changed("step")
        return ok

    def next_step(self) -> bool:
        return self.go_to(self.index + 1)

    def previous_step(self) -> bool:
        return self.go_to(self.index - 1)

    def first_step(self) -> bool:
        return self.go_to(0)

    def last_step(self) -> bool:
        return self.go_to(self.n_steps - 1)

    def finish(self) -> None:
        self.state.finish()
        self._changed("finish")

    # --- revision flags -------------------------------------------------------
    def raise_flag(self, kind: str, ref: str, note: str = "", *, editor=None, pathway_id: str | None = None,
                   heading: str | None = None, label: str = ""):
        """"Dette stemmer ikkje hos oss" on a card (kind "service") or a role of
        pathway ``pathway_id`` (kind "role"), in the current step. With
        ``editor`` the flag is written at once as a yellow ``revisjon`` in the
        file (``flags.apply_flag``; undo in the editor takes it back). Saved
        and broadcast as "flag". Returns (flag, the editor's Change or None).
        Raises the editor's EditError (the flag is then kept, not applied)."""
        flag = self.state.add_flag(kind, ref, note, pathway_id=pathway_id, heading=heading, label=label)
        change = None
        try:
            if editor is not None:
                from .flags import apply_flag

                change = apply_flag(editor, flag, self.map, self.case.tittel)
        finally:
            self._changed("flag")
        return flag, change

    def remove_flag(self, index: int) -> None:
        """Take a flag out of the session (what it wrote in a file stays; undo it there)."""
        self.state.remove_flag(index)
        self._changed("flag")


def resume(path: Path, cases: dict[str, Case], maps: dict[str, Map]) -> Session:
    """Open a saved session; the case and map must still be in the workspace."""
    from ..i18n import _

    state = store.load(path)
    case = cases.get(state.case_id)
    if case is None:
        raise store.SessionError(
            _("Kasuset «{kasus}» finnes ikke lenger i den åpne mappen.").format(kasus=state.case_title or state.case_id)
        )
    m = maps.get(state.map_id)
    if m is None:
        raise store.SessionError(
            _("Kartet «{kart}» finnes ikke lenger i den åpne mappen.").format(kart=state.map_name or state.map_id)
        )
    return Session(case, m, state, path=path)
