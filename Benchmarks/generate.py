#!/usr/bin/env python3
"""Write national-scale network content in savnet's format, for benchmarks.

One network per area of the bundled gazetteer outside Bangkok: 76 provinces, 878
districts, 7,256 subdistricts (8,210 files, 20 members per district and province
committee, 15-20 per subdistrict committee), with synthetic names, plans, funds and
finances. `--scale N` repeats the country N times: copy k > 1 uses synthetic province
codes (a letter and a digit or letter, e.g. `B4`) and writes their areas to an extra
areas file, `areas.tsv`, that savnet reads through `areas:` in savnet.yml.

Deterministic: the same arguments write the same bytes.

Usage: python3 Benchmarks/generate.py OUTPUT_FOLDER [--scale N]
       (writes OUTPUT_FOLDER/content, OUTPUT_FOLDER/areas.tsv, OUTPUT_FOLDER/savnet.yml)
"""
import argparse
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "Sources/SavnetModel/Gazetteer+Data.swift"
GIVEN = ["สมชาย", "ประเสริฐ", "วิชัย", "สมศักดิ์", "บุญมี", "สุรชัย", "อนันต์", "สมพงษ์", "ธนากร", "วีระ",
         "สมศรี", "มาลี", "วันดี", "สุนีย์", "อำไพ", "บุญเรือน", "ประไพ", "กาญจนา", "สุภาพร", "รัตนา"]
FAMILY = ["ตัวอย่าง", "ทดลอง", "สมมติ"]
POSITIONS = ["ประธานเครือข่าย", "รองประธาน", "รองประธาน", "เลขานุการ", "ผู้ช่วยเลขานุการ", "เหรัญญิก",
             "ผู้ช่วยเหรัญญิก", "ประชาสัมพันธ์", "ผู้ช่วยประชาสัมพันธ์", "ผู้ช่วยนายทะเบียน",
             "กรรมการส่งเสริมและสนับสนุนกิจกรรมกลุ่มออมทรัพย์เพื่อการผลิต", "กรรมการส่งเสริมและพัฒนาอาชีพ",
             "กรรมการส่งเสริมและพัฒนาศักยภาพบุคลากร", "กรรมการส่งเสริมและสนับสนุนแหล่งทุน"]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gazetteer():
    rows = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0].isdigit() and not parts[0].startswith("10"):
            rows.append(parts)
    return rows


