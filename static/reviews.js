// The review screen, keyboard-first. Progressive: every action is a plain form that
// works without this file; this moves between rows, presses buttons and runs the one
// shared row picker (a row's number matches exactly; words match its name).
(function () {
  "use strict";

  var screen = document.getElementById("review-screen");
  if (!screen) return;
  var current = null;
  var picker = document.getElementById("row-picker");
  var pickerInput = document.getElementById("row-picker-input");
  var options = picker ? Array.prototype.slice.call(picker.querySelectorAll("li[data-key]")) : [];
  var moveForm = document.getElementById("move-form");
  var moveButton = document.getElementById("move-selected");
  var picking = null; // {forms: [...], statements: [...], labels: [...], submit: fn}

  function pendingRows() {
    return Array.prototype.slice.call(
      document.querySelectorAll('#review-table .review-item[data-status="pending"]')
    );
  }

  function ticked() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-role="tick"]:checked'));
  }

  function select(row) {
    if (!row) return;
    if (current) current.classList.remove("is-current");
    current = row;
    row.classList.add("is-current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(delta) {
    var rows = pendingRows();
    if (!rows.length) return;
    var index = rows.indexOf(current);
    select(rows[index < 0 ? 0 : Math.min(Math.max(index + delta, 0), rows.length - 1)]);
  }

  function submit(form, button) {
    if (!form || !button || button.disabled) return;
    if (form.requestSubmit) form.requestSubmit(button);
    else button.click();
  }

  function approve(row) {
    var form = row && row.querySelector('[data-role="decide-form"]');
    if (form) submit(form, form.querySelector('[data-action="approve"]'));
    var confirmForm = row && row.querySelector('[data-role="confirm-form"]');
    if (confirmForm) submit(confirmForm, confirmForm.querySelector('[data-action="confirm"]'));
  }

  function openMore(row, selector) {
    var more = row && row.querySelector('[data-role="more"]');
    if (!more) return;
    more.open = true;
    var field = more.querySelector(selector);
    if (field) field.focus();
  }

  // The row picker: exact number first, then numbers that start so, then names.
  function matches(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) return options.slice();
    var words = wanted.split(/\s+/);
    var exact = [], starting = [], named = [];
    options.forEach(function (option) {
      var number = option.dataset.number.toLowerCase();
      var name = option.textContent.toLowerCase();
      if (number === wanted || option.dataset.key === wanted) exact.push(option);
      else if (number.indexOf(wanted) === 0) starting.push(option);
      else if (words.every(function (word) { return name.indexOf(word) >= 0; })) named.push(option);
    });
    return exact.concat(starting, named);
  }

  function showMatches() {
    var found = matches(pickerInput.value);
    options.forEach(function (option) {
      option.hidden = found.indexOf(option) < 0;
      option.classList.remove("is-chosen");
      option.removeAttribute("aria-selected");
    });
    found.forEach(function (option) { option.parentNode.appendChild(option); });
    if (found[0]) mark(found[0]);
  }

  function mark(option) {
    options.forEach(function (other) {
      other.classList.remove("is-chosen");
      other.removeAttribute("aria-selected");
    });
    option.classList.add("is-chosen");
    option.setAttribute("aria-selected", "true");
    option.scrollIntoView({ block: "nearest" });
  }

  function stepChoice(delta) {
    var shown = options.filter(function (option) { return !option.hidden; });
    shown.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    var index = shown.indexOf(picker.querySelector("li.is-chosen"));
    var next = shown[Math.min(Math.max(index + delta, 0), shown.length - 1)];
    if (next) mark(next);
  }

  function openPicker(rows) {
    if (!picker || !rows.length) return;
    picking = rows;
    pickerInput.value = "";
    showMatches();
    picker.showModal();
    pickerInput.focus();
  }

  function closePicker() {
    if (picker && picker.open) picker.close();
    picking = null;
    if (current) current.focus({ preventScroll: true });
  }

  // A row of another statement than an item's own needs the CA's word.
  function confirmed(rows, option) {
    var taken = option.dataset.statements.split(" ");
    var crossing = rows.filter(function (row) {
      return row.dataset.statement && taken.indexOf(row.dataset.statement) < 0;
    });
    if (!crossing.length) return true;
    var label = crossing[0].dataset.label;
    var what = crossing.length === 1 ? "“" + label + "”" : crossing.length + " items";
    return window.confirm(
      what + " is printed in another statement than " + option.dataset.formTitle +
      ". Move " + (crossing.length === 1 ? "it" : "them") + " to " +
      option.textContent.trim() + " anyway?"
    );
  }

  function choose(option) {
    var rows = picking;
    if (!rows || !option) return;
    var agreed = confirmed(rows, option);
    picker.close();
    if (!agreed) {
      if (current) current.focus({ preventScroll: true });
      return;
    }
    if (rows.length === 1 && !ticked().length) {
      var form = rows[0].querySelector('[data-role="decide-form"]');
      form.querySelector('[data-role="row-input"]').value = option.dataset.number;
      form.querySelector('[data-role="confirm-box"]').checked = true;
      submit(form, form.querySelector('[data-action="reclassify"]'));
      return;
    }
    moveForm.querySelector('[data-role="move-row"]').value = option.dataset.number;
    moveForm.querySelector('[data-role="confirm-other"]').value = "on";
    moveForm.submit();
  }

  function pickFor() {
    var boxes = ticked();
    if (boxes.length) {
      openPicker(boxes.map(function (box) { return box.closest(".review-item"); }));
    } else if (current && current.querySelector('[data-role="decide-form"]')) {
      openPicker([current]);
    }
  }

  function tick(row) {
    var box = row && row.querySelector('[data-role="tick"]');
    if (!box) return;
    box.checked = !box.checked;
    updateMoveButton();
  }

  function updateMoveButton() {
    if (!moveButton) return;
    var count = ticked().length;
    moveButton.disabled = count === 0;
    moveButton.textContent = count
      ? "Move " + count + " ticked item" + (count === 1 ? "" : "s") + " to a row… (r)"
      : "Move ticked items to a row… (r)";
  }

  function isTyping(target) {
    return target.matches("input, textarea, select, [contenteditable]");
  }

  var keys = {
    j: function () { move(1); },
    ArrowDown: function () { move(1); },
    k: function () { move(-1); },
    ArrowUp: function () { move(-1); },
    a: function () { approve(current); },
    Enter: function () { approve(current); },
    r: pickFor,
    t: function () { tick(current); },
    x: function () { openMore(current, '[data-role="exclude-reason"]'); },
    s: function () { openMore(current, '[data-role="split-key"]'); },
  };

  if (picker) {
    pickerInput.addEventListener("input", showMatches);
    pickerInput.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); stepChoice(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); stepChoice(-1); }
      else if (event.key === "Enter") {
        event.preventDefault();
        choose(picker.querySelector("li.is-chosen"));
      }
    });
    picker.addEventListener("click", function (event) {
      var option = event.target.closest("li[data-key]");
      if (option) choose(option);
    });
    picker.addEventListener("close", function () { picking = null; });
  }
  if (moveButton) moveButton.addEventListener("click", pickFor);
  document.addEventListener("change", function (event) {
    if (event.target.matches('[data-role="tick"]')) updateMoveButton();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (picker && picker.open) {
      if (event.key === "Escape") { event.preventDefault(); closePicker(); }
      return;
    }
    var target = event.target;
    if (event.key === "Escape" && isTyping(target)) {
      target.blur();
      if (current) current.focus({ preventScroll: true });
      return;
    }
    if (isTyping(target)) return;
    if (event.key === "Enter" && target.matches("button, a, summary")) return;
    var action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest('.review-item[data-status="pending"]');
    if (row && row !== current) {
      if (current) current.classList.remove("is-current");
      current = row;
      row.classList.add("is-current");
    }
  });

  // Start where the last decision sent us (#item-42), or at the first pending row.
  var wanted = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  select(wanted && wanted.matches('.review-item[data-status="pending"]') ? wanted : pendingRows()[0]);
})();
