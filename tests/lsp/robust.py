#!/usr/bin/env python3
"""`rchain lsp` against bad and awkward input (TAP): each gets the protocol's answer and the server keeps serving."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, Tap  # noqa: E402

SMALL = ('<model xmlns="urn:rchain:model:1" id="m" version="1"><title>T</title>\n'
         '<step id="a" level="activity"><title>A</title></step>\n'
         '<step id="o" level="outcome"><title>O</title></step>\n'
         '<link from="a" to="o"/>\n</model>\n')


def error_of(m):
    return m.get("error", {}).get("code")


def alive(s, t, what):
    """The server still answers: a request for a method it does not know gets MethodNotFound."""
    answer = s.call("rchain/noSuchMethod", {})
    t.ok(error_of(answer) == -32601, what + ": the server keeps serving", answer)


def main():
    rchain = sys.argv[1]
    t = Tap()
    s = Server(rchain, "--max-file-size", "4096")

    answer = s.call("textDocument/hover", {})
    t.ok(error_of(answer) == -32002, "a request before initialize: ServerNotInitialized", answer)
    s.initialize()

    s.send_raw(b"Content-Length: 9\r\n\r\n{\"jsonrpc")
    m = s.wait_for(lambda m: "error" in m)
    t.ok(error_of(m) == -32700 and m["id"] is None, "malformed JSON: ParseError with a null id", m)
    alive(s, t, "malformed JSON")

    s.send_raw(b"Content-Length: 5\r\n\r\n[1,2]")
    m = s.wait_for(lambda m: "error" in m)
    t.ok(error_of(m) == -32600, "JSON that is not a message: InvalidRequest", m)

    s.send_raw(b"Content-Type: nothing else\r\n\r\n")
    m = s.wait_for(lambda m: "error" in m)
    t.ok(error_of(m) == -32700, "a message without Content-Length: ParseError", m)
    alive(s, t, "a missing header")

    # 100 MB of body, sent in pieces: refused before it is read into memory.
    size = 100 * 1024 * 1024
    s.send_raw(b"Content-Length: %d\r\n\r\n" % size)
    piece = b" " * (1024 * 1024)
    for _ in range(size // len(piece)):
        s.send_raw(piece)
    m = s.wait_for(lambda m: "error" in m)
    t.ok(error_of(m) == -32600 and "104857600 bytes" in m["error"]["message"], "a 100 MB message: InvalidRequest", m)
    alive(s, t, "a 100 MB message")

    answer = s.call("textDocument/hover", {"textDocument": {"uri": "file:///not/open.xml"},
                                           "position": {"line": 0, "character": 0}})
    t.ok(error_of(answer) == -32602, "a request on a document that is not open: InvalidParams", answer)

    # A document over the size limit gets one diagnostic.
    uri = "file:///tmp/big%20model.xml"
    s.open(uri, SMALL + "<!--" + "x" * 5000 + "-->\n")
    diags = s.diagnostics(uri)
    t.ok(len(diags) == 1 and "over the limit of 4096 bytes" in diags[0]["message"] and diags[0]["severity"] == 1,
         "a document over the size limit: one diagnostic", diags)

    # A request cancelled before it is answered gets RequestCancelled.
    rid = s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}}, send=False)
    body = [json.dumps({"jsonrpc": "2.0", "id": rid, "method": "textDocument/documentSymbol",
                        "params": {"textDocument": {"uri": uri}}}).encode(),
            json.dumps({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": rid}}).encode()]
    s.send_raw(b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b) for b in body))
    answer = s.wait_for(lambda m: m.get("id") == rid)
    t.ok(error_of(answer) == -32800, "$/cancelRequest: RequestCancelled", answer)

    # 10,000 changes in a burst: coalesced, and the diagnostics are those of the last text.
    uri = "file:///tmp/small.xml"
    s.open(uri, SMALL)
    t.ok(s.diagnostics(uri) != [], "the small model has findings")
    end = {"line": 4, "character": 0}
    burst = []
    for i in range(10000):
        text = '<link from="a" to="gone%d"/>\n' % i if i % 2 == 0 else ""
        rng = {"start": end, "end": end} if i % 2 == 0 else {"start": end, "end": {"line": 5, "character": 0}}
        burst.append(json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange",
                                 "params": {"textDocument": {"uri": uri, "version": i + 2},
                                            "contentChanges": [{"range": rng, "text": text}]}}).encode())
    burst.append(json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange",
                             "params": {"textDocument": {"uri": uri, "version": 10002},
                                        "contentChanges": [{"range": {"start": end, "end": end},
                                                            "text": '<link from="a" to="last"/>\n'}]}}).encode())
    s.send_raw(b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b) for b in burst))
    answer = s.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    published = []
    while True:
        m = s.pending.pop(0) if s.pending else None
        if m is None:
            break
        if m.get("method") == "textDocument/publishDiagnostics":
            published.append(m)
    last = published[-1]["params"]["diagnostics"] if published else []
    t.ok(0 < len(published) < 10001, "10,000 changes: coalesced (%s)" % ("fewer checks than changes"),
         len(published))
    t.ok(any("'last'" in d["message"] for d in last) and not any("gone" in d["message"] for d in last),
         "10,000 changes: the diagnostics of the last text", [d["message"] for d in last])

    answer, status = s.call("shutdown"), None
    t.ok(answer.get("result", 1) is None, "shutdown answers null", answer)
    after = s.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    t.ok(error_of(after) == -32600, "a request after shutdown: InvalidRequest", after)
    s.notify("exit", None)
    s.proc.stdin.close()
    t.ok(s.proc.wait() == 0 and s.read() is None, "exit after shutdown: status 0, nothing more on stdout")

    s = Server(rchain)
    s.initialize()
    s.notify("exit", None)
    s.proc.stdin.close()
    t.ok(s.proc.wait() == 1, "exit without shutdown: status 1")
    return t.done()


sys.exit(main())
