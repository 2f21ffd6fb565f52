import CanvassContent
import CanvassCore
import CanvassTestSupport

/// Loads an inline project and returns what the content stage says about it.
func load(_ files: [String: String], drafts: Bool = false, strict: Bool = false) throws -> ProjectLoader.Result {
    let project = try TemporaryProject(files, includeTheme: false)
    defer { project.remove() }
    return ProjectLoader(root: project.root, options: .init(includeDrafts: drafts, strict: strict)).load()
}

/// `file:line:col severity` of each diagnostic, the form the tests pin down.
func places(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location?.description ?? "-") \($0.severity.rawValue)" }
}

let goodNote = """
---
title: A call
date: 2026-09-14
participants:
  - {id: p1, name: Jane, role: Manager}
---
> Too slow to start. #onboarding
> — p1
"""
