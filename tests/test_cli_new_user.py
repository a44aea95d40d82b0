"""What a new user expects of the command line (issue 20): drafts from files, a discovered config file,
verdicts that are not reached never read as a pass, a closed stdout keeps the exit code, --color,
shell completion and an example in every --help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run

from coach._cli.main import EXIT_NOT_ASSESSED, main

BAD = "Sorry for the inconvenience."  # warnings only: fails at the default --fail-on, passes at --fail-on error
GOOD = "Thanks for flagging the cracked screen on order #4417. I've sent a replacement and emailed you the tracking link."
SPANISH = "Le prometo que su reembolso llegará mañana sin falta, no se preocupe."


@pytest.fixture
def here(tmp_path, monkeypatch):
    """A working directory with no config file above it that the test did not write."""
    work = tmp_path / "team" / "project"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.delenv("COACH_MODEL", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    return work


# --- drafts from files -------------------------------------------------------------------------------------


def test_a_draft_argument_that_names_a_file_gets_a_note(here, capsys, monkeypatch):
    (here / "reply.txt").write_text(BAD, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, ["check", "reply.txt"])
    assert "'reply.txt' is the name of a file" in err and "-f reply.txt" in err
    assert run(capsys, monkeypatch, ["check", GOOD])[2] == ""  # no note for an ordinary draft


def test_file_reads_each_draft_and_labels_each_result(here, capsys, monkeypatch):
    (here / "bad.txt").write_text(BAD, encoding="utf-8")
    (here / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["check", "-f", "good.txt", "--file", "bad.txt"])
    assert code == 1  # the most serious verdict of the two
    good_at, bad_at = out.index("==> good.txt <=="), out.index("==> bad.txt <==")
    assert good_at < bad_at and "bland-apology" in out[bad_at:] and "bland-apology" not in out[:bad_at]
    code, out, _ = run(capsys, monkeypatch, ["check", "-f", "good.txt", "-f", "-", "--format", "json"],
                       stdin=BAD.encode())
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(x["path"], x["passed"]) for x in lines] == [("good.txt", True), ("-", False)] and code == 1


def test_file_works_for_rewrite_and_critique(here, capsys, monkeypatch):
    (here / "bad.txt").write_text(BAD + " I promise it ships today.", encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, ["rewrite", "-f", "bad.txt", "--engine", "offline"])
    assert out.startswith("==> bad.txt <==\n") and "bad.txt" not in out.split("\n", 1)[1]
    assert "I promise" not in out and "bad.txt: engine: offline" in err
    code, out, _ = run(capsys, monkeypatch, ["critique", "-f", "bad.txt", "--format", "json", "--engine", "offline"])
    assert json.loads(out)["path"] == "bad.txt" and code == 1


def test_an_unreadable_file_is_an_error_in_its_place(here, capsys, monkeypatch):
    (here / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, ["check", "-f", "missing.txt", "-f", "good.txt", "--format", "json"])
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and lines[0]["path"] == "missing.txt" and "not found" in lines[0]["error"]
    assert lines[1]["passed"] is True and "missing.txt" in err


def test_a_draft_and_a_file_together_are_a_usage_error(here, capsys, monkeypatch):
    (here / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, ["check", GOOD, "-f", "good.txt"])
    assert code == 2 and "not both" in err


# --- config discovery --------------------------------------------------------------------------------------


def test_a_coach_toml_above_the_working_directory_is_found(here, capsys, monkeypatch):
    assert run(capsys, monkeypatch, ["check", BAD])[0] == 1
    (here.parent / "policy.toml").write_text('banned_phrases = ["order number"]\n', encoding="utf-8")
    (here.parent / ".coach.toml").write_text('fail_on = "error"\npolicy = "policy.toml"\n', encoding="utf-8")
    assert run(capsys, monkeypatch, ["check", BAD])[0] == 0  # fail_on from the file
    code, out, _ = run(capsys, monkeypatch, ["check", "Please send us your order number.", "--format", "json"])
    assert "banned-phrase" in {f["rule"] for f in json.loads(out)["findings"]}  # the policy, relative to the file
    assert run(capsys, monkeypatch, ["check", BAD, "--fail-on", "warning"])[0] == 1  # the command line wins
    assert run(capsys, monkeypatch, ["check", BAD, "--no-config"])[0] == 1


def test_tool_coach_in_pyproject_and_the_nearer_file_wins(here, capsys, monkeypatch):
    (here.parent / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.coach]\nfail_on = "error"\n',
                                                encoding="utf-8")
    assert run(capsys, monkeypatch, ["check", BAD])[0] == 0
    (here / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")  # no [tool.coach]: skipped
    assert run(capsys, monkeypatch, ["check", BAD])[0] == 0
    (here / ".coach.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    assert run(capsys, monkeypatch, ["check", BAD])[0] == 1


def test_config_option_and_coach_config_shows_sources(here, capsys, monkeypatch):
    team = here / "team.toml"
    team.write_text('engine = "offline"\nmodel = "from-file"\ntimeout = 12\n', encoding="utf-8")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    code, out, _ = run(capsys, monkeypatch, ["config", "--config", str(team)])
    rows = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0 and str(team) in rows["config"]
    assert "offline" in rows["engine"] and str(team) in rows["engine"]
    assert "12.0" in rows["timeout"] and "from-file" in rows["model"]
    assert "$OPENAI_BASE_URL" in rows["base_url"] and "(default)" in rows["fail_on"]
    monkeypatch.setenv("COACH_MODEL", "from-env")
    out = run(capsys, monkeypatch, ["config", "--config", str(team)])[1]
    assert "from-env  ($COACH_MODEL)" in out  # the environment beats the file
    out = run(capsys, monkeypatch, ["config", "--no-config"])[1]
    assert "none (--no-config)" in out and "team.toml" not in out


def test_a_bad_config_file_is_one_clear_error(here, capsys, monkeypatch):
    (here / ".coach.toml").write_text('fail_on = "sometimes"\n', encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, ["check", GOOD])
    assert code == 2 and out == "" and "fail_on must be one of" in err and ".coach.toml" in err
    (here / ".coach.toml").write_text('colour = "never"\n', encoding="utf-8")
    assert "unknown key 'colour'" in run(capsys, monkeypatch, ["check", GOOD])[2]


# --- not assessed --------------------------------------------------------------------------------------------


def test_a_reply_in_another_language_is_never_a_pass(here, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", SPANISH, "--format", "json"])
    data = json.loads(out)
    assert code == EXIT_NOT_ASSESSED == 3 and data["passed"] is None and data["assessed"] is False
    code, out, _ = run(capsys, monkeypatch, ["critique", SPANISH, "--engine", "offline"])
    assert code == 3 and "not assessed" in out and "✓" not in out
    code, out, _ = run(capsys, monkeypatch, ["critique", SPANISH, "--engine", "offline", "--format", "json"])
    data = json.loads(out)
    assert (data["passed"], data["assessed"], data["language"]) == (None, False, "es")
    code, out, _ = run(capsys, monkeypatch, ["rewrite", SPANISH, "--engine", "offline", "--format", "json"])
    assert code == 3 and json.loads(out)["passed"] is None


def test_batches_report_not_assessed_below_a_failure(here, capsys, monkeypatch):
    lines = [json.dumps({"id": 1, "draft": GOOD}), json.dumps({"id": 2, "draft": SPANISH})]
    code, out, err = run(capsys, monkeypatch, ["check", "--jsonl", "-"], stdin="\n".join(lines).encode())
    assert code == 3 and [json.loads(x)["passed"] for x in out.splitlines()] == [True, None]
    assert "1 of 2 draft(s) not assessed" in err
    lines.append(json.dumps({"id": 3, "draft": BAD}))
    assert run(capsys, monkeypatch, ["check", "--jsonl", "-"], stdin="\n".join(lines).encode())[0] == 1
    code, out, _ = run(capsys, monkeypatch, ["rewrite", "--jsonl", "-", "--engine", "offline"],
                       stdin=lines[1].encode())
    assert code == 3 and json.loads(out) | {"id": 2} == json.loads(out) and json.loads(out)["passed"] is None


# --- a closed stdout -----------------------------------------------------------------------------------------


def test_a_closed_stdout_keeps_the_failing_exit_code():
    """`coach check BAD | head -c 1`: the reader has gone; the verdict is still exit 1, not 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before coach writes: every write fails with EPIPE
    try:
        proc = subprocess.run([sys.executable, "-m", "coach", "check", BAD], stdout=write_end,
                              stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert proc.returncode == 1, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr and b"Exception ignored" not in proc.stderr


def test_a_closed_stdout_in_process_keeps_the_exit_code(capsys, monkeypatch):
    class Closed:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

        def isatty(self):
            return False

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["check", BAD]) == 1
    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["check", SPANISH]) == 3


