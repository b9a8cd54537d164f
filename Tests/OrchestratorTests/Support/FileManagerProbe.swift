import Foundation

/// Small file checks for tests.
enum FileManagerProbe {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
}
