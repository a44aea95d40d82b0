"""Build the checker's token vectors from WordLlama's (MIT) weights: PCA to --dim, stored as float16.

Development only (needs `pip install wordllama`, see the `train` extra). Deterministic: the same wheel and
--dim give the same files byte for byte.

    python scripts/learned/build_embeddings.py --dim 128
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file

ARTIFACT = Path(__file__).resolve().parents[2] / "coach/_core/learned/artifact"
SOURCE = "l2_supercat_256"


def wordllama_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("wordllama is not installed: pip install -e '.[train]'")
    return Path(next(iter(spec.submodule_search_locations)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    args = parser.parse_args()
    root = wordllama_dir()
    weights = load_file(str(root / f"weights/{SOURCE}.safetensors"))["embedding.weight"].astype(np.float64)
    vocab = json.loads((root / f"tokenizers/{SOURCE.split('_', 1)[0]}_supercat_tokenizer_config.json")
                       .read_text(encoding="utf-8"))["model"]["vocab"]
    pieces = [piece for piece, _ in sorted(vocab.items(), key=lambda item: item[1])]
    # Only pieces of printable ASCII (with or without the word mark): the coach reads English, and a smaller
    # table loads faster at every start-up.
    keep = [i for i, piece in enumerate(pieces) if re.fullmatch(r"▁?[\x21-\x7e]+|▁", piece)]
    centred = weights - weights.mean(axis=0)
    _, singular, components = np.linalg.svd(centred, full_matrices=False)
    basis = components[: args.dim]
    basis *= np.sign(basis[:, :1] + 1e-12)  # a fixed sign per component: the same file on every run
    reduced = weights[keep] @ basis.T
    pieces = [pieces[i] for i in keep]
    kept = float((singular[: args.dim] ** 2).sum() / (singular**2).sum())
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "vectors.npy", reduced.astype(np.float16))
    (args.out / "pieces.json").write_text(json.dumps(pieces, ensure_ascii=False), encoding="utf-8")
    print(f"{len(pieces)} pieces x {args.dim} dims (PCA of {SOURCE}, {kept:.1%} of the variance) -> {args.out}")


if __name__ == "__main__":
    main()
