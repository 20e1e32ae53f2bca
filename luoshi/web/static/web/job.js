// The background job's page (an import being read, previewed or imported): ask the server for
// the job's state every second, show it, and reload the page once the job has finished, so
// that the page then shows the preview, the outcome or the failure. A static file: the
// Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status]");
  if (!box) { return; }
  var state = box.querySelector(".job-state");
  var bar = box.querySelector(".job-progress");
  var elapsed = box.querySelector(".job-elapsed");
  var failures = 0;
  function poll() {
    fetch(box.dataset.jobStatus, {credentials: "same-origin", cache: "no-store",
                                  headers: {"Accept": "application/json"}})
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (job) {
        failures = 0;
        if (job.finished) { window.location.reload(); return; }
        if (state && state.textContent !== job.label) { state.textContent = job.label; }
        if (bar) { bar.value = job.progress; bar.textContent = job.progress + "%"; }
        if (elapsed) { elapsed.textContent = String(job.elapsed); }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        failures += 1;  // a restarting server: keep asking, less often
        window.setTimeout(poll, Math.min(30000, 1000 * Math.pow(2, failures)));
      });
  }
  window.setTimeout(poll, 500);
}());
