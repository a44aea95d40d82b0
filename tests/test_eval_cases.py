"""The suite format: strict pydantic cases, errors that name the file and line."""

import json
from pathlib import Path

import pytest

from coach._eval.cases import EvalCase, SuiteError, load_suite, parse_suite
from coach._eval.paths import default_suite

MINI = Path(__file__).parent / "eval_data" / "mini.jsonl"
GOOD = {"id": "a", "customer": "My order 12 is late.", "draft": "Thanks, I'm checking order 12 now.", "policy": [],
        "keep": ["12"], "tags": ["good-draft"]}


def lines(*cases):
    return "\n".join(json.dumps(c) for c in cases) + "\n"


def test_loads_the_mini_suite_with_a_stable_hash():
    suite = load_suite(MINI)
    assert [c.id for c in suite.cases][:2] == ["promise", "good"]
    assert len(suite.sha256) == 64 and suite.sha256 == load_suite(MINI).sha256
    assert suite.cases[-1].expect is None  # unlabelled
    assert suite.cases[1].expect == []  # labelled: breaks nothing


def test_optional_fields_default():
    case = EvalCase(id="x", draft="Hello there.")
    assert case.policy == [] and case.keep == [] and case.tags == [] and case.reference is None


def test_unknown_field_is_rejected_with_its_line():
    bad = dict(GOOD, id="b", severity="high")
    with pytest.raises(SuiteError) as info:
        parse_suite(lines(GOOD, bad), "s.jsonl")
    message = str(info.value)
    assert message.startswith("s.jsonl:2 (case 'b'):") and "severity: unknown field" in message


@pytest.mark.parametrize(
    ("case", "needle"),
    [
        (dict(GOOD, expect=["not-a-rule"]), "unknown rule id"),
        (dict(GOOD, keep=["#999"]), "keep fact(s) ['#999']"),
        (dict(GOOD, tags=["Bad Tag"]), "lower-case slugs"),
        (dict(GOOD, draft="   "), "only whitespace"),
        ({k: v for k, v in GOOD.items() if k != "draft"}, "draft: Field required"),
        (dict(GOOD, policy="refunds in 5 days"), "policy: Input should be a valid list"),
    ],
)
def test_invalid_cases_name_line_and_field(case, needle):
    with pytest.raises(SuiteError, match=r"^x\.jsonl:1") as info:
        parse_suite(lines(case), "x.jsonl")
    assert needle in str(info.value)


def test_bad_json_duplicate_ids_and_empty_suites():
    with pytest.raises(SuiteError, match=r"x:2: not valid JSON"):
        parse_suite(lines(GOOD) + "{oops\n", "x")
    with pytest.raises(SuiteError, match=r"x:2: duplicate id 'a' \(first on line 1\)"):
        parse_suite(lines(GOOD, GOOD), "x")
    with pytest.raises(SuiteError, match="no cases"):
        parse_suite("\n\n", "x")
    with pytest.raises(SuiteError, match="a case is a JSON object"):
        parse_suite("[1, 2]\n", "x")


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(SuiteError, match="not found"):
        load_suite(tmp_path / "nope.jsonl")
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "a", "draft": "caf\xe9"}\n')
    with pytest.raises(SuiteError, match="not valid UTF-8"):
        load_suite(path)


def test_select_by_id_and_tag():
    suite = load_suite(MINI)
    assert [c.id for c in suite.select(tags=["injection"]).cases] == ["inject"]
    assert [c.id for c in suite.select(ids=["good", "bland"]).cases] == ["good", "bland"]
    with pytest.raises(SuiteError, match="no case with id nope"):
        suite.select(ids=["nope"])


def test_the_packaged_suite_is_found_and_valid():
    path = default_suite()
    if not path.exists():
        pytest.skip("no packaged gold suite in this checkout")
    suite = load_suite(path)
    assert len(suite.cases) >= 1


def test_sample_is_deterministic_and_covers_tags():
    cases = [EvalCase(id=f"c{i}", draft="Hi there.", tags=[f"t{i % 4}"]) for i in range(20)]
    from coach._eval.cases import Suite

    suite = Suite(path="mem", sha256="0" * 64, cases=cases)
    first = suite.sample(4)
    assert [c.id for c in first.cases] == [c.id for c in suite.sample(4).cases]
    assert {c.tags[0] for c in first.cases} == {"t0", "t1", "t2", "t3"}
    assert [c.id for c in first.cases] == sorted((c.id for c in first.cases), key=lambda i: int(i[1:]))
    assert suite.sample(50) is suite
    # the choice depends on ids and tags only: editing a draft does not change it
    edited = Suite(path="mem", sha256="1" * 64, cases=[c.model_copy(update={"draft": "Other."}) for c in cases])
    assert [c.id for c in edited.sample(4).cases] == [c.id for c in first.cases]
    with pytest.raises(SuiteError):
        suite.sample(0)


def test_the_readme_states_the_gold_suites_size():
    """The README's count of gold cases is the suite's, counted, not remembered."""
    import re
    from pathlib import Path

    from coach._eval.cases import load_suite

    root = Path(__file__).resolve().parents[1]
    counted = len(load_suite(root / "evals" / "gold.jsonl").cases)
    readme = (root / "README.md").read_text(encoding="utf-8")
    stated = re.findall(r"`evals/gold\.jsonl`, (\d+) labelled cases", readme)
    assert stated == [str(counted)]
