// The entry form (rounds/entry.html): warn before leaving with unsaved changes, and keep what
// is being typed on the server now and then (autosave: no new version, only its author reads
// it back). A static file, not inline script, so a Content-Security-Policy can forbid inline.
(function () {
  "use strict";
  var form = document.querySelector("form.entry-form");
  if (!form) {
    return;
  }
  var status = form.querySelector(".autosave-status");
  var url = form.getAttribute("data-autosave-url");
  var dirty = false; // changed since the page was loaded or the form sent
  var pending = false; // changed since the last autosave
  var timer = null;
  var QUIET_MS = 3000; // autosave after this long without typing …
  var EVERY_MS = 60000; // … and at least this often while typing goes on

  function autosave() {
    timer = null;
    if (!pending || !url || !window.fetch) {
      return;
    }
    pending = false;
    var data = new FormData(form);
    data.delete("action");
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!status) {
            return;
          }
          status.textContent = response.ok
            ? "已自动暂存 " + body.saved_at + "(尚未保存)"
            : "自动暂存失败:" + (body.error || response.status);
        });
      })
      .catch(function () {
        pending = true; // try again with the next change
        if (status) {
          status.textContent = "自动暂存失败,请手动保存。";
        }
      });
  }

  function changed() {
    dirty = true;
    pending = true;
    if (timer !== null) {
      clearTimeout(timer);
    }
    timer = setTimeout(autosave, QUIET_MS);
  }

  // 插入到完成情况: a co-unit's contribution appended to the lead unit's 完成情况, once.
  var done = form.querySelector("textarea[name=done]");
  Array.prototype.forEach.call(document.querySelectorAll("button.insert-contribution"),
    function (button) {
      button.addEventListener("click", function () {
        if (!done) {
          return;
        }
        var piece = "【" + button.getAttribute("data-unit") + "】" +
          button.getAttribute("data-text");
        if (done.value.indexOf(piece) === -1) {
          done.value = done.value ? done.value.replace(/\s+$/, "") + "\n" + piece : piece;
          changed();
        }
        done.focus();
      });
    });

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    dirty = false; // 保存 / 提交 send everything on screen
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  });
  setInterval(function () {
    if (pending) {
      autosave();
    }
  }, EVERY_MS);
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) {
      return undefined;
    }
    event.preventDefault();
    event.returnValue = ""; // the browser shows its own "leave this page?" question
    return "";
  });
})();

// A co-unit's contribution form (rounds/contribution.html, and beside the lead unit's form):
// warn before leaving with what was typed and not saved. No autosave: a contribution is short
// and saved with its own version check.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form.contribution-form"),
    function (form) {
      var dirty = false;
      form.addEventListener("input", function () {
        dirty = true;
      });
      form.addEventListener("submit", function () {
        dirty = false;
      });
      window.addEventListener("beforeunload", function (event) {
        if (!dirty) {
          return undefined;
        }
        event.preventDefault();
        event.returnValue = "";
        return "";
      });
    });
})();
