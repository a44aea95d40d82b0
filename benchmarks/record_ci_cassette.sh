#!/usr/bin/env bash
# Re-record the eval cassette that CI replays, against a coherent local model, and write its baseline.
#
# CI (.ci/run) replays `coach eval --engine openai --model qwen2.5-coder-1.5b --sample 12 --replay
# --baseline evals/baselines/replay-qwen2.5-coder-1.5b.json` from evals/cassettes/<prompt>--<model>.yaml,
# where <prompt> is the engine's default prompt (DEFAULT_PROMPT in coach/_engines/base.py). The recorded
# request bodies hold the rendered prompt and the guard's re-ask text, which quotes the checker's messages:
# run this after the last change to the prompt, the checker, the rules or the guard, and commit the
# cassette and the baseline with that change.
#
#   benchmarks/record_ci_cassette.sh                     # about 15 minutes on 2 cores
#   CASSETTE_DIR=/tmp/c BASELINE=/tmp/b.json benchmarks/record_ci_cassette.sh   # a dry run elsewhere
#
# It starts llama.cpp's server (llama-cpp-python[server]) on 127.0.0.1:$PORT with the Qwen2.5-Coder-1.5B
# GGUF (assembled first by benchmarks/assemble_qwen.py when missing), records the 12-case sample, stops
# the server, writes the baseline from a replay of the new cassette (exactly what CI computes), and
# replays once more against that baseline, as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python}
MODEL_FILE=${MODEL_FILE:-/work/models/qwen2.5-coder-1.5b-instruct.gguf}
ALIAS=${ALIAS:-qwen2.5-coder-1.5b}
PORT=${PORT:-8090}
SAMPLE=${SAMPLE:-12}
CASSETTE_DIR=${CASSETTE_DIR:-evals/cassettes}
BASELINE=${BASELINE:-evals/baselines/replay-$ALIAS.json}
LOG=${LOG:-$(mktemp -t llama-server.XXXXXX.log)}

if [ ! -f "$MODEL_FILE" ]; then
  "$PY" benchmarks/assemble_qwen.py --out "$MODEL_FILE"
fi

"$PY" -m llama_cpp.server --model "$MODEL_FILE" --model_alias "$ALIAS" --host 127.0.0.1 --port "$PORT" \
  --n_ctx 4096 --seed 0 >"$LOG" 2>&1 &
SERVER=$!
stop_server() {
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
  fi
}
trap stop_server EXIT

for _ in $(seq 1 300); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "record_ci_cassette: llama.cpp server exited while starting; its log ($LOG):" >&2
    tail -n 40 "$LOG" >&2
    exit 2
  fi
  if "$PY" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
      "http://127.0.0.1:$PORT/v1/models" 2>/dev/null; then
    break
  fi
  sleep 1
done

echo "record_ci_cassette: recording $SAMPLE cases into $CASSETTE_DIR (server log: $LOG)" >&2
"$PY" -m coach eval --engine openai --model "$ALIAS" --base-url "http://127.0.0.1:$PORT/v1" --sample "$SAMPLE" \
  --timeout 600 --record --cassette-dir "$CASSETTE_DIR" --quiet
stop_server

echo "record_ci_cassette: writing the baseline $BASELINE from a replay" >&2
"$PY" -m coach eval --engine openai --model "$ALIAS" --sample "$SAMPLE" --replay --cassette-dir "$CASSETTE_DIR" \
  --output "$BASELINE" --quiet
echo "record_ci_cassette: replaying as CI does" >&2
"$PY" -m coach eval --engine openai --model "$ALIAS" --sample "$SAMPLE" --replay --cassette-dir "$CASSETTE_DIR" \
  --baseline "$BASELINE" --quiet
echo "record_ci_cassette: done; commit $CASSETTE_DIR/*--$ALIAS.yaml and $BASELINE" >&2
