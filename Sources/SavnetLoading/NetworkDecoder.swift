import SavnetModel

/// Reads a front-matter node tree into a `Network`, collecting a diagnostic for every
/// field of the wrong shape. Unknown keys are warned about and left in the file.
struct NetworkDecoder {
    static let topLevelKeys = [
        "level", "area", "name", "founded", "order", "term", "committee", "advisors", "groups",
        "nominees", "nomination_deadline", "deliverables", "deadlines", "funds", "finance", "plan", "regulation", "contacts",
        "wording",
    ]

    static let memberKeys = ["position", "title", "name", "represents"]

    var reader: NodeReader

    init(path: String, yamlStartLine: Int) {
        reader = NodeReader(path: path, yamlStartLine: yamlStartLine)
    }

    /// The network, or nil when even its area cannot be read.
    mutating func decode(_ root: YAMLNode) -> Network? {
        guard let fields = reader.fields(root, "", allowed: Self.topLevelKeys) else { return nil }
        guard let area = areaCode(fields) else { return nil }
        var network = Network(area: area)
        if let level = reader.text(fields["level"], "level") {
            if let value = Level(rawValue: level.value) {
                network.level = Located(value, at: level.location)
            } else {
                reader.report(fields["level"]!, "level", "front-matter-type", Localized(
                    th: "`level` ต้องเป็น national, province, district หรือ subdistrict แต่พบ `\(level.value)`",
                    en: "`level` must be national, province, district or subdistrict; found `\(level.value)`"))
            }
        }
        network.name = reader.text(fields["name"], "name")
        network.founded = reader.date(fields["founded"], "founded")
        network.nominationDeadline = reader.date(fields["nomination_deadline"], "nomination_deadline")
        if let node = fields["order"] { network.order = order(node) }
        if let node = fields["term"] { network.term = term(node) }
        if let node = fields["committee"] {
            network.committeeLocation = reader.location(node)
            network.committee = members(node)
        }
        network.advisors = advisors(fields["advisors"])
        if let node = fields["groups"] {
            network.groupsLocation = reader.location(node)
            network.groups = groups(node)
        }
        if let node = fields["nominees"] { network.nominees = nominees(node) }
        if let node = fields["deliverables"] { network.deliveries = deliveries(node) }
        if let node = fields["deadlines"] { network.deadlines = deadlines(node) }
        if let node = fields["wording"] { network.wording = wording(node) }
        if let node = fields["funds"] { network.funds = funds(node) }
        if let node = fields["finance"] { network.finance = finance(node) }
        if let node = fields["plan"] { network.plan = plan(node) }
        if let node = fields["regulation"] { network.regulation = regulation(node) }
        network.contacts = contacts(fields["contacts"])
        pointSectionsAtTheirKeys(&network, fields)
        network.unreadableKeys = reader.unreadable
        return network
    }
}

private extension NetworkDecoder {
    /// Findings about a whole section point at its key (`committee:`), not its first item.
    func pointSectionsAtTheirKeys(_ network: inout Network, _ fields: Fields) {
        func key(_ name: String) -> SourceLocation? { fields.keyNode(name).map(reader.location) }
        if let at = key("committee") { network.committeeLocation = at }
        if let at = key("groups") { network.groupsLocation = at }
        if let at = key("order") { network.order?.location = at }
        if let at = key("nominees") { network.nominees?.location = at }
        if let at = key("funds") { network.funds?.location = at }
        if let at = key("finance") { network.finance?.location = at }
        if let at = key("plan") { network.plan?.location = at }
        if let at = key("regulation") { network.regulation?.location = at }
    }

