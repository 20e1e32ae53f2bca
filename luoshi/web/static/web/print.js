// The public page's 打印 button (no inline script, so a strict CSP can be used).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-action=print]");
  if (button) { window.print(); }
});
