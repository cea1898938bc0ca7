// The review screen, keyboard-first. Progressive: every action is a plain form
// that works without this file; this only moves between items and presses buttons.
(function () {
  "use strict";

  var screen = document.getElementById("review-screen");
  if (!screen) return;
  var current = null;

  function pendingCards() {
    return Array.prototype.slice.call(
      document.querySelectorAll('.review-item[data-status="pending"]')
    );
  }

  function select(card) {
    if (!card) return;
    if (current) current.classList.remove("is-current");
    current = card;
    card.classList.add("is-current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function move(delta) {
    var cards = pendingCards();
    if (!cards.length) return;
    var index = cards.indexOf(current);
    var next = index < 0 ? 0 : Math.min(Math.max(index + delta, 0), cards.length - 1);
    select(cards[next]);
  }

  function submit(form, button) {
    if (!form || !button || button.disabled) return;
    if (form.requestSubmit) form.requestSubmit(button);
    else button.click();
  }

  // Approve, or save the row the CA chose in the select when it differs from the proposal.
  function approve(card) {
    if (!card) return;
    var form = card.querySelector('[data-role="decide-form"]');
    if (!form) return;
    var row = form.querySelector('[data-role="row-select"]');
    var sign = form.querySelector('[data-role="sign-select"]');
    var changed = row.value !== card.dataset.proposedKey || sign.value !== card.dataset.proposedSign;
    submit(form, form.querySelector(changed ? '[data-action="reclassify"]' : '[data-action="approve"]'));
  }

  function focusIn(card, selector) {
    var field = card && card.querySelector(selector);
    if (field) field.focus();
  }

  function openSplit(card) {
    var details = card && card.querySelector('[data-role="split"]');
    if (!details) return;
    details.open = true;
    focusIn(details, '[data-role="split-key"]');
  }

  function toggleHelp() {
    var help = document.getElementById("review-help");
    if (help) help.open = !help.open;
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
    r: function () { focusIn(current, '[data-role="row-select"]'); },
    x: function () { focusIn(current, '[data-role="exclude-reason"]'); },
    s: function () { openSplit(current); },
    "?": toggleHelp,
  };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === "Escape" && isTyping(target)) {
      target.blur();
      if (current) current.focus({ preventScroll: true });
      return;
    }
    // Enter in the row or sign select saves what is selected.
    if (event.key === "Enter" && target.matches('[data-role="row-select"], [data-role="sign-select"]')) {
      event.preventDefault();
      approve(target.closest(".review-item"));
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
    var card = event.target.closest && event.target.closest('.review-item[data-status="pending"]');
    if (card && card !== current) {
      if (current) current.classList.remove("is-current");
      current = card;
      card.classList.add("is-current");
    }
  });

  // Start where the last decision sent us (#item-42), or at the first pending item.
  var wanted = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  select(wanted && wanted.matches('.review-item[data-status="pending"]') ? wanted : pendingCards()[0]);
})();
