// Exit this page: leave at once, in the same tab, sending nothing but the navigation.
// The links work without this script; it hides the page instantly, blanks the tab title,
// replaces this page in history and adds the Shift-three-times shortcut.
// It depends on nothing else, so it works even if every other script fails to load.
(function () {
  "use strict";
  var wrapper = document.querySelector('[data-module="app-exit"]');
  var button = wrapper && wrapper.querySelector(".app-exit__button");
  if (!button || !document.body.classList) return;

  var TIMEOUT = 5000;  // between presses, as GOV.UK's component does
  var text = wrapper.dataset;
  var presses = 0, pressTimer = null, statusTimer = null, lastKeyWasModified = false;

  var status = document.createElement("span");
  status.className = "app-visually-hidden";
  status.setAttribute("role", "status");
  wrapper.appendChild(status);

  var indicator = document.createElement("span");
  indicator.className = "app-exit__indicator";
  indicator.setAttribute("aria-hidden", "true");
  for (var i = 0; i < 3; i++) indicator.appendChild(document.createElement("span"));
  button.appendChild(indicator);

  function showPresses() {
    indicator.classList.toggle("app-exit__indicator--visible", presses > 0);
    for (var i = 0; i < 3; i++) {
      indicator.children[i].classList.toggle("app-exit__light--on", i < presses);
    }
  }

  function exit(event) {
    if (event) event.preventDefault();
    status.textContent = "";
    document.body.classList.add("app-exit-hiding");
    var overlay = document.createElement("div");
    overlay.className = "app-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = text.loading;  // set after inserting, so it is announced
    document.title = "\u200b";  // nothing readable in the tab while the next page loads
    leave(button.href);
  }

  // replace: one Back press from the destination does not land on this page. In a borough
  // site's frame the whole tab must go, not only the frame: a frame may navigate the top
  // window after a tap or key press; the host page's script (if it has ours) is asked too,
  // for browsers that refuse; if both fail, at least the frame leaves.
  function leave(url) {
    if (window.top === window.self) return window.location.replace(url);
    window.parent.postMessage({ signpost: "exit", url: url }, "*");
    try {
      window.top.location.replace(url);
    } catch (refused) {
      window.location.replace(url);
    }
  }

  function resetPresses(message) {
    clearTimeout(pressTimer);
    pressTimer = null;
    presses = 0;
    showPresses();
    status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.textContent = ""; }, TIMEOUT);
  }

  function onKeyup(event) {
    // A bare Shift counts; Shift used to type a capital letter never does.
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      showPresses();
      clearTimeout(pressTimer);
      if (presses >= 3) {
        exit();
      } else {
        status.textContent = presses === 1 ? text.pressTwo : text.pressOne;
        pressTimer = setTimeout(function () { resetPresses(text.expired); }, TIMEOUT);
      }
    } else if (pressTimer !== null) {
      resetPresses(text.expired);
    }
    lastKeyWasModified = event.shiftKey;
  }

  function onKeydown(event) {
    // role="button" promises that Space works, as it does on a real button.
    if (event.key === " ") exit(event);
  }

  // Coming Back to this page from the destination must show the page, not the overlay.
  function onPageshow() {
    document.body.classList.remove("app-exit-hiding");
    var overlays = document.querySelectorAll(".app-exit-overlay");
    for (var i = 0; i < overlays.length; i++) overlays[i].remove();
    clearTimeout(pressTimer);
    clearTimeout(statusTimer);
    pressTimer = null;
    presses = 0;
    status.textContent = "";
    showPresses();
  }

  var links = document.querySelectorAll(".app-js-exit");
  for (var j = 0; j < links.length; j++) links[j].addEventListener("click", exit);
  button.addEventListener("keydown", onKeydown);
  document.addEventListener("keyup", onKeyup, true);
  window.addEventListener("pageshow", onPageshow);
})();
