#!/usr/bin/env python3
"""Write savnet's bundled sample content: the Surat Thani (84) province network, its
19 district networks and the subdistrict networks of Ban Ta Khun district (8409).

Every person is fictional: family names are built from ตัวอย่าง ("example"),
ทดลอง ("trial") and สมมติ ("suppose") so nobody mistakes them for real people.
The dates follow the 2566 BE timeline of the provincial letter on activity 1.4.2.
Deterministic: the same script writes the same files.

Usage: python3 scripts/make-sample.py [OUTPUT_FOLDER]   (default: content)
"""
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "Sources/SavnetModel/Gazetteer+Data.swift"

GIVEN_M = ["สมชาย", "ประเสริฐ", "วิชัย", "สมศักดิ์", "บุญมี", "สุรชัย", "ชาญวิทย์", "อนันต์", "ประยุทธ", "สมพงษ์",
           "ธนากร", "วีระ", "สุเมธ", "ไพโรจน์", "อำนาจ", "เกรียงไกร", "ณรงค์", "ยุทธนา", "สมบัติ", "พิชิต"]
GIVEN_F = ["สมศรี", "มาลี", "วันดี", "สุนีย์", "อำไพ", "บุญเรือน", "ประไพ", "จันทร์เพ็ญ", "กาญจนา", "สุภาพร",
           "รัตนา", "พรทิพย์", "นงลักษณ์", "ศิริพร", "ละเอียด", "ปราณี", "อรุณี", "วาสนา", "สายใจ", "ทองใบ"]
FAMILY = ["ตัวอย่างดี", "ทดลองสุข", "สมมติงาม", "ตัวอย่างยิ่ง", "ทดลองเจริญ", "สมมติชัย", "ตัวอย่างทอง",
          "ทดลองศรี", "สมมติใจ", "ตัวอย่างมั่น", "ทดลองพร", "สมมติรักษ์", "ตัวอย่างเพียร", "ทดลองแก้ว",
          "สมมติบุญ", "ตัวอย่างสิน", "ทดลองวงศ์", "สมมติสกุล", "ตัวอย่างพันธ์", "ทดลองเดช"]
POSITIONS = (["ประธานเครือข่าย", "รองประธาน", "รองประธาน", "เลขานุการ", "ผู้ช่วยเลขานุการ", "เหรัญญิก",
              "ผู้ช่วยเหรัญญิก", "ประชาสัมพันธ์", "ผู้ช่วยประชาสัมพันธ์", "ผู้ช่วยนายทะเบียน",
              "กรรมการส่งเสริมและสนับสนุนกิจกรรมกลุ่มออมทรัพย์เพื่อการผลิต", "กรรมการส่งเสริมและพัฒนาอาชีพ",
              "กรรมการส่งเสริมและพัฒนาศักยภาพบุคลากร", "กรรมการส่งเสริมและสนับสนุนแหล่งทุน"])
BANKS = ["ธนาคารกรุงไทย", "ธนาคารออมสิน", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร"]
SOURCES = ["fundraising", "group-contributions", "government", "other"]
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
GROUP_WORDS = ["บ้าน", "บ้านใหม่", "บ้านควน", "บ้านทุ่ง", "บ้านบาง", "บ้านนา", "บ้านเขา", "บ้านคลอง", "บ้านหนอง",
               "บ้านไร่", "บ้านต้นยาง", "บ้านสวน", "บ้านห้วย", "บ้านท่า", "บ้านดอน"]


def areas():
    rows = {}
    text = GAZETTEER.read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0].isdigit():
            rows[parts[0]] = (parts[1], parts[2])
    return rows


