/// Requests' searchable text, folded once and laid out in one buffer, so a search of years of
/// archived work reads memory in order instead of visiting every task's strings: for each task, each
/// text as a field marker (`0x01`, its kind) and then its words, folded, one space apart.
package final class SearchIndex: Sendable {
    /// A searchable text and what a word found in it counts (a whole word counts twice).
    enum Field: UInt8, CaseIterable {
        case request = 1
        case title, description, completedDetails, feedback, history

        var weight: Int {
            switch self {
            case .title: 6
            case .description, .completedDetails, .feedback: 3
            case .history: 2
            case .request: 1
            }
        }

        var name: String {
            switch self {
            case .request: "request"
            case .title: "title"
            case .description: "description"
            case .completedDetails: "completedDetails"
            case .feedback: "feedback"
            case .history: "history"
            }
        }
    }

    static let marker: UInt8 = 0x01

    let requests: [WorkRequest]
    let bytes: [UInt8]
    /// Where each task's text starts in `bytes` (one more entry than tasks, for the end).
    let starts: [Int]
    /// Each task's request and place in it.
    let places: [(request: Int, task: Int)]

    package init(_ requests: [WorkRequest]) {
        self.requests = requests
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var places: [(Int, Int)] = []
        for (requestIndex, request) in requests.enumerated() {
            var requestText: [UInt8] = []
            Self.append(request.originalRequest, as: .request, to: &requestText)
            for (taskIndex, task) in request.tasks.enumerated() where !task.isDeleted {
                starts.append(bytes.count)
                places.append((requestIndex, taskIndex))
                bytes += requestText
                Self.append(task.title, as: .title, to: &bytes)
                Self.append(task.description, as: .description, to: &bytes)
                if let report = task.completedDetails { Self.append(report, as: .completedDetails, to: &bytes) }
                if let feedback = task.feedback { Self.append(feedback, as: .feedback, to: &bytes) }
                for entry in task.history {
                    if let note = entry.note { Self.append(note, as: .history, to: &bytes) }
                }
            }
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.places = places
    }

    private static func append(_ text: String, as field: Field, to bytes: inout [UInt8]) {
        bytes += [marker, field.rawValue]
        SearchText.forEachWord(text) { word, _ in
            bytes += word
            bytes.append(0x20)
        }
    }

    /// Each task whose text holds every wanted word: its place and score (each word's best, summed).
    func scores(_ wanted: SearchQuery) -> [(place: Int, score: Int)] {
        var found: [(Int, Int)] = []
        let wordCount = wanted.words.count
        var best = [Int](repeating: 0, count: wordCount)
        bytes.withUnsafeBufferPointer { bytes in
            wanted.bytes.withUnsafeBufferPointer { wantedBytes in
                wanted.ranges.withUnsafeBufferPointer { ranges in
                    best.withUnsafeMutableBufferPointer { best in
                        for place in 0..<(starts.count - 1) {
                            for number in 0..<wordCount { best[number] = 0 }
                            var index = starts[place]
                            let end = starts[place + 1]
                            var weight = 1
                            while index < end {
                                let byte = bytes[index]
                                if byte == Self.marker {
                                    weight = Field(rawValue: bytes[index + 1])?.weight ?? 1
                                    index += 2
                                    continue
                                }
                                let start = index
                                while bytes[index] != 0x20 { index += 1 }
                                let length = index - start
                                index += 1
                                for number in 0..<ranges.count {
                                    let range = ranges[number]
                                    guard range.count <= length, bytes[start] == wantedBytes[range.lowerBound] else {
                                        continue
                                    }
                                    var offset = 1
                                    while offset < range.count,
                                        bytes[start + offset] == wantedBytes[range.lowerBound + offset]
                                    {
                                        offset += 1
                                    }
                                    guard offset == range.count else { continue }
                                    let score = weight * (range.count == length ? 2 : 1)
                                    if score > best[number] { best[number] = score }
                                }
                            }
                            var total = 0
                            var all = true
                            for number in 0..<wordCount {
                                if best[number] == 0 { all = false }
                                total += best[number]
                            }
                            if all { found.append((place, total)) }
                        }
                    }
                }
            }
        }
        return found
    }
}
