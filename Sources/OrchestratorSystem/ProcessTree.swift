#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the system says of one running process: enough to recognize it again (its start time tells a
/// reused pid apart) and to walk up to its ancestors.
package struct ProcessRecord: Sendable, Equatable {
    package init(pid: Int32, parent: Int32, session: Int32, startTime: UInt64, name: String) {
        self.pid = pid
        self.parent = parent
        self.session = session
        self.startTime = startTime
        self.name = name
    }

    package let pid: Int32
    package let parent: Int32
    package let session: Int32
    /// When it started, in the system's own unit (clock ticks since boot on Linux, microseconds since
    /// the epoch on macOS): compared, never shown.
    package let startTime: UInt64
    /// The executable's short name (`claude`, `node`, `Code Helper`).
    package let name: String

    /// The process `pid`, or `nil` when there is none (or it cannot be seen).
    package static func of(_ pid: Int32) -> ProcessRecord? {
        guard pid > 0 else { return nil }
        #if os(Linux)
            guard let bytes = try? FileSystem.readRegularFile("/proc/\(pid)/stat"),
                let open = bytes.firstIndex(of: UInt8(ascii: "(")),
                let close = bytes.lastIndex(of: UInt8(ascii: ")")), close > open
            else { return nil }
            let name = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            // After the name: state, ppid, pgrp, session, …; starttime is field 22 of the whole line.
            let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " ")).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard fields.count > 19, let parent = Int32(fields[1]), let session = Int32(fields[3]),
                let start = UInt64(fields[19])
            else { return nil }
            return ProcessRecord(pid: pid, parent: parent, session: session, startTime: start, name: name)
        #elseif canImport(Darwin)
            var info = kinfo_proc()
            var size = MemoryLayout<kinfo_proc>.stride
            var mib: [Int32] = [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid]
            guard sysctl(&mib, 4, &info, &size, nil, 0) == 0, size > 0 else { return nil }
            let name = withUnsafeBytes(of: info.kp_proc.p_comm) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            let started = info.kp_proc.p_un.__p_starttime
            return ProcessRecord(
                pid: pid, parent: info.kp_eproc.e_ppid, session: getsid(pid),
                startTime: UInt64(started.tv_sec) * 1_000_000 + UInt64(started.tv_usec), name: name)
        #else
            return nil
        #endif
    }

    /// This process.
    package static var current: ProcessRecord? { of(getpid()) }

    /// Whether the process `pid` is still this one (not gone, not a new process under a reused pid).
    package var isRunning: Bool { Self.of(pid)?.startTime == startTime }

    /// This process's ancestors, nearest first, up to (not including) pid 1; at most 256 of them.
    package var ancestors: [ProcessRecord] {
        var found: [ProcessRecord] = []
        var next = parent
        while next > 1, found.count < 256, let record = Self.of(next) {
            found.append(record)
            next = record.parent
        }
        return found
    }
}
