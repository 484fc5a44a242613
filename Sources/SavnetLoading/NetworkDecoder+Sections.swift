import SavnetModel

/// Funds, finance, plan, regulation and contacts.
extension NetworkDecoder {
    mutating func funds(_ node: YAMLNode) -> Funds? {
        guard let fields = reader.fields(node, "funds", allowed: ["sources", "accounts"]) else { return nil }
        var funds = Funds(location: reader.location(node))
        funds.sources = reader.list(fields["sources"], "funds.sources").enumerated().compactMap { index, item in
            reader.text(item, "funds.sources[\(index + 1)]")
        }
        for (index, item) in reader.list(fields["accounts"], "funds.accounts").enumerated() {
            guard let account = account(item, number: index + 1) else { continue }
            funds.accounts.append(account)
        }
        return funds
    }

    mutating func finance(_ node: YAMLNode) -> Finance? {
        guard let fields = reader.fields(node, "finance", allowed: ["as_of", "fund_balance", "income", "expenses", "loans"])
        else { return nil }
        var finance = Finance(location: reader.location(node))
        finance.asOf = reader.date(fields["as_of"], "finance.as_of")
        finance.fundBalance = reader.amount(fields["fund_balance"], "finance.fund_balance")
        finance.income = reader.amount(fields["income"], "finance.income")
        finance.expenses = reader.amount(fields["expenses"], "finance.expenses")
        finance.loans = reader.amount(fields["loans"], "finance.loans")
        return finance
    }

    mutating func plan(_ node: YAMLNode) -> DrivingPlan? {
        guard let fields = reader.fields(node, "plan", allowed: ["fiscal_year", "date", "activities"]) else { return nil }
        var plan = DrivingPlan(location: reader.location(node))
        plan.fiscalYear = reader.int(fields["fiscal_year"], "plan.fiscal_year", in: 1...9999)
        plan.date = reader.date(fields["date"], "plan.date")
        // The Thai fiscal year is written in the Buddhist Era; a Common-Era year is a mix-up.
        if let year = plan.fiscalYear, !CalendarDate.plausibleBuddhistYears.contains(year.value) {
            let hint = CalendarDate.plausibleCommonEraYears.contains(year.value)
                ? Localized(th: "ปีงบประมาณเขียนเป็น พ.ศ. คือ \(year.value + CalendarDate.buddhistEraOffset)",
                            en: "write the BE year: \(year.value + CalendarDate.buddhistEraOffset)")
                : Localized(th: "เขียนปีงบประมาณเป็น พ.ศ. เช่น 2567", en: "write the fiscal year in BE, e.g. 2567")
            reader.report(fields["fiscal_year"]!, "plan.fiscal_year", "front-matter-type", Localized(
                th: "`plan.fiscal_year` ต้องเป็นปี พ.ศ. แต่พบ \(year.value)",
                en: "`plan.fiscal_year` must be a Buddhist Era year; found \(year.value)"), hint: hint)
            plan.fiscalYear = nil
        }
        let activities = reader.list(fields["activities"], "plan.activities")
        plan.activities.reserveCapacity(activities.count)
        for (index, item) in activities.enumerated() {
            guard let row = reader.fields(item, "plan.activities", item: index + 1, allowed: ["name", "months", "budget", "responsible", "indicator"])
            else { continue }
            guard let name = reader.text(row["name"], row.path("name")) else {
                reader.missing("name", in: row)
                continue
            }
            // Filled in place, as the decoder's other rows: appending a finished row copied it.
            plan.activities.append(PlanActivity(name: name))
            let last = plan.activities.count - 1
            plan.activities[last].months = months(row["months"], row.path("months"))
            plan.activities[last].budget = reader.amount(row["budget"], row.path("budget"))
            plan.activities[last].responsible = reader.text(row["responsible"], row.path("responsible"))
            plan.activities[last].indicator = reader.text(row["indicator"], row.path("indicator"))
        }
        return plan
    }

