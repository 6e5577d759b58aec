"""Page weight stays within budgets.yml: the first load of each page type (every response it
needs, uncompressed) and a worksheet page's own JS and CSS."""
from __future__ import annotations

import gzip
import urllib.request

import pytest

from tools.measures import KB, budgets, first_loads, gzip_size, page_types, serve_gzip

WEIGHT = budgets()["page_weight"]["types"]


@pytest.fixture(scope="session")
def weights(browser, base_url, site_dir) -> dict[str, dict]:
    """URL path -> first-load measurement, for every page that has a budget."""
    return first_loads(browser, base_url, site_dir, page_types(site_dir))


@pytest.mark.parametrize("page_type", WEIGHT)
def test_first_load_within_budget(weights, site_dir, page_type):
    pages = page_types(site_dir)[page_type]
    assert pages, f"no built page matches {WEIGHT[page_type]['pages']} (budgets.yml page_weight.types.{page_type})"
    budget = WEIGHT[page_type]["budget_kb"] * KB
    over = []
    for path in pages:
        actual = weights[path]["bytes"]
        print(f"{page_type} /{path}: {actual / KB:.1f} kB of {budget / KB:.0f} kB budget "
              f"({weights[path]['gzip'] / KB:.1f} kB gzipped, {len(weights[path]['files'])} files"
              + (f"; same resources as /{weights[path]['like']})" if "like" in weights[path] else ")"))
        if actual > budget:
            biggest = sorted(weights[path]["files"].items(), key=lambda item: -item[1])[:6]
            over.append(f"/{path}: {actual / KB:.1f} kB > budget {budget / KB:.0f} kB; largest: "
                        + ", ".join(f"{url} {size / KB:.1f} kB" for url, size in biggest))
    assert not over, "\n".join(over)


def test_worksheet_own_code_within_budget(site_dir, weights):
    spec = budgets()["own_assets"]["worksheet"]
    files = sorted({f for pattern in spec["files"] for f in site_dir.glob(pattern)})
    assert files, f"no file matches {spec['files']}"
    total = sum(f.stat().st_size for f in files)
    listing = ", ".join(f"{f.relative_to(site_dir)} {f.stat().st_size / KB:.1f} kB" for f in files)
    print(f"worksheet's own JS and CSS: {total / KB:.1f} kB of {spec['budget_kb']} kB ({listing})")
    assert total <= spec["budget_kb"] * KB, f"{total / KB:.1f} kB > {spec['budget_kb']} kB: {listing}"
    # Every file a worksheet page loads from our own assets/ is in that count.
    for path in page_types(site_dir)["worksheet"]:
        own = {url for url in weights[path]["files"] if url.startswith("/assets/")
               and "worksheet" in url}
        assert own <= {"/" + f.relative_to(site_dir).as_posix() for f in files}, own


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
