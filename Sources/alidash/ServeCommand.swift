import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `alidash serve …`: runs the separate `alidash-serve` program found beside this binary, with the same
/// arguments. The SSH server lives there so that the dashboard itself links no networking code.
struct ServeCommand: ParsableCommand {
    static let serverName = "alidash-serve"

    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard over SSH (runs alidash-serve; see alidash serve --help).",
        discussion: "Example: alidash serve --port 2222 --authorized-keys ~/.ssh/authorized_keys"
    )

    @Argument(parsing: .captureForPassthrough, help: "The options of alidash-serve.")
    var options: [String] = []

    func run() throws {
        try reportingFailures {
            let server = try ServeCommand.siblingPath()
            let arguments = [server] + options
            var pointers = arguments.map { strdup($0) } + [nil]
            execv(server, &pointers)
            let reason = String(cString: strerror(errno))
            pointers.forEach { free($0) }
            throw Failure("""
                cannot start \(server): \(reason)
                alidash serve needs the \(ServeCommand.serverName) program in the same folder as alidash \
                (swift build and make install put it there).
                """, exitCode: 69)
        }
    }

    /// alidash-serve in the folder of the running binary: /proc/self/exe on Linux, else the path it was started by.
    static func siblingPath() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = length > 0
            ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        guard let slash = own.lastIndex(of: "/") else {
            throw Failure("cannot tell which folder alidash runs from; start it with its path", exitCode: 69)
        }
        return own[...slash] + serverName
    }
}
