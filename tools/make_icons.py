"""Draw the home-screen icons docs/assets/icons/icon-192.png and icon-512.png (web app manifest)
from the favicon's design (docs/assets/favicon.svg: a rising path between two dots on the brand's default colour).

Run again only when the design changes: `.venv/bin/python -m tools.make_icons`. The PNGs are
committed, so builds need nothing but the files. The square is filled to its edges and the
drawing stays inside the central 60%, so the icon also works as `maskable` (Android crops it).
"""
from pathlib import Path

from PIL import Image, ImageDraw

from after_the_no.brand import DEFAULT_COLOUR

ROOT = Path(__file__).resolve().parent.parent
# The favicon's path, in its own 32-unit box: M7 23 c4-1 5-6 9-7 s6 2 9-6 (two cubic curves).
CURVES = [((7, 23), (11, 22), (12, 17), (16, 16)), ((16, 16), (20, 15), (22, 18), (25, 10))]


def cubic(p0, p1, p2, p3, steps=64):
    for i in range(steps + 1):
        t = i / steps
        yield tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t * t * c + t ** 3 * d
                    for a, b, c, d in zip(p0, p1, p2, p3))


def icon(size: int) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges
    big = size * scale
    image = Image.new("RGB", (big, big), DEFAULT_COLOUR)
    draw = ImageDraw.Draw(image)
    unit = big * 0.6 / 18  # the drawing spans x 7..25 (18 units) in the central 60%
    offset = (big * 0.2 - 7 * unit, big * 0.2 - 10 * unit + (18 - 13) * unit / 2)

    def at(point):
        return (offset[0] + point[0] * unit, offset[1] + point[1] * unit)

    # The stroke (3 units wide, round caps) as discs stamped along the curve.
    for point in (at(p) for curve in CURVES for p in cubic(*curve, steps=400)):
        x, y = point
        draw.ellipse((x - 1.5 * unit, y - 1.5 * unit, x + 1.5 * unit, y + 1.5 * unit), fill="white")
    for end in [(7, 23), (25, 10)]:
        x, y = at(end)
        r = 2.5 * unit
        draw.ellipse((x - r, y - r, x + r, y + r), fill="white")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    for size in (192, 512):
        icon(size).save(ROOT / f"docs/assets/icons/icon-{size}.png", optimize=True)


if __name__ == "__main__":
    main()
