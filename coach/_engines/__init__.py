"""The rewrite engines: ``offline`` (deterministic) and ``openai`` (a model), independent of each other."""
