// sakebot admin: keeps the parts of a page marked data-live current
// (the list of conversations waiting for staff, a conversation's history)
// without a reload. Every few seconds it fetches the part again from the
// page itself (data-live is its address; the answer is the same HTML
// fragment the server renders into the page, escaped there) and puts it
// in place when it changed, keeping the keyboard focus. A change is told
// to screen readers through #live-status (aria-live="polite"). Nothing is
// loaded from elsewhere; without this script the pages work the same,
// only a reload shows what is new.
(function () {
  "use strict";

  var every = 3000; // milliseconds between two looks
  var status = document.getElementById("live-status");

  function say(text) {
    if (status && text) {
      status.textContent = text;
    }
  }

  // focusKey remembers what has the focus inside el, to find it again.
  function focusKey(el) {
    var active = document.activeElement;
    if (!active || !el.contains(active)) {
      return null;
    }
    return active.id ? "#" + CSS.escape(active.id) :
      active.getAttribute("href") ? 'a[href="' + CSS.escape(active.getAttribute("href")) + '"]' : null;
  }

  // closed hides what only an open conversation has (the reply box, 対応終了).
  function closed() {
    var parts = document.querySelectorAll("[data-while-open]");
    for (var i = 0; i < parts.length; i++) {
      parts[i].hidden = true;
    }
  }

  // count shows the number of waiting conversations in the navigation.
  function count(n) {
    var badge = document.querySelector("[data-inbox-count]");
    var number = document.querySelector("[data-inbox-number]");
    if (badge && number && n !== null) {
      number.textContent = n;
      badge.hidden = n === "0";
    }
  }

  // replace puts next in place of el and says what changed.
  function replace(el, next) {
    var key = focusKey(el);
    el.replaceWith(next);
    if (key) {
      var again = next.querySelector(key);
      if (again) {
        again.focus();
      }
    }
    if (next.dataset.announce !== el.dataset.announce) {
      say(next.dataset.announce);
    }
    count(next.getAttribute("data-waiting"));
    if (next.dataset.open === "false") {
      closed();
    }
    return next;
  }

  function watch(el) {
    var url = el.dataset.live;
    var last = null;
    var timer = null;
    var busy = false;

    function schedule() {
      clearTimeout(timer);
      if (!document.hidden) {
        timer = setTimeout(look, every);
      }
    }

    function look() {
      if (busy) {
        return;
      }
      busy = true;
      fetch(url, { credentials: "same-origin", cache: "no-store", redirect: "error", headers: { Accept: "*/*" } })
        .then(function (res) {
          if (res.status === 401 || res.status === 403 || res.status === 404) {
            throw new Error("stop");
          }
          if (!res.ok) {
            return null;
          }
          return res.text();
        })
        .then(function (text) {
          busy = false;
          if (text !== null && text !== last) {
            var next = new DOMParser().parseFromString(text, "text/html").getElementById(el.id);
            // The first look finds what the page already shows: keep the
            // element (and what the user is clicking or reading) as it is.
            if (next && next.outerHTML !== el.outerHTML) {
              el = replace(el, next);
            }
            last = text;
          }
          schedule();
        })
        .catch(function (err) {
          busy = false;
          if (err && err.message === "stop") {
            say("自動更新を止めました。ログインの有効期限が切れたか、会話が見つかりません。ページを再読み込みしてください。");
            return;
          }
          schedule(); // the network may come back
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) {
        look();
      }
    });
    look();
  }

  if (!window.fetch || !window.DOMParser) {
    return;
  }
  var parts = document.querySelectorAll("[data-live]");
  for (var i = 0; i < parts.length; i++) {
    watch(parts[i]);
  }
})();
