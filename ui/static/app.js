// sitrep UI: marks the span an evidence link points to (#sSTART-END),
// and shows the details of a highlight in a popover on click. No
// framework, no network.
(function () {
  "use strict";

  function clearTargets() {
    document.querySelectorAll(".a.target").forEach(function (el) { el.classList.remove("target"); });
  }

  // markTarget marks every piece of the span the fragment names; when no
  // highlight has exactly that span, the highlights inside it.
  function markTarget() {
    clearTargets();
    var m = /^#s(\d+)-(\d+)$/.exec(location.hash);
    if (!m) { return; }
    var start = +m[1], end = +m[2];
    var el = document.getElementById("s" + start + "-" + end);
    var pieces = [];
    if (el) {
      pieces = document.querySelectorAll('.a[data-n="' + el.dataset.n + '"]');
    } else {
      pieces = Array.prototype.filter.call(document.querySelectorAll(".text .a"), function (a) {
        return +a.dataset.s >= start && +a.dataset.e <= end;
      });
    }
    Array.prototype.forEach.call(pieces, function (p) { p.classList.add("target"); });
    var first = el || pieces[0];
    if (first) {
      first.scrollIntoView({ block: "center" });
      document.body.dataset.target = "s" + start + "-" + end;
    }
  }

  var pop = null;
  function hidePop() { if (pop) { pop.hidden = true; } }

  // showPop lists, for the clicked highlight and those around it, the
  // detail item of each (cloned from the side lists, so no markup is
  // built from strings).
  function showPop(target) {
    pop = pop || document.getElementById("pop");
    if (!pop) { return; }
    var seen = {};
    pop.textContent = "";
    for (var el = target; el && el.classList && el.classList.contains("a"); el = el.parentElement) {
      var ref = el.dataset.ref, kind = el.className.split(" ")[1].slice(2);
      if (seen[ref || el.dataset.n]) { continue; }
      seen[ref || el.dataset.n] = true;
      var head = document.createElement("div");
      head.className = "pop-kind";
      head.textContent = kind;
      pop.appendChild(head);
      var src = ref && document.getElementById(ref);
      var body = document.createElement("div");
      if (src) {
        Array.prototype.forEach.call(src.childNodes, function (n) { body.appendChild(n.cloneNode(true)); });
      } else {
        body.textContent = el.title;
      }
      pop.appendChild(body);
    }
    var r = target.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 430)) + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
    pop.hidden = false;
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".text .a");
    if (a) { showPop(a); e.stopPropagation(); return; }
    if (pop && !pop.contains(e.target)) { hidePop(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hidePop(); }
    if (e.key === "Enter" && e.target.classList && e.target.classList.contains("a")) { showPop(e.target); }
  });
  window.addEventListener("hashchange", markTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markTarget);
  } else {
    markTarget();
  }
})();
