"""The JavaScript a citizen downloads before the portal's home page renders.

    .venv/bin/python bench/first_load.py [--url http://127.0.0.1:8000] [--budget-kb 300]

Against a running gateway with the SPA built (`make frontend`): fetches `/`, then what
index.html loads before anything is drawn — its entry script, the modules it preloads and every
module those import statically — and the chunk of the home route, which the entry imports
lazily (each page is a chunk of its own, frontend/src/router.tsx), with its static imports.
Each file is fetched as it is (Accept-Encoding: identity), with gzip and with brotli; the sizes
are the bodies as the gateway sends them, so a gateway that does not compress shows the same
figure three times. Exits with 1 when the gzip total is over --budget-kb (the issue's budget for
the portal's first load is 300 KB).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

ENTRY = re.compile(r'<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"')
PRELOAD = re.compile(r'<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"')
# Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{c}from"./x.js"`.
STATIC_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\.{1,2}/[^"']+\.js)["']""")


def lazy_import(chunk: str) -> re.Pattern[str]:
    """`import("./HomePage-abc.js")` as Vite writes the dynamic import of a route's chunk."""
    return re.compile(
        r"""\bimport\(\s*[`"'](\./""" + re.escape(chunk) + r"""-[\w-]+\.js)[`"']\s*\)"""
    )


def fetch(url: str, coding: str) -> bytes:
    """The body as the server sends it to a client that accepts this coding."""
    with urlopen(Request(url, headers={"Accept-Encoding": coding}), timeout=30) as response:
        body: bytes = response.read()
        return body


@dataclass
class Sizes:
    path: str
    raw: int
    gzip: int
    brotli: int
    why: str


def measure(url: str, why: str) -> tuple[Sizes, str]:
    """A file's sizes on the wire (small files come uncompressed), and its text."""
    body = fetch(url, "identity")
    gzipped, brotli = len(fetch(url, "gzip")), len(fetch(url, "br"))
    return Sizes(urlsplit(url).path, len(body), gzipped, brotli, why), body.decode("utf-8")


def first_load(base: str, route_chunk: str) -> tuple[list[Sizes], int]:
    """The JavaScript files of the first load, in the order found, and index.html's size."""
    index = fetch(urljoin(base, "/"), "identity")
    html = index.decode("utf-8")
    queue = [(urljoin(base, src), "entry") for src in ENTRY.findall(html)]
    queue += [(urljoin(base, href), "preloaded") for href in PRELOAD.findall(html)]
    seen: set[str] = set()
    files: list[Sizes] = []
    route_found = False
    while queue:
        url, why = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        sizes, text = measure(url, why)
        files.append(sizes)
        in_route = why.startswith("home route")
        imported = "home route import" if in_route else "imported"
        queue += [(urljoin(url, spec), imported) for spec in STATIC_IMPORT.findall(text)]
        if not in_route:
            for spec in lazy_import(route_chunk).findall(text):
                route_found = True
                queue.append((urljoin(url, spec), "home route"))
    if not route_found:
        print(f"no lazy import of {route_chunk} found: the home page is in the chunks above")
    return files, len(index)


def kb(size: int) -> str:
    return f"{size / 1024:,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the gateway")
    parser.add_argument("--route-chunk", default="HomePage", help="the home route's chunk name")
    parser.add_argument("--budget-kb", type=float, default=300.0, help="gzip total allowed")
    args = parser.parse_args()

    files, index_size = first_load(args.url, args.route_chunk)
    width = max(len(f.path) for f in files)
    print(f"{'file':<{width}}  {'raw KB':>9}  {'gzip KB':>9}  {'br KB':>9}  loaded as")
    for f in files:
        print(f"{f.path:<{width}}  {kb(f.raw):>9}  {kb(f.gzip):>9}  {kb(f.brotli):>9}  {f.why}")
    raw, gzipped, brotli = (sum(getattr(f, a) for f in files) for a in ("raw", "gzip", "brotli"))
    label = f"JavaScript, {len(files)} files"
    print(f"{label:<{width}}  {kb(raw):>9}  {kb(gzipped):>9}  {kb(brotli):>9}")
    print(f"(index.html {index_size:,} B; stylesheets not counted)")
    if gzipped > args.budget_kb * 1024:
        print(f"over budget: {kb(gzipped)} KB gzip > {args.budget_kb:g} KB")
        sys.exit(1)


if __name__ == "__main__":
    main()