class People:
    """Hands out distinct fictional names."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def person(self):
        while True:
            female = self.rng.random() < 0.55
            given = self.rng.choice(GIVEN_F if female else GIVEN_M)
            family = self.rng.choice(FAMILY)
            title = self.rng.choice(["นาง", "นางสาว"]) if female else "นาย"
            if (given, family) not in self.used:
                self.used.add((given, family))
                return title, f"{given} {family}"


def committee_lines(members):
    out = ["committee:"]
    for position, (title, name), represents in members:
        out.append(f"  - position: {position}")
        out.append(f"    title: {title}")
        out.append(f"    name: {name}")
        if represents is not None:
            out.append(f"    represents: {represents}")
    return out


def funds_lines(rng, level_name):
    bank = rng.choice(BANKS)
    return [
        "funds:",
        "  sources: [" + ", ".join(SOURCES) + "]",
        "  accounts:",
        f"    - bank: {bank}",
        f"      name: เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต{level_name}",
        "      signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]",
        "      withdrawal: {required: 2, always: ประธานเครือข่าย}",
    ]


def plan_lines(rng, budget_scale):
    rows = [
        ("ประชุมคณะกรรมการเครือข่ายประจำเดือน", MONTHS, "เลขานุการ", "ประชุมครบ ๑๒ ครั้ง"),
        ("อบรมการจัดทำบัญชีให้กรรมการกลุ่มออมทรัพย์", ["ธ.ค.", "ม.ค."], "กรรมการส่งเสริมและพัฒนาศักยภาพบุคลากร",
         "กรรมการกลุ่มจัดทำบัญชีได้ร้อยละ ๘๐"),
        ("ติดตามและเยี่ยมเสริมพลังกลุ่มออมทรัพย์", ["ก.พ.", "มี.ค.", "เม.ย."], "รองประธาน", "เยี่ยมกลุ่มครบทุกกลุ่ม"),
        ("จัดเก็บข้อมูลการเงินของกลุ่มเข้าฐานข้อมูลเครือข่าย", ["มิ.ย.", "ก.ย."], "ผู้ช่วยนายทะเบียน",
         "ข้อมูลการเงินครบทุกกลุ่ม"),
        ("จัดกิจกรรมระดมทุนเข้าเครือข่าย", ["ส.ค."], "เหรัญญิก", "มีรายได้เข้ากองทุนเครือข่าย"),
    ]
    out = ["plan:", "  fiscal_year: 2567", "  activities:"]
    for name, months, who, indicator in rows:
        budget = rng.randrange(2, 12) * 1000 * budget_scale
        out += [f"    - name: {name}", "      months: [" + ", ".join(months) + "]",
                f"      budget: {budget}", f"      responsible: {who}", f"      indicator: {indicator}"]
    return out


def regulation_lines(level_word, area_name, adopted, own_clause=None):
    """A regulation as offices record it: the date it was adopted, and only the clauses
    whose wording differs from savnet's default for the level (which prints in full)."""
    out = ["regulation:", f"  adopted: {adopted}"]
    if own_clause:
        out += ["  chapters:", "    - number: 4", "      title: ทุน", "      clauses:",
                "        - number: 12", f"          text: {own_clause}"]
    return out


def advisor_lines(people, role):
    title, name = people.person()
    return ["advisors:", f"  - title: {title}", f"    name: {name}", f"    role: {role}"]


def thai(text):
    """Arabic digits as Thai digits, as official letter numbers are written."""
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def write(folder, relative, lines, body):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body.strip() + "\n", encoding="utf-8")


def subdistrict(folder, rng, people, code, names, district_name):
    name_th = names[code][0]
    villages = rng.randrange(7, 13)
    groups = ["groups:"]
    total_members = 0
    total_savings = 0
    for village in range(1, villages + 1):
        members = rng.randrange(45, 260)
        savings = members * rng.randrange(900, 4200)
        total_members += members
        total_savings += savings
        groups += [f"  - village: {village}", f"    name: กลุ่มออมทรัพย์เพื่อการผลิต{rng.choice(GROUP_WORDS)}{name_th}",
                   f"    members: {members}", f"    savings: {savings}"]
    size = max(15, villages + rng.randrange(3, 6))
    reps = list(range(1, villages + 1)) + [rng.randrange(1, villages + 1) for _ in range(size - villages)]
    positions = POSITIONS[:min(size, 14)] + ["กรรมการ"] * max(0, size - 14)
    members = [(positions[i], people.person(), reps[i]) for i in range(size)]
    # Statuses of every kind as of the sample's status date (25 September 2566, in
    # savnet.yml): 840904's committee was appointed in July 2562 and has expired; 840903's
    # in October 2562 and ends within 90 days. The site shows both; neither stops a build.
    date = {"840904": "2562-07-08", "840903": "2562-10-01"}.get(code, f"2566-07-0{3 + int(code[-1])}")
    year = date[:4]
    lines = [
        "level: subdistrict", f'area: "{code}"', f"founded: 2548-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}",
        "order:", f"  number: {int(code[-2:]) + 40}/{year}", f"  date: {date}",
        "  signer: นายตัวอย่าง ทดลองการ", f"  signer_title: นายอำเภอ{district_name}",
        "term:", f"  start: {date}",
    ] + committee_lines(members) + advisor_lines(people, "นักวิชาการพัฒนาชุมชนปฏิบัติการ") + groups + \
        funds_lines(rng, f"ตำบล{name_th}") + [
        "finance:", "  as_of: 2566-09-30", f"  fund_balance: {rng.randrange(20, 90) * 1000}",
        f"  income: {rng.randrange(10, 40) * 1000}", f"  expenses: {rng.randrange(5, 20) * 1000}",
    ] + plan_lines(rng, 1) + regulation_lines("ตำบล", name_th, f"2566-07-{10 + int(code[-1])}")
    body = f"""
# เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตตำบล{name_th}

เครือข่ายตำบล{name_th} รวมคณะกรรมการกลุ่มออมทรัพย์เพื่อการผลิต {villages} กลุ่ม
สมาชิกรวม {total_members:,} คน เงินสะสมรวม {total_savings:,} บาท (ข้อมูล ณ ๓๐ กันยายน ๒๕๖๖)

## การประชุม

คณะกรรมการประชุมทุกวันที่ ๕ ของเดือน ณ ศาลาอเนกประสงค์ของตำบล

> ข้อมูลตัวอย่างสำหรับสาธิต savnet: รายชื่อบุคคลทั้งหมดเป็นชื่อสมมติ
"""
    write(folder, f"84/8409/{code}.md", lines, body)
    return members


