#!/usr/bin/env python3
"""Benchmark (not a test): how long the language server takes from a didChange to its publishDiagnostics,
as a ratio to `rchain check` of the same file, for generated models of 100, 1,000 and 10,000 steps.

Usage: lsp_latency.py RCHAIN RCHAIN-GENMODEL [SIZES...]

For each size: `rchain check` is timed (the whole process, as a person or an editor plugin without a server
would run it), then the server gets the model and one-character edits, each answered by a check of the new
text, and edits that put in and take out a line at the top, which moves every diagnostic. A burst of 20 changes sent together shows the coalescing: they are answered by fewer checks, and the
latency to the last change's diagnostics is printed too. Wall times are medians of 9 runs; CPU times are means
of the same 9 (the kernel counts CPU time in ticks of 10 ms, which a median of short runs would round away).

Usage with an older rchain for a before-and-after: lsp_latency.py OLD-RCHAIN RCHAIN-GENMODEL."""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lsp"))
from lspclient import Server  # noqa: E402

RUNS = 9


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def server_cpu(pid):
    """The CPU time (user and system) the server has used so far, from /proc."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_check(rchain, path):
    times, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), children_cpu()
        subprocess.run([rchain, "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
        cpu.append(children_cpu() - start_cpu)
    return statistics.median(times), statistics.mean(cpu)


def time_server(rchain, path, text):
    s = Server(rchain)
    s.initialize()
    uri = "file://" + path
    s.open(uri, text)
    s.diagnostics(uri)
    # The edit: a title's last letter, typed in and removed in turn (a full-text change would time the JSON).
    at = text.index("</title>")
    line = text.count("\n", 0, at)
    ch = at - (text.rfind("\n", 0, at) + 1)
    pos = {"line": line, "character": ch}
    version = 1

    def timed(edits):
        """Sends each edit as one change and times it to its diagnostics: wall and server CPU seconds."""
        nonlocal version
        wall, used = [], []
        for change in edits:
            version += 1
            start, start_cpu = time.perf_counter(), server_cpu(s.proc.pid)
            s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": [change]})
            s.diagnostics(uri)
            wall.append(time.perf_counter() - start)
            used.append(server_cpu(s.proc.pid) - start_cpu)
        return wall, used

    times, cpu = timed({"range": {"start": pos, "end": pos}, "text": "x"} if i % 2 == 0 else
                       {"range": {"start": pos, "end": dict(pos, character=ch + 1)}, "text": ""}
                       for i in range(RUNS))
    # The worst edit for the diagnostics the server reuses: a line put in (or taken out) above all of them.
    top, top_cpu = timed({"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
                          "text": "\n"} if i % 2 == 0 else
                         {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 2, "character": 0}},
                          "text": ""}
                         for i in range(RUNS))
    # A burst of 20 changes written at once, then a request: the answer comes after the text is checked.
    burst = []
    for i in range(20):
        version += 1
        change = ({"range": {"start": pos, "end": pos}, "text": "x"} if i % 2 == 0 else
                  {"range": {"start": pos, "end": dict(pos, character=ch + 1)}, "text": ""})
        burst.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    data = b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b) for b in (json.dumps(m).encode() for m in burst))
    start = time.perf_counter()
    s.send_raw(data)
    s.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    burst_time = time.perf_counter() - start
    checks = len([m for m in s.pending if m.get("method") == "textDocument/publishDiagnostics"])
    s.pending.clear()
    s.finish()
    return (statistics.median(times), statistics.mean(cpu), statistics.median(top), statistics.mean(top_cpu),
            burst_time, checks)


def main():
    rchain, genmodel = sys.argv[1], sys.argv[2]
    sizes = [int(n) for n in sys.argv[3:]] or [100, 1000, 10000]
    print("| steps | rchain check: wall, CPU | didChange -> publishDiagnostics: wall, CPU | ratio: wall, CPU "
          "| a line put in at the top: wall, CPU, CPU ratio | 20 changes at once: wall, checks |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for n in sizes:
            path = os.path.join(work, "model-%d.xml" % n)
            text = subprocess.run([genmodel, str(n)], capture_output=True, check=True).stdout.decode()
            with open(path, "w") as f:
                f.write(text)
            check, check_cpu = time_check(rchain, path)
            change, change_cpu, top, top_cpu, burst, checks = time_server(rchain, path, text)
            print("| %d | %.0f ms, %.0f ms | %.0f ms, %.0f ms | %.2f, %.2f | %.0f ms, %.0f ms, %.2f | %.0f ms, %d |"
                  % (n, check * 1000, check_cpu * 1000, change * 1000, change_cpu * 1000, change / check,
                     change_cpu / max(check_cpu, 1e-3), top * 1000, top_cpu * 1000,
                     top_cpu / max(check_cpu, 1e-3), burst * 1000, checks), flush=True)


main()
