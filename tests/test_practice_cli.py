"""`coach practice` without a terminal: --list, --replies FILE --card, --scenario PATH, and bad input."""

from __future__ import annotations

import json
import shutil

from cli_runner import run
from test_practice import BLAND, GOOD, GOOD_2

from coach._cli.practice import split_replies
from coach._practice.scenarios import SCENARIO_DIR


def test_list_shows_every_scenario(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["practice", "--list"])
    assert code == 0
    assert "late-parcel" in out and "bereavement" in out and len(out.strip().splitlines()) >= 12


def test_replies_separated_by_blank_lines():
    assert split_replies("one\nstill one\n\n\n  \ntwo\r\n\r\nthree\n") == ["one\nstill one", "two", "three"]


def test_a_session_from_a_file_writes_the_card(capsys, monkeypatch, tmp_path):
    replies = tmp_path / "replies.txt"
    replies.write_text(f"{BLAND}\n\n{GOOD}\n\n{GOOD_2}\n", encoding="utf-8")
    card_path = tmp_path / "cards" / "card.json"
    code, out, err = run(capsys, monkeypatch, ["practice", "late-parcel", "--replies", str(replies),
                                               "--card", str(card_path), "--agent", "sam"])
    assert code == 0, err
    assert "Coach on reply 1:" in out and "bland-apology" in out and "Tip:" in out
    assert "How did you feel?" in out and "Would you call back?" in out
    card = json.loads(card_path.read_text())
    assert card["agent"] == "sam" and card["scenario"]["id"] == "late-parcel" and card["replies"] == 3
    assert card["mood"] == [2, 1, 2, 3] and card["debrief"]["source"] == "scripted"


def test_a_team_scenario_by_path(capsys, monkeypatch, tmp_path):
    own = tmp_path / "ours.toml"
    shutil.copy(SCENARIO_DIR / "03-bereavement.toml", own)
    own.write_text(own.read_text().replace('id = "bereavement"', 'id = "our-bereavement"'))
    replies = tmp_path / "r.txt"
    replies.write_text("Thank you for calling about your father's account 88-3021. I've stopped the direct debit now.\n")
    code, out, err = run(capsys, monkeypatch, ["practice", "--scenario", str(own), "--replies", str(replies)])
    assert code == 0, err
    assert "Closing a late father's account" in out
    code, out, _ = run(capsys, monkeypatch, ["practice", "--scenario", str(own), "--list"])
    assert out.splitlines()[0].split()[1] == "our-bereavement"


def test_bad_input_gets_one_clear_line(capsys, monkeypatch, tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text("\n\n  \n")
    code, _, err = run(capsys, monkeypatch, ["practice", "late-parcel", "--replies", str(replies)])
    assert code == 2 and err.count("\n") == 1 and "holds no reply" in err
    replies.write_text("Hello there.\n")
    code, _, err = run(capsys, monkeypatch, ["practice", "no-such-one", "--replies", str(replies)])
    assert code == 2 and err.count("\n") == 1 and "unknown scenario 'no-such-one'" in err
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\ntitle = "t"\n')
    code, _, err = run(capsys, monkeypatch, ["practice", "--scenario", str(broken), "--replies", str(replies)])
    assert code == 2 and err.count("\n") == 1 and f"scenario file {broken} is invalid" in err


def test_a_reply_that_cannot_be_coached_keeps_the_card(capsys, monkeypatch, tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text(f"{GOOD}\n\n" + "x" * 200_001 + "\n", encoding="utf-8")
    card_path = tmp_path / "card.json"
    code, _, err = run(capsys, monkeypatch, ["practice", "late-parcel", "--replies", str(replies), "--card",
                                             str(card_path)])
    assert code == 2 and err.count("\n") == 1 and "reply 2:" in err and str(card_path) in err
    card = json.loads(card_path.read_text())
    assert card["replies"] == 1 and card["ended"] == "quit"


def test_without_a_terminal_or_replies_it_says_what_to_do(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, ["practice"], stdin=b"")
    assert code == 2 and "--replies FILE" in err
