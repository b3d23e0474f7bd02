// Everything of the model, plus the data built into the binary (BundledData, from Data/*.json, checked
// by the EmbedData plugin at build time).
@_exported import AlidashModelCore

extension DataLoader {
    /// Loads the data from `location`; `.bundled` is the copy built into the binary.
    public static func load(_ location: DataLocation,
                            progress: (@Sendable (DataLoadStep) -> Void)? = nil) throws(DataLoadError) -> DataSet {
        try load(location, bundledFiles: BundledData.files, progress: progress)
    }

    /// The text of a bundled data file, for `export` and for tests that start from a copy.
    public static func bundledText(of name: String) -> String? {
        BundledData.files.first { $0.name == name }?.contents
    }
}
