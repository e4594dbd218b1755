/* The กรอกแบบรายงาน page: the paper form on the web.
 *
 * The page's fields are generated at build time from the form description
 * (render/report_form.py); this script only reads the data the build embedded in
 * #kpi-form-data: the fields, the written (Thai) values of each choice, the
 * schema's bounds and the codes the validator gives for each kind of problem,
 * the fiscal-year settings and the finding catalogue. The checks below follow the
 * validator's order (loader, schema, dates, rules) so each message carries the same
 * code CI would give; tests/browser/test_form_agreement.py holds them to that.
 * No dependencies, no requests to other hosts.
 */
(function () {
  "use strict";
  const form = document.getElementById("kpi-form");
  const dataEl = document.getElementById("kpi-form-data");
  if (!form || !dataEl) return;
  const C = JSON.parse(dataEl.textContent);

  /* ---------------------------------------------------------------- fields */
  const FIELDS = {}; // key -> {key, kind, item, when: {key, code} | null, ...}
  const ORDER = [];
  function walk(fields, item, when) {
    fields.forEach((f) => {
      const spec = Object.assign({ item: item, when: when }, f);
      FIELDS[f.key] = spec;
      ORDER.push(f.key);
      (f.choices || []).forEach((c) => walk(c.fields || [], item, { key: f.key, code: c.code }));
    });
  }
  C.items.forEach((it) => walk(it.fields, it.key, null));

  const $ = (id) => document.getElementById(id);
  const fid = (key) => "kf-" + key.replace(/\./g, "-");
  const THAI_DIGITS = /[\u0e50-\u0e59]/g;
  const arabic = (s) => String(s).replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
  const thaiNum = (n) => Number(n).toLocaleString("th-TH");
  const CONTROL = new RegExp(C.patterns.control);
  const INVISIBLE = new RegExp(C.patterns.invisible, "u"); // "u": the class holds astral tag characters
  const MARKUP = new RegExp(C.patterns.markup, C.patterns.markupFlags);

  function choiceOf(key) {
    const el = form.querySelector('input[name="' + key + '"]:checked');
    return el ? el.value : null;
  }
  function active(key) {
    const f = FIELDS[key];
    return !f.when || (active(f.when.key) && choiceOf(f.when.key) === f.when.code);
  }

  /* Read one field as {raw, value, write} where write is the YAML text after "key:". */
  function readDate(key) {
    const p = fid(key);
    const d = $(p + "-d").value, m = $(p + "-m").value, y = $(p + "-y").value;
    if (!d && !m && !y) return null;
    const pad = (s) => (s.length < 2 ? "0" + s : s);
    return (y || "????") + "-" + (m ? pad(m) : "??") + "-" + (d ? pad(d) : "??");
  }
  function parseBeIso(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    if (!m) return null;
    const y = +m[1], mo = +m[2], d = +m[3];
    const ce = y - C.beOffset;
    const dt = new Date(Date.UTC(ce, mo - 1, d));
    if (ce < 1 || dt.getUTCFullYear() !== ce || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
    return y * 10000 + mo * 100 + d; // comparable number
  }
  function readCount(key) {
    const raw = $(fid(key)).value;
    const s = arabic(raw).trim();
    if (s === "") return { raw: raw, value: null };
    if (/^[-+]?\d+$/.test(s)) {
      const n = Number(s);
      return { raw: raw, value: n, int: true, text: String(BigInt(s)) };
    }
    return { raw: raw, value: s, int: false };
  }
  function readText(key) {
    const v = $(fid(key)).value;
    return v === "" ? null : v;
  }
  function readMulti(key) {
    return Array.prototype.map.call(
      form.querySelectorAll('input[name="' + key + '"]:checked'), (el) => el.value);
  }

  /* ---------------------------------------------------------------- state */
  const S = { pilot: null, round: null, existing: null, previous: null, touched: new Set(), tried: false };

  function snapshot() {
    const v = {};
    ORDER.forEach((key) => {
      const f = FIELDS[key];
      if (!active(key)) return;
      if (f.kind === "choice") v[key] = choiceOf(key);
      else if (f.kind === "multi") v[key] = readMulti(key);
      else if (f.kind === "count") v[key] = readCount(key);
      else if (f.kind === "date") v[key] = readDate(key);
      else if (f.kind === "text" || f.kind === "textarea") v[key] = readText(key);
    });
    v.report_date = readDate("report_date");
    return v;
  }

  /* ---------------------------------------------------------------- percent */
  // The validator's rule (rules.percent_agrees / format_fraction): half-up to the
  // decimals written; the form writes two decimals with trailing zeros dropped.
  function percentText(num, den) {
    if (!(den > 0) || num < 0 || num > den) return null;
    const places = C.percentPlaces;
    const scale = BigInt(10) ** BigInt(places);
    const n = BigInt(num) * BigInt(100) * scale * BigInt(2) + BigInt(den);
    const q = n / (BigInt(den) * BigInt(2));
    let s = q.toString().padStart(places + 1, "0");
    s = s.slice(0, s.length - places) + "." + s.slice(s.length - places);
    return s.replace(/0+$/, "").replace(/\.$/, "");
  }
  function percentFor(v, key) {
    const f = FIELDS[key];
    const num = v[f.numerator], den = v[f.denominator];
    if (!num || !den || !num.int || !den.int) return null;
    return percentText(num.value, den.value);
  }

  /* ---------------------------------------------------------------- checks */
  const BLANK = new RegExp("[" + C.patterns.blank + "]", "g");
  const visible = (s) => String(s).replace(BLANK, "");

  function check(v) {
    const out = [];
    const add = (code, key, extra) => out.push({ code: code, key: key, severity: C.severity[code] || "error", extra: extra || "" });
    const texts = ORDER.filter((k) => (FIELDS[k].kind === "text" || FIELDS[k].kind === "textarea") && v[k] != null);

    // 1. loader: a control character anywhere ends the file's checks.
    const bad = texts.find((k) => CONTROL.test(v[k]));
    if (bad) { add("L-CONTROL-CHAR", bad); return out; }

    // 2. schema, field by field, with the codes the build probed from the real schema.
    const broken = new Set();
    const schemaAdd = (code, key, extra) => { add(code, key, extra); broken.add(key.split(".")[0]); };
    if (v.report_date == null) schemaAdd(C.schema.blank.report_date, "report_date");
    ORDER.forEach((key) => {
      if (!(key in v)) return;
      const f = FIELDS[key], val = v[key], sc = C.schema.fields[key] || {};
      if (f.kind === "choice" && val == null && sc.blank) schemaAdd(sc.blank, key);
      if (f.kind === "count") {
        if (val.value == null) { if (sc.blank) schemaAdd(sc.blank, key); }
        else if (!val.int) schemaAdd(sc.type, key);
        else if (val.value < sc.min) schemaAdd(sc.rangeLow, key, "ไม่น้อยกว่า " + thaiNum(sc.min));
        else if (val.value > sc.max) schemaAdd(sc.range, key, "ไม่เกิน " + thaiNum(sc.max));
      }
      if (f.kind === "text" || f.kind === "textarea") {
        if (val == null) { if (sc.blank) schemaAdd(sc.blank, key); }
        else if ([...val].length > sc.maxLength) schemaAdd(sc.long, key, "ไม่เกิน " + thaiNum(sc.maxLength) + " ตัวอักษร");
      }
    });
    if (broken.has("report_date")) return out; // the header is broken: no rule runs

    // 3. dates: an unreadable one is reported; the item is then left out of the rules.
    const dates = {};
    const dateBroken = new Set();
    const dateKeys = ["report_date"].concat(ORDER.filter((k) => FIELDS[k].kind === "date" && v[k] != null));
    dateKeys.forEach((k) => {
      if (k !== "report_date" && broken.has(FIELDS[k].item)) return;
      const n = parseBeIso(v[k]);
      if (n == null) { add("R-DATE-FORMAT", k, "เลือกวัน เดือน ปี ให้ครบและมีอยู่จริงในปฏิทิน"); dateBroken.add(k === "report_date" ? k : FIELDS[k].item); }
      else dates[k] = n;
    });
    if (dateBroken.has("report_date")) return out;
    if (broken.size && dateBroken.size) return out; // as the validator: a broken report with bad dates
    dateBroken.forEach((k) => broken.add(k));

    // 4. rules the form can decide (rules.py), skipping the parts already broken.
    const num = (k) => (v[k] && v[k].int ? v[k].value : null);
    const rd = dates.report_date;
    const rnd = C.rounds.find((r) => r.n === S.round);
    if (!rnd) add("R-ROUND-UNKNOWN", "report_date");
    else if (rd < ymd(rnd.opens)) add("R-DATE-EARLY", "report_date", "รายงานครั้งนี้รับตั้งแต่ " + beLong(rnd.opens) + " ถึง " + beLong(rnd.due));
    else if (rd > ymd(rnd.due)) add("R-DATE-LATE", "report_date", "ครบกำหนด " + beLong(rnd.due));

    const status = (item) => v[item + ".status"];
    C.stepItems.forEach((n) => {
      const item = "item" + n;
      if (broken.has(item)) return;
      const st = status(item);
      if (C.doneCodes.indexOf(st) >= 0) {
        const dk = item + ".date";
        if (dk in v && v[dk] != null && dates[dk] > rd) add("R-DONE-DATE-AFTER-REPORT", dk, "ไม่หลัง " + beLong(v.report_date));
        if (n === C.doneDateItem && (!(dk in v) || v[dk] == null)) add("R-DONE-DATE-MISSING", dk in FIELDS ? dk : item + ".status");
        return;
      }
      const ek = item + ".expected_date";
      if (!(ek in v) || v[ek] == null) add("R-EXPECTED-MISSING", ek in FIELDS ? ek : item + ".status");
      else if (dates[ek] < rd) add("R-EXPECTED-BEFORE-REPORT", ek, "ตั้งแต่ " + beLong(v.report_date) + " เป็นต้นไป");
      else if (dates[ek] > ymd(C.fyEnd)) add("R-EXPECTED-AFTER-FY", ek, "สิ้นปีงบประมาณ " + beLong(C.fyEnd));
    });

    if (!broken.has("item1") && !broken.has("item4") && status("item4") === "not_yet") {
      const rem = num("item4.remaining"), total = num("item1.total");
      if (rem == null) add("R-ITEM4-REMAINING-MISSING", "item4.remaining");
      else if (rem === 0) add("R-ITEM4-ZERO-REMAINING", "item4.remaining");
      else if (rem > total) add("R-ITEM4-REMAINING", "item4.remaining", "ไม่เกิน " + thaiNum(total) + " ตามข้อ 1");
    }
    if (!broken.has("item6")) {
      if (status("item6") === "covered" && num("item6.projects") == null) add("R-ITEM6-PROJECTS-MISSING", "item6.projects");
      if (status("item6") === "not_covered" && !(v["item6.missing_dimensions"] || []).length) add("R-ITEM6-DIMENSION-MISSING", "item6.missing_dimensions");
    }
    [[7, 6], [8, 7]].forEach((pair) => {
      const item = "item" + pair[0], base = "item" + pair[1];
      if (broken.has(item) || status(item) !== "done" || broken.has(base)) return;
      if (pair[0] === 8 && status(base) !== "done") { add("R-ITEM8-BEFORE-ITEM7", item + ".status"); return; }
      const n = num(item + ".projects");
      if (n == null) { add("R-ITEM" + pair[0] + "-COUNT-MISSING", item + ".projects"); return; }
      const d = num(base + ".projects");
      if (d == null) {
        if (pair[0] === 7 && status(base) === "not_covered") add("R-ITEM7-NO-DENOMINATOR", item + ".projects");
        return;
      }
      if (d === 0) { add("R-ZERO-DENOMINATOR", base + ".projects", "ข้อ " + pair[0] + " คิดร้อยละจากจำนวนนี้"); return; }
      if (n > d) add("R-ITEM" + pair[0] + "-EXCEEDS", item + ".projects", "ไม่เกิน " + thaiNum(d) + " ตามข้อ " + pair[1]);
    });

    // the header's names come from the registry, but the rules read them too
    C.headerTexts.forEach((k) => {
      if (MARKUP.test(S.pilot[k])) add("R-TEXT-MARKUP", k);
    });
    texts.forEach((k) => {
      if (broken.has(FIELDS[k].item)) return;
      const t = v[k];
      if (FIELDS[k].required && !visible(t)) add("R-TEXT-EMPTY", k);
      if (INVISIBLE.test(t)) add("R-TEXT-INVISIBLE", k);
      if (MARKUP.test(t)) add("R-TEXT-MARKUP", k);
    });

    // Across rounds (rules.check_across): only for a report with no error.
    if (!out.some((f) => f.severity === "error") && S.pilot) {
      const reports = S.pilot.reports || {};
      C.stepItems.concat([6]).sort().forEach((n) => {
        const item = "item" + n;
        if (C.doneCodes.indexOf(status(item)) >= 0) return;
        const earlier = Object.keys(reports).map(Number).filter((r) => r < S.round && C.doneCodes.indexOf(reports[r][item] && reports[r][item].status) >= 0);
        if (earlier.length) add("R-UNDONE", item + ".status", "ครั้งที่ " + thaiNum(Math.min.apply(null, earlier)) + " ตอบว่าดำเนินการแล้ว");
      });
    }
    return out;
  }

  function ymd(iso) { return parseBeIso(iso); }
  function beLong(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? +m[3] + " " + C.months[+m[2] - 1] + " " + m[1] : iso;
  }

  /* ---------------------------------------------------------------- YAML */
  // Strings are written as JSON strings (a valid YAML double-quoted scalar), with
  // every character a YAML reader might refuse escaped, so no answer can change the
  // file's structure; the checks above refuse the controls the loader refuses.
  function q(s) {
    return JSON.stringify(String(s)).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
      (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  }
  function plain(s) {
    return /^[\u0e00-\u0e7fA-Za-z][\u0e00-\u0e7fA-Za-z0-9_./ ]*$/.test(s) && !/\s$/.test(s) && !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(s) ? s : q(s);
  }
  function written(key, code) {
    const c = (FIELDS[key].choices || []).find((x) => x.code === code);
    return c ? c.value : code;
  }
  function scalar(key, v) {
    const f = FIELDS[key], val = v[key];
    if (f.kind === "choice") return val == null ? "" : " " + plain(written(key, val));
    if (f.kind === "multi") return val.length ? " [" + val.map((c) => plain(written(key, c))).join(", ") + "]" : "";
    if (f.kind === "count") return val.value == null ? "" : " " + (val.int ? val.text : q(val.raw.trim()));
    if (f.kind === "date") return val == null ? "" : " " + (/^\d{4}-\d{2}-\d{2}$/.test(val) ? val : q(val));
    if (f.kind === "percent") { const p = percentFor(v, key); return p == null ? null : " " + p; }
    return val == null ? "" : " " + q(val);
  }

  function yaml(v) {
    const p = S.pilot, r = C.rounds.find((x) => x.n === S.round);
    const lines = [
      "# yaml-language-server: $schema=" + C.schemaFromReport,
      "# " + C.title,
      "# ปีงบประมาณ พ.ศ. " + C.fy + " รายงานครั้งที่ " + S.round + (r ? " (" + r.label + ")" : "") + " กรอกจากหน้ากรอกแบบรายงานบนเว็บไซต์",
      "",
      "fiscal_year: " + C.fy,
      "round: " + S.round,
      "report_date:" + (v.report_date == null ? "" : " " + (/^\d{4}-\d{2}-\d{2}$/.test(v.report_date) ? v.report_date : q(v.report_date))),
      "lao_type: " + plain(C.laoTypes[p.lao_type] || p.lao_type),
      "lao_name: " + q(p.lao_name),
      "district_code: " + q(p.district_code),
      "district: " + q(p.district),
      "province_code: " + q(p.province_code),
      "province: " + q(p.province),
    ];
    C.items.forEach((it) => {
      const keys = ORDER.filter((k) => FIELDS[k].item === it.key && k in v.__all);
      if (it.key === "note") {
        if (v.note != null) lines.push("", "note: " + q(v.note));
        return;
      }
      lines.push("", "# " + it.comment, it.key + ":");
      keys.forEach((k) => {
        if (!active(k)) return;
        const s = scalar(k, v);
        if (s === null) return;
        lines.push("  " + k.split(".")[1] + ":" + s);
      });
    });
    return lines.join("\n") + "\n";
  }

  /* ---------------------------------------------------------------- paths and links */
  function reportPath() {
    return C.path.replace("{province}", S.pilot.province_code).replace("{district}", S.pilot.district_code).replace("{round}", String(S.round));
  }
  // As submit_link._query: a space becomes '+', and characters a query may hold stay.
  function queryEncode(s) {
    return encodeURIComponent(s).replace(/%20/g, "+").replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%24/g, "$").replace(/%2C/gi, ",").replace(/%40/g, "@");
  }

  /* ---------------------------------------------------------------- display */
  function msgEl(key) { return $(fid(key) + "-msg"); }
  function fieldEls(key) {
    const f = FIELDS[key];
    if (!f) return key === "report_date" ? dateEls(key) : [];
    if (f.kind === "choice" || f.kind === "multi") return Array.from(form.querySelectorAll('input[name="' + key + '"]'));
    if (f.kind === "date") return dateEls(key);
    return [$(fid(key))].filter(Boolean);
  }
  function dateEls(key) { const p = fid(key); return [$(p + "-d"), $(p + "-m"), $(p + "-y")]; }

  function render(findings) {
    form.querySelectorAll(".kpi-msg").forEach((el) => { el.textContent = ""; el.className = "kpi-msg"; });
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const shown = findings.filter((f) => S.tried || S.touched.has(f.key) || f.severity === "warning" && S.touched.size);
    shown.forEach((f) => {
      const el = msgEl(f.key);
      if (!el) return;
      const line = document.createElement("span");
      line.className = "kpi-msg-" + f.severity;
      const code = document.createElement("code");
      code.textContent = f.code;
      line.append(f.severity === "error" ? "✗ " : "! ", (C.messages[f.code] || "") + (f.extra ? " (" + f.extra + ")" : "") + " ", code);
      el.appendChild(line);
      if (f.severity === "error") fieldEls(f.key).forEach((x) => x && x.setAttribute("aria-invalid", "true"));
    });
    const list = $("kf-list");
    list.textContent = "";
    shown.forEach((f) => {
      const target = fieldEls(f.key).find((x) => x && !x.disabled) || fieldEls(f.key)[0];
      const li = document.createElement("li");
      li.className = "kpi-msg-" + f.severity;
      const a = document.createElement("a");
      a.href = "#" + (target ? target.id : "kpi-form");
      a.textContent = fieldName(f.key) + ": " + (C.messages[f.code] || f.code);
      a.addEventListener("click", (e) => { if (target) { e.preventDefault(); target.focus(); } });
      li.appendChild(a);
      list.appendChild(li);
    });
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    const sum = $("kf-summary");
    sum.className = "kpi-form-summary " + (errors ? "kpi-n" : "kpi-y");
    sum.textContent = errors
      ? "ยังส่งไม่ได้: มีข้อที่ต้องแก้ " + thaiNum(errors) + " รายการ" + (warnings ? " และคำเตือน " + thaiNum(warnings) + " รายการ" : "")
      : "ครบถ้วน พร้อมส่ง" + (warnings ? " (มีคำเตือน " + thaiNum(warnings) + " รายการ ส่งได้ แต่ควรตรวจ)" : "");
    // computed percentages, shown beside their counts
    ORDER.filter((k) => FIELDS[k].kind === "percent").forEach((k) => {
      const out = $(fid(k));
      const p = active(k) ? percentFor(S.v, k) : null;
      out.textContent = p == null ? "–" : p;
    });
    // sub-fields of a choice that is not ticked are disabled
    ORDER.forEach((k) => {
      const on = active(k);
      const box = form.querySelector('[data-field="' + k + '"]');
      if (box) box.classList.toggle("kpi-off", !on);
      fieldEls(k).forEach((el) => { if (el) el.disabled = !on; });
    });
  }

  function fieldName(key) {
    if (key === "report_date") return "วันที่รายงาน";
    const f = FIELDS[key];
    if (!f) return C.headerLabels[key] || key;
    const item = C.items.find((it) => it.key === f.item);
    const head = item && item.n ? "ข้อ " + item.n : (item ? item.text : "");
    return head + (f.kind === "choice" ? "" : " " + (f.label || ""));
  }

  function update() {
    S.v = snapshot();
    S.v.__all = {};
    ORDER.forEach((k) => { if (active(k)) S.v.__all[k] = true; });
    S.findings = S.pilot ? check(S.v) : [];
    render(S.findings);
    return S.findings;
  }

  /* ---------------------------------------------------------------- prefill */
  function setDate(key, iso) {
    const p = fid(key);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    $(p + "-d").value = m ? String(+m[3]) : "";
    $(p + "-m").value = m ? String(+m[2]) : "";
    $(p + "-y").value = m ? m[1] : "";
  }
  function fill(answers) {
    ORDER.forEach((key) => {
      const f = FIELDS[key];
      const parts = key.split(".");
      const val = parts.length === 2 ? (answers[parts[0]] || {})[parts[1]] : answers[key];
      if (f.kind === "choice") form.querySelectorAll('input[name="' + key + '"]').forEach((el) => { el.checked = el.value === val; });
      else if (f.kind === "multi") form.querySelectorAll('input[name="' + key + '"]').forEach((el) => { el.checked = (val || []).indexOf(el.value) >= 0; });
      else if (f.kind === "date") setDate(key, val);
      else if (f.kind === "count") $(fid(key)).value = val == null ? "" : String(val);
      else if (f.kind === "text" || f.kind === "textarea") $(fid(key)).value = val == null ? "" : String(val);
    });
  }

  function params() {
    const src = new URLSearchParams(location.search);
    new URLSearchParams(location.hash.replace(/^#/, "")).forEach((v, k) => src.set(k, v));
    return { pilot: arabic(src.get("pilot") || "").trim(), round: parseInt(arabic(src.get("round") || ""), 10) };
  }

  function showIdentity() {
    const p = S.pilot, r = C.rounds.find((x) => x.n === S.round);
    form.querySelectorAll('input[name="lao_type"]').forEach((el) => { el.checked = el.value === p.lao_type; });
    $("kf-lao_name").textContent = p.lao_name;
    $("kf-district").textContent = p.district;
    $("kf-province").textContent = p.province;
    $("kf-round").textContent = thaiNum(S.round) + (r ? " (" + r.label + " ส่งภายใน " + beLong(r.due) + ")" : "");
    const note = $("kf-prefill");
    if (S.existing) note.textContent = "มีรายงานครั้งที่ " + thaiNum(S.round) + " แล้ว คำตอบด้านล่างมาจากรายงานฉบับนั้น แก้ข้อที่ต้องการแล้วส่งเป็นการแก้ไข";
    else if (S.previous) note.textContent = "คำตอบด้านล่างคัดลอกมาจากรายงานครั้งที่ " + thaiNum(S.previous) + " ให้แก้ข้อที่เปลี่ยนไปและกรอกวันที่รายงาน";
    else note.textContent = "ยังไม่มีรายงานก่อนหน้า กรอกทุกข้อตามความเป็นจริง";
    const pilotLink = $("kf-pilot-link");
    if (pilotLink) pilotLink.href = C.pilotPage.replace("{district}", p.district_code);
    document.title = "กรอกแบบรายงานครั้งที่ " + S.round + " " + p.lao_name;
  }

  function start(pilot) {
    S.pilot = pilot;
    const reports = pilot.reports || {};
    const p = params();
    const done = Object.keys(reports).map(Number);
    const next = done.length ? Math.max.apply(null, done) + 1 : C.rounds[0].n;
    S.round = C.rounds.some((r) => r.n === p.round) ? p.round : (C.rounds.some((r) => r.n === next) ? next : C.rounds[C.rounds.length - 1].n);
    S.existing = reports[S.round] ? S.round : null;
    const before = done.filter((r) => r < S.round);
    S.previous = S.existing ? null : (before.length ? Math.max.apply(null, before) : null);
    const source = S.existing ? reports[S.existing] : (S.previous ? reports[S.previous] : null);
    if (source) {
      fill(source);
      setDate("report_date", S.existing ? source.report_date : "");  // a new report, a new date
    }
    showIdentity();
    form.hidden = false;
    $("kf-choose").hidden = true;
    $("kf-actions").hidden = false;
    const edit = $("kf-git");
    if (edit) edit.textContent = S.existing ? "เปิดหน้าแก้ไขไฟล์บน GitHub เพื่อส่งเป็นการแก้ไข" : "เปิดหน้าสร้างไฟล์บน GitHub เพื่อส่งรายงาน";
    update();
    // form-store.js brings back answers kept in this browser for this pilot and round
    document.dispatchEvent(new CustomEvent("kpi-form-start", { detail: { pilot: pilot.district_code, round: S.round } }));
  }

  function choose(message) {
    const box = $("kf-choose");
    box.hidden = false;
    if (message) $("kf-choose-msg").textContent = message;
  }

  function load() {
    const p = params();
    if (!/^\d{4}$/.test(p.pilot)) { choose(p.pilot ? "รหัสอำเภอต้องเป็นตัวเลข 4 หลัก" : ""); return; }
    fetch(C.dataBase + p.pilot.slice(0, 2) + ".json")
      .then((r) => (r.ok ? r.json() : {}))
      .then((data) => {
        const pilot = (data.pilots || {})[p.pilot];
        if (!pilot) { choose("ไม่พบพื้นที่ต้นแบบของอำเภอรหัส " + p.pilot + " ในทะเบียน ให้ตรวจรหัสอำเภอ"); return; }
        start(pilot);
      })
      .catch(() => choose("โหลดข้อมูลพื้นที่ต้นแบบไม่สำเร็จ ให้ลองโหลดหน้านี้ใหม่"));
  }

  /* ---------------------------------------------------------------- outputs */
  function blocked() {
    S.tried = true;
    const f = update();
    const first = f.find((x) => x.severity === "error");
    if (!first) return false;
    const el = fieldEls(first.key).find((x) => x && !x.disabled);
    // after the click has finished, or the browser keeps focus on the button
    if (el) setTimeout(() => el.focus(), 0);
    return true;
  }
  function fileName() { return S.pilot.district_code + "-round-" + S.round + ".yaml"; }

  function download() {
    if (blocked()) return;
    const blob = new Blob([yaml(S.v)], { type: "application/x-yaml;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = fileName();
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    status("ดาวน์โหลดไฟล์ " + fileName() + " แล้ว ส่งไฟล์นี้ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด หรือบันทึกไว้ที่ " + reportPath());
  }
  function status(text) { $("kf-out-status").textContent = text; }

  function gitUrl(text) {
    const path = reportPath();
    if (S.existing) return C.repo.edit + path;
    const url = C.repo.new + "?filename=" + queryEncode(path) + "&value=" + queryEncode(text);
    return url.length <= C.repo.max ? url : null;
  }
  function openGit() {
    if (blocked()) return;
    const text = yaml(S.v);
    const url = gitUrl(text);
    const copy = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
    if (url && !S.existing) { window.open(url, "_blank", "noopener"); status("เปิดหน้าสร้างไฟล์แล้ว ตรวจคำตอบ แล้วกดปุ่ม Propose new file (เสนอไฟล์ใหม่) ด้านล่างของหน้านั้น"); return; }
    const target = url || C.repo.new + "?filename=" + queryEncode(reportPath());
    copy.then(() => {
      status(S.existing
        ? "คัดลอกไฟล์ไว้แล้ว ในหน้าแก้ไขที่เปิดขึ้น ให้เลือกข้อความทั้งหมด (Ctrl+A) แล้ววาง (Ctrl+V) แทน จากนั้นกด Propose changes"
        : "ไฟล์ยาวเกินกว่าจะส่งผ่านลิงก์ได้ คัดลอกไว้แล้ว ในหน้าที่เปิดขึ้นให้วาง (Ctrl+V) ลงในช่องเนื้อหา แล้วกด Propose new file");
      window.open(target, "_blank", "noopener");
    }, () => {
      showText(text);
      status("คัดลอกอัตโนมัติไม่ได้ ให้คัดลอกข้อความในกล่องด้านล่าง แล้ววางในหน้าที่เปิดขึ้น");
      window.open(target, "_blank", "noopener");
    });
  }
  function showText(text) {
    const box = $("kf-yaml");
    box.hidden = false;
    box.value = text;
    box.select();
  }

  /* The print view: the paper แบบรายงาน with ( ) and (✓), filled from the answers. */
  function paper() {
    const v = S.v, p = S.pilot;
    const el = $("kf-paper");
    el.textContent = "";
    const add = (tag, cls, text) => { const n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; el.appendChild(n); return n; };
    const box = (on) => (on ? "(✓)" : "(  )");
    const fillIn = (text) => (text == null || text === "" ? "................" : " " + text + " ");
    add("p", "kpi-paper-title", C.title);
    add("p", null, box(p.lao_type === "municipality") + " " + C.laoTypeLabels.municipality + "  " + box(p.lao_type === "sao") + " " + C.laoTypeLabels.sao + fillIn(p.lao_name) + " อำเภอ" + fillIn(p.district) + " จังหวัด" + fillIn(p.province));
    add("p", null, "รายงานครั้งที่" + fillIn(thaiNum(S.round)) + " วันที่รายงาน" + fillIn(v.report_date && parseBeIso(v.report_date) ? beLong(v.report_date) : ""));
    add("p", "kpi-paper-hint", C.paperHint);
    C.items.forEach((it) => {
      if (!it.n) return;
      let q = it.text;
      it.fields.filter((f) => it.inline.indexOf(f.key) >= 0).forEach((f) => {
        let filled = f.paper;
        if (f.kind === "choice") f.choices.forEach((c) => { filled = filled.replace("( ) " + c.label, box(v[f.key] === c.code) + " " + c.label); });
        else filled = filled.replace(".....", fillIn(paperText(f, v)));
        q = q.replace(f.paper, filled);
      });
      add("p", "kpi-paper-q", q);
      it.fields.filter((f) => it.inline.indexOf(f.key) < 0).forEach((f) => paperField(add, box, fillIn, f, v));
    });
    const sig = add("div", "kpi-paper-sign");
    [["ลงชื่อ", "................................................", "ผู้รายงาน"], ["(", v["reporter.name"] || "................................................", ")"], ["ตำแหน่ง", v["reporter.position"] || "................................................", ""]]
      .forEach((row) => { const n = document.createElement("p"); n.textContent = row.join(" "); sig.appendChild(n); });
    if (v.note) add("p", "kpi-paper-note", "หมายเหตุ: " + v.note);
  }
  function paperText(f, v) {
    const val = v[f.key];
    if (f.kind === "count") return val && val.value != null ? (val.int ? thaiNum(val.value) : val.raw) : "";
    if (f.kind === "date") return val && parseBeIso(val) ? beLong(val) : "";
    if (f.kind === "percent") return percentFor(v, f.key) || "";
    if (f.kind === "multi") return (val || []).map((c) => (f.choices.find((x) => x.code === c) || {}).label).join(", ");
    return val || "";
  }
  function paperField(add, box, fillIn, f, v) {
    if (f.kind === "choice") {
      const chosen = v[f.key];
      const line = f.inline ? add("p", "kpi-paper-a", "") : null;
      f.choices.forEach((c) => {
        const subs = (c.fields || []).map((s) => (s.label ? s.label + " " : "") + fillIn(c.code === chosen ? paperText(s, v) : "") + (s.suffix ? " " + s.suffix : "")).join(" ");
        const text = box(c.code === chosen) + " " + c.label + (subs ? " " + subs : "");
        if (line) line.textContent += text + "   ";
        else add("p", "kpi-paper-a", text);
      });
      return;
    }
    add("p", "kpi-paper-a", (f.label ? f.label + " " : "") + fillIn(paperText(f, v)) + (f.suffix ? " " + f.suffix : ""));
  }
  function print() {
    update();
    paper();
    window.print();
  }

  /* ---------------------------------------------------------------- wiring */
  function touch(e) {
    const box = e.target.closest && e.target.closest("[data-field]");
    const name = e.target.name || (box ? box.dataset.field : e.target.id && e.target.id.indexOf("kf-report_date") === 0 ? "report_date" : "");
    if (name) S.touched.add(name);
    update();
  }
  // Messages follow typing and ticking, not leaving a field: a message appearing on
  // blur would move the buttons under a pointer that is about to press one.
  form.addEventListener("change", touch);
  form.addEventListener("input", touch);
  form.addEventListener("submit", (e) => { e.preventDefault(); });
  const on = (id, fn) => { const b = $(id); if (b) b.addEventListener("click", fn); };
  on("kf-git", openGit);
  on("kf-download", download);
  on("kf-print", print);
  on("kf-show", () => { if (!blocked()) showText(yaml(S.v)); });
  window.addEventListener("beforeprint", () => { if (S.pilot) { update(); paper(); } });

  // For the agreement test and for anyone curious: what the form would write, and why not.
  window.kpiForm = {
    paper: () => { update(); paper(); },
    check: () => { const f = update(); return { findings: f.map((x) => ({ code: x.code, key: x.key, severity: x.severity })), yaml: S.pilot ? yaml(S.v) : null, path: S.pilot ? reportPath() : null, url: S.pilot && C.repo ? gitUrl(yaml(S.v)) : null }; },
  };
  load();
})();
