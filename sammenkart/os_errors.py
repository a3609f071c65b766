"""The operating system's errors in our words, in the user's language.

Python's ``OSError.strerror`` is the C library's English ("No such file or
directory", "Permission denied"); a user reading nynorsk should not meet it.
``describe(exc)`` gives our text for the errno values a user can cause or fix
(a missing file, no permission, a folder where a file was expected, a full
disk); any other error keeps the system's own text after ours.
"""
from __future__ import annotations

import errno

from .i18n import N_, _

TEXTS = {
    errno.ENOENT: N_("finnes ikke"),
    errno.EACCES: N_("ingen tilgang (mangler rettigheter)"),
    errno.EPERM: N_("ikke tillatt"),
    errno.EISDIR: N_("er en mappe, ikke en fil"),
    errno.ENOTDIR: N_("en del av stien er ikke en mappe"),
    errno.EEXIST: N_("finnes fra før"),
    errno.ENOTEMPTY: N_("mappen er ikke tom"),
    errno.ENOSPC: N_("det er ikke mer plass på disken"),
    errno.EROFS: N_("disken kan bare leses, ikke skrives til"),
    errno.ENAMETOOLONG: N_("navnet er for langt"),
    errno.ELOOP: N_("for mange symbolske lenker i stien"),
    errno.EBUSY: N_("er i bruk av et annet program"),
    errno.EIO: N_("lese- eller skrivefeil på disken"),
    errno.EMFILE: N_("for mange åpne filer"),
    errno.EINVAL: N_("ugyldig navn eller verdi"),
    errno.EXDEV: N_("kan ikke flyttes til en annen disk"),
    errno.ETXTBSY: N_("filen er i bruk"),
    errno.EFBIG: N_("filen er for stor"),
}
for _name in ("EDQUOT",):  # not on every system
    if hasattr(errno, _name):
        TEXTS[getattr(errno, _name)] = N_("kvoten din på disken er brukt opp")


def describe(exc: BaseException) -> str:
    """What went wrong, for a user: our words by ``errno``; for another
    OSError the system's text ("systemfeil 123: …"); for anything else ``str(exc)``."""
    if isinstance(exc, OSError):
        text = TEXTS.get(exc.errno)
        if text is not None:
            return _(text)
        if exc.errno is not None:
            return _("systemfeil {nr}: {tekst}").format(nr=exc.errno, tekst=exc.strerror or exc)
    return str(exc)
