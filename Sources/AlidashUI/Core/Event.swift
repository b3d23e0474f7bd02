import AlidashModel

/// A key press, decoded by the backend into terminal-independent terms.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    case function(Int)
}

/// A mouse action the dashboard understands.
public enum MouseEvent: Sendable, Equatable {
    case click(x: Int, y: Int)
    case scrollUp(x: Int, y: Int)
    case scrollDown(x: Int, y: Int)
}

/// Everything that can change the dashboard's state.
public enum Event: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// New data from `--watch` (already validated).
    case dataReloaded(DataSet)
    /// A reload failed; the last good data stays on screen.
    case dataReloadFailed(String)
    /// The settings file changed (`--watch`): what it said before, what it says now, and its problems.
    case settingsChanged(old: Settings, new: Settings, problems: [SettingsProblem])
}

/// What the run loop must do after an update.
public enum Effect: Sendable, Equatable {
    case none
    case redraw
    /// Redraw every cell (Ctrl-L, or after the terminal was disturbed).
    case fullRedraw
    case quit
}
