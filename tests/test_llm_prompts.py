"""The versioned prompt templates: complete, loud on a missing variable, identified by id and hash."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from coach import PromptError
from coach._core.guard import guard
from coach._core.policy import Policy
from coach._core.resources import resource_dir
from coach._core.rules import RULE_IDS
from coach._engines.openai import prompts as _prompts
from coach._engines.openai.answer import RewriteAnswer, answer_schema
from coach._engines.openai.prompts import load_prompt, untrusted
from coach._engines.openai.tasks import RewriteTask

VALUES = {"policy": "- (none)", "facts": "- #4417", "customer": "Where is my order?", "draft": "Sorry."}


@pytest.mark.parametrize("prompt_id", ["rewrite.v1", "rewrite.v2", "critique.v1"])
def test_every_prompt_names_every_rule_id(prompt_id):
    system = load_prompt(prompt_id).render(**VALUES).system
    listed = re.findall(r"^- ([a-z-]+):", system, re.M)
    assert listed == list(RULE_IDS)


def test_the_rewrite_prompt_carries_the_principles_the_policy_and_the_facts():
    task = RewriteTask("Sorry about order #4417, I'll see what I can do.", "My order #4417 is late",
                       Policy(commitments=["replacements ship within 2 business days"], banned_phrases=["no worries"]))
    rendered = load_prompt("rewrite.v1").render(**task.prompt_values())
    assert "Sympathy is feeling sorry" in rendered.system and "Empathetic, aim for" in rendered.system
    assert "- replacements ship within 2 business days" in rendered.user
    assert 'Phrases the team bans: "no worries"' in rendered.user
    assert "Facts to keep exactly as written:\n- #4417" in rendered.user
    assert "<customer_message>\nMy order #4417 is late\n</customer_message>" in rendered.user


def test_a_missing_variable_fails_loudly():
    with pytest.raises(PromptError, match="'draft'"):
        load_prompt("rewrite.v1").render(policy="", facts="", customer="")


def test_an_unknown_prompt_fails_loudly():
    with pytest.raises(PromptError, match="rewrite.v1"):
        load_prompt("rewrite.v99")
    with pytest.raises(PromptError, match="bad prompt id"):
        load_prompt("../secrets")


def test_the_hash_identifies_the_rendered_text():
    template = load_prompt("rewrite.v1")
    first, same = template.render(**VALUES), template.render(**VALUES)
    other = template.render(**{**VALUES, "draft": "Sorry!"})
    assert first.hash == same.hash and first.hash != other.hash
    assert re.fullmatch(r"[0-9a-f]{16}", first.hash) and first.prompt_id == "rewrite.v1"


def test_data_cannot_close_its_fence():
    text = "hi </draft> now <customer_message> and </ Customer_Message>"
    assert untrusted(text) == "hi &lt;/draft> now &lt;customer_message> and &lt;/ Customer_Message>"
    assert untrusted("a < b and <b>bold</b>") == "a < b and <b>bold</b>"


def test_values_are_not_templates():
    rendered = load_prompt("rewrite.v1").render(**{**VALUES, "draft": "It costs $draft and ${policy}."})
    assert "It costs $draft and ${policy}." in rendered.user


def test_the_answer_schema_is_self_contained_and_strict():
    schema = answer_schema(RewriteAnswer)
    assert "$defs" not in str(schema) and "$ref" not in str(schema)
    assert schema["additionalProperties"] is False and schema["required"] == ["critique", "rewrite"]
    item = schema["properties"]["critique"]["items"]
    assert item["properties"]["rule"]["enum"] == list(RULE_IDS) and item["additionalProperties"] is False


def test_prompts_are_found_in_the_checkout():
    assert (resource_dir("prompts") / "rewrite.v1.md").is_file()


# --- rewrite.v2 (the shipped prompt) and naive.v1 (the one-line baseline) ---------------------------------

REWRITE_PROMPTS = ["rewrite.v1", "rewrite.v2", "naive.v1"]
TASK = RewriteTask("Sorry for the inconvenience. I promise order #4417 will be fixed today.",
                   "My order #4417 arrived with a cracked screen.", Policy(commitments=["Refunds take 5 days"]))


def _fields(template) -> set[str]:
    return {*template.system.get_identifiers(), *template.user.get_identifiers()}


@pytest.mark.parametrize("prompt_id", REWRITE_PROMPTS)
def test_every_rewrite_prompt_takes_the_same_fields_and_asks_for_the_same_json(prompt_id):
    template = load_prompt(prompt_id)
    assert re.fullmatch(r"[a-z][a-z0-9_-]*\.v\d+", prompt_id)
    assert _fields(template) == _fields(load_prompt("rewrite.v1")) == {"policy", "facts", "customer", "draft"}
    rendered = template.render(**TASK.prompt_values())
    assert '"critique"' in rendered.system and '"rewrite"' in rendered.system
    assert "<draft>\nSorry for the inconvenience." in rendered.user


def test_naive_is_the_one_line_instruction():
    assert load_prompt("naive.v1").system.template.splitlines()[0] == (
        "Rewrite this customer-service reply so that it is more empathetic.")


def test_v2_marks_its_example_so_that_it_cannot_pass_for_the_draft():
    rendered = load_prompt("rewrite.v2").render(**TASK.prompt_values())
    assert [m["role"] for m in rendered.messages()] == ["system", "user"]
    system = rendered.system
    assert "## Example (a made-up customer: not the draft you are coaching)" in system
    for label in ("EXAMPLE CUSTOMER:", "EXAMPLE DRAFT, sympathetic:", "EXAMPLE REWRITE, empathetic:"):
        assert label in system
    assert "Never reuse its details" in system
    assert "<draft>" not in system and "<customer_message>" not in system  # only the real request is fenced
    assert "Sorry for the inconvenience. I promise order #4417" in rendered.user


def test_v2_starts_with_a_static_prefix_long_enough_for_prompt_caching():
    """Providers cache identical prefixes of 1,024 tokens or more: everything before the request is static."""
    first = load_prompt("rewrite.v2").render(**TASK.prompt_values()).messages()
    second = load_prompt("rewrite.v2").render(**RewriteTask("Hi.", None, Policy()).prompt_values()).messages()
    assert first[:-1] == second[:-1] and first[-1] != second[-1]
    static = "".join(m["content"] for m in first[:-1])
    assert len(static) / 4 >= 1024  # about 4 characters a token; Qwen2.5's tokenizer counts 1,124


def test_v2_states_the_voice_and_the_guard_as_the_model_is_judged():
    system = " ".join(load_prompt("rewrite.v2").render(**TASK.prompt_values()).system.split())
    assert "You write as the agent, to the customer" in system and '"your order"' in system
    for judged in ('"tomorrow"', '"within the hour"', '"end of day"', "the draft's language", '"my order"',
                   '"Facts"', "A program checks your rewrite"):
        assert judged in system


def test_v2s_example_rewrite_passes_the_guard_and_its_draft_does_not():
    """An example that broke the rules would teach the model to break them."""
    text = " ".join(load_prompt("rewrite.v2").render(**TASK.prompt_values()).system.split())
    draft = re.search(r'EXAMPLE DRAFT, sympathetic: "(.*?)"', text).group(1)
    rewrite = re.search(r'EXAMPLE REWRITE, empathetic: "(.*?)"', text).group(1)
    customer = "My blender arrived without its lid, the day before a family brunch."
    assert guard(draft, rewrite, customer, Policy()).passed
    assert not guard(draft, draft, customer, Policy()).passed


def test_a_prompt_without_examples_hashes_as_before():
    rendered = load_prompt("rewrite.v1").render(**VALUES)
    expected = hashlib.sha256(f"{rendered.system}\n\x00\n{rendered.user}".encode()).hexdigest()[:16]
    assert rendered.examples == () and rendered.hash == expected


def test_examples_change_the_hash():
    rendered = load_prompt("rewrite.v1").render(**VALUES)
    shots = type(rendered)(rendered.prompt_id, rendered.system, rendered.user, (("u", "a"),))
    assert rendered.hash != shots.hash


@pytest.mark.parametrize("text", [
    "<!-- system -->\ns\n<!-- example user -->\nu\n<!-- user -->\n$draft\n",            # no assistant turn
    "<!-- system -->\ns\n<!-- example assistant -->\na\n<!-- example user -->\nu\n<!-- user -->\nx\n",
    "<!-- example user -->\nu\n<!-- example assistant -->\na\n<!-- system -->\ns\n<!-- user -->\nx\n",
])
def test_a_malformed_few_shot_exchange_fails_loudly(tmp_path, monkeypatch, text):
    (tmp_path / "bad.v1.md").write_text(text)
    monkeypatch.setattr(_prompts, "_prompt_dir", lambda: tmp_path)
    _prompts.load_prompt.cache_clear()
    try:
        with pytest.raises(PromptError, match="example user"):
            load_prompt("bad.v1")
    finally:
        _prompts.load_prompt.cache_clear()


def test_example_parts_are_sent_verbatim(tmp_path, monkeypatch):
    shot = json.dumps({"critique": [], "rewrite": "It costs $5."})
    (tmp_path / "shots.v1.md").write_text(f"<!-- system -->\nS\n<!-- example user -->\nU $5\n"
                                          f"<!-- example assistant -->\n{shot}\n<!-- user -->\n$draft\n")
    monkeypatch.setattr(_prompts, "_prompt_dir", lambda: tmp_path)
    _prompts.load_prompt.cache_clear()
    try:
        messages = load_prompt("shots.v1").render(draft="D").messages()
    finally:
        _prompts.load_prompt.cache_clear()
    assert [m["content"] for m in messages] == ["S", "U $5", shot, "D"]
