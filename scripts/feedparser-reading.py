#!/usr/bin/env python3
"""Writes feedparser's reading of a folder of feeds as JSON, for the feed fidelity test.

    scripts/feedparser-reading.py ROOT SET=FOLDER [SET=FOLDER ...] > reading.json

ROOT is the folder the file names are relative to; each SET=FOLDER (relative to ROOT) names a
set, e.g. A-core=wellformed/rss. The output has the form of the corpus's feedparser-reading.json:
`files` -> "FOLDER/NAME" -> `set`, `headers`, `bozo`, `entries` (id, link, title, date, authors,
content). Headers come from the file's extension and its own `Header: Name: value` lines, as
feedparser's test server sends them. Needs feedparser (pip install feedparser==6.0.14).
"""

import html.parser
import json
import os
import re
import sys
import time

import feedparser

BASE = "http://feeds.invalid/"
TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".rdf": "application/rdf+xml",
    ".xml": "application/xml",
}


class _Text(html.parser.HTMLParser):
    """The text an HTML fragment shows, without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def collapse(text):
    return re.sub(r"\s+", " ", text or "").strip()


def as_text(value, detail):
    kind = (detail or {}).get("type", "text/plain")
    if "html" in kind:
        parser = _Text()
        parser.feed(value or "")
        parser.close()
        return collapse("".join(parser.parts))
    return collapse(value)


def headers_of(path, data):
    headers = {"Content-Type": TYPES.get(os.path.splitext(path)[1], "application/xml")}
    head = data[:4096].decode("latin-1")
    if head.lstrip().startswith("<!--"):
        comment = head.split("-->", 1)[0]
        for match in re.finditer(r"^Header:\s*([^:\s]+):\s*(.*?)\s*$", comment, re.M):
            headers[match.group(1)] = match.group(2)
    return headers


def date_of(entry):
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
    return None


def reading(root, relative, set_name):
    with open(os.path.join(root, relative), "rb") as handle:
        data = handle.read()
    headers = headers_of(relative, data)
    sent = dict(headers)
    sent["content-location"] = BASE + relative
    parsed = feedparser.parse(data, response_headers=sent)
    entries = []
    for entry in parsed.entries:
        authors = set()
        if entry.get("author"):
            authors.add(collapse(entry.get("author")))
        detail = entry.get("author_detail") or {}
        for key in ("name", "email"):
            if detail.get(key):
                authors.add(collapse(detail[key]))
        for author in entry.get("authors") or []:
            if author.get("name"):
                authors.add(collapse(author["name"]))
        contents = [as_text(c.get("value"), c) for c in entry.get("content") or []]
        if entry.get("summary"):
            contents.append(as_text(entry.get("summary"), entry.get("summary_detail")))
        entries.append({
            "id": entry.get("id"),
            "link": entry.get("link"),
            "title": as_text(entry["title"], entry.get("title_detail")) if "title" in entry else None,
            "date": date_of(entry),
            "authors": sorted(authors),
            "content": max(contents, key=len, default="")[:2000],
        })
    return {
        "set": set_name,
        "headers": headers,
        "bozo": bool(parsed.get("bozo")),
        "bozo_exception": repr(parsed.get("bozo_exception")) if parsed.get("bozo") else None,
        "entries": entries,
    }


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    root = argv[1]
    files = {}
    for argument in argv[2:]:
        set_name, folder = argument.split("=", 1)
        for name in sorted(os.listdir(os.path.join(root, folder))):
            relative = folder.rstrip("/") + "/" + name
            if os.path.isfile(os.path.join(root, relative)):
                files[relative] = reading(root, relative, set_name)
    meta = {"peer": "feedparser " + feedparser.__version__, "base": BASE, "root": os.path.abspath(root)}
    json.dump({"meta": meta, "files": files}, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv)
