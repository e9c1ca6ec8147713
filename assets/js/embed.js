// In a borough site's frame: tell the host page our height, so its optional host script can
// size the frame to fit. Only the height is sent.
(function () {
  "use strict";
  if (window.parent === window || !window.ResizeObserver) return;
  function post() {
    window.parent.postMessage({ signpost: "height", height: document.documentElement.scrollHeight }, "*");
  }
  new ResizeObserver(post).observe(document.body);
  window.addEventListener("load", post);
})();
