"""Side panels: a service's details, and a pathway with its current step.

User text is escaped before it goes into rich text, so a service called
"Barn & unge <13>" shows exactly so, and keeps the line breaks of a ``|``
block (``sammenkart.plaintext``); labels show it as plain text.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from ..graph import pathway_services, resolve_steps
from ..i18n import N_, _
from ..model import Map, Pathway, Service
from ..undrawn import side_names
from ..plaintext import html_inline, html_paragraphs
from ..plain_language import access_text
from ..style import ACCESS_SYMBOLS, art_label, sector_label
from .plain import plain_label
from . import live_text, role_text


def service_names(m: Map, ids, ref: str) -> str:
    """The names a step's reference matched; when the map lacks it, the role's
    name and "(finnes ikke i kartet)" — users see names, never ids."""
    return side_names(m, ids, ref)


ROLE_HEADINGS = {
    "rolle": N_("Rolle"), "kartlegging": N_("Kartlegging"), "tiltak": N_("Tiltak"),
    "evaluering": N_("Evaluering"), "samarbeid": N_("Samarbeid"), "henvisning": N_("Henvisning"),
}


def role_heading(key: str) -> str:
    return _(ROLE_HEADINGS[key])


def _para(text: str | None) -> str:
    return html_paragraphs(text)


def _web_link(url: str) -> str:
    # Only web addresses become links: a file: or other link in someone's map is shown, not opened.
    shown = escape(url)
    if url.lower().startswith(("https://", "http://")):
        return f"<a href='{escape(url, quote=True)}'>{shown}</a>"
    return shown


def role_labels() -> dict[str, str]:
    return {k: role_heading(k) for k in ("rolle", "kartlegging", "tiltak", "evaluering", "samarbeid", "henvisning")}


def roles_html(p: Pathway, s: Service, heading_tag: str = "h4") -> str:
    """The roles of ``s`` in ``p``; a heading written locally over the shared text is marked."""
    return "".join(role_text.role_blocks(role, role_labels(), p.malform, False, heading_tag)
                   for ref, role in p.roller.items() if s.matches(ref))


class DetailsPanel(QWidget):
    """Name, level, sector, description, ages, contacts and roles of one service."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)  # web links open in the user's browser
        self.copy_phone = live_text.text(QPushButton(), N_("Kopier telefon"))
        self.copy_mail = live_text.text(QPushButton(), N_("Kopier e-post"))
        self.copy_phone.clicked.connect(lambda: self._copy(self.service.kontakt.telefon if self.service else None))
        self.copy_mail.clicked.connect(lambda: self._copy(self.service.kontakt.epost if self.service else None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_phone)
        buttons.addWidget(self.copy_mail)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.browser, 1)
        lay.addLayout(buttons)
        self.service: Service | None = None
        self.show_service(None, None, [])

    def _copy(self, text: str | None) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)

    def show_service(self, m: Map | None, s: Service | None, pathways: list[Pathway]) -> None:
        self.service = s
        self.copy_phone.setEnabled(bool(s and s.kontakt.telefon))
        self.copy_mail.setEnabled(bool(s and s.kontakt.epost))
        if s is None or m is None:
            self.browser.setHtml(f"<p><i>{escape(_('Klikk en tjeneste på kartet for å se detaljer.'))}</i></p>")
            return
        level = m.level(s.niva)
        rows = [
            (_("Nivå"), level.navn if level else str(s.niva)),
            (_("Sektor"), sector_label(s.sektor)),
        ]
        if s.kommune:
            rows.append((_("Kommune"), s.kommune))
        if s.alder:
            rows.append((_("Alder"), _("{a}–{b} år").format(a=s.alder[0], b=s.alder[1])))
        if access_text(s.tilgang):
            rows.append((_("Tilgang"), f"{ACCESS_SYMBOLS[s.tilgang]} {access_text(s.tilgang)}"))
        k = s.kontakt
        if k.intern and not k.is_empty():  # shown here, never printed for families (public_edition)
            rows.append((_("Kontakt"), _("Intern: bare for fagfolk, kommer ikke på brosjyrer eller plakater "
                                         "for publikum")))
        if k.telefon:
            rows.append((_("Telefon"), k.telefon))
        if k.adresse:
            rows.append((_("Adresse"), k.adresse))
        html = [f"<h2>{escape(s.navn)}</h2><table cellspacing='2'>"]
        for label, value in rows:
            html.append(f"<tr><td><b>{escape(label)}</b>&nbsp;</td><td>{escape(value)}</td></tr>")
        if k.epost:
            html.append(f"<tr><td><b>{escape(_('E-post'))}</b>&nbsp;</td>"
                        f"<td><a href='mailto:{escape(k.epost, quote=True)}'>{escape(k.epost)}</a></td></tr>")
        if k.nettside:
            html.append(f"<tr><td><b>{escape(_('Nettside'))}</b>&nbsp;</td>"
                        f"<td>{_web_link(k.nettside)}</td></tr>")
        html.append("</table>")
        html.append(_para(s.beskrivelse))
        for p in pathways:
            if s.id in pathway_services(m, p):
                body = roles_html(p, s)
                if body:
                    html.append(f"<h3>{escape(_('I forløpet «{navn}»').format(navn=p.navn))}</h3>{body}")
        self.browser.setHtml("".join(html))
        self.to_top()

    def to_top(self) -> None:
        """The service's name first (tester round 6: Enter on a card opened the details
        with the title's first line cut): now and once the panel has its size."""
        bar = self.browser.verticalScrollBar()
        bar.setValue(0)
        QTimer.singleShot(0, bar, lambda: bar.setValue(0))


