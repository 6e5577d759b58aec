"""Reflow and adaptable text, on every built page in Chromium.

- WCAG 1.4.10: at 320 CSS px (the same width as 1280 px at 400% zoom) the page never scrolls
  sideways and nothing inside `main` needs horizontal scrolling or sticks out of the viewport.
- WCAG 1.4.12: with the text-spacing overrides (line height 1.5, paragraph spacing 2x, letter
  spacing 0.12em, word spacing 0.16em) no text in a button, field or label is cut off.
- Windows high contrast (forced-colors: active): worksheet controls stay visible, and every
  control shows a visible focus indicator (box-shadow is dropped in forced colours, so a
  focus ring drawn only with it disappears).
"""
from __future__ import annotations

import pytest

REFLOW_WIDTH = 320

# Every element in main wider than its box with overflow it can scroll or hides, or whose
# right edge passes the viewport; named by a short CSS path so the message says where.
OVERFLOWS = """() => {
  const width = document.documentElement.clientWidth;
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(part + "#" + e.id); break; }
      const cls = [...e.classList].slice(0, 2).join(".");
      parts.unshift(cls ? part + "." + cls : part);
    }
    return parts.join(" > ");
  };
  const out = [];
  if (document.documentElement.scrollWidth > width) {
    out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width} px`);
  }
  for (const el of document.querySelectorAll("main *")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || el.closest("[hidden]")) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    // Text a screen-reader-only class keeps off screen on purpose (clipped to 1 px).
    if (rect.width <= 1 && rect.height <= 1) continue;
    if (rect.right <= 0) continue;  // off-canvas, as the closed navigation drawer is on a phone
    const scrolls = ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
    if (scrolls && el.scrollWidth > el.clientWidth + 1 && !["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)) {
      out.push(`${name(el)} needs horizontal scrolling: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    } else if (rect.right > width + 1 && !el.closest("mjx-container")) {
      out.push(`${name(el)} sticks out of the viewport: right edge at ${Math.round(rect.right)} px of ${width}`);
    }
  }
  return out;
}"""

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Buttons, fields and labels whose text no longer fits the box that holds it.
CUT_OFF = """() => {
  const out = [];
  const controls = document.querySelectorAll(
    "main button, main .md-button, main label, main legend, main summary, main input, main select, main textarea");
  for (const el of controls) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || el.closest("[hidden]")) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || el.placeholder || "").trim().slice(0, 40)}"`;
    if (["INPUT", "SELECT"].includes(el.tagName) && !["checkbox", "radio"].includes(el.type)) {
      // One line of text must fit the field's height.
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      const inner = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      if (inner + 1 < Math.min(line, parseFloat(style.fontSize) * 1.5)) out.push(`${what}: text ${line} px tall in ${inner} px`);
      continue;
    }
    if (["INPUT", "TEXTAREA"].includes(el.tagName)) continue;  // a textarea scrolls its own text
    const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
    if (el.scrollWidth > el.clientWidth + 1 && clips) out.push(`${what}: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
    if (el.scrollHeight > el.clientHeight + 1 && clips) out.push(`${what}: ${el.scrollHeight} px tall in ${el.clientHeight} px`);
    // Text spilling out of a box that does not clip is cut off visually by what comes next.
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    if (el.textContent.trim() && text.width && (text.right > rect.right + 2 || text.left < rect.left - 2 || text.bottom > rect.bottom + 2)) {
      out.push(`${what}: its text spills out of the box (${Math.round(text.width)}x${Math.round(text.height)} px in ${Math.round(rect.width)}x${Math.round(rect.height)})`);
    }
  }
  return out;
}"""


def _every_page(open_page, html_pages, base_url, check, width, **setup) -> list[str]:
    page = open_page(None, width=width)
    problems = []
    for url in html_pages:
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        if setup.get("css"):
            page.add_style_tag(content=setup["css"])
        problems += [f"/{url}: {p}" for p in page.evaluate(check)]
    return problems


def _none(problems: list[str]) -> None:
    assert problems == [], "\n".join(problems)


def test_no_page_scrolls_sideways_at_320_px(open_page, html_pages, base_url):
    _none(_every_page(open_page, html_pages, base_url, OVERFLOWS, REFLOW_WIDTH))


