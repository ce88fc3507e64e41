#!/usr/bin/env python3
"""rchain report --watch and render --watch (TAP): a run per save, written atomically, Ctrl-C exits 0.

Each wait is for a status line on standard error; nothing is timed (meson's test timeout is the limit)."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile

rchain, source = sys.argv[1], sys.argv[2]
n = failed = 0


def ok(cond, what, detail=""):
    global n, failed
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what), flush=True)
    if not cond:
        failed += 1
        print("# " + str(detail).replace("\n", "\n# "))


def wait_run(proc, number):
    """Reads standard error up to the status line of run `number`; returns it and the lines before it."""
    lines = []
    while True:
        line = proc.stderr.readline().decode()
        if not line:
            return None, lines
        if (" run %d " % number) in line:
            return line, lines
        lines.append(line)


def session(command, ext, needle):
    work = tempfile.mkdtemp(dir=os.environ.get("RCHAIN_BUILD_DIR"))
    model, out = os.path.join(work, "m.xml"), os.path.join(work, "m." + ext)
    shutil.copy(os.path.join(source, "models", "wws-partnership.xml"), model)
    proc = subprocess.Popen([rchain, command, "--watch", "-o", out, model], stderr=subprocess.PIPE)
    line, _ = wait_run(proc, 1)
    ok(line is not None and "run 1 done (exit status 0)" in line and os.path.exists(out),
       "%s --watch: the first run writes %s" % (command, os.path.basename(out)), line)

    # An editor's atomic save: a new file renamed over the model.
    with open(model) as f:
        text = f.read()
    with open(model + ".new", "w") as f:
        f.write(text.replace(needle, needle + " Watched", 1))
    os.rename(model + ".new", model)
    line, _ = wait_run(proc, 2)
    with open(out) as f:
        written = f.read()
    ok(line is not None and "run 2 done" in line and "Watched" in written,
       "%s --watch: a save by rename draws again" % command, line)
    ok(sorted(os.listdir(work)) == sorted(["m.xml", os.path.basename(out)]),
       "%s --watch: no partial or temporary file is left" % command, os.listdir(work))

    # A save in place, broken: the run fails and says so, and the watch goes on.
    with open(model, "w") as f:
        f.write(text.replace("</model>", ""))
    line, before = wait_run(proc, 3)
    ok(line is not None and "run 3 failed (exit status 2)" in line and any("error" in b for b in before),
       "%s --watch: a broken save is reported and watched on" % command, (line, before))
    with open(out) as f:
        ok(f.read() == written, "%s --watch: the last good output stays whole" % command)

    proc.send_signal(signal.SIGINT)
    proc.stderr.read()
    ok(proc.wait() == 0, "%s --watch: Ctrl-C exits 0" % command, proc.returncode)
    shutil.rmtree(work)


session("report", "html", "<title>")
session("render", "svg", "<title>")
status = subprocess.run([rchain, "report", "--watch", "-o", "x.html", "-"], capture_output=True).returncode
ok(status == 3, "--watch with standard input is a usage error", status)
print("1..%d" % n)
sys.exit(1 if failed else 0)
