// Reply examples: a personaliser for each [data-module="reply"] root.
//
// Without this script the page already shows the message as plain text, with the
// placeholders as [Labels]. This script adds, per root:
//   - one labelled field per placeholder, remembered in this browser only (enhance.js KEYS.replyFields,
//     shared by all examples, so the next one is filled in for you), on this device or in this
//     tab as the person chose (enhance.js keeps the choice and its status line);
//   - "Your message": a preview of exactly what Copy, Open in email and Download use;
//   - "Change the wording": a subject box and a message box. They follow the example and
//     the fields until the person types in them; from then on their own words are the
//     message (the fields no longer change it) until they press "Reset to example";
//   - copy (with a select-and-press-Ctrl+C fallback), a mailto: link, a .txt download;
//   - a gentle tone check (rules from replies/tone-rules.yml, given to the page as JSON),
//     which only points things out and never stops anything.
// The matching (fill, normalise, toneCheck) is the same as in after_the_no/replies/ (model.py, tone.py).

import { KEYS, announce, copy as copyOrSelect, createAll, download, el, read, saveChoice, saving, t, write } from "./enhance.js";

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** Put values into a template; an empty value shows as its label, e.g. [Your name]. */
export function fill(template, values, labels) {
  return template.replace(PLACEHOLDER, (whole, name) => {
    if (!(name in labels)) return whole;
    const value = String(values[name] || "").trim();
    return value || `[${labels[name]}]`;
  });
}

/** Curly apostrophes and no-break spaces, as phones type them, count as plain ones. */
export function normalise(text) {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\u00a0/g, " ");
}

/** Every rule the text trips, in rule order, once each: [{id, match, why, suggest}]. */
export function toneCheck(text, rules) {
  const plain = normalise(text);
  const hits = [];
  for (const rule of rules) {
    let found = null;
    try {
      found = new RegExp(rule.pattern, "i").exec(plain);
    } catch (error) {
      console.warn(`reply tone rule ${rule.id} skipped:`, error);
    }
    if (found) hits.push({ id: rule.id, match: found[0], why: rule.why, suggest: rule.suggest, link: rule.link || null });
  }
  return hits;
}

/** Characters as a person counts them (code points, so an emoji is one), as after_the_no/replies/model.py does. */
export function characterCount(text) {
  return [...text].length;
}

/** What the count under a message with a limit says, e.g. "143 of 200 characters". */
export function countText(count, limit) {
  const over = count - limit.characters;
  if (over <= 0) return t("reply.count", { count, limit: limit.characters });
  return t("reply.count-over", { count, limit: limit.characters, over, where: limit.where });
}

