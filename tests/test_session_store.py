"""Saving, resuming and surviving damaged session files."""
import json
import os

import pytest
from test_session_fixtures import emma, fjordvik

from sammenkart.session import store
from sammenkart.session.controller import Session, resume
from sammenkart.session.store import SessionError


def _played(tmp_path):
    s = Session(emma(), fjordvik(), path=tmp_path / "okt.json")
    s.toggle_mark("fastlege")
    s.toggle_mark("nordvik-skole")
    s.add_arrow("nordvik-skole", "fastlege")
    s.set_note("hindringer", "Lang ventetid «BUP» <b>ikke fet</b>")
    s.reveal()
    s.add_elapsed(93, persist=True)
    s.next_step()
    s.toggle_mark("kommunepsykolog")
    return s


def test_data_folder_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SAMMENKART_DATA_DIR", str(tmp_path / "d"))
    assert store.data_dir() == tmp_path / "d"
    monkeypatch.delenv("SAMMENKART_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "x"))
    if os.name == "posix" and not store.sys.platform == "darwin":
        assert store.data_dir() == tmp_path / "x" / "sammenkart"


def test_every_operation_is_saved_and_resumes(tmp_path):
    s = _played(tmp_path)
    # No explicit save: operations persist as they happen.
    back = resume(tmp_path / "okt.json", {"emma-test": emma()}, {"fjordvik": fjordvik()})
    assert back.index == 1
    assert back.state.steps[0].marked == ["fastlege", "nordvik-skole"]
    assert back.state.steps[0].arrows == [("nordvik-skole", "fastlege")]
    assert back.state.steps[0].revealed
    assert back.state.steps[0].notes["hindringer"] == "Lang ventetid «BUP» <b>ikke fet</b>"
    assert back.state.steps[0].elapsed == 93
    assert back.step.marked == ["kommunepsykolog"]
    assert back.comparison().found == ("kommunepsykolog",)
    assert back.state == s.state


def test_default_file_goes_to_the_data_folder_and_is_listed(tmp_path):
    s = Session(emma(), fjordvik())
    s.toggle_mark("bup")
    assert s.path.parent == store.sessions_dir()
    assert s.path.is_file()
    rec = store.recent()
    assert [r.path for r in rec] == [s.path]
    assert rec[0].case_title == "Emma (14) holder seg hjemme" and rec[0].n_steps == 3


def test_truncated_file_gives_clear_error_and_keeps_a_copy(tmp_path):
    s = _played(tmp_path)
    text = s.path.read_text(encoding="utf-8")
    s.path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SessionError) as err:
        store.load(s.path)
    msg = str(err.value)
    assert "okt.json" in msg and "ufullstendig eller skadet" in msg
    copies = list(tmp_path.glob("okt.damaged-*.json"))
    assert len(copies) == 1 and copies[0].name in msg
    assert copies[0].read_text(encoding="utf-8") == text[: len(text) // 2]
    assert "Traceback" not in msg


def test_garbage_and_wrong_shape_are_damaged_too(tmp_path):
    p = tmp_path / "a.json"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SessionError, match="skadet"):
        store.load(p)
    q = tmp_path / "b.json"
    q.write_text(json.dumps({"schema": 1, "case_id": "x", "steps": "nope"}), encoding="utf-8")
    with pytest.raises(SessionError, match="feil form"):
        store.load(q)
    assert len(list(tmp_path.glob("*.damaged-*.json"))) == 2


def test_newer_schema_asks_for_update(tmp_path):
    s = _played(tmp_path)
    d = json.loads(s.path.read_text(encoding="utf-8"))
    d["schema"] = 99
    s.path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(SessionError, match="Oppdater Sammenkart"):
        store.load(s.path)


def test_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    s = _played(tmp_path)
    before = s.path.read_text(encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as mp:
        mp.setattr(store.os, "replace", boom)
        s.toggle_mark("bup")  # the session goes on; the problem is kept for the UI to show
        assert s.step.marked[-1] == "bup"
        # the reason in the user's language, not the C library's English (os_errors)
        assert "Kunne ikke lagre" in s.last_error and "det er ikke mer plass på disken" in s.last_error
        assert s.path.read_text(encoding="utf-8") == before
        assert [p.name for p in tmp_path.iterdir()] == ["okt.json"]  # no temp files left behind
    s.toggle_mark("nordvik-skole")
    assert s.last_error is None
    assert "bup" in s.path.read_text(encoding="utf-8")


def test_resume_with_missing_case_says_so(tmp_path):
    _played(tmp_path)
    with pytest.raises(SessionError, match="finnes ikke lenger"):
        resume(tmp_path / "okt.json", {}, {"fjordvik": fjordvik()})


def test_recent_skips_damaged_files(tmp_path):
    s = _played(tmp_path)
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    assert [r.path for r in store.recent(folder=tmp_path)] == [s.path]


def test_two_sessions_of_one_case_get_their_own_files():
    a = Session(emma(), fjordvik())
    b = Session(emma(), fjordvik())
    b.state.created = a.state.created
    c = Session(emma(), fjordvik(), state=b.state)
    assert len({a.path, b.path, c.path}) == 3


def test_resume_after_the_case_lost_a_step_keeps_what_fits(tmp_path):
    s = _played(tmp_path)
    s.last_step()
    shorter = emma()
    del shorter.steg[2]
    back = resume(s.path, {"emma-test": shorter}, {"fjordvik": fjordvik()})
    assert back.n_steps == 2 and len(back.state.steps) == 2
    assert back.index == 1
    assert back.state.steps[0].marked == ["fastlege", "nordvik-skole"]
