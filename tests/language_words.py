"""Words that give a text away as bokmål or Norwegian, for the language tests
(issue 17: a nynorsk map's window, poster, handout and report contain none of
the bokmål-only words; an English one none of the Norwegian words)."""
from __future__ import annotations

import re

# Words nynorsk never uses (its form in the comment).
BOKMAL_ONLY = frozenset({
    "Åpne", "åpne",  # opne
    "tjeneste", "Tjeneste", "tjenester", "Tjenester", "tjenesten",  # teneste(r), tenesta
    "ikke", "Ikke",  # ikkje
    "hva", "Hva", "hvem", "Hvem", "hvordan", "Hvordan",  # kva, kven, korleis
    "noe", "mye", "bare",  # noko, mykje, berre
    "Høy", "høy",  # høg
    "vinduet",  # vindauget
    "Problemer", "Sektorer", "Nivåer",  # problem, sektorar, nivå
    "henvisning", "Henvisning", "henvisninger", "Henvisninger",  # tilvising(ar)
    "Tegnforklaring",  # teiknforklaring
    "dere", "Dere",  # de
})
# Norwegian interface words an English text does not have.
NORWEGIAN = frozenset({
    "Fil", "Vis", "Hjelp", "Rediger", "Åpne", "Opne", "Avslutt", "Språk", "Tjeneste", "Teneste", "Forløp",
    "og", "ikke", "ikkje", "Tegnforklaring", "Teiknforklaring", "Sektorer", "Sektorar", "Nivåer", "Steg",
})


def words(texts) -> set[str]:
    """The words of ``texts`` (a menu's & left out)."""
    if isinstance(texts, str):
        texts = [texts]
    return {w for t in texts for w in re.findall(r"\w+", t.replace("&", ""))}
