"""The generic codebook loader and its checks, on small codebooks written here.

Each broken codebook must be refused with a CodebookError whose message names the file,
the field (or rule) and what is wrong, so that a user editing YAML can fix it at once.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from casereview.codebook import CodebookRegistry, load_codebook_file
from casereview.codebook.values import validate_value
from casereview.errors import CodebookError, NotFoundError, ValidationError

# A small sound codebook; each test breaks one thing in it.
GOOD = """\
id: tiny
version: "1"
title: Tiny test framework
value_sets:
  level:
    - {id: high, label: High, code: 3, score: 3}
    - {id: low, label: Low, code: 1, score: 1}
    - {id: none, label: None, code: 0, score: 0}
fields:
  - id: law
    label: Law type
    type: categorical
    level: review
    source: {document: "001", section: "Table 3"}
    values:
      - {id: public, label: Public law, code: 1}
      - {id: private, label: Private law, code: 2}
  - id: risk_a
    label: Risk A
    type: ordinal
    level: review
    value_set: level
    source: {document: "000", section: "Appendix B"}
  - id: risk_b
    label: Risk B
    type: ordinal
    level: review
    value_set: level
    source: {document: "000", section: "Appendix B"}
  - id: age
    label: Age
    type: number
    level: child
    minimum: 0
    maximum: 17
    source: {document: "000", section: "Table 4"}
scores:
  - id: total
    label: Total
    fields: [risk_a, risk_b]
    maximum: 6
    source: {document: "000", section: "Appendix A"}
mappings:
  - from_version: "0"
    fields: {old_risk: risk_a}
    source: {document: "001", section: "footnote 3"}
