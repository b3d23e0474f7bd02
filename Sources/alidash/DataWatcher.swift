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
    private var fingerprint: [FileStamp]
    private var lastCheck = ContinuousClock.now

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
        fingerprint = DataWatcher.stamps(in: directory)
    }

    /// An event when the files changed since the last look (at most one look per interval).
    mutating func poll() -> Event? {
        let now = ContinuousClock.now
        guard now - lastCheck >= DataWatcher.interval else { return nil }
        lastCheck = now
        let current = DataWatcher.stamps(in: directory)
        guard current != fingerprint else { return nil }
        fingerprint = current
        do {
            return .dataReloaded(try DataLoader.load(.directory(directory)))
        } catch {
            let problems = error.problems
            let first = problems.first.map(\.description) ?? "unknown problem"
            return .dataReloadFailed(problems.count > 1 ? first + " (+\(problems.count - 1) more)" : first)
        }
    }

    static func stamps(in directory: String) -> [FileStamp] {
        DataLoader.fileNames.map { name in
            var info = stat()
            guard stat(directory + "/" + name, &info) == 0 else {
                return FileStamp(exists: false, seconds: 0, nanoseconds: 0, size: 0, inode: 0)
            }
            return FileStamp(exists: true, seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                             size: Int(info.st_size), inode: UInt(info.st_ino))
        }
    }
}
