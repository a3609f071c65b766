"""The family handout's sentences (sammenkart.plain_language): whole sentences per
step art and tilgang, in the map's målform, without professional jargon, and
only public contacts."""
import re

import pytest

from sammenkart import paths
from sammenkart.i18n import language
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.model import ARTS, Contact, FlowStep, Map, Pathway, Service
from sammenkart.plain_language import access_label, pathway_text, public_contact, step_text

# Words of the trade a parent should not meet unexplained (stems, bokmål and nynorsk).
JARGON = re.compile(
    r"\b(epikrise|somatisk|kartlegg|henvisningsrett|tilvisingsrett|instans|tverrfagl|samhandling|forløp|lavterskel|"
    r"lågterskel|spesialisthelset|utredning|utgreiing|poliklinikk|diagnosti|anamnese|komorbid|psykoedukasj|"
    r"funksjonssvikt|funksjonsnivå|indikasjon|konsultasjon)\w*", re.I)
# Bokmål forms that are not nynorsk: none may appear in a nynorsk map's text.
BOKMAL_ONLY = {
    "hva", "hvordan", "hvem", "hvis", "ikke", "jeg", "dere", "deres", "selv", "sier", "skriver", "trengs", "trenger",
    "henvisning", "henvise", "henviser", "bekymret", "hjelpen", "tjeneste", "tjenesten", "tjenester", "videre",
    "skolen", "legevakten", "sykehus", "sykehuset", "sykehusets", "noen", "fra", "mye", "bare", "krever", "finner",
    "kommer", "bor", "hjemme", "mødre", "fedre", "enhet", "barneavdelingen", "habiliteringstjenesten",
    "døgnavdelingen", "helsesykepleieren", "spiseforstyrrelser", "spiseforstyrrelse", "en", "et", "undersøkelse",
    "voksne", "familier", "steder", "tar", "vært", "utsatt", "vold", "voldtekt", "syke", "skadet", "samme", "haster",
    "tilbud", "samtaler", "følger", "familiene", "alvorlig", "behandler", "foreldreveiledningen", "oppfølgingstjenesten",
}


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _maps(ws):
    return [*ws.maps.values(), *load_workspace(paths.region_dir()).maps.values()]


def _all_texts(ws):
    """(map, StepText) for every bundled pathway step on every bundled map, in the map's målform."""
    for m in _maps(ws):
        for p in ws.pathways_for(m):
            for t in pathway_text(m, p):
                yield m, t


def _words(texts) -> set[str]:
    return {w.lower() for t in texts for w in re.findall(r"[\wæøåÆØÅ]+", t)}


def svc(sid, role="", niva=1, sektor="kommune", tilgang=None, navn=None, **kontakt):
    intern = kontakt.pop("intern", False)
    return Service(sid, navn or sid.title(), niva, sektor, type=role, tilgang=tilgang,
                   kontakt=Contact(**kontakt, intern=intern))


def small_map(malform="nb", extra=()):
    services = [svc("skole", "skole", 0), svc("skolehelse", "skolehelsetjeneste", 0, tilgang="direkte"),
                svc("lege", "fastlege", 1, "fastlege", "direkte", "Legekontoret", telefon="55 00 00 01"),
                svc("bup", "bup", 3, "spesialist", "henvisning", telefon="55 00 00 02", nettside="https://bup.no",
                    epost="bup@hf.no", adresse="Sykehusveien 1"),
                svc("akutt", "bup-akutt", 3, "spesialist", "henvisning", telefon="55 00 00 09", intern=True),
                svc("dps", "dps", 3, "spesialist", "henvisning"), svc("barnevern", "barnevern", 2, tilgang="direkte"),
                svc("fv", "foreldreveiledning", 1, tilgang="direkte"), *extra]
    return Map("liten", "Liten", services, malform=malform)


def one(m, fra, til, art="henvisning", nar=None):
    p = Pathway("p", "P", [FlowStep(fra, til, art, nar)], malform=m.malform)
    return step_text(m, p, 0)


# ------------------------------------------------------------ the sentences
def test_the_school_nurse_helps_the_family_book_the_gp_in_both_malformer():
    assert one(small_map("nn"), "skolehelsetjeneste", "fastlege", "samarbeid").sentences == (
        "Helsesjukepleiaren kan hjelpe dykk å bestille time hos fastlegen.",)
    assert one(small_map("nb"), "skolehelsetjeneste", "fastlege", "samarbeid").sentences == (
        "Helsesykepleieren kan hjelpe dere å bestille time hos fastlegen.",)


