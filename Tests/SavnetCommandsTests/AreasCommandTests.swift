import XCTest

final class AreasCommandTests: XCTestCase {
    func testSuratThaniListsNineteenDistricts() throws {
        let result = try CLI.run(["areas", "84"], in: CLI.repository)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "สุราษฎร์ธานี (Surat Thani)")
        XCTAssertEqual(lines[1], "19 districts")
        XCTAssertEqual(lines.count, 21)
        XCTAssertEqual(lines[2], "8401\tเมืองสุราษฎร์ธานี\tMueang Surat Thani")
        XCTAssertEqual(result.status, 0)
    }

    func testNoArgumentListsProvinces() throws {
        let result = try CLI.run(["areas"], in: CLI.repository)
        XCTAssertTrue(result.stdout.hasPrefix("77 provinces\n10\tกรุงเทพมหานคร\tBangkok\n"), result.stdout)
    }

    func testNameFindsCodeAndPath() throws {
        let result = try CLI.run(["areas", "พุนพิน"], in: CLI.repository)
        XCTAssertTrue(result.stdout.hasPrefix("8417\tdistrict\tสุราษฎร์ธานี › พุนพิน (Surat Thani › Phunphin)\n"), result.stdout)
        let english = try CLI.run(["areas", "Khao Wong"], in: CLI.repository)
        XCTAssertTrue(english.stdout.contains("840901\tsubdistrict\tสุราษฎร์ธานี › บ้านตาขุน › เขาวง"), english.stdout)
    }

    func testUnknownAreaIsAUsageError() throws {
        let result = try CLI.run(["areas", "Atlantis"], in: CLI.repository)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("no area is named 'Atlantis'"), result.stderr)
    }

    func testHelpExplainsWithExamples() throws {
        let result = try CLI.run(["areas", "--help"], in: CLI.repository)
        XCTAssertTrue(result.stdout.contains("savnet areas 84"), result.stdout)
        XCTAssertEqual(result.status, 0)
    }
}
