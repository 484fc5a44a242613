import Dispatch
import Foundation

/// Times the phases of a command; prints them on standard error when `SAVNET_TIMINGS=1`,
/// for finding where the time goes on large content.
struct PhaseClock {
    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []
    private let enabled = ProcessInfo.processInfo.environment["SAVNET_TIMINGS"] == "1"

    /// Ends the current phase, named `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6))
        last = now
    }

    /// Prints the phases.
    func report() {
        guard enabled, !laps.isEmpty else { return }
        Console.status("timings: " + laps.map { "\($0.0) \(String(format: "%.0f", $0.1)) ms" }.joined(separator: ", "))
    }
}
