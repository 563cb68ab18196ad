"""The portal's first load: the JavaScript a citizen downloads, and the page on a slow phone.

    .venv/bin/python bench/first_load.py [--url http://127.0.0.1:8000] [--budget-kb 300]
    .venv/bin/python bench/first_load.py --browser [--runs 3] [--chromium /usr/bin/chromium]

Against a running gateway with the SPA built (`make frontend`): fetches `/`, then what
index.html loads before anything is drawn — its entry script, the modules it preloads and every
module those import statically — and the chunk of the home route, which the entry imports
lazily (each page is a chunk of its own, frontend/src/router.tsx), with its static imports.
Each file is fetched as it is (Accept-Encoding: identity), with gzip and with brotli; the sizes
are the bodies as the gateway sends them, so a gateway that does not compress shows the same
figure three times. Exits with 1 when the gzip total is over --budget-kb (the issue's budget for
the portal's first load is 300 KB).

With --browser it then loads the home page in Chromium (driven over the DevTools protocol, a
fresh profile and an empty cache each run) on a throttled phone: 390×844, the network at 150 ms
latency, 1.6 Mbit/s down and 750 kbit/s up (DevTools' "Slow 4G", Lighthouse's mobile profile),
the CPU slowed 4×. It prints, per run and as the median, the first contentful paint, the moment
the home page's content is drawn (an element matching --content, by default an h1, in <main>
and no skeleton left there), the largest contentful paint and the load event, the requests and
bytes on the wire — and every chunk of the staff console the page asked for, which must be none
(exit 1 otherwise). On a shared machine the CPU-bound figures vary from run to run: take the
median of several runs on a quiet machine.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

import aiohttp

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


ROUTER = Path(__file__).resolve().parents[1] / "frontend" / "src" / "router.tsx"
# Vite names a lazy chunk after its module's file (ConsoleLayout-3kF9a.js).
CHUNK = re.compile(r"/([A-Za-z]+)-[\w-]+\.js$")

# Records, in the page, the paints and the moment the home page's content is drawn.
PAGE_TIMINGS = """
((CONTENT) => {
  const out = (window.__firstLoad = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") out.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    out.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const check = () => {
    const main = document.querySelector("main");
    if (main && main.querySelector(CONTENT) && !main.querySelector(".ant-skeleton")) {
      out.content = performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
  addEventListener("load", () => (out.load = performance.now()));
})(%s);
"""


def console_chunks() -> set[str]:
    """The names of the chunks only the staff console uses: its layout, its role guard and the
    pages the router mounts under /console and nowhere else."""
    source = ROUTER.read_text(encoding="utf-8")
    split = source.index('path: "/console"')
    routes = re.compile(r"<(\w+)\s*/>")
    # A page both mount (the 404 page) is the portal's too.
    portal = set(routes.findall(source[:split]))
    return {"ConsoleLayout", "RequireRole"} | set(routes.findall(source[split:])) - portal


@dataclass
class PageLoad:
    fcp: float
    content: float
    lcp: float
    load: float
    requests: int
    wire_bytes: int
    script_bytes: int
    console: list[str] = field(default_factory=list)


class DevTools:
    """One page of a headless Chromium, spoken to over the DevTools protocol."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.answers: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.session = ""

    async def read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.answers:
                self.answers.pop(data["id"]).set_result(data)
            elif "method" in data:
                self.events.put_nowait(data)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        answer = asyncio.get_running_loop().create_future()
        self.answers[number] = answer
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        await self.socket.send_str(json.dumps(message))
        result = await asyncio.wait_for(answer, 60)
        if "error" in result:
            raise RuntimeError(f"{method}: {result['error']}")
        return dict(result.get("result", {}))


async def load_once(chromium: str, url: str, content: str, console: set[str]) -> PageLoad:
    """The home page loaded once on the throttled phone, from a fresh profile."""
    with tempfile.TemporaryDirectory() as profile:
        browser = await asyncio.create_subprocess_exec(
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "about:blank",
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            assert browser.stderr is not None
            endpoint = ""
            while not endpoint:
                line = (await browser.stderr.readline()).decode()
                if not line:
                    raise RuntimeError(f"{chromium} ended before it listened")
                if "DevTools listening on" in line:
                    endpoint = line.split("listening on ", 1)[1].strip()
            async with (
                aiohttp.ClientSession() as http,
                http.ws_connect(endpoint, max_msg_size=0) as socket,
            ):
                tools = DevTools(socket)
                reader = asyncio.create_task(tools.read())
                try:
                    return await measure_page(tools, url, content, console)
                finally:
                    reader.cancel()
        finally:
            browser.terminate()
            await browser.wait()


async def measure_page(tools: DevTools, url: str, content: str, console: set[str]) -> PageLoad:
    target = await tools.send("Target.createTarget", url="about:blank")
    attached = await tools.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)
    tools.session = attached["sessionId"]
    for method in ("Network.enable", "Page.enable", "Runtime.enable"):
        await tools.send(method)
    await tools.send("Network.setCacheDisabled", cacheDisabled=True)
    await tools.send(
        "Network.emulateNetworkConditions",
        offline=False,
        latency=150,
        downloadThroughput=1.6e6 / 8,
        uploadThroughput=750e3 / 8,
    )
    await tools.send("Emulation.setCPUThrottlingRate", rate=4)
    await tools.send(
        "Emulation.setDeviceMetricsOverride",
        width=390,
        height=844,
        deviceScaleFactor=3,
        mobile=True,
    )
    await tools.send(
        "Page.addScriptToEvaluateOnNewDocument", source=PAGE_TIMINGS % json.dumps(content)
    )
    await tools.send("Page.navigate", url=url)

    urls: dict[str, str] = {}
    kinds: dict[str, str] = {}
    sizes: dict[str, float] = {}
    timings: dict[str, float] = {}
    deadline = asyncio.get_running_loop().time() + 120
    while asyncio.get_running_loop().time() < deadline:
        try:
            event = await asyncio.wait_for(tools.events.get(), 0.25)
        except TimeoutError:
            answer = await tools.send(
                "Runtime.evaluate", expression="window.__firstLoad || {}", returnByValue=True
            )
            timings = answer["result"].get("value", {})
            # The content is drawn and the page loaded: what follows is the page's own data.
            if "content" in timings and "load" in timings:
                break
            continue
        params = event.get("params", {})
        if event["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
            kinds[params["requestId"]] = params.get("type", "")
        elif event["method"] == "Network.loadingFinished":
            sizes[params["requestId"]] = params["encodedDataLength"]
    else:
        raise RuntimeError(f"the home page's content was not drawn in 120 s: {timings}")

    chunks = {request: CHUNK.search(address) for request, address in urls.items()}
    return PageLoad(
        fcp=timings.get("fcp", float("nan")),
        content=timings["content"],
        lcp=timings.get("lcp", float("nan")),
        load=timings["load"],
        requests=len(urls),
        wire_bytes=int(sum(sizes.values())),
        script_bytes=int(sum(size for r, size in sizes.items() if kinds.get(r) == "Script")),
        console=sorted(urlsplit(urls[r]).path for r, m in chunks.items() if m and m[1] in console),
    )


def browser_figures(url: str, chromium: str, runs: int, content: str) -> bool:
    """Prints each run's figures and the medians; whether no console chunk was requested."""
    console = console_chunks()
    loads = [asyncio.run(load_once(chromium, url, content, console)) for _ in range(runs)]
    print()
    print("Chromium, 390x844, 150 ms / 1.6 Mbit/s down / 750 kbit/s up, CPU 4x, empty cache:")
    print(
        f"{'run':<7}{'FCP ms':>9}{'content ms':>12}{'LCP ms':>9}{'load ms':>9}"
        f"{'requests':>10}{'wire KB':>9}{'JS KB':>8}"
    )
    for number, load in enumerate(loads, 1):
        print(
            f"{number:<7}{load.fcp:>9,.0f}{load.content:>12,.0f}{load.lcp:>9,.0f}"
            f"{load.load:>9,.0f}{load.requests:>10}{kb(load.wire_bytes):>9}"
            f"{kb(load.script_bytes):>8}"
        )

    def median(name: str) -> float:
        return float(statistics.median(float(getattr(load, name)) for load in loads))

    print(
        f"{'median':<7}{median('fcp'):>9,.0f}{median('content'):>12,.0f}{median('lcp'):>9,.0f}"
        f"{median('load'):>9,.0f}"
    )
    requested = sorted({path for load in loads for path in load.console})
    if requested:
        print(f"console chunks requested by the portal's home page: {', '.join(requested)}")
        return False
    print(f"console chunks requested: none (of {len(console)} the console has)")
    return True


def kb(size: int) -> str:
    return f"{size / 1024:,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the gateway")
    parser.add_argument("--route-chunk", default="HomePage", help="the home route's chunk name")
    parser.add_argument("--budget-kb", type=float, default=300.0, help="gzip total allowed")
    parser.add_argument(
        "--browser", action="store_true", help="also load the page in a throttled Chromium"
    )
    parser.add_argument("--runs", type=int, default=3, help="browser loads (median printed)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser to drive")
    parser.add_argument(
        "--content",
        default="h1",
        help="CSS selector in <main> that says the home page's content is drawn",
    )
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
    failed = gzipped > args.budget_kb * 1024
    if failed:
        print(f"over budget: {kb(gzipped)} KB gzip > {args.budget_kb:g} KB")
    url = urljoin(args.url, "/")
    if args.browser and not browser_figures(url, args.chromium, args.runs, args.content):
        failed = True
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
