import Foundation
import Testing
@testable import Planner

@Suite struct JSONParserTests {
    @Test func numbersAreExactDecimals() throws {
        let value = try JSONParser().parse(#"{"a": 0.1, "b": 19.99, "c": 12345678901234567890.123456789, "d": -7, "e": 1.5e3, "f": 9223372036854775808}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        let numbers = Dictionary(uniqueKeysWithValues: members)
        #expect(numbers["a"] == .decimal(Decimal(string: "0.1")!))
        #expect(numbers["b"] == .decimal(Decimal(string: "19.99")!))
        #expect(numbers["c"] == .decimal(Decimal(string: "12345678901234567890.123456789")!))
        #expect(numbers["d"] == .integer(-7))
        #expect(numbers["e"] == .decimal(1500))
        #expect(numbers["f"] == .decimal(Decimal(string: "9223372036854775808")!))
    }

    @Test(arguments: [
        ("19.99", "19.99"), ("-0.10", "-0.1"), ("+2", "2"), ("1.5e3", "1500"), ("12345678901234567890.5", "12345678901234567890.5"),
        ("0.000000000000000000000000000001", "0.000000000000000000000000000001"), ("1e-130", nil), ("1.", nil), (".5", nil),
        ("19.99x", nil), ("", nil), ("-", nil), ("1e", nil), ("123456789012345678901234567890123456789", nil),
        ("1234567890123456789012345678901234567800000", "1234567890123456789012345678901234567800000"),
    ] as [(String, String?)])
    func decimalTextIsReadExactlyOrRefused(text: String, expected: String?) {
        #expect(JSONParser.exactDecimal(text) == expected.flatMap { Decimal(string: $0) }, "\(text)")
    }

    @Test func keyOrderAndEscapesSurviveARoundTrip() throws {
        let text = #"{"z":1,"a":"line\nbreak \"q\" \u00e9 \ud83d\ude00","m":[true,false,null]}"#
        let value = try JSONParser().parse(text)
        #expect(value.serialized(indent: 0) == #"{"z":1,"a":"line\nbreak \"q\" é 😀","m":[true,false,null]}"#)
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9, "expected a string key"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected `true`"),
        (#"{"a": 1, "a": 2}"#, 1, 10, "duplicate key"),
        ("[01]", 1, 2, "leading zeros"),
        (#"{"a": 1} x"#, 1, 10, "unexpected text"),
        (#""abc"#, 1, 1, "unterminated string"),
        ("1e999", 1, 1, "outside the range"),
        ("[1, 2", 1, 6, "expected `,` or `]`"),
    ])
    func malformedInputIsAnErrorWithItsPlace(text: String, line: Int, column: Int, message: String) {
        #expect {
            try JSONParser().parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }

    /// Small objects are checked for duplicate keys by scanning, large ones by hashing: both find them,
    /// including keys that are the same text in another Unicode normalization.
    @Test(arguments: [3, 16, 40])
    func duplicateKeysAreFoundInObjectsOfAnySize(members: Int) {
        let keys = (0..<members).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect((try? JSONParser().parse("{\(keys)}")) != nil)
        for duplicate in [#""k0""#, #""k\#(members - 1)""#] {
            #expect(throws: JSONParseError.self) { try JSONParser().parse("{\(keys), \(duplicate): 1}") }
        }
        let sameTextTwice = #", "é": 1, "e\u0301": 2"#
        #expect(throws: JSONParseError.self) { try JSONParser().parse("{\(keys)\(sameTextTwice)}") }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONParseError.self) { try JSONParser(maximumDepth: 256).parse(text) }
        #expect((try? JSONParser(maximumDepth: 400).parse(text)) != nil)
    }

    @Test func decoderReadsDecimalsFromNumbersAndStringsAndRefusesJunk() throws {
        struct Amounts: Codable, Equatable { var a: Decimal; var b: Decimal; var n: Int }
        let decoded = try JSONValueDecoder().decode(Amounts.self, from: Data(#"{"a": "19.99", "b": 0.3, "n": 5.0}"#.utf8))
        #expect(decoded == Amounts(a: Decimal(string: "19.99")!, b: Decimal(string: "0.3")!, n: 5))
        #expect(throws: (any Error).self) { try JSONValueDecoder().decode(Amounts.self, from: Data(#"{"a": "19.99x", "b": 1, "n": 1}"#.utf8)) }
        do {
            _ = try JSONValueDecoder().decode([Amounts].self, from: Data(#"[{"a": 1, "b": 2, "n": 1}, {"a": 1, "n": true}]"#.utf8))
            Issue.record("decoded a bad document")
        } catch {
            #expect(JSONValueDecoder.describe(error) == "[1].b: missing required key `b`")
        }
    }

    @Test func encoderKeepsDeclarationOrderAndExactDecimals() throws {
        struct Row: Codable { var zeta: Decimal; var alpha: String?; var mid: [Int] }
        let json = try JSONValueEncoder().encode(Row(zeta: Decimal(string: "0.1")! + Decimal(string: "0.2")!, alpha: nil, mid: [3, 1]))
        #expect(json.serialized(indent: 0) == #"{"zeta":0.3,"mid":[3,1]}"#)
    }
}
