#!/usr/bin/env python3
"""Element and attribute completion follows the schema (TAP): for every element of src/data/model.xsd, read here
with the Python standard library, the server offers exactly the children and the attributes the schema allows, in
schema order, so the outline the build derives from the schema cannot disagree with it unnoticed."""
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, Tap  # noqa: E402

XS = "{http://www.w3.org/2001/XMLSchema}"


def local(qname):
    return qname.split(":")[-1] if qname else None


class Schema:
    def __init__(self, path):
        self.root = ET.parse(path).getroot()
        self.types = {t.get("name"): t for t in self.root.findall(XS + "complexType")}
        self.groups = {g.get("name"): g for g in self.root.findall(XS + "group")}
        self.content = {}  # element name -> (children, [(attribute, required)])
        todo = [(e.get("name"), self.type_of(e)) for e in self.root.findall(XS + "element")]
        self.order = []
        while todo:
            name, node = todo.pop(0)
            if name in self.content:
                continue
            children, attributes = [], []
            if node is not None:
                self.collect(node, children, attributes, todo)
            self.content[name] = (children, attributes)
            self.order.append(name)

    def type_of(self, decl):
        inline = decl.find(XS + "complexType")
        return inline if inline is not None else self.types.get(local(decl.get("type")))

    def collect(self, node, children, attributes, todo):
        for n in node:
            tag = n.tag[len(XS):] if n.tag.startswith(XS) else None
            if tag in ("sequence", "choice", "all", "simpleContent", "complexContent"):
                self.collect(n, children, attributes, todo)
            elif tag in ("extension", "restriction"):
                base = self.types.get(local(n.get("base")))
                if base is not None:
                    self.collect(base, children, attributes, todo)
                self.collect(n, children, attributes, todo)
            elif tag == "group":
                self.collect(self.groups[local(n.get("ref"))], children, attributes, todo)
            elif tag == "element":
                if n.get("name") not in children:
                    children.append(n.get("name"))
                todo.append((n.get("name"), self.type_of(n)))
            elif tag == "attribute":
                attributes.append((n.get("name"), n.get("use") == "required"))


def main():
    rchain, source = sys.argv[1], sys.argv[2]
    schema = Schema(os.path.join(source, "src", "data", "model.xsd"))
    t = Tap()
    s = Server(rchain)
    s.initialize()
    count = 0

    def complete(text, off):
        nonlocal count
        count += 1
        uri = "file:///outline/%d.xml" % count
        s.open(uri, text)
        s.diagnostics(uri)
        line = text.count("\n", 0, off)
        ch = off - (text.rfind("\n", 0, off) + 1)
        items = s.call("textDocument/completion", {"textDocument": {"uri": uri},
                                                   "position": {"line": line, "character": ch}})["result"]["items"]
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        s.diagnostics(uri)
        return items

    items = complete("<", 1)
    t.ok([i["label"] for i in items] == schema.order[:1], "at the top of a document: the root element",
         [i["label"] for i in items])
    t.ok(complete("<model><nosuch ><", 17) == [] and complete("<nosuch />", 8) == [],
         "in an element the schema does not have: nothing")
    t.ok(len(schema.order) > 20, "the schema read here has its elements", schema.order)
    for name in schema.order:
        children, attributes = schema.content[name]
        text = "<%s ><</%s>" % (name, name)
        got = [i["label"] for i in complete(text, len(name) + 4)]
        t.ok(got == children, "<%s>: the child elements the schema allows" % name, "want %r\n got %r" % (children, got))
        text = "<%s />" % name
        got = [(i["label"], i["detail"] == "required") for i in complete(text, len(name) + 2)]
        t.ok(got == attributes, "<%s>: the attributes the schema allows, required ones marked" % name,
             "want %r\n got %r" % (attributes, got))
    _, status = s.finish()
    t.ok(status == 0, "exit status 0 after shutdown", status)
    return t.done()


sys.exit(main())
