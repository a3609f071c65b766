"""One translation system for every text a user reads: gettext.

Source strings are bokmål, except the few that come from outside: argparse's
own texts and the strings of Qt's standard dialogs, whose source is English.
The catalogues live in ``resources/translations/<lang>/LC_MESSAGES/sammenkart.mo``
(domain ``sammenkart``), made from one template ``resources/translations/sammenkart.pot``
with Babel (``python scripts/translations.py extract|update|compile|check``):

- ``nn`` translates everything;
- ``en`` translates the bokmål strings (the English ones are already English);
- ``nb`` translates only the English-source strings (argparse, Qt).

``_`` reads the catalogue of the current language; ``language(lang)`` switches
for a while (a poster of a nynorsk map is nynorsk unless English is asked
for: ``in_map_language``, ``output_language``, ``set_output_language``); ``set_language`` sets the
interface language, which also routes
gettext's default domain here so argparse's "usage:" and "invalid choice"
follow it (argparse calls ``gettext.gettext``, i.e. the default domain, in
the language the ``LANGUAGE`` environment variable names).
"""
from __future__ import annotations

import gettext
import os
from contextlib import contextmanager
from functools import wraps

from .paths import resources_dir

DOMAIN = "sammenkart"
LANGUAGES = ("nb", "nn", "en")  # the interface languages; bokmål is the source
SOURCE = "nb"
ENV = "SAMMENKART_LANG"  # the same as --sprak: this language whatever the map or the settings say

_translation: gettext.NullTranslations = gettext.NullTranslations()
_current = SOURCE


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def normalise(lang: str | None) -> str | None:
    """"nb", "nn" or "en" for a language name as users and systems write it
    ("nn_NO.UTF-8", "no", "nob", "en-GB", "NN"); None for anything else."""
    if not lang:
        return None
    code = lang.strip().lower().replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    return {"nb": "nb", "no": "nb", "nob": "nb", "nn": "nn", "nno": "nn", "en": "en", "eng": "en"}.get(code)


def requested(cli_value: str | None = None) -> str | None:
    """The language asked for outside the data: ``--sprak`` first, then
    ``SAMMENKART_LANG``; None when neither names one (the caller's default then
    applies: ``interface_language`` for commands, the window's rule in ``qt/language.py``)."""
    return normalise(cli_value) or normalise(os.environ.get(ENV))


SYSTEM_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")  # the locale of messages, first set wins (POSIX)


def system_language() -> str | None:
    """The language the system's locale names for messages: the first of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, "nb"/"nn"/"no" as
    Norwegian, "en*" as English; None for any other (``C``, ``de_DE``)."""
    for var in SYSTEM_ENV:
        value = os.environ.get(var)
        if value:
            return normalise(value)
    return None


def interface_language(cli_value: str | None = None) -> str:
    """The one rule for the language of messages (README, "Språk / language"):
    ``--sprak``, else ``SAMMENKART_LANG``, else the system's locale
    (``system_language``), else bokmål. The window follows the map's målform
    instead of a Norwegian locale (``qt/language.py``)."""
    return requested(cli_value) or system_language() or SOURCE


def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=translations_dir(), languages=[lang], fallback=True)


def translated(lang: str, context: str | None, text: str) -> str | None:
    """``text`` (in ``context``) in catalogue ``lang``, or None when that
    catalogue has no translation of it (Qt then keeps its own text). A
    translation may be the same words ("Fastlege" in nynorsk)."""
    cat = _catalogue(normalise(lang) or SOURCE)
    got = cat.pgettext(context, text) if context else cat.gettext(text)
    # gettext hands back the very string it was given when it has no entry for it
    return None if got is text else got


def _activate(lang: str | None) -> None:
    global _translation, _current
    _current = normalise(lang) or SOURCE
    _translation = _catalogue(_current)


def set_language(lang: str | None) -> None:
    """Set the interface language ("nb", "nn", "en"; None: bokmål). gettext's
    default domain follows it, so argparse speaks it too."""
    _activate(lang)
    gettext.bindtextdomain(DOMAIN, translations_dir())
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = _current  # the GNU gettext API picks the language from here


def current_language() -> str:
    """The language texts are given in now: "nb", "nn" or "en"."""
    return _current


QUOTES = ("«»", "“”")  # how the catalogues quote a name: «» in bokmål and nynorsk, “” in English
QUOTES_OF = {"nb": "«»", "nn": "«»", "en": "“”"}


def quote(text) -> str:
    """``text`` in the quotation marks of the language spoken now: «x» (nb, nn),
    “x” (en), as the catalogues' own sentences quote a name. Every name our
    code puts in quotes itself (outside a catalogue's sentence) goes through here,
    so one message never mixes the two."""
    a, b = QUOTES_OF.get(_current, QUOTES[0])
    return f"{a}{text}{b}"


def quote_list(items) -> str:
    """Each of ``items`` quoted (``quote``), joined by commas: «a», «b»."""
    return ", ".join(quote(x) for x in items)


