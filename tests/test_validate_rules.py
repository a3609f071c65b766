"""Rules beyond the broken-file corpus: nested keys, colours, roles, case references."""

from sammenkart.loader import load_map_file, load_pathway_file, load_workspace


def _errors(problems):
    return [str(p) for p in problems if p.is_error]


def _has(texts, where, *words):
    return any(where in t and all(w in t for w in words) for t in texts)


def test_nested_map_rules_are_all_reported_in_one_pass(tmp_path):
    f = tmp_path / "regler.yaml"
    f.write_text(
        "sammenkart: 1\nid: regler\nnavn: Regler\ntype: fylke\nmalform: se\n"
        "nivaer:\n  - id: 0\n    navn: Alle\n    farge: \"#12345\"\n"
        "tjenester:\n  - id: skolen\n    navn: Skolen\n    niva: 0\n    sektor: kommune\n"
        "    plassering: [1, x]\n    kontakt:\n      telfon: \"1\"\n"
        "samarbeid:\n  - mellom: [skolen, skolen]\n    merknd: x\n  - mellom: [skolen]\n",
        encoding="utf-8",
    )
    m, problems = load_map_file(f)
    texts = _errors(problems)
    # the card has what drawing it needs: its mistaken place and contact key are left out, not the card
    assert [(s.id, s.plassering, s.kontakt.telefon) for s in m.tjenester] == [("skolen", None, None)]
    assert _has(texts, "regler.yaml:4:7:", "«type»", "kommune, region", "«fylke»")
    assert _has(texts, "regler.yaml:5:10:", "«malform»", "nb, nn")
    assert _has(texts, "regler.yaml:9:12:", "«farge»")
    assert _has(texts, "regler.yaml:15:21:", "punkt 2 i «plassering»", "et tall", "«x»")
    assert _has(texts, "regler.yaml:17:7:", "«telfon»", "mente du «telefon»")
    assert _has(texts, "regler.yaml:20:5:", "«merknd»", "mente du «merknad»")
    assert _has(texts, "regler.yaml:21:13:", "«mellom»", "to referanser")


def test_role_keys_must_be_references_and_headings_the_six_known(tmp_path):
    f = tmp_path / "f.yaml"
    f.write_text("sammenkart: 1\nid: f\nnavn: F\nroller:\n  Skole Nord:\n    rolle: x\n    tiltakk: y\n"
                 "flyt:\n  - fra: skole\n    til: ppt\n    arr: x\n", encoding="utf-8")
    p, problems = load_pathway_file(f)
    texts = _errors(problems)
    assert p is None
    assert _has(texts, "f.yaml:5:3:", "«Skole Nord»", "«roller»")
    assert _has(texts, "f.yaml:7:5:", "«tiltakk»", "mente du «tiltak»")
    assert _has(texts, "f.yaml:11:5:", "«arr»", "mente du «art»")


def test_case_naming_an_unknown_pathway_is_a_warning(tmp_path):
    (tmp_path / "kart" / "forlop").mkdir(parents=True)
    (tmp_path / "kasus").mkdir()
    (tmp_path / "kart" / "k.yaml").write_text(
        "sammenkart: 1\nid: k\nnavn: K\ntjenester:\n  - id: skole\n    navn: S\n    niva: 0\n    sektor: kommune\n",
        encoding="utf-8")
    (tmp_path / "kart" / "forlop" / "lese.yaml").write_text(
        "sammenkart: 1\nid: lese\nnavn: Lese\nflyt:\n  - fra: skole\n    til: skole\n", encoding="utf-8")
    (tmp_path / "kasus" / "ola.yaml").write_text(
        "sammenkart: 1\nid: ola\ntittel: Ola\nforlop: regning\nsteg:\n  - tittel: A\n    tekst: B\n"
        "    forslag: [ppt]\n", encoding="utf-8")
    ws = load_workspace(tmp_path)
    assert not ws.errors
    warnings = [str(p) for p in ws.problems if not p.is_error]
    assert _has(warnings, "ola.yaml:4:9:", "«regning»")  # at «forlop:», not the file's top
    assert _has(warnings, "ola.yaml:8:15:", "K har ingen «ppt»")  # at the item in «forslag»


def test_python_tag_is_refused_with_its_place(tmp_path):
    f = tmp_path / "tag.yaml"
    f.write_text("sammenkart: 1\nid: tag\nnavn: !!python/object:os.system x\ntjenester: []\n", encoding="utf-8")
    m, problems = load_map_file(f)
    assert m is None
    assert _has(_errors(problems), "tag.yaml:3:7:", "python/object")


def test_absurd_nesting_is_refused_without_crashing(tmp_path):
    f = tmp_path / "dyp.yaml"
    f.write_text("sammenkart: 1\nid: " + "[" * 100_000 + "\n", encoding="utf-8")
    m, problems = load_map_file(f)
    assert m is None and _has(_errors(problems), "dyp.yaml:2:", "dypt nøstet")


def test_control_character_is_named_at_its_place(tmp_path):
    f = tmp_path / "kontroll.yaml"
    f.write_text("sammenkart: 1\nid: ab\x00c\n", encoding="utf-8")
    m, problems = load_map_file(f)
    assert m is None and _has(_errors(problems), "kontroll.yaml:2:7:", "U+0000")


def test_impossible_date_names_the_value(tmp_path):
    f = tmp_path / "dato.yaml"
    f.write_text("sammenkart: 1\nid: dato\nnavn: D\noppdatert: 2026-13-45\ntjenester: []\n", encoding="utf-8")
    m, problems = load_map_file(f)
    assert m is None and _has(_errors(problems), "dato.yaml:4:12:", "«2026-13-45»", "dato")
