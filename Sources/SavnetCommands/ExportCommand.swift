import ArgumentParser
import Foundation
import SavnetEngine
import SavnetModel
import SavnetRendering

/// `savnet export`: the directory as open data.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the directory as open data: Popolo JSON, CSV or savnet's JSON.",
        discussion: """
        Formats:
          popolo  organizations (the networks, linked to the network above when there is \
        one), posts, memberships (with the start and end of the term), areas and persons \
        (with honorific_prefix), in the Popolo vocabulary
          csv     one row per committee member with the area codes and names, in UTF-8 \
        with a byte-order mark so that Excel opens Thai correctly; cells that would start \
        a formula are defused
          json    one object per network, as each network's network.json on the site

        Only what the site publishes: the networks whose files sit in their place, the \
        names and positions of the appointment orders; no phone numbers, no contacts. \
        Without --output the data goes to standard output; with it, to a file written \
        whole and renamed into place.

        Examples:
          savnet export --format popolo --output directory.json
          savnet export --format csv --province 84 --output surat-thani.csv
          savnet export --format json
        """
    )

    enum Format: String, CaseInsensitiveArgument { case popolo, csv, json }

    @Option(help: "popolo, csv or json.")
    var format: Format = .popolo

    @Option(help: "The file to write (default: standard output).")
    var output: String?

    @Option(help: "Only this province (code or name).")
    var province: String?

    @Option(help: ArgumentHelp("The settings file, or the project folder that holds it.",
                               discussion: "Default: savnet.yml in the current folder or the nearest folder above it."))
    var config: String?

    func run() throws {
        let options = try CheckOptions.parse(config.map { ["--config", $0] } ?? [])
        let project = try options.open()
        let target = output.map { project.argument($0) }
        let settings = try options.settings(project)
        let today = try options.resolvedToday(settings)
        let gazetteer = try options.gazetteer(settings, project)
        let scope = try AreaScope(province: province, district: nil, gazetteer: gazetteer)
        let check = try ContentCheck.load(path: settings.content, gazetteer: gazetteer)
        let files = check.directory.allFiles.filter { file in
            guard let code = file.network?.area.value else { return false }
            return scope.province == nil || scope.includes(code)
        }
        let directory = CheckPipeline(gazetteer: gazetteer).directory(files)
        let data = OpenData(directory: directory, settings: settings, today: today)
        let bytes: [UInt8]
        switch format {
        case .popolo: bytes = data.popolo()
        case .json: bytes = data.networks()
        case .csv:
            let rows = data.memberRows()
            bytes = Array(ReportTable(columns: OpenData.memberColumns, rows: rows).csv().utf8)
        }
        if let target {
            do {
                try FileWriting.write(String(decoding: bytes, as: UTF8.self), to: target, replacing: true)
            } catch {
                throw ValidationError("\(error)")
            }
            Console.status("wrote \(output ?? target): \(data.networkCount) networks")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
