// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
// Loaded (deferred) before Alpine's CSP build, so components registered on "alpine:init" exist
// when Alpine starts.

// Close an open <details data-menu> when the user clicks elsewhere or presses Escape.
document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll("details[data-menu][open]")) {
    if (!menu.contains(event.target)) menu.removeAttribute("open");
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll("details[data-menu][open]")) {
    menu.removeAttribute("open");
    menu.querySelector("summary")?.focus();
  }
});

// htmx leaves 4xx/5xx responses unswapped. A boosted link or form stands in for a normal page
// load, so show its error page (403, 404, 500) the way the browser would have.
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.boosted && event.detail.xhr.status >= 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// A glossary term's meaning, shown while the pointer is over it or it has keyboard focus;
// Escape hides it (WCAG 1.4.13). Without JavaScript the term is simply a link to its page.
document.addEventListener("alpine:init", () => {
  window.Alpine.data("termTip", () => ({
    open: false,
    show() {
      this.open = true;
    },
    hide() {
      this.open = false;
    },
  }));
});