def district(folder, rng, people, code, names, nominee_day, sub_members):
    name_th = names[code][0]
    subs = sorted(c for c in names if len(c) == 6 and c.startswith(code))
    members = []
    for i, position in enumerate(POSITIONS + ["กรรมการ"] * 6):
        if sub_members and i < len(subs):
            # The first members of Ban Ta Khun's committee come from its subdistrict committees.
            person = sub_members[subs[i]][i][1]
        else:
            person = people.person()
        members.append((position, person, f'"{subs[i % len(subs)]}"'))
    order_day = 10 + int(code[-2:]) % 15
    nominees = [members[0][1], members[3 + int(code[-1]) % 10][1]]
    # What each district sent after 31 July: most on time, Mueang (8401) late, Kanchanadit
    # (8402) nothing yet; Don Sak (8403) named its nominees late.
    if code == "8402":
        deliverables = []
    else:
        sent = "2566-09-25" if code == "8401" else f"2566-09-{10 + int(code[-2:]) % 9:02d}"
        deliverables = ["deliverables:",
                        f"  order: {{date: {sent}, letter: สฎ {thai(f'0{code[-2:]}')}/{thai(str(int(code[-2:]) + 300))}}}",
                        f"  plan: {{date: {sent}}}", f"  bpm: {{date: {sent}}}"]
    if code == "8403":
        nominee_day = "08-03"
    else:
        nominee_day = f"07-{nominee_day}"
    lines = [
        "level: district", f'area: "{code}"', f"founded: 2550-0{rng.randrange(1, 9)}-2{rng.randrange(0, 9)}",
        "order:", f"  number: {int(code[-2:]) + 100}/2566", f"  date: 2566-07-{order_day}",
        "  signer: นายตัวอย่าง ทดลองการ", f"  signer_title: นายอำเภอ{name_th}",
        "term:", f"  start: 2566-07-{order_day}",
    ] + committee_lines(members) + advisor_lines(people, "พัฒนาการอำเภอ") + [
        "nominees:", f"  reported: 2566-{nominee_day}", "  names:",
        f"    - {nominees[0][1]}", f"    - {nominees[1][1]}",
    ] + deliverables + funds_lines(rng, f"อำเภอ{name_th}") + [
        "finance:", "  as_of: 2566-09-30", f"  fund_balance: {rng.randrange(60, 400) * 1000}",
        f"  income: {rng.randrange(30, 120) * 1000}", f"  expenses: {rng.randrange(10, 60) * 1000}",
        f"  loans: {rng.randrange(0, 30) * 10000}",
    ] + plan_lines(rng, 2) + regulation_lines(
        "อำเภอ", name_th, f"2566-08-{10 + int(code[-2:]) % 18}",
        # Ban Ta Khun words its deposits clause its own way: the rest prints as savnet's default.
        "ให้นำทุนของเครือข่ายฝากไว้กับธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขาบ้านตาขุน" if code == "8409" else None)
    body = f"""
# เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอ{name_th}

คณะกรรมการเครือข่ายระดับอำเภอ {len(members)} คน มาจากผู้แทนเครือข่ายระดับตำบลทุกตำบลในอำเภอ{name_th}
ผ่านการประชุมเชิงปฏิบัติการ ๑ วันตามกิจกรรม ๑.๔.๒ ในไตรมาสที่ ๔ ปีงบประมาณ ๒๕๖๖

- ส่งรายชื่อผู้แทนเข้าคณะกรรมการระดับจังหวัดแล้ว
- ส่งคำสั่งแต่งตั้งและแผนขับเคลื่อนเครือข่ายให้จังหวัดภายใน ๒๐ กันยายน ๒๕๖๖

> ข้อมูลตัวอย่างสำหรับสาธิต savnet: รายชื่อบุคคลทั้งหมดเป็นชื่อสมมติ
"""
    write(folder, f"84/{code}/_index.md", lines, body)
    return [(nominees[0], code), (nominees[1], code)]


