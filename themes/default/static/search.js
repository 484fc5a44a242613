// Search over the index savnet writes into search/ (see docs/site.md, "Search").
// A query is normalised exactly as savnet normalises names when it builds the index,
// looked up as one term (a full name typed with or without its space, an area with or
// without ตำบล/อำเภอ/จังหวัด), then word by word; it fetches one small bucket per word and
// the few documents it shows. No other site is contacted.
(function (root) {
  "use strict";

  // The same steps as SearchIndex.normalize in savnet.
  function normalize(text) {
    var out = "";
    var previous = "";
    var composed = String(text).normalize("NFC").toLowerCase();
    for (var i = 0; i < composed.length; i++) {
      var c = composed.charAt(i);
      var code = composed.charCodeAt(i);
      if (" \t\n\r\u00a0\u200b\u200c\u200d\ufeff.-'\u2019".indexOf(c) >= 0) continue;
      if (code >= 0x0e50 && code <= 0x0e59) {
        out += String.fromCharCode(code - 0x0e50 + 0x30);
      } else if (code === 0x0e32 && previous === "\u0e4d") {
        out = out.slice(0, -1) + "\u0e33";
      } else {
        out += c;
      }
      previous = c;
    }
    return out;
  }

  // FNV-1a over UTF-8 bytes, as savnet computes it.
  function hash(text) {
    var bytes = unescape(encodeURIComponent(text));
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // Titles a reader may type before a name (normalised: น.ส. is นส). The index holds
  // names without them.
  var TITLES = ["นางสาว", "นาง", "นาย", "นส", "ว่าที่ร้อยตรี", "ดร"];

  function withoutTitle(term) {
    for (var i = 0; i < TITLES.length; i++) {
      if (term.length > TITLES[i].length && term.indexOf(TITLES[i]) === 0) return term.slice(TITLES[i].length);
    }
    return null;
  }

  // Runs a query. `load(path)` returns a promise of the parsed JSON file at `path`
  // (relative to the site root). Resolves to {results: [{title, url, place}], total}.
  function search(query, load, limit) {
    limit = limit || 20;
    var whole = normalize(query);
    if (!whole) return Promise.resolve({ results: [], total: 0 });
    var words = String(query).split(/\s+/).map(normalize).filter(function (w) { return w.length > 0; });
    return load("search/meta.json").then(function (meta) {
      var buckets = {};
      function term(t) {
        var bucket = hash(t) % meta.buckets;
        if (!buckets[bucket]) buckets[bucket] = load("search/t/" + bucket + ".json");
        return buckets[bucket].then(function (entries) { return entries[t] || null; });
      }
      function termOrUntitled(t) {
        return term(t).then(function (found) {
          var bare = found ? null : withoutTitle(t);
          return bare ? term(bare) : found;
        });
      }
      return termOrUntitled(whole).then(function (found) {
        if (found || words.length < 2) return found ? [found] : [];
        // Several words: each must match; documents found by all of them come first.
        return Promise.all(words.map(termOrUntitled)).then(function (all) {
          return all.filter(function (x) { return x; });
        });
      }).then(function (lists) {
        var scores = {};
        var hits = {};
        lists.forEach(function (list) {
          list.p.forEach(function (posting) {
            var id = posting[0];
            hits[id] = (hits[id] || 0) + 1;
            scores[id] = (scores[id] || 0) + posting[1];
          });
        });
        var ids = Object.keys(scores).map(Number).sort(function (a, b) {
          return (hits[b] - hits[a]) || (scores[b] - scores[a]) || (a - b);
        });
        var total = lists.length === 1 && lists[0].n ? lists[0].n : ids.length;
        var shown = ids.slice(0, limit);
        var chunks = {};
        return Promise.all(shown.map(function (id) {
          var chunk = Math.floor(id / meta.chunk);
          if (!chunks[chunk]) chunks[chunk] = load("search/d/" + chunk + ".json");
          return chunks[chunk].then(function (rows) {
            var row = rows[id % meta.chunk];
            return { title: row[0], url: row[1], place: row[2] };
          });
        })).then(function (results) { return { results: results, total: total }; });
      });
    });
  }

  var api = { normalize: normalize, hash: hash, search: search };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }
  root.savnetSearch = api;

  // The search page: a form that works with Enter and as you type.
  var box = document.getElementById("search");
  if (!box) return;
  var base = box.getAttribute("data-root") || "";
  var form = document.createElement("form");
  form.setAttribute("role", "search");
  form.innerHTML = '<label for="q">ค้นหาชื่อบุคคล พื้นที่ หรือกลุ่ม</label>' +
    '<input id="q" name="q" type="search" placeholder="เช่น บ้านตาขุน หรือ ชื่อ นามสกุล">' +
    '<button type="submit">ค้นหา</button>';
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "search-status";
  var list = document.createElement("ol");
  list.className = "search-results";
  box.appendChild(form);
  box.appendChild(status);
  box.appendChild(list);
  var input = form.querySelector("input");
  function load(path) {
    return fetch(base + path).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  }
  var latest = 0;
  function run() {
    var query = input.value;
    var ticket = ++latest;
    if (!normalize(query)) { status.textContent = ""; list.innerHTML = ""; return; }
    search(query, load).then(function (found) {
      if (ticket !== latest) return;
      list.innerHTML = "";
      found.results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + result.url;
        link.textContent = result.title;
        var place = document.createElement("span");
        place.className = "place";
        place.textContent = result.place;
        item.appendChild(link);
        item.appendChild(place);
        list.appendChild(item);
      });
      status.textContent = found.results.length === 0 ? "ไม่พบ “" + query + "”"
        : "พบ " + found.total + " รายการสำหรับ “" + query + "”";
    }).catch(function () {
      if (ticket === latest) status.textContent = "ค้นหาไม่ได้ในขณะนี้ ลองโหลดหน้านี้ใหม่";
    });
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
  input.focus();
})(this);
