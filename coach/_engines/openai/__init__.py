"""The openai engine (private): prompts, the structured answer, the guard, retries, and the engines."""

from .engine import AsyncOpenAIEngine, OpenAIEngine, build_engine

__all__ = ["build_engine", "OpenAIEngine", "AsyncOpenAIEngine"]
