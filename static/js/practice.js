// Calibration practice: the person's rating keys rate the answer shown, and the browser can read
// the candidate's answer aloud (speech synthesis, on this machine: nothing is sent anywhere).
// Without JavaScript the rating buttons are plain form buttons and the read-aloud button is hidden.
(() => {
  const typing = (element) =>
    element instanceof HTMLElement &&
    (element.isContentEditable || element.matches("textarea, select, input"));

  document.addEventListener("keydown", (event) => {
    const practice = document.getElementById("practice");
    if (!practice || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    let map = null;
    try {
      map = JSON.parse(practice.dataset.keys || "null");
    } catch {
      return;
    }
    if (!map || !map.enabled) return;
    const action = Object.keys(map.keys).find((name) => map.keys[name] === event.key);
    const value = { "rate-strong": "strong", "rate-average": "average", "rate-weak": "weak" }[action];
    const button = value && practice.querySelector(`button[name="rating"][value="${value}"]`);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  const stop = (button) => {
    window.speechSynthesis.cancel();
    if (button) {
      button.setAttribute("aria-pressed", "false");
      button.textContent = "Read it aloud";
    }
  };

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-read-aloud]");
    if (!button) return;
    if (!("speechSynthesis" in window)) {
      button.textContent = "This browser cannot read aloud";
      button.disabled = true;
      return;
    }
    if (button.getAttribute("aria-pressed") === "true") return stop(button);
    const text = document.querySelector(button.dataset.readAloud)?.textContent || "";
    const utterance = new SpeechSynthesisUtterance(text.trim());
    utterance.addEventListener("end", () => stop(button));
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Stop reading";
  });

  // Leaving the page (a boosted navigation too) stops the reading.
  document.addEventListener("htmx:beforeRequest", () => {
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
  });
})();
