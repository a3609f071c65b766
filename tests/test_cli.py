"""The `sammenkart` command as a user meets it: version, validate, export, the app."""
import subprocess
import sys
from pathlib import Path

import sammenkart
from sammenkart import cli

ROOT = Path(__file__).parent.parent


def test_version_names_the_program(capsys):
    try:
        cli.main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"sammenkart {sammenkart.__version__}"


def test_validate_a_clean_map_exits_0_and_prints_a_summary(tmp_path, capsys):
    f = tmp_path / "liten.yaml"
    f.write_text("sammenkart: 1\nid: liten\nnavn: Liten\ntjenester:\n"
                 "  - id: skole\n    navn: Skole\n    niva: 0\n    sektor: kommune\n", encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 0
    err = capsys.readouterr().err
    assert "1 kart" in err and "0 feil" in err


def test_validate_prints_every_problem_in_path_line_col_form(tmp_path, capsys):
    f = tmp_path / "to.yaml"
    f.write_text("sammenkart: 1\nid: to\nnavn: To\ntjenester:\n"
                 "  - id: skole\n    navn: Skole\n    niva: 0\n    sektor: privat\n    nvan: x\n", encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.endswith("to.yaml:8:13: feil: «sektor» må være en av kommune, fastlege, spesialist, "
                             "fylkeskommune, stat, frivillig, ikke «privat»") for line in out), out
    assert any("to.yaml:9:5: feil:" in line and "«nvan»" in line and "mente du «navn»" in line for line in out), out


def test_validate_a_missing_path_is_wrong_usage(capsys):
    assert cli.main(["validate", "finnes/ikke.yaml"]) == 2
    assert "finner ikke «finnes/ikke.yaml»" in capsys.readouterr().err


def test_no_subcommand_starts_the_app_with_the_path(monkeypatch, tmp_path):
    import sammenkart.qt.app as app

    seen = []
    monkeypatch.setattr(app, "run_app", lambda ws, start, path: seen.append((path, start, sorted(ws.maps))) or 0)
    assert cli.main([str(tmp_path)]) == 0
    assert cli.main([]) == 0
    assert seen[0][0] == str(tmp_path) and seen[0][2] == []  # nothing readable there: the app still opens
    assert seen[1][0] is None and "eksempelkommune" in seen[1][2]


def test_app_on_a_missing_path_is_wrong_usage(capsys):
    assert cli.main(["finnes-ikke-mappe"]) == 2
    assert "finner ikke" in capsys.readouterr().err


def test_export_without_the_poster_module_says_so(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_poster_command", lambda: None)
    assert cli.main(["export", "kart/fjordvik.yaml", "--out", "x.pdf"]) == 2
    assert "plakatmodulen" in capsys.readouterr().err


def test_export_is_delegated_to_the_poster_command(monkeypatch):
    calls = []

    class Fake:
        @staticmethod
        def configure_parser(sub):
            p = sub.add_parser("export")
            p.add_argument("kart")

        @staticmethod
        def run(args):
            calls.append(args.kart)
            return 0

    monkeypatch.setattr(cli, "_poster_command", lambda: Fake)
    assert cli.main(["export", "mitt-kart.yaml"]) == 0
    assert calls == ["mitt-kart.yaml"]


def test_python_dash_m_validate_on_bundled_data_has_no_errors():
    proc = subprocess.run([sys.executable, "-m", "sammenkart", "validate"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert " 0 feil" in proc.stderr
