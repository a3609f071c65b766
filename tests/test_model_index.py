"""Look-ups by id and type stay right when a map's services change in place.

Before, ``Map`` cached its index on the list's identity, its length and the
first service only, so retyping any other service, or replacing one, left
``resolve()`` and ``service()`` answering from the old index.
"""
from sammenkart.loader import load_bundled
from sammenkart.model import Map, Service


def _example() -> Map:
    return load_bundled().maps["eksempelkommune"]


def test_resolve_follows_a_retyped_service():
    m = _example()
    s = m.service("barnehage-fjellsiden")
    assert s in m.resolve("barnehage")
    s.type = "friluftsbarnehage"
    assert s not in m.resolve("barnehage")
    assert m.resolve("friluftsbarnehage") == [s]


def test_service_follows_a_renamed_id():
    m = _example()
    s = m.resolve("bup")[0]
    old = s.id
    s.id = "bup-fonna"
    assert m.service(old) is None
    assert m.service("bup-fonna") is s


def test_resolve_follows_a_replaced_service():
    m = _example()
    i = next(i for i, s in enumerate(m.tjenester) if s.role == "barnevern")
    m.resolve("barnevern")  # builds the index
    m.tjenester[i] = Service("familiehuset", "Familiehuset", 2, "kommune", type="familiehus")
    assert m.resolve("barnevern") == []
    assert [s.id for s in m.resolve("familiehus")] == ["familiehuset"]


def test_resolve_follows_added_and_removed_services():
    m = Map("liten", "Liten", [Service("skole", "Skole", 0, "kommune")])
    assert m.resolve("ppt") == []
    m.tjenester.append(Service("ppt", "PPT", 1, "kommune"))
    assert [s.id for s in m.resolve("ppt")] == ["ppt"]
    del m.tjenester[1]
    assert m.resolve("ppt") == []
    m.tjenester = [Service("bup", "BUP", 3, "spesialist")]
    assert m.service("skole") is None and m.service("bup") is not None
