// Reload the page when what it shows changes. The page names the version part it shows
// (data-watch) and the value it had (data-version); /events sends the current parts.
(function () {
  "use strict";
  var body = document.body;
  var watch = body.getAttribute("data-watch");
  var seen = body.getAttribute("data-version") || "";
  var status = document.getElementById("live-status");
  if (!watch) { return; }

  function check(parts) {
    if ((parts[watch] || "") !== seen) { window.location.reload(); }
  }
  function mark(text, ok) {
    if (status) { status.textContent = text; status.className = ok ? "live on" : "live off"; }
  }

  if (window.EventSource) {
    var source = new EventSource("/events");
    source.addEventListener("open", function () { mark("live", true); });
    source.addEventListener("error", function () { mark("reconnecting", false); });
    source.addEventListener("version", function (event) { check(JSON.parse(event.data)); });
  } else {
    window.setInterval(function () {
      var request = new XMLHttpRequest();
      request.open("GET", "/version.json");
      request.onload = function () {
        if (request.status === 200) { mark("live", true); check(JSON.parse(request.responseText).version); }
      };
      request.send();
    }, 5000);
  }
})();
