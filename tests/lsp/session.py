#!/usr/bin/env python3
"""A scripted editor session with `rchain lsp` (TAP): what a person writing a model sees, step by step."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, Tap, position_of, uri_of  # noqa: E402


def offset_of(text, pos):
    """The index into `text` of an LSP position counted in UTF-16 code units."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:pos["line"]])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= pos["character"]:
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(line)


def apply(text, edits):
    """Applies TextEdits, last first, as an editor does; returns the new text and the edits as didChange changes."""
    changes = []
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                    reverse=True):
        a, b = offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
        changes.append({"range": e["range"], "text": e["newText"]})
    return text, changes


def main():
    rchain, source = sys.argv[1], sys.argv[2]
    path = os.path.join(source, "models", "carers-act.xml")
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    uri = uri_of(path)
    t = Tap()
    s = Server(rchain)
    version = 1

    def change(changes):
        nonlocal version
        version += 1
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": changes})
        return s.diagnostics(uri)

    init = s.initialize()
    caps = init["result"]["capabilities"]
    t.ok(caps["textDocumentSync"]["change"] == 2 and caps["positionEncoding"] == "utf-16",
         "initialize: incremental sync, UTF-16 positions", caps)
    s.notify("initialized", {})

    s.open(uri, text)
    diags = s.diagnostics(uri)
    suggest = [d for d in diags if d.get("code") == "RC033"][:1]
    note_line = suggest[0]["range"]["start"]["line"] if suggest else -1
    t.ok(len(suggest) == 1 and suggest[0]["severity"] == 3, "open: a suggested-ref note",
         [d["range"] for d in diags if d.get("code") == "RC033"])
    t.ok(all(d["source"] == "rchain" and d["relatedInformation"][0]["message"].startswith("hint: ")
             for d in diags), "open: every diagnostic carries its hint")

    # A link to a step that does not exist, typed in before </model>.
    end = position_of(text, "</model>")
    dangling = '<link from="act.innovation" to="act.nowhere"/>\n'
    before = len([d for d in diags if d.get("code") == "RC002"])
    diags = change([{"range": {"start": end, "end": end}, "text": dangling}])
    text = text.replace("</model>", dangling + "</model>")
    errors = [d for d in diags if d.get("code") == "RC002" and d["range"]["start"]["line"] == end["line"]]
    t.ok(len(errors) == 1 and before == 0 and errors[0]["range"]["start"]["line"] == end["line"] and errors[0]["severity"] == 1,
         "edit: the dangling link is an error at its line", errors)
    t.ok("act.nowhere" in errors[0]["message"] if errors else False, "edit: the error names the missing id",
         errors)
    related = errors[0]["relatedInformation"] if errors else []
    t.ok(any(r["message"] == "the link's source" for r in related), "edit: the link's source is a related place",
         related)

    # Completion in level=" lists the seven levels.
    pos = position_of(text, 'level="')
    pos["character"] += len('level="')
    items = s.call("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})["result"]["items"]
    labels = [i["label"] for i in items]
    t.ok(labels == ["input", "activity", "engagement", "reaction", "knowledge", "practice", "outcome"],
         "completion in level=\"", labels)

    # Completion of element names after '<', from the schema: the children a step may have, in schema order.
    pos = position_of(text, "<title", text.index("<step"))
    pos["character"] += 1
    items = s.call("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})["result"]["items"]
    t.ok([(i["label"], i["textEdit"]["range"]["end"]["character"] - pos["character"]) for i in items] ==
         [(n, len("title")) for n in ["title", "description", "indicator", "assumption", "risk", "evidence",
                                          "suppress"]],
         "completion after '<' in a step: its child elements, replacing the name", [i["label"] for i in items])

    # Completion of attribute names in a start tag: those of <link> it does not have yet.
    pos = position_of(text, '<link from="in.act" to="act.communicate">')
    pos["character"] += len('<link from="in.act" to="act.communicate"')
    items = s.call("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})["result"]["items"]
    t.ok([(i["label"], i["detail"], i["textEdit"]["newText"]) for i in items] ==
         [("id", "optional", 'id=""'), ("kind", "optional", 'kind=""')],
         "completion in a start tag: the attributes not yet written", items)

    # Type ref="" into the first assumption and complete in it: evidence-base assumptions with text and citation.
    at = position_of(text, "<assumption")
    at["character"] += len("<assumption")
    change([{"range": {"start": at, "end": at}, "text": ' ref=""'}])
    i = text.index("<assumption") + len("<assumption")
    text = text[:i] + ' ref=""' + text[i:]
    pos = dict(at, character=at["character"] + len(' ref="'))
    items = s.call("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})["result"]["items"]
    t.ok(len(items) > 10 and all(i["detail"] == "assumption" for i in items), "completion in ref=\" of an assumption",
         [i["detail"] for i in items][:5])
    t.ok(all("Cook" in i["documentation"]["value"] or "(" in i["documentation"]["value"] for i in items),
         "completion items document the entry's citation")
    cook = [i for i in items if i["label"].startswith("cook2015")][0]
    text, changes = apply(text, [cook["textEdit"]])
    change(changes)

    # Hover over the ref: the entry and its citation.
    hover = s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})["result"]
    t.ok(hover is not None and "Cook, A." in hover["contents"]["value"], "hover over a ref shows entry and citation",
         hover)

    # Completion of step ids in to=".
    pos = position_of(text, 'to="act.nowhere"')
    pos["character"] += len('to="')
    items = s.call("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})["result"]["items"]
    t.ok("act.innovation" in [i["label"] for i in items], "completion of step ids in to=\"")

    # Hover over a step id: its level, title and confidence.
    pos = position_of(text, 'from="act.innovation"')
    pos["character"] += len('from="a')
    hover = s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})["result"]
    t.ok(hover is not None and "confidence:" in hover["contents"]["value"] and "act.innovation" in
         hover["contents"]["value"], "hover over a step id", hover)

    # The suggested-ref code action, applied, makes the note go.
    diag = suggest[0]
    actions = s.call("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diag["range"],
                                                 "context": {"diagnostics": [diag]}})["result"]
    fix = [a for a in actions if a["title"].startswith("Add ref=")]
    t.ok(len(fix) == 1 and fix[0]["kind"] == "quickfix", "code action: add the suggested ref",
         [a["title"] for a in actions])
    if fix:
        text, changes = apply(text, fix[0]["edit"]["changes"][uri])
        diags = change(changes)
        t.ok(not [d for d in diags if d.get("code") == "RC033" and d["range"]["start"]["line"] == note_line],
             "code action applied: the note is gone")

    # Definition and references of a step id.
    pos = position_of(text, 'from="act.innovation"')
    pos["character"] += len('from="a')
    where = s.call("textDocument/definition", {"textDocument": {"uri": uri}, "position": pos})["result"]
    defpos = position_of(text, 'id="act.innovation"')
    t.ok(len(where) == 1 and where[0]["range"]["start"]["line"] == defpos["line"], "definition of a step id", where)
    refs = s.call("textDocument/references", {"textDocument": {"uri": uri}, "position": pos,
                                              "context": {"includeDeclaration": True}})["result"]
    t.ok(len(refs) == text.count('"act.innovation"'), "references of a step id", len(refs))

    # Rename the step id everywhere: no reference dangles afterwards.
    before = len([d for d in diags if d.get("code") == "RC002"])
    edit = s.call("textDocument/rename", {"textDocument": {"uri": uri}, "position": pos,
                                          "newName": "act.review"})["result"]
    text, changes = apply(text, edit["changes"][uri])
    diags = change(changes)
    t.ok('"act.innovation"' not in text and text.count('"act.review"') == len(refs), "rename a step id")
    t.ok(len([d for d in diags if d.get("code") == "RC002"]) == before, "rename: no new dangling reference")

    symbols = s.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
    t.ok(bool(symbols) and symbols[0]["name"] == "Inputs / resources",
         "document symbols: levels first", [x["name"] for x in symbols])
    t.ok(any(c["name"] == "act.review" for x in symbols for c in x["children"]), "document symbols: steps")

    # Diagnostics published again after an edit (most of them reused from the last publish) equal those of the same
    # text opened afresh: a letter typed into a line, then a line put in halfway, which moves everything below it.
    fresh_uri = uri_of(os.path.join(source, "fresh.xml"))
    at = position_of(text, "</title>")
    diags = change([{"range": {"start": at, "end": at}, "text": "x"}])
    i = text.index("</title>")
    text = text[:i] + "x" + text[i:]
    lines = text.split("\n")
    half = {"line": len(lines) // 2, "character": 0}
    moved = change([{"range": {"start": half, "end": half}, "text": "\n"}])
    lines.insert(len(lines) // 2, "")
    text = "\n".join(lines)
    s.open(fresh_uri, text)
    fresh = s.diagnostics(fresh_uri)
    t.ok(len(diags) > 10 and moved == [dict(d, relatedInformation=[dict(r, location=dict(r["location"], uri=uri))
                                                                    for r in d["relatedInformation"]])
                                       for d in fresh] if fresh else False,
         "diagnostics after edits equal those of the same text opened afresh", (len(moved), len(fresh)))
    t.ok(any(d["range"]["start"]["line"] > half["line"] for d in moved), "some diagnostics moved with the new line")
    # One change that takes out three lines and puts in two, then the same text afresh.
    cut_from, cut_to = {"line": half["line"] - 1, "character": 2}, {"line": half["line"] + 2, "character": 0}
    a, b = offset_of(text, cut_from), offset_of(text, cut_to)
    text = text[:a] + "<!-- a\nb -->\n" + text[b:]
    moved = change([{"range": {"start": cut_from, "end": cut_to}, "text": "<!-- a\nb -->\n"}])
    fresh_uri2 = uri_of(os.path.join(source, "fresh2.xml"))
    s.open(fresh_uri2, text)
    fresh = s.diagnostics(fresh_uri2)
    t.ok(moved == [dict(d, relatedInformation=[dict(r, location=dict(r["location"], uri=uri))
                                               for r in d["relatedInformation"]]) if "relatedInformation" in d
                   else d for d in fresh],
         "diagnostics after a change across lines equal those of the same text afresh", (moved[:2], fresh[:2]))

    # Hover over a rule code, in <suppress rule> and in a comment: the rule's explanation from the catalogue.
    header, summary, explanation, tail = subprocess.run([rchain, "rules", "RC012"], capture_output=True, text=True,
                                                        check=True).stdout.strip().split("\n\n")
    source_line, hint_line = tail.split("\n")
    code, slug, severity = header.replace("(", "").replace(")", "").split(" ")
    want = "**%s %s** (%s)\n\n%s\n\n%s\n\n%s\n\n%s" % (code, slug, severity, summary, explanation, hint_line,
                                                     source_line)
    other = uri_of(os.path.join(source, "rule-codes.xml"))
    small = ('<model xmlns="urn:rchain:model:1" id="m" version="1">\n  <title>T</title>\n'
             '  <!-- RC012 is silenced below -->\n  <suppress rule="RC012" reason="r"/>\n</model>\n')
    s.open(other, small)
    s.diagnostics(other)
    for where, needle, skip in (("<suppress rule>", 'rule="RC012"', len('rule="RC0')), ("a comment", "RC012 is", 2)):
        pos = position_of(small, needle)
        pos["character"] += skip
        hover = s.call("textDocument/hover", {"textDocument": {"uri": other}, "position": pos})["result"]
        t.ok(hover is not None and hover["contents"]["value"] == want and
             hover["range"]["end"]["character"] - hover["range"]["start"]["character"] == 5,
             "hover over a rule code in %s: the rule's explanation" % where, hover)
    pos = position_of(small, "is silenced")
    hover = s.call("textDocument/hover", {"textDocument": {"uri": other}, "position": pos})["result"]
    t.ok(hover is None, "hover over a word that is no rule code: nothing", hover)

    answer, status = s.finish()
    t.ok(answer.get("result", 1) is None and status == 0, "shutdown and exit", (answer, status))
    return t.done()


sys.exit(main())
