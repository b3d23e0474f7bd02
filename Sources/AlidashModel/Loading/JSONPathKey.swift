/// One step of a JSON path such as `hubs[2].location.lat`, usable wherever a coding path is.
struct JSONPathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// The steps of `path` (`name`, `.name`, `[index]`); nil when it is not such a path.
    static func parse(_ path: String) -> [JSONPathKey]? {
        var keys: [JSONPathKey] = []
        var name = ""
        var index: String?
        for character in path {
            switch character {
            case "." where index == nil:
                if !name.isEmpty { keys.append(JSONPathKey(stringValue: name)) }
                name = ""
            case "[" where index == nil:
                if !name.isEmpty { keys.append(JSONPathKey(stringValue: name)) }
                name = ""
                index = ""
            case "]":
                guard let digits = index, let number = Int(digits) else { return nil }
                keys.append(JSONPathKey(intValue: number))
                index = nil
            default:
                if index != nil { index!.append(character) } else { name.append(character) }
            }
        }
        guard index == nil else { return nil }
        if !name.isEmpty { keys.append(JSONPathKey(stringValue: name)) }
        return keys
    }
}
