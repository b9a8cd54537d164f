/// The git repository a folder is in, found the way git finds it: the nearest `.git` above, a folder
/// in a main checkout, a file (`gitdir: …`) in a worktree, whose `commondir` leads to the main
/// repository, so every worktree of one repository is the same repository here.
package struct GitRepository: Sendable, Equatable {
    /// The main checkout's folder (the parent of the common `.git`).
    package let root: String
    /// The common git directory: the same for all worktrees.
    package let commonDirectory: String
    /// The working tree the search started in: the main checkout's folder, or a worktree's.
    package var worktree: String { workingTree ?? root }
    /// This working tree's own git directory (a worktree's `gitdir`), which holds its `HEAD`.
    package var gitDirectory: String { ownGitDirectory ?? commonDirectory }
    private var workingTree: String?
    private var ownGitDirectory: String?

    package init(root: String, commonDirectory: String, worktree: String? = nil, gitDirectory: String? = nil) {
        self.root = root
        self.commonDirectory = commonDirectory
        self.workingTree = worktree
        self.ownGitDirectory = gitDirectory
    }

    /// The branch checked out in this working tree, from its `HEAD`; `nil` when detached.
    package func branch(probe: ProjectProbe) -> String? {
        guard let head = probe.read(gitDirectory + "/HEAD")?.trimmingWhitespace(), head.hasPrefix("ref: refs/heads/")
        else { return nil }
        return String(head.dropFirst("ref: refs/heads/".count))
    }

    /// `<name>-<8 hex>`: the root's name, and a hash of the common directory that tells apart two
    /// repositories of the same name.
    package var folderName: String {
        let name = root.split(separator: "/").last.map(String.init) ?? "root"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in commonDirectory.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        let safe = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        return safe + "-" + padded.prefix(8)
    }

    package static func containing(_ start: String, probe: ProjectProbe) -> GitRepository? {
        var folder = start
        while true {
            let dotGit = (folder == "/" ? "" : folder) + "/.git"
            if probe.isDirectory(dotGit) {
                return GitRepository(root: folder, commonDirectory: dotGit, worktree: folder, gitDirectory: dotGit)
            }
            if probe.isFile(dotGit), let text = probe.read(dotGit),
                let line = text.split(separator: "\n").first, line.hasPrefix("gitdir:")
            {
                let target = line.dropFirst("gitdir:".count).trimmingWhitespace()
                let gitDirectory = StateLocation.normalized(StateLocation.absolute(target, folder, nil))
                var common = gitDirectory
                if let relative = probe.read(gitDirectory + "/commondir")?.trimmingWhitespace(),
                    !relative.isEmpty
                {
                    common = StateLocation.normalized(StateLocation.absolute(relative, gitDirectory, nil))
                }
                let root = common.hasSuffix("/.git") ? StateLocation.parent(of: common) : folder
                return GitRepository(root: root, commonDirectory: common, worktree: folder, gitDirectory: gitDirectory)
            }
            guard folder != "/" else { return nil }
            folder = StateLocation.parent(of: folder)
        }
    }
}

extension StringProtocol {
    /// The text without spaces, tabs and line ends at either end.
    fileprivate func trimmingWhitespace() -> String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
