// The interview workbench: the clock, keyboard shortcuts, and never losing what was typed.
// Loaded on every page (boosted navigation does not run new <head> scripts); everything here
// does nothing unless the page has #workbench. Without JavaScript the workbench still works as
// plain forms; this makes it faster, never possible.

(() => {
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
  // Also the pace: the panel says when its question is due to start and end if every question
  // takes its usual minutes (data-due-start / data-due-end, seconds) and how many are unrated.
  const paceText = (elapsed, budget, panel) => {
    if (!panel) return "";
    const start = Number(panel.dataset.dueStart) || 0;
    const end = Number(panel.dataset.dueEnd) || 0;
    const left = Number(panel.dataset.left) || 0;
    if (budget && elapsed > budget) {
      const over = Math.ceil((elapsed - budget) / 60);
      return `${left} question${left === 1 ? "" : "s"} left, ${over} min over`;
    }
    if (elapsed > end) return `${Math.ceil((elapsed - end) / 60)} min behind`;
    if (elapsed < start - 60) return `${Math.floor((start - elapsed) / 60)} min ahead`;
    return "on time";
  };

  document.addEventListener("alpine:init", () => {
    window.Alpine.data("timer", () => ({
      display: "",
      pace: "",
      init() {
        const data = this.$el.dataset;
        this.base = Number(data.elapsed) || 0;
        this.budget = (Number(data.budget) || 0) * 60;
        this.running = data.running === "true";
        this.loadedAt = Date.now();
        this.render();
        this.ticker = setInterval(() => this.render(), 1000);
      },
      destroy() {
        clearInterval(this.ticker);
      },
      render() {
        const seconds = this.base + (this.running ? (Date.now() - this.loadedAt) / 1000 : 0);
        this.display = formatSeconds(seconds);
        this.pace = paceText(seconds, this.budget, $("#panel"));
        this.$el.dataset.overBudget = String(this.budget > 0 && seconds > this.budget);
        this.$el.dataset.behind = String(/behind|over/.test(this.pace));
      },
    }));
  });

  // --- Keyboard shortcuts ---------------------------------------------------------------------
  // Each person's keys come from the server (data-keys on #workbench; /preferences/). Digits 1-9
  // tick the current question's cues. With shortcuts off, no key does anything here.
  const isTyping = (element) =>
    element instanceof HTMLElement &&
    (element.isContentEditable ||
      element.matches("textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])"));

  const keymap = () => {
    try {
      return JSON.parse($("#workbench")?.dataset.keys || "null");
    } catch {
      return null;
    }
  };

  // Fragments are rendered with the default keys; show this person's instead.
  const labelKeys = () => {
    const map = keymap();
    if (!map) return;
    for (const hint of document.querySelectorAll("#workbench [data-key-for]")) {
      const key = map.keys[hint.dataset.keyFor];
      if (key) hint.textContent = key;
    }
  };

  const menus = () => [...document.querySelectorAll("#workbench details[data-wb-menu]")];
  const toggleMenu = (menu, focusInside) => {
    if (!menu) return;
    const opening = !menu.open;
    for (const other of menus()) other.open = false;
    menu.open = opening;
    if (opening && focusInside) $(focusInside, menu)?.focus();
    else if (!opening) $("summary", menu)?.focus();
  };

  const ACTIONS = {
    "rate-strong": () => $('#panel button[name="rating"][value="strong"]')?.click(),
    "rate-average": () => $('#panel button[name="rating"][value="average"]')?.click(),
    "rate-weak": () => $('#panel button[name="rating"][value="weak"]')?.click(),
    skip: () => $('#panel button[name="rating"][value="skipped"]')?.click(),
    next: () => $('#panel [data-nav="next"]')?.click(),
    previous: () => $('#panel [data-nav="previous"]')?.click(),
    unrated: () => $("#rail .rating-none")?.closest("a")?.click(),
    notes: () => $("#notes")?.focus(),
    expand: () => {
      const panel = $("#panel");
      if (panel) panel.toggleAttribute("data-expanded");
    },
    flags: () => toggleMenu($("#flags"), "input[type=checkbox]"),
    help: () => toggleMenu($("#shortcuts"), "a"),
    finish: () => $("[data-finish]")?.click(),
  };

  // --- The finish page, by keyboard: focus starts on the recommendation (arrow keys choose);
  // Enter there moves to the summary, and Ctrl+Enter (Cmd+Enter) in the form submits it. ------
  const focusFinish = () => {
    const form = $("[data-finish-form]");
    if (!form || form.contains(document.activeElement)) return;
    const radios = [...form.querySelectorAll('input[name="recommendation"]')];
    (radios.find((radio) => radio.checked) || radios[0])?.focus();
  };
  document.addEventListener("keydown", (event) => {
    const form = event.target instanceof Element && event.target.closest("[data-finish-form]");
    if (!form || event.key !== "Enter") return;
    if ((event.ctrlKey || event.metaKey) && form.requestSubmit) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.target.matches('input[name="recommendation"]')) {
      event.preventDefault();
      event.target.checked = true;
      $("textarea", form)?.focus();
    }
  });

  // A click (or a tap, on a phone) on a shortened answer pattern shows them whole, or short again.
  document.addEventListener("click", (event) => {
    if (event.target.closest("#panel .answers-clamped .answer") && !event.target.closest("a")) {
      ACTIONS.expand();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (!$("#workbench") || event.ctrlKey || event.metaKey || event.altKey) return;
    const map = keymap();
    if (event.key === "Escape") {
      const open = menus().find((menu) => menu.open);
      if (open) {
        toggleMenu(open);
        event.preventDefault();
      } else if (event.target.id === "notes") {
        event.target.blur();
        $("#question-heading")?.focus();
      }
      return;
    }
    if (isTyping(event.target) || !map || !map.enabled) return;
    let action = Object.keys(map.keys).find((name) => map.keys[name] === event.key);
    if (!action && event.key === "ArrowRight") action = "next";
    if (!action && event.key === "ArrowLeft") action = "previous";
    if (action && ACTIONS[action]) {
      ACTIONS[action]();
      event.preventDefault();
      return;
    }
    if (/^[1-9]$/.test(event.key)) {
      const cue = document.querySelectorAll('#panel input[name="cues"]')[Number(event.key) - 1];
      if (cue) {
        cue.click();
        event.preventDefault();
      }
    }
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
    if (target && target.id === "timer") focusClock = true;
  });
  // Marked when the panel's swap begins, not when its request leaves: a key pressed before the
  // previous answer settled would otherwise have its mark taken by that answer's settling.
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.target?.id === "panel" && event.detail.shouldSwap) focusPanel = true;
  });
  // The rating buttons stay on the page from question to question (hx-preserve): show which
  // one the question now on screen has, as the server does in a whole page.
  const showRating = () => {
    const panel = $("#panel");
    const bar = $("#rating-bar");
    if (!panel || !bar) return;
    const rating = panel.dataset.rating || "";
    for (const button of bar.querySelectorAll('button[name="rating"]')) {
      button.setAttribute("aria-pressed", String(button.value === rating));
    }
    const label = $("[data-current-rating]", bar);
    if (label) label.textContent = rating ? `: ${panel.dataset.ratingLabel}` : "";
  };

  let focusClock = false;
  document.addEventListener("htmx:afterSettle", () => {
    labelKeys();
    showRating();
    if (focusClock && $("[data-clock-button]")) {
      // The pressed button was replaced with its opposite (Pause <-> Resume): focus that.
      focusClock = false;
      $("[data-clock-button]").focus();
    }
    if (!focusPanel || !$("#panel")) return;
    focusPanel = false;
    // The rail marks the question on screen.
    const number = $("#panel").dataset.number;
    for (const link of document.querySelectorAll("#rail a[aria-current]")) link.removeAttribute("aria-current");
    $(`#rail-q-${number} a`)?.setAttribute("aria-current", "step");
    // Read the new question from its top: the page may have been scrolled down to the notes.
    if ($("#workbench").getBoundingClientRect().top < 0) $("#workbench").scrollIntoView({ block: "start" });
    // The control that was pressed went away with the old panel, leaving focus on <body>. If the
    // interviewer already moved on (pressed "/" and is typing a note), leave their focus alone.
    // (htmx itself puts focus back on an element with the same id, such as the heading.)
    // (After a boosted page load, app.js put focus on the page's <h1>: that is no choice either.)
    // (Focus on a heading was put there by a script, not chosen: the answer form's stay on the page.)
    const active = document.activeElement;
    const resting = !active || !active.matches("a[href], button, input, select, textarea, summary");
    if (resting) {
      // Every question rated: offer to finish (Enter follows the focused link).
      ($("[data-finish-offer]") || $("#question-heading"))?.focus({ preventScroll: true });
    }
  });

  // --- Notes: kept on this device until the server has them --------------------------------
  // One draft per workbench (the interviewer's or a co-rater's), interview and question.
  const draftKey = () => {
    const workbench = $("#workbench");
    const panel = $("#panel");
    if (!workbench || !panel) return undefined;
    return `${workbench.dataset.draftScope}:${workbench.dataset.interview}:${panel.dataset.number}`;
  };

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
    // A watchdog: if no save has started or ended a moment after typing stops (htmx's delayed
    // trigger can be lost when the connection drops mid-typing), send the notes now.
    clearTimeout(notesWatchdog);
    notesWatchdog = setTimeout(() => {
      const notes = $("#notes");
      if (!notes || notes.value === notes.dataset.saved || retries.has(notes)) return;
      if (!notes.classList.contains("htmx-request")) window.htmx.trigger(notes, "retry");
    }, 2500);
  });
  let notesWatchdog;

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

  // 409: the notes changed elsewhere (htmx-config swaps 409 and 422 like 200). Remember what
  // was typed, so the conflict's "Keep mine" sends it.
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.xhr.status === 409 && event.detail.target?.id === "notes-status") {
      const notes = $("#notes");
      if (notes) notes.dataset.conflicted = notes.dataset.sending || notes.value;
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
    window.htmx.onLoad(() => {
      restoreDraft();
      labelKeys();
      focusFinish();
    });
  } else {
    document.addEventListener("DOMContentLoaded", () => {
      restoreDraft();
      labelKeys();
      focusFinish();
    });
  }
})();
