// Starts Pagefind's search box on the search page. Pagefind's extended build
// segments Thai words, so a person's name, a subdistrict or a position is found.
(function () {
  var box = document.getElementById("search");
  if (!box) return;
  if (typeof PagefindUI === "undefined") {
    box.innerHTML = "<p class=\"missing\">ยังไม่มีดัชนีการค้นหาในเว็บไซต์นี้ (สร้างเว็บด้วย savnet build เมื่อติดตั้ง Pagefind แล้ว)</p>";
    return;
  }
  new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    translations: {
      placeholder: "ค้นหาชื่อบุคคล พื้นที่ หรือตำแหน่ง",
      zero_results: "ไม่พบ “[SEARCH_TERM]”",
      many_results: "พบ [COUNT] รายการสำหรับ “[SEARCH_TERM]”",
      one_result: "พบ 1 รายการสำหรับ “[SEARCH_TERM]”",
      load_more: "แสดงเพิ่ม",
      clear_search: "ล้าง",
      search_label: "ค้นหาในทำเนียบเครือข่าย"
    }
  });
  var input = box.querySelector("input");
  if (input) input.focus();
})();
