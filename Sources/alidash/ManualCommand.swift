import AlidashUI
import ArgumentParser

/// `alidash manual-sections` (hidden): the parts of the man pages the argument parser cannot know (keys,
/// panes, files, environment, exit status, examples), made from the same key map and pane registry as
/// the help screen, in mdoc. `make man` appends them to swift-argument-parser's generate-manual output.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual-sections",
        abstract: "Print the man page sections that --help cannot know, in mdoc (used by make man).",
        shouldDisplay: false
    )

    @Flag(help: "The sections of alidash-serve(1) instead of alidash(1).")
    var serve = false

    func run() throws {
        try StandardOutput.write((serve ? Self.serveSections : Self.dashboardSections).joined(separator: "\n") + "\n")
    }

    /// mdoc treats a line starting with a dot or an apostrophe as a request; \& keeps it text.
    static func text(_ line: String) -> String {
        let escaped = line.split(separator: "\\", omittingEmptySubsequences: false).joined(separator: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    static var dashboardSections: [String] {
        var lines = [".Sh KEYS", text("In the dashboard (? shows them too; the settings file can change every one):"),
                     ".Bl -tag -width 12n"]
        for binding in KeyMap.standard.bindings {
            lines += [".It Sy " + text(binding.label), text(binding.english)]
        }
        lines += [".El", ".Sh PANES", ".Bl -tag -width 12n"]
        for (index, pane) in PaneRegistry.panes.enumerated() {
            lines += [".It Sy \(index + 1) No or Sy \(pane.commandNames.first ?? pane.id.name)", text(pane.title.english)]
        }
        lines += [".El"]
        lines += [
            ".Sh FILES",
            ".Bl -tag -width 6n",
            ".It Pa $XDG_CONFIG_HOME/alidash/config.toml",
            text("Settings (else ~/.config/alidash/config.toml). alidash config --default prints a complete one;"
                + " alidash config --check checks one."),
            ".It Pa $XDG_STATE_HOME/alidash/state.json",
            text("Where the dashboard was left (else ~/.local/state/alidash/state.json); --no-state neither reads nor writes it."),
            ".El",
            ".Sh ENVIRONMENT",
            ".Bl -tag -width 6n",
            ".It Ev ALIDASH_CONFIG", text("The settings file to read instead of the default one."),
            ".It Ev XDG_CONFIG_HOME , XDG_STATE_HOME", text("Where settings and remembered state live."),
            ".It Ev LC_ALL , LC_MESSAGES , LANG", text("The language (en or de) and whether the terminal takes UTF-8."),
            ".It Ev TERM , COLORTERM", text("The terminal type, and whether it shows 24-bit colour."),
            ".It Ev NO_COLOR", text("When set, no colours (unless --color always)."),
            ".It Ev COLUMNS", text("The width for print when standard output is not a terminal."),
            ".El",
            ".Sh EXIT STATUS",
            ".Bl -tag -width 6n",
            ".It 0", text("Done."),
            ".It 2", text("No usable terminal (TERM unset, unknown or dumb)."),
            ".It 64", text("A usage error."),
            ".It 65", text("The data is wrong (alidash validate names each problem)."),
            ".It 66", text("A data file or folder is missing or cannot be read."),
            ".It 69", text("alidash serve without alidash-serve beside alidash."),
            ".It 74", text("The output could not be written."),
            ".It 78", text("alidash config --check found a problem in the settings file."),
            ".It 128+N", text("Ended by signal N, after the terminal was restored."),
            ".El",
            ".Sh EXAMPLES",
            ".Dl alidash",
            ".Dl alidash --pane hubs --lang de",
            ".Dl alidash print check --format markdown",
            ".Dl alidash export revenue --format csv > revenue.csv",
            ".Dl alidash validate --data ./Data",
            ".Sh SEE ALSO",
            ".Xr alidash-serve 1 ,",
            ".Xr ssh 1",
        ]
        return lines
    }

    static var serveSections: [String] {
        [
            ".Sh FILES",
            ".Bl -tag -width 6n",
            ".It Pa $XDG_STATE_HOME/alidash/host_ed25519",
            text("The host key (else ~/.local/state/alidash/host_ed25519), created on first start with mode 0600."),
            ".It Pa authorized_keys",
            text("The visitors' public keys (--authorized-keys), OpenSSH's format: from=, expiry-time and command= are"
                + " enforced; a key with an option the server cannot enforce (no-pty, cert-authority ...) is refused."),
            ".El",
            ".Sh EXIT STATUS",
            ".Bl -tag -width 6n",
            ".It 0", text("Stopped by SIGTERM, SIGINT or SIGHUP after ending every session."),
            ".It 1", text("A start-up error: the host key, the authorized keys file or the dashboard binary."),
            ".It 64", text("A usage error, or an option outside its range."),
            ".It 69", text("It cannot listen: the port is in use, privileged, or the address is not this machine's."),
            ".El",
            ".Sh EXAMPLES",
            ".Dl alidash serve --port 2222 --authorized-keys ~/.ssh/authorized_keys",
            ".Dl alidash serve --port 2222 --public --metrics 127.0.0.1:9100",
            ".Dl alidash serve --authorized-keys keys --proxy-protocol --log-format json",
            ".Dl ssh -t -p 2222 HOST hubs --lang de",
            ".Sh SEE ALSO",
            ".Xr alidash 1 ,",
            ".Xr ssh 1 ,",
            ".Xr sshd 8",
        ]
    }
}
