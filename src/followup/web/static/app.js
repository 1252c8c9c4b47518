// Small progressive enhancements; every page works without them.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  navigator.clipboard.writeText(source.value).then(() => {
    button.textContent = "Copied";
    setTimeout(() => (button.textContent = "Copy"), 1500);
  });
});
// The live check sends back a mailto: link for the letter as it now reads.
document.addEventListener("htmx:afterSwap", () => {
  const live = document.getElementById("mailto-live");
  const link = document.getElementById("mailto");
  if (live && link) link.href = live.getAttribute("href");
});
// Import: a file dropped on the drop zone is the file chosen.
(() => {
  const zone = document.getElementById("drop");
  const input = document.getElementById("file");
  if (!zone || !input) return;
  const shown = document.getElementById("file-name");
  const show = () => { if (shown) shown.textContent = input.files.length ? input.files[0].name : ""; };
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
})();
// Capture: choosing a known person fills in their title, email (and the company of a new
// opportunity) where nothing was typed yet.
document.addEventListener("input", (event) => {
  const input = event.target;
  if (!input.matches || !input.matches("input[data-person]")) return;
  const list = document.getElementById(input.getAttribute("list"));
  if (!list) return;
  const chosen = Array.from(list.options).find((o) => o.value === input.value);
  if (!chosen) return;
  const i = input.dataset.person;
  const fill = (id, value) => {
    const field = document.getElementById(id);
    if (field && value && !field.value) field.value = value;
  };
  fill(`people-${i}-title`, chosen.dataset.title);
  fill(`people-${i}-email`, chosen.dataset.email);
  const opportunity = document.getElementById("opportunity");
  if (!opportunity || !opportunity.value) fill("company", chosen.dataset.company);
});
