"""A pathway's texts in the side panels, with what the local revision adds:
each heading a municipality wrote itself over the shared (regional) text is
marked "lokalt tilpasset" in the map's målform, and can show the shared
wording beside its own; a role's traffic light as a small chip.

Rich text for QTextBrowser; every data text goes through ``plaintext`` (shown
literally). Which heading is adapted comes from the merged pathway
(``Role.is_adapted``, ``Role.shared_text``, ``Pathway.adapted``/``base``).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl

from ..i18n import _, language
from ..model import Pathway, Role
from ..plaintext import html_paragraphs
from ..revision import status_label
from ..style import REVISION_MARKS, revision_fill, revision_text

ROLE_SCHEME = "sammenkart-rolle"  # links in the panel that choose a role (for G/Y/R)
MARK_COLOUR = "#6a4c00"


def role_url(ref: str) -> str:
    return f"{ROLE_SCHEME}:{QUrl.toPercentEncoding(ref).data().decode()}"


def role_from_url(url: QUrl) -> str | None:
    """The role reference of a link made by ``role_url`` (None for any other link)."""
    if url.scheme() != ROLE_SCHEME:
        return None
    return QUrl.fromPercentEncoding(url.path(QUrl.FullyEncoded).encode()) or None


def adapted_mark(malform: str | None) -> str:
    """The quiet "lokalt tilpasset" after a heading, in the målform of the text."""
    with language(malform):
        word = _("lokalt tilpasset")
    return f" <span style='font-size:small; font-weight:normal; font-style:italic; color:{MARK_COLOUR}'>· {escape(word)}</span>"


def side_by_side(own: str | None, shared: str | None, malform: str | None, added: bool = False) -> str:
    """Own wording and shared wording in two columns (labels in the text's målform)."""
    with language(malform):
        here, there = _("Lokal tekst"), _("Felles tekst")
        none = _("(rollen finnes ikke i den felles teksten)") if added else _("(ingen felles tekst)")
        empty = _("(tom her: teksten er tatt bort)")
    left = html_paragraphs(own) or f"<p><i>{escape(empty)}</i></p>"
    right = html_paragraphs(shared) or f"<p><i>{escape(none)}</i></p>"
    return ("<table width='100%' cellspacing='0' cellpadding='4' border='0'><tr>"
            f"<td width='50%' valign='top'><b>{escape(here)}</b>{left}</td>"
            f"<td width='50%' valign='top' style='background-color:#f1f1f1'><b>{escape(there)}</b>{right}</td>"
            "</tr></table>")


def heading_block(key: str, label: str, role: Role, malform: str | None, show_shared: bool, tag: str = "h4") -> str:
    """One heading of a role and its text; marked (and with the shared wording
    beside it when ``show_shared``) where it is locally adapted."""
    text = getattr(role, key)
    if not role.is_adapted(key):
        return f"<{tag}>{escape(label)}</{tag}>{html_paragraphs(text)}" if text else ""
    head = f"<{tag}>{escape(label)}{adapted_mark(malform)}</{tag}>"
    if show_shared:
        return head + side_by_side(text, role.shared[key], malform, role.added)
    return head + html_paragraphs(text)


def role_blocks(role: Role, labels, malform: str | None, show_shared: bool, tag: str = "h4") -> str:
    """Every heading of ``role`` (``labels``: key -> heading as users know it),
    in standard order, adapted ones marked; a heading emptied locally shows as such."""
    return "".join(heading_block(key, label, role, malform, show_shared, tag) for key, label in labels.items())


def status_chip(role_or_service) -> str:
    """The traffic light of a role or card as a small chip ("! gul – merknad"); "" when there is none."""
    rev = getattr(role_or_service, "revisjon", None)
    status = rev.status if rev else None
    fill, colour = revision_fill(status), revision_text(status)
    sign = REVISION_MARKS[status]
    chip = (f"<span style='background-color:{fill}; color:{colour}; font-weight:bold'>"
            f"&nbsp;{escape(sign)} {escape(status_label(status))}&nbsp;</span>")
    extra = [rev.merknad] if rev and rev.merknad else []
    if rev and rev.ansvar:
        extra.append(_("ansvar: {enhet}").format(enhet=rev.ansvar))
    return f"<p>{chip} {escape(' · '.join(extra))}</p>"


def adapted_parts(p: Pathway) -> list[tuple[str, str]]:
    """(role reference, heading key) of every role heading written locally, in order."""
    return [(ref, key) for ref, role in p.roller.items() for key in role.shared]
