"""``python -m coach._serve [OPTIONS]``: the same as ``coach serve [OPTIONS]``."""

from __future__ import annotations

import argparse
import sys

from .options import add_serve_parser, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach._serve")
    add_serve_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(["serve", *(sys.argv[1:] if argv is None else argv)]))


if __name__ == "__main__":
    sys.exit(main())