def mentions(message: str, name: str) -> bool:
    """Whether ``message`` names ``name`` in quotes, as any catalogue quotes it
    (a field check finds the problems about its key this way)."""
    return any(f"{a}{name}{b}" in message for a, b in QUOTES)


def reads_now(worded_in: str, messages) -> bool:
    """Whether ``messages`` worded in language ``worded_in`` read right in the
    language spoken now: it is that language, or there are none. Problems are
    worded when files are read (``Workspace.problems_language``); a kept
    reading is reused only when this holds, else the files are read again."""
    return not messages or worded_in == _current


def speaks(malform: str | None) -> bool:
    """Whether the texts given now are in the language of data written in
    ``malform`` (None: bokmål). When not (an English poster of a nynorsk map),
    the data's own sentences stay as written and stand on their own as a
    labelled, quoted field; they are never spliced into a sentence of ours."""
    return (normalise(malform) or SOURCE) == _current


# Babel's locale per language: British English writes "15 October 2026"
BABEL_LOCALES = {"nb": "nb", "nn": "nn", "en": "en_GB"}


def date_text(d) -> str:
    """A date (``datetime.date``) as the current language writes it in running
    text, by Babel's CLDR data: "15. oktober 2026" (nb, nn), "15 October 2026"
    (en). Every date a user reads in a file, report or the window goes through
    here, so a poster and the banner agree."""
    from babel.dates import format_date  # loaded on first use: the window starts without it

    return format_date(d, format="long", locale=BABEL_LOCALES[_current])


def datetime_text(d) -> str:
    """A moment (``datetime.datetime``, local time) as the current language
    writes it, by Babel's CLDR patterns: the long date and the short time
    joined as the language joins them: "1. desember 2026, 01:51" (nb),
    "1. desember 2026 kl. 01:51" (nn), "1 December 2026, 01:51" (en)."""
    from babel.dates import format_datetime, get_date_format, get_datetime_format, get_time_format

    locale = BABEL_LOCALES[_current]
    pattern = get_datetime_format("long", locale=locale).replace(
        "{1}", get_date_format("long", locale=locale).pattern).replace(
        "{0}", get_time_format("short", locale=locale).pattern)
    return format_datetime(d, pattern, locale=locale)


def or_list(items) -> str:
    """``items`` joined as the current language lists alternatives, by Babel:
    ".md eller .pdf" (nb, nn), ".md or .pdf" (en)."""
    from babel.lists import format_list

    return format_list(list(items), style="or", locale=BABEL_LOCALES[_current])


def few_names(names, shown: int = 3) -> str:
    """``names`` (strings) joined as the current language lists them, by Babel, naming at
    most ``shown`` and counting the rest: "BUP akutteam", "A, B og C" (nb, nn), "A, B, and C"
    (en); "A, B, C og 2 til" / "A, B, C and 2 more" when there are more than ``shown``."""
    from babel.lists import format_list

    names = list(names)
    if len(names) <= shown:
        return format_list(names, style="standard", locale=BABEL_LOCALES[_current]) if names else ""
    return _("{navn} og {n} til").format(navn=", ".join(names[:shown]), n=len(names) - shown)


def _(text: str) -> str:
    return _translation.gettext(text)


def N_(text: str) -> str:
    """Mark a text for the catalogue where it is defined (a table, a constant);
    translate it with ``_()`` where it is shown."""
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural text for ``n``, by the current language's rule."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    """``text`` in ``context`` (Qt's standard dialogs ask by their class name)."""
    return _translation.pgettext(context, text)


_activate(interface_language())  # the command line or the window sets it again


@contextmanager
def language(lang: str | None):
    """Use another catalogue for a while: a poster of a nynorsk map speaks nynorsk.
    The interface language (and argparse's) is left as it is."""
    global _translation, _current
    saved = _translation, _current
    _activate(lang)
    try:
        yield
    finally:
        _translation, _current = saved


_output: list[str | None] = [None]


def set_output_language(lang: str | None) -> None:
    """The language of the labels in files made from now on (posters, handouts,
    reports, case summaries) whatever the map's målform; None: the map's målform.

    The one rule (README, "Språk / language"): a file speaks the map's målform,
    since the map's own text is in it; English labels only when English is
    asked for: ``--sprak en`` (or ``SAMMENKART_LANG=en``) on ``export``, ``tal``
    and ``revisjon`` (``cli.py``), or an English window (``qt/language.py``).
    Bokmål or nynorsk asked for on a map of the other målform changes only the
    messages, not the file. In an English file the map's sentences stay as
    written and stand on their own (``speaks``)."""
    _output[0] = "en" if normalise(lang) == "en" else None


def output_language(malform: str | None) -> str:
    """The language a file made from a map in ``malform`` is written in."""
    return _output[0] or normalise(malform) or SOURCE


def in_map_language(fn):
    """Run ``fn(map, ...)`` in the language of files made from that map
    (``output_language``: the map's ``malform`` unless a command asked otherwise)."""

    @wraps(fn)
    def wrapper(m, *args, **kwargs):
        with language(output_language(getattr(m, "malform", None))):
            return fn(m, *args, **kwargs)

    return wrapper
