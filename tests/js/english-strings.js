// The modules read every message from the page (enhance.js t()); under Node there is no page, so
// this installs the English catalogue, read from locales/interface.pot (msgctxt -> msgid), the
// same strings the build gives English pages. Import it before the module under test.
import { readFileSync } from "node:fs";
import { setStrings } from "../../docs/assets/enhance.js";
import { useStrings } from "../../docs/assets/answers.js";
import { t } from "../../docs/assets/enhance.js";

/** {msgctxt: msgid} of a .pot/.po file's text: enough of the gettext format for our catalogue
    (quoted strings, continuation lines, \" \\ \n escapes). */
export function readPot(text) {
  const out = {};
  let entry = {}, field = null;
  const unquote = (s) => JSON.parse(s);   // a PO string is a JSON string for our escapes
  const finish = () => { if (entry.msgctxt && entry.msgid) out[entry.msgctxt] = entry.msgid; entry = {}; };
  for (const line of text.split("\n")) {
    const m = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    if (m) {
      if (m[1] === "msgctxt" || (m[1] === "msgid" && entry.msgstr !== undefined)) finish();
      field = m[1];
      entry[field] = unquote(m[2]);
    } else if (/^".*"$/.test(line) && field) {
      entry[field] += unquote(line);
    } else if (!line.trim()) {
      finish();
      field = null;
    }
  }
  finish();
  return out;
}

export const ENGLISH = readPot(readFileSync(new URL("../../locales/interface.pot", import.meta.url), "utf-8"));
setStrings(ENGLISH);
useStrings(t);