    mutating func regulation(_ node: YAMLNode) -> Regulation? {
        guard let fields = reader.fields(node, "regulation", allowed: ["title", "adopted", "chapters"]) else { return nil }
        var regulation = Regulation(location: reader.location(node))
        regulation.title = reader.text(fields["title"], "regulation.title")
        regulation.adopted = reader.date(fields["adopted"], "regulation.adopted")
        let chapters = reader.list(fields["chapters"], "regulation.chapters")
        regulation.chapters.reserveCapacity(chapters.count)
        for (index, item) in chapters.enumerated() {
            guard let chapterFields = reader.fields(item, "regulation.chapters", item: index + 1, allowed: ["number", "title", "clauses"])
            else { continue }
            var chapter = RegulationChapter()
            chapter.number = reader.int(chapterFields["number"], chapterFields.path("number"), in: 1...999)
            chapter.title = reader.text(chapterFields["title"], chapterFields.path("title"))
            let clauses = reader.list(chapterFields["clauses"], chapterFields.path("clauses"))
            chapter.clauses.reserveCapacity(clauses.count)
            for (clauseIndex, clauseNode) in clauses.enumerated() {
                guard let clauseFields = reader.fields(clauseNode, "regulation.chapters", item: index + 1, sub: "clauses",
                                                       subItem: clauseIndex + 1, allowed: ["number", "text"])
                else { continue }
                guard let number = reader.int(clauseFields["number"], clauseFields.path("number"), in: 1...999) else {
                    if clauseFields["number"] == nil { reader.missing("number", in: clauseFields) }
                    continue
                }
                chapter.clauses.append(RegulationClause(number: number))
                chapter.clauses[chapter.clauses.count - 1].text = reader.text(clauseFields["text"], clauseFields.path("text"))
            }
            regulation.chapters.append(chapter)
        }
        return regulation
    }

    mutating func contacts(_ node: YAMLNode?) -> [Contact] {
        var result: [Contact] = []
        for (index, item) in reader.list(node, "contacts").enumerated() {
            guard let fields = reader.fields(item, "contacts", item: index + 1, allowed: ["name", "phone", "email", "consent"]) else { continue }
            var contact = Contact(location: reader.location(item))
            contact.name = reader.text(fields["name"], fields.path("name"))
            contact.phone = reader.text(fields["phone"], fields.path("phone"))
            contact.email = reader.text(fields["email"], fields.path("email"))
            contact.consent = reader.bool(fields["consent"], fields.path("consent"))
            result.append(contact)
        }
        return result
    }
}

private extension NetworkDecoder {
    /// The `number`-th account of `funds.accounts`.
    mutating func account(_ node: YAMLNode, number: Int) -> BankAccount? {
        guard let fields = reader.fields(node, "funds.accounts", item: number, allowed: ["bank", "branch", "name", "signatories", "withdrawal"])
        else { return nil }
        var account = BankAccount(location: reader.location(node))
        account.bank = reader.text(fields["bank"], fields.path("bank"))
        account.branch = reader.text(fields["branch"], fields.path("branch"))
        account.name = reader.text(fields["name"], fields.path("name"))
        account.signatories = reader.list(fields["signatories"], fields.path("signatories")).enumerated()
            .compactMap { index, item in reader.text(item, "\(fields.keyPath).signatories[\(index + 1)]") }
        if let withdrawal = fields["withdrawal"],
           let rule = reader.fields(withdrawal, "funds.accounts", item: number, sub: "withdrawal", allowed: ["required", "always"]) {
            account.required = reader.int(rule["required"], rule.path("required"), in: 1...20)
            account.always = reader.text(rule["always"], rule.path("always"))
        }
        return account
    }

    /// Months as numbers (1–12) or Thai month names (ต.ค., ตุลาคม).
    mutating func months(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String) -> [Located<Int>] {
        reader.list(node, keyPath()).enumerated().compactMap { index, item in
            guard let text = reader.text(item, "\(keyPath())[\(index + 1)]") else { return nil }
            if let number = ThaiNumerals.parseInt(text.value), (1...12).contains(number) {
                return Located(number, at: text.location)
            }
            if let number = ThaiCalendar.month(named: text.value) { return Located(number, at: text.location) }
            reader.report(item, keyPath(), "front-matter-type", Localized(
                th: "เดือน `\(text.value)` ไม่ถูกต้อง ใช้เลข 1–12 หรือชื่อเดือน เช่น ต.ค.",
                en: "`\(text.value)` is not a month: use 1–12 or a Thai month name such as ต.ค."))
            return nil
        }
    }
}
