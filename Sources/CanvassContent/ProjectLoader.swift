import CanvassCore
import CanvassDatabase
import CanvassMarkdown
import CanvassSupport
import Dispatch
import Foundation

/// Loads a whole project from disk: config, notes and codebook, with every diagnostic collected.
public struct ProjectLoader: Sendable {
    public struct Options: Sendable {
        /// Keep notes marked `draft: true`.
        public var includeDrafts = false
        /// Warnings become errors.
        public var strict = false
        public init(includeDrafts: Bool = false, strict: Bool = false) {
            self.includeDrafts = includeDrafts
            self.strict = strict
        }
    }

    public struct Result: Sendable {
        /// Nil when errors prevent analysis.
        public var project: Project?
        /// Sorted by file and place.
        public var diagnostics: [Diagnostic]
    }

    public static let configFile = "canvass.yml"
    public static let notesFolder = "content/interviews"
    public static let codebookFile = "content/data/codebook.yml"
    public static let lexiconFile = "content/data/lexicon.yml"

    public let root: String
    public let options: Options
    /// Reuses unchanged notes and surveys between loads; nil reads everything afresh.
    public let cache: LoadCache?

    /// The root with links resolved, worked out once: every file is checked against it.
    private let resolvedRoot: String

    /// Where the connection strings of databases named in the config are looked up.
    let environment: [String: String]

    public init(root: String, options: Options = Options(), cache: LoadCache? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.root = (root as NSString).standardizingPath
        self.options = options
        self.cache = cache
        self.environment = environment
        self.resolvedRoot = (self.root as NSString).resolvingSymlinksInPath
    }

    /// The first step of a load: `canvass.yml`, read and checked.
    public struct ConfigStep: Sendable {
        /// Nil when there is no config to go on with.
        public let config: ProjectConfig?
        let source: SourceFile?
        let diagnostics: [Diagnostic]
        /// Whether the survey and records files the config names exist, so `loadData` can read them.
        public let namesData: Bool
        /// False when there is no project here at all: the load ends with `diagnostics`.
        let found: Bool
    }

    /// The second step, which needs only the first: the surveys and service records the config names.
    public struct DataStep: Sendable {
        public let surveys: [SurveyData]
        let records: [ServiceRecords]
        let diagnostics: [Diagnostic]
        /// Whether the load so far found no error, so the surveys are the ones the project will have.
        public let usable: Bool
    }

    /// Loads the project: the config, then its surveys and records on a thread of their own
    /// beside the notes (a survey of 100,000 respondents is one file, mostly one core's work).
    public func load() -> Result {
        let config = loadConfig()
        let data = config.namesData ? Background { [self] in loadData(config) } : nil
        return load(config, data: data)
    }

    /// Reads and checks `canvass.yml`; the start of every load.
    public func loadConfig() -> ConfigStep {
        let configPath = path(Self.configFile)
        guard FileManager.default.fileExists(atPath: configPath) else {
            return ConfigStep(config: nil, source: nil, diagnostics: [.error(
                "no \(Self.configFile) in \(root)",
                hint: "pass the project folder (the one holding canvass.yml), or start one with `canvass new DIR`")], namesData: false, found: false)
        }
        cache?.startLoad()
        switch SourceFile.read(absolute: configPath, relative: Self.configFile) {
        case .failure(let diagnostic):
            return ConfigStep(config: nil, source: nil, diagnostics: [diagnostic], namesData: false, found: true)
        case .success(let file):
            var (config, diagnostics) = ConfigLoader(file: file).load()
            var namesData = false
            if let config {
                let missing = checkDataFiles(config)
                diagnostics += missing
                namesData = !missing.hasErrors
            }
            return ConfigStep(config: config, source: file, diagnostics: diagnostics, namesData: namesData, found: true)
        }
    }

    /// Reads the surveys and records that `step`'s config names (when `namesData`).
    public func loadData(_ step: ConfigStep) -> DataStep {
        guard let config = step.config, step.namesData else { return DataStep(surveys: [], records: [], diagnostics: [], usable: false) }
        var found: [Diagnostic] = []
        let surveys = loadSurveys(config, configSource: step.source, diagnostics: &found)
        let records = loadRecords(config, configSource: step.source, diagnostics: &found)
        return DataStep(surveys: surveys, records: records, diagnostics: found, usable: !step.diagnostics.hasErrors && !found.hasErrors)
    }

