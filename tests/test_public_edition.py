"""Contacts marked ``kontakt.intern`` never reach what families read: a poster for the
public (the default: ``--publikum``, the poster dialog's "For publikum") and the family
handout leave them out; a poster for professionals (``--fagfolk``) and the window keep them."""
import pytest

from sammenkart.loader import load_bundled
from sammenkart.poster import command, export_handout
from sammenkart.public_edition import has_internal_contacts, without_internal_contacts
from test_poster_data import pdf_text


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _dialog(qtbot, ws):
    """The poster dialog of a window showing the example map."""
    from sammenkart.qt.poster_dialog import PosterDialog

    class Window:
        workspace = ws

        def current_map(self):
            return ws.maps["eksempelkommune"]

    d = PosterDialog(Window())
    qtbot.addWidget(d)
    return d


def _internal(m):
    """(name, phone) of every service whose contact is for professionals only."""
    return [(s.navn, s.kontakt.telefon) for s in m.tjenester if s.kontakt.intern and s.kontakt.telefon]


def test_the_bundled_maps_have_internal_contacts_to_leave_out(ws):
    for m in ws.maps.values():
        assert _internal(m) and has_internal_contacts(m)


def test_the_public_copy_empties_only_the_internal_contacts_and_leaves_the_map_as_it_was(ws):
    m = ws.maps["eksempelkommune"]
    public = without_internal_contacts(m)
    assert public is not m and not has_internal_contacts(public)
    for before, after in zip(m.tjenester, public.tjenester):
        if before.kontakt.intern:
            assert after.kontakt.is_empty() and after.navn == before.navn and after.tilgang == before.tilgang
        else:
            assert after is before
    assert has_internal_contacts(m)  # the map the window shows keeps them
    assert without_internal_contacts(public) is public


@pytest.mark.parametrize("extra", [[], ["--forlop", "angst"], ["--flis", "A4"]])
def test_a_poster_is_for_the_public_unless_made_for_professionals(tmp_path, ws, extra, capsys):
    m = ws.maps["eksempelkommune"]
    numbers = [tel for _n, tel in _internal(m)]
    pro, pub, plain = tmp_path / "fag.pdf", tmp_path / "publikum.pdf", tmp_path / "plakat.pdf"
    assert command.main(["eksempelkommune", "--papir", "A2", "--out", str(pro), "--fagfolk", *extra]) == 0
    assert "intern" not in capsys.readouterr().out
    assert command.main(["eksempelkommune", "--papir", "A2", "--out", str(pub), "--publikum", *extra]) == 0
    assert command.main(["eksempelkommune", "--papir", "A2", "--out", str(plain), *extra]) == 0
    # the command says what was left out, and how to have it
    out = capsys.readouterr().out
    names = ", ".join(name for name, _tel in _internal(m))
    assert f"For publikum: {len(_internal(m))} kontakt" in out and f"«intern» er ikke med: {names} (--fagfolk" in out
    pro_text, pub_text, plain_text = pdf_text(pro), pdf_text(pub), pdf_text(plain)
    assert all(n in pro_text for n in numbers)  # for professionals: as written
    assert not [n for n in numbers if n in pub_text]
    assert not [n for n in numbers if n in plain_text]  # the default is the public poster
    for name, _tel in _internal(m):
        assert " ".join(name.split()[:1]) in " ".join(pub_text.split())  # the card is still on the map


def test_the_command_line_and_the_dialog_take_one_default(qtbot, ws):
    from sammenkart.public_edition import PUBLIC_BY_DEFAULT

    parser = command._Parser(prog="sammenkart")
    command.configure_parser(parser.add_subparsers(dest="command", parser_class=command._Parser))
    args = parser.parse_args(["export", "eksempelkommune", "--out", "x.pdf"])
    assert args.publikum is PUBLIC_BY_DEFAULT is True

    d = _dialog(qtbot, ws)
    assert d.public.isChecked() is PUBLIC_BY_DEFAULT


