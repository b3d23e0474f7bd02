// Everything of the model, plus the data built into the binary (BundledData, from Data/*.json, checked
// and turned into Swift values by the EmbedData plugin at build time).
@_exported import AlidashModelCore

extension DataLoader {
    /// Loads the data from `location`. `.bundled` is the copy built into the binary: already decoded and
    /// checked at build time, so it costs no parsing and cannot fail.
    public static func load(_ location: DataLocation,
                            progress: (@Sendable (DataLoadStep) -> Void)? = nil) throws(DataLoadError) -> DataSet {
        switch location {
        case .bundled: return BundledData.dataSet
        case .directory: return try load(location, bundledFiles: BundledData.files, progress: progress)
        }
    }

    /// The bundled data decoded from its JSON text at run time, as `--data` would: for the test that the
    /// values built in are the ones the files say.
    public static func decodeBundledText() throws(DataLoadError) -> DataSet {
        try load(.bundled, bundledFiles: BundledData.files)
    }

    /// The text of a bundled data file, for `export` and for tests that start from a copy.
    public static func bundledText(of name: String) -> String? {
        BundledData.files.first { $0.name == name }?.contents
    }
}
