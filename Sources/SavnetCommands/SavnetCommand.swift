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
        subcommands: [CheckCommand.self, BuildCommand.self, ServeCommand.self, NewCommand.self, FmtCommand.self, DiffCommand.self, ReportCommand.self, ExportCommand.self, InitCommand.self, AreasCommand.self]
    )

    public init() {}
}

extension SavnetCommand {
    /// Parses the arguments and runs the command they name. An error inside a subcommand
    /// is shown with that subcommand's usage, not the root's.
    public static func start(_ arguments: [String]? = nil) -> Never {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            let type = type(of: command)
            guard exitCode(for: error) == .validationFailure, !(error is ExitCode), type != SavnetCommand.self else {
                exit(withError: error)
            }
            let name = "savnet " + (type.configuration.commandName ?? "")
            var text = "Error: \(message(for: error))\n"
            text += "Usage: savnet \(type.usageString())\n"
            text += "  See '\(name) --help' for more information.\n"
            Console.status(text, newline: false)
            exit(withError: ExitCode.validationFailure)
        }
        exit()
    }
}