    mutating func areaCode(_ fields: Fields) -> Located<String>? {
        guard let node = fields["area"] else {
            reader.missing("area", in: fields, hint: Localized(
                th: "เพิ่ม area: รหัสพื้นที่ของกรมการปกครอง เช่น area: \"8417\" (ค้นรหัสได้ด้วย savnet areas ชื่อพื้นที่)",
                en: "add `area:` with the DOPA code, e.g. area: \"8417\" (find codes with `savnet areas NAME`)"))
            return nil
        }
        guard let text = reader.text(node, "area") else {
            if reader.isNull(node) { return Located("", at: reader.location(node)) }
            return nil
        }
        return Located(ThaiNumerals.toArabic(text.value), at: text.location)
    }

    mutating func order(_ node: YAMLNode) -> AppointmentOrder? {
        guard let fields = reader.fields(node, "order", allowed: ["number", "date", "signer", "signer_title", "acting"]) else {
            return nil
        }
        var order = AppointmentOrder(location: reader.location(node))
        order.number = reader.text(fields["number"], "order.number")
        order.date = reader.date(fields["date"], "order.date")
        order.signer = reader.text(fields["signer"], "order.signer")
        order.signerTitle = reader.text(fields["signer_title"], "order.signer_title")
        order.acting = reader.text(fields["acting"], "order.acting")
        return order
    }

    mutating func term(_ node: YAMLNode) -> Term? {
        guard let fields = reader.fields(node, "term", allowed: ["start"]) else { return nil }
        guard let start = reader.date(fields["start"], "term.start") else {
            if fields["start"] == nil { reader.missing("start", in: fields) }
            return nil
        }
        return Term(start: start)
    }