def province(folder, rng, people, names, nominees):
    positions = POSITIONS + ["กรรมการ"] * (len(nominees) - len(POSITIONS))
    members = [(positions[i], person, f'"{code}"') for i, (person, code) in enumerate(nominees)]
    lines = [
        "level: province", 'area: "84"', "founded: 2552-06-15",
        "order:", "  number: 3125/2566", "  date: 2566-08-18",
        "  signer: นายตัวอย่าง สมมติราชการ", "  signer_title: พัฒนาการจังหวัดสุราษฎร์ธานี",
        "  acting: ปฏิบัติราชการแทนผู้ว่าราชการจังหวัดสุราษฎร์ธานี",
        "term:", "  start: 2566-08-18",
    ] + committee_lines(members) + advisor_lines(people, "พัฒนาการจังหวัด") + [
        "deadlines:", "  nominees: 2566-07-31", "  order: 2566-09-20", "  plan: 2566-09-20", "  bpm: 2566-09-20",
        "  forwarded: 2566-09-30",
    ] + funds_lines(rng, "จังหวัดสุราษฎร์ธานี") + [
        "finance:", "  as_of: 2566-09-30", "  fund_balance: 1250000", "  income: 320000", "  expenses: 95000",
    ] + plan_lines(rng, 5) + regulation_lines("จังหวัด", "สุราษฎร์ธานี", "2566-09-05") + [
        "contacts:", "  - name: สำนักงานพัฒนาชุมชนจังหวัด (ตัวอย่าง)", "    email: savings-network@example.org",
        "    consent: true",
    ]
    body = """
# เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตจังหวัดสุราษฎร์ธานี

คณะกรรมการเครือข่ายระดับจังหวัดคัดเลือกจากผู้แทนอำเภอ ๑๙ อำเภอ อำเภอละ ๒ คน
(ประธานเครือข่ายระดับอำเภอและกรรมการอีก ๑ คน) ซึ่งอำเภอแจ้งจังหวัดภายในวันที่ ๓๑ กรกฎาคม ๒๕๖๖

| ขั้นตอน | กำหนด |
|---|---|
| อำเภอแจ้งรายชื่อผู้แทน ๒ คน | ๓๑ ก.ค. ๒๕๖๖ |
| อำเภอส่งคำสั่งแต่งตั้งและแผนขับเคลื่อน | ๒๐ ก.ย. ๒๕๖๖ |
| จังหวัดส่งคำสั่งและแผนให้กรม | ภายใน ก.ย. ๒๕๖๖ |

> ข้อมูลตัวอย่างสำหรับสาธิต savnet: รายชื่อบุคคลทั้งหมดเป็นชื่อสมมติ
"""
    write(folder, "84/_index.md", lines, body)


def main():
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content"
    rng = random.Random(2566)
    people = People(rng)
    names = {code: value for code, value in areas().items() if code.startswith("84")}
    sub_members = {}
    for code in sorted(c for c in names if len(c) == 6 and c.startswith("8409")):
        sub_members[code] = subdistrict(folder, rng, people, code, names, names["8409"][0])
    nominees = []
    for i, code in enumerate(sorted(c for c in names if len(c) == 4)):
        day = 20 + i % 12
        nominees += district(folder, rng, people, code, names, day, sub_members if code == "8409" else None)
    province(folder, rng, people, names, nominees)
    print(f"wrote sample content to {folder}")


if __name__ == "__main__":
    main()
