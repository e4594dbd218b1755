/* The กรอกแบบรายงาน page: the paper form on the web.
 *
 * The page's fields are generated at build time from the form description
 * (render/report_form.py); this script only reads the data the build embedded in
 * #kpi-form-data: the fields, the written (Thai) values of each choice, the
 * schema's bounds and the codes the validator gives for each kind of problem,
 * the fiscal-year settings and the finding catalogue. The checks below follow the
 * validator's order (loader, schema, dates, rules) so each message carries the same
 * code CI would give; tests/browser/test_form_agreement.py holds them to that.
 * The consistency rules are the validator's declared table (rule_table.py), which
 * rules.js, loaded first, runs. No other dependencies, no requests to other hosts.
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
    const d = $(p + "-d").value,
      m = $(p + "-m").value,
      y = $(p + "-y").value;
    if (!d && !m && !y) return null;
    const pad = (s) => (s.length < 2 ? "0" + s : s);
    return (y || "????") + "-" + (m ? pad(m) : "??") + "-" + (d ? pad(d) : "??");
  }
  const parseBeIso = (s) => KpiRules.beDate(s, C.beOffset); // comparable number
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
      form.querySelectorAll('input[name="' + key + '"]:checked'),
      (el) => el.value,
    );
  }

  /* ---------------------------------------------------------------- state */
  const S = {
    pilot: null,
    round: null,
    existing: null,
    previous: null,
    touched: new Set(),
    tried: false,
  };

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
    const num = v[f.numerator],
      den = v[f.denominator];
    if (!num || !den || !num.int || !den.int) return null;
    return percentText(num.value, den.value);
  }

  /* ---------------------------------------------------------------- criteria */
  // What the answers mean for criteria 1-5: evaluate.py's rules and reasons, word for
  // word, with the settings' thresholds as exact fractions (C.criteria). It informs
  // and never blocks; tests/browser/test_form_agreement.py compares it with evaluate.
  const K = C.criteria;
  function beShort(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m && parseBeIso(iso) != null ? +m[3] + " " + K.monthsAbbr[+m[2] - 1] + " " + m[1] : null;
  }
  function by(v, item, verb) {
    const when = beShort(v[item + ".expected_date"]);
    return when ? " " + verb + " " + when : "";
  }
  // evaluate.percent_text: 2 decimals half up, more while rounding would blur the verdict
  function sharePercent(n, base, t) {
    const num = BigInt(n) * 100n,
      den = BigInt(base);
    const meets = num * BigInt(t[1]) >= BigInt(t[0]) * den;
    for (let places = 2; ; places++) {
      const scale = 10n ** BigInt(places);
      const q = (num * scale * 2n + den) / (den * 2n);
      if (places >= 8 || q * BigInt(t[1]) >= BigInt(t[0]) * scale === meets) {
        const str = q.toString().padStart(places + 1, "0");
        return {
          text: str.slice(0, str.length - places) + "." + str.slice(str.length - places),
          meets: meets,
        };
      }
    }
  }
  const CRITERION_ITEMS = { 1: [2, 3], 2: [1, 4], 3: [5, 6], 4: [6, 7], 5: [7, 8] };
  function criteria(v, findings) {
    // an answer the form refuses says nothing about a criterion yet
    const wrong = new Set(
      (findings || []).filter((f) => f.severity === "error").map((f) => f.key.split(".")[0]),
    );
    return criteriaOf(v).map((c) => {
      if (c.unanswered) return c;
      const items = CRITERION_ITEMS[c.n].filter((i) => wrong.has("item" + i));
      return items.length
        ? { n: c.n, outcome: "not_reported", reason: "ต้องแก้ข้อ " + items.join(" และข้อ ") + " ก่อน" }
        : c;
    });
  }
  function criteriaOf(v) {
    const st = (n) => v["item" + n + ".status"];
    const done = (n) => C.doneCodes.indexOf(st(n)) >= 0;
    const num = (k) => (v[k] && v[k].int ? v[k].value : null);
    const out = [];
    const res = (n, outcome, reason) => out.push({ n: n, outcome: outcome, reason: reason });
    const missing = (n, items) => {
      const blank = items.filter((i) => st(i) == null);
      if (!blank.length) return false;
      res(n, "not_reported", "ยังไม่ได้ตอบข้อ " + blank.join(" และข้อ "));
      out[out.length - 1].unanswered = true;
      return true;
    };
    if (!missing(1, [2, 3])) {
      const parts = [
        done(2)
          ? "ข้อ 2: มีคณะทำงานแล้ว"
          : "ข้อ 2: ยังไม่มีคณะทำงาน" + by(v, "item2", "จะจัดตั้งให้เสร็จภายใน"),
        done(3)
          ? "ข้อ 3: มีแผนการดำเนินงานร่วมกันแล้ว"
          : "ข้อ 3: ยังไม่มีแผนการดำเนินงาน" + by(v, "item3", "จะจัดทำให้เสร็จภายใน"),
      ];
      res(1, done(2) && done(3) ? "met" : "not_met", parts.join("; "));
    }
    if (!missing(2, [4])) {
      const unit = K.unit[v["item1.unit"]] || "หมู่บ้าน/ชุมชน";
      const rem = num("item4.remaining");
      if (done(4))
        res(
          2,
          "met",
          "ข้อ 4: จัดเวทีประชาคมครบทุก" +
            unit +
            "แล้ว (" +
            (num("item1.total") == null ? "–" : num("item1.total")) +
            " " +
            unit +
            ")",
        );
      else
        res(
          2,
          "not_met",
          (rem != null ? "ข้อ 4: เหลือ " + rem + " " + unit : "ข้อ 4: ยังจัดเวทีประชาคมไม่ครบทุก" + unit) +
            by(v, "item4", "คาดว่าเสร็จ"),
        );
    }
    if (!missing(3, [5, 6])) {
      const parts = [];
      if (done(5)) {
        const when = beShort(v["item5.date"]);
        parts.push("ข้อ 5: จัดเวทีประชาคมระดับท้องถิ่นแล้ว" + (when ? " เมื่อ " + when : ""));
      } else parts.push("ข้อ 5: ยังไม่จัดเวทีประชาคมระดับท้องถิ่น" + by(v, "item5", "คาดว่าเสร็จ"));
      const dims = (v["item6.missing_dimensions"] || []).map((d) => K.dimension[d] || d).join(", ");
      const n6 = num("item6.projects");
      if (done(6))
        parts.push("ข้อ 6: แผนชุมชนครอบคลุม 3 ด้าน" + (n6 != null ? " รวม " + n6 + " โครงการ" : ""));
      else parts.push("ข้อ 6: แผนชุมชนไม่ครอบคลุม 3 ด้าน" + (dims ? " ขาด" + dims : ""));
      res(3, done(5) && done(6) ? "met" : "not_met", parts.join("; "));
    }
    [
      [4, 7, 6, "แผนพัฒนาท้องถิ่น"],
      [5, 8, 7, "ร่างข้อบัญญัติงบประมาณ"],
    ].forEach((c) => {
      const n = c[0],
        item = c[1],
        baseItem = c[2],
        where = c[3];
      if (missing(n, [item])) return;
      const t = K["threshold" + n],
        limit = K["threshold" + n + "Text"];
      if (!done(item)) {
        res(
          n,
          "not_met",
          "ข้อ " + item + ": ยังไม่บรรจุใน" + where + by(v, "item" + item, "จะดำเนินการภายใน"),
        );
        return;
      }
      const count = num("item" + item + ".projects");
      if (count == null) {
        res(n, "not_reported", "ข้อ " + item + ": แจ้งว่าดำเนินการแล้ว แต่ไม่ได้ระบุจำนวนโครงการ");
        return;
      }
      const base = num("item" + baseItem + ".projects");
      if (base == null) {
        res(
          n,
          "not_reported",
          "ข้อ " + baseItem + ": ไม่ได้ระบุจำนวนโครงการ จึงคำนวณร้อยละของข้อ " + item + " ไม่ได้",
        );
        return;
      }
      if (base === 0) {
        res(
          n,
          "not_met",
          "ข้อ " +
            baseItem +
            ": มีโครงการ 0 โครงการ จึงไม่มีโครงการให้บรรจุตามข้อ " +
            item +
            " ไม่ถึงเกณฑ์ร้อยละ " +
            limit,
        );
        return;
      }
      const share = sharePercent(count, base, t);
      res(
        n,
        share.meets ? "met" : "not_met",
        "ข้อ " +
          item +
          ": บรรจุ " +
          count +
          " จาก " +
          base +
          " โครงการ = ร้อยละ " +
          share.text +
          " " +
          (share.meets ? "ไม่ต่ำกว่า" : "ต่ำกว่า") +
          "เกณฑ์ร้อยละ " +
          limit,
      );
    });
    return out;
  }
  function renderCriteria(list) {
    const ul = $("kf-criteria");
    if (!ul) return;
    ul.textContent = "";
    list.forEach((c) => {
      const li = document.createElement("li");
      li.className = "kpi-crit-" + c.outcome;
      const head = document.createElement("strong");
      head.textContent = "เกณฑ์ข้อ " + c.n + ": " + K.outcome[c.outcome];
      li.append(head, " — " + c.reason);
      ul.appendChild(li);
    });
  }

  /* ---------------------------------------------------------------- checks */
  const BLANK = new RegExp("[" + C.patterns.blank + "]", "g");
  const visible = (s) => String(s).replace(BLANK, "");

  // The validator's echo() of a value quoted in a message: spaces collapsed, cut long.
  function echo(s) {
    const t = String(s).split(/\s+/).filter(Boolean).join(" ");
    const chars = [...t];
    return chars.length <= C.schema.echoMax
      ? t
      : chars.slice(0, C.schema.echoMax).join("") +
          "… (ยาว " +
          chars.length.toLocaleString("en-US") +
          " ตัวอักษร)";
  }
  const TYPE_PATTERNS = Object.entries(C.schema.typePatterns).map((e) => [e[0], new RegExp(e[1])]);
  function typeText(sc, raw) {
    const value = raw.trim();
    const kind = (TYPE_PATTERNS.find((e) => e[1].test(value)) || ["other"])[0];
    const fixed =
      kind === "percent" ? value.replace(/%\s*$/, "").trim() : value.replace(/,/g, "").trim();
    return sc.text.type[kind].replace("{value}", echo(value)).replace("{fixed}", fixed);
  }
  function dateText(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return C.schema.dates.dateIncomplete;
    return C.schema.dates.dateNoSuchDay
      .replace("{day}", String(+m[3]))
      .replace("{month}", C.months[+m[2] - 1])
      .replace("{year}", m[1]);
  }

  /* Every check runs whatever else is still empty or wrong. Where the validator would
   * hold its rules back until the file's other errors are fixed (a blank or unreadable
   * report date, a broken item together with a bad date, a control character), the
   * form still says what they will be, marked "ahead" (the validator gives them once
   * the others are fixed); the agreement test compares the rest with it exactly. */
  function check(v) {
    const out = [];
    let held = false;
    const add = (code, key, extra, text) =>
      out.push({
        code: code,
        key: key,
        severity: C.severity[code] || "error",
        extra: extra || "",
        text: text || "",
        ahead: held,
      });
    const texts = ORDER.filter(
      (k) => (FIELDS[k].kind === "text" || FIELDS[k].kind === "textarea") && v[k] != null,
    );

    // 1. loader: a control character stops the validator's other checks.
    const bad = texts.find((k) => CONTROL.test(v[k]));
    if (bad) {
      add("L-CONTROL-CHAR", bad);
      held = true;
    }

    // 2. schema, field by field, with the codes and texts the build probed from the real schema.
    const broken = new Set();
    const schemaAdd = (code, key, extra, text) => {
      add(code, key, extra, text);
      broken.add(key.split(".")[0]);
    };
    if (v.report_date == null)
      schemaAdd(C.schema.blank.report_date, "report_date", "", C.schema.blankText.report_date);
    ORDER.forEach((key) => {
      if (!(key in v)) return;
      const f = FIELDS[key],
        val = v[key],
        sc = C.schema.fields[key] || {};
      const tx = sc.text || {};
      if (f.kind === "choice" && val == null && sc.blank) schemaAdd(sc.blank, key, "", tx.blank);
      if (f.kind === "count") {
        if (val.value == null) {
          if (sc.blank) schemaAdd(sc.blank, key, "", tx.blank);
        } else if (!val.int) schemaAdd(sc.type, key, "", typeText(sc, val.raw));
        else if (val.value < sc.min)
          schemaAdd(
            sc.rangeLow,
            key,
            "",
            tx[val.value < 0 ? "rangeNegative" : "rangeLow"].replace("{value}", val.text),
          );
        else if (val.value > sc.max)
          schemaAdd(sc.range, key, "", tx.range.replace("{value}", val.text));
      }
      if (f.kind === "text" || f.kind === "textarea") {
        if (val == null) {
          if (sc.blank) schemaAdd(sc.blank, key, "", tx.blank);
        } else if ([...val].length > sc.maxLength) schemaAdd(sc.long, key, "", tx.long);
      }
    });
    if (broken.has("report_date")) held = true; // the validator runs no rule without a header

    // 3. dates: an unreadable one is reported; the item is then left out of the rules.
    const dates = {};
    const dateBroken = new Set();
    const dateKeys = (v.report_date == null ? [] : ["report_date"]).concat(
      ORDER.filter((k) => FIELDS[k].kind === "date" && v[k] != null),
    );
    dateKeys.forEach((k) => {
      if (k !== "report_date" && broken.has(FIELDS[k].item)) return;
      const n = parseBeIso(v[k]);
      if (n == null) {
        add("R-DATE-FORMAT", k, "", dateText(v[k]));
        dateBroken.add(k === "report_date" ? k : FIELDS[k].item);
      } else dates[k] = n;
    });
    if (dateBroken.has("report_date")) held = true;
    if (broken.size && dateBroken.size) held = true; // as the validator: a broken report with bad dates
    dateBroken.forEach((k) => broken.add(k));

    // 4. rules the form can decide (rules.py), skipping the parts already broken.
    // The validator's declared table (rule_table.py, run by rules.js), row by row.
    // the rules' own messages, probed at build time (render/form_rule_texts.py)
    const rule = (code, key, extra, vals, template) => {
      let t = C.ruleTexts[template || code + " " + key] || "";
      Object.keys(vals || {}).forEach((name) => {
        t = t.split("{" + name + "}").join(vals[name]);
      });
      add(code, key, extra, t);
    };
    KpiRules.run(C.rules, {
      field: KpiRules.reader(C, v, S.round),
      has: (k) => k in FIELDS,
      broken: broken,
      found: (code) => out.some((f) => f.code === code),
      fmt: { long: beLong, grouped: thaiNum },
    }).forEach((hit) => {
      const perRound = hit.row.stage === "window" ? " " + S.round : ""; // each round its own window
      rule(hit.code, hit.field, hit.extra, hit.values, hit.code + " " + hit.field + perRound);
    });

    const status = (item) => v[item + ".status"];
    // the header's names come from the registry, but the rules read them too
    C.headerTexts.forEach((k) => {
      if (MARKUP.test(S.pilot[k])) rule("R-TEXT-MARKUP", k);
    });
    texts.forEach((k) => {
      if (broken.has(FIELDS[k].item)) return;
      const t = v[k];
      if (FIELDS[k].required && !visible(t)) rule("R-TEXT-EMPTY", k);
      const hidden = INVISIBLE.exec(t);
      if (hidden)
        rule("R-TEXT-INVISIBLE", k, "", {
          char: hidden[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0"),
        });
      if (MARKUP.test(t)) rule("R-TEXT-MARKUP", k);
    });

    // Across rounds (rules.check_across): only for a report with no error.
    if (!out.some((f) => f.severity === "error") && S.pilot) {
      const reports = S.pilot.reports || {};
      C.stepItems
        .concat([6])
        .sort()
        .forEach((n) => {
          const item = "item" + n;
          if (C.doneCodes.indexOf(status(item)) >= 0) return;
          const earlier = Object.keys(reports)
            .map(Number)
            .filter(
              (r) =>
                r < S.round &&
                C.doneCodes.indexOf(reports[r][item] && reports[r][item].status) >= 0,
            );
          if (earlier.length)
            rule(
              "R-UNDONE",
              item + ".status",
              "ครั้งที่ " + thaiNum(Math.min.apply(null, earlier)) + " ตอบว่าดำเนินการแล้ว",
              { earlier: String(Math.min.apply(null, earlier)), round: String(S.round) },
            );
        });
    }
    return out;
  }

  function beLong(iso) {
    return KpiRules.beLong(iso, C.months);
  }

  /* ---------------------------------------------------------------- YAML */
  // Strings are written as JSON strings (a valid YAML double-quoted scalar), with
  // every character a YAML reader might refuse escaped, so no answer can change the
  // file's structure; the checks above refuse the controls the loader refuses.
  function q(s) {
    return JSON.stringify(String(s)).replace(
      /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
      (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
    );
  }
  function plain(s) {
    return /^[\u0e00-\u0e7fA-Za-z][\u0e00-\u0e7fA-Za-z0-9_./ ]*$/.test(s) &&
      !/\s$/.test(s) &&
      !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(s)
      ? s
      : q(s);
  }
  function written(key, code) {
    const c = (FIELDS[key].choices || []).find((x) => x.code === code);
    return c ? c.value : code;
  }
  function scalar(key, v, word) {
    const f = FIELDS[key],
      val = v[key];
    word = word || written;
    if (f.kind === "choice") return val == null ? "" : " " + plain(word(key, val));
    if (f.kind === "multi")
      return val.length ? " [" + val.map((c) => plain(word(key, c))).join(", ") + "]" : "";
    if (f.kind === "count")
      return val.value == null ? "" : " " + (val.int ? val.text : q(val.raw.trim()));
    if (f.kind === "date")
      return val == null ? "" : " " + (/^\d{4}-\d{2}-\d{2}$/.test(val) ? val : q(val));
    if (f.kind === "percent") {
      const p = percentFor(v, key);
      return p == null ? null : " " + p;
    }
    return val == null ? "" : " " + q(val);
  }

  /* The file, three ways: "full" (downloaded, printed, shown) keeps the Thai comment
   * lines; the new-file link's file, which must fit in a URL where each Thai letter
   * costs 9 characters, drops them ("bare", one line points to the full questions)
   * and at worst also writes each ticked box as its code ("codes": done, not_yet ...),
   * which the validator reads the same way. */
  const MODES = ["full", "bare", "codes"];
  function yaml(v, mode) {
    mode = mode || "full";
    const full = mode === "full";
    const p = S.pilot,
      r = C.rounds.find((x) => x.n === S.round);
    const lines = ["# yaml-language-server: $schema=" + C.schemaFromReport];
    if (full) {
      lines.push(
        "# " + C.title,
        "# ปีงบประมาณ พ.ศ. " +
          C.fy +
          " รายงานครั้งที่ " +
          S.round +
          (r ? " (" + r.label + ")" : "") +
          " กรอกจากหน้ากรอกแบบรายงานบนเว็บไซต์",
      );
      if (S.existing) lines.push("# " + C.replaces.replace("{round}", S.round));
      lines.push("");
    } else if (C.repo && C.repo.template) {
      lines.push("# คำถามเต็ม: " + C.repo.template.replace("{round}", S.round));
    }
    const word = (key, code) => (mode === "codes" ? code : written(key, code));
    lines.push(
      "fiscal_year: " + C.fy,
      "round: " + S.round,
      "report_date:" +
        (v.report_date == null
          ? ""
          : " " + (/^\d{4}-\d{2}-\d{2}$/.test(v.report_date) ? v.report_date : q(v.report_date))),
      "lao_type: " + plain(mode === "codes" ? p.lao_type : C.laoTypes[p.lao_type] || p.lao_type),
      "lao_name: " + q(p.lao_name),
      "district_code: " + q(p.district_code),
      "district: " + q(p.district),
      "province_code: " + q(p.province_code),
      "province: " + q(p.province),
    );
    C.items.forEach((it) => {
      const keys = ORDER.filter((k) => FIELDS[k].item === it.key && k in v.__all);
      if (it.key === "note") {
        if (v.note != null)
          lines.push(...(full ? ["", "note: " + q(v.note)] : ["note: " + q(v.note)]));
        return;
      }
      if (full) lines.push("", "# " + it.comment);
      lines.push(it.key + ":");
      keys.forEach((k) => {
        if (!active(k)) return;
        const s = scalar(k, v, word);
        if (s === null) return;
        lines.push("  " + k.split(".")[1] + ":" + s);
      });
    });
    return lines.join("\n") + "\n";
  }

  /* ---------------------------------------------------------------- paths and links */
  function reportPath() {
    return C.path
      .replace("{province}", S.pilot.province_code)
      .replace("{district}", S.pilot.district_code)
      .replace("{round}", String(S.round));
  }
  // As submit_link._query: a space becomes '+', and characters a query may hold stay.
  function queryEncode(s) {
    return encodeURIComponent(s)
      .replace(/%20/g, "+")
      .replace(/%2F/gi, "/")
      .replace(/%3A/gi, ":")
      .replace(/%24/g, "$")
      .replace(/%2C/gi, ",")
      .replace(/%40/g, "@");
  }

  /* ---------------------------------------------------------------- display */
  function msgEl(key) {
    return $(fid(key) + "-msg");
  }
  function fieldEls(key) {
    const f = FIELDS[key];
    if (!f) return key === "report_date" ? dateEls(key) : [];
    if (f.kind === "choice" || f.kind === "multi")
      return Array.from(form.querySelectorAll('input[name="' + key + '"]'));
    if (f.kind === "date") return dateEls(key);
    return [$(fid(key))].filter(Boolean);
  }
  function dateEls(key) {
    const p = fid(key);
    return [$(p + "-d"), $(p + "-m"), $(p + "-y")];
  }

  function render(findings) {
    form.querySelectorAll(".kpi-msg").forEach((el) => {
      el.textContent = "";
      el.className = "kpi-msg";
    });
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const shown = findings.filter(
      (f) => S.tried || S.touched.has(f.key) || (f.severity === "warning" && S.touched.size),
    );
    shown.forEach((f) => {
      const el = msgEl(f.key);
      if (!el) return;
      const line = document.createElement("span");
      line.className = "kpi-msg-" + f.severity;
      const code = document.createElement("code");
      code.textContent = f.code;
      line.append(f.severity === "error" ? "✗ " : "! ", advice(f) + " ", code);
      el.appendChild(line);
      if (f.severity === "error")
        fieldEls(f.key).forEach((x) => x && x.setAttribute("aria-invalid", "true"));
    });
    const list = $("kf-list");
    list.textContent = "";
    // listed in the form's order, top to bottom, as the officer will meet them
    const at = (f) =>
      f.key === "report_date" ? -1 : ORDER.indexOf(f.key) < 0 ? ORDER.length : ORDER.indexOf(f.key);
    shown
      .slice()
      .sort((a, b) => at(a) - at(b))
      .forEach((f) => {
        const target = fieldEls(f.key).find((x) => x && !x.disabled) || fieldEls(f.key)[0];
        const li = document.createElement("li");
        li.className = "kpi-msg-" + f.severity;
        const a = document.createElement("a");
        a.href = "#" + (target ? target.id : "kpi-form");
        a.textContent = fieldName(f.key) + ": " + advice(f);
        a.addEventListener("click", (e) => {
          if (target) {
            e.preventDefault();
            target.focus();
          }
        });
        li.appendChild(a);
        list.appendChild(li);
      });
    // the summary counts the list below it; what is not listed yet is only "not answered"
    const errors = shown.filter((f) => f.severity === "error").length;
    const warnings = shown.length - errors;
    const later = findings.filter((f) => f.severity === "error" && shown.indexOf(f) < 0).length;
    const sum = $("kf-summary");
    sum.className = "kpi-form-summary " + (errors || later ? "kpi-n" : "kpi-y");
    const rest = later
      ? "ยังตอบไม่ครบอีก " + thaiNum(later) + " รายการ (รายการจะขึ้นเมื่อกดปุ่มส่ง ดาวน์โหลด หรือดูไฟล์)"
      : "";
    sum.textContent = errors
      ? "ยังส่งไม่ได้: มีข้อที่ต้องแก้ " +
        thaiNum(errors) +
        " รายการ" +
        (warnings ? " และคำเตือน " + thaiNum(warnings) + " รายการ" : "") +
        (rest ? " " + rest : "")
      : later
        ? "ยังส่งไม่ได้: " + rest + (warnings ? " และคำเตือน " + thaiNum(warnings) + " รายการ" : "")
        : "ครบถ้วน พร้อมส่ง" +
          (warnings ? " (มีคำเตือน " + thaiNum(warnings) + " รายการ ส่งได้ แต่ควรตรวจ)" : "");
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
      fieldEls(k).forEach((el) => {
        if (el) el.disabled = !on;
      });
    });
  }

  // The finding's fix in the form's words: the validator's own text where the build
  // probed it (f.text), else the catalogue's help with the form's details.
  function advice(f) {
    return f.text || (C.messages[f.code] || "") + (f.extra ? " (" + f.extra + ")" : "");
  }

  function fieldName(key) {
    if (key === "report_date") return "วันที่รายงาน";
    const f = FIELDS[key];
    if (!f) return C.headerLabels[key] || key;
    const item = C.items.find((it) => it.key === f.item);
    const head = item && item.n ? "ข้อ " + item.n : item ? item.text : "";
    return head + (f.kind === "choice" ? "" : " " + (f.label || ""));
  }

  function update() {
    S.v = snapshot();
    S.v.__all = {};
    ORDER.forEach((k) => {
      if (active(k)) S.v.__all[k] = true;
    });
    S.findings = S.pilot ? check(S.v) : [];
    render(S.findings);
    S.criteria = S.pilot ? criteria(S.v, S.findings) : [];
    renderCriteria(S.criteria);
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
      if (f.kind === "choice")
        form.querySelectorAll('input[name="' + key + '"]').forEach((el) => {
          el.checked = el.value === val;
        });
      else if (f.kind === "multi")
        form.querySelectorAll('input[name="' + key + '"]').forEach((el) => {
          el.checked = (val || []).indexOf(el.value) >= 0;
        });
      else if (f.kind === "date") setDate(key, val);
      else if (f.kind === "count") $(fid(key)).value = val == null ? "" : String(val);
      else if (f.kind === "text" || f.kind === "textarea")
        $(fid(key)).value = val == null ? "" : String(val);
    });
  }

  function params() {
    const src = new URLSearchParams(location.search);
    new URLSearchParams(location.hash.replace(/^#/, "")).forEach((v, k) => src.set(k, v));
    const roundRaw = (src.get("round") || "").trim();
    const digits = arabic(roundRaw);
    return {
      pilot: arabic(src.get("pilot") || "").trim(),
      roundRaw: roundRaw,
      round: /^\d{1,3}$/.test(digits) ? parseInt(digits, 10) : NaN,
    };
  }

  function showIdentity() {
    const p = S.pilot,
      r = C.rounds.find((x) => x.n === S.round);
    form.querySelectorAll('input[name="lao_type"]').forEach((el) => {
      el.checked = el.value === p.lao_type;
    });
    $("kf-lao_name").textContent = p.lao_name;
    $("kf-district").textContent = p.district;
    $("kf-province").textContent = p.province;
    $("kf-round").textContent =
      thaiNum(S.round) + (r ? " (" + r.label + " ส่งภายใน " + beLong(r.due) + ")" : "");
    const note = $("kf-prefill");
    if (S.existing)
      note.textContent =
        "มีรายงานครั้งที่ " +
        thaiNum(S.round) +
        " แล้ว คำตอบด้านล่างมาจากรายงานฉบับนั้น แก้ข้อที่ต้องการแล้วส่งเป็นการแก้ไข";
    else if (S.previous)
      note.textContent =
        "คำตอบด้านล่างคัดลอกมาจากรายงานครั้งที่ " +
        thaiNum(S.previous) +
        " ให้แก้ข้อที่เปลี่ยนไปและกรอกวันที่รายงาน";
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
    if (p.roundRaw !== "" && !C.rounds.some((r) => r.n === p.round)) {
      // never another round's form: name the rounds that exist
      choose(
        "ไม่มีรายงานครั้งที่ " +
          p.roundRaw +
          " ในปีงบประมาณ พ.ศ. " +
          C.fy +
          " (มีครั้งที่ " +
          thaiNum(C.rounds[0].n) +
          " ถึง " +
          thaiNum(C.rounds[C.rounds.length - 1].n) +
          ") ให้เลือกจากปุ่มในหน้าของพื้นที่ต้นแบบ",
        pilot,
      );
      return;
    }
    S.round =
      p.roundRaw !== ""
        ? p.round
        : C.rounds.some((r) => r.n === next)
          ? next
          : C.rounds[C.rounds.length - 1].n;
    S.existing = reports[S.round] ? S.round : null;
    const before = done.filter((r) => r < S.round);
    S.previous = S.existing ? null : before.length ? Math.max.apply(null, before) : null;
    const source = S.existing ? reports[S.existing] : S.previous ? reports[S.previous] : null;
    if (source) {
      fill(source);
      setDate("report_date", S.existing ? source.report_date : ""); // a new report, a new date
    }
    showIdentity();
    form.hidden = false;
    $("kf-choose").hidden = true;
    $("kf-actions").hidden = false;
    const edit = $("kf-git");
    if (edit) edit.textContent = S.existing ? C.steps.buttonEdit : C.steps.buttonNew;
    $("kf-steps-new").hidden = !!S.existing;
    $("kf-steps-edit").hidden = !S.existing;
    const replaces = $("kf-replaces");
    replaces.hidden = !S.existing;
    replaces.textContent = S.existing ? C.replaces.replace("{round}", thaiNum(S.round)) : "";
    update();
    // form-store.js brings back answers kept in this browser for this pilot and round
    document.dispatchEvent(
      new CustomEvent("kpi-form-start", { detail: { pilot: pilot.district_code, round: S.round } }),
    );
  }

  function choose(message, pilot) {
    const box = $("kf-choose");
    box.hidden = false;
    if (message) $("kf-choose-msg").textContent = message;
    if (pilot) $("kf-choose-pilot").value = pilot.district_code;
  }

  function load() {
    const p = params();
    if (!/^\d{4}$/.test(p.pilot)) {
      choose(p.pilot ? "รหัสอำเภอต้องเป็นตัวเลข 4 หลัก" : "");
      return;
    }
    fetch(C.dataBase + p.pilot.slice(0, 2) + ".json")
      .then((r) => (r.ok ? r.json() : {}))
      .then((data) => {
        const pilot = (data.pilots || {})[p.pilot];
        if (!pilot) {
          // a real district with no registered pilot, or a code that is no district
          const name = (data.districts || {})[p.pilot];
          choose(
            (name ? C.chooser.notRegistered : C.chooser.noDistrict)
              .replace("{code}", p.pilot)
              .replace("{district}", name || "")
              .replace("{province}", data.province || ""),
          );
          $("kf-choose-pilot").value = p.pilot;
          return;
        }
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
  function fileName() {
    return S.pilot.district_code + "-round-" + S.round + ".yaml";
  }

  function download() {
    if (blocked()) return;
    const blob = new Blob([yaml(S.v)], { type: "application/x-yaml;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = fileName();
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
    status(
      "ดาวน์โหลดไฟล์ " +
        fileName() +
        " แล้ว ส่งไฟล์นี้ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด หรือบันทึกไว้ที่ " +
        reportPath() +
        (S.existing ? " " + C.replaces.replace("{round}", thaiNum(S.round)) : ""),
    );
  }
  function status(text) {
    $("kf-out-status").textContent = text;
  }

  /* The new-file link: the first of the file's MODES whose link fits the git host's
   * limit (C.repo.max, see submit_link.MAX_URL); null when even "codes" does not. */
  function newFileLink() {
    const path = reportPath();
    for (const mode of MODES) {
      const text = yaml(S.v, mode);
      const url = C.repo.new + "?filename=" + queryEncode(path) + "&value=" + queryEncode(text);
      if (url.length <= C.repo.max) return { url: url, text: text, mode: mode };
    }
    return null;
  }
  function gitUrl() {
    if (S.existing) return C.repo.edit + reportPath();
    const link = newFileLink();
    return link ? link.url : null;
  }
  function openGit() {
    if (blocked()) return;
    const text = yaml(S.v);
    const link = S.existing ? null : newFileLink();
    if (link) {
      window.open(link.url, "_blank", "noopener");
      status(
        "เปิดหน้าสร้างไฟล์แล้ว ตรวจคำตอบ แล้วทำตามขั้นตอนด้านล่าง (กด " +
          C.steps.hostCommit +
          " แล้ว " +
          C.steps.hostPropose +
          ")",
      );
      $("kf-how").open = true;
      return;
    }
    const target = S.existing
      ? C.repo.edit + reportPath()
      : C.repo.new + "?filename=" + queryEncode(reportPath());
    const copy = navigator.clipboard
      ? navigator.clipboard.writeText(text)
      : Promise.reject(new Error("no clipboard"));
    $("kf-how").open = true;
    copy.then(
      () => {
        status(
          S.existing
            ? "คัดลอกไฟล์ที่แก้แล้วไว้แล้ว ในหน้าแก้ไขที่เปิดขึ้น ให้เลือกข้อความทั้งหมดแล้ววางแทน ตามขั้นตอนด้านล่าง"
            : "ไฟล์ยาวเกินกว่าจะส่งผ่านลิงก์ได้ คัดลอกไว้แล้ว ในหน้าที่เปิดขึ้นให้แตะหรือคลิกในช่องเนื้อหาแล้ววาง (Ctrl+V หรือแตะค้างแล้วเลือก วาง)",
        );
        window.open(target, "_blank", "noopener");
      },
      () => {
        showText(text);
        status("คัดลอกอัตโนมัติไม่ได้ ให้คัดลอกข้อความในกล่องด้านล่าง แล้ววางในหน้าที่เปิดขึ้น");
        window.open(target, "_blank", "noopener");
      },
    );
  }
  function showText(text) {
    const box = $("kf-yaml");
    box.hidden = false;
    box.value = text;
    box.select();
  }

  /* The print view: the paper แบบรายงาน with ( ) and (✓), filled from the answers. */
  function paper() {
    const v = S.v,
      p = S.pilot;
    const el = $("kf-paper");
    el.textContent = "";
    const add = (tag, cls, text) => {
      const n = document.createElement(tag);
      if (cls) n.className = cls;
      if (text != null) n.append(paperText2(text));
      el.appendChild(n);
      return n;
    };
    const box = (on) => (on ? "(✓)" : "(  )");
    const fillIn = (text) => (text == null || text === "" ? "................" : " " + text + " ");
    add("p", "kpi-paper-title", C.title);
    add(
      "p",
      null,
      box(p.lao_type === "municipality") +
        " " +
        C.laoTypeLabels.municipality +
        "  " +
        box(p.lao_type === "sao") +
        " " +
        C.laoTypeLabels.sao +
        fillIn(p.lao_name) +
        " อำเภอ" +
        fillIn(p.district) +
        " จังหวัด" +
        fillIn(p.province),
    );
    add(
      "p",
      null,
      "รายงานครั้งที่" +
        fillIn(thaiNum(S.round)) +
        " วันที่รายงาน" +
        fillIn(v.report_date && parseBeIso(v.report_date) ? beLong(v.report_date) : ""),
    );
    add("p", "kpi-paper-hint", C.paperHint);
    C.items.forEach((it) => {
      if (!it.n) return;
      let q = it.text;
      it.fields
        .filter((f) => it.inline.indexOf(f.key) >= 0)
        .forEach((f) => {
          let filled = f.paper;
          if (f.kind === "choice")
            f.choices.forEach((c) => {
              filled = filled.replace("( ) " + c.label, box(v[f.key] === c.code) + " " + c.label);
            });
          else filled = filled.replace(".....", fillIn(paperText(f, v)));
          q = q.replace(f.paper, filled);
        });
      add("p", "kpi-paper-q", q);
      it.fields
        .filter((f) => it.inline.indexOf(f.key) < 0)
        .forEach((f) => paperField(add, box, fillIn, f, v));
    });
    const sig = add("div", "kpi-paper-sign");
    [
      ["ลงชื่อ", "................................................", "ผู้รายงาน"],
      ["(", v["reporter.name"] || "................................................", ")"],
      ["ตำแหน่ง", v["reporter.position"] || "................................................", ""],
    ].forEach((row) => {
      const n = document.createElement("p");
      n.append(paperText2(row.join(" ")));
      sig.appendChild(n);
    });
    if (v.note) add("p", "kpi-paper-note", "หมายเหตุ: " + v.note);
  }
  /* Printed text as the paper writes it: Thai digits only, and Thai words kept whole.
   * A browser breaks Thai lines by a dictionary that splits compounds ("งบ|ประมาณ"),
   * so each run between spaces is kept on one line (the paper's runs are short); a
   * longer run (the title) may break only before a linking word. */
  const THAI_DIGIT = (d) => String.fromCharCode(0x0e50 + Number(d));
  const LINKING = ["และ", "ของ", "นำ", "สู่", "ได้", "ตาม", "ใน", "ให้", "โดย", "เพื่อ"];
  const RUN_MAX = 60;
  function paperText2(text) {
    const frag = document.createDocumentFragment();
    String(text)
      .replace(/[0-9]/g, THAI_DIGIT)
      .split(/(\s+)/)
      .forEach((run) => {
        if (!run) return;
        if (/^\s+$/.test(run)) {
          frag.append(run);
          return;
        }
        let chunks = [run];
        if (run.length > RUN_MAX && typeof Intl !== "undefined" && Intl.Segmenter) {
          chunks = [""];
          for (const seg of new Intl.Segmenter("th", { granularity: "word" }).segment(run)) {
            if (LINKING.indexOf(seg.segment) >= 0 && chunks[chunks.length - 1]) chunks.push("");
            chunks[chunks.length - 1] += seg.segment;
          }
        }
        chunks.forEach((c) => {
          if (c.length > RUN_MAX) {
            frag.append(c);
            return;
          } // an officer's long note: the browser's breaks
          const w = document.createElement("span");
          w.className = "kpi-nw";
          w.textContent = c;
          frag.append(w);
        });
      });
    return frag;
  }
  function paperText(f, v) {
    const val = v[f.key];
    if (f.kind === "count")
      return val && val.value != null ? (val.int ? thaiNum(val.value) : val.raw) : "";
    if (f.kind === "date") return val && parseBeIso(val) ? beLong(val) : "";
    if (f.kind === "percent") return percentFor(v, f.key) || "";
    if (f.kind === "multi")
      return (val || []).map((c) => (f.choices.find((x) => x.code === c) || {}).label).join(", ");
    return val || "";
  }
  function paperField(add, box, fillIn, f, v) {
    if (f.kind === "choice") {
      const chosen = v[f.key];
      const line = f.inline ? add("p", "kpi-paper-a", "") : null;
      f.choices.forEach((c) => {
        const subs = (c.fields || [])
          .map(
            (s) =>
              (s.label ? s.label + " " : "") +
              fillIn(c.code === chosen ? paperText(s, v) : "") +
              (s.suffix ? " " + s.suffix : ""),
          )
          .join(" ");
        const text = box(c.code === chosen) + " " + c.label + (subs ? " " + subs : "");
        if (line) line.append(paperText2(text + "   "));
        else add("p", "kpi-paper-a", text);
      });
      return;
    }
    add(
      "p",
      "kpi-paper-a",
      (f.label ? f.label + " " : "") + fillIn(paperText(f, v)) + (f.suffix ? " " + f.suffix : ""),
    );
  }
  function print() {
    update();
    paper();
    window.print();
  }

  /* ---------------------------------------------------------------- wiring */
  function touch(e) {
    const box = e.target.closest && e.target.closest("[data-field]");
    const name =
      e.target.name ||
      (box
        ? box.dataset.field
        : e.target.id && e.target.id.indexOf("kf-report_date") === 0
          ? "report_date"
          : "");
    if (name) S.touched.add(name);
    update();
  }
  // Messages follow typing and ticking, not leaving a field: a message appearing on
  // blur would move the buttons under a pointer that is about to press one.
  form.addEventListener("change", touch);
  form.addEventListener("input", touch);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
  });
  const on = (id, fn) => {
    const b = $(id);
    if (b) b.addEventListener("click", fn);
  };
  on("kf-git", openGit);
  on("kf-download", download);
  on("kf-print", print);
  on("kf-show", () => {
    if (!blocked()) showText(yaml(S.v));
  });
  window.addEventListener("beforeprint", () => {
    if (S.pilot) {
      update();
      paper();
    }
  });

  // For the agreement test and for anyone curious: what the form would write, and why not.
  window.kpiForm = {
    paper: () => {
      update();
      paper();
    },
    check: () => {
      const f = update();
      return {
        findings: f.map((x) => ({
          code: x.code,
          key: x.key,
          severity: x.severity,
          text: advice(x),
          probed: !!x.text,
          ahead: x.ahead,
        })),
        yaml: S.pilot ? yaml(S.v) : null,
        path: S.pilot ? reportPath() : null,
        url: S.pilot && C.repo ? gitUrl() : null,
        criteria: (S.criteria || []).map((c) => ({ n: c.n, outcome: c.outcome, reason: c.reason })),
      };
    },
    yamlAs: (mode) => (S.pilot ? yaml(S.v, mode) : null),
  };
  load();
})();
