"""`sammenkart export`: exit codes and clear messages."""
import pytest
from pypdf import PdfReader

from sammenkart.model import Workspace
from sammenkart.poster import command
from sammenkart.poster.command import main
from test_poster_data import sample_map, sample_pathway


@pytest.fixture
def fake_maps(monkeypatch):
    """The command's map lookup answers from the hand-built map (the loader is tested elsewhere)."""
    m = sample_map()
    ws = Workspace(maps={m.id: m}, pathways={"angst": sample_pathway()})

    def find(ref):
        if ref == m.id:
            return m, ws, None
        return None, ws, f"fant verken filen eller kartet «{ref}». Kjente kart: {m.id}"

    monkeypatch.setattr(command, "find_map", find)
    return m


def test_poster_written_exit_0(tmp_path, fake_maps, capsys):
    out = tmp_path / "p.pdf"
    assert main([fake_maps.id, "--out", str(out), "--papir", "a3", "--liggende"]) == 0
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    assert str(out) in capsys.readouterr().out


def test_bad_paper_exit_2_with_choices(tmp_path, fake_maps, capsys):
    with pytest.raises(SystemExit) as e:
        main([fake_maps.id, "--out", str(tmp_path / "p.pdf"), "--papir", "B5"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "B5" in err and "A0, A1, A2, A3, A4" in err


def test_bad_tile_sheet_exit_2(tmp_path, fake_maps, capsys):
    with pytest.raises(SystemExit) as e:
        main([fake_maps.id, "--out", str(tmp_path / "p.pdf"), "--flis", "A2"])
    assert e.value.code == 2
    assert "A4, A3" in capsys.readouterr().err


def test_unknown_map_exit_2_lists_known(tmp_path, fake_maps, capsys):
    assert main(["finnesikke", "--out", str(tmp_path / "p.pdf")]) == 2
    err = capsys.readouterr().err
    assert "finnesikke" in err and fake_maps.id in err
    assert not (tmp_path / "p.pdf").exists()


def test_unknown_pathway_exit_2_lists_offered(tmp_path, fake_maps, capsys):
    assert main([fake_maps.id, "--out", str(tmp_path / "p.pdf"), "--forlop", "spisevansker"]) == 2
    err = capsys.readouterr().err
    assert "spisevansker" in err and "angst" in err


def test_handout_needs_a_pathway(tmp_path, fake_maps, capsys):
    assert main([fake_maps.id, "--out", str(tmp_path / "b.pdf"), "--brosjyre"]) == 2
    assert "--forlop" in capsys.readouterr().err
    assert main([fake_maps.id, "--out", str(tmp_path / "b.pdf"), "--brosjyre", "--forlop", "angst",
                 "--flis", "A4"]) == 2
    assert "--flis" in capsys.readouterr().err
    assert main([fake_maps.id, "--out", str(tmp_path / "b.pdf"), "--brosjyre", "--forlop", "angst"]) == 0
    assert len(PdfReader(tmp_path / "b.pdf").pages) >= 1


def test_unwritable_output_exit_1(tmp_path, fake_maps, capsys):
    assert main([fake_maps.id, "--out", str(tmp_path / "mangler" / "p.pdf")]) == 1
    assert "kunne ikke skrive" in capsys.readouterr().err


def test_real_loader_unknown_bundled_map(tmp_path, capsys):
    pytest.importorskip("sammenkart.loader")
    assert main(["finnesikke-kart", "--out", str(tmp_path / "p.pdf")]) == 2
    assert "Kjente kart" in capsys.readouterr().err


def test_real_loader_map_file(tmp_path):
    pytest.importorskip("sammenkart.loader")
    (tmp_path / "kart").mkdir()
    f = tmp_path / "kart" / "liten.yaml"
    f.write_text(
        "sammenkart: 1\nid: liten\nnavn: Liten kommune\ntjenester:\n"
        "  - id: skole\n    navn: Skolen\n    niva: 0\n    sektor: kommune\n"
        "  - id: bup\n    navn: BUP\n    niva: 3\n    sektor: spesialist\n", encoding="utf-8")
    out = tmp_path / "p.pdf"
    assert main([str(f), "--out", str(out), "--papir", "A4"]) == 0
    assert "Liten kommune" in PdfReader(out).pages[0].extract_text()


def test_an_out_file_not_ending_in_pdf_is_refused_like_tal_and_revisjon(tmp_path, capsys):
    out = tmp_path / "x.txt"
    assert main(["eksempelkommune", "--out", str(out)]) == 2
    assert "--out må slutte på .pdf, ikke «x.txt»" in capsys.readouterr().err
    assert not out.exists()


def _copied_kart(tmp_path):
    """The bundled kart/ alone (its nynorsk pathways then lack their region texts: errors
    that have nothing to do with the bokmål map exported below)."""
    import shutil
    from pathlib import Path

    shutil.copytree(Path(__file__).resolve().parent.parent / "kart", tmp_path / "kart")
    return tmp_path / "kart" / "eksempelkommune.yaml"


def test_a_map_file_that_cannot_be_read_exits_1_with_only_its_own_errors(tmp_path, capsys):
    f = _copied_kart(tmp_path)
    lines = f.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(":", "", 1)  # a key without its colon
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert main([str(f), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "eksempelkommune.yaml:" in err and "feil: YAML-syntaksfeil" in err
    assert "forlop" not in err and "grunnlaget" not in err  # the pathways beside it are not what failed
    assert "er ikke laget" in err and not out.exists()


def test_errors_in_the_map_or_chosen_pathway_stop_the_export(tmp_path, capsys):
    f = _copied_kart(tmp_path)
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("niva: 1", "niva: 9", 1), encoding="utf-8")  # one service on a level the map lacks
    out = tmp_path / "x.pdf"
    assert main([str(f), "--out", str(out), "--forlop", "angst"]) == 1
    err = capsys.readouterr().err
    assert "eksempelkommune.yaml:" in err and "nivå 9" in err and "grunnlaget" not in err
    assert not out.exists()
    f.write_text(text, encoding="utf-8")  # fixed: the same command writes the poster
    assert main([str(f), "--out", str(out), "--forlop", "angst"]) == 0
    assert out.exists()


@pytest.mark.parametrize("landscape,pages,note", [
    (False, 2, "står på side 2:"),
    (True, 3, "står på side 2–3:"),
])
def test_contacts_on_pages_of_their_own_are_said_and_a_nearly_empty_last_one_too(tmp_path, capsys, landscape,
                                                                                 pages, note):
    """Tester round 4: 'A4 poster with a pathway comes out as 2 pages, and page 2 holds only two
    contact entries'. The map is under A4's floor already, so the contacts cannot join it on
    page 1; the export says where they are, and when the last page holds only a few."""
    out = tmp_path / "a4.pdf"
    args = ["eksempelkommune", "--papir", "A4", "--forlop", "angst", "--out", str(out)]
    assert main(args + (["--liggende"] if landscape else [])) == 0
    said = capsys.readouterr().out
    assert len(PdfReader(out).pages) == pages
    assert "Kontaktlisten (41 tjenester) " + note in said and "minst 7 pt" in said
    assert ("Side 3 har bare 1 oppføring" in said) == landscape


def test_a_poster_that_holds_its_contacts_says_nothing_of_contact_pages(tmp_path, capsys):
    assert main(["eksempelkommune", "--papir", "A0", "--out", str(tmp_path / "a0.pdf")]) == 0
    assert "Kontaktlisten" not in capsys.readouterr().out


def test_a_few_contacts_that_fit_beside_a_legible_map_stay_on_page_1(tmp_path, capsys):
    """Tester round 4 (a second page with a few contacts): the bundled region on A4 put its four
    contacts on a page of their own, although they fit on the poster with the map's text still
    7.4 pt (A4's floor: 7): the estimate said no, the real layout now decides."""
    from sammenkart import paths

    out = tmp_path / "region-a4.pdf"
    assert main([str(paths.region_dir() / "kart" / "brattfjord.yaml"), "--papir", "A4", "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert len(PdfReader(out).pages) == 1 and "Kontaktlisten" not in said.out
    assert "under 7 pt" not in said.err
