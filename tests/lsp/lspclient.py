"""A language-server client for the tests: starts `rchain lsp`, frames JSON-RPC, waits for answers.

RCHAIN_LSP_WRAPPER (set by the lsp-valgrind test setup) is a command put before rchain, such as valgrind.
Reading never times out on its own: meson's test timeout is the generous limit.
"""
import json
import os
import shlex
import subprocess


class Server:
    def __init__(self, rchain, *args):
        wrapper = shlex.split(os.environ.get("RCHAIN_LSP_WRAPPER", ""))
        self.proc = subprocess.Popen(wrapper + [rchain, "lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.next_id = 0
        self.pending = []  # messages read while waiting for another

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read(self):
        """The next message from the server, or None at the end of its output."""
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                return None
            if line == b"\r\n":
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def wait_for(self, match):
        for i, m in enumerate(self.pending):
            if match(m):
                return self.pending.pop(i)
        while True:
            m = self.read()
            if m is None:
                raise EOFError("the server stopped")
            if match(m):
                return m
            self.pending.append(m)

    def request(self, method, params=None, send=True):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        if send:
            self.send(message)
        return self.next_id

    def call(self, method, params=None):
        rid = self.request(method, params)
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri):
        m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri)
        return m["params"]["diagnostics"]

    def initialize(self, capabilities=None):
        return self.call("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities or {}})

    def open(self, uri, text):
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": text}})

    def finish(self):
        """shutdown, then exit; returns the exit status."""
        answer = self.call("shutdown")
        self.notify("exit", None)
        self.proc.stdin.close()
        status = self.proc.wait()
        return answer, status


def uri_of(path):
    return "file://" + os.path.abspath(path)


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, what, detail=""):
        self.n += 1
        print(("ok %d - %s" if cond else "not ok %d - %s") % (self.n, what), flush=True)
        if not cond:
            self.failed += 1
            for line in str(detail).splitlines():
                print("# " + line)

    def done(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def position_of(text, needle, after=0, encoding_utf16=True):
    """The LSP position of the first `needle` in `text` at or after byte... character index `after`, plus its length."""
    i = text.index(needle, after)
    line = text.count("\n", 0, i)
    start = text.rfind("\n", 0, i) + 1
    prefix = text[start:i]
    ch = len(prefix.encode("utf-16-le")) // 2 if encoding_utf16 else len(prefix)
    return {"line": line, "character": ch}
