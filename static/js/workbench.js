// The interview workbench: the clock, keyboard shortcuts, and never losing what was typed.
// Loaded on every page (boosted navigation does not run new <head> scripts); everything here
// does nothing unless the page has #workbench. Without JavaScript the workbench still works as
// plain forms; this makes it faster, never possible.

(() => {
  const RATING_KEYS = { 1: "strong", s: "strong", 2: "average", a: "average", 3: "weak", w: "weak", 0: "skipped" };
  const RETRY_MAX_MS = 30000;
  const retries = new Map(); // element whose save failed -> { attempt, timer }
  const $ = (selector, root = document) => root.querySelector(selector);

  const formatSeconds = (total) => {
    const s = Math.max(0, Math.floor(total));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = String(s % 60).padStart(2, "0");
    return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
  };

  // --- The clock: the server keeps the time; the browser only counts on from it. -------------
  document.addEventListener("alpine:init", () => {
    window.Alpine.data("timer", () => ({
      display: "",
      init() {
        const data = this.$el.dataset;
        this.base = Number(data.elapsed) || 0;
        this.budget = (Number(data.budget) || 0) * 60;
        this.running = data.running === "true";
        this.loadedAt = Date.now();
        this.render();
        if (this.running) this.ticker = setInterval(() => this.render(), 1000);
      },
      destroy() {
        clearInterval(this.ticker);
      },
      render() {
        const seconds = this.base + (this.running ? (Date.now() - this.loadedAt) / 1000 : 0);
        this.display = formatSeconds(seconds);
        this.$el.dataset.overBudget = String(this.budget > 0 && seconds > this.budget);
      },
    }));
  });

  // --- Keyboard shortcuts ---------------------------------------------------------------------
  const isTyping = (element) =>
    element instanceof HTMLElement &&
    (element.isContentEditable ||
      element.matches("textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])"));

  const toggleShortcuts = () => {
    const sheet = $("#shortcuts");
    const button = $("[data-shortcuts-toggle]");
    if (!sheet) return;
    sheet.hidden = !sheet.hidden;
    button?.setAttribute("aria-expanded", String(!sheet.hidden));
  };

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-shortcuts-toggle]")) toggleShortcuts();
  });

  document.addEventListener("keydown", (event) => {
    if (!$("#workbench") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) {
      if (event.key === "Escape" && event.target.id === "notes") {
        event.target.blur();
        $("#question-heading")?.focus();
      }
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = true;
    if (RATING_KEYS[key]) {
      $(`#panel button[name="rating"][value="${RATING_KEYS[key]}"]`)?.click();
    } else if (key === "n" || key === "ArrowRight") {
      $('#panel [data-nav="next"]')?.click();
    } else if (key === "p" || key === "ArrowLeft") {
      $('#panel [data-nav="previous"]')?.click();
    } else if (key === "?") {
      toggleShortcuts();
    } else if (key === "/") {
      $("#notes")?.focus();
    } else if (key === "f") {
      const flags = $("#flags");
      if (flags) {
        flags.open = true;
        $("input[type=checkbox]", flags)?.focus();
      }
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
  });

  // After the question panel is replaced, move focus to the new question (read aloud next).
  let focusPanel = false;
  document.addEventListener("htmx:beforeRequest", (event) => {
    const target = event.detail.target;
    const element = event.detail.elt;
    if (element.id === "notes") {
      // While a conflict is on screen, resending the same text (on blur, say) would only repeat
      // it, and its answer would replace the buttons the interviewer is about to press.
      if ($("[data-conflict]") && element.value === element.dataset.conflicted) {
        event.preventDefault();
        return;
      }
      // Leaving the box ("change") right after an autosave would send the same text again.
      if (element.value === element.dataset.saved && !retries.has(element)) {
        event.preventDefault();
        return;
      }
      element.dataset.sending = element.value;
    }
    if (target && target.id === "panel") focusPanel = true;
  });
  document.addEventListener("htmx:afterSettle", () => {
    if (!focusPanel || !$("#panel")) return;
    focusPanel = false;
    // The control that was pressed went away with the old panel, leaving focus on <body>. If the
    // interviewer already moved on (pressed "/" and is typing a note), leave their focus alone.
    const active = document.activeElement;
    if (!active || active === document.body) $("#question-heading")?.focus();
  });

  // --- Notes: kept on this device until the server has them --------------------------------
  const draftKey = () => $("#panel")?.dataset.draftKey;

  const setSaveState = (state, text) => {
    const status = $("#notes-status");
    if (!status || $("[data-conflict]", status)) return;
    let line = $("[data-save-state]", status);
    if (!line) {
      line = document.createElement("p");
      status.append(line);
    }
    line.dataset.saveState = state;
    line.textContent = text;
  };

  document.addEventListener("input", (event) => {
    if (event.target.id !== "notes" || !draftKey()) return;
    try {
      localStorage.setItem(draftKey(), JSON.stringify({ text: event.target.value, at: Date.now() }));
    } catch {
      // Storage full or disabled: the note still saves to the server as usual.
    }
    setSaveState("saving", "Saving…");
  });

  const restoreDraft = () => {
    const notes = $("#notes");
    const key = draftKey();
    if (!notes || !key) return;
    let draft = null;
    try {
      draft = JSON.parse(localStorage.getItem(key) || "null");
    } catch {
      draft = null;
    }
    if (!draft) return;
    if (draft.text === notes.value) {
      localStorage.removeItem(key);
      return;
    }
    notes.value = draft.text;
    setSaveState("saving", "Sending notes you typed while the connection was down…");
    window.htmx.trigger(notes, "retry");
  };

  // --- Failed saves: say so, keep the value, try again until it works ------------------------

  const resend = (element) => {
    const entry = retries.get(element);
    if (entry) clearTimeout(entry.timer);
    if (!document.body.contains(element)) {
      retries.delete(element);
      return;
    }
    const eventName = element.id === "notes" ? "retry" : element.matches("fieldset, input[type=checkbox]") ? "change" : "click";
    window.htmx.trigger(element, eventName);
  };

  const scheduleRetry = (element) => {
    const attempt = (retries.get(element)?.attempt || 0) + 1;
    const delay = Math.min(RETRY_MAX_MS, 1000 * 2 ** (attempt - 1));
    clearTimeout(retries.get(element)?.timer);
    retries.set(element, { attempt, timer: setTimeout(() => resend(element), delay) });
    const seconds = Math.round(delay / 1000);
    if (element.id === "notes") {
      setSaveState("failed", `Not saved: no connection. Kept on this device; trying again in ${seconds} s.`);
    } else {
      showProblem(`A change was not saved: no connection. Trying again in ${seconds} s.`);
    }
  };

  const showProblem = (text) => {
    let alert = $("#save-problem");
    if (!alert && $("#workbench")) {
      alert = document.createElement("p");
      alert.id = "save-problem";
      alert.className = "alert alert-error";
      alert.setAttribute("role", "alert");
      $("#workbench").prepend(alert);
    }
    if (alert) {
      alert.textContent = text;
      alert.hidden = !text;
    }
  };

  document.addEventListener("htmx:afterRequest", (event) => {
    const element = event.detail.elt;
    if (!$("#workbench") || !(element instanceof HTMLElement)) return;
    const status = event.detail.xhr ? event.detail.xhr.status : 0;
    const unreachable = status === 0 || status >= 500;
    if (event.detail.successful) {
      clearTimeout(retries.get(element)?.timer);
      retries.delete(element);
      if (!retries.size) showProblem("");
      if (element.id === "notes") {
        element.dataset.saved = element.dataset.sending;
        // Forget the local copy only if nothing was typed since this save was sent.
        if (draftKey() && element.value === element.dataset.sending) localStorage.removeItem(draftKey());
      }
    } else if (unreachable && element.closest("#workbench")) {
      scheduleRetry(element);
    }
  });

  window.addEventListener("online", () => {
    for (const element of [...retries.keys()]) resend(element);
  });

  // htmx leaves 409 (notes changed elsewhere) and 422 (bad input) unswapped; show them.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    if ((status === 409 || status === 422) && event.detail.target?.id === "notes-status") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      const notes = $("#notes");
      if (status === 409 && notes) notes.dataset.conflicted = notes.dataset.sending || notes.value;
    }
  });

  // "Use the newer notes": take the other tab's text and version; nothing of mine is sent.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-use-theirs]");
    if (!button) return;
    event.preventDefault();
    const theirs = $("[data-theirs]");
    const notes = $("#notes");
    const version = $('#notes-status input[name="notes_version"]');
    if (!theirs || !notes || !version) return;
    notes.value = theirs.textContent;
    version.value = theirs.dataset.version;
    if (draftKey()) localStorage.removeItem(draftKey());
    $("[data-conflict]")?.remove();
    setSaveState("saved", "Using the newer notes.");
    notes.focus();
  });

  if (window.htmx) {
    window.htmx.onLoad(() => restoreDraft());
  } else {
    document.addEventListener("DOMContentLoaded", restoreDraft);
  }
})();
