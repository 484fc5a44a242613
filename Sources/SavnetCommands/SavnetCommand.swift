import ArgumentParser

/// `savnet`: the root command. Subcommands do the work.
public struct SavnetCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "savnet",
        abstract: "Validate and publish the directory of savings-group-for-production networks.",
        discussion: """
        savnet reads one Markdown file per network from content/ (YAML front matter plus a \
        free Markdown body), checks it against the gazetteer of Thai areas and the rules of \
        the regulations, and publishes the directory as a static site.

        Start with `savnet check` to validate the content, and `savnet areas NAME` to find \
        an area's DOPA code.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, BuildCommand.self, AreasCommand.self]
    )

    public init() {}
}
