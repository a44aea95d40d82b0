import pytest


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch, tmp_path):
    """No test may see the developer's keys or servers: the model engine is configured explicitly or not at all."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_ORGANIZATION", "COACH_MODEL", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
