import AlidashModel

/// What the dashboard starts with, from the four places that can say it. Options on the command line
/// win, then where the dashboard was left (state.json), then the environment, then the settings file,
/// then the defaults.
public struct StartChoices: Sendable, Equatable {
    public var language: Language
    public var pane: PaneID
    public var theme: ThemeChoice
    /// "never", "auto" or "always".
    public var color: String
    public var mouse: Bool

    public init(optionLanguage: Language? = nil, optionPane: PaneID? = nil, optionTheme: ThemeChoice? = nil,
                optionColor: String? = nil, optionNoMouse: Bool = false,
                remembered: RememberedState? = nil, environment: [String: String] = [:], settings: Settings = Settings()) {
        language = optionLanguage ?? remembered?.startLanguage ?? Language.namedIn(environment) ?? settings.language ?? .en
        pane = optionPane ?? remembered?.startPane ?? settings.pane ?? .overview
        theme = optionTheme ?? settings.theme ?? .auto
        // NO_COLOR is read where colours are chosen: it turns "auto" off, and an explicit "always" wins over it.
        color = optionColor ?? settings.color ?? "auto"
        mouse = !optionNoMouse && settings.mouse != false
    }
}
