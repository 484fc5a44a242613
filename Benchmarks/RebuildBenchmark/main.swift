// Times the rebuild engine: load a site once, then edit one network file again and again
// and update the engine after each edit, as a live-reload preview would.
//
// Usage: savnet-rebuild-benchmark SITE_FOLDER [RUNS]
//   SITE_FOLDER holds savnet.yml, content/ and themes/ (as Benchmarks/generate.py writes them).
// Prints the initial load, the median and range of the updates (pages and findings), and
// the time to refresh the whole-site summaries (sitemap, feed, directory.json) after each
// update, and the two together (what a live preview waits for).
import Dispatch
import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering

func seconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: savnet-rebuild-benchmark SITE_FOLDER [RUNS]\n".utf8))
    exit(64)
}
let site = URL(fileURLWithPath: arguments[1])
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let settingsText = (try? String(contentsOf: site.appendingPathComponent("savnet.yml"), encoding: .utf8)) ?? ""
let settings = SettingsLoader.parse(settingsText, path: "savnet.yml").0
var gazetteer = Gazetteer.bundled
if let areas = settings.areas, let text = try? String(contentsOf: site.appendingPathComponent(areas), encoding: .utf8) {
    gazetteer = gazetteer.adding(AreasLoader.parse(text, path: areas, gazetteer: .bundled).0)
}
let content = site.appendingPathComponent(settings.content)
let theme = try ThemeLoader.load(themes: site.appendingPathComponent("themes"), name: settings.theme)

var start = DispatchTime.now()
let engine = try BuildEngine(loader: ContentLoader(root: content, displayRoot: settings.content),
                             renderer: SiteRenderer(theme: theme), settings: settings, gazetteer: gazetteer,
                             today: CalendarDate(year: 2024, month: 6, day: 1)!)
print(String(format: "initial load, check and render: %.2f s (%d files in memory)", seconds(start), engine.outputs.count))

let loader = ContentLoader(root: content, displayRoot: settings.content)
let paths = try loader.markdownPaths()
let target = paths.first { $0.split(separator: "/").count == 3 && !$0.hasSuffix("_index.md") } ?? paths[0]
let url = content.appendingPathComponent(target)
let original = try String(contentsOf: url, encoding: .utf8)
var times: [Double] = []
var withSummaries: [Double] = []
var summaryTimes: [Double] = []
var written = 0
for run in 1...runs {
    try (original + "\nแก้ไขครั้งที่ \(run)\n").write(to: url, atomically: true, encoding: .utf8)
    start = DispatchTime.now()
    let update = try engine.update([target])
    let updated = seconds(start) * 1000
    let summaries = DispatchTime.now()
    _ = engine.refreshSummaries()
    let refreshed = seconds(summaries) * 1000
    times.append(updated)
    summaryTimes.append(refreshed)
    withSummaries.append(updated + refreshed)
    written = update.written.count
}
try original.write(to: url, atomically: true, encoding: .utf8)
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
print(String(format: "in-process rebuild after editing %@: median %.1f ms (min %.1f, max %.1f, %d runs; %d files rewritten)",
             target, median(times), times.min()!, times.max()!, runs, written))
print(String(format: "refreshing sitemap, feed and directory.json after each: median %.1f ms", median(summaryTimes)))
print(String(format: "update with its summaries: median %.1f ms (min %.1f, max %.1f)", median(withSummaries),
             withSummaries.min()!, withSummaries.max()!))