def test_publikum_and_fagfolk_are_in_the_help_and_exclude_each_other(capsys):
    parser = command._Parser(prog="sammenkart")
    sub = parser.add_subparsers(dest="command", parser_class=command._Parser)
    text = command.configure_parser(sub).format_help()
    assert "--publikum" in text and "--fagfolk" in text
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(["export", "eksempelkommune", "--out", "x.pdf", "--publikum", "--fagfolk"])
    assert exit_.value.code == 2
    capsys.readouterr()


@pytest.mark.parametrize("mid,pid", [("eksempelkommune", "angst"), ("fjordvik", "tristhet-depresjon")])
def test_the_handout_never_prints_an_internal_contact(tmp_path, ws, mid, pid):
    m = ws.maps[mid]
    p = ws.pathway(pid, m.malform)
    inside = [s for s in m.tjenester if s.kontakt.intern and any(s.matches(st.til) or s.matches(st.fra)
                                                                   for st in p.flyt)]
    assert inside  # the pathway goes through a service whose number is internal
    out = export_handout(m, p, tmp_path / "b.pdf")
    text = " ".join(pdf_text(out).split())
    for s in inside:
        assert s.kontakt.telefon not in text
        assert s.navn in text  # named, with how to reach it, without the number
    assert m.service(inside[0].id).kontakt.telefon  # the map itself is untouched


def test_the_poster_dialog_leaves_internal_contacts_out_unless_asked(qtbot, tmp_path, ws):

    d = _dialog(qtbot, ws)
    numbers = [tel for _n, tel in _internal(ws.maps["eksempelkommune"])]

    def planned_text():
        plan = d._last[-1]
        ops = [op for placed in plan.blocks + [p for page in plan.extra_pages for p in page]
               for op in placed.block.ops if op[0] == "text"]
        return " ".join(op[3] for op in ops)

    assert d.public.isChecked()  # a poster mostly hangs where the public sees it
    assert not [n for n in numbers if n in planned_text()]
    out = tmp_path / "publikum.pdf"
    d.save(str(out))
    assert not [n for n in numbers if n in pdf_text(out)]

    d = _dialog(qtbot, ws)
    d.public.setChecked(False)
    assert all(n in planned_text() for n in numbers)
    d.pathway.setCurrentIndex(1)
    d.handout.setChecked(True)
    assert not d.public.isEnabled()  # the handout never has them


# Every export for the public says what it left out, the same sentence from one place
# (public_edition.left_out_note); a tester missed it on the A3 export with a pathway.
PUBLIC_EXPORTS = [
    ["--papir", "A3", "--forlop", "angst"],
    ["--papir", "A3", "--forlop", "angst", "--liggende"],
    ["--papir", "A0", "--flis", "A4"],
    ["--papir", "A0"],
    ["--papir", "A4", "--forlop", "angst", "--publikum"],
]


@pytest.mark.parametrize("extra", PUBLIC_EXPORTS)
def test_every_public_poster_says_what_it_left_out(tmp_path, ws, extra, capsys):
    from sammenkart.public_edition import POSTER_CLI, left_out_note

    m = ws.maps["eksempelkommune"]
    assert command.main(["eksempelkommune", "--out", str(tmp_path / "p.pdf"), *extra]) == 0
    lines = capsys.readouterr().out.splitlines()
    note = left_out_note(m, POSTER_CLI)
    assert note == "For publikum: 1 kontakt merket «intern» er ikke med: BUP akutteam (--fagfolk tar den med)."
    assert lines.count(note) == 1


def test_the_handout_says_it_too(tmp_path, ws, capsys):
    from sammenkart.public_edition import HANDOUT, left_out_note

    assert command.main(["eksempelkommune", "--brosjyre", "--forlop", "angst", "--out", str(tmp_path / "b.pdf")]) == 0
    note = left_out_note(ws.maps["eksempelkommune"], HANDOUT)
    assert note.startswith("For publikum: 1 kontakt merket «intern» er ikke med: BUP akutteam (")
    assert note in capsys.readouterr().out.splitlines()


