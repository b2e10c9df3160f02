import Foundation
import Testing
@testable import Sandbox

@Suite struct SandboxJSONTests {
    @Test func numbersAreExactDecimalsBothWays() throws {
        let value = try SandboxJSON.parse(#"{"a": 123.45, "b": 0.1, "c": 1e2, "d": -0.5, "e": 12345678901234567.89}"#)
        #expect(value["a"] == .number(Decimal(string: "123.45")!))
        #expect(value["b"]?.decimalValue == Decimal(string: "0.1"))
        #expect(value["c"]?.intValue == 100)
        #expect(value.serialized() == #"{"a":123.45,"b":0.1,"c":100,"d":-0.5,"e":12345678901234567.89}"#)
    }

    @Test func keepsMemberOrderAndEscapes() throws {
        let value = try SandboxJSON.parse(#"{"z": "line\nbreak \u00e9 \ud83d\ude00", "a": [true, false, null]}"#)
        #expect(value.objectValue?.map(\.key) == ["z", "a"])
        #expect(value["z"]?.stringValue == "line\nbreak é 😀")
        #expect(value.serialized() == #"{"z":"line\nbreak é 😀","a":[true,false,null]}"#)
    }

    @Test func escapesQuotesBackslashesAndControlCharactersInKeysAndValues() throws {
        let value = SandboxJSON.object([("say \"hi\"", .string("a\\b\t\r\u{01}\u{1F}é")), ("plain", .string("no escapes"))])
        let text = #"{"say \"hi\"":"a\\b\t\r\u0001\u001fé","plain":"no escapes"}"#
        #expect(value.serialized() == text)
        #expect(value.data == Data(text.utf8))
        #expect(try SandboxJSON.parse(text) == value)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"unterminated", "{\"a\" 1}", "[1 2]", "tru", "\"bad \\x escape\"",
        "\"\\ud800\"", "{\"a\":1,\"a\":2}", "1 2", "\"tab\there\"", "1e", "NaN",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: SandboxJSONError.self) { try SandboxJSON.parse(text) }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: SandboxJSONError.self) { try SandboxJSON.parse(deep) }
        let fine = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect((try? SandboxJSON.parse(fine)) != nil)
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: SandboxJSONError.self) { try SandboxJSON.parse(Data([0x22, 0xFF, 0xFE, 0x22])) }
    }

    @Test func prettyPrintsForStateFiles() throws {
        let value = try SandboxJSON.parse(#"{"a":[1,{"b":2.50}],"c":{}}"#)
        #expect(value.serialized(indent: 2) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2.5\n    }\n  ],\n  \"c\": {}\n}")
    }
}
