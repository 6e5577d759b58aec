// Adds a "Copy link" button to each address in the adviser link kit. Without JavaScript the
// addresses are plain, selectable text. Runs as a module on the web, and as a classic script in
// the offline bundle, so it imports and exports nothing.

const COPIED_FOR_MS = 2500;

function copyText(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text);
  }
  return Promise.reject(new Error("no clipboard"));
}

function enhance(kit) {
  for (const link of kit.querySelectorAll("a.link-kit__url")) {
    const url = link.textContent.trim();
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-kit__copy md-button";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", `Copy link ${url}`);
    const status = document.createElement("span");
    status.className = "link-kit__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", () => {
      copyText(url).then(
        () => { status.textContent = "Copied"; },
        () => {
          // The clipboard was refused: select the address so Ctrl+C / Cmd+C copies it.
          const range = document.createRange();
          range.selectNodeContents(link);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy";
        },
      );
      setTimeout(() => { status.textContent = ""; }, COPIED_FOR_MS);
    });
    link.after(" ", button, status);
  }
}

for (const kit of document.querySelectorAll(".link-kit")) {
  try {
    enhance(kit);
  } catch (error) {
    console.warn("link kit:", error);
  }
}
