import ArgumentParser
import Foundation
import SavnetLoading

/// The project a command works on: the folder of its settings file, found the way git
/// and Hugo find theirs. Paths in the settings are relative to that folder, so every
/// command runs from it, whatever folder the user started in.
struct Project {
    /// The name savnet looks for.
    static let settingsName = "savnet.yml"

    /// The project folder, as a real path.
    let folder: String
    /// The settings file, as an absolute path, or nil when there is none (defaults apply).
    let settingsFile: String?
    /// The folder the user ran savnet in, as a real path: what paths on the command line
    /// are relative to.
    let invokedIn: String

    /// The project for `--config` (relative to the working folder), else the nearest
    /// folder from the working folder up that holds savnet.yml, else the working folder.
    static func locate(config: String?, from working: String = FileManager.default.currentDirectoryPath) throws -> Project {
        let here = RealPath.resolve(working)
        if let config {
            let file = RealPath.resolve(config, relativeTo: here)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
                throw ValidationError("no settings file at \(config)")
            }
            if isFolder.boolValue {
                // `--config other/` means the project in that folder.
                let inside = file + "/" + settingsName
                let found = FileManager.default.fileExists(atPath: inside)
                return Project(folder: file, settingsFile: found ? inside : nil, invokedIn: here)
            }
            return Project(folder: (file as NSString).deletingLastPathComponent, settingsFile: file, invokedIn: here)
        }
        var folder = here
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + settingsName
            if FileManager.default.fileExists(atPath: candidate) {
                return Project(folder: folder, settingsFile: candidate, invokedIn: here)
            }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return Project(folder: here, settingsFile: nil, invokedIn: here)
    }

    /// Makes the project folder the working folder: relative paths in the settings, the
    /// cache (.savnet/) and the themes (themes/) are then the project's.
    func enter() throws {
        guard FileManager.default.changeCurrentDirectoryPath(folder) else {
            throw ValidationError("cannot enter the project folder \(folder)")
        }
    }

    /// A path given on the command line, relative to where the user ran savnet, as the
    /// project sees it: relative to the project when inside it, else absolute.
    /// Run from the project folder itself, the path is kept as typed.
    func argument(_ path: String) -> String {
        if invokedIn == folder { return path }
        let absolute = RealPath.resolve(path, relativeTo: invokedIn)
        if absolute == folder { return "." }
        if absolute.hasPrefix(folder + "/") { return String(absolute.dropFirst(folder.count + 1)) }
        return absolute
    }

    /// The settings file as shown in messages: its name within the project.
    var settingsDisplay: String {
        guard let settingsFile else { return Self.settingsName }
        return settingsFile.hasPrefix(folder + "/") ? String(settingsFile.dropFirst(folder.count + 1)) : settingsFile
    }
}
