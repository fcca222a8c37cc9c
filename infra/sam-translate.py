#!/usr/bin/env python3
"""Translates infra/template.yaml (SAM) to plain CloudFormation JSON, offline.

cfn-lint skips some checks (IAM among them) while the SAM transform is present, so
infra/validate.sh lints the translated template as well. This uses the SAM translator that
ships with cfn-lint and makes no AWS call: the local CodeUri is swapped for a placeholder S3
URI (as `sam package` / `aws cloudformation package` would do) and no managed policy is looked
up (the template names none; every role is written out).

usage: sam-translate.py TEMPLATE OUTPUT [REGION]
"""

import json
import os
import sys

import yaml
from samtranslator.parser import parser
from samtranslator.translator.translator import Translator

# Short-form intrinsic functions to their long form, as CloudFormation reads them.
_SHORT_FORMS = [
    "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "If", "ImportValue", "Join",
    "Not", "Or", "Select", "Split", "Sub", "Transform", "Condition", "Ref", "GetAtt",
]


class CfnLoader(yaml.SafeLoader):
    """A YAML loader that reads !Ref, !Sub, !GetAtt and the other short forms."""


def _long_form(tag):
    def construct(loader, node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        if tag == "Ref":
            return {"Ref": value}
        if tag == "Condition":
            return {"Condition": value}
        if tag == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
        return {"Fn::" + tag: value}

    return construct


for _tag in _SHORT_FORMS:
    CfnLoader.add_constructor("!" + _tag, _long_form(_tag))


def _placeholder_code_uris(template):
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and "CodeUri" in properties:
            properties["CodeUri"] = "s3://placeholder-bucket/function.zip"
    function_globals = template.get("Globals", {}).get("Function", {})
    if "CodeUri" in function_globals:
        function_globals["CodeUri"] = "s3://placeholder-bucket/function.zip"


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    source, target = argv[1], argv[2]
    # The translator builds ARNs for the region it believes it runs in; no call is made.
    os.environ["AWS_DEFAULT_REGION"] = argv[3] if len(argv) == 4 else "us-east-1"
    with open(source, encoding="utf-8") as handle:
        template = yaml.load(handle, Loader=CfnLoader)  # noqa: S506 - SafeLoader subclass
    _placeholder_code_uris(template)
    translated = Translator(managed_policy_map={}, sam_parser=parser.Parser()).translate(
        sam_template=template, parameter_values={}
    )
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(translated, handle, indent=2, sort_keys=False)
        handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
