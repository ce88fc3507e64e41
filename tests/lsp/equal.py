#!/usr/bin/env python3
"""The editor sees what `rchain check --format json` says (TAP): every bundled model, real model and fixture,
opened in one server, must get exactly the check's findings (not silenced), the load problems (RS rules) of a
file that fails loading, or its one load error when it has no problems, in order."""
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, Tap, uri_of  # noqa: E402

SEVERITY = {1: "error", 2: "warning", 3: "note"}


def column_of(line_text, units):
    """The 1-based column in characters of a position `units` UTF-16 code units into a line."""
    done = 0
    for i, ch in enumerate(line_text):
        if done >= units:
            return i + 1
        done += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text) + 1


def expected(rchain, path):
    out = subprocess.run([rchain, "check", "--format", "json", path], capture_output=True, check=False).stdout
    entry = json.loads(out)["files"][0]
    if "error" in entry and not entry["findings"]:
        e = entry["error"]
        return [(e["line"], e["column"], None, "error", e["message"])]
    # A file that fails the schema: its findings are the load problems (RS rules), as for a checked model.
    return [(f["line"], f["column"], f["code"], f["severity"], f["message"])
            for f in entry["findings"] if f["suppressed"] is None]


def seen(text, diagnostics):
    lines = text.split("\n")
    result = []
    for d in diagnostics:
        start = d["range"]["start"]
        line_text = lines[start["line"]] if start["line"] < len(lines) else ""
        result.append((start["line"] + 1, column_of(line_text, start["character"]), d.get("code"),
                       SEVERITY[d["severity"]], d["message"]))
    return result


def main():
    rchain, source = sys.argv[1], sys.argv[2]
    paths = sorted(glob.glob(os.path.join(source, "models", "*.xml")) +
                   glob.glob(os.path.join(source, "tests", "real", "*.xml")) +
                   glob.glob(os.path.join(source, "tests", "data", "**", "*.xml"), recursive=True))
    t = Tap()
    s = Server(rchain)
    s.initialize()
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # an editor sends text, never bytes that are not UTF-8: the loader's refusal is tested elsewhere
        name = os.path.relpath(path, source)
        uri = uri_of(path)
        s.open(uri, text)
        want, got = expected(rchain, path), seen(text, s.diagnostics(uri))
        detail = "\n".join("want %r\n got %r" % (w, g) for w, g in zip(want, got) if w != g)
        t.ok(want == got, "%s: %d diagnostics as rchain check" % (name, len(want)),
             detail or "want %d, got %d" % (len(want), len(got)))
        rule = re.fullmatch(r"(RS\d+)-fail\.xml", os.path.basename(path))
        # RS016 and RS017 are about evidence bases, which the server only reads (--evidence): as a document, a base
        # is a file whose root is not <model> (RS009), compared above.
        if rule and "urn:rchain:evidence:1" not in text:
            codes = [g[2] for g in got]
            t.ok(rule.group(1) in codes, "%s: the schema error is a %s diagnostic" % (name, rule.group(1)), codes)
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        s.diagnostics(uri)
    _, status = s.finish()
    t.ok(status == 0, "exit status 0 after shutdown", status)
    return t.done()


sys.exit(main())