def test_a_referral_says_what_it_means_and_that_the_receiver_needs_one():
    nb = one(small_map("nb"), "fastlege", "bup").sentences
    assert nb == ("Fastlegen kan henvise barnet til BUP.", "Det betyr at fastlegen ber BUP om å ta imot barnet.",
                  "BUP krever henvisning.")
    nn = one(small_map("nn"), "fastlege", "bup").sentences
    assert nn[0] == "Fastlegen kan tilvise barnet til BUP." and nn[-1] == "BUP krev tilvising."
    # DPS is for the parent; parental guidance for the family.
    assert one(small_map("nb"), "fastlege", "dps").sentences[0] == "Fastlegen kan henvise mor eller far til DPS."
    assert one(small_map("nn"), "helsestasjon", "foreldreveiledning").sentences[0].endswith(
        "kan tilvise dykk til foreldrerettleiinga.")


def test_every_art_has_its_own_whole_sentences():
    m = small_map("nb")
    texts = {art: one(m, "skole", "barnevern", art).sentences for art in ARTS}
    assert len({t for t in texts.values()}) == len(ARTS)
    for art, sentences in texts.items():
        assert sentences and all(s[:1].isupper() and s.endswith(".") for s in sentences), art
        assert "Skolen" in sentences[0] and "barnevernet" in sentences[0], art
    assert texts["bekymringsmelding"][:2] == (
        "Skolen kan sende en bekymringsmelding til barnevernet.",
        "Det betyr at skolen sier fra om at de er bekymret for barnet.")
    assert texts["kontakt"][:2] == ("Skolen kan ta direkte kontakt med barnevernet.", "Det trengs ingen henvisning.")
    assert texts["veiledning"] == ("Skolen kan gi barnevernet råd om hvordan de kan hjelpe barnet.",)
    assert "hva som er gjort" in texts["tilbakemelding"][0]


def test_tilgang_chooses_the_sentence_about_reaching_the_receiver():
    m = small_map("nn")
    # The family may go there itself: said after a referral, a report of concern or direct contact.
    assert one(m, "skole", "barnevern", "bekymringsmelding").sentences[-1] == "De kan òg ta kontakt med barnevernet sjølv."
    assert one(m, "barnevern", "bup").sentences[-1] == "BUP krev tilvising."
    # Working together towards a service that needs a referral: no claim about a referral.
    assert one(m, "barnevern", "bup", "samarbeid").sentences == ("Barnevernet og BUP kan samarbeide om hjelpa til barnet.",)
    # Towards a service of the map's own kind, the map's tilgang decides.
    open_door = svc("ungdomshuset", "ungdomshus", tilgang="direkte", navn="Ungdomshuset Loftet")
    closed = svc("team", "familieteam-x", navn="Familieteamet")
    m2 = small_map("nb", extra=(open_door, closed))
    assert one(m2, "skole", "ungdomshus", "samarbeid").sentences == (
        "Skolen kan hjelpe dere å ta kontakt med Ungdomshuset Loftet.",)
    assert one(m2, "skole", "familieteam-x", "samarbeid").sentences == (
        "Skolen og Familieteamet kan samarbeide om hjelpen til barnet.",)


def test_access_labels_follow_the_malform_and_say_nothing_when_the_map_does_not():
    m = small_map("nn")
    with language("nn"):
        assert access_label(m.service("lege")) == "De kan ta kontakt sjølv"
        assert access_label(m.service("bup")) == "Krev tilvising"
        assert access_label(m.service("skole")) is None
    labels = {s.service_id: s.access for s in one(small_map("nb"), "fastlege", "bup").services}
    assert labels == {"lege": "Dere kan ta kontakt selv", "bup": "Krever henvisning"}


def test_services_are_named_as_families_say_it_or_as_the_map_does():
    two_gps = small_map("nb", extra=(svc("lege2", "fastlege", 1, "fastlege", navn="Sørvåg legekontor"),))
    assert one(two_gps, "fastlege", "bup").sentences[0] == "Fastlegen kan henvise barnet til BUP."
    own = (svc("rask", "rask-hjelp", navn="Rask psykisk helsehjelp"), svc("rask2", "rask-hjelp", navn="Ungdomsteamet"))
    sentences = one(small_map("nb", extra=own), "skole", "rask-hjelp", "veiledning").sentences
    assert sentences == ("Skolen kan gi Rask psykisk helsehjelp eller Ungdomsteamet råd om hvordan de kan hjelpe barnet.",)


