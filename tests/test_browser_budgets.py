"""Page weight stays within budgets.yml: the first load of each page type (every response it
needs, uncompressed) and a worksheet page's own JS and CSS."""
from __future__ import annotations

import gzip
import urllib.request

from tools.measures import KB, budgets, first_loads, gzip_size, page_types, serve_gzip

WEIGHT = budgets()["page_weight"]["types"]


def test_first_loads_and_a_worksheet_s_own_code_within_budget(browser, base_url, site_dir):
    """One test, so the pages are loaded once in a run (a session fixture shared by several
    tests is made again on each pytest-xdist worker that runs one of them)."""
    types = page_types(site_dir)
    weights = first_loads(browser, base_url, site_dir, types)
    over = []
    for page_type in WEIGHT:
        if not types[page_type]:
            over.append(f"no built page matches {WEIGHT[page_type]['pages']} (budgets.yml page_weight.types.{page_type})")
        budget = WEIGHT[page_type]["budget_kb"] * KB
        for path in types[page_type]:
            actual = weights[path]["bytes"]
            print(f"{page_type} /{path}: {actual / KB:.1f} kB of {budget / KB:.0f} kB budget "
                  f"({weights[path]['gzip'] / KB:.1f} kB gzipped, {len(weights[path]['files'])} files"
                  + (f"; same resources as /{weights[path]['like']})" if "like" in weights[path] else ")"))
            if actual > budget:
                biggest = sorted(weights[path]["files"].items(), key=lambda item: -item[1])[:6]
                over.append(f"{page_type} /{path}: {actual / KB:.1f} kB > budget {budget / KB:.0f} kB; largest: "
                            + ", ".join(f"{url} {size / KB:.1f} kB" for url, size in biggest))
    spec = budgets()["own_assets"]["worksheet"]
    files = sorted({f for pattern in spec["files"] for f in site_dir.glob(pattern)})
    total = sum(f.stat().st_size for f in files)
    listing = ", ".join(f"{f.relative_to(site_dir)} {f.stat().st_size / KB:.1f} kB" for f in files)
    print(f"worksheet's own JS and CSS: {total / KB:.1f} kB of {spec['budget_kb']} kB ({listing})")
    if not files:
        over.append(f"own_assets.worksheet: no file matches {spec['files']}")
    if total > spec["budget_kb"] * KB:
        over.append(f"own_assets.worksheet: {total / KB:.1f} kB > {spec['budget_kb']} kB: {listing}")
    # Every file a worksheet page loads from our own assets/ is in that count.
    counted = {"/" + f.relative_to(site_dir).as_posix() for f in files}
    over += [f"worksheet /{path}: loads {url}, which own_assets.worksheet does not count"
             for path in types["worksheet"] for url in sorted(weights[path]["files"])
             if url.startswith("/assets/") and "worksheet" in url and url not in counted]
    assert over == [], "\n".join(over)


def test_gzip_server_sends_what_the_gzipped_column_counts(site_dir):
    """bin/lighthouse and bin/benchmark serve the site gzipped, as a real host would."""
    base_url, server = serve_gzip(site_dir)
    try:
        for path, file in [("reflect/", "reflect/index.html"), ("assets/site.css", "assets/site.css"),
                           ("assets/favicon.svg", "assets/favicon.svg")]:
            request = urllib.request.Request(base_url + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                body = response.read()
                assert response.headers["Content-Encoding"] == "gzip", path
                assert len(body) == gzip_size(site_dir / file), path
                assert gzip.decompress(body) == (site_dir / file).read_bytes(), path
    finally:
        server.shutdown()
