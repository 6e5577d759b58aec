"""The checks the site-wide audit (test_browser_audit.py) runs in a page: each a JavaScript
function that returns a list of problems, each naming the element (a short CSS path or its tag,
id and text), so a failure says where.

- WCAG 1.4.10: at 320 CSS px (the same width as 1280 px at 400% zoom) the page never scrolls
  sideways and nothing inside `main` needs horizontal scrolling or sticks out of the viewport.
- WCAG 1.4.12: with the text-spacing overrides no text in a button, field or label is cut off.
- Windows high contrast (forced-colors: active): controls stay visible, and every control and
  link in `main` shows a visible focus indicator (box-shadow is dropped in forced colours, so a
  focus ring drawn only with it disappears).
"""
from __future__ import annotations

import re

# Content-Security-Policy violations, recorded from the first byte of every page.
RECORD_CSP_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""

# No transition or animation runs during the audit, set as the document starts (a constructed
# sheet, which the page's style-src 'self' does not block): every state (the drawer folded at
# 320 px, the dark palette) is reached at once, exactly as it ends, so axe never has to wait for
# a fade to finish to measure its colours.
STILL_PAGE = """
document.adoptedStyleSheets = [...document.adoptedStyleSheets, Object.assign(new CSSStyleSheet(), {})];
document.adoptedStyleSheets.at(-1).replaceSync(
  "*, *::before, *::after { transition: none !important; animation: none !important; }");
"""

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


# WCAG 1.4.12's text-spacing overrides (line height 1.5, paragraph spacing 2x, letter spacing
# 0.12em, word spacing 0.16em).
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

# Applies a style sheet the way a person's browser extension or user style sheet would: as a
# constructed sheet, which the page's Content-Security-Policy (style-src 'self') does not
# block, so the audit can run under the real policy. Returns whether it took effect.
ADD_STYLE = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  (window.__auditSheets ||= []).push(sheet);
  const probe = document.querySelector("main p") || document.body;
  return getComputedStyle(probe).wordSpacing !== "0px";
}"""

# Takes the sheets ADD_STYLE put in away again: the page as its own styles draw it.
REMOVE_STYLES = """() => {
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !(window.__auditSheets || []).includes(s));
  window.__auditSheets = [];
}"""

# Every control and link in main a keyboard reaches, focused in turn (after one real Tab press,
# so the browser treats focus as keyboard focus and :focus-visible applies): each must show
# its own outline (as forced colours draws it: no box-shadow). Returns [checked, problems].
FOCUS_VISIBLE = """() => {
  const problems = [];
  const reachable = [...document.querySelectorAll(
      "main a[href], main button, main input, main select, main textarea, main summary, main [tabindex]")]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length
            && getComputedStyle(el).visibility !== "hidden" && !el.closest("[hidden], [inert]"));
  let checked = 0;
  for (const el of reachable) {
    el.focus();
    if (document.activeElement !== el) continue;   // not focusable after all (e.g. in a closed <details>)
    const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
    if (!el.matches(":focus-visible")) { problems.push(`${what}: focus is not shown as keyboard focus (:focus-visible)`); continue; }
    checked += 1;
    // A transparent file input shows its focus on the label it covers.
    const shown = el.type === "file" && parseFloat(getComputedStyle(el).opacity) === 0 && el.labels.length ? el.labels[0] : el;
    const style = getComputedStyle(shown);
    const outline = style.outlineStyle !== "none" && (style.outlineStyle === "auto" || parseFloat(style.outlineWidth) >= 1);
    if (!outline) problems.push(`${what}: no visible focus outline (outline ${style.outlineStyle} ${style.outlineWidth})`);
  }
  document.activeElement?.blur();
  return [checked, problems];
}"""


# --- what the width changes ------------------------------------------------------------------
# The audit runs axe's colour rules at 320 px on every page, and at 1280 px only on the pages
# that show the frame (test_browser_audit.py). That holds only while no style sheet gives the
# page's own content another colour, text size or underline at one width than at the other:
# width_dependent_styles() finds any rule that would, so the audit's test fails the day one
# appears.
FRAME_CLASSES = ("md-header", "md-nav", "md-sidebar", "md-search", "md-tabs", "md-overlay", "md-top", "md-source")
LOOK = re.compile(r"(?:^|;)\s*(color|background(?:-color|-image)?|opacity|filter|font-size|font-weight|"
                   r"text-decoration[a-z-]*|text-shadow|border(?:-bottom)?(?:-color)?)\s*:", re.I)
_WIDTH = re.compile(r"\((min|max)-width:\s*([\d.]+)(em|rem|px)\)")


def _matches(query: str, width: int) -> bool:
    """Whether a media query's width conditions hold at `width` CSS px (16 px to the em); a query
    list holds when any of its queries does."""
    def one(part: str) -> bool:
        for kind, value, unit in _WIDTH.findall(part):
            px = float(value) * (1 if unit == "px" else 16)
            if (kind == "min" and width < px) or (kind == "max" and width > px):
                return False
        return "not " not in part
    return any(one(part) for part in query.split(","))


def _blocks(css: str, query: str = ""):
    """(media query or "", selector, declarations) for every style rule, inside @media, @supports
    and @layer blocks too (nested media queries joined with "and")."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    i = 0
    while (start := css.find("{", i)) != -1:
        head = css[i:start].strip().rsplit(";", 1)[-1].strip()   # after an @import or @charset
        depth, j = 1, start + 1
        while depth and j < len(css):
            depth += (css[j] == "{") - (css[j] == "}")
            j += 1
        body = css[start + 1:j - 1]
        if head.startswith("@media"):
            inner = head[len("@media"):].strip()
            yield from _blocks(body, f"{query} and {inner}" if query else inner)
        elif head.startswith(("@supports", "@layer", "@container", "@scope")):
            yield from _blocks(body, query)
        elif not head.startswith("@"):   # @font-face, @keyframes, @page: no element's look at a width
            yield query, head, body
        i = j


def width_dependent_styles(css: str, narrow: int = 320, wide: int = 1280) -> list[str]:
    """Every rule outside the frame that sets a colour, text size or underline at one of the two
    widths and not at the other: "@media <query> { <selector> }: <property>"."""
    found = []
    for query, selector, declarations in _blocks(css):
        if not query or _matches(query, narrow) == _matches(query, wide):
            continue
        if all(any(name in part for name in FRAME_CLASSES) for part in selector.split(",")):
            continue
        for prop in LOOK.findall(declarations):
            found.append(f"@media {query} {{ {selector[:80]} }}: {prop}")
    return found
