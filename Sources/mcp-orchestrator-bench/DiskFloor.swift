import Foundation

/// What the disk alone costs for one durable replacement of a file of a given size: write a
/// temporary file, `fsync` it, rename it over the target, `fsync` the folder. This is the floor under
/// every acknowledged mutation. Like the server, it keeps the replaced version open until it is done
/// timing, so the old blocks are freed outside the measurement. Measuring it between the mutations lets the report separate the
/// server's own time from the disk's, which on a shared machine varies from minute to minute.
struct DiskFloor {
    let directory: String

    /// One replacement of `size` bytes, in nanoseconds.
    func measure(size: Int) -> UInt64 {
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        let target = directory + "/floor.json"
        let temporary = directory + "/floor.json.tmp"
        var replaced: Int32 = -1
        defer { if replaced >= 0 { close(replaced) } }
        return nanoseconds {
            let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard file >= 0 else { fatalError("cannot create \(temporary)") }
            _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
            fsync(file)
            close(file)
            replaced = open(target, O_RDONLY)
            rename(temporary, target)
            let folder = open(directory, O_RDONLY)
            fsync(folder)
            close(folder)
        }
    }
}
