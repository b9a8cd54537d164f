/// Facts about the state file's format (product §7).
package enum StateSchema {
    /// The `schemaVersion` this build writes. A file with a larger one is never overwritten.
    package static let currentVersion = 1
}
