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