def test_the_note_in_english_and_nynorsk(tmp_path, capsys):
    from sammenkart import cli

    assert cli.main(["--sprak", "en", "export", "eksempelkommune", "--papir", "A3", "--forlop", "angst",
                     "--out", str(tmp_path / "en.pdf")]) == 0
    assert "For the public: 1 contact marked “intern” is left out: BUP akutteam (--fagfolk includes it)." in \
        capsys.readouterr().out.splitlines()
    assert cli.main(["--sprak", "nn", "export", "eksempelkommune", "--brosjyre", "--forlop", "angst",
                     "--out", str(tmp_path / "nn.pdf")]) == 0
    out = capsys.readouterr().out
    assert "For publikum: 1 kontakt merkt «intern» er ikkje med: BUP akutteam (ein brosjyre" in out


def test_the_poster_dialog_says_it_when_saved_for_the_public(qtbot, tmp_path, ws):
    from sammenkart.public_edition import POSTER_DIALOG, left_out_note

    d = _dialog(qtbot, ws)
    assert d.public.isChecked()
    d.save(str(tmp_path / "p.pdf"))
    note = left_out_note(ws.maps["eksempelkommune"], POSTER_DIALOG)
    assert note and note in d.confirmation.text() and "BUP akutteam" in d.confirmation.text()
    d = _dialog(qtbot, ws)
    d.public.setChecked(False)
    d.save(str(tmp_path / "fag.pdf"))
    assert "«intern»" not in d.confirmation.text()


def _with_internal(m, names):
    """A copy of ``m`` whose contacts of the services named ``names`` are internal (and not empty)."""
    import copy
    import dataclasses

    from sammenkart.model import Contact

    clone = copy.copy(m)
    clone.tjenester = [dataclasses.replace(s, kontakt=Contact(telefon="12345678", intern=True))
                       if s.navn in names else dataclasses.replace(s, kontakt=Contact())
                       for s in m.tjenester]
    return clone


@pytest.mark.parametrize("lang, shown", [
    ("nb", "{0}, {1}, {2} og 2 til (--fagfolk tar dem med)."),
    ("nn", "{0}, {1}, {2} og 2 til (--fagfolk tek dei med)."),
    ("en", "{0}, {1}, {2} and 2 more (--fagfolk includes them)."),
])
def test_the_note_names_a_few_services_then_counts_the_rest(ws, lang, shown):
    """A tester read «1 kontakt merket «intern» er ikke med» and could not tell whose (BUP akutteam)."""
    from sammenkart.i18n import language
    from sammenkart.public_edition import POSTER_CLI, left_out_note

    m = ws.maps["eksempelkommune"]
    five = [s.navn for s in m.tjenester][:5]
    with language(lang):
        note = left_out_note(_with_internal(m, five), POSTER_CLI)
    assert note.startswith(("For publikum: 5 kontakt", "For the public: 5 contacts"))
    assert note.endswith(shown.format(*five)) and five[3] not in note and five[4] not in note


def test_the_note_lists_two_or_three_services_as_the_language_does(ws):
    from sammenkart.i18n import language
    from sammenkart.public_edition import HANDOUT, left_out_note

    m = ws.maps["eksempelkommune"]
    three = [s.navn for s in m.tjenester][:3]
    with language("nb"):
        note = left_out_note(_with_internal(m, three), HANDOUT)
    assert f": {three[0]}, {three[1]} og {three[2]} (en brosjyre" in note
    with language("en"):
        note = left_out_note(_with_internal(m, three[:2]), HANDOUT)
    assert note == (f"For the public: 2 contacts marked “intern” are left out: {three[0]} and {three[1]} "
                    "(a handout is always for families).")


def test_services_of_one_name_are_told_apart_by_their_municipality(ws):
    import copy
    import dataclasses

    from sammenkart.public_edition import internal_services

    m = copy.copy(ws.maps["eksempelkommune"])
    first, second = m.tjenester[:2]
    m.tjenester = [dataclasses.replace(first, kommune="Sjøvik"),
                   dataclasses.replace(second, navn=first.navn, kommune="Lyngnes"), *m.tjenester[2:]]
    m = _with_internal(m, [first.navn])
    assert internal_services(m) == [f"{first.navn} (Sjøvik)", f"{first.navn} (Lyngnes)"]
