// The admin's long lists (glossary terms, kit questions): a search box above each narrows the
// list as you type. A plain select with a label stays accessible, unlike the admin's autocomplete.
(() => {
  const narrow = (box) => {
    const list = document.getElementById(box.dataset.filterFor);
    if (!list) return;
    const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const option of list.options) {
      const match = words.every((word) => option.text.toLowerCase().includes(word));
      option.hidden = !match && !option.selected;
      if (!option.hidden) shown += 1;
    }
    const count = document.getElementById(`${box.id}-count`);
    if (count) count.textContent = words.length ? `${shown} shown` : "";
  };
  document.addEventListener("input", (event) => {
    if (event.target.matches("input[data-filter-for]")) narrow(event.target);
  });
})();
