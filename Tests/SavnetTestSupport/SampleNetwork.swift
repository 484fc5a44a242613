import Foundation
import SavnetModel

/// Valid network files for tests to start from and break one thing at a time.
/// Names are `ทดสอบ<code>-<n>`, unique per network.
public enum SampleNetwork {
    /// The 20 positions of the order template, in order.
    public static let templatePositions: [String] = [
        "ประธานเครือข่าย", "รองประธาน", "รองประธาน", "เลขานุการ", "ผู้ช่วยเลขานุการ", "เหรัญญิก", "ผู้ช่วยเหรัญญิก",
        "ประชาสัมพันธ์", "ผู้ช่วยประชาสัมพันธ์", "ผู้ช่วยนายทะเบียน",
        "กรรมการส่งเสริมและสนับสนุนกิจกรรมกลุ่มออมทรัพย์เพื่อการผลิต", "กรรมการส่งเสริมและพัฒนาอาชีพ",
        "กรรมการส่งเสริมและพัฒนาศักยภาพบุคลากร", "กรรมการส่งเสริมและสนับสนุนแหล่งทุน",
    ] + Array(repeating: "กรรมการ", count: 6)

    /// The name of member `n` (1-based) of the network for `code`.
    public static func name(_ code: String, _ n: Int) -> String { "ทดสอบ\(code) คนที่\(n)" }

    /// A `committee:` block of `count` members; `represents(n)` gives member n's `represents`.
    public static func committee(_ code: String, count: Int, represents: (Int) -> String?) -> String {
        var lines = ["committee:"]
        for n in 1...count {
            let position = n <= templatePositions.count ? templatePositions[n - 1] : "กรรมการ"
            lines += ["  - position: \(position)", "    title: นาย", "    name: \(name(code, n))"]
            if let value = represents(n) { lines.append("    represents: \(value)") }
        }
        return lines.joined(separator: "\n")
    }

    /// A valid subdistrict network with `villages` groups and `members` members.
    public static func subdistrict(_ code: String = "840901", villages: Int = 3, members: Int = 15, extra: String = "") -> String {
        var groups = ["groups:"]
        for v in 1...villages {
            groups += ["  - village: \(v)", "    name: กลุ่มออมทรัพย์หมู่ \(v)", "    members: 100", "    savings: 250000"]
        }
        return """
        ---
        level: subdistrict
        area: "\(code)"
        advisors:
          - name: ที่ปรึกษา\(code)
        term:
          start: 2566-07-04
        \(committee(code, count: members) { String(($0 - 1) % villages + 1) })
        \(groups.joined(separator: "\n"))
        \(extra)
        ---
        body

        """
    }

    /// A valid district network whose members represent `subdistricts` in turn.
    public static func district(
        _ code: String = "8409", subdistricts: [String] = ["840901", "840902", "840903", "840904"],
        nominated: [Int] = [1, 4], reported: String = "2566-07-28", extra: String = ""
    ) -> String {
        let names = nominated.map { "    - \(name(code, $0))" }.joined(separator: "\n")
        return """
        ---
        level: district
        area: "\(code)"
        advisors:
          - name: ที่ปรึกษา\(code)
        term:
          start: 2566-07-20
        \(committee(code, count: 20) { "\"\(subdistricts[($0 - 1) % subdistricts.count])\"" })
        nominees:
          reported: \(reported)
          names:
        \(names)
        \(extra)
        ---

        """
    }

    /// A valid province network drawn from the nominees of `districts` (members 1 and 4 of each).
    public static func province(_ code: String = "84", districts: [String], deadline: String = "2566-07-31",
                                extra: String = "") -> String {
        var picks: [(String, String)] = []
        for district in districts { picks += [(district, name(district, 1)), (district, name(district, 4))] }
        var lines = ["committee:"]
        for (index, pick) in picks.enumerated() {
            let position = index < templatePositions.count ? templatePositions[index] : "กรรมการ"
            lines += ["  - position: \(position)", "    title: นาย", "    name: \(pick.1)", "    represents: \"\(pick.0)\""]
        }
        return """
        ---
        level: province
        area: "\(code)"
        advisors:
          - name: ที่ปรึกษา\(code)
        nomination_deadline: \(deadline)
        term:
          start: 2566-08-18
        \(lines.joined(separator: "\n"))
        \(extra)
        ---

        """
    }
}

public extension SampleNetwork {
    /// The subdistrict codes of a district, from the bundled gazetteer.
    static func subdistricts(of district: String) -> [String] {
        Gazetteer.bundled.children(of: district).map(\.code)
    }

    /// A whole valid site: province 84 drawn from districts 8401, 8402 and 8409, and the
    /// four subdistrict networks of 8409. Tests change one file to break one rule.
    static func site() -> TestSite {
        var files: [String: String] = [
            "84/_index.md": province(districts: ["8401", "8402", "8409"]),
            "84/8401/_index.md": district("8401", subdistricts: subdistricts(of: "8401")),
            "84/8402/_index.md": district("8402", subdistricts: subdistricts(of: "8402")),
            "84/8409/_index.md": district("8409"),
        ]
        for code in subdistricts(of: "8409") { files["84/8409/\(code).md"] = subdistrict(code) }
        return TestSite(files)
    }
}

public extension String {
    /// The text with the first occurrence of `target` replaced; fails loudly when absent,
    /// so a test never silently checks an unchanged file.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { preconditionFailure("fixture has no \(target)") }
        return replacingCharacters(in: range, with: replacement)
    }
}
