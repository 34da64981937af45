import pytest
from django.core.exceptions import ValidationError

from core.transitions import Transitions


class Row:
    class _meta:
        @staticmethod
        def get_field(name):
            class Field:
                flatchoices = [("draft", "udkast"), ("open", "åben"), ("done", "færdig")]

            return Field

    def __init__(self, state):
        self.state = state


MOVES = Transitions("state", {"draft": {"open"}, "open": {"done", "draft"}})


def test_a_listed_move_is_allowed_and_an_unlisted_one_refused_with_the_labels():
    MOVES.check(Row("draft"), "open")
    assert MOVES.allows("open", "draft") and not MOVES.allows("done", "open")
    with pytest.raises(ValidationError) as refused:
        MOVES.check(Row("draft"), "done")
    assert refused.value.code == "invalid_transition"
    assert refused.value.messages == ["“udkast” kan ikke skifte til “færdig”."]


def test_a_model_may_word_the_refusal_per_target():
    moves = Transitions("state", {"draft": {"open"}}, refused={"done": "Først åbnes den."})
    with pytest.raises(ValidationError, match=r"Først åbnes den\."):
        moves.check(Row("draft"), "done")
