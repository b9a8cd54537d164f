#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns `errno` values into sentences fit for a user (never `localizedDescription`).
package enum SystemError {
    package static func sentence(for code: Int32) -> String {
        guard let text = strerror(code) else { return "system error \(code)" }
        return String(cString: text).lowercased() + " (errno \(code))"
    }
}
