"""The ``coach serve`` subcommand's options and entry point; the web framework loads only when it runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._engines.options import add_engine_options, positive_int
from .limits import Limits

__all__ = ["add_serve_parser", "run"]

_DEFAULTS = Limits()


def add_serve_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``serve`` to ``subparsers`` (from ``ArgumentParser.add_subparsers``) and return its parser."""
    p = subparsers.add_parser(
        "serve", help="serve the coach over HTTP: a JSON API and a page for agents",
        description="Serve /v1/check, /v1/rewrite, /v1/critique, /v1/rewrite:batch, /v1/rules and a page at /.",
        epilog="example:\n  coach serve --port 8008 --policy team-policy.toml   # then open http://127.0.0.1:8008/\n\n"
               "The token comes from --token-file or $COACH_API_TOKEN. Exit codes: 0 stopped; 2 a configuration error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_engine_options(p)
    p.add_argument("--policy", metavar="FILE", type=Path, help="team policy TOML; a request's policy lines add to it")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8008, help="port to listen on (default: 8008)")
    p.add_argument("--token-file", metavar="PATH", type=Path,
                   help="file holding the bearer token the /v1 endpoints require (else $COACH_API_TOKEN)")
    p.add_argument("--insecure", action="store_true",
                   help="allow a non-loopback --host without a token (anyone who can reach it can use it)")
    p.add_argument("--log-text", action="store_true",
                   help="also log drafts, customer messages and rewrites (off: only metadata is logged)")
    limits = p.add_argument_group("limits")
    limits.add_argument("--max-body-bytes", type=positive_int, default=_DEFAULTS.max_body_bytes,
                        help=f"largest request body (default: {_DEFAULTS.max_body_bytes:,})")
    limits.add_argument("--max-draft-chars", type=positive_int, default=_DEFAULTS.max_draft_chars,
                        help=f"longest draft, in characters (default and most: {_DEFAULTS.max_draft_chars:,})")
    limits.add_argument("--max-batch", type=positive_int, default=_DEFAULTS.max_batch_items,
                        help=f"most items in one /v1/rewrite:batch (default: {_DEFAULTS.max_batch_items})")
    limits.add_argument("--max-model-calls", type=positive_int, default=_DEFAULTS.max_model_calls,
                        help=f"model calls in flight at once, all requests together (default: "
                             f"{_DEFAULTS.max_model_calls})")
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``coach serve`` with parsed ``args``; 2 with a one-line error when it cannot start."""
    try:
        limits = Limits(max_body_bytes=args.max_body_bytes, max_draft_chars=args.max_draft_chars,
                        max_batch_items=args.max_batch, max_model_calls=args.max_model_calls)
    except ValueError as exc:
        print(f"coach serve: error: {exc}", file=sys.stderr)
        return 2
    try:
        import fastapi  # noqa: F401 - only to say what is missing before anything starts
        import uvicorn  # noqa: F401

        from .server import run_server
    except ImportError as exc:
        print(f"coach serve: error: {exc.name} is not installed: pip install 'reply-coach[serve]'", file=sys.stderr)
        return 2
    return run_server(host=args.host, port=args.port, engine=args.engine, model=args.model, base_url=args.base_url,
                      policy_path=args.policy, token_file=args.token_file, insecure=args.insecure,
                      log_text=args.log_text, limits=limits, timeout=args.timeout, max_tokens=args.max_tokens)
