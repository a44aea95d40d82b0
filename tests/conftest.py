import pytest


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch, tmp_path):
    """No test may see the developer's keys or servers: the model engine is configured explicitly or not at all."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_ORGANIZATION", "COACH_MODEL", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))


# --- the openai engine's tests: scripted local servers ------------------------------------------------


@pytest.fixture
def serve():
    """``serve(step, ...)`` starts a scripted OpenAI-compatible server on 127.0.0.1 (see fake_openai.py)."""
    from fake_openai import FakeOpenAI

    servers = []

    def start(*steps):
        server = FakeOpenAI(*steps)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def fast_backoff(monkeypatch):
    """Backoff between transport retries in tens of milliseconds, so fault tests stay quick."""
    from coach._engines.openai import engine as _engine
    from coach._engines.openai.exchange import RetryPolicy

    monkeypatch.setattr(_engine, "RetryPolicy", lambda: RetryPolicy(backoff_first_s=0.02, backoff_max_s=0.05))


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """A real llama.cpp server with SmolLM2-135M on 127.0.0.1 (a free port); in CI it must be available."""
    import llama_server as llama

    reason = llama.unavailable()
    if reason:
        if llama.in_ci():
            pytest.fail(f"the live test must run in CI, but {reason}")
        pytest.skip(reason)
    with llama.running_llama(llama.free_port(), tmp_path_factory.mktemp("llama") / "server.log") as url:
        yield url
