// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
// Loaded in <head> without defer (it is small), so the "js" class is on <html> before the page
// is drawn: styles that only make sense with JavaScript (the workbench's shortened answer
// patterns, key hints) apply from the first paint.
document.documentElement.classList.add("js");

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

// htmx-config (base.html) swaps 409 and 422, the answers a form shows (a conflict, bad input),
// and leaves other 4xx/5xx unswapped: a partial's target is no place for an error page. A boosted
// link or form stands in for a normal page load, so show its error page (403, 404, 500) the way
// the browser would have. (responseHandling cannot tell boosted requests apart, hence this.)
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.boosted && event.detail.xhr.status >= 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// A glossary term's meaning: every marked term points (aria-describedby) at its term's tooltip,
// one per term on the page. Shown next to the term, inside the screen, while the pointer is on
// the term or the tooltip, or the term has keyboard focus; Escape hides it (WCAG 1.4.13).
// Without JavaScript the term is simply a link to its page.
(() => {
  let shown = null;
  let shownFor = null;
  let leaving = null;
  const termOf = (node) => node instanceof Element && node.closest("a.term[aria-describedby]");
  const hide = () => {
    clearTimeout(leaving);
    if (shown) shown.hidden = true;
    shown = null;
  };
  const show = (term) => {
    const tip = document.getElementById(term.getAttribute("aria-describedby"));
    if (!tip) return;
    clearTimeout(leaving);
    if (shown && shown !== tip) shown.hidden = true;
    tip.hidden = false;
    shown = tip;
    shownFor = term;
    const box = term.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 6;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 6) : below;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const hideSoon = () => {
    clearTimeout(leaving);
    leaving = setTimeout(hide, 150); // time to move the pointer onto the tooltip
  };
  document.addEventListener("mouseover", (event) => {
    const term = termOf(event.target);
    if (term) show(term);
    else if (shown && shown.contains(event.target)) clearTimeout(leaving);
  });
  document.addEventListener("mouseout", (event) => {
    if (termOf(event.target) || (shown && shown.contains(event.target))) hideSoon();
  });
  document.addEventListener("focusin", (event) => {
    const term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("focusout", (event) => {
    if (termOf(event.target)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shown) hide();
  });
  // Scrolling moves the term: follow it, or hide the tooltip once the term is off screen.
  document.addEventListener(
    "scroll",
    () => {
      if (!shown || !shownFor) return;
      const box = shownFor.getBoundingClientRect();
      if (!shownFor.isConnected || box.bottom < 0 || box.top > window.innerHeight) hide();
      else show(shownFor);
    },
    { passive: true, capture: true },
  );
  document.addEventListener("htmx:beforeSwap", hide);
  // A part swapped in by htmx may leave its marks' tooltips to the page (the workbench's
  // question panels, see glossary/templatetags/glossary.py): point each mark at its term's.
  document.addEventListener("htmx:load", (event) => {
    const root = event.detail.elt;
    if (!(root instanceof Element)) return;
    for (const term of root.querySelectorAll("a.term:not([aria-describedby])")) {
      const id = `term-tip-${term.pathname.split("/").filter(Boolean).pop()}`;
      if (document.getElementById(id)) term.setAttribute("aria-describedby", id);
    }
  });
})();

// Alpine.js only where a page uses it (an element with x-data): loaded once, after the page's
// own scripts registered their components on "alpine:init". Pages swapped in later by htmx are
// picked up by Alpine itself; a page that needs it first after a boosted navigation loads it then.
(() => {
  let requested = false;
  const loadAlpine = () => {
    if (requested || window.Alpine || !document.querySelector("[x-data]")) return;
    const source = document.querySelector('meta[name="alpine-src"]')?.content;
    if (!source) return;
    requested = true;
    const script = document.createElement("script");
    script.src = source;
    script.defer = true;
    document.head.append(script);
  };
  document.addEventListener("DOMContentLoaded", loadAlpine);
  document.addEventListener("htmx:afterSettle", loadAlpine);
})();

// Focus after htmx swaps, where the browser would otherwise leave it on <body> (the pressed
// control was replaced): a boosted navigation focuses the new page's first invalid field or its
// <h1>, as a screen reader expects of a new page; a replaced part of a page focuses its heading
// (the decision just recorded, say). Scripts that placed focus themselves are left alone.
document.addEventListener("htmx:afterSettle", (event) => {
  const active = document.activeElement;
  if (active && active !== document.body) return;
  const target = event.detail.target;
  if (!(target instanceof Element)) return;
  // A request that swaps nothing itself (a ticked cue: only a count changes) replaced no control.
  const swap = event.detail.elt instanceof Element && event.detail.elt.closest("[hx-swap]")?.getAttribute("hx-swap");
  if (swap && swap.startsWith("none")) return;
  let place;
  if (target === document.body || event.detail.boosted) {
    place = document.querySelector("#main [aria-invalid='true']") || document.querySelector("#main h1");
  } else {
    const swapped = target.isConnected ? target : target.id && document.getElementById(target.id);
    if (!swapped) return;
    place = swapped.querySelector("h1, h2, h3") || swapped;
  }
  if (!place) return;
  if (!place.matches("a[href], button, input, select, textarea, [tabindex]")) place.tabIndex = -1;
  place.focus({ preventScroll: true });
});
