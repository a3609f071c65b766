"""From a flag raised in a case exercise to the local revision.

"Dette stemmer ikkje hos oss" on a card or a role text becomes a yellow
``revisjon`` in the map's or the pathway's file, written through the editor
(one undoable edit, broadcast like any other). A card or role already red
stays red; the flag's note is added to the note that is there. Pure Python:
the GUI's case window calls ``apply_flag`` when a flag is raised.
"""
from __future__ import annotations

import datetime as dt

from ..i18n import _, language
from ..model import REVISION_STATUSES, Map, Revision
from .model import Flag

FLAG_STATUS = "gul"  # a flag says the text must be adapted; it does not know it is wrong


def flag_note(flag: Flag, case_title: str, malform: str, step_number: int | None = None) -> str:
    """The note a flag leaves in the file, in the file's målform:
    "Frå kasus «Emma (14)», steg 2: <the note>"."""
    with language(malform):
        note = flag.note.strip() or _("stemmer ikke hos oss")
        return _("Fra kasus «{kasus}», steg {n}: {note}").format(
            kasus=case_title, n=(flag.step + 1) if step_number is None else step_number, note=note)


def revision_values(flag: Flag, existing: Revision | None, case_title: str, malform: str,
                    today: dt.date) -> dict:
    """The ``set_revision`` values for a flag: the worse of the status there and
    yellow; the flag's note after any note there (not twice); dated today."""
    status = max([FLAG_STATUS] + ([existing.status] if existing else []), key=_severity)
    note = flag_note(flag, case_title, malform)
    old = existing.merknad if existing else None
    merknad = note if not old else old if note in old else f"{old}; {note}"
    return {"status": status, "merknad": merknad, "dato": today}


def _severity(status: str) -> int:
    """gronn < gul < rod: REVISION_STATUSES in the schema's order."""
    return REVISION_STATUSES.index(status) if status in REVISION_STATUSES else 0


def flag_target(editor, flag: Flag, m: Map) -> tuple:
    """The editor target of a flag on map ``m``: ("service", map id, service id),
    or ("role", pathway file stem, reference) for the pathway version offered
    to the map (its målform). Raises the editor's EditError when it is gone."""
    from ..editing import EditError

    if flag.kind == "service":
        return ("service", m.id, flag.ref)
    p = editor.workspace.pathway(flag.pathway_id, m.malform) if flag.pathway_id else None
    if p is None or p.path is None:
        raise EditError(_("finner ikke forløpet «{id}»").format(id=flag.pathway_id))
    return ("role", editor.document_at(p.path).id, flag.ref)


def _existing(editor, target: tuple, m: Map) -> Revision | None:
    ws = editor.workspace
    if target[0] == "service":
        current = ws.maps.get(m.id)
        s = current.service(target[2]) if current else None
        return s.revisjon if s else None
    doc = editor.document("pathway", target[1])
    p = next((x for x in ws.all_pathways() if x.path == doc.path), None)
    role = p.roller.get(target[2]) if p else None
    return role.revisjon if role else None


def apply_flag(editor, flag: Flag, m: Map, case_title: str, today: dt.date | None = None):
    """Write ``flag`` into the local revision through ``editor``: a yellow
    ``revisjon`` (red stays red) with the flag's note, dated ``today``;
    ``ansvar`` is left as it is. Marks the flag applied. Returns the editor's
    Change (None when the file already said so). Raises EditError."""
    target = flag_target(editor, flag, m)
    values = revision_values(flag, _existing(editor, target, m), case_title, m.malform, today or dt.date.today())
    change = editor.set_revision(target, values["status"], merknad=values["merknad"], dato=values["dato"])
    flag.applied = True
    return change
