"""Band labels (the level names up the side of the map) wrap without a lone short word."""
from sammenkart.layout.band_labels import FONT, fit_label
from sammenkart.layout.text import text_width


def test_a_short_word_never_stands_alone_on_a_line_of_a_band_label():
    """Tester 3 item 15: the nynorsk handout read "Oppfølging / i / kommunen"."""
    text = "Oppfølging i kommunen"
    seen = set()
    for size in (8.0, 9.0, 10.0):
        # every room from just the longest word to all of it on one line
        room = text_width("Oppfølging", size, FONT) + 0.5
        while room < text_width(text, size, FONT) + 20:
            lines, _used = fit_label(text, room, size, "nn")
            assert " ".join(lines) == text
            if len(lines) > 1:
                assert all(" " in line or len(line) > 3 for line in lines), (room, size, lines)
            seen.add(lines)
            room += 1.0
    assert ("Oppfølging i", "kommunen") in seen  # the tester's case now reads so
    assert ("Oppfølging", "i", "kommunen") not in seen