    /// The rest of the load after `step`: notes, codebook, lexicon, personas, actions and pages,
    /// with `data` (`loadData(step)`, under way) waited for at the end.
    public func load(_ step: ConfigStep, data dataFiles: Background<DataStep>?) -> Result {
        guard step.found else { return Result(project: nil, diagnostics: step.diagnostics) }
        var diagnostics = step.diagnostics
        let config = step.config
        var codebook: Codebook?
        let folders = ["content", Self.notesFolder, Self.pagesFolder, Self.personasFolder, Self.actionsFolder, "content/surveys", "content/records", "content/data", "templates"]
        for file in [Self.configFile, Self.codebookFile, Self.lexiconFile] + folders
        where FileManager.default.fileExists(atPath: path(file)) && !staysInside(file) {
            _ = dataFiles?.value()
            return Result(project: nil, diagnostics: [outsideLink(file)])
        }
        if FileManager.default.fileExists(atPath: path(Self.codebookFile)) {
            switch SourceFile.read(absolute: path(Self.codebookFile), relative: Self.codebookFile) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let file):
                let (loaded, found) = CodebookLoader(file: file, dimensions: config?.dimensions ?? []).load()
                codebook = loaded
                diagnostics += found
            }
        }

        var lexicon = UserLexicon()
        if FileManager.default.fileExists(atPath: path(Self.lexiconFile)) {
            switch SourceFile.read(absolute: path(Self.lexiconFile), relative: Self.lexiconFile) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let file):
                let (loaded, found) = UserLexiconLoader(file: file).load()
                diagnostics += found
                lexicon = loaded ?? UserLexicon()
            }
        }
        let narratives = loadNarratives(diagnostics: &diagnostics)
        let actions = config.map { loadActions($0, diagnostics: &diagnostics) } ?? []
        var pages = loadPages(diagnostics: &diagnostics)
        if !options.includeDrafts { pages.removeAll(where: \.draft) }
        pages.sort { ($0.order ?? Int.max, $0.title, $0.id) < ($1.order ?? Int.max, $1.title, $1.id) }
        let files = noteFiles()
        var notes = loadNotes(files, diagnostics: &diagnostics)
        let data = dataFiles?.value()
        let (surveys, records) = (data?.surveys ?? [], data?.records ?? [])
        diagnostics += data?.diagnostics ?? []
        cache?.keep(notes: Set(files), surveys: Set(config?.surveys.map { "content/" + $0.file } ?? []))
        diagnostics += checkDuplicateIDs(notes)
        if let codebook, !codebook.themes.isEmpty { diagnostics += checkTags(notes, codebook: codebook) }
        if !options.includeDrafts { notes.removeAll(where: \.draft) }
        notes = Self.newestFirst(notes)

        diagnostics = diagnostics.promotingWarnings(options.strict).sorted()
        guard let config, !diagnostics.hasErrors else { return Result(project: nil, diagnostics: diagnostics) }
        var project = Project(root: root, config: config, notes: notes, codebook: codebook, surveys: surveys, personaNarratives: narratives)
        project.records = records
        project.lexicon = lexicon
        project.pages = pages
        project.actions = actions
        return Result(project: project, diagnostics: diagnostics)
    }

    func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    // MARK: - Notes

    /// Whether a project path, once links are followed, still lies inside the project.
    func staysInside(_ relative: String) -> Bool {
        let resolved = (path(relative) as NSString).resolvingSymlinksInPath
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    /// `staysInside` for a file found by walking a project folder that stays inside: the walk
    /// enters no linked folder, so only a file that is itself a link needs resolving (resolving
    /// every path was a tenth of loading 10,000 notes).
    func walkedFileStaysInside(_ relative: String) -> Bool {
        var info = stat()
        if lstat(path(relative), &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK { return true }
        return staysInside(relative)
    }

    /// A diagnostic for a file that is a link out of the project, which Canvass does not follow.
    func outsideLink(_ relative: String) -> Diagnostic {
        .error("\(relative) is a link to a file outside the project; Canvass does not follow it",
               at: SourceLocation(file: relative, line: 1, column: 1),
               hint: "copy the file into the project instead of linking to it")
    }

    /// Every `.md` file under `content/interviews`, project-relative, sorted.
    func noteFiles() -> [String] {
        markdownFiles(under: Self.notesFolder).map { Self.notesFolder + "/" + $0 }
    }

    /// Every `.md` file at any depth under a project folder, relative to that folder, sorted; hidden files skipped.
    private func markdownFiles(under folder: String) -> [String] {
        FileTree.entries(under: path(folder))
            .filter { $0.hasSuffix(".md") && !$0[($0.lastIndex(of: "/").map($0.index(after:)) ?? $0.startIndex)...].hasPrefix(".") }
            .sorted()
    }

    /// Notes newest first, undated last, ties by id; each note's sort key is read once.
    static func newestFirst(_ notes: [Note]) -> [Note] {
        let undated = CalendarDate("0001-01-01")!
        let keys = notes.map { ($0.date ?? undated, $0.id) }
        return notes.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }.map { notes[$0] }
    }

    /// Reads and parses notes on every core; results keep file order.
    private func loadNotes(_ files: [String], diagnostics: inout [Diagnostic]) -> [Note] {
        // The same file as at the last load was inside the project then and parses the same now.
        let identities = cache == nil ? [] : ParallelMap.map(files, chunk: 64) { FileIdentity(of: path($0)) }
        let unchanged = cache?.unchangedNotes(at: files, identities: identities) ?? []
        let results = ParallelMap.map(Array(files.indices)) { index -> (Note?, [Diagnostic]) in
            if let known = unchanged.isEmpty ? nil : unchanged[index] { return known }
            let relative = files[index]
            let identity = identities.isEmpty ? nil : identities[index]
            guard walkedFileStaysInside(relative) else { return (nil, [outsideLink(relative)]) }
            switch SourceFile.read(absolute: path(relative), relative: relative) {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let file):
                guard let cache else { return NoteLoader(file: file).load() }
                return cache.note(file, identity: identity) { NoteLoader(file: file).load() }
            }
        }
        diagnostics += results.flatMap { $0.1 }
        return results.compactMap { $0.0 }
    }

    private func checkDuplicateIDs(_ notes: [Note]) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for note in notes {
            if let first = firstFile[note.id] {
                diagnostics.append(.error(
                    "note id `\(note.id)` is already used by \(first)", at: note.location,
                    hint: "give one of them a different `id:` in its front matter, or rename the file"))
            } else {
                firstFile[note.id] = note.file
            }
        }
        return diagnostics
    }

    /// Tags that no codebook theme claims: a warning at the tag's first use in each file. Each
    /// file is read once for all its unknown tags, and each tag's hint worked out once.
    private func checkTags(_ notes: [Note], codebook: Codebook) -> [Diagnostic] {
        let index = codebook.themesByTag
        let known = Array(index.keys)
        var diagnostics: [Diagnostic] = []
        var knows: [String: Bool] = [:]
        var hints: [String: String] = [:]
        func isKnown(_ tag: String) -> Bool {
            if let answer = knows[tag] { return answer }
            let answer = codebook.knows(tag: tag, index: index)
            knows[tag] = answer
            return answer
        }
        func hint(_ tag: String) -> String {
            if let hint = hints[tag] { return hint }
            let hint = Suggestion.didYouMean(tag, in: known) ?? "add it to a theme's `tags` in \(Self.codebookFile)"
            hints[tag] = hint
            return hint
        }
        let checks = notes.compactMap { note -> (note: Note, unknown: [String])? in
            guard !note.tags.allSatisfy(isKnown) || !note.excerptTags.allSatisfy(isKnown) else { return nil }
            return (note, note.allTags.filter { !isKnown($0) })
        }
        // Finding the tags means reading their files again: on every core.
        let located = ParallelMap.map(checks.map { ($0.note, Set($0.unknown)) }, chunk: 16) { locate(tags: $0.1, in: $0.0) }
        for ((note, unknown), places) in zip(checks, located) {
            for tag in unknown {
                let place = places[tag] ?? (note.location, nil)
                diagnostics.append(.warning(
                    "tag `#\(tag)` is not in the codebook", at: place.location, hint: hint(tag), sourceLine: place.line))
            }
        }
        return diagnostics
    }

    /// The first line of the note where each of `tags` is written, with its column; a tag found
    /// nowhere is left out.
    private func locate(tags: Set<String>, in note: Note) -> [String: (location: SourceLocation, line: String?)] {
        guard let text = try? String(contentsOfFile: path(note.file), encoding: .utf8) else { return [:] }
        // "\r\n" is one `Character`, a line break as "\n" is.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var places: [String: (location: SourceLocation, line: String?)] = [:]
        for (index, line) in lines.enumerated() where places.count < tags.count {
            let lineText = String(line)
            for match in TagScanner.matches(in: lineText) where tags.contains(match.name) && places[match.name] == nil {
                let column = lineText[..<match.range.lowerBound].unicodeScalars.count + 1
                places[match.name] = (SourceLocation(file: note.file, line: index + 1, column: column), lineText)
            }
        }
        guard places.count < tags.count else { return places }
        // A front-matter tag, written without `#`: prefer the `tags:` line, then a list entry.
        let candidates = lines.indices.filter { lines[$0].trimmingSpaces().hasPrefix("tags:") }
            + lines.indices.filter { lines[$0].trimmingSpaces().hasPrefix("- ") }
        for tag in tags where places[tag] == nil {
            for index in candidates where lines[index].lowercased().contains(tag) {
                let lineText = String(lines[index])
                let range = lineText.lowercased().range(of: tag)!
                let column = lineText.lowercased()[..<range.lowerBound].unicodeScalars.count + 1
                places[tag] = (SourceLocation(file: note.file, line: index + 1, column: column), lineText)
                break
            }
        }
        return places
    }

    // MARK: - Report pages

    public static let pagesFolder = "content/pages"

    /// Block templates of the theme that are not built in: a project's own blocks.
    func customBlocks() -> Set<String> {
        let folder = path("templates/blocks")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mustache") }
        return Set(names.map { String($0.dropLast(".mustache".count)) }).subtracting(BlockCatalog.blocks.keys)
    }

    private func loadPages(diagnostics: inout [Diagnostic]) -> [ReportPage] {
        let custom = customBlocks()
        var pages: [ReportPage] = []
        for item in markdownFiles(under: Self.pagesFolder) {
            let relative = Self.pagesFolder + "/" + item
            guard staysInside(relative) else { diagnostics.append(outsideLink(relative)); continue }
            let id = String(item.dropLast(3)).split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/")
            switch SourceFile.read(absolute: path(relative), relative: relative) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let file):
                let (page, found) = PageLoader(file: file, id: id, customBlocks: custom).load()
                diagnostics += found
                if let page { pages.append(page) }
            }
        }
        return pages
    }

    // MARK: - Persona narratives

    public static let personasFolder = "content/personas"

    private func loadNarratives(diagnostics: inout [Diagnostic]) -> [PersonaNarrative] {
        let folder = path(Self.personasFolder)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var narratives: [PersonaNarrative] = []
        for name in files {
            let relative = Self.personasFolder + "/" + name
            guard staysInside(relative) else { diagnostics.append(outsideLink(relative)); continue }
            switch SourceFile.read(absolute: path(relative), relative: relative) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let file):
                let (narrative, found) = PersonaNarrativeLoader(file: file, projectRoot: root).load()
                diagnostics += found
                if let narrative { narratives.append(narrative) }
            }
        }
        return narratives
    }

    // MARK: - Improvement actions

    public static let actionsFolder = "content/actions"

    /// `content/actions/*.md` in id order; two files with one id are an error at the second.
    private func loadActions(_ config: ProjectConfig, diagnostics: inout [Diagnostic]) -> [ImprovementAction] {
        var actions: [ImprovementAction] = []
        for item in markdownFiles(under: Self.actionsFolder) {
            let relative = Self.actionsFolder + "/" + item
            guard staysInside(relative) else { diagnostics.append(outsideLink(relative)); continue }
            switch SourceFile.read(absolute: path(relative), relative: relative) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let file):
                let (action, found) = ActionLoader(file: file, config: config).load()
                diagnostics += found
                guard let action else { continue }
                if let first = actions.first(where: { $0.id == action.id }) {
                    diagnostics.append(file.diagnostic(.error, "action id `\(action.id)` is already used by \(first.file)", line: 1, column: 1,
                                                       hint: "give one of them another `id`"))
                    continue
                }
                actions.append(action)
            }
        }
        return actions.sorted { $0.id < $1.id }
    }

    // MARK: - Surveys

    private func loadSurveys(_ config: ProjectConfig, configSource: SourceFile?, diagnostics: inout [Diagnostic]) -> [SurveyData] {
        let results = ParallelMap.map(config.surveys) { survey -> (SurveyData?, [Diagnostic]) in
            let relative = survey.database?.postgres == nil ? "content/" + survey.file : survey.file
            guard survey.database?.postgres != nil || staysInside(relative) else { return (nil, [outsideLink(relative)]) }
            if let database = survey.database {
                // Read afresh at every load: a database may change without its file seeming to.
                let (table, found) = readTable(database, at: relative, what: "survey rows", location: survey.location, configSource: configSource)
                guard let table else { return (nil, found) }
                return SurveyLoader(survey: survey, file: SourceFile(path: relative, text: ""), defaultScale: config.scale, configFile: configSource)
                    .load(table, digest: "")
            }
            let identity = cache == nil ? nil : FileIdentity(of: path(relative))
            if let unchanged = cache?.unchangedSurvey(at: relative, identity: identity, config: survey, scale: config.scale) { return unchanged }
            switch SourceFile.read(absolute: path(relative), relative: relative) {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let file):
                let load = { SurveyLoader(survey: survey, file: file, defaultScale: config.scale, configFile: configSource).load() }
                guard let cache else { return load() }
                return cache.survey(file, identity: identity, config: survey, scale: config.scale, parse: load)
            }
        }
        diagnostics += results.flatMap { $0.1 }
        return results.compactMap { $0.0 }
    }

    /// The rows of `database` as a table of cells, each row numbered as a line; `relative` names
    /// the database in messages (the SQLite file, or `$VARIABLE`), which are placed at `location`.
    private func readTable(
        _ database: DatabaseTable, at relative: String, what: String, location: SourceLocation?, configSource: SourceFile?
    ) -> (CSVReader.Table?, [Diagnostic]) {
        func failure(_ message: String, hint: String? = nil) -> (CSVReader.Table?, [Diagnostic]) {
            guard let location else { return (nil, [.error(message, hint: hint)]) }
            return (nil, [.error(message, at: location, hint: hint, sourceLine: configSource?.line(location.line))])
        }
        let sql: String
        switch database.rows {
        case .table(let name): sql = SQLText.selectAll(from: name)
        case .query(let query): sql = query
        }
        let result: QueryResult
        do {
            if let variable = database.postgres {
                guard let connection = environment[variable], !connection.isEmpty else {
                    return failure("the environment variable `\(variable)` holding the connection string is not set",
                                   hint: "set it where canvass runs, e.g. \(variable)=postgresql://reader@db.example.com/research")
                }
                result = try PostgresDatabase.query(connection: connection, sql, timeout: database.timeout)
            } else {
                result = try SQLiteDatabase.query(file: path(relative), sql, timeout: database.timeout)
            }
        } catch {
            var hint: String?
            if case .table(let name) = database.rows, database.postgres == nil {
                let tables = SQLiteDatabase.tables(file: path(relative), timeout: database.timeout)
                hint = Suggestion.didYouMean(name, in: tables) ?? (tables.isEmpty ? nil : "its tables are: " + tables.joined(separator: ", "))
            }
            return failure("cannot read \(what) from \(relative): \(error.message)", hint: hint)
        }
        let records = result.rows.enumerated().map { row, values in
            CSVReader.Record(
                line: row + 1, fields: values.map { $0 ?? "" }, columns: values.indices.map { $0 + 1 },
                lines: Array(repeating: row + 1, count: values.count), endLine: row + 1, endColumn: values.count + 1)
        }
        return (CSVReader.Table(header: result.columns, records: records), [])
    }

    private func loadRecords(_ config: ProjectConfig, configSource: SourceFile?, diagnostics: inout [Diagnostic]) -> [ServiceRecords] {
        config.records.compactMap { entry in
            let relative = entry.database?.postgres == nil ? "content/" + entry.file : entry.file
            guard entry.database?.postgres != nil || staysInside(relative) else {
                diagnostics.append(outsideLink(relative))
                return nil
            }
            let loader = { (file: SourceFile) in RecordsLoader(config: entry, file: file, commitments: config.commitments, configFile: configSource) }
            let (loaded, found): (ServiceRecords?, [Diagnostic])
            if let database = entry.database {
                let (table, failed) = readTable(database, at: relative, what: "records", location: entry.location, configSource: configSource)
                (loaded, found) = table.map { loader(SourceFile(path: relative, text: "")).load($0) } ?? (nil, failed)
            } else {
                switch SourceFile.read(absolute: path(relative), relative: relative) {
                case .failure(let diagnostic): (loaded, found) = (nil, [diagnostic])
                case .success(let file): (loaded, found) = loader(file).load()
                }
            }
            diagnostics += found
            return loaded
        }
    }

    // MARK: - Data files named in the config

    private func checkDataFiles(_ config: ProjectConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let named = config.surveys.filter { $0.database?.postgres == nil }.map { ($0.file, $0.location) }
            + config.records.filter { $0.database?.postgres == nil }.map { ($0.file, $0.location) }
        for (file, location) in named where !file.contains("..") && !file.hasPrefix("/") {
            if !FileManager.default.fileExists(atPath: path("content/" + file)) {
                diagnostics.append(.error(
                    "content/\(file) does not exist", at: location,
                    hint: "paths in canvass.yml are relative to content/"))
            }
        }
        return diagnostics
    }
}
