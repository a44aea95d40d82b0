"""`coach practice report CARDS... --out report.html`: one self-contained page, charts per agent and per rule."""

from __future__ import annotations

import json
import re

import pytest
from cli_runner import run
from test_practice import BLAND, GOOD, GOOD_2, VAGUE

pytest.importorskip("matplotlib", reason="the report needs matplotlib: pip install -e '.[report]'")


@pytest.fixture
def cards(capsys, monkeypatch, tmp_path):
    made = []
    for agent, replies in (("sam", [BLAND, VAGUE]), ("kim <b>&", [GOOD, GOOD_2, GOOD])):
        for scenario in ("late-parcel", "double-charge"):
            path = tmp_path / f"{len(made)}.json"
            (tmp_path / "r.txt").write_text("\n\n".join(replies))
            code, _, err = run(capsys, monkeypatch, ["practice", scenario, "--replies", str(tmp_path / "r.txt"),
                                                     "--agent", agent, "--card", str(path)])
            assert code == 0, err
            made.append(path)
    return made


def test_the_report_has_a_chart_per_agent_and_per_rule(cards, capsys, monkeypatch, tmp_path):
    out = tmp_path / "report.html"
    code, _, err = run(capsys, monkeypatch, ["practice", "report", *map(str, cards), "--out", str(out)])
    assert code == 0 and "4 score card(s)" in err
    page = out.read_text()
    found = {rule for card in cards for rule, n in json.loads(card.read_text())["findings_per_rule"].items() if n}
    assert page.count('<figure aria-label="Charts for') == 2
    assert page.count('<figure aria-label="Findings per reply for') == len(found) and "bland-apology" in found
    assert page.count("<svg") == 2 + len(found)
    # Self-contained: no script, nothing fetched; an agent's name is text, never markup.
    assert "<script" not in page and not re.search(r"""(?:src|href)=["'](?!#)""", page)
    assert "kim &lt;b&gt;&amp;" in page and "kim <b>" not in page


def test_a_bad_card_gets_one_line(cards, capsys, monkeypatch, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"agent": "x"}')
    code, _, err = run(capsys, monkeypatch, ["practice", "report", str(cards[0]), str(bad), "--out",
                                             str(tmp_path / "r.html")])
    assert code == 2 and err.count("\n") == 1 and f"score card {bad} is invalid" in err
    assert not (tmp_path / "r.html").exists()
