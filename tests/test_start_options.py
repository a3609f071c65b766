"""Start options: `sammenkart [MAPPE|KART] [--kart ID] [--forlop ID] [--steg N] [--kasus ID] ...`."""
import pytest

from sammenkart import cli
from sammenkart.loader import load_bundled
from sammenkart.model import Case, CaseStep, Map, Service, Workspace
from sammenkart.start_options import Start, StartError, StartRequest, first_map_for_case, resolve


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def test_ids_and_steps_from_1_become_the_state_to_open(ws):
    start = resolve(ws, StartRequest(kart="fjordvik", forlop="angst", steg=3, presentasjon=True, skjerm=2))
    assert start == Start(map_id="fjordvik", pathway_id="angst", step=2, presentation=True, screen=1)


def test_case_step_counts_from_1_and_the_case_picks_a_map(ws):
    start = resolve(ws, StartRequest(kasus="emma-14", steg=2))
    assert start.case_id == "emma-14" and start.case_step == 1 and start.step is None
    assert start.map_id == first_map_for_case(ws, "emma-14").id


def test_kasus_without_kart_opens_the_first_map_the_case_fits():
    def svc(i, t):
        return Service(i, i.title(), 1, "kommune", type=t)

    small = Map("a-liten", "A liten", [svc("skole", "skole")])
    full = Map("b-full", "B full", [svc("skole", "skole"), svc("ppt", "ppt")])
    also = Map("c-full", "C full", [svc("skole", "skole"), svc("ppt", "ppt")])
    case = Case("k", "K", [CaseStep("1", "tekst", involverte=["skole"], forslag=["ppt"])])
    ws = Workspace(maps={m.id: m for m in (also, small, full)}, cases={"k": case})
    assert resolve(ws, StartRequest(kasus="k")).map_id == "b-full"  # fits, and first in the list
    ws.maps.pop("b-full"), ws.maps.pop("c-full")
    assert resolve(ws, StartRequest(kasus="k")).map_id == "a-liten"  # none fits: the nearest


@pytest.mark.parametrize("request_, words", [
    (StartRequest(kart="oslo"), ["«oslo»", "eksempelkommune", "fjordvik"]),
    (StartRequest(forlop="sovn"), ["«sovn»", "angst", "spisevansker"]),
    (StartRequest(kasus="per-7"), ["«per-7»", "emma-14", "liam-1"]),
    (StartRequest(forlop="angst", steg=99), ["mellom 1 og 8"]),
    (StartRequest(forlop="angst", steg=0), ["mellom 1 og 8"]),
    (StartRequest(steg=2), ["--forlop", "--kasus"]),
    (StartRequest(skjerm=0), ["fra 1"]),
])
def test_an_unknown_id_or_number_names_what_exists(ws, request_, words):
    with pytest.raises(StartError) as err:
        resolve(ws, request_)
    for word in words:
        assert word in str(err.value)


def test_the_command_line_exits_2_and_lists_the_valid_ids(capsys):
    assert cli.main(["--kart", "oslo"]) == 2
    err = capsys.readouterr().err
    assert "finner ikke kartet «oslo»" in err and "eksempelkommune, fjordvik" in err
    assert cli.main(["--kasus", "emma-14", "--steg", "7"]) == 2
    assert "mellom 1 og 4" in capsys.readouterr().err


def test_the_command_line_hands_the_checked_state_to_the_window(monkeypatch):
    import sammenkart.qt.app as app

    seen = []
    monkeypatch.setattr(app, "run_app", lambda ws, start, path: seen.append(start) or 0)
    assert cli.main(["--forlop", "angst", "--steg", "4", "--presentasjon", "--skjerm", "1"]) == 0
    assert seen == [Start(map_id="eksempelkommune", pathway_id="angst", step=3, presentation=True, screen=0)]


def test_validate_and_export_still_work_beside_the_start_options(capsys, tmp_path):
    assert cli.main(["validate"]) == 0
    out = tmp_path / "p.pdf"
    assert cli.main(["export", "eksempelkommune", "--out", str(out)]) == 0 and out.stat().st_size > 1000


def test_a_case_prefers_a_map_in_its_own_malform(ws):
    nn_cases = [c for c in ws.cases.values() if c.malform == "nn"]
    assert nn_cases
    for case in nn_cases:
        m = first_map_for_case(ws, case.id)
        assert m.malform == "nn", (case.id, m.id)


def test_a_screen_that_is_not_plugged_in_gives_the_first_and_a_note_saying_so():
    from sammenkart.start_options import SCREEN_MISSING, screen_to_use

    assert screen_to_use(1, 2) == (1, {})  # the projector is there
    assert screen_to_use(None, 1) == (None, {})  # no wish: the primary screen
    index, note = screen_to_use(1, 1)
    text = SCREEN_MISSING.format(**note)
    assert index == 0 and "Skjerm 2 finnes ikke" in text and "skjerm 1" in text
    index, note = screen_to_use(3, 2)
    assert index == 0 and "Skjerm 4" in SCREEN_MISSING.format(**note) and note["ids"] == "1, 2"
