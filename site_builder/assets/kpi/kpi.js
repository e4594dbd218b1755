/* Pilot-list filter and Pagefind search. No dependencies; pages work without it. */
(function () {
  "use strict";

  /* ---- filter as you type (pilot list) ---- */
  var ABBR = [
    [/อบต\.?/g, "องค์การบริหารส่วนตำบล"],
    [/ทต\.?/g, "เทศบาลตำบล"],
    [/ทม\.?/g, "เทศบาลเมือง"],
    [/ทน\.?/g, "เทศบาลนคร"],
    [/อำเภอ|จังหวัด|^อ\.|^จ\./g, ""]
  ];
  function norm(text) {
    var s = (text || "").toLowerCase().replace(/[\s\u200b]+/g, "");
    for (var i = 0; i < ABBR.length; i++) s = s.replace(ABBR[i][0], ABBR[i][1]);
    return s;
  }
  function setupFilter() {
    var input = document.getElementById("kpi-filter");
    if (!input) return;
    var count = document.getElementById("kpi-filter-count");
    var groups = null; // built on first use, so loading the page stays cheap
    function index() {
      return Array.prototype.slice.call(document.querySelectorAll(".kpi-prov")).map(function (sec) {
        var prov = norm(sec.querySelector("h2").textContent);
        return {
          sec: sec,
          rows: Array.prototype.slice.call(sec.querySelectorAll("tbody tr")).map(function (tr) {
            return { tr: tr, text: prov + "|" + norm(tr.textContent) };
          })
        };
      });
    }
    function apply() {
      groups = groups || index();
      var q = norm(input.value);
      var shown = 0;
      groups.forEach(function (g) {
        var any = false;
        g.rows.forEach(function (r) {
          var hit = !q || r.text.indexOf(q) !== -1;
          r.tr.hidden = !hit;
          if (hit) { any = true; shown++; }
        });
        g.sec.hidden = !any;
        g.sec.open = q ? any : g.sec.hasAttribute("data-open");
      });
      count.textContent = q ? (shown ? "พบ " + shown.toLocaleString("th-TH") + " อำเภอ" : "ไม่พบรายชื่อที่ตรงกับคำค้น") : "";
    }
    input.addEventListener("input", apply);
    if (input.value) apply();
  }

  /* ---- Pagefind search, loaded on first use ----
     Queries are encoded exactly like the pages' search keys (render/search.py):
     Thai letters become two letters a-z, so Pagefind matches names by prefix. */
  var LONG = { "อบต": "องค์การบริหารส่วนตำบล", "ทต": "เทศบาลตำบล", "ทม": "เทศบาลเมือง", "ทน": "เทศบาลนคร" };
  function encodeWord(word) {
    var s = word.toLowerCase().replace(/\u200b/g, "");
    s = s.replace(/(อบต)\.?|(ทต|ทม|ทน)\./g, function (m, a, b) { return LONG[a || b]; });
    s = s.replace(/^(อำเภอ|จังหวัด|อ\.|จ\.)/, "");
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var code = s.charCodeAt(i);
      if (code >= 0x0e00 && code <= 0x0e7f) {
        var n = code - 0x0e00;
        out += String.fromCharCode(97 + Math.floor(n / 26)) + String.fromCharCode(97 + (n % 26));
      } else if (code >= 48 && code <= 57) {
        out += s.charAt(i);
      }
    }
    return out;
  }
  function encodeQuery(term) {
    return (term || "").split(/\s+/).map(encodeWord).filter(Boolean).join(" ");
  }
  var loaded = null;
  function load(bundle) {
    if (loaded) return loaded;
    loaded = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-ui.css";
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = bundle + "pagefind-ui.js";
      js.onload = resolve;
      js.onerror = reject;
      document.head.appendChild(js);
    });
    return loaded;
  }
  function setupSearch() {
    var open = document.querySelector(".kpi-search-open");
    var panel = document.getElementById("kpi-search");
    if (!open || !panel) return;
    // Absolute path: Pagefind resolves its bundle relative to its own script, not the page.
    var bundle = new URL(open.getAttribute("data-pagefind"), window.location.href).pathname;
    var ui = null;
    function close() {
      panel.hidden = true;
      document.body.classList.remove("kpi-searching");
      open.focus();
    }
    open.addEventListener("click", function (ev) {
      ev.preventDefault();
      panel.hidden = false;
      document.body.classList.add("kpi-searching");
      load(bundle).then(function () {
        if (!ui) {
          var base = new URL(bundle + "../", window.location.href).pathname; // the site root
          ui = new window.PagefindUI({
            element: "#kpi-search-ui",
            bundlePath: bundle,
            baseUrl: base,
            showImages: false,
            showSubResults: false,
            resetStyles: false,
            processTerm: encodeQuery,
            autofocus: true,
            translations: {
              placeholder: "พิมพ์ชื่อเทศบาล อบต. อำเภอ หรือจังหวัด",
              zero_results: "ไม่พบชื่อที่ตรงกับคำค้น",
              clear_search: "ล้าง",
              load_more: "แสดงเพิ่มเติม",
              search_label: "ค้นหาในเว็บไซต์นี้"
            }
          });
        }
        var field = panel.querySelector("input");
        if (field) field.focus();
      }, function () {
        document.getElementById("kpi-search-ui").textContent = "โหลดระบบค้นหาไม่สำเร็จ ลองใช้หน้ารายชื่อพื้นที่ต้นแบบแทน";
      });
    });
    panel.querySelector(".kpi-search-close").addEventListener("click", close);
    panel.addEventListener("click", function (ev) { if (ev.target === panel) close(); });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !panel.hidden) close();
    });
  }

  function init() { setupFilter(); setupSearch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
