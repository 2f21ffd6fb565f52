import CanvassCore
import Foundation
import Testing

/// The quick character classes that tokenising uses must answer as the standard properties do,
/// or tags, search terms and sentiment words would be split differently.
@Suite struct CharacterClassTests {
    static let samples: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + [
        "\r\n", "é", "e\u{301}", "ß", "Ω", "ж", "٣", "½", "²", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}",
        "中", "文", "〇", "々", "あ", "カ", "한", "👍", "🇨🇳", "’", "—", "。", "，",
    ]

    @Test func quickClassesAnswerAsTheStandardProperties() {
        for character in Self.samples {
            #expect(character.isLetterOrNumber == (character.isLetter || character.isNumber), "\(character.unicodeScalars.map(\.value))")
            #expect(character.isSpace == character.isWhitespace, "\(character.unicodeScalars.map(\.value))")
            #expect(character.isHan == (character.unicodeScalars.first?.properties.isIdeographic ?? false), "\(character.unicodeScalars.map(\.value))")
        }
    }

    /// Survey cells, ids and tags are trimmed as Foundation's `.whitespaces` trims them: spaces,
    /// tabs and the other space separators (no-break, em, ideographic), but not line breaks.
    @Test func trimmingSpacesMatchesFoundation() {
        let pads = ["", " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", " \t\u{A0}", "\n", "\r\n", "\u{85}", "\u{2028}"]
        let cores = ["", "x", "4", "a b", "客服 回电", "e\u{301}", "\u{A0}", "-3.5", "\n"]
        for lead in pads {
            for core in cores {
                for trail in pads {
                    let text = lead + core + trail
                    #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    @Test func hanIsTheIdeographsOnly() {
        #expect(Array("客服回电").allSatisfy { $0.isHan })
        #expect(!Array("callback 3 あカ한").contains { $0.isHan })
    }
}
