"""Tester 5, item 3: the three standard questions are the program's words, so they
speak the case's målform beside its story, and English when English is asked for."""
import pytest

from sammenkart import i18n
from sammenkart.model import Case, CaseStep


def _case(malform):
    return Case("c", "C", [CaseStep("Steg", "Historien.")], malform=malform)


@pytest.fixture
def output_language():
    return i18n.set_output_language  # conftest puts it back after the test


@pytest.mark.parametrize("malform, asked, first", [
    ("nb", None, "Hva kan jeg som fagperson gjøre?"),
    ("nn", None, "Kva kan eg som fagperson gjere?"),
    ("nb", "en", "What can I do as a professional?"),
    ("nn", "en", "What can I do as a professional?"),
])
def test_standard_questions_follow_the_case_and_english_when_asked(malform, asked, first, output_language):
    output_language(asked)
    case = _case(malform)
    questions = case.questions(case.steg[0])
    assert questions[0] == first and len(questions) == 3
    if asked == "en":
        assert questions == ["What can I do as a professional?", "Who can I work with?", "What can they do?"]


def test_a_steps_own_questions_stay_as_written(output_language):
    output_language("en")
    step = CaseStep("Steg", "Historien.", sporsmal=["Hvem ringer foreldrene?"])
    assert _case("nb").questions(step) == ["Hvem ringer foreldrene?"]
