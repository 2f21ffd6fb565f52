import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// SPEC §8: under the public profile no name, e-mail address, phone number, participant or
/// respondent id, or note file name reaches any output file.
@Suite struct PrivacyTests {
    static let secrets = [
        "Margaret Thornbury", "Thornbury", "Margaret", "margaret.t@clinic-example.org", "+44 20 7946 0958", "(555) 123-4567",
        "陈志强", "志强", "138 0013 8000", "13800138000", "+86 139-1234-5678", "１３９ １２３４ ５６７８", "٠٧٩٥١٢٣٤٥٦٧", "r-9001", "r-9002", "thornbury-interview",
    ]

    static let files: [String: String] = [
        "canvass.yml": """
        title: "Privacy study"
        dimensions: [{id: service, label: Service}]
        surveys:
          - file: surveys/s.csv
            id: rid
            pairs: {service: {expectation: e, perception: p}}
            attributes: {plan: category}
            text: [comment]
        personas: {method: rules, segments: [{id: basics, where: {plan: [basic]}}, {id: others, where: {plan: [pro]}}]}
        """,
        "content/surveys/s.csv": """
        rid,e,p,plan,comment
        r-9001,6,3,basic,"Call Margaret on +44 20 7946 0958 or write to margaret.t@clinic-example.org, too slow"
        r-9002,5,5,pro,请联系陈志强 13800138000，系统很卡
        r-9003,6,4,basic,
        """,
        "content/interviews/thornbury-interview.md": """
        ---
        title: Interview with Margaret Thornbury
        summary: Margaret (margaret.t@clinic-example.org, (555) 123-4567) on onboarding.
        participants:
          - {id: r-9001, name: Margaret Thornbury, role: Practice owner, attributes: {plan: basic}}
        ---
        > Margaret here — call me on +44 20 7946 0958, the setup took weeks. #onboarding ![Thornbury at her desk](desk.png)
        > — r-9001

        - Thornbury asked for a checklist; [mail her](mailto:margaret.t@clinic-example.org) #need/checklist
        """,
        "content/interviews/zh-chen.md": """
        ---
        title: 与陈志强的访谈
        participants: [{id: r-9002, name: 陈志强, role: 医生, attributes: {plan: pro}}]
        ---
        > 志强说：打 +86 139-1234-5678 或 １３９ １２３４ ５６７８ 找我，提醒很好用。我和Margaret也聊过。 #提醒
        > — r-9002
        """,
        "content/personas/basics.md": "---\nid: basics\nname: Basic users like Margaret\n---\nAsk Thornbury (13800138000, or ٠٧٩٥١٢٣٤٥٦٧ abroad).\n",
        "content/pages/brief.md": "---\ntitle: Brief for Margaret\n---\nSee [the interview](note:thornbury-interview) and mail margaret.t@clinic-example.org.\n\n```{quotes}\n```\n",
    ]