# ------------------------------------------------------------ contacts
def test_only_public_contacts_are_given():
    m = small_map("nb")
    t = one(m, "legevakt", "bup-akutt")
    assert [(s.service_id, s.contact) for s in t.services] == [("akutt", None)]  # intern: never shown
    with language("nb"):
        assert public_contact(m.service("bup")) == "Tlf. 55 00 00 02 · https://bup.no · bup@hf.no · Sykehusveien 1"
        assert public_contact(m.service("skole")) is None


def test_no_internal_number_of_the_bundled_maps_reaches_a_handout_sentence_or_contact(ws):
    internal = {s.kontakt.telefon for m in _maps(ws) for s in m.tjenester if s.kontakt.intern and s.kontakt.telefon}
    assert internal
    for _m, t in _all_texts(ws):
        shown = " ".join([*t.sentences, *t.explanations, *(s.contact or "" for s in t.services)])
        assert not [n for n in internal if n in shown]


# ------------------------------------------------------------ the bundled data, every step
def test_no_jargon_in_any_sentence_or_explanation_of_the_bundled_pathways(ws):
    count = 0
    for m, t in _all_texts(ws):
        for sentence in [*t.sentences, *t.explanations]:
            assert not JARGON.search(sentence), (m.id, t.number, sentence)
            count += 1
    assert count > 300


def test_nynorsk_maps_get_no_bokmal_only_words(ws):
    nn_texts, nb_texts = [], []
    for m, t in _all_texts(ws):
        texts = [*t.sentences, *t.explanations, *(s.access or "" for s in t.services)]
        (nn_texts if m.malform == "nn" else nb_texts).extend(texts)
    assert len(nn_texts) > 100 and len(nb_texts) > 100
    assert _words(nn_texts) & BOKMAL_ONLY == set()
    assert len(_words(nb_texts) & BOKMAL_ONLY) > 20  # the list bites on bokmål


def test_the_handout_speaks_the_maps_malform_whatever_the_window_speaks(ws):
    nb_map, p = ws.maps["eksempelkommune"], ws.pathway("angst", "nb")
    plain = [t.sentences for t in pathway_text(nb_map, p)]
    for lang in ("nn", "en"):
        with language(lang):
            assert [t.sentences for t in pathway_text(nb_map, p)] == plain


def test_the_condition_is_given_apart_and_a_step_the_map_cannot_draw_says_so(tmp_path):
    from editing_helpers import copy_lacking

    ws = load_workspace(copy_lacking(tmp_path, "fjordvik", "helsestasjon-for-ungdom", "ungdomspsykiatrisk-dogn", "eteforstyrringar"))
    fjordvik = ws.maps["fjordvik"]
    p = ws.pathway("tristhet-depresjon", "nn")
    texts = pathway_text(fjordvik, p)
    assert [t.when for t in texts] == [st.nar for st in p.flyt]
    assert [t.number for t in texts] == list(range(1, len(p.flyt) + 1))
    missing = {i + 1 for i, st in enumerate(p.flyt) if not (fjordvik.resolve(st.fra) and fjordvik.resolve(st.til))}
    assert missing and {t.number for t in texts if not t.drawn} == missing


def test_a_step_is_given_by_index_or_as_the_pathways_own_step():
    m = small_map("nb")
    p = Pathway("p", "P", [FlowStep("skole", "skolehelsetjeneste", "samarbeid"), FlowStep("fastlege", "bup")])
    assert step_text(m, p, p.flyt[1]) == step_text(m, p, 1)
    with pytest.raises(ValueError):
        step_text(m, p, FlowStep("fastlege", "bup"))  # equal, but not this pathway's step


def test_names_a_parent_may_not_know_are_explained():
    t = one(small_map("nn"), "fastlege", "bup")
    assert t.explanations == ("BUP er tilbodet sjukehuset har til barn og unge med psykiske plager. "
                              "Barnet bur heime og kjem dit til samtalar.",)
    assert one(small_map("nb"), "skole", "skolehelsetjeneste", "samarbeid").explanations == ()
