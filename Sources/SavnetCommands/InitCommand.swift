import ArgumentParser
import Foundation
import SavnetLoading
import SavnetModel

/// `savnet init [DIR]`: a new content repository for an office.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new content repository for a province or district office.",
        discussion: """
        Writes, in DIR (default: the current folder): savnet.yml, an empty content/ (or, \
        with --area, the office's own network file in it), themes/local/ for the templates \
        and styles the office changes, a .gitignore for the output and the build cache, \
        a GitHub Actions workflow (check and fmt on every pull request with the review \
        diff as a comment, build and publish on the main branch) and a pre-commit \
        configuration. Existing files are never overwritten: they are listed and kept.

        The same CI steps for GitLab are in the savnet documentation (docs/workflow.md).

        Examples:
          savnet init surat-thani --area 84 --title "เครือข่ายกลุ่มออมทรัพย์ฯ จังหวัดสุราษฎร์ธานี"
          savnet init --area 8409
          savnet init
        """
    )

    @Argument(help: "The folder of the new repository (created when missing; default: the current folder).")
    var directory: String = "."

    @Option(help: "The office's area: a province or district code or name. Its network file is started in content/.")
    var area: String?

    @Option(help: "The site's title.")
    var title: String?

    @Option(help: "The date the office's term starts, for --area (default: today in Thailand).")
    var today: String?

    func run() throws {
        let folder = RealPath.resolve(directory)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var office: Area?
        if let area {
            let gazetteer = Gazetteer.bundled
            let code = ThaiNumerals.toArabic(area)
            let level: Level = code.allSatisfy(\.isNumber) ? (code.count == 2 ? .province : .district)
                : (gazetteer.search(area).first?.level ?? .province)
            guard level == .province || level == .district else {
                throw ValidationError("--area must be a province or a district")
            }
            office = try NewCommand.area(area, level: level, in: gazetteer)
        }
        let siteTitle = title ?? office.map { "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต" + $0.qualifiedNameTH } ?? "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต"
        var files: [(String, String)] = [
            ("savnet.yml", Self.settings(title: siteTitle)),
            (".gitignore", "# savnet's output and build cache\n/site/\n/.savnet/\n"),
            ("themes/local/README.md", Self.themeReadme),
            (".github/workflows/savnet.yml", Self.workflow),
            (".pre-commit-config.yaml", Self.preCommit),
        ]
        if let office {
            let start: CalendarDate
            if let today {
                guard let date = CalendarDate(parsing: today) else { throw ValidationError("--today must be a date like 2566-07-28") }
                start = date
            } else {
                start = CalendarDate.today()
            }
            let template = NetworkTemplate(area: office, gazetteer: .bundled, start: start, from: nil)
            files.append(("content/" + NetworkTemplate.relativePath(of: office), template.text))
        }
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        var kept: [String] = []
        for (path, text) in files {
            let target = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            do {
                try FileWriting.write(text, to: target, replacing: false)
                print(path)
            } catch FileWriting.Failure.exists {
                kept.append(path)
            }
        }
        if !kept.isEmpty { Console.status("kept the existing " + kept.joined(separator: ", ")) }
        Console.status("a savnet project is ready in \(directory == "." ? "this folder" : directory): "
            + (office == nil ? "add networks with `savnet new`, " : "fill in the network file, ")
            + "then run `savnet check` and `savnet build`")
    }

    static func settings(title: String) -> String {
        """
        # savnet settings: paths are relative to this file.
        title: \(NetworkTemplate.quoted(title))
        # base_url: https://example.org/savnet/   # where the site will be published (for the sitemap and feed)
        content: content
        output: site
        theme: local
        search: auto

        """
    }

    static let themeReadme = """
    # The office's theme

    savnet's default theme is built in. A file here replaces the default one of the same
    name: `templates/province.mustache` changes the province page, `static/style.css`
    the styles. Copy the file to change from the default theme in savnet's source
    (themes/default/) and edit it; `savnet build` checks every template before it renders.

    """

    static let workflow = """
    # Checks every pull request and publishes the site from the main branch.
    # savnet is built from source: set the repository variable SAVNET_GIT to the savnet
    # repository to use (and SAVNET_REF to a tag, to pin a version). Publishing uses
    # GitHub Pages: in the repository's settings, set Pages' source to GitHub Actions.
    name: savnet
    on:
      pull_request:
      push:
        branches: [main]
    permissions:
      contents: read
    jobs:
      check:
        runs-on: ubuntu-24.04
        container: swift:6.1-noble
        permissions:
          contents: read
          pull-requests: write
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          - name: Install savnet
            run: |
              apt-get update && apt-get install -y git libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
              git clone --depth 1 --branch "${SAVNET_REF:-main}" "$SAVNET_GIT" /tmp/savnet
              make -C /tmp/savnet install PREFIX=/usr/local
            env:
              SAVNET_GIT: ${{ vars.SAVNET_GIT }}
              SAVNET_REF: ${{ vars.SAVNET_REF }}
          - run: git config --global --add safe.directory "$GITHUB_WORKSPACE"
          - name: Check
            run: savnet check --format github
          - name: Canonical form
            if: ${{ !cancelled() }}
            run: savnet fmt --check
          - name: What changed
            if: ${{ !cancelled() && github.event_name == 'pull_request' }}
            run: savnet diff "origin/${{ github.base_ref }}" --format markdown > savnet-diff.md
          - name: Comment what changed
            if: ${{ !cancelled() && github.event_name == 'pull_request' }}
            uses: marocchino/sticky-pull-request-comment@v2
            with:
              header: savnet
              path: savnet-diff.md
          - name: Build
            if: github.event_name == 'push'
            run: savnet build
          - uses: actions/upload-pages-artifact@v3
            if: github.event_name == 'push'
            with:
              path: site
      deploy:
        if: github.event_name == 'push'
        needs: check
        runs-on: ubuntu-24.04
        permissions:
          pages: write
          id-token: write
        environment:
          name: github-pages
          url: ${{ steps.deployment.outputs.page_url }}
        steps:
          - id: deployment
            uses: actions/deploy-pages@v4

    """

    static let preCommit = """
    # pre-commit (https://pre-commit.com): `pre-commit install` runs these on every commit.
    # They use the savnet on your PATH.
    repos:
      - repo: local
        hooks:
          - id: savnet-check
            name: savnet check
            entry: savnet check
            language: system
            files: ^content/.*\\.md$
          - id: savnet-fmt
            name: savnet fmt
            entry: savnet fmt
            language: system
            files: ^content/.*\\.md$

    """
}