@pytest.mark.parametrize("width", [REFLOW_WIDTH, 1280])
def test_text_spacing_cuts_off_no_text_in_buttons_fields_or_labels(open_page, html_pages, base_url, width):
    _none(_every_page(open_page, html_pages, base_url, CUT_OFF, width, css=TEXT_SPACING))


def test_text_spacing_makes_no_page_scroll_sideways_at_320_px(open_page, html_pages, base_url):
    _none(_every_page(open_page, html_pages, base_url, OVERFLOWS, REFLOW_WIDTH, css=TEXT_SPACING))


# A control is visible in forced colours when the system draws it (native appearance) or it
# has a border to draw: backgrounds and box-shadows are replaced or dropped in that mode.
INVISIBLE_CONTROLS = """() => {
  const out = [];
  for (const el of document.querySelectorAll("main input, main select, main textarea, main button, main .md-button")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || el.closest("[hidden]")) continue;
    const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.name ? "[name=" + el.name + "]" : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
    // A file input kept focusable but transparent over its label: the label is what shows.
    if (el.type === "file" && parseFloat(style.opacity) === 0 && el.labels.length) {
      const label = getComputedStyle(el.labels[0]);
      if (!["Top", "Right", "Bottom", "Left"].some((side) => parseFloat(label[`border${side}Width`]) > 0 && label[`border${side}Style`] !== "none")) {
        out.push(`${what}: its label has no border, so the control vanishes in forced colours`);
      }
      continue;
    }
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1 || style.visibility === "hidden" || parseFloat(style.opacity) < 0.5) {
      out.push(`${what}: not shown (${Math.round(rect.width)}x${Math.round(rect.height)}, opacity ${style.opacity})`);
      continue;
    }
    const native = style.appearance !== "none";
    const bordered = ["Top", "Right", "Bottom", "Left"].some(
      (side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== "none");
    if (!native && !bordered) out.push(`${what}: no border and no native look, so it vanishes in forced colours`);
  }
  return out;
}"""

# The focused element's own indicator, as forced colours would draw it (no box-shadow).
FOCUS_RING = """() => {
  const el = document.activeElement;
  if (!el || !el.closest("main")) return null;
  // Focus on a date field's own calendar button (inside the browser's shadow tree): the host
  // no longer matches :focus, and the browser draws that button's ring itself.
  if (el.type === "date" && !el.matches(":focus")) return "";
  const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
  // A transparent file input shows its focus on the label it covers.
  const shown = el.type === "file" && parseFloat(getComputedStyle(el).opacity) === 0 && el.labels.length ? el.labels[0] : el;
  const style = getComputedStyle(shown);
  const outline = style.outlineStyle !== "none" && (style.outlineStyle === "auto" || parseFloat(style.outlineWidth) >= 1);
  return outline ? "" : `${what}: no visible focus outline (outline ${style.outlineStyle} ${style.outlineWidth})`;
}"""


def _forced_colours_pages(html_pages):
    return [url for url in html_pages if url.startswith(("worksheets/", "replies/")) and url.count("/") == 2]


def test_worksheet_and_reply_controls_stay_visible_in_forced_colours(open_page, html_pages, base_url):
    pages = _forced_colours_pages(html_pages)
    assert len(pages) >= 12, pages
    page = open_page(None, width=1280)
    page.emulate_media(forced_colors="active")
    problems = []
    for url in pages:
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        problems += [f"/{url}: {p}" for p in page.evaluate(INVISIBLE_CONTROLS)]
    _none(problems)


@pytest.mark.parametrize("width", [390, 1280])
def test_focus_stays_visible_in_forced_colours(open_page, html_pages, base_url, width):
    page = open_page(None, width=width)
    page.emulate_media(forced_colors="active")
    problems = []
    for url in _forced_colours_pages(html_pages):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        page.locator("article h1").click()  # start tabbing from the top of the content
        seen = 0
        for _ in range(120):
            page.keyboard.press("Tab")
            verdict = page.evaluate(FOCUS_RING)
            if verdict is None:
                if seen:
                    break  # left main: every control in it has been reached
                continue
            seen += 1
            if verdict:
                problems.append(f"/{url}: {verdict}")
        if not seen:
            problems.append(f"/{url}: Tab never reached a control in main")
    _none(sorted(set(problems)))
