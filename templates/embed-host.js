// For borough web pages that show our listings in a frame. Optional: without it the frame
// still works at the height the page gives it. It sizes each frame to its content and, when
// the frame asks, leaves the page for the exit destination, which a frame cannot always do
// itself. It sets no cookies, stores nothing and sends nothing anywhere.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.addEventListener) return;
  var origin = new URL(script.src).origin;

  function frameFor(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data.signpost !== "string") return;
    var frame = frameFor(event.source);
    if (!frame) return;
    if (data.signpost === "height" && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + "px";
    } else if (data.signpost === "exit" && /^https?:\/\//.test(data.url)) {
      // Leave at once, with no referrer: this page's address could say what was being read.
      var meta = document.createElement("meta");
      meta.name = "referrer";
      meta.content = "no-referrer";
      document.head.appendChild(meta);
      document.documentElement.style.visibility = "hidden";
      document.title = "\u200b";
      window.location.replace(data.url);
    }
  });
})();
