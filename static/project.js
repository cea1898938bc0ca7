// The project page, progressively enhanced: every action is a plain form that works
// without this file. This adds drag-and-drop upload with per-file progress and outcome
// (through the REST API, one request a file), and the live progress view.
(function () {
  "use strict";

  var POLL_MS = 1500;
  var STATE_TEXT = {
    pending: "Waiting", running: "Running", completed: "Done",
    waiting: "Waiting for review", skipped: "Skipped", failed: "Failed"
  };

  // Page state ---------------------------------------------------------------------

  // Replace the sections with these ids by their fresh copy from the server.
  function refreshSections(ids) {
    return fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ids.forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          if (now && next) now.replaceWith(next);
        });
      });
  }

  document.addEventListener("submit", function (event) {
    var button = event.submitter || event.target.querySelector("[data-confirm]");
    var question = button && button.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // Upload -------------------------------------------------------------------------

  var form = document.getElementById("upload-form");
  if (form && window.FormData && window.XMLHttpRequest) enhanceUpload(form);

  function enhanceUpload(form) {
    var input = document.getElementById("file-input");
    var list = document.getElementById("upload-list");
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var queue = [];
    var busy = false;
    form.classList.add("enhanced");

    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (event) {
        event.preventDefault();
        form.classList.add("is-over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () { form.classList.remove("is-over"); });
    });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      add(event.dataTransfer.files);
    });
    input.addEventListener("change", function () {
      add(input.files);
      input.value = "";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      add(input.files);
    });

    function add(files) {
      list.setAttribute("data-idle", "false");
      Array.prototype.forEach.call(files || [], function (file) {
        queue.push({ file: file, row: row(file) });
      });
      next();
    }

    function row(file) {
      var item = document.createElement("li");
      item.className = "upload-item is-waiting";
      item.setAttribute("data-name", file.name);
      var name = document.createElement("span");
      name.className = "file-name";
      name.textContent = file.name;
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", "Upload of " + file.name);
      var outcome = document.createElement("span");
      outcome.className = "upload-outcome muted";
      outcome.textContent = "Waiting…";
      item.append(name, bar, outcome);
      list.appendChild(item);
      return item;
    }

    // One file at a time: each gets its own progress and its own answer.
    function next() {
      if (busy) return;
      var job = queue.shift();
      if (!job) {
        // A stored file is now a row of the table: list it once, there. A refused one
        // stays here with its reason, as the table never holds it.
        refreshSections(["file-list", "actions"]).then(function () {
          list.querySelectorAll(".upload-item.is-stored").forEach(function (item) {
            item.remove();
          });
          list.setAttribute("data-idle", "true");
        });
        return;
      }
      busy = true;
      send(job, function () {
        busy = false;
        next();
      });
    }

    function send(job, done) {
      var bar = job.row.querySelector("progress");
      var outcome = job.row.querySelector(".upload-outcome");
      var request = new XMLHttpRequest();
      var data = new FormData();
      data.append("file", job.file);
      outcome.textContent = "Uploading…";
      request.open("POST", form.getAttribute("data-api-url"));
      request.setRequestHeader("X-CSRFToken", csrf);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      request.addEventListener("load", function () {
        finish(job.row, request.status, parse(request.responseText));
        done();
      });
      request.addEventListener("error", function () {
        refused(job.row, "The connection failed before the file arrived. Try again.");
        done();
      });
      request.send(data);
    }

    function finish(item, status, body) {
      if (status === 201) {
        item.className = "upload-item is-stored";
        item.querySelector("progress").value = 100;
        var outcome = item.querySelector(".upload-outcome");
        outcome.className = "upload-outcome ok";
        outcome.textContent = "Stored";
        return;
      }
      var rejected = body && body.rejected && body.rejected[0];
      var reason = (rejected && rejected.error) || (body && body.detail) ||
        "The server refused the file (HTTP " + status + ").";
      refused(item, reason);
    }

    function refused(item, reason) {
      item.className = "upload-item is-refused";
      var outcome = item.querySelector(".upload-outcome");
      outcome.className = "upload-outcome bad";
      outcome.textContent = "Refused: " + reason;
    }
  }

  function parse(text) {
    try { return JSON.parse(text); } catch (error) { return null; }
  }

  // Progress -----------------------------------------------------------------------

  var panel = document.getElementById("progress");
  if (panel && panel.getAttribute("data-processing") === "true") watch(panel);

  function watch(panel) {
    var url = panel.getAttribute("data-url");
    var failures = 0;
    var lastStates = "";

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (doc) {
          failures = 0;
          show(panel, doc);
          // A step that starts or ends changes what the files are going through.
          var states = Object.keys(doc.steps || {}).map(function (step) {
            return doc.steps[step].status;
          }).join(",");
          if (lastStates && states !== lastStates) refreshSections(["file-list"]);
          lastStates = states;
          if (doc.is_processing) {
            window.setTimeout(poll, POLL_MS);
          } else {
            say("Finished. Updating the page…");
            window.location.reload();
          }
        })
        .catch(function () {
          failures += 1;
          say("Connection lost; trying again…");
          if (failures < 20) window.setTimeout(poll, Math.min(POLL_MS * failures, 10000));
        });
    }
    poll();
  }

  function say(text) {
    var live = document.getElementById("progress-live");
    if (live) live.textContent = text;
  }

  function show(panel, doc) {
    var percent = doc.pipeline_progress || 0;
    document.getElementById("progress-bar").style.width = percent + "%";
    document.getElementById("progress-percent").textContent = percent;
    panel.querySelector("[role=progressbar]").setAttribute("aria-valuenow", percent);
    document.getElementById("progress-eta").textContent =
      doc.is_processing ? timeLeft(doc.estimated_remaining_seconds) : "";
    say(doc.is_processing ? "Processing…" : "");
    var badge = document.getElementById("status-badge");
    if (badge && doc.status_label) badge.textContent = doc.status_label;
    Object.keys(doc.steps || {}).forEach(function (step) {
      var item = panel.querySelector('[data-step="' + step + '"]');
      if (!item) return;
      var record = doc.steps[step];
      item.className = "step state-" + record.status;
      item.querySelector(".step-state").textContent = STATE_TEXT[record.status] || record.status;
      item.querySelector(".step-duration").textContent = duration(record.duration_ms);
    });
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return "";
    var seconds = ms / 1000;
    if (seconds < 60) return seconds.toFixed(1) + " s";
    var minutes = Math.floor(Math.round(seconds) / 60);
    var rest = Math.round(seconds) % 60;
    return rest ? minutes + " min " + rest + " s" : minutes + " min";
  }

  function timeLeft(seconds) {
    if (seconds === null || seconds === undefined) return "";
    if (seconds <= 0) return "almost done";
    if (seconds < 60) return "about " + seconds + " s left";
    return "about " + Math.round(seconds / 60) + " min left";
  }
})();
