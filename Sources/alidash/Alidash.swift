import AlidashModel
import ArgumentParser

/// `alidash`: the dashboard, plus plain-text, export and validation modes for pipes and scripts.
@main
struct Alidash: ParsableCommand {
    /// As ParsableCommand's own main, with a start-up mark first (ALIDASH_TRACE_START).
    static func main() {
        StartTrace.mark("main")
        // A plain `alidash` is the dashboard with its defaults: no need to parse what is not there.
        if CommandLine.arguments.count == 1 {
            do {
                try DashboardStart().run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(nil)
    }

    static let version = AlidashVersion.number

    static let configuration = CommandConfiguration(
        commandName: "alidash",
        abstract: "Alibaba's push into Europe (Cainiao at Liège, eWTP hubs, Singles' Day, revenue vs Amazon) in a terminal.",
        discussion: """
        Without a subcommand alidash starts the dashboard (press ? in it for the keys).
        Every figure comes from the data bundled at build time, or from --data DIR.

        Exit status: 0 ok, 2 no usable terminal, 64 usage error, 65 data error, 66 missing file or folder,
        69 alidash serve without the alidash-serve program beside alidash, 74 output could not be written,
        78 a settings file with problems (alidash config --check), 128+N ended by signal N.
        """,
        version: "alidash \(version)",
        subcommands: [DashboardCommand.self, PrintCommand.self, ExportCommand.self, ValidateCommand.self, ConfigCommand.self, ServeCommand.self,
                      ManualCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
