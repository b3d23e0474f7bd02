import AlidashModel
import AlidashTerminal
import AlidashUI
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Loads a `--data` folder off the input path: the terminal keeps answering (the quit keys and Ctrl-C end the
/// dashboard at once), and when loading takes longer than 100 ms a loading screen shows how far it is.
enum DataLoading {
    enum Outcome {
        case loaded(DataSet)
        case failed(DataLoadError)
        case ended(DashboardSession.Ending)
    }

    /// The loader's progress and result, shared with the loading thread.
    private final class Shared: Sendable {
        let step = Mutex<DataLoadStep?>(nil)
        let result = Mutex<Result<DataSet, DataLoadError>?>(nil)
    }

    static let screenDelay: Duration = .milliseconds(100)

    static func load(_ location: DataLocation, folder: String, terminal: Terminal, language: Language,
                     keyMap: KeyMap) -> Outcome {
        let shared = Shared()
        DispatchQueue.global(qos: .userInitiated).async {
            let result: Result<DataSet, DataLoadError>
            do throws(DataLoadError) {
                result = .success(try DataLoader.load(location) { step in shared.step.withLock { $0 = step } })
            } catch {
                result = .failure(error)
            }
            shared.result.withLock { $0 = result }
        }
        let started = ContinuousClock.now
        // The wait for a key is also the wait for the loader (which cannot wake it): short before the
        // screen shows, so a quick load starts the dashboard at once, and a frame's time after it.
        terminal.setInputTimeout(4)
        defer { terminal.setInputTimeout(Terminal.inputTimeout) }
        var shown: DataLoadStep??
        while true {
            if let result = shared.result.withLock({ $0 }) {
                switch result {
                case .success(let data): return .loaded(data)
                case .failure(let error): return .failed(error)
                }
            }
            let step = shared.step.withLock { $0 }
            if ContinuousClock.now - started >= screenDelay, shown != .some(step) {
                // Redrawn only when the step changed; the buffer diff keeps it to a few bytes.
                terminal.draw(LoadingScreen(folder: folder, step: step, language: language,
                                            quitKey: keyMap.keyName(for: .quit) ?? "q")
                    .render(width: terminal.width, height: terminal.height, glyphs: terminal.glyphs))
                if shown == nil { terminal.setInputTimeout(16) }
                shown = .some(step)
            }
            switch terminal.nextInput() {
            case .event(.key(let key)) where keyMap.action(for: key) == .quit || key == .control("c"):
                return .ended(.quit)
            case .event(.resize):
                shown = nil
            case .signal(SIGINT): return .ended(.quit)
            case .signal(let number): return .ended(.signal(number))
            case .hangUp: return .ended(.hangUp)
            case .event, .idle: break
            }
        }
    }
}
