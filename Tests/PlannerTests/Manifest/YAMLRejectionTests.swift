import Foundation
import Testing
@testable import Planner

/// Input the loader must refuse: each problem becomes one located `YAMLError`, never a crash or a hang.
@Suite struct YAMLRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var data: Data
        var place: String
        var fragments: [String]
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ place: String, _ fragments: String...) {
            self.init(name, Data(text.utf8), place, fragments)
        }

        init(_ name: String, _ data: Data, _ place: String, _ fragments: [String]) {
            self.name = name
            self.data = data
            self.place = place
            self.fragments = fragments
        }
    }

    static func bytes(_ parts: Any...) -> Data {
        var data = Data()
        for part in parts {
            if let text = part as? String { data += Data(text.utf8) } else if let raw = part as? [Int] { data += Data(raw.map { UInt8($0) }) }
        }
        return data
    }

    static let syntaxErrors: [Case] = [
        Case("tab indentation", "a:\n\tb: 1\n", "2:1", "cannot start any token", "YAML does not allow tabs here; indent with spaces"),
        Case("tab inside indentation of a list", "a:\n  - x\n\t- y\n", "3:1", "tab character that violates indentation", "indent with spaces"),
        Case("unclosed double quote", "a: \"abc\nb: 2\n", "3:1", "while scanning a quoted scalar that starts at line 1, column 4", "close the quote"),
        Case("unclosed flow sequence", "a: [1, 2\nb: 3\n", "2:2", "did not find expected ',' or ']'", "close the list with ']'"),
        Case("unclosed flow mapping", "a: {x: 1\n", "2:1", "did not find expected ',' or '}'", "close the mapping with '}'"),
        Case("colon in a plain value", "name: Sale: Spring\n", "1:11", "mapping values are not allowed in this context", "must be quoted"),
        Case("reserved @", "a: @home\n", "1:4", "'@' is reserved and cannot start a plain value; put the value in quotes"),
        Case("reserved backtick", "a: `x`\n", "1:4", "'`' is reserved"),
        Case("unknown escape", "a: \"C:\\q\"\n", "1:7", "found unknown escape character", "single quotes"),
        Case("undefined tag handle", "a: !x!y 1\n", "1:4", "found undefined tag handle", "%TAG"),
        Case("key indented less than its siblings", "a:\n  b: 1\n c: 2\n", "3:2", "did not find expected key", "indented like the keys above"),
        Case("list item where a key is expected", "a: 1\n- b\n", "2:1", "did not find expected key"),
        Case("content after a document end", "a: 1\n...\nb: 2\n", "3:1", "did not find expected <document start>", "'---'"),
        Case("anchor without a name", "a: & 1\n", "1:5", "did not find expected alphabetic or numeric character"),
        Case("block scalar with a bad indicator", "a: |x\n  b\n", "1:5", "did not find expected comment or line break"),
    ]

    static let encodingErrors: [Case] = [
        Case("invalid UTF-8 lead byte", bytes("a: 1\nb: x", [0xFF], "y\n"), "2:5", ["the file is not valid UTF-8 (invalid leading UTF-8 octet 0xFF)", "save it with UTF-8 encoding"]),
        Case("invalid UTF-8 continuation", bytes("a: 1\nbb: é", [0xC3, 0x28], "\n"), "2:7", ["invalid trailing UTF-8 octet 0x28"]),
        Case("truncated UTF-8 at the end", bytes("a: ", [0xE2, 0x82]), "1:4", ["not valid UTF-8"]),
        Case("UTF-8 encoded surrogate", bytes("a: ", [0xED, 0xA0, 0x80], "\n"), "1:4", ["not valid UTF-8"]),
        Case("UTF-16 little endian with a byte-order mark", bytes([0xFF, 0xFE], "a\0:\0 \01\0"), "1:1", ["UTF-16", "save it with UTF-8 encoding"]),
        Case("UTF-16 big endian with a byte-order mark", bytes([0xFE, 0xFF], "\0a\0:"), "1:1", ["UTF-16", "save it with UTF-8 encoding"]),
        Case("UTF-16 without a byte-order mark", bytes("a\0:\0 \01\0"), "1:2", ["U+0000", "save it with UTF-8 encoding"]),
        Case("UTF-32 little endian with a byte-order mark", bytes([0xFF, 0xFE, 0, 0], "a\0\0\0"), "1:1", ["UTF-32", "save it with UTF-8 encoding"]),
        Case("UTF-32 big endian with a byte-order mark", bytes([0, 0, 0xFE, 0xFF], "\0\0\0a"), "1:1", ["UTF-32", "save it with UTF-8 encoding"]),
        Case("NUL byte", bytes("a: 1\nb: x", [0x00], "\n"), "2:5", ["control character U+0000 (a NUL byte) is not allowed", "remove the byte"]),
        Case("BEL in a quoted string", bytes("a: 1\nb: \"x", [0x07], "\"\n"), "2:6", ["control character U+0007 is not allowed", "\"\\u0007\""]),
        Case("escape character", bytes("name: ", [0x1B], "[31mred\n"), "1:7", ["U+001B"]),
        Case("DEL", bytes("a: x", [0x7F], "\n"), "1:5", ["U+007F"]),
        Case("C1 control", bytes("a: x", [0xC2, 0x80], "\n"), "1:5", ["U+0080"]),
        Case("control character after multibyte text", bytes("name: Zürich ", [0x01], "\n"), "1:14", ["U+0001"]),
    ]

    @Test(arguments: syntaxErrors + encodingErrors)
    func isALocatedError(_ testCase: Case) throws {
        let error = try #require(YAMLFixtures.error(testCase.data, file: "bad.yaml"), "\(testCase.name) loaded")
        #expect(error.location.file == "bad.yaml")
        #expect("\(error.location.line):\(error.location.column)" == testCase.place, "\(error)")
        for fragment in testCase.fragments {
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func duplicateKeysNameTheFirstOne() throws {
        let block = try #require(YAMLFixtures.error("name: A\nstatus: active\nname: B\n"))
        #expect(block.location == SourceLocation(file: "test.yaml", line: 3, column: 1))
        #expect(block.message == "duplicate key 'name' in this mapping (first defined on line 1); remove one of them or merge their contents")
        let flow = try #require(YAMLFixtures.error("budget: {amount: 1, period: daily, amount: 2}\n"))
        #expect("\(flow.location.line):\(flow.location.column)" == "1:36")
        let quoted = try #require(YAMLFixtures.error("a: 1\n\"a\": 2\n"), "a quoted key is the same key as a plain one")
        #expect(quoted.location.line == 2)
        let nested = try #require(YAMLFixtures.error("c:\n  - name: A\n    g:\n      x: 1\n      x: 2\n"))
        #expect("\(nested.location.line):\(nested.location.column)" == "5:7")
    }

    @Test func duplicateKeysAreFoundInLargeMappings() throws {
        // Mappings past a handful of keys switch from scanning to an index; both must find duplicates.
        for count in [7, 8, 9, 40] {
            let keys = (0..<count).map { "k\($0): \($0)" }
            for duplicate in [0, count / 2, count - 1] {
                let text = (keys + ["k\(duplicate): again"]).joined(separator: "\n")
                let error = try #require(YAMLFixtures.error(text), "\(count) keys, duplicate of k\(duplicate)")
                #expect(error.location.line == count + 1)
                #expect(error.message.contains("duplicate key 'k\(duplicate)'") && error.message.contains("line \(duplicate + 1))"))
            }
            #expect(YAMLFixtures.error(keys.joined(separator: "\n")) == nil)
        }
    }

    /// Keys are compared as text, as Swift compares strings: the same accented letter written composed
    /// and decomposed is one key, in small and in large mappings; different letters are different keys.
    @Test func keysThatAreTheSameTextInAnotherNormalizationAreDuplicates() throws {
        for filler in [0, 10] {
            let keys = (0..<filler).map { "k\($0): \($0)\n" }.joined()
            let error = try #require(YAMLFixtures.error(keys + "caf\u{E9}: 1\ncafe\u{301}: 2\n"), "\(filler) other keys")
            #expect(error.location.line == filler + 2)
            #expect(error.message.hasPrefix("duplicate key 'cafe\u{301}'"))
            #expect(YAMLFixtures.error(keys + "caf\u{E9}: 1\ncafe: 2\ncaf\u{E8}: 3\n") == nil)
        }
    }

    @Test func mergedKeysAreNotDuplicates() throws {
        #expect(YAMLFixtures.error("x: &d {a: 1, b: 2}\ny:\n  <<: *d\n  a: 3\n") == nil)
        let explicit = try #require(YAMLFixtures.error("x: &d {a: 1}\ny:\n  <<: *d\n  b: 3\n  b: 4\n"))
        #expect(explicit.location.line == 5)
    }

    /// Nine levels of nine aliases would stand for 387 million nodes.
    static let billionLaughs: String = {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            text += "\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",") + "]\n"
        }
        return text
    }()

    @Test func aliasBombsAreRejectedAtTheAliasThatCrossesTheLimit() throws {
        let error = try #require(YAMLFixtures.error(Self.billionLaughs))
        #expect(error.location.line == 5, "level e is the first whose aliases pass the allowance: \(error)")
        #expect(error.message.contains("this looks like an alias bomb"))
        #expect(error.message.contains("alias '*d' alone stands for 7381"))
    }

    @Test func manyAliasesToALargeNodeAreRejected() throws {
        var text = "x-big: &big [" + (0..<1000).map { "v\($0)" }.joined(separator: ",") + "]\nlist:\n"
        for _ in 0..<2000 { text += "  - *big\n" }
        let error = try #require(YAMLFixtures.error(text))
        #expect(error.message.contains("alias bomb"))
        #expect(error.location.line > 3 && error.location.line < 2003)
        #expect(error.location.column == 5)
    }

    @Test func reusingABlockOfDefaultsThousandsOfTimesIsFine() throws {
        var text = "x-d: &d {status: active, budget: {amount: 1, period: daily}}\ncampaigns:\n"
        for index in 0..<5000 { text += "  - {<<: *d, name: c\(index), provider: p}\n" }
        let root = try YAMLFixtures.document(text)
        #expect(root["campaigns"]?.sequence?.count == 5000)
        #expect(root.at("campaigns", 4999, "budget", "period")?.scalar?.text == "daily")
    }

    @Test func theAliasLimitsAreConfigurable() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        // `*a` stands for 4 nodes (the sequence and its items): the first alias fits in 5, the second does not.
        let strict = YAMLLimits(maxAliasExpansionPerWrittenNode: 0, aliasExpansionAllowance: 5)
        let error = try #require(YAMLFixtures.error(Data(text.utf8), limits: strict))
        #expect("\(error.location.line):\(error.location.column)" == "2:9")
        #expect(YAMLFixtures.error(Data(text.utf8), limits: YAMLLimits(maxAliasExpansionPerWrittenNode: 0, aliasExpansionAllowance: 8)) == nil)
        let capped = YAMLLimits(maxAliasExpansion: 7, maxAliasExpansionPerWrittenNode: 1000, aliasExpansionAllowance: 1000)
        #expect(YAMLFixtures.error(Data(text.utf8), limits: capped)?.location.column == 9, "the absolute cap applies whatever the file's size")
    }

    @Test func deepNestingIsRejectedWithoutExhaustingTheStack() throws {
        let flow = try #require(YAMLFixtures.error(String(repeating: "[", count: 100_000)))
        #expect("\(flow.location.line):\(flow.location.column)" == "1:513")
        #expect(flow.message.contains("nested more than 512 levels deep"))
        var block = ""
        for level in 0..<600 { block += String(repeating: " ", count: level) + "k:\n" }
        let blockError = try #require(YAMLFixtures.error(block))
        #expect("\(blockError.location.line):\(blockError.location.column)" == "513:513")
        let nested = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(YAMLFixtures.error(nested) == nil, "512 levels are allowed")
    }

    @Test func nestingReachedThroughAnAliasCounts() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let text = "a: &a \(deep)\nb: " + String(repeating: "[", count: 250) + "*a" + String(repeating: "]", count: 250) + "\n"
        let error = try #require(YAMLFixtures.error(text))
        #expect("\(error.location.line):\(error.location.column)" == "2:254")
        #expect(error.message.contains("nested more than 512 levels deep"))
    }

    @Test func onlyTheFirstProblemOfAFileIsReported() throws {
        // A YAML error leaves the rest of the file unreadable; the manifest loader goes on with other files.
        let error = try #require(YAMLFixtures.error("a: 1\na: 2\nb: [\n"))
        #expect(error.location.line == 2)
    }
}