# --- colour, completion, help --------------------------------------------------------------------------------


def test_color_always_never_and_auto(here, capsys, monkeypatch):
    assert "\x1b[" in run(capsys, monkeypatch, ["check", BAD, "--color", "always"])[1]
    assert "\x1b[" not in run(capsys, monkeypatch, ["check", BAD, "--color", "never"])[1]
    assert "\x1b[" not in run(capsys, monkeypatch, ["check", BAD])[1]  # auto: not a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" in run(capsys, monkeypatch, ["check", BAD, "--color", "always"])[1]  # the flag beats NO_COLOR
    (here / ".coach.toml").write_text('color = "always"\n', encoding="utf-8")
    assert "\x1b[" in run(capsys, monkeypatch, ["check", BAD])[1]


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")])
def test_completion_scripts(capsys, monkeypatch, shell, marker):
    code, out, _ = run(capsys, monkeypatch, ["completion", shell])
    assert code == 0 and marker in out and "coach" in out and "_ARGCOMPLETE" in out


def test_completion_answers_from_the_parser(tmp_path):
    """What the shell scripts ask for: the process with argcomplete's variables set completes subcommands
    and options."""
    answers = tmp_path / "answers"
    for line, expected in (("coach chec", "check"), ("coach check --col", "--color"),
                           ("coach check --color al", "always")):
        env = {**os.environ, "_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
               "_ARGCOMPLETE_STDOUT_FILENAME": str(answers)}
        subprocess.run([sys.executable, "-m", "coach"], env=env, timeout=60, check=True, capture_output=True)
        assert expected in answers.read_text().split(), line


@pytest.mark.parametrize("command", ["check", "critique", "rewrite", "serve", "eval", "config", "completion"])
def test_every_help_shows_an_example(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    example = out.split("example:", 1)[1].strip().splitlines()[0]
    assert example.startswith(f"coach {command}")


def test_the_main_help_lists_exit_code_3(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "3 not assessed" in capsys.readouterr().out


def test_exit_codes_table_in_readme_matches_the_cli():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- exit-codes -->", 2)[1]
    for code, words in ((0, "passed"), (1, "fail"), (2, "error"), (3, "not assessed")):
        assert f"| {code} " in table and words in table.lower()
