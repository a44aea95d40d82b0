"""The architecture holds: `coach check` loads no model SDK, no progress bar and no eval harness."""

import json
import subprocess
import sys
import textwrap

HEAVY = ("openai", "tqdm", "coach._eval", "coach._engines.openai")


def test_coach_check_imports_nothing_it_does_not_need():
    probe = textwrap.dedent(f"""
        import json, sys
        from coach._cli.main import main
        code = main(["check", "Sorry for the inconvenience."])
        loaded = [name for name in {HEAVY!r} if name in sys.modules]
        sys.stderr.write("\\nPROBE " + json.dumps({{"code": code, "loaded": loaded}}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    report = json.loads(done.stderr.rsplit("PROBE ", 1)[1])
    assert report == {"code": 1, "loaded": []}, done.stderr
    assert "bland-apology" in done.stdout


def test_the_probe_would_see_a_heavy_import():
    """The probe above can fail: `coach eval` does load the harness."""
    probe = "import sys\nfrom coach._cli.main import main\nmain(['eval', '--help'])"
    done = subprocess.run([sys.executable, "-c", probe + "\n"], capture_output=True, text=True, timeout=60)
    assert "--calibrate" in done.stdout  # eval parses its own options
    probe = "import sys\nfrom coach._cli import eval as e\nprint('coach._eval' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout.strip() == "True"
