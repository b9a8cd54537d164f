import OrchestratorJSON

/// Re-serialises a JSON line with sorted keys, so expectations can be written in reading order.
enum OrchestratorJSONBridge {
    static func reserialize(_ line: String) throws -> String {
        JSONWriter.string(from: try JSONParser.parse(line))
    }
}