    mutating func members(_ node: YAMLNode) -> [Member] {
        let items = reader.list(node, "committee")
        var result: [Member] = []
        // Sized once: grown by doubling, the lists of a check were a tenth of its allocations.
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let fields = reader.fields(item, "committee", item: index + 1, allowed: Self.memberKeys) else {
                continue
            }
            guard let positionText = reader.text(fields["position"], fields.path("position")) else {
                reader.missing("position", in: fields)
                continue
            }
            guard let name = reader.text(fields["name"], fields.path("name")), !name.value.isEmpty else {
                reader.missing("name", in: fields)
                continue
            }
            let position: Position?
            switch PositionName.match(positionText.value) {
            case let .exact(found), let .misspelled(found): position = found
            case .unknown, .ambiguous: position = nil
            }
            // Filled in place: a member is a large value, and appending a finished one copied it.
            result.append(Member(positionText: positionText, position: position, name: name, location: reader.location(item)))
            result[result.count - 1].title = reader.text(fields["title"], fields.path("title"))
            result[result.count - 1].represents = reader.text(fields["represents"], fields.path("represents"))
                .map { Located(ThaiNumerals.toArabic($0.value), at: $0.location) }
        }
        return result
    }

    mutating func advisors(_ node: YAMLNode?) -> [Advisor] {
        var result: [Advisor] = []
        for (index, item) in reader.list(node, "advisors").enumerated() {
            guard let fields = reader.fields(item, "advisors", item: index + 1, allowed: ["title", "name", "role"]) else { continue }
            guard let name = reader.text(fields["name"], fields.path("name")) else {
                reader.missing("name", in: fields)
                continue
            }
            var advisor = Advisor(name: name)
            advisor.title = reader.text(fields["title"], fields.path("title"))
            advisor.role = reader.text(fields["role"], fields.path("role"))
            result.append(advisor)
        }
        return result
    }

    mutating func groups(_ node: YAMLNode) -> [VillageGroup] {
        let items = reader.list(node, "groups")
        var result: [VillageGroup] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let fields = reader.fields(item, "groups", item: index + 1, allowed: ["village", "name", "members", "savings"]) else {
                continue
            }
            guard let village = reader.int(fields["village"], fields.path("village"), in: 1...999) else {
                if fields["village"] == nil { reader.missing("village", in: fields) }
                continue
            }
            result.append(VillageGroup(village: village))
            result[result.count - 1].name = reader.text(fields["name"], fields.path("name"))
            result[result.count - 1].members = reader.int(fields["members"], fields.path("members"))
            result[result.count - 1].savings = reader.amount(fields["savings"], fields.path("savings"))
        }
        return result
    }

    /// `deliverables:` — `order`, `plan`, `bpm`, `forwarded`, each `{date, letter}`.
    mutating func deliveries(_ node: YAMLNode) -> [Delivery] {
        let kinds = Deliverable.allCases.filter { $0 != .nominees }
        guard let fields = reader.fields(node, "deliverables", allowed: kinds.map(\.rawValue)) else { return [] }
        var result: [Delivery] = []
        for kind in kinds {
            guard let item = fields[kind.rawValue],
                  let entry = reader.fields(item, "deliverables", sub: kind.rawValue, allowed: ["date", "letter"]) else { continue }
            var delivery = Delivery(kind: kind, location: reader.location(item))
            delivery.date = reader.date(entry["date"], entry.path("date"))
            delivery.letter = reader.text(entry["letter"], entry.path("letter"))
            result.append(delivery)
        }
        return result
    }

    /// `wording:` — `order: {background, networks, purpose, duties, closing}` and
    /// `regulation: {preamble, clauses: [{number, text}]}`.
    mutating func wording(_ node: YAMLNode) -> DocumentWording? {
        guard let fields = reader.fields(node, "wording", allowed: ["order", "regulation"]) else { return nil }
        var wording = DocumentWording(location: reader.location(node))
        if let order = fields["order"],
           let parts = reader.fields(order, "wording.order", allowed: ["background", "networks", "purpose", "duties", "closing"]) {
            wording.background = reader.text(parts["background"], "wording.order.background")
            wording.networks = reader.text(parts["networks"], "wording.order.networks")
            wording.purpose = reader.text(parts["purpose"], "wording.order.purpose")
            wording.duties = reader.list(parts["duties"], "wording.order.duties").enumerated().compactMap { index, item in
                reader.text(item, "wording.order.duties[\(index + 1)]")
            }
            wording.closing = reader.text(parts["closing"], "wording.order.closing")
        }
        if let regulation = fields["regulation"],
           let parts = reader.fields(regulation, "wording.regulation", allowed: ["preamble", "clauses"]) {
            wording.preamble = reader.text(parts["preamble"], "wording.regulation.preamble")
            for (index, item) in reader.list(parts["clauses"], "wording.regulation.clauses").enumerated() {
                guard let clause = reader.fields(item, "wording.regulation.clauses", item: index + 1, allowed: ["number", "text"]),
                      let number = reader.int(clause["number"], clause.path("number"), in: 1...999) else { continue }
                var entry = RegulationClause(number: number)
                entry.text = reader.text(clause["text"], clause.path("text"))
                wording.clauses.append(entry)
            }
        }
        return wording
    }

    /// `deadlines:` — a date for each deliverable this province (or the nation) sets.
    mutating func deadlines(_ node: YAMLNode) -> [Deadline] {
        guard let fields = reader.fields(node, "deadlines", allowed: Deliverable.allCases.map(\.rawValue)) else { return [] }
        return Deliverable.allCases.compactMap { kind in
            reader.date(fields[kind.rawValue], "deadlines.\(kind.rawValue)").map { Deadline(kind: kind, date: $0) }
        }
    }

    mutating func nominees(_ node: YAMLNode) -> Nominees? {
        guard let fields = reader.fields(node, "nominees", allowed: ["reported", "letter", "names"]) else { return nil }
        let names = reader.list(fields["names"], "nominees.names").enumerated().compactMap { index, item in
            reader.text(item, "nominees.names[\(index + 1)]")
        }
        var nominees = Nominees(names: names, location: reader.location(node))
        nominees.reported = reader.date(fields["reported"], "nominees.reported")
        nominees.letter = reader.text(fields["letter"], "nominees.letter")
        return nominees
    }
}