def province_code(code, copy, index):
    """Copy 1 keeps the real code; copy k > 1 gets a synthetic one unique across copies."""
    if copy == 1:
        return code
    number = (copy - 2) * 77 + index
    return chr(ord("A") + number // 36) + ALPHABET[number % 36]


class Writer:
    def __init__(self, folder, rng):
        self.folder = folder
        self.rng = rng
        self.serial = 0

    def person(self):
        self.serial += 1
        given = GIVEN[self.serial % len(GIVEN)]
        return ("นาย" if self.serial % 2 else "นาง"), f"{given} {FAMILY[self.serial % 3]}{self.serial}"

    def committee(self, count, represents):
        lines = ["committee:"]
        for n in range(count):
            title, name = self.person()
            position = POSITIONS[n] if n < len(POSITIONS) else "กรรมการ"
            lines += [f"  - position: {position}", f"    title: {title}", f"    name: {name}"]
            value = represents(n)
            if value is not None:
                lines.append(f"    represents: {value}")
        return lines

    def common(self, level, code, order_day, extra):
        rng = self.rng
        return [
            f"level: {level}", f'area: "{code}"', f"founded: 25{rng.randrange(40, 60)}-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}",
            "order:", f"  number: {rng.randrange(1, 400)}/2566", f"  date: 2566-07-{order_day:02d}",
            "  signer: นายตัวอย่าง ทดลองการ", "  signer_title: นายอำเภอ",
            "term:", f"  start: 2566-07-{order_day:02d}",
            "advisors:", "  - title: นาย", "    name: ที่ปรึกษา ตัวอย่าง", "    role: นักวิชาการพัฒนาชุมชน",
        ] + extra

    def tail(self, scale):
        rng = self.rng
        lines = [
            "funds:", "  sources: [fundraising, group-contributions, government, other]", "  accounts:",
            "    - bank: ธนาคารออมสิน", "      signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]",
            "      withdrawal: {required: 2, always: ประธานเครือข่าย}",
            "finance:", "  as_of: 2566-09-30", f"  fund_balance: {rng.randrange(20, 400) * 1000}",
            f"  income: {rng.randrange(10, 90) * 1000}", f"  expenses: {rng.randrange(5, 40) * 1000}",
            "plan:", "  fiscal_year: 2567", "  activities:",
        ]
        for name, months, who in [("ประชุมคณะกรรมการประจำเดือน", "[ต.ค., พ.ย., ธ.ค., ม.ค., ก.พ., มี.ค.]", "เลขานุการ"),
                                  ("อบรมการจัดทำบัญชีกลุ่ม", "[ธ.ค., ม.ค.]", "เหรัญญิก"),
                                  ("เยี่ยมเสริมพลังกลุ่มออมทรัพย์", "[ก.พ., มี.ค., เม.ย.]", "รองประธาน"),
                                  ("รวบรวมข้อมูลการเงินของกลุ่ม", "[มิ.ย., ก.ย.]", "ผู้ช่วยนายทะเบียน")]:
            lines += [f"    - name: {name}", f"      months: {months}", f"      budget: {rng.randrange(2, 12) * 1000 * scale}",
                      f"      responsible: {who}", "      indicator: ดำเนินการครบตามแผน"]
        lines += ["regulation:", "  adopted: 2566-08-15", "  chapters:"]
        number = 1
        for chapter, count in [(1, 4), (2, 2), (3, 4), (4, 4)]:
            lines += [f"    - number: {chapter}", f"      title: หมวด {chapter}", "      clauses:"]
            for _ in range(count):
                lines += [f"        - number: {number}", "          text: ข้อความของข้อนี้ตามระเบียบเครือข่าย"]
                number += 1
        return lines

    def write(self, relative, lines, title):
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        body = f"# {title}\n\nข้อมูลสังเคราะห์สำหรับวัดความเร็ว: ชื่อบุคคลทั้งหมดเป็นชื่อสมมติ\n"
        path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    out = pathlib.Path(args.output)
    content = out / "content"
    rng = random.Random(2566)
    writer = Writer(content, rng)
    rows = gazetteer()
    provinces = [r for r in rows if len(r[0]) == 2]
    children = {}
    for row in rows:
        if len(row[0]) > 2:
            children.setdefault(row[0][:-2], []).append(row)
    extra_areas = []
    files = 0
    for copy in range(1, args.scale + 1):
        for index, (real, name_th, name_en) in enumerate(provinces):
            pcode = province_code(real, copy, index)
            if copy > 1:
                extra_areas.append((pcode, f"{name_th} {copy}", f"{name_en} {copy}"))
            nominees = []
            for drow in children.get(real, []):
                dcode = pcode + drow[0][2:]
                if copy > 1:
                    extra_areas.append((dcode, drow[1], drow[2]))
                subs = children.get(drow[0], [])
                for srow in subs:
                    scode = pcode + srow[0][2:]
                    if copy > 1:
                        extra_areas.append((scode, srow[1], srow[2]))
                    villages = rng.randrange(5, 13)
                    size = max(15, villages + 3)
                    groups = ["groups:"]
                    for v in range(1, villages + 1):
                        members = rng.randrange(40, 250)
                        groups += [f"  - village: {v}", f"    name: กลุ่มออมทรัพย์หมู่ {v}", f"    members: {members}",
                                   f"    savings: {members * rng.randrange(900, 4000)}"]
                    lines = writer.common("subdistrict", scode, 5, writer.committee(size, lambda n: n % villages + 1) + groups)
                    writer.write(f"{pcode}/{dcode}/{scode}.md", lines + writer.tail(1), f"ตำบล{srow[1]}")
                    files += 1
                committee = writer.committee(max(20, len(subs)), lambda n: f'"{pcode}{subs[n % len(subs)][0][2:]}"' if subs else None)
                chair = committee[3].split("name: ")[1]
                second = committee[15].split("name: ")[1]
                nominees.append((dcode, chair, second))
                lines = writer.common("district", dcode, 20, committee + [
                    "nominees:", "  reported: 2566-07-28", "  names:", f"    - {chair}", f"    - {second}"])
                writer.write(f"{pcode}/{dcode}/_index.md", lines + writer.tail(2), f"อำเภอ{drow[1]}")
                files += 1
            members = ["committee:"]
            for n, (dcode, chair, second) in enumerate(nominees[:10]):
                for k, name in enumerate((chair, second)):
                    seat = 2 * n + k
                    position = POSITIONS[seat] if seat < len(POSITIONS) else "กรรมการ"
                    members += [f"  - position: {position}", f"    name: {name}", f'    represents: "{dcode}"']
            lines = writer.common("province", pcode, 25, ["nomination_deadline: 2566-07-31"] + members)
            writer.write(f"{pcode}/_index.md", lines + writer.tail(5), f"จังหวัด{name_th}")
            files += 1
    (out / "areas.tsv").write_text("".join(f"{c}\t{t}\t{e}\n" for c, t, e in extra_areas), encoding="utf-8")
    settings = "title: savnet benchmark\nbase_url: https://example.org/\ncontent: content\nsearch: off\n"
    if extra_areas:
        settings += "areas: areas.tsv\n"
    (out / "savnet.yml").write_text(settings, encoding="utf-8")
    print(f"wrote {files} network files ({args.scale}x) to {content}")


if __name__ == "__main__":
    main()
