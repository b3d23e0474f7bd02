import AlidashModel
import AlidashUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--watch`: looks at the data files' modification times about twice a second and reloads when one changed.
/// A failed reload leaves the last good data on screen and reports the error.
struct DataWatcher {
    static let interval = Duration.milliseconds(500)

    let directory: String
    private var change: ChangeDetector<[FileStamp]>

    /// What identifies a version of a file without reading it.
    struct FileStamp: Equatable {
        var exists: Bool
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    init(directory: String) {
        self.directory = directory
        change = ChangeDetector(DataWatcher.stamps(in: directory))
    }

    /// An event when the files changed since the last look (at most one look per interval).
    mutating func poll() -> Event? {
        let directory = self.directory
        guard change.changed({ DataWatcher.stamps(in: directory) }) else { return nil }
        do {
            return .dataReloaded(try DataLoader.load(.directory(directory)))
        } catch {
            let problems = error.problems
            let first = problems.first.map(\.description) ?? "unknown problem"
            return .dataReloadFailed(problems.count > 1 ? first + " (+\(problems.count - 1) more)" : first)
        }
    }

    static func stamps(in directory: String) -> [FileStamp] {
        DataLoader.fileNames.map { stamp(of: directory + "/" + $0) }
    }

    static func stamp(of path: String) -> FileStamp {
        var info = stat()
        guard stat(path, &info) == 0 else { return FileStamp(exists: false, seconds: 0, nanoseconds: 0, size: 0, inode: 0) }
        return FileStamp(exists: true, seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                         size: Int(info.st_size), inode: UInt(info.st_ino))
    }
}

/// Whether what identifies a file's version changed since the last look; looks at most once per interval.
struct ChangeDetector<Fingerprint: Equatable> {
    private var fingerprint: Fingerprint
    private var lastLook = ContinuousClock.now

    init(_ fingerprint: Fingerprint) { self.fingerprint = fingerprint }

    mutating func changed(_ look: () -> Fingerprint) -> Bool {
        let now = ContinuousClock.now
        guard now - lastLook >= DataWatcher.interval else { return false }
        lastLook = now
        let current = look()
        guard current != fingerprint else { return false }
        fingerprint = current
        return true
    }
}
