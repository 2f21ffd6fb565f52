// canvass-bench: timings for release builds, never part of the tests.
//   swift build -c release --product canvass-bench
//   .build/release/canvass-bench personas [rows] [repeats]
import CanvassAnalysis
import CanvassCore
import CanvassSite
import CJemalloc // the allocator canvass runs with (Sources/canvass/main.swift)
import Foundation

/// Seeded synthetic survey: `rows` respondents, 4 numeric and 4 categorical attributes in 4 planted groups.
func syntheticSurvey(rows: Int, seed: UInt64) -> SurveyData {
    var generator = SeededGenerator(seed: seed)
    func normal() -> Double {
        let u = max(generator.unit(), 1e-12), v = generator.unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
    var config = SurveyConfig(file: "bench.csv", idColumn: "id")
    let numeric = ["n1", "n2", "n3", "n4"], categorical = ["c1", "c2", "c3", "c4"]
    config.attributes = numeric.map { .init(name: $0, kind: .numeric) } + categorical.map { .init(name: $0, kind: .category) }
    var numbers: [String: [Double?]] = [:], texts: [String: [String?]] = [:]
    var groups: [Int] = []
    for _ in 0..<rows { groups.append(generator.index(below: 4)) }
    for (a, name) in numeric.enumerated() {
        numbers[name] = groups.map { Double(($0 + a) % 4) * 2 + normal() }
    }
    for (a, name) in categorical.enumerated() {
        texts[name] = groups.map { group in generator.unit() < 0.8 ? "v\((group + a) % 4)" : "v\(generator.index(below: 4))" }
    }
    return SurveyData(
        config: config, path: "content/bench.csv", ids: (0..<rows).map { "r\($0)" }, lines: (0..<rows).map { $0 + 2 },
        waves: Array(repeating: nil, count: rows), numbers: numbers, texts: texts, emptyCounts: [:],
        mappedColumns: ["id"] + numeric + categorical, findings: [])
}

func benchmarkPersonas(rows: Int, repeats: Int) {
    let survey = syntheticSurvey(rows: rows, seed: 1)
    var config = ProjectConfig(title: "bench")
    var personas = PersonaConfig()
    personas.attributes = survey.config.attributes.map(\.name)
    config.personas = personas
    var seconds: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        let results = SurveyAnalyzer(config: config, surveys: [survey]).analyse()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        precondition(results != nil)
    }
    seconds.sort()
    print(String(format: "personas: %d rows x 8 attributes, k auto 2..6, 10 restarts, 5 stability runs: median %.2f s (min %.2f, max %.2f, %d runs)",
                 rows, seconds[seconds.count / 2], seconds.first!, seconds.last!, repeats))
}

/// Accuracy of the bundled sentiment lexicons on a labelled file: `label<TAB>text` per line,
/// label positive or negative. A neutral prediction counts as wrong.
func benchmarkSentiment(file: String) {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { print("cannot read \(file)"); return }
    let analyzer = SentimentAnalyzer()
    var total = 0, correct = 0, neutral = 0
    var confusion: [String: Int] = [:]
    for line in text.split(separator: "\n") {
        guard let tab = line.firstIndex(of: "\t") else { continue }
        let gold = String(line[..<tab])
        guard gold == "positive" || gold == "negative" else { continue }
        let predicted = analyzer.score(String(line[line.index(after: tab)...])).label.rawValue
        total += 1
        if predicted == gold { correct += 1 }
        if predicted == "neutral" { neutral += 1 }
        confusion["\(gold)→\(predicted)", default: 0] += 1
    }
    print(String(format: "%@: %d labelled texts, accuracy %.3f (neutral predictions %d, counted wrong; accuracy among non-neutral %.3f)",
                 (file as NSString).lastPathComponent, total, Double(correct) / Double(max(total, 1)), neutral,
                 Double(correct) / Double(max(total - neutral, 1))))
    print("  " + confusion.keys.sorted().map { "\($0) \(confusion[$0]!)" }.joined(separator: ", "))
}

/// What `canvass serve` does after a one-note edit: a cached load, analysis and check of the
/// project at `root`, after appending a line to its first note. Prints the stages of each edit.
func benchmarkLive(root: String, edits: Int) {
    let pipeline = Pipeline(options: Pipeline.Options(root: root), session: BuildSession(keeping: .inMemory))
    let notes = ProjectFiles.regularFiles(in: root).map(\.path).filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.sorted()
    guard let note = notes.first, let handle = FileHandle(forUpdatingAtPath: root + "/" + note) else { print("no note under \(root)/content"); return }
    defer { try? handle.close() }
    func run(_ label: String) {
        let start = DispatchTime.now().uptimeNanoseconds
        let (report, site) = pipeline.live()
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let stages = report.timings.map { String(format: "%@ %.0f", $0.stage, $0.seconds * 1000) }.joined(separator: ", ")
        print(String(format: "%@: %.0f ms (%@)%@", label, total, stages, site == nil ? " FAILED" : ""))
    }
    run("first build")
    for edit in 0..<edits {
        handle.seekToEndOfFile()
        handle.write(Data("\n- canvass-bench edit \(edit) #support\n".utf8))
        run("edit \(edit + 1)")
    }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "personas":
    benchmarkPersonas(rows: arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000, repeats: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 3)
case "live":
    benchmarkLive(root: arguments.dropFirst().first ?? ".", edits: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 3)
case "sentiment":
    for file in arguments.dropFirst() { benchmarkSentiment(file: file) }
default:
    print("usage: canvass-bench personas [rows] [repeats] | live PROJECT [edits] | sentiment FILE…")
}
