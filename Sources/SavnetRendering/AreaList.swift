import SavnetModel

/// `areas.json`: every area of the programme as `[code, Thai name, has a page]`, in code
/// order, for the home page's "find your area" box. Written whatever the search setting:
/// the box works from this list alone. An area without a page of its own leads to the
/// nearest area above it that has one.
struct AreaList {
    let site: SiteContext

    func file() -> OutputFile {
        var json = JSONWriter(capacity: 400_000)
        json.beginArray()
        for province in site.provinces {
            add(province, &json)
            for district in site.gazetteer.children(of: province.code) {
                add(district, &json)
                for subdistrict in site.gazetteer.children(of: district.code) { add(subdistrict, &json) }
            }
        }
        json.endArray()
        json.append(0x0A)
        return OutputFile(path: "areas.json", bytes: json.bytes)
    }

    private func add(_ area: Area, _ json: inout JSONWriter) {
        json.beginArray()
        json.string(area.code)
        json.string(area.nameTH)
        json.number(site.pageExists(.area(area)) ? 1 : 0)
        json.endArray()
    }
}
