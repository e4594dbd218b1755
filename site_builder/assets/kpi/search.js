/* Name search (header panel) and the pilot-list filter: one matcher for both.
   A name is found however it is typed: อบต./ทต./ทม./ทน. with or without the dot
   and space, เทศบาลX, อ./จ., Thai digits, and without tone marks. Ranking: exact
   before prefix before substring (each as typed, then without marks), and a
   page's own kind first for its own name. Only an exact match is presented as
   the answer; anything else is listed under "ไม่พบ" as a suggestion.
   Loaded by kpi.js on first use. No dependencies. */
(function () {
  "use strict";

  /* BEGIN RULES: generated from site_builder/site/render/search.py, do not edit */
  var RULES = {
    digits: "๐๑๒๓๔๕๖๗๘๙",
    folded: "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c",
    spaces: "\t\n\u000b\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff",
    prefixes: [
      ["องค์การบริหารส่วนตำบล", "pilot", "sao"],
      ["อ.บ.ต.", "pilot", "sao"],
      ["อบต.", "pilot", "sao"],
      ["อบต", "pilot", "sao"],
      ["เทศบาลตำบล", "pilot", "tambon"],
      ["ท.ต.", "pilot", "tambon"],
      ["ทต.", "pilot", "tambon"],
      ["ทต", "pilot", "tambon"],
      ["เทศบาลเมือง", "pilot", "mueang"],
      ["ท.ม.", "pilot", "mueang"],
      ["ทม.", "pilot", "mueang"],
      ["ทม", "pilot", "mueang"],
      ["เทศบาลนคร", "pilot", "nakhon"],
      ["ท.น.", "pilot", "nakhon"],
      ["ทน.", "pilot", "nakhon"],
      ["ทน", "pilot", "nakhon"],
      ["เทศบาล", "pilot", "municipality"],
      ["อำเภอ", "district", ""],
      ["อ.", "district", ""],
      ["จังหวัด", "province", ""],
      ["จ.", "province", ""],
      ["ตำบล", "pilot", ""],
      ["ต.", "pilot", ""]
    ],
    levels: {"sao": "องค์การบริหารส่วนตำบล", "tambon": "เทศบาลตำบล", "mueang": "เทศบาลเมือง", "nakhon": "เทศบาลนคร"},
    municipality: "เทศบาล"
  };
  /* END RULES */

  var KIND_ORDER = { province: 0, district: 1, pilot: 2, page: 3 };
  var FOLD = new RegExp("[" + RULES.folded + "]", "g");
  var SPACE = new RegExp("[" + RULES.spaces + "]+", "g");
  var SARA_AM = /\u0e4d([\u0e48-\u0e4b]?)\u0e32/g;
  var NOT_KEY = /[^\u0e01-\u0e4e0-9a-z]+/g;

  /* ---- the typing rules (mirror of render/search.py; a test compares them) ---- */
  function clean(text) {
    var s = String(text || "").normalize("NFC").toLowerCase();
    s = s.replace(/[\u0e50-\u0e59]/g, function (d) { return String(RULES.digits.indexOf(d)); });
    return s.replace(SARA_AM, "$1\u0e33").replace(SPACE, "");
  }
  function key(text) { return clean(text).replace(NOT_KEY, ""); }
  function fold(text) { return key(text).replace(FOLD, ""); }
  function drop(s, n) {
    var i = 0;
    while (n > 0 && i < s.length) { if (RULES.folded.indexOf(s[i]) === -1) n--; i++; }
    while (i < s.length && RULES.folded.indexOf(s[i]) !== -1) i++;
    return s.slice(i);
  }
  function readings(query) {
    var s = clean(query);
    var out = [{ kind: "", type: "", text: key(s) }];
    var folded = s.replace(FOLD, "");
    for (var i = 0; i < RULES.prefixes.length; i++) {
      var p = RULES.prefixes[i], f = p[0].replace(FOLD, "");
      if (folded.indexOf(f) === 0) {
        var rest = key(drop(s, f.length));
        if (rest) out.push({ kind: p[1], type: p[2], text: rest });
        var m = RULES.municipality;  // เทศบาลเมืองยาว: also the municipality named เมืองยาว
        if (f !== m && f.indexOf(m) === 0) out.push({ kind: "pilot", type: "municipality", text: key(drop(s, m.length)) });
        break;
      }
    }
    return out;
  }
  function splitLaoName(name) {
    for (var level in RULES.levels) {
      var prefix = RULES.levels[level];
      if (name.indexOf(prefix) === 0 && name.length > prefix.length) return [level, name.slice(prefix.length)];
    }
    return ["", name];
  }

  /* ---- matching and ranking ---- */
  // An entry: { kind, type, keys: [[key, folded key]], code, ... }.
  function withKeys(entry, names) {
    entry.keys = names.filter(Boolean).map(function (n) { return [key(n), fold(n)]; });
    return entry;
  }
  // Tiers: 0 exact, 1 exact without marks, 2 prefix, 3 prefix without marks,
  // 4 substring, 5 substring without marks. A query typed with marks is matched
  // without them only as a whole name (a slipped mark), so "แพร่" is not "แพรก".
  function tierOf(keys, q, fq) {
    var best = null, loose = q === fq;
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i][0], fk = keys[i][1], t, pos = 0;
      if (k === q) t = 0;
      else if (fk === fq) t = 1;
      else if (k.indexOf(q) === 0) t = 2;
      else if (loose && fk.indexOf(fq) === 0) t = 3;
      else if ((pos = k.indexOf(q)) !== -1) t = 4;
      else if (loose && (pos = fk.indexOf(fq)) !== -1) t = 5;
      else continue;
      var s = [t, pos, k.length];
      if (!best || less(s, best)) best = s;
    }
    return best;
  }
  function typeFits(wanted, type) {
    return !wanted || wanted === type || (wanted === "municipality" && type !== "sao" && type !== "");
  }
  // The sort key of an entry under a query's readings, or null when it does not match.
  function score(entry, reads) {
    var best = null;
    for (var i = 0; i < reads.length; i++) {
      var r = reads[i];
      if (!r.text) continue;
      var fq = r.text.replace(FOLD, "");
      var m = /^[0-9]+$/.test(r.text) ? codeTier(entry.code, r.text) : tierOf(entry.keys, r.text, fq);
      if (!m) continue;
      var miss = (r.kind && r.kind !== entry.kind) || (r.type && !typeFits(r.type, entry.type)) ? 1 : 0;
      var s = [miss, m[0], KIND_ORDER[entry.kind], m[1], m[2], entry.order];
      if (!best || less(s, best)) best = s;
    }
    return best;
  }
  function codeTier(code, q) {
    if (!code) return null;
    if (code === q) return [0, 0, code.length];
    return code.indexOf(q) === 0 ? [2, 0, code.length] : null;
  }
  function less(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  }
  function isAnswer(s) { return s[0] === 0 && s[1] <= 1; }
  // Entries ranked for a query, one per place (a pilot and its district share one).
  // A name that is not found as typed may end with the district or province it is
  // in ("หนองบัว ลพบุรี", "อบต.หนองบัว อ.เมืองจันทบุรี"): the words after the name
  // then narrow the results to places there.
  function rank(entries, query) {
    var whole = rankAll(entries, readings(query), null);
    var words = String(query || "").trim().split(SPACE);
    for (var k = words.length - 1; k >= 1 && !whole.found; k--) {
      var narrowed = rankAll(entries, readings(words.slice(0, k).join("")), words.slice(k));
      if (narrowed.found) return narrowed;
    }
    return whole;
  }
  // Does an entry lie in the district or province each word names (by name or its start)?
  function within(entry, words) {
    return words.every(function (w) {
      return readings(w).some(function (r) {
        var f = r.text.replace(FOLD, "");
        function starts(keys) { return (keys || []).some(function (k) { return k[1].indexOf(f) === 0; }); }
        return f && (((!r.kind || r.kind === "district") && starts(entry.inDistrict)) ||
                     ((!r.kind || r.kind === "province") && starts(entry.inProvince)));
      });
    });
  }
  function rankAll(entries, reads, places) {
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      if (places && !within(entries[i], places)) continue;
      var s = score(entries[i], reads);
      if (s) hits.push({ entry: entries[i], score: s });
    }
    hits.sort(function (a, b) { return less(a.score, b.score) ? -1 : less(b.score, a.score) ? 1 : 0; });
    var seen = {}, out = [];
    for (var j = 0; j < hits.length; j++) {
      var id = hits[j].entry.id;
      if (seen[id]) continue;
      seen[id] = true;
      out.push(hits[j]);
    }
    return { found: out.length > 0 && isAnswer(out[0].score), hits: out };
  }

  /* ---- the index: names.json -> entries ---- */
  // Titles and details are pieces [text, whole]: a whole piece (a place name) never
  // breaks inside, a line may break before it (as render/names.py does on pages).
  function laoParts(name) {
    var split = splitLaoName(name);
    return split[0] ? [[RULES.levels[split[0]]], [split[1], 1]] : [[name, 1]];
  }
  function entriesFrom(index, base) {
    var entries = [], provinces = {}, counts = {};
    index.districts.forEach(function (d) { var p = d[0].slice(0, 2); counts[p] = (counts[p] || 0) + 1; });
    index.provinces.forEach(function (p) {
      provinces[p[0]] = p[1];
      entries.push(withKeys({
        kind: "province", id: "p" + p[0], code: p[0], url: base + "province/" + p[0] + "/",
        title: [["จังหวัด"], [p[1], 1]], detail: [[(counts[p[0]] || 0).toLocaleString("th-TH") + " อำเภอ"]]
      }, [p[1]]));
    });
    index.districts.forEach(function (d) {
      var code = d[0], prov = provinces[code.slice(0, 2)] || "", lao = d[2];
      // A district without a pilot: its own row on the province page (id d<code>).
      var url = lao ? base + "pilot/" + code + "/" : base + "province/" + code.slice(0, 2) + "/#d" + code;
      var inProvince = withKeys({}, [prov]).keys, inDistrict = withKeys({}, [d[1]]).keys;
      entries.push(withKeys({
        kind: "district", id: "d" + code, code: code, url: url, title: [["อำเภอ"], [d[1], 1]],
        detail: [["จังหวัด"], [prov, 1], [" · "]].concat(
          lao ? [["พื้นที่ต้นแบบ: "]].concat(laoParts(lao)) : [["ยังไม่ได้ระบุพื้นที่ต้นแบบ"]]),
        inProvince: inProvince
      }, [d[1]]));
      if (lao) {
        var split = splitLaoName(lao);
        entries.push(withKeys({
          kind: "pilot", type: split[0], id: "d" + code, code: code, url: url, title: laoParts(lao),
          detail: [["อำเภอ"], [d[1], 1], [" จังหวัด"], [prov, 1]], inProvince: inProvince, inDistrict: inDistrict
        }, [split[1]]));
      }
    });
    index.pages.forEach(function (p) {
      entries.push(withKeys({
        kind: "page", id: "u" + p[1], url: base + p[1], title: [[p[0]]], detail: [["หน้าคำอธิบาย"]]
      }, [p[0]].concat(p[2] ? p[2].split(" ") : [])));
    });
    // Each round's compilation: a province's ("แพร่ ครั้งที่ 3") and the nation's.
    (index.rounds || []).forEach(function (r) {
      var n = r[0], words = ["ครั้งที่", "รอบที่", "รายงานครั้งที่"];
      index.provinces.forEach(function (p) {
        entries.push(withKeys({
          kind: "page", id: "r" + p[0] + "-" + n, url: base + "province/" + p[0] + "/round-" + n + "/",
          title: [["จังหวัด"], [p[1], 1], [" รายงานครั้งที่ " + n]],
          detail: [["สรุปรายงาน " + r[1] + " ดู พิมพ์ ดาวน์โหลด"]]
        }, words.map(function (w) { return p[1] + w + n; }).concat(["จังหวัด" + p[1] + "ครั้งที่" + n, p[1] + r[1]])));
      });
      entries.push(withKeys({
        kind: "page", id: "n" + n, url: base + "national/round-" + n + "/",
        title: [["สรุประดับประเทศ รายงานครั้งที่ " + n]], detail: [["รายจังหวัด " + r[1]]]
      }, words.map(function (w) { return w + n; }).concat(["ประเทศครั้งที่" + n, "ระดับประเทศครั้งที่" + n])));
    });
    entries.forEach(function (e, i) { e.order = i; });
    return entries;
  }

  /* ---- the search panel ---- */
  var MAX_SHOWN = 20;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function pieces(cls, parts) {
    var span = el("span", cls);
    parts.forEach(function (p) {
      if (!p[1]) { span.appendChild(document.createTextNode(p[0])); return; }
      span.appendChild(el("wbr"));
      span.appendChild(el("span", "kpi-nb", p[0]));
    });
    return span;
  }
  function hitItem(h) {
    var li = el("li"), a = el("a", "kpi-hit");
    a.href = h.entry.url;
    a.appendChild(pieces("kpi-hit-t", h.entry.title));
    a.appendChild(pieces("kpi-hit-d", h.entry.detail));
    li.appendChild(a);
    return li;
  }
  function render(box, result, query) {
    var status = box.querySelector(".kpi-s-status");
    var lists = box.querySelectorAll("ol");
    lists[0].textContent = "";
    lists[1].textContent = "";
    var more = box.querySelector(".kpi-s-more");
    box.setAttribute("data-found", result.found ? "1" : "0");
    var help = box.querySelector(".kpi-s-help");
    help.hidden = result.found;
    if (!key(query)) { status.textContent = ""; more.hidden = true; return; }
    var answers = 0;
    result.hits.slice(0, MAX_SHOWN).forEach(function (h) {
      var exact = isAnswer(h.score); // answers sort first: they are a prefix of the hits
      if (exact) answers++;
      lists[exact ? 0 : 1].appendChild(hitItem(h));
    });
    var q = "“" + query.trim() + "”", near = result.hits.length;
    // A partial name with hits is not "not found": the list is what it names.
    if (result.found) status.textContent = "พบ " + q + " " + answers.toLocaleString("th-TH") + " รายการ";
    else if (near) status.textContent = "ชื่อที่ขึ้นต้นหรือมีคำว่า " + q + " " + near.toLocaleString("th-TH") + " รายการ" + (near > MAX_SHOWN ? " (แสดง " + MAX_SHOWN + " รายการแรก)" : "");
    else status.textContent = "ไม่พบชื่อที่ตรงกับ " + q;
    more.hidden = !result.found || lists[1].children.length === 0;
    more.textContent = "ชื่อที่ใกล้เคียง";
  }

  var cache = {};
  function loadIndex(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (index) {
        return entriesFrom(index, new URL("../", new URL(url, location.href)).pathname);
      });
    }
    return cache[url];
  }

  function mount(ui, indexUrl) {
    if (ui.querySelector("input")) return ui.querySelector("input");
    ui.textContent = "";
    var form = el("form", "kpi-s-form");
    form.setAttribute("role", "search");
    var label = el("label", "kpi-sr", "ค้นหาชื่อเทศบาล อบต. อำเภอ จังหวัด หรือรหัสอำเภอ");
    label.htmlFor = "kpi-s-q";
    var input = el("input");
    input.id = "kpi-s-q";
    input.type = "search";
    input.autocomplete = "off";
    input.placeholder = "พิมพ์ชื่อเทศบาล อบต. อำเภอ หรือจังหวัด";
    form.appendChild(label);
    form.appendChild(input);
    ui.appendChild(form);
    var status = el("p", "kpi-s-status");
    status.setAttribute("aria-live", "polite");
    ui.appendChild(status);
    ui.appendChild(el("ol", "kpi-s-hits"));
    var more = el("p", "kpi-s-more");
    more.hidden = true;
    ui.appendChild(more);
    ui.appendChild(el("ol", "kpi-s-hits kpi-s-near"));
    var help = el("p", "kpi-s-help", "พิมพ์ชื่อ อปท. อำเภอ จังหวัด หรือรหัสอำเภอ ไม่ต้องใส่วรรณยุกต์ก็ได้ ชื่อที่ซ้ำหลายแห่งให้พิมพ์อำเภอหรือจังหวัดต่อท้าย เช่น หนองบัว ลพบุรี");
    help.appendChild(el("br"));
    var all = el("a", "", "ดูรายชื่อพื้นที่ต้นแบบทั้งหมด");
    all.href = new URL("../pilots/", new URL(indexUrl, location.href)).pathname;
    help.appendChild(all);
    ui.appendChild(help);
    var entries = null;
    function update() { if (entries) render(ui, rank(entries, input.value), input.value); }
    input.addEventListener("input", update);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = ui.querySelector(".kpi-hit");
      if (first && ui.getAttribute("data-found") === "1") location.href = first.href;
    });
    ui.setAttribute("data-state", "loading");
    loadIndex(indexUrl).then(function (e) {
      entries = e;
      ui.setAttribute("data-state", "ready");
      update();
    }, function () {
      ui.setAttribute("data-state", "failed");
      status.textContent = "โหลดรายชื่อสำหรับค้นหาไม่สำเร็จ ลองใช้หน้ารายชื่อพื้นที่ต้นแบบแทน";
    });
    return input;
  }

  /* ---- the pilot-list filter: the same matcher over the rows of the page ---- */
  function rowEntries(sec, order) {
    var prov = sec.querySelector("h2").textContent.replace(/^จังหวัด/, "");
    var rows = [];
    Array.prototype.forEach.call(sec.querySelectorAll("tbody tr"), function (tr) {
      var link = tr.querySelector("a"), d = tr.querySelector(".kpi-d");
      var district = d ? d.textContent.replace(/^\s*อำเภอ/, "") : "";
      var es = [withKeys({ kind: "province", order: order }, [prov]),
                withKeys({ kind: "district", order: order }, [district])];
      if (link) {
        var split = splitLaoName(link.textContent.trim());
        es.push(withKeys({ kind: "pilot", type: split[0], order: order }, [split[1]]));
      }
      rows.push({ tr: tr, entries: es, order: order++ });
    });
    return rows;
  }
  function filter(input, count) {
    var groups = null, tail = null;
    function build() {
      var secs = document.querySelectorAll(".kpi-prov");
      tail = secs.length ? secs[secs.length - 1].nextSibling : null;
      var order = 0;
      return Array.prototype.map.call(secs, function (sec, i) {
        var rows = rowEntries(sec, order);
        order += rows.length;
        return { sec: sec, rows: rows, order: i, parent: sec.parentNode, tbody: sec.querySelector("tbody") };
      });
    }
    function best(entries, reads) {
      var b = null;
      entries.forEach(function (e) { var s = score(e, reads); if (s && (!b || less(s, b))) b = s; });
      return b;
    }
    function apply() {
      groups = groups || build();
      var reads = readings(input.value), q = key(input.value), shown = 0;
      groups.forEach(function (g) {
        g.best = null;
        g.rows.forEach(function (r) {
          r.score = q ? best(r.entries, reads) : null;
          r.tr.hidden = Boolean(q) && !r.score;
          if (r.score) { shown++; if (!g.best || less(r.score, g.best)) g.best = r.score; }
        });
        var sorted = g.rows.slice().sort(function (a, b) {
          if (!q) return a.order - b.order;
          if (!a.score || !b.score) return a.score ? -1 : b.score ? 1 : a.order - b.order;
          return less(a.score, b.score) ? -1 : less(b.score, a.score) ? 1 : a.order - b.order;
        });
        sorted.forEach(function (r) { g.tbody.appendChild(r.tr); });
        g.sec.hidden = Boolean(q) && !g.best;
        g.sec.open = q ? Boolean(g.best) : g.sec.hasAttribute("data-open");
      });
      var ordered = groups.slice().sort(function (a, b) {
        if (!q || !a.best || !b.best) return (a.best ? 0 : 1) - (b.best ? 0 : 1) || a.order - b.order;
        return less(a.best, b.best) ? -1 : less(b.best, a.best) ? 1 : a.order - b.order;
      });
      ordered.forEach(function (g) { g.parent.insertBefore(g.sec, tail); });
      if (count) {
        count.textContent = q ? (shown ? "พบ " + shown.toLocaleString("th-TH") + " อำเภอ" : "ไม่พบรายชื่อที่ตรงกับคำค้น") : "";
      }
    }
    input.addEventListener("input", apply);
    if (input.value) apply();
  }

  window.KpiSearch = {
    clean: clean, key: key, fold: fold, readings: readings, splitLaoName: splitLaoName,
    entriesFrom: entriesFrom, rank: rank, mount: mount, filter: filter
  };
})();
