"""The tone check in the browser (docs/assets/reply.js, run by Node) finds exactly what Python's
finds (after_the_no/replies.py), with the rules as the reply pages carry them."""
from __future__ import annotations

import json
import subprocess

from after_the_no import replies
from conftest import ROOT
from reply_support import TONE_SAMPLES, library

IN_NODE = """
import "./tests/js/page-without-roots.js";
import { toneCheck } from "./docs/assets/reply.js";
const { texts, rules } = JSON.parse(process.argv[1]);
console.log(JSON.stringify(texts.map((text) => toneCheck(text, rules).map((hit) => [hit.id, hit.match]))));
"""


def test_the_browser_tone_check_agrees_with_python():
    rules = library().tone_rules
    texts = [text for text, _ in TONE_SAMPLES] + [rule.example for rule in rules]
    data = json.dumps({"texts": texts, "rules": replies.tone_rules_data(rules)})
    result = subprocess.run(["node", "--experimental-detect-module", "--input-type=module", "-e", IN_NODE, data],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    in_node = json.loads(result.stdout)
    in_python = [[list(hit) for hit in replies.tone_check(text, rules)] for text in texts]
    assert in_node == in_python
    assert [[hit[0] for hit in hits] for hits in in_node[:len(TONE_SAMPLES)]] == [ids for _, ids in TONE_SAMPLES]
    assert all(hits for hits in in_node[len(TONE_SAMPLES):]), "every rule's own example trips it"