"""


def write(tmp_path: Path, text: str, name: str = "1.yaml") -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def refused(path: Path) -> str:
    with pytest.raises(CodebookError) as info:
        load_codebook_file(path)
    message = str(info.value)
    assert str(path) in message, f"message does not name the file: {message}"
    return message


def test_the_sound_codebook_loads_and_validates(tmp_path: Path) -> None:
    cb = load_codebook_file(write(tmp_path, GOOD))
    assert cb.key == "tiny@1"
    assert [f.id for f in cb.fields] == ["law", "risk_a", "risk_b", "age"]
    assert validate_value(cb, "law", "Private law") == "private"
    assert validate_value(cb, "risk_a", 3) == "high"
    with pytest.raises(ValidationError, match=r"'age'.*outside the allowed range 0 to 17"):
        validate_value(cb, "age", 18)


def test_duplicate_field_id(tmp_path: Path) -> None:
    text = GOOD.replace("  - id: risk_b\n    label: Risk B", "  - id: risk_a\n    label: Risk B")
    message = refused(write(tmp_path, text))
    assert "'risk_a'" in message and "duplicate field id" in message


def test_duplicate_value_code(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{id: private, label: Private law, code: 2}", "{id: private, label: Private law, code: 1}"
    )
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "duplicate code '1'" in message


def test_duplicate_value_id(tmp_path: Path) -> None:
    text = GOOD.replace("{id: private, label: Private law", "{id: public, label: Private law")
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "duplicate value id 'public'" in message


def test_duplicate_code_in_a_value_set(tmp_path: Path) -> None:
    text = GOOD.replace("{id: low, label: Low, code: 1", "{id: low, label: Low, code: 3")
    message = refused(write(tmp_path, text))
    assert "value_set 'level'" in message and "duplicate code '3'" in message


def test_dangling_value_set(tmp_path: Path) -> None:
    text = GOOD.replace(
        '    value_set: level\n    source: {document: "000", section: "Appendix B"}\n  - id: age',
        '    value_set: levels\n    source: {document: "000", section: "Appendix B"}\n  - id: age',
    )
    message = refused(write(tmp_path, text))
    assert "field 'risk_b'" in message and "unknown value_set 'levels'" in message
    assert "known: ['level']" in message


def test_unknown_field_type(tmp_path: Path) -> None:
    text = GOOD.replace("    type: number", "    type: decimal")
    message = refused(write(tmp_path, text))
    assert "fields[age] > type" in message and "'decimal'" in message
    # the allowed types are listed so the user can pick one
    assert "'number'" in message and "'categorical'" in message


def test_unknown_key_on_a_field(tmp_path: Path) -> None:
    text = GOOD.replace("    minimum: 0\n", "    minimun: 0\n")
    message = refused(write(tmp_path, text))
    assert "fields[age] > minimun" in message and "unknown key" in message


def test_unknown_key_on_a_value(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{id: public, label: Public law, code: 1}", "{id: public, lable: Public law, code: 1}"
    )
    message = refused(write(tmp_path, text))
    assert "fields[law] > values[public]" in message
    assert "lable: unknown key" in message and "label: Field required" in message


def test_ordinal_value_without_score(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{id: low, label: Low, code: 1, score: 1}", "{id: low, label: Low, code: 1}"
    )
    message = refused(write(tmp_path, text))
    assert "field 'risk_a'" in message and "needs a 'score'" in message


def test_choice_field_without_values(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    values:\n      - {id: public, label: Public law, code: 1}\n"
        "      - {id: private, label: Private law, code: 2}\n",
        "",
    )
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "needs 'values' or 'value_set'" in message


def test_score_rule_naming_an_unknown_field(tmp_path: Path) -> None:
    text = GOOD.replace("fields: [risk_a, risk_b]", "fields: [risk_a, risk_c]")
    message = refused(write(tmp_path, text))
    assert "score 'total'" in message and "unknown field 'risk_c'" in message


def test_score_rule_over_a_field_without_scores(tmp_path: Path) -> None:
    text = GOOD.replace("fields: [risk_a, risk_b]", "fields: [risk_a, age]")
    message = refused(write(tmp_path, text))
    assert "score 'total'" in message and "field 'age' has no scored values" in message


def test_mapping_to_an_unknown_field(tmp_path: Path) -> None:
    text = GOOD.replace("fields: {old_risk: risk_a}", "fields: {old_risk: risk_z}")
    message = refused(write(tmp_path, text))
    assert "mapping from 0" in message
    assert "'old_risk' maps to unknown field 'risk_z'" in message


def test_mapping_to_an_unknown_value(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    fields: {old_risk: risk_a}\n",
        "    fields: {old_risk: risk_a}\n    values: {law: {public_s31: public_law}}\n",
    )
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "'public_s31' maps to unknown value 'public_law'" in message


def test_value_naming_an_unknown_parent(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{id: public, label: Public law, code: 1}",
        "{id: public, label: Public law, code: 1, parent: statutory}",
    )
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "unknown parent 'statutory'" in message


def test_label_shared_by_two_values_is_refused(tmp_path: Path) -> None:
    # an import written with labels could not tell the two values apart
    text = GOOD.replace("{id: private, label: Private law", "{id: private, label: Public law")
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "'public law'" in message
    assert "'public'" in message and "'private'" in message


def test_alias_equal_to_another_values_code_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{id: public, label: Public law, code: 1}",
        "{id: public, label: Public law, code: 1, aliases: ['2']}",
    )
    message = refused(write(tmp_path, text))
    assert "field 'law'" in message and "'2'" in message


def test_every_problem_is_listed_not_only_the_first(tmp_path: Path) -> None:
    text = GOOD.replace("fields: [risk_a, risk_b]", "fields: [risk_a, risk_c]").replace(
        "fields: {old_risk: risk_a}", "fields: {old_risk: risk_z}"
    )
    with pytest.raises(CodebookError) as info:
        load_codebook_file(write(tmp_path, text))
    assert len(info.value.details) == 2


def test_not_yaml(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "id: tiny\nfields: [unclosed\n"))
    assert "not valid YAML" in message


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "- just\n- a list\n"))
    assert "mapping at the top level" in message


def test_registry_adds_a_users_folder_and_picks_the_latest_version(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace('version: "1"', 'version: "10"'), "10.yaml")
    write(tmp_path, GOOD.replace('version: "1"', 'version: "2"'), "2.yaml")
    reg = CodebookRegistry.load([tmp_path])
    assert reg.versions("tiny") == ["1", "2", "10"]  # natural order, not text order
    assert reg.get("tiny").version == "10"
    assert reg.get("tiny@2").version == "2"
    with pytest.raises(NotFoundError, match="versions: 1, 2, 10"):
        reg.get("tiny", "3")


def test_registry_refuses_the_same_version_twice(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    copy = write(tmp_path, GOOD, "1-copy.yaml")
    with pytest.raises(CodebookError, match="defined twice") as info:
        CodebookRegistry.load([tmp_path])
    # both files are named, so the user knows which two clash
    assert str(copy) in str(info.value) and str(tmp_path / "tiny" / "1.yaml") in str(info.value)


def test_registry_names_the_broken_file_in_a_users_folder(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    broken = write(
        tmp_path,
        GOOD.replace('version: "1"', 'version: "2"').replace("type: number", "type: real"),
        "2.yaml",
    )
    with pytest.raises(CodebookError) as info:
        CodebookRegistry.load([tmp_path])
    assert str(broken) in str(info.value) and "fields[age] > type" in str(info.value)


def test_registry_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="does not exist"):
        CodebookRegistry.load([tmp_path / "nowhere"])


# The earlier version that GOOD's mapping comes from: 'risk_a' was called 'old_risk'.
OLD = (
    GOOD.split("mappings:")[0]
    .replace('version: "1"', 'version: "0"')
    .replace("  - id: risk_a\n", "  - id: old_risk\n")
    .replace("fields: [risk_a, risk_b]", "fields: [old_risk, risk_b]")
)


def test_registry_checks_a_mapping_against_the_old_version(tmp_path: Path) -> None:
    write(tmp_path, OLD, "0.yaml")
    write(tmp_path, GOOD)
    reg = CodebookRegistry.load([tmp_path])
    assert reg.get("tiny@1").mappings[0].fields == {"old_risk": "risk_a"}


def test_mapping_from_a_field_the_old_version_lacks(tmp_path: Path) -> None:
    write(tmp_path, OLD, "0.yaml")
    new = write(tmp_path, GOOD.replace("fields: {old_risk: risk_a}", "fields: {old_riks: risk_a}"))
    with pytest.raises(CodebookError) as info:
        CodebookRegistry.load([tmp_path])
    message = str(info.value)
    assert str(new) in message and "mapping from 0" in message
    assert "'old_riks' is not a field of tiny@0" in message and "old_risk" in message


def test_mapping_from_a_value_the_old_version_lacks(tmp_path: Path) -> None:
    write(tmp_path, OLD, "0.yaml")
    new = write(
        tmp_path,
        GOOD.replace(
            "    fields: {old_risk: risk_a}\n",
            "    fields: {old_risk: risk_a}\n    values: {law: {state: public}}\n",
        ),
    )
    with pytest.raises(CodebookError) as info:
        CodebookRegistry.load([tmp_path])
    message = str(info.value)
    assert str(new) in message and "field 'law'" in message
    assert "old value 'state'" in message and "private, public" in message