    @Test func thePublicProfileLeavesNoPersonalDataInAnyFile() throws {
        let project = try TemporaryProject(Self.files)
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root, profile: .public)).build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let site = TemporaryProject.snapshot(of: project.root + "/site")
        #expect(site.count > 20)
        for (path, data) in site {
            let text = String(decoding: data, as: UTF8.self)
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(path) contains \(secret)")
            }
            #expect(!path.contains("thornbury"), "\(path) is named after a participant")
        }
        // Per-note pages are left out, and nothing links to them.
        #expect(!site.keys.contains { $0.hasPrefix("notes/") && $0 != "notes/index.html" })
        for (path, data) in site where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("notes/note-"), "\(path) links to a note page")
        }
        let home = String(decoding: site["index.html"]!, as: UTF8.self)
        #expect(home.contains("public edition: no names or contact details"))
        // The evidence is still there, redacted.
        let onboarding = String(decoding: site["themes/onboarding/index.html"]!, as: UTF8.self)
        #expect(onboarding.contains("[name] here — call me on [phone], the setup took weeks."))
    }

    @Test func pseudonymsAreStableAcrossBuildsAndJoinNotesToSurveys() throws {
        let project = try TemporaryProject(Self.files)
        defer { project.remove() }
        let one = Pipeline(options: .init(root: project.root, output: project.root + "/one", profile: .public)).build()
        let two = Pipeline(options: .init(root: project.root, output: project.root + "/two", profile: .public)).build()
        #expect(one.succeeded && two.succeeded)
        #expect(TemporaryProject.snapshot(of: project.root + "/one") == TemporaryProject.snapshot(of: project.root + "/two"))
        let personas = try #require(project.read("one/data/personas.json"))
        // The participant's quote still reaches her persona through the pseudonymous id.
        #expect(personas.contains("\"participants\": [\"P-"))
        #expect(!personas.contains("r-900"))
    }

    @Test func redactingLeavesTheNotesThatServeKeepsUntouched() throws {
        // `serve` keeps parsed notes between rebuilds and redacts copies of them; were a copy to
        // share its excerpts' storage with the kept note, switching `profile:` back to internal
        // would still show the redacted text.
        let project = try TemporaryProject(Self.files)
        defer { project.remove() }
        let session = BuildSession(keeping: .inMemory)
        var options = Pipeline.Options(root: project.root, profile: .public)
        let redacted = Pipeline(options: options, session: session).render()
        options.profile = nil
        let unredacted = Pipeline(options: options, session: session).render()
        let clean = Pipeline(options: .init(root: project.root)).render()
        #expect(redacted.0.succeeded && unredacted.0.succeeded && clean.0.succeeded)
        #expect(unredacted.1.map(\.path) == clean.1.map(\.path))
        let differing = zip(unredacted.1, clean.1).filter { $0.0.bytes != $0.1.bytes }.map(\.0.path)
        #expect(differing.isEmpty, "differ from a clean internal build: \(differing)")
    }

    @Test func serveRedactsWhatAnEditChangesAndHidesANewNameInNotesRedactedBefore() throws {
        var files = Self.files
        files["content/interviews/field-visit.md"] = "---\ntitle: Field visit\n---\n- At the Pemberton clinic they book by phone. #onboarding\n"
        let project = try TemporaryProject(files)
        defer { project.remove() }
        let options = Pipeline.Options(root: project.root, profile: .public)
        let session = BuildSession(keeping: .inMemory)
        /// The files that differ from a build without the cache's help.
        func differingFromClean(_ files: [String: [UInt8]]) -> [String] {
            let clean = Dictionary(uniqueKeysWithValues: Pipeline(options: .init(root: project.root, profile: .public)).render().1.map { ($0.path, $0.bytes) })
            return Set(clean.keys).union(files.keys).filter { clean[$0] != files[$0] }.sorted()
        }
        func rebuild() throws -> [String: [UInt8]] {
            let (report, files) = Pipeline(options: options, session: session).render()
            #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
            return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        }
        _ = try rebuild()
        #expect(session.analyses?.redactions.redactedInLastBuild == 3)

        // An edit redacts the edited note again; the others are the last build's.
        try project.write(files["content/interviews/zh-chen.md"]! + "\n- 打 13800138000 预约很快。 #提醒\n", to: "content/interviews/zh-chen.md")
        let edited = try rebuild()
        #expect(session.analyses?.redactions.redactedInLastBuild == 1)
        #expect(differingFromClean(edited).isEmpty)
        #expect(edited.filter { String(decoding: $0.value, as: UTF8.self).contains("13800138000") }.keys.sorted() == [])

        // A participant named in a new note is hidden in the notes redacted before she was one.
        try project.write(
            "---\ntitle: Owner call\nparticipants: [{id: r-9003, name: Ada Pemberton}]\n---\n- Wants reminders. #提醒\n",
            to: "content/interviews/owner-call.md")
        let named = try rebuild()
        #expect(session.analyses?.redactions.redactedInLastBuild == 4)
        #expect(differingFromClean(named).isEmpty)
        #expect(named.filter { String(decoding: $0.value, as: UTF8.self).contains("Pemberton") }.keys.sorted() == [])
    }

    @Test func theInternalProfileIsUnchanged() throws {
        let project = try TemporaryProject(Self.files)
        defer { project.remove() }
        #expect(Pipeline(options: .init(root: project.root)).build().succeeded)
        let note = try #require(project.read("site/notes/thornbury-interview/index.html"))
        #expect(note.contains("Margaret Thornbury, Practice owner"))
        #expect(project.read("site/index.html")?.contains("internal edition") == true)
    }
}
