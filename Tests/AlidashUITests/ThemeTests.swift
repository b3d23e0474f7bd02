import AlidashUI
import Testing

@Suite struct ThemeTests {
    /// With eight colours, 7 is white and 0 black: text in either vanishes on a background of that colour.
    @Test func eightColoursNeverDrawTextInWhiteOrBlackOnTheTerminalsBackground() {
        let theme = Theme(scheme: .colors8)
        for role in Role.allCases {
            let look = theme.appearance(for: Style(role))
            guard look.background == .terminalDefault else { continue } // a colour of its own behind it
            #expect(look.foreground != .basic(7) && look.foreground != .basic(0), "\(role) is drawn in \(look.foreground)")
        }
        #expect(theme.appearance(for: Style(.label)).foreground == .terminalDefault)
        #expect(theme.appearance(for: Style(.dim)).dim, "dim text stays apart from normal text")
    }
}
