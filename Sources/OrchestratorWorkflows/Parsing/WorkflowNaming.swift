internal import OrchestratorCore

/// The names a workflow folder and its step files may have.
package enum WorkflowNaming {
    /// Letters, digits, `_` and `-`, at most 64 characters: no path can be built from such a name.
    package static func isValidWorkflowName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                        || scalar == "-")
            }
    }

    /// A step file's stem for a step name: `Run Tests` → `run_tests`.
    package static func fileStem(for stepName: String) -> String {
        var stem = ""
        for scalar in stepName.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                stem.unicodeScalars.append(scalar)
            } else if !stem.isEmpty, !stem.hasSuffix("_") {
                stem += "_"
            }
        }
        while stem.hasSuffix("_") { stem.removeLast() }
        return stem.isEmpty ? "step" : stem
    }
}
