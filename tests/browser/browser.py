#!/usr/bin/env python3
"""Reads what headless Chromium made of a report: DOM, screenshot, PDF print and the network log.

Usage: browser.py board|full DOM PNG PDF NETLOG... Prints one problem per line, and what it measured as
lines starting with '#'; exits 1 if there is any problem. Needs pdftotext and pdfinfo (poppler-utils).
"""
import html
import json
import re
import struct
import subprocess
import sys
import zlib

# The sections of each kind of report, id and heading, and whether each starts a printed page.
SECTIONS = {
    "board": [("verdict", "Verdict", False), ("confidence", "Confidence per outcome", False),
              ("story", "The contribution story, by criterion", False),
              ("diagram", "Diagram", True), ("weakest", "Weakest links", True),
              ("gaps", "Evidence gaps that matter", False), ("findings", "Top findings", False)],
    "full": [("verdict", "Verdict", False), ("confidence", "Confidence per outcome", False),
             ("story", "The contribution story, by criterion", False),
             ("summary", "Summary", True), ("diagram", "Diagram", True), ("weakest", "Weakest links", True),
             ("gaps", "Evidence gaps", False), ("findings", "Findings", False),
             ("stories", "Contribution stories", True), ("assumptions", "Assumptions", True),
             ("risks", "Risks", True), ("coverage", "Evidence-base coverage", True),
             ("table", "Logic-model table", True)],
}
BOARD_PAGES = 12      # a board report prints to at most this many A4 pages
SMALLEST_PT = 8       # text is at least this size when printed, on every page but the overview's
DIAGRAM_PAGES = ("Strand: ", "Strand group: ", "Results chain")  # the headings of the report's diagram pages
DEJAVU_HEIGHT = 1.164  # pdftotext's word box height over the font size, for DejaVu Sans


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


def pdf_pages(pdf):
    """The PDF's pages, each as its text lines (layout kept) and the font size of each word, in points."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    sizes = [[(float(b) - float(a)) / DEJAVU_HEIGHT for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" '
                                                                          r'yMax="([\d.]+)"', page)]
             for page in boxes.split("<page")[1:]]
    lines = [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    return lines[:len(sizes)], sizes


def a4_pages(pdf):
    """The page count and the page size that pdfinfo reports."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)), re.search(r"^Page size:.*$", info, re.M).group(0)


def check_dom(kind, dom, problems):
    for ident, title, _ in SECTIONS[kind]:
        if not re.search(r'<section id="%s"( class="page")?><h2>%s</h2>' % (ident, re.escape(title)), dom):
            problems.append("the DOM has no section %s headed %s" % (ident, title))
    svgs = re.findall(r"<svg\b[^>]*>", dom)
    if not svgs:
        problems.append("the DOM holds no svg element")
    for svg in svgs:
        if 'role="img"' not in svg or not re.search(r'aria-label="Diagram of the results chain: [^"]+"', svg):
            problems.append("a diagram is not an image with a name to a screen reader: %s" % svg[:200])
    for table in re.findall(r"<table\b.*?</table>", dom, re.S):
        if "<th" not in table or "<caption>" not in table:
            problems.append("a table without header cells or caption: %s" % table[:120])
    levels = [int(h) for h in re.findall(r"<h([1-6])\b", dom)]
    for before, after in zip([0] + levels, levels):
        if after > before + 1:
            problems.append("a heading h%d follows h%d" % (after, before))
            break


def check_print(kind, dom, pdf, problems):
    """The print: page count, the title and date atop every page, sections that start pages, text size."""
    title = html.unescape(re.search(r"<title>(.*?)</title>", dom, re.S).group(1))
    date = re.search(r", dated (\d{4}-\d\d-\d\d)", dom)
    count, size = a4_pages(pdf)
    lines, sizes = pdf_pages(pdf)
    print("# %d pages, %s" % (count, size))
    if "(A4)" not in size:
        problems.append("the print is not A4: %s" % size)
    if kind == "board" and count > BOARD_PAGES:
        problems.append("the board report prints to %d pages, more than %d" % (count, BOARD_PAGES))
    if not date:
        problems.append("the report names no date")
    for number, page in enumerate(lines, 1):
        head = page[0] if page else ""
        if not head.startswith(" ".join(title.split())[:30]) or (date and not head.endswith(date.group(1))):
            problems.append("page %d does not start with the title and the date: %r" % (number, head))
    for ident, heading, starts in SECTIONS[kind]:
        if starts and not any(len(page) > 1 and page[1] == heading for page in lines):
            problems.append("in the PDF, section %s does not start a page" % ident)
    for number, (page, words) in enumerate(zip(lines, sizes), 1):
        if not words:
            continue
        if any(line == "Diagram" for line in page[:2]) or (len(page) > 1 and page[1].startswith(DIAGRAM_PAGES)):
            name = "diagram" if page[1] == "Diagram" else page[1]
            print("# page %d (%s): smallest text %.1f pt" % (number, name, min(words)))
            # issue 19: every diagram page is legible but the overview, whose boxes only count steps
            if min(words) < SMALLEST_PT and not any(line.startswith("Overview: ") for line in page[:3]):
                problems.append("diagram page %d (%s) has text of %.1f pt, under %d pt" % (number, name, min(words),
                                                                                       SMALLEST_PT))
        elif min(words) < SMALLEST_PT:
            problems.append("page %d has text of %.1f pt, under %d pt" % (number, min(words), SMALLEST_PT))


def main(kind, dom_path, png_path, pdf, *netlogs):
    problems = []
    dom = open(dom_path, encoding="utf-8").read()
    check_dom(kind, dom, problems)
    rows, channels = png_pixels(png_path)
    pixels = [bytes(row[i:i + 3]) for row in rows[::8] for i in range(0, len(row), channels * 8)]
    inked = sum(1 for p in pixels if p != b"\xff\xff\xff")
    if inked < len(pixels) // 50 or len(set(pixels)) < 8:
        problems.append("the screenshot is blank: %d of %d pixels inked, %d colours" % (inked, len(pixels),
                                                                                      len(set(pixels))))
    check_print(kind, dom, pdf, problems)
    for netlog in netlogs:
        for url in page_requests(netlog):
            problems.append("network request: %s" % url)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
