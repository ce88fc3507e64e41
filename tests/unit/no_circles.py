#!/usr/bin/env python3
"""No circles and layers in order (docs/architecture.md), from the objects of the library.

Usage: no_circles.py LIBRARY FIXTURE SOURCE_DIR. TAP output.

An object depends on another when it uses (nm: U) a symbol the other defines.
The objects of LIBRARY (the static library the tests link) must form no
circle of two or more objects, and each must use only objects of its own
layer folder or of a lower one; each file of SOURCE_DIR/src must include the
private headers of its own layer or a lower one only. FIXTURE is a library
of two objects that use each other: the search must find that circle.
"""
import os
import re
import subprocess
import sys

# Lowest first. render and interop share a rank: neither may use the other.
LAYERS = {
    "base": 0,
    "data": 1,
    "model": 2,
    "evidence": 3,
    "check": 4,
    "render": 5,
    "interop": 5,
    "output": 6,
    "cli": 7,
}


def object_name(member):
    """src_check_store.c.o -> check/store; ping.c.o -> ping."""
    name = os.path.basename(member)
    name = re.sub(r"\.c\.o$|\.o$", "", name)
    if "src_" in name:
        name = name[name.rindex("src_") + 4:].replace("_", "/", 1)
    return name


def dependencies(library):
    """Object -> {object it uses: [symbols]}, from `nm -A`."""
    out = subprocess.run(["nm", "-A", library], capture_output=True, text=True, check=True).stdout
    defined, used, objects = {}, {}, set()
    for line in out.splitlines():
        fields = line.rsplit(":", 1)
        if len(fields) != 2:
            continue
        member = fields[0].split(":", 1)[-1]
        parts = fields[1].split()
        if len(parts) < 2:
            continue
        kind, symbol = parts[-2], parts[-1]
        obj = object_name(member)
        objects.add(obj)
        if kind == "U":
            used.setdefault(obj, set()).add(symbol)
        elif kind.isupper():
            defined[symbol] = obj
    graph = {obj: {} for obj in objects}
    for obj, symbols in used.items():
        for symbol in sorted(symbols):
            other = defined.get(symbol)
            if other and other != obj:
                graph[obj].setdefault(other, []).append(symbol)
    return graph


def circles(graph):
    """The strongly connected components of two or more objects (Tarjan, iterative), each sorted."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def describe(graph, component):
    """One line per dependency inside a circle: `a -> b (symbols)`."""
    lines = []
    for obj in component:
        for other in sorted(graph[obj]):
            if other in component:
                lines.append(f"{obj} -> {other} ({', '.join(graph[obj][other][:4])})")
    return "; ".join(lines)


def layer_of(name):
    folder = name.split("/", 1)[0]
    return folder if folder in LAYERS else None


def allowed(user, used):
    return user == used or LAYERS[used] < LAYERS[user]


def symbol_layer_faults(graph):
    faults = []
    for obj in sorted(graph):
        for other in sorted(graph[obj]):
            user, used = layer_of(obj), layer_of(other)
            if user is None or used is None:
                faults.append(f"{obj} or {other} is in no layer folder")
            elif not allowed(user, used):
                faults.append(f"{obj} ({user}) uses {other} ({used}): {', '.join(graph[obj][other][:4])}")
    return faults


def include_layer_faults(source_dir):
    faults = []
    src = os.path.join(source_dir, "src")
    for folder in sorted(os.listdir(src)):
        if folder not in LAYERS:
            faults.append(f"src/{folder} is no layer of tests/unit/no_circles.py")
            continue
        for name in sorted(os.listdir(os.path.join(src, folder))):
            if not name.endswith((".c", ".h", ".def")):
                continue
            with open(os.path.join(src, folder, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = re.match(r'\s*#\s*include\s+"([a-z]+)/', line)
                    if m and m.group(1) in LAYERS and not allowed(folder, m.group(1)):
                        faults.append(f"src/{folder}/{name}:{number}: includes {m.group(1)}/")
    return faults


def main():
    library, fixture, source_dir = sys.argv[1:4]
    graph = dependencies(library)
    results = []
    found = circles(graph)
    results.append(("the objects of the library form no circle",
                    [f"circle: {describe(graph, c)}" for c in found]))
    results.append(("each object uses only objects of its own layer or a lower one", symbol_layer_faults(graph)))
    results.append(("each source includes private headers of its own layer or a lower one",
                    include_layer_faults(source_dir)))
    fixture_graph = dependencies(fixture)
    fixture_found = [describe(fixture_graph, c) for c in circles(fixture_graph)]
    expected = ["ping -> pong (circle_pong); pong -> ping (circle_ping)"]
    results.append(("the circle of the fixture is found and named",
                    [] if fixture_found == expected else [f"found {fixture_found}, expected {expected}"]))
    failed = 0
    for number, (what, faults) in enumerate(results, 1):
        print(f"{'not ok' if faults else 'ok'} {number} - {what}")
        for fault in faults:
            print(f"# {fault}")
        failed += bool(faults)
    print(f"1..{len(results)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
