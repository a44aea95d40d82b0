"""Run the service on uvicorn: read the token and policy, refuse an open non-loopback host, and serve."""

from __future__ import annotations

import errno
import ipaddress
import os
import sys
from pathlib import Path

from .._api import AsyncCoach
from .._core.errors import CoachError, ModelConfigError
from .._core.files import read_text
from .._core.policy import load_policy
from .._engines.base import DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT
from .limits import Limits

__all__ = ["run_server", "is_loopback", "refusal", "read_token", "bind_problem", "TOKEN_ENV"]

TOKEN_ENV = "COACH_API_TOKEN"


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); names are not resolved."""
    if host.strip().lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def refusal(host: str, token: str | None, insecure: bool) -> str | None:
    """Why the service must not start on ``host``, or None when it may."""
    if token or insecure or is_loopback(host):
        return None
    return (f"coach serve: error: refusing to listen on {host} without a token: set {TOKEN_ENV} or pass "
            f"--token-file, or pass --insecure to serve it open")


def read_token(token_file: str | os.PathLike | None) -> str | None:
    """The bearer token: the file's text (stripped) when given, else ``$COACH_API_TOKEN``; None when neither."""
    if token_file is not None:
        token = read_text(Path(token_file), "token").strip()
        if not token or any(ch.isspace() for ch in token):
            raise CoachError(f"the token file {token_file} must hold one token, without spaces")
        return token
    return os.environ.get(TOKEN_ENV, "").strip() or None


def _require_a_model_server(coach: AsyncCoach) -> None:
    """Fail at start, not on every request, when the openai engine has nowhere to send its calls."""
    settings = coach.settings
    if coach.engine == "openai" and not (settings.client or settings.api_key or settings.base_url):
        raise ModelConfigError("the openai engine needs OPENAI_API_KEY or a base URL (--base-url or OPENAI_BASE_URL)")


def run_server(*, host: str = "127.0.0.1", port: int = 8008, engine: str = "auto", model: str | None = None,
               base_url: str | None = None, policy_path: str | os.PathLike | None = None,
               token_file: str | os.PathLike | None = None, insecure: bool = False, log_text: bool = False,
               limits: Limits | None = None, timeout: float = DEFAULT_TIMEOUT,
               max_tokens: int = DEFAULT_MAX_TOKENS) -> int:
    """Serve until interrupted; 0 after a clean stop, 2 for a configuration error (one line on stderr)."""
    try:
        token = read_token(token_file)
        reason = refusal(host, token, insecure)
        if reason:
            print(reason, file=sys.stderr)
            return 2
        policy = load_policy(policy_path) if policy_path else None
        coach = AsyncCoach(engine=engine, model=model, base_url=base_url, timeout=timeout,  # type: ignore[arg-type]
                           max_tokens=max_tokens)
        _require_a_model_server(coach)
    except CoachError as exc:
        print(f"coach serve: error: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    from .app import create_app
    from .logs import configure_logging

    configure_logging()
    app = create_app(coach, policy=policy, token=token, limits=limits or Limits(), log_text=log_text)
    shown = f"[{host}]" if ":" in host else host
    notes = f"engine {coach.engine}, token {'required' if token else 'off'}{', logging texts' if log_text else ''}"
    print(f"coach serve: starting on http://{shown}:{port}/ ({notes})", file=sys.stderr, flush=True)
    config = uvicorn.Config(app, host=host, port=port, access_log=False, log_level="warning",
                            server_header=False, lifespan="off")
    try:
        uvicorn.Server(config).run()
    except SystemExit as exc:  # uvicorn exits when it cannot bind the port
        print(f"coach serve: error: could not serve on {shown}:{port}{bind_problem(host, port)}", file=sys.stderr)
        return 2 if exc.code else 0
    return 0


def bind_problem(host: str, port: int) -> str:
    """Why ``host:port`` cannot be listened on, as ``": <reason>"`` (asked again of the system: uvicorn keeps
    its reason in its log), or "" when it now can."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        return f": cannot resolve {host}: {exc.strerror or exc}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            hint = " (another program listens there: stop it or pick another --port)" if \
                exc.errno == errno.EADDRINUSE else ""
            return f": {(exc.strerror or str(exc)).lower()}{hint}"
    return ""
