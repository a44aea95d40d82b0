"""One search of every situation's words decides whether any situation can match: the same answers as asking each."""

import pytest

from coach._core.situations import _load, situation

MESSAGES = [
    "My husband passed away in May and you keep billing him.",
    "There's a smell of gas in the hallway since this morning.",
    "The brakes on my car feel spongy after your service.",
    "The brake on my bike is loose, can you send a new cable?",
    "I can't pay my rent this month, I've lost my job.",
    "The checkout link gives a 404 so I can't pay for the kit.",
    "Where is my parcel? It was due on Monday.",
    "OUR CO ALARM WENT OFF TWICE LAST NIGHT AFTER YOUR ENGINEER LEFT",  # the gate reads lower case: shouting still matches
    "My Mum Passed Away Last Week And The Direct Debit Still Runs.",
    "",
]


@pytest.mark.parametrize("message", MESSAGES)
def test_the_gate_agrees_with_asking_each_situation(message):
    expected = next((s for s in _load() if s.matches(message)), None) if message.strip() else None
    assert situation(message) is expected
