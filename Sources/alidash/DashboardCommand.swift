import AlidashModel
import AlidashTerminal
import AlidashUI
import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `alidash [dashboard]`: the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Browse the dashboard in the terminal (the default)."
    )

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("lang"), help: "Language: en or de (default: from LC_ALL, LC_MESSAGES, LANG).")
    var language: Language?

    @Option(help: "Colours: never, auto (off when NO_COLOR is set) or always (default: the settings file, else auto).")
    var color: ColorMode?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal, so text can be selected.")
    var noMouse = false

    @Option(help: "Colours for the terminal's background: auto (as the terminal reports it, else as COLORFGBG says, else dark), dark, light or mono.")
    var theme: ThemeChoice?

    @Option(help: ArgumentHelp("Read settings from FILE (default: $ALIDASH_CONFIG, else $XDG_CONFIG_HOME/alidash/config.toml, else ~/.config/alidash/config.toml).", valueName: "FILE"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Read no settings file.")
    var noConfig = false

    @Flag(name: .customLong("no-state"), help: "Neither restore where the dashboard was left nor remember it at exit ($XDG_STATE_HOME/alidash/state.json, else ~/.local/state/alidash/state.json).")
    var noState = false

    @Flag(name: .customLong("no-links"), help: "Never write URLs as OSC 8 links (on by default where the terminal takes them).")
    var noLinks = false

    @Flag(name: .customLong("no-sync"), help: "Never wrap frames in synchronized output (DEC mode 2026; on by default where the terminal takes it).")
    var noSync = false

    @Option(help: ArgumentHelp("The pane to start on: " + PaneRegistry.names.joined(separator: ", ") + " (or \(PaneRegistry.numberRange))."))
    var pane: PaneChoice?

    @Flag(help: "Reload the --data folder and the settings file when they change.")
    var watch = false

    func validate() throws {
        if watch && data.directory == nil && noConfig {
            throw ValidationError("--watch needs --data DIR or a settings file: the bundled data cannot change.")
        }
    }

    func run() throws {
        try DashboardStart(data: data.plain, language: language, color: color, noMouse: noMouse, theme: theme,
                           config: config, noConfig: noConfig, noState: noState, noLinks: noLinks, noSync: noSync,
                           pane: pane, watch: watch).run()
    }
}

/// The dashboard's start and run, from plain values: `DashboardCommand` fills them from the command
/// line, and a plain `alidash` (no arguments at all) starts with the defaults without the argument
/// parser, whose reflection costs about 1.6 ms of the start (see README, "Start-up (issue 16)").
struct DashboardStart {
    var data = DataFolder()
    var language: Language?
    var color: ColorMode?
    var noMouse = false
    var theme: ThemeChoice?
    var config: String?
    var noConfig = false
    var noState = false
    var noLinks = false
    var noSync = false
    var pane: PaneChoice?
    var watch = false

    func run() throws {
        try reportFailures {
            StartTrace.mark("arguments parsed")
            if data.directory != nil { try data.checkFolder() }
            let environment = Environment.values(["TERM", "NO_COLOR", "COLORFGBG", "LINES", "COLUMNS"]
                                                 + TerminalLocale.variables + TerminalFamily.variables)
            // Set here, before a second thread runs: setlocale is not thread-safe.
            let localeIsUTF8 = TerminalLocale.activate(environment: environment)
            // With the bundled data, a second thread sets ncurses up (what needs only TERM and the locale)
            // while this one reads the settings, builds the data and renders the first frame (about 1 ms
            // each); the colours follow once both are done. A --data folder loads behind a loading screen
            // once the terminal is up, so a large one shows progress and can be quit.
            let opening = data.directory != nil ? nil
                : SecondThread.start { TerminalSetUp.openScreen(environment: environment, localeIsUTF8: localeIsUTF8) }
            let (settings, problems) = noConfig ? (Settings(), [])
                : Configuration.load(path: config ?? Configuration.defaultPath(), named: config != nil)
            // Where the dashboard was left comes back, unless an option says otherwise.
            let store = noState ? nil : StateStore.defaultPath().map(StateStore.init(path:))
            var remembered: RememberedState?
            var stateNotice: String?
            var keepStateFile = false
            switch store?.read() {
            case .state(let state)?: remembered = state
            case .ignored(let reason, let keep)?: (stateNotice, keepStateFile) = (reason, keep)
            case .none?, nil: break
            }
            StartTrace.mark("settings and state read")
            let choices = StartChoices(optionLanguage: language, optionPane: pane?.pane, optionTheme: theme,
                                       optionColor: color?.rawValue, optionNoMouse: noMouse, remembered: remembered,
                                       environment: Environment.values(["LC_ALL", "LC_MESSAGES", "LANG"]), settings: settings)
            let firstState = FirstState(choices: choices, settings: settings, problems: problems, config: config,
                                        remembered: remembered, stateNotice: stateNotice,
                                        glyphs: localeIsUTF8 ? .unicode : .ascii)
            let setUp = TerminalSetUp(choices: choices, colors: settings.colors, environment: environment,
                                      localeIsUTF8: localeIsUTF8, noLinks: noLinks, noSync: noSync,
                                      lastReportedBackground: remembered?.reportedBackground)
            var prepared: (state: AppState, frame: Buffer)?
            var dataFailure: (any Error)?
            if opening != nil {
                let expected = Terminal.expectedSize(environment: environment) ?? (80, 24)
                do {
                    let dataSet = try data.load()
                    StartTrace.mark("data loaded")
                    let state = firstState.state(data: dataSet, width: expected.width, height: expected.height)
                    prepared = (state, state.render())
                    StartTrace.mark("first frame rendered")
                } catch {
                    dataFailure = error
                }
            }
            let terminal: Terminal
            // Not Result: its metadata is made at run time, and for TerminalError that means a search
            // through every conformance in the binary (about 60 µs).
            switch opening?.wait() ?? setUp.open() {
            case .opened(let opened):
                terminal = opened.terminal
                StartTrace.mark("terminal ready", at: opened.ready)
                if opening != nil { setUp.configure(terminal) }
                if let dataFailure {
                    terminal.close()
                    throw dataFailure
                }
            case .failed(let error):
                if let dataFailure { throw dataFailure }
                // Setting TERM helps only when there is a terminal to describe.
                let termHint = error == .notATerminal ? "" : "  TERM=xterm-256color alidash\n"
                throw Failure("""
                    \(error.description)
                    The dashboard needs an interactive terminal. Try:
                    \(termHint)  alidash print overview      (plain text, also for pipes and screen readers)
                    """, exitCode: 2)
            }
            var state: AppState
            var firstFrame: Buffer?
            var answers: TerminalSetUp.Answers?
            if let prepared {
                (state, firstFrame) = prepared
                // The size came from the terminal as ncurses will see it; should ncurses differ, it wins.
                if (state.width, state.height) != (terminal.width, terminal.height) {
                    _ = state.update(.resize(width: terminal.width, height: terminal.height))
                    firstFrame = nil
                }
            } else {
                // The loading screen reads keys: the answers come first.
                answers = setUp.ask(terminal).map { setUp.settle(terminal, probe: $0) }
                switch DataLoading.load(data.location, folder: data.directory ?? "", terminal: terminal,
                                        language: choices.language, keyMap: settings.keyMap) {
                case .loaded(let loaded):
                    state = firstState.state(data: loaded, width: terminal.width, height: terminal.height)
                case .failed(let error):
                    terminal.close()
                    throw data.failure(for: error)
                case .ended(let ending):
                    terminal.close()
                    return try ending.exit()
                }
            }
            if let fallback = terminal.termFallback {
                let term = environment["TERM"] ?? ""
                state.announce(state.context.t("TERM=\(term) has no terminfo entry here; drawn as \(fallback)",
                                               "TERM=\(term) fehlt in der Terminfo hier; gezeichnet als \(fallback)"))
                firstFrame = nil
            }
            let settingsPath = noConfig ? nil : config ?? Configuration.defaultPath()
            var session = DashboardSession(terminal: terminal, state: state, firstFrame: firstFrame,
                                           setUpAfterFirstFrame: prepared == nil ? nil : setUp,
                                           watcher: watch ? data.directory.map { DataWatcher(directory: $0) } : nil,
                                           settingsWatcher: watch ? settingsPath.map { SettingsWatcher(path: $0, settings: settings) } : nil)
            let ending = session.run()
            terminal.close()
            var left = session.state.remembered
            // What the terminal said of its background, for the first frame of the next start (unchanged
            // when it was not asked).
            left.reportedBackground = (session.answers ?? answers).map(\.reportedBackground) ?? remembered?.reportedBackground
            if let store, !keepStateFile, let problem = store.write(left) {
                StandardError.report("alidash: where the dashboard was left is not remembered: \(problem)\n")
            }
            try ending.exit()
        }
    }
}

/// How the dashboard's terminal is set up: asked only what its name does not tell (its background, and
/// whether it takes synchronized output), then handed to ncurses. With the bundled data `openScreen`
/// runs on the start's second thread and `configure` follows on the main one; else `open` does both.
struct TerminalSetUp: Sendable {
    var choices: StartChoices
    var colors: [Role: Color]
    var environment: [String: String]
    var localeIsUTF8: Bool
    var noLinks: Bool
    var noSync: Bool
    /// What the terminal reported at the last start (remembered): the first frame's guess.
    var lastReportedBackground: Theme.Background?

    enum Opening: Sendable {
        case opened(Opened)
        case failed(TerminalError)
    }

    /// The terminal, made on one thread and used on another only after the join (so one at a time).
    struct Opened: @unchecked Sendable {
        let terminal: Terminal
        let ready: UInt64
    }

    /// What came of the questions.
    struct Answers {
        var reportedBackground: Theme.Background?
        /// The colours changed: the next frame is drawn whole.
        var redraw: Bool
    }

    private var term: String { environment["TERM"] ?? "" }
    private var syncKnown: Bool {
        noSync || TerminalFamily.supportsSynchronizedOutput(term: term, environment: environment)
    }

    /// Sets ncurses up with what is known without asking the terminal: the background from what it
    /// reported at the last start, or COLORFGBG; mode 2026 from its name. `ask` and `settle` do the rest
    /// once the first frame is out.
    func open() -> Opening {
        let opening = TerminalSetUp.openScreen(environment: environment, localeIsUTF8: localeIsUTF8)
        if case .opened(let opened) = opening { configure(opened.terminal) }
        return opening
    }

    /// The screen alone, in monochrome until `configure` (needs only TERM and the locale): what the
    /// start's second thread does before the settings are read.
    static func openScreen(environment: [String: String], localeIsUTF8: Bool) -> Opening {
        do throws(TerminalError) {
            let terminal = try Terminal(environment: environment, localeIsUTF8: localeIsUTF8)
            return .opened(Opened(terminal: terminal, ready: StartTrace.now()))
        } catch {
            return .failed(error)
        }
    }

    /// Colours, theme, mouse, links and synchronized output on a screen from `openScreen`.
    func configure(_ terminal: Terminal) {
        let term = self.term, syncKnown = self.syncKnown
        var options = TerminalOptions(
            colorMode: ColorMode(rawValue: choices.color) ?? .auto, mouse: choices.mouse,
            links: !noLinks && TerminalFamily.supportsHyperlinks(term: term, environment: environment),
            synchronizedOutput: !noSync && syncKnown,
            theme: choices.theme, environment: environment, localeIsUTF8: localeIsUTF8)
        options.reportedBackground = lastReportedBackground
        options.colors = colors
        terminal.configure(options)
    }

    /// Asks the terminal only what its name does not tell: its background (for --theme auto) and mode
    /// 2026. Nil when nothing is asked.
    func ask(_ terminal: Terminal) -> TerminalProbe? {
        let probe = choices.theme == .auto || !syncKnown ? TerminalProbe.send(to: terminal) : nil
        StartTrace.mark(probe == nil ? "terminal known by its name" : "terminal asked")
        return probe
    }

    /// Takes the answers (at most 300 ms after the questions) and gives them to the terminal.
    func settle(_ terminal: Terminal, probe: TerminalProbe) -> Answers {
        let replies = probe.receive()
        StartTrace.mark("terminal answered")
        terminal.repairAfterQuestions()
        // A terminal that answered the last question (DA1) but not OSC 11 does not report its background;
        // one that did not answer in time (or was stopped meanwhile) says nothing either way, so the
        // first frame's guess stays, and is remembered.
        let background = replies.complete ? replies.background : replies.background ?? lastReportedBackground
        let redraw = terminal.adopt(reportedBackground: background,
                                    synchronizedOutput: !noSync && (syncKnown || replies.synchronizedOutput == true))
        return Answers(reportedBackground: background, redraw: redraw)
    }
}

/// What the dashboard starts with besides its data and size, made into the first state once the data
/// is there: the bundled data at once, a --data folder after its loading screen.
struct FirstState: Sendable {
    var choices: StartChoices
    var settings: Settings
    var problems: [SettingsProblem]
    var config: String?
    var remembered: RememberedState?
    var stateNotice: String?
    var glyphs: Glyphs

    func state(data: DataSet, width: Int, height: Int) -> AppState {
        var state = AppState(data: data, language: choices.language, glyphs: glyphs, width: width, height: height,
                             pane: choices.pane, firstFrameOnly: true)
        state.keyMap = settings.keyMap
        state.currency = settings.currency
        if settings.logScale == true { state.setLogScale(true) }
        if let remembered { state.restore(remembered) }
        if let stateNotice { state.announce(stateNotice, isError: true) }
        // A bad settings file never stops the dashboard: what is wrong keeps its default, and the
        // status line says so until the next key.
        if let notice = SettingsNotice.text(for: problems, language: state.language, file: config) {
            state.announce(notice, isError: true)
        }
        return state
    }
}

/// The run loop: read an event, update the state, and draw only when something changed.
struct DashboardSession {
    enum Ending {
        case quit
        case signal(Int32)
        case hangUp

        /// Quitting returns (status 0); a signal or a hang-up ends with 128 + its number.
        func exit() throws {
            switch self {
            case .quit: return
            case .signal(let number): throw ExitCode(128 + number)
            case .hangUp: throw ExitCode(128 + SIGHUP)
            }
        }
    }

    let terminal: Terminal
    var state: AppState
    /// The first frame when the start rendered it already (while the second thread set the terminal up).
    var firstFrame: Buffer?
    /// Asks the terminal what its name does not tell once the first frame is out (so the terminal draws
    /// it before answering), and takes the answers, which may change the colours; nil when the questions
    /// were asked before (a --data folder's loading screen).
    var setUpAfterFirstFrame: TerminalSetUp?
    private(set) var answers: TerminalSetUp.Answers?
    var watcher: DataWatcher?
    var settingsWatcher: SettingsWatcher?

    mutating func run() -> Ending {
        let firstFrame = self.firstFrame ?? state.render()
        self.firstFrame = nil
        StartTrace.mark("first frame ready")
        terminal.draw(firstFrame)
        StartTrace.mark("first frame written")
        if terminal.paintedFirstFrame { StartTrace.mark("first frame painted") }
        let probe = setUpAfterFirstFrame?.ask(terminal)
        // What the first frame did not need (the Overview's cards below the view, and so its count of
        // lines below), before the first key is read, while the terminal answers.
        if state.completeLayout() { terminal.draw(state.render()) }
        if let probe, let setUp = setUpAfterFirstFrame {
            let answers = setUp.settle(terminal, probe: probe)
            self.answers = answers
            if answers.redraw { terminal.draw(state.render()) }
        }
        StartTrace.write()
        #if DEBUG
        // Lets the end-to-end tests prove that a crash gives the terminal back; debug builds only.
        if Environment.values(["ALIDASH_TEST_CRASH"])["ALIDASH_TEST_CRASH"] == "after-first-frame" {
            fatalError("crash requested by ALIDASH_TEST_CRASH")
        }
        #endif
        while true {
            var effect = Effect.none
            switch terminal.nextInput() {
            case .event(let event): effect = state.update(event)
            case .idle: break
            case .signal(SIGINT): return .quit // Ctrl-C is a quit key
            case .signal(let number): return .signal(number)
            case .hangUp: return .hangUp
            }
            if let event = watcher?.poll() { effect = effect.combined(with: state.update(event)) }
            if let event = settingsWatcher?.poll() { effect = effect.combined(with: state.update(event)) }
            switch effect {
            case .none: continue // idle: no output at all
            case .redraw:
                if let text = state.takeClipboard() { terminal.copyToClipboard(text) }
                terminal.draw(state.render())
            case .fullRedraw: terminal.draw(state.render(), full: true)
            case .quit: return .quit
            }
        }
    }
}

extension Effect {
    /// The stronger of two effects: quit, then a full redraw, then a redraw.
    func combined(with other: Effect) -> Effect {
        for strongest in [Effect.quit, .fullRedraw, .redraw] where self == strongest || other == strongest {
            return strongest
        }
        return .none
    }
}

extension ThemeChoice: ExpressibleByArgument {}