/** A mailto: link that keeps every character; line breaks become CRLF (%0D%0A), as RFC 6068 asks. */
export function mailtoHref(subject, body) {
  const crlf = body.replace(/\r?\n/g, "\r\n");
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

/** The text of the downloaded .txt file. */
export function textFile(subject, body) {
  return subject ? `${t("reply.subject-line", { subject })}\n\n${body}\n` : `${body}\n`; // a spoken reply has no subject
}

function readStore() {
  const values = {};
  try {
    const data = JSON.parse(read(KEYS.replyFields) || "{}");
    for (const [key, value] of Object.entries(data)) if (typeof value === "string") values[key] = value;
  } catch { /* unreadable: start empty */ }
  return values;
}

/** Save changed fields (an empty one is removed); false when storage is blocked or full. */
function writeStore(changes) {
  const values = readStore();
  for (const [key, value] of Object.entries(changes)) {
    if (value.trim()) values[key] = value;
    else delete values[key];
  }
  return write(KEYS.replyFields, Object.keys(values).length ? JSON.stringify(values) : null);
}

/** Template text as nodes, marking each placeholder so the preview shows what was filled in. */
function previewNodes(template, values, labels) {
  const nodes = [];
  let last = 0;
  for (const found of template.matchAll(PLACEHOLDER)) {
    nodes.push(document.createTextNode(template.slice(last, found.index)));
    const value = String(values[found[1]] || "").trim();
    nodes.push(el("span", {
      class: value ? "reply-slot reply-slot--filled" : "reply-slot reply-slot--empty",
      text: fill(found[0], values, labels),
    }));
    last = found.index + found[0].length;
  }
  nodes.push(document.createTextNode(template.slice(last)));
  return nodes;
}

function readToneRules() {
  const script = document.getElementById("tone-rules");
  if (!script) return [];
  try {
    const rules = JSON.parse(script.textContent);
    return Array.isArray(rules) ? rules : [];
  } catch (error) {
    console.warn("reply tone rules could not be read:", error);
    return [];
  }
}

function enhance(root, index, toneRules) {
  const data = JSON.parse(root.querySelector("script.reply-data").textContent);
  const id = (name) => `reply-${index}-${name}`;
  const labels = Object.fromEntries(data.placeholders.map((p) => [p.name, p.label]));
  const stored = readStore();
  const values = Object.fromEntries(data.placeholders.map((p) => [p.name, stored[p.name] || ""]));
  const state = { version: "message", edited: { message: null, short: null } };
  // A spoken reply (a phone script) is said, not sent: no subject line, no email link.
  const spoken = data.spoken === true;

  // --- which version
  const versionSet = el("fieldset", { class: "reply-version" }, el("legend", { text: t("reply.which") }));
  for (const [value, text] of [["message", t("reply.full")], ["short", t("reply.short")]]) {
    const radio = el("input", { type: "radio", name: id("version"), id: id(`version-${value}`), value,
                                checked: value === "message" });
    versionSet.append(el("div", { class: "reply-choice" }, radio,
                         el("label", { for: id(`version-${value}`), text })));
  }

  // --- the details
  const fieldSet = el("fieldset", { class: "reply-fields" }, el("legend", { text: t("reply.details") }));
  const inputs = {};
  for (const p of data.placeholders) {
    const input = el("input", { type: "text", id: id(`field-${p.name}`), name: p.name,
                                autocomplete: p.autocomplete || "off", spellcheck: "false",
                                "aria-describedby": p.hint ? id(`hint-${p.name}`) : null });
    input.value = values[p.name];
    inputs[p.name] = input;
    fieldSet.append(el("div", { class: "reply-field" },
      el("label", { for: input.id, text: p.label }),
      p.hint ? el("p", { class: "reply-hint", id: id(`hint-${p.name}`), text: p.hint }) : "",
      input));
  }
  const storageNote = el("p", { class: "reply-storage-note", role: "status" });
  const forgetButton = el("button", { type: "button", class: "reply-button reply-button--quiet",
                                      text: t("reply.forget") });
  fieldSet.append(el("div", { class: "reply-storage" }, storageNote, forgetButton));

  // --- the preview
  const previewHeading = el("h3", { id: id("preview-heading"), class: "reply-preview-heading", text: t("reply.preview") });
  const previewSubject = el("span", { class: "reply-preview-subject-text" });
  const previewBody = el("div", { class: "reply-preview-body" });
  const missing = el("p", { class: "reply-missing", id: id("missing") });
  const preview = el("div", { class: "reply-preview", role: "group", "aria-labelledby": previewHeading.id },
    spoken ? "" : el("p", { class: "reply-preview-subject" },
       el("span", { class: "reply-subject-label", text: t("reply.subject-label") }), " ", previewSubject),
    previewBody);

  // --- your own wording
  const subjectBox = el("input", { type: "text", id: id("subject"), class: "reply-subject-box", spellcheck: "true" });
  const bodyBox = el("textarea", { id: id("body"), class: "reply-body-box", rows: "10", spellcheck: "true" });
  const editedNote = el("p", { class: "reply-edited-note", hidden: true, text: t("reply.edited") });
  const resetButton = el("button", { type: "button", class: "reply-button reply-button--quiet", hidden: true,
                                     text: t("reply.reset") });
  const editor = el("details", { class: "reply-edit" },
    el("summary", { text: t("reply.change") }),
    el("p", { class: "reply-hint", text: t("reply.change-hint") }),
    spoken ? "" : el("div", { class: "reply-field" }, el("label", { for: subjectBox.id, text: t("reply.subject") }), subjectBox),
    el("div", { class: "reply-field" }, el("label", { for: bodyBox.id, text: t(spoken ? "reply.say" : "reply.message") }),
       bodyBox),
    editedNote, resetButton);

  // --- tone, actions, status
  const tone = el("div", { class: "reply-tone", role: "status" });
  const copyButton = el("button", { type: "button", class: "reply-button reply-button--primary", text: t("reply.copy") });
  const copySubjectButton = el("button", { type: "button", class: "reply-button", text: t("reply.copy-subject") });
  const mailLink = el("a", { class: "reply-button", href: "mailto:", text: t("reply.open-email") });
  const downloadButton = el("button", { type: "button", class: "reply-button", text: t("reply.download") });
  const status = el("p", { class: "reply-status", role: "status" });
  const actions = spoken ? el("div", { class: "reply-actions" }, copyButton, downloadButton)
    : el("div", { class: "reply-actions" }, copyButton, copySubjectButton, mailLink, downloadButton);
  const mailNote = el("p", { class: "reply-mail-note", text: t("reply.mail-note") });
  // The count is not a live region (it would speak on every key); crossing the limit is announced once.
  const count = el("p", { class: "reply-count", id: id("count"), hidden: true });

  const ui = el("div", { class: "reply-ui" }, versionSet, fieldSet, previewHeading, missing, preview, count,
                editor, tone, actions, spoken ? "" : mailNote, status);

  // --- behaviour
  const template = () => data[state.version];
  const current = () => state.edited[state.version] || {
    subject: fill(template().subject, values, labels),
    body: fill(template().body, values, labels),
  };

  let lastTone = "";
  let wasOver = null; // null: nothing to announce on the first render or after switching version
  function renderCount(body) {
    const limit = template().limit;
    count.hidden = !limit;
    if (!limit) {
      wasOver = null;
      bodyBox.removeAttribute("aria-describedby");
      return;
    }
    bodyBox.setAttribute("aria-describedby", count.id);
    const chars = characterCount(body);
    const over = chars > limit.characters;
    count.textContent = countText(chars, limit);
    count.classList.toggle("reply-count--over", over);
    if (wasOver !== null && over !== wasOver) {
      say(over ? t("reply.now-over", { limit: limit.characters, where: limit.where })
               : t("reply.fits", { limit: limit.characters }));
    }
    wasOver = over;
  }

  function render() {
    const edited = state.edited[state.version];
    const message = current();
    if (edited) {
      previewSubject.textContent = message.subject;
      previewBody.textContent = message.body;
    } else {
      previewSubject.replaceChildren(...previewNodes(template().subject, values, labels));
      previewBody.replaceChildren(...previewNodes(template().body, values, labels));
      subjectBox.value = message.subject;
      bodyBox.value = message.body;
    }
    editedNote.hidden = resetButton.hidden = !edited;
    const toFill = data.placeholders.filter((p) => `${message.subject}\n${message.body}`.includes(`[${p.label}]`));
    missing.textContent = toFill.length ? t("reply.to-fill", { labels: toFill.map((p) => p.label).join(", ") }) : "";
    missing.hidden = !toFill.length;
    mailLink.href = mailtoHref(message.subject, message.body);
    renderCount(message.body);
    renderTone(toneCheck(`${message.subject}\n${message.body}`, toneRules));
  }

  function renderTone(hits) {
    const key = hits.map((h) => `${h.id}:${h.match}`).join("|");
    if (key === lastTone) return; // unchanged: do not make screen readers repeat it
    lastTone = key;
    if (!hits.length) {
      tone.replaceChildren();
      return;
    }
    const list = el("ul");
    for (const hit of hits) {
      const item = el("li", { "data-rule": hit.id },
        el("strong", { text: `“${hit.match}”` }), `: ${hit.why} `,
        el("span", { class: "reply-tone-suggest", text: t("reply.tone-try", { suggest: hit.suggest }) }));
      if (hit.link) item.append(" ", el("a", { class: "reply-tone-link", href: hit.link.href, text: hit.link.text }));
      list.append(item);
    }
    tone.replaceChildren(
      el("p", { class: "reply-tone-intro", text: t("reply.tone-intro") }),
      list);
  }

  const say = (text) => announce(status, text);

  for (const p of data.placeholders) {
    inputs[p.name].addEventListener("input", () => {
      values[p.name] = inputs[p.name].value;
      panel.typed(writeStore({ [p.name]: inputs[p.name].value }));
      render();
    });
  }
  versionSet.addEventListener("change", (event) => {
    state.version = event.target.value === "short" ? "short" : "message";
    wasOver = null;
    render();
  });
  const onEdit = () => {
    state.edited[state.version] = { subject: subjectBox.value, body: bodyBox.value };
    render();
  };
  subjectBox.addEventListener("input", onEdit);
  bodyBox.addEventListener("input", onEdit);
  resetButton.addEventListener("click", () => {
    state.edited[state.version] = null;
    render();
    bodyBox.focus();
    say(t("reply.reset-done"));
  });
  forgetButton.addEventListener("click", () => {
    for (const p of data.placeholders) {
      values[p.name] = "";
      inputs[p.name].value = "";
    }
    render();
    say(t(!write(KEYS.replyFields, null) ? "reply.cleared.page" : saving() === "yes" ? "reply.cleared.device" : "reply.cleared.tab"));
  });

  // refused: what to say when the browser would not copy (the box is selected instead).
  async function copy(text, box, refused, done) {
    say(await copyOrSelect(text, box, () => { editor.open = true; }) ? done : refused);
  }
  copyButton.addEventListener("click", () => copy(current().body, bodyBox, t("reply.copy-refused.message"),
    t(spoken ? "reply.copied-spoken" : "reply.copied")));
  copySubjectButton.addEventListener("click", () => copy(current().subject, subjectBox, t("reply.copy-refused.subject"),
    t("reply.subject-copied")));
  mailLink.addEventListener("click", () => say(t("reply.opening")));
  downloadButton.addEventListener("click", () => {
    const message = current();
    download(`${data.slug}.txt`, "text/plain;charset=utf-8", textFile(message.subject, message.body));
    say(t("reply.downloaded", { name: `${data.slug}.txt` }));
  });

  const panel = saveChoice(storageNote, t("reply.not-saving"));
  render();
  // Only now, with everything built, swap the plain text for the personaliser.
  root.querySelector(".reply-static").hidden = true;
  root.append(ui);
  root.classList.add("reply--enhanced");
}

const toneRules = readToneRules();
createAll("reply", (root, index) => enhance(root, index, toneRules), (root) => {
  // This one stays as plain text, which still works; the others carry on.
  root.querySelector(".reply-ui")?.remove();
  const fallback = root.querySelector(".reply-static");
  if (fallback) fallback.hidden = false;
});
