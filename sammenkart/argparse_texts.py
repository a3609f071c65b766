"""argparse's own texts, so the catalogues translate them ("usage: ", "options",
"invalid choice: …"). Their source language is English.

argparse asks gettext's default domain for these (``i18n.set_language`` binds it
to ours). The list is every text argparse marks for translation in Python 3.11
to 3.14; tests/test_translations.py checks that the running Python's argparse
asks for nothing missing here. Nothing imports this module: it exists for
``scripts/translations.py extract``.
"""
from __future__ import annotations

from .i18n import N_


def ngettext_noop(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


TEXTS = (
    # help and usage
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    # errors from what a user typed
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument \"-\" with mode %r"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
    # mistakes in a program's parser (Python 3.11 marks these too)
    N_(".__call__() not defined"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_("cannot have multiple subparser arguments"),
    N_("%r is not callable"),
)

PLURALS = (
    ngettext_noop("expected %s argument", "expected %s arguments"),
    ngettext_noop("conflicting option string: %s", "conflicting option strings: %s"),
)
