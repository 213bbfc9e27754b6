#!/usr/bin/env python3
"""Checks the JSON Schema of the SOP language with an independent validator (python-jsonschema).

Every shipped SOP and valid fixture must be accepted; every invalid fixture that the Swift
validator rejects for a structural reason (unknown key, missing key, wrong type, bad keyword,
bad id or date) must be rejected. A fixture may name, in a `# schema-blind: SOPxxx why` line, a
structural code the schema cannot see there because it depends on other keys' values (a
keputusan without pelaksana is allowed only when its outcomes are decided by rules); that code
is then not expected of the schema for that file. YAML is read the way a YAML 1.2 editor reads it: `yes`/`no`
are text and dates stay strings, which is also how `sop` reads it.

Usage: check-schema.py SCHEMA.json ROOT
"""
import json
import pathlib
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolution: only true/false are booleans, no timestamps."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))

# Codes the schema must catch: structure only. Reference, flow, waktu-grammar and rule checks need
# the whole file and belong to `sop validate`.
STRUCTURAL = {"SOP201", "SOP202", "SOP203", "SOP204", "SOP205", "SOP206"}


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def main():
    schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
    root = pathlib.Path(sys.argv[2])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    failures = 0
    accepted = sorted(root.glob("sops/*.yaml")) + sorted(root.glob("Tests/SOPKitTests/Fixtures/valid/*.yaml"))
    # Scenario files (a top-level `skenario:` key) live beside the SOPs but are not SOPs.
    accepted = [p for p in accepted if not re.search(r"^skenario:", p.read_text(), re.M)]
    for path in accepted:
        errors = list(validator.iter_errors(load(path)))
        if errors:
            failures += 1
            print(f"FAIL {path}: schema rejects a valid SOP: {errors[0].message} at {list(errors[0].absolute_path)}")
        else:
            print(f"ok   {path}: accepted")
    for path in sorted(root.glob("Tests/SOPKitTests/Fixtures/invalid/*.yaml")):
        text = path.read_text(errors="replace")
        codes = set(re.findall(r"^# expect: error (SOP\d+)", text, re.M))
        codes -= set(re.findall(r"^# schema-blind: (SOP\d+)", text, re.M))
        if not codes & STRUCTURAL:
            continue
        try:
            document = load(path)
        except yaml.YAMLError:
            continue  # not YAML at all: the YAML layer's business, not the schema's
        errors = list(validator.iter_errors(document))
        if errors:
            print(f"ok   {path}: rejected ({errors[0].message[:80]})")
        else:
            failures += 1
            print(f"FAIL {path}: schema accepts a file the validator rejects structurally ({sorted(codes)})")
    print(f"{len(accepted)} accepted checked; {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
