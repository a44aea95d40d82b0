"""Versioned prompt templates (``prompts/<id>.md``): load, render with ``$name`` fields, hash.

A template file holds two parts, each opened by a marker line: ``<!-- system -->`` and ``<!-- user -->``.
Between them it may hold a few-shot exchange: pairs of ``<!-- example user -->`` and
``<!-- example assistant -->`` parts, sent as earlier turns of the conversation, verbatim (no ``$fields``:
an example is static text, so that every request starts with the same prefix and prompt caching applies).
Rendering fails loudly (``PromptError``) on a missing variable, and untrusted text is fenced in tags.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..._core.errors import PromptError
from ..._core.resources import resource_dir

__all__ = ["PromptTemplate", "RenderedPrompt", "load_prompt", "untrusted", "DATA_TAGS"]

_PART = re.compile(r"^<!-- (system|user|example user|example assistant) -->[ \t]*\n", re.M)
_PROMPT_ID = re.compile(r"^[a-z][a-z0-9_-]*\.v\d+$")
#: The tags that fence untrusted text in the templates.
DATA_TAGS = ("customer_message", "draft")
_DATA_TAG = re.compile(r"<(?=/?\s*(?:" + "|".join(DATA_TAGS) + r")\b)", re.I)


@dataclass(frozen=True)
class RenderedPrompt:
    prompt_id: str
    system: str
    user: str
    #: The few-shot exchange sent between the system and the user message: (user, assistant) pairs.
    examples: tuple[tuple[str, str], ...] = ()

    @property
    def hash(self) -> str:
        """Identifies the exact text sent (sha256 of system, examples and user parts, first 16 hex digits)."""
        shots = "".join(f"\n\x00\n{user}\n\x00\n{assistant}" for user, assistant in self.examples)
        digest = hashlib.sha256(f"{self.system}{shots}\n\x00\n{self.user}".encode())
        return digest.hexdigest()[:16]

    def messages(self) -> list[dict[str, str]]:
        """The opening of the conversation: system, the few-shot turns, then the user message."""
        shots = [{"role": role, "content": text} for pair in self.examples
                 for role, text in zip(("user", "assistant"), pair)]
        return [{"role": "system", "content": self.system}, *shots, {"role": "user", "content": self.user}]


@dataclass(frozen=True)
class PromptTemplate:
    prompt_id: str
    system: string.Template
    user: string.Template
    #: sha256 of the template file's bytes (the rendered text has its own ``RenderedPrompt.hash``).
    sha256: str = ""
    examples: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return self.prompt_id

    @property
    def text(self) -> str:
        """The template's text, every part, before rendering."""
        shots = "".join(f"\n{user}\n{assistant}" for user, assistant in self.examples)
        return f"{self.system.template}{shots}\n{self.user.template}"

    def render(self, **values: str) -> RenderedPrompt:
        try:
            return RenderedPrompt(self.prompt_id, self.system.substitute(values), self.user.substitute(values),
                                  self.examples)
        except KeyError as exc:
            raise PromptError(f"prompt {self.prompt_id!r} needs the variable {exc.args[0]!r}") from None
        except ValueError as exc:  # a stray "$" in the template
            raise PromptError(f"prompt {self.prompt_id!r} is malformed: {exc}") from None


def _prompt_dir() -> Path:
    return resource_dir("prompts")


@lru_cache(maxsize=16)
def load_prompt(prompt: str, *, allow_path: bool = False, bare_user: str | None = None) -> PromptTemplate:
    """The template ``prompts/<id>.md`` for an id like ``rewrite.v1`` (or, with ``allow_path``, a ``*.md`` file).

    ``bare_user``: a file without part markers is accepted as all system text, with this as its user part.
    """
    if allow_path and (prompt.endswith(".md") or "/" in prompt):
        path = Path(prompt)
    elif _PROMPT_ID.match(prompt):
        path = _prompt_dir() / f"{prompt}.md"
    else:
        raise PromptError(f"bad prompt id {prompt!r}: expected a name and a version, like 'rewrite.v1'")
    try:
        raw = path.read_bytes()
    except OSError:
        folder = path.parent
        known = ", ".join(sorted(p.stem for p in folder.glob("*.md"))) if folder.is_dir() else ""
        raise PromptError(f"prompt {prompt!r} not found in {folder} (available: {known or 'none'})") from None
    text = raw.decode("utf-8")
    if bare_user is not None and not _PART.search(text):
        text = f"<!-- system -->\n{text}\n<!-- user -->\n{bare_user}"
    parts = _split(text, path)
    shots = [body for name, body in parts[1:-1]]
    return PromptTemplate(path.stem, string.Template(parts[0][1]), string.Template(parts[-1][1]),
                          sha256=hashlib.sha256(raw).hexdigest(), examples=tuple(zip(shots[::2], shots[1::2])))


def _split(text: str, path: Path) -> list[tuple[str, str]]:
    """The parts in order: system, then any (example user, example assistant) pairs, then user."""
    markers = list(_PART.finditer(text))
    names = [m.group(1) for m in markers]
    middle = names[1:-1]
    pairs_ok = len(middle) % 2 == 0 and all(
        (a, b) == ("example user", "example assistant") for a, b in zip(middle[::2], middle[1::2]))
    if len(names) < 2 or names[0] != "system" or names[-1] != "user" or not pairs_ok \
            or text[: markers[0].start()].strip():
        raise PromptError(f"{path} must hold a '<!-- system -->' part, optional '<!-- example user -->' / "
                          f"'<!-- example assistant -->' pairs, then a '<!-- user -->' part")
    ends = [m.start() for m in markers[1:]] + [len(text)]
    return [(m.group(1), text[m.end() : end].strip("\n")) for m, end in zip(markers, ends)]


def untrusted(text: str) -> str:
    """``text`` made safe to put between data tags: a data tag inside it cannot close or open a fence."""
    return _DATA_TAG.sub("&lt;", text)
