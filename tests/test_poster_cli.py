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
