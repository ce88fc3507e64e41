#!/usr/bin/env python3
"""Reads what headless Chromium made of a report: DOM, screenshot, PDF text and the network log.

Usage: browser.py DOM PNG PDFTEXT NETLOG... Prints one problem per line; exits 1 if there is any.
"""
import json
import re
import struct
import sys
import zlib

SECTIONS = [("summary", "Summary"), ("diagram", "Diagram"), ("findings", "Findings"),
            ("stories", "Contribution stories"),
            ("story", "The contribution story, by criterion"), ("gaps", "Evidence gaps"), ("assumptions", "Assumptions"),
            ("risks", "Risks"), ("coverage", "Evidence-base coverage"), ("table", "Logic-model table")]


def png_pixels(path):
    """The RGB(A) rows of a non-interlaced 8-bit PNG, unfiltered."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4}.get(colour, 0)
            if depth != 8 or not channels:
                raise ValueError("unexpected PNG format")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows, channels


def page_requests(netlog):
    """URLs the page asked the network for: requests not started by the browser itself."""
    log = json.load(open(netlog))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"]
            if e["type"] == start and "url" in e.get("params", {})
            and e["params"].get("initiator") != "not an origin"
            and not e["params"]["url"].startswith(("file:", "data:", "about:", "chrome:"))]


def main(dom_path, png_path, text_path, *netlogs):
    problems = []
    dom = open(dom_path, encoding="utf-8").read()
    for ident, title in SECTIONS:
        if '<section id="%s"><h2>%s</h2>' % (ident, title) not in dom:
            problems.append("the DOM has no section %s" % ident)
    if dom.count("<svg") != 1:
        problems.append("the DOM holds %d svg elements, not 1" % dom.count("<svg"))
    svg = re.search(r"<svg\b[^>]*>", dom)
    if not svg or 'role="img"' not in svg.group(0) \
            or not re.search(r'aria-label="Diagram of the results chain: [^"]+"', svg.group(0)):
        problems.append("the diagram is not an image with a name to a screen reader: %s"
                        % (svg.group(0)[:200] if svg else "no svg"))
    for table in re.findall(r"<table\b.*?</table>", dom, re.S):
        if "<th" not in table:
            problems.append("a table without header cells: %s" % table[:120])
    rows, channels = png_pixels(png_path)
    pixels = [bytes(row[i:i + 3]) for row in rows[::8] for i in range(0, len(row), channels * 8)]
    inked = sum(1 for p in pixels if p != b"\xff\xff\xff")
    if inked < len(pixels) // 50 or len(set(pixels)) < 8:
        problems.append("the screenshot is blank: %d of %d pixels inked, %d colours" % (inked, len(pixels),
                                                                                      len(set(pixels))))
    pages = open(text_path, encoding="utf-8").read().split("\f")
    firsts = [next((line.strip() for line in page.splitlines() if line.strip()), "") for page in pages]
    for ident, title in SECTIONS[1:]:
        if title not in firsts:
            problems.append("in the PDF, section %s does not start a page" % ident)
    for netlog in netlogs:
        for url in page_requests(netlog):
            problems.append("network request: %s" % url)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
