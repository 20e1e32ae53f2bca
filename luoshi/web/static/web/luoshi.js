// Behaviour every page shares, kept out of the templates so that the Content-Security-Policy
// allows no inline script or style attribute.
(function () {
  "use strict";
  // Bars whose length is data (task page: done and expected share of a target): the template
  // gives the percentage in data-width / data-left, set here through the DOM (allowed by CSP).
  function place() {
    document.querySelectorAll("[data-width]").forEach(function (node) {
      node.style.width = Math.max(0, Math.min(100, parseFloat(node.dataset.width) || 0)) + "%";
    });
    document.querySelectorAll("[data-left]").forEach(function (node) {
      node.style.left = Math.max(0, Math.min(100, parseFloat(node.dataset.left) || 0)) + "%";
    });
  }
  // Filters open on a wide screen and folded on a phone (where they filled the first screen),
  // unless a filter is in use: then they stay open, showing what is applied.
  function fold() {
    if (!window.matchMedia("(max-width: 40rem)").matches) { return; }
    var used = new URLSearchParams(window.location.search);
    used.delete("page");
    if (Array.from(used.values()).some(Boolean)) { return; }
    document.querySelectorAll("details[data-collapse-narrow]").forEach(function (node) {
      node.open = false;
    });
  }
  function start() { place(); fold(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
