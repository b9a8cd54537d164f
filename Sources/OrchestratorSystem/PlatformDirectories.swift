/// The per-user data directory of the platform we run on.
///
/// Linux follows the XDG base directory rules (`$XDG_DATA_HOME`, else `~/.local/share`); macOS uses
/// `~/Library/Application Support`. Windows is not a target yet.
package enum PlatformDirectories {
    package static func userData(environment: [String: String], home: String?) -> String? {
        #if os(macOS)
            guard let home, !home.isEmpty else { return nil }
            return home + "/Library/Application Support"
        #else
            if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg }
            guard let home, !home.isEmpty else { return nil }
            return home + "/.local/share"
        #endif
    }

    /// The per-user folder for programs: `$XDG_BIN_HOME`, else `~/.local/bin` (on macOS too).
    package static func userBin(environment: [String: String], home: String?) -> String? {
        if let xdg = environment["XDG_BIN_HOME"], xdg.hasPrefix("/") { return xdg }
        guard let home, !home.isEmpty else { return nil }
        return home + "/.local/bin"
    }
}
