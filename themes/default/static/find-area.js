// "Find your area" on the home page: matches province, district and subdistrict names
// from the site's static list (areas.json), with or without จังหวัด/อำเภอ/ตำบล or
// จ./อ./ต. in front, and links each to its page, or to the nearest page above it when
// the area has none of its own yet. Needs no search index.
(function () {
  "use strict";
  var box = document.getElementById("find-area");
  if (!box || !window.fetch) return;
  box.hidden = false;
  var root = box.getAttribute("data-root") || "";
  var input = document.getElementById("find-q");
  var list = document.getElementById("find-results");
  var status = document.getElementById("find-status");
  var areas = null, byCode = {}, loading = null;
  var prefixes = ["จังหวัด", "อำเภอ", "ตำบล", "เขต", "แขวง", "จ.", "อ.", "ต."];
  var levelName = { 2: "จังหวัด", 4: "อำเภอ", 6: "ตำบล" };

  // A prefix the reader typed also says which level they mean.
  var prefixLevel = { "จังหวัด": 2, "จ.": 2, "อำเภอ": 4, "อ.": 4, "เขต": 4, "ตำบล": 6, "ต.": 6, "แขวง": 6 };
  function split(text) {
    text = text.normalize("NFC").toLowerCase().replace(/\s+/g, "");
    for (var i = 0; i < prefixes.length; i++) {
      if (text.indexOf(prefixes[i]) === 0 && text.length > prefixes[i].length) {
        return { key: text.slice(prefixes[i].length), level: prefixLevel[prefixes[i]] };
      }
    }
    return { key: text, level: 0 };
  }
  function key(text) { return split(text).key; }
  function folder(code) {
    if (code.length === 2) return code + "/";
    if (code.length === 4) return code.slice(0, 2) + "/" + code + "/";
    return code.slice(0, 2) + "/" + code.slice(0, 4) + "/" + code + "/";
  }
  function full(area) {
    return levelName[area[0].length] + area[1];
  }
  function load() {
    if (!loading) {
      loading = fetch(root + "areas.json").then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (rows) {
        areas = rows.map(function (row) { return { row: row, key: key(row[1]) }; });
        rows.forEach(function (row) { byCode[row[0]] = row; });
      }).catch(function () {
        status.textContent = "โหลดรายชื่อพื้นที่ไม่ได้ ใช้ตารางรายจังหวัดด้านล่างแทน";
      });
    }
    return loading;
  }
  function show() {
    var typed = split(input.value), query = typed.key;
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    if (!areas) { status.textContent = "กำลังโหลดรายชื่อพื้นที่…"; return; }
    var found = [];
    for (var i = 0; i < areas.length; i++) {
      var at = areas[i].key.indexOf(query);
      if (at < 0 || (typed.level && areas[i].row[0].length !== typed.level)) continue;
      var rank = areas[i].key === query ? 0 : at === 0 ? 1 : 2;
      found.push({ rank: rank, level: areas[i].row[0].length, area: areas[i].row });
    }
    // Exact names first, then names that start so; areas the directory has pages for
    // before those it has not; provinces, then districts, then subdistricts.
    found.sort(function (a, b) {
      return a.rank - b.rank || b.area[2] - a.area[2] || a.level - b.level || (a.area[0] < b.area[0] ? -1 : 1);
    });
    status.textContent = found.length ? "พบ " + found.length + " พื้นที่" + (found.length > 20 ? " แสดง 20 พื้นที่แรก" : "")
      : "ไม่พบพื้นที่ชื่อนี้";
    found.slice(0, 20).forEach(function (item) {
      var area = item.area, target = area;
      while (target && !target[2]) target = byCode[target[0].slice(0, target[0].length - 2)];
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + (target ? folder(target[0]) : "");
      link.textContent = full(area);
      li.appendChild(link);
      var place = [];
      for (var code = area[0].slice(0, -2); code.length >= 2; code = code.slice(0, -2)) {
        if (byCode[code]) place.push(full(byCode[code]));
      }
      var detail = document.createElement("span");
      detail.className = "place";
      var text = place.join(" › ");
      if (target !== area) text += (text ? " · " : "") + (target ? "ยังไม่มีหน้าของพื้นที่นี้ ลิงก์ไปที่" + full(target) : "");
      detail.textContent = text;
      li.appendChild(detail);
      list.appendChild(li);
    });
  }
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load().then(show); });
})();
