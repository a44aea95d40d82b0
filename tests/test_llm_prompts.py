"""The versioned prompt templates: complete, loud on a missing variable, identified by id and hash."""

from __future__ import annotations

import re

import pytest

from coach import PromptError
from coach._core.policy import Policy
from coach._core.resources import resource_dir
from coach._core.rules import RULE_IDS
from coach._engines.openai.answer import RewriteAnswer, answer_schema
from coach._engines.openai.prompts import load_prompt, untrusted
from coach._engines.openai.tasks import RewriteTask

VALUES = {"policy": "- (none)", "facts": "- #4417", "customer": "Where is my order?", "draft": "Sorry."}


@pytest.mark.parametrize("prompt_id", ["rewrite.v1", "critique.v1"])
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