class PathwayPanel(QWidget):
    """The chosen pathway: introduction, steps, the current step large, checklist."""

    step_chosen = Signal(int)  # -1: the whole flow
    role_chosen = Signal(str)  # a role's reference, clicked while the traffic lights are on

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = plain_label()  # the pathway's name, as written
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.condition = QLabel()  # the current step's `nar`, large
        self.condition.setWordWrap(True)
        self.condition.setStyleSheet("font-size: 15pt;")
        self.condition.setTextFormat(Qt.RichText)
        # Room for three lines from the start: a step's condition no longer pushes the list and
        # text down (a relayout of both on every step cost a region's step a fifth of its time).
        big = QFont(self.condition.font())
        big.setPointSizeF(15)  # as its style sheet says (not applied yet)
        self.condition.setMinimumHeight(QFontMetrics(big).lineSpacing() * 3)
        self.steps = QListWidget()
        # Step names are long sentences: wrap them rather than scroll sideways.
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(lambda row: self.step_chosen.emit(row - 1))
        self.info = QTextBrowser()
        # Links are handled here: web links open in the browser, a role's link chooses the role.
        self.info.setOpenLinks(False)
        self.info.anchorClicked.connect(self._link)
        # A local adaptation: its own wording beside the shared (regional) one.
        self.shared_button = live_text.text(QPushButton(), N_("Vis felles tekst ved siden av"))
        self.shared_button.setCheckable(True)
        self.shared_button.setFocusPolicy(Qt.NoFocus)
        live_text.tip(self.shared_button, N_("Vis den felles teksten ved siden av overskriftene kommunen har tilpasset"))
        self.shared_button.toggled.connect(lambda _on: self.show_step(self.step))
        self.shared_button.hide()
        nav = QHBoxLayout()
        self.first_btn = live_text.text(QPushButton(), N_("Første"))
        self.prev_btn = live_text.text(QPushButton(), N_("◀ Forrige"))
        self.next_btn = live_text.text(QPushButton(), N_("Neste ▶"))
        self.last_btn = live_text.text(QPushButton(), N_("Siste"))
        live_text.tip(self.first_btn, N_("Første steg (Home)"))
        live_text.tip(self.last_btn, N_("Siste steg (End)"))
        live_text.tip(self.prev_btn, N_("Forrige steg (PageUp, venstre pil)"))
        live_text.tip(self.next_btn, N_("Neste steg (PageDown, høyre pil, mellomrom)"))
        for b in (self.first_btn, self.prev_btn, self.next_btn, self.last_btn):
            b.setFocusPolicy(Qt.NoFocus)
            nav.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addLayout(nav)
        lay.addWidget(self.condition)
        lay.addWidget(self.steps, 1)
        lay.addWidget(self.shared_button)
        lay.addWidget(self.info, 2)
        self.map: Map | None = None
        self.pathway: Pathway | None = None
        self.step: int | None = None
        self.revision_marks = False  # roles as links with their traffic lights (set_revision_marks)
        self.selected_role: str | None = None

    @property
    def show_shared(self) -> bool:
        return self.shared_button.isChecked() and not self.shared_button.isHidden()

    def set_revision_marks(self, on: bool, selected: str | None = None) -> None:
        """Show each role's traffic light and make roles choosable (``role_chosen``);
        ``selected``: the role chosen now (shown stressed)."""
        self.revision_marks, self.selected_role = on, selected if on else None
        self.show_step(self.step)

    def _link(self, url) -> None:
        ref = role_text.role_from_url(url)
        if ref is not None:
            self.role_chosen.emit(ref)
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def show_pathway(self, m: Map | None, p: Pathway | None) -> None:
        self.map, self.pathway, self.step = m, p, None
        self.shared_button.setVisible(bool(p is not None and p.is_adaptation))
        self.steps.blockSignals(True)
        self.steps.clear()
        if p is None or m is None:
            self.title.setText(_("Ingen forløp valgt"))
            self.condition.setText("")
            self.info.setHtml(f"<p><i>{escape(_('Velg et forløp i lista for å se flyten på kartet.'))}</i></p>")
            self.steps.blockSignals(False)
            return
        self.title.setText(p.navn)
        QListWidgetItem(_("Hele forløpet"), self.steps)
        for rs in resolve_steps(m, p):
            text = _("{n}. {fra} → {til} ({art})").format(
                n=rs.index + 1, fra=service_names(m, rs.fra, rs.step.fra), til=service_names(m, rs.til, rs.step.til),
                art=art_label(rs.step.art))
            item = QListWidgetItem(text, self.steps)
            if not rs.resolved:
                item.setForeground(Qt.darkRed)
        self.steps.setCurrentRow(0)
        self.steps.blockSignals(False)
        self.show_step(None)

    def _current_in_view(self) -> None:
        """The step shown on the map is the one in view in the list (tester 6: step 5
        shown, the list showing steps 1-3 in a drawer at 1024x768)."""
        item = self.steps.currentItem()
        if item is not None:
            self.steps.scrollToItem(item, QAbstractItemView.PositionAtCenter)

    def showEvent(self, event) -> None:  # a drawer opened: its list gets its size after this
        super().showEvent(event)
        QTimer.singleShot(0, self, self._current_in_view)  # (not after the panel is gone)

    def show_step(self, step: int | None) -> None:
        p, m = self.pathway, self.map
        self.step = step
        if p is None or m is None:
            return
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(0 if step is None else step + 1)
        self.steps.blockSignals(False)
        self._current_in_view()
        html = []
        if step is None:
            self.condition.setText(escape(_("{n} steg. Trykk Neste for å gå gjennom dem.").format(n=len(p.flyt))))
            html.append(self._overview_html(p, m))
        else:
            rs = resolve_steps(m, p)[step]
            st = rs.step
            when = st.nar or _("(ingen betingelse oppgitt)")
            self.condition.setText(f"<b>{escape(_('Steg {n} av {total}').format(n=step + 1, total=len(p.flyt)))}:</b> {html_inline(when)}")
            # One entry per reference: on a region map "fastlege" may be sixty
            # offices with the same role text, so name a few and show the text once.
            for ref, ids in ((st.fra, rs.fra), (st.til, rs.til)):
                names = [m.service(sid).navn for sid in ids]
                shown = (", ".join(names[:3]) + (_(" og {n} til").format(n=len(names) - 3) if len(names) > 3 else "")
                         if names else service_names(m, ids, ref))
                key = ref if ref in p.roller else next(
                    (k for k in p.roller if any(m.service(i).matches(k) for i in ids)), None)
                role = p.roller.get(key) if key else None
                body = role_text.role_blocks(role, role_labels(), p.malform, self.show_shared) if role else ""
                html.append(self._role_title(key, shown, role)
                            + (body or _para(_("Ingen rolletekst i forløpet."))))
        self.info.setHtml("".join(html))

    def _role_title(self, key: str | None, shown: str, role) -> str:
        """A role's heading; with the traffic lights on, a link that chooses it and its status."""
        if not (self.revision_marks and key and role is not None):
            return f"<h3>{escape(shown)}</h3>"
        style = " style='background-color:#fff3b0'" if key == self.selected_role else ""
        sign = "▶ " if key == self.selected_role else ""
        return (f"<h3{style}>{sign}<a href='{escape(role_text.role_url(key), quote=True)}'>{escape(shown)}</a></h3>"
                + role_text.status_chip(role))

    def _overview_html(self, p: Pathway, m: Map) -> str:
        """The whole pathway: introduction and checklist, what the municipality
        adapted (marked, with the shared wording beside it when asked), and
        with the traffic lights on every role to choose."""
        shared, base = self.show_shared, p.base
        out = []
        if "beskrivelse" in p.adapted and base is not None:
            out.append(f"<h3>{escape(_('Innledning'))}{role_text.adapted_mark(p.malform)}</h3>")
            out.append(role_text.side_by_side(p.beskrivelse, base.beskrivelse, p.malform) if shared
                       else _para(p.beskrivelse))
        else:
            out.append(_para(p.beskrivelse))
        if p.sjekkliste or "sjekkliste" in p.adapted:
            mark = role_text.adapted_mark(p.malform) if "sjekkliste" in p.adapted else ""
            out.append(f"<h3>{escape(_('Sjekkliste for henvisning'))}{mark}</h3><ul>")
            out.extend(f"<li>{escape(item)}</li>" for item in p.sjekkliste)
            out.append("</ul>")
        if p.is_adaptation:
            parts = role_text.adapted_parts(p)
            if "flyt" in p.adapted:
                out.append(f"<p><b>{escape(_('Flyten'))}</b>{role_text.adapted_mark(p.malform)}</p>")
            if parts:
                out.append(f"<h3>{escape(_('Lokalt tilpasset i dette forløpet'))}</h3>")
                labels = role_labels()
                for ref, key in parts:
                    name = service_names(m, [s.id for s in m.resolve(ref)], ref)
                    label = f"{name} – {labels[key]}"
                    out.append(role_text.heading_block(key, label, p.roller[ref], p.malform, shared, "h4"))
        if self.revision_marks:
            out.append(f"<h3>{escape(_('Roller'))}</h3>")
            for ref, role in p.roller.items():
                name = service_names(m, [s.id for s in m.resolve(ref)], ref)
                out.append(self._role_title(ref, name, role).replace("<h3", "<h4").replace("</h3>", "</h4>"))
        return "".join(out)
