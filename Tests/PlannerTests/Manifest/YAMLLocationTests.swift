import Foundation
import Testing
@testable import Planner

/// Every node keeps the line and column (1-based, in characters) where it was written.
@Suite struct YAMLLocationTests {
    static let manifest = """
        providers:
          nextroll-us:
            type: nextroll
        campaigns:
          - name: Spring
            budget: { amount: 100.00, period: daily }
            ads: [A1, "A2"]
          - name: 'Summer'
            adgroups:
              -   name: Cart
        """

    @Test func blockKeysValuesAndItemsAreLocated() throws {
        let root = try YAMLFixtures.document(Self.manifest, file: "manifests/us.yaml")
        #expect(root.location == SourceLocation(file: "manifests/us.yaml", line: 1, column: 1))
        #expect(root.keyNode("providers")?.place == "1:1")
        #expect(root.at("providers")?.place == "2:3")
        #expect(root.at("providers")?.keyNode("nextroll-us")?.place == "2:3")
        #expect(root.at("providers", "nextroll-us")?.keyNode("type")?.place == "3:5")
        #expect(root.at("providers", "nextroll-us", "type")?.place == "3:11")
        #expect(root.at("campaigns")?.place == "5:3")
        #expect(root.at("campaigns", 0)?.place == "5:5")
        #expect(root.at("campaigns", 0, "name")?.place == "5:11")
        #expect(root.at("campaigns", 1, "name")?.place == "8:11")
        #expect(root.at("campaigns", 1, "adgroups", 0)?.place == "10:11")
        #expect(root.at("campaigns", 1, "adgroups", 0, "name")?.place == "10:17")
    }

    @Test func flowKeysValuesAndItemsAreLocated() throws {
        let root = try YAMLFixtures.document(Self.manifest)
        let budget = try #require(root.at("campaigns", 0, "budget"))
        #expect(budget.place == "6:13")
        #expect(budget.keyNode("amount")?.place == "6:15")
        #expect(budget["amount"]?.place == "6:23")
        #expect(budget.keyNode("period")?.place == "6:31")
        #expect(budget["period"]?.place == "6:39")
        #expect(root.at("campaigns", 0, "ads")?.place == "7:10")
        #expect(root.at("campaigns", 0, "ads", 0)?.place == "7:11")
        #expect(root.at("campaigns", 0, "ads", 1)?.place == "7:15")
    }

    @Test func scalarsKeepTheirTextAndStyle() throws {
        let root = try YAMLFixtures.document(Self.manifest)
        #expect(root.at("campaigns", 0, "ads", 1)?.scalar == YAMLScalar(text: "A2", style: .doubleQuoted))
        #expect(root.at("campaigns", 1, "name")?.scalar == YAMLScalar(text: "Summer", style: .singleQuoted))
        #expect(root.at("campaigns", 0, "budget", "amount")?.scalar == YAMLScalar(text: "100.00", style: .plain))
        let block = try YAMLFixtures.document("a: |\n  one\n  two\nb: >-\n  three\n  four\n")
        #expect(block["a"]?.scalar == YAMLScalar(text: "one\ntwo\n", style: .literal))
        #expect(block["b"]?.scalar == YAMLScalar(text: "three four", style: .folded))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try YAMLFixtures.document("x: {é: Zürich, 😀: 1, b: 2}\n")
        let flow = try #require(root["x"])
        #expect(flow.keyNode("😀")?.place == "1:16")
        #expect(flow.keyNode("b")?.place == "1:22")
        #expect(flow["b"]?.place == "1:25")
    }

    @Test func windowsLineEndingsAndAByteOrderMarkDoNotShiftPlaces() throws {
        let text = "a: 1\r\nb:\r\n  c: 2\r\n"
        let crlf = try YAMLFixtures.document(text)
        #expect(crlf.at("b", "c")?.place == "3:6")
        let bom = try #require(try YAMLLoader().load(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), file: "bom.yaml").first)
        #expect(bom.keyNode("a")?.place == "1:1")
        #expect(bom.at("b")?.keyNode("c")?.place == "3:3")
        let error = try #require(YAMLFixtures.error(Data([0xEF, 0xBB, 0xBF]) + Data("a: [1\n".utf8)))
        #expect(error.location.line == 2 && error.location.column == 1)
    }

    @Test func everyDocumentOfAStreamLoadsWithItsOwnLines() throws {
        let documents = try YAMLLoader().load(Data("---\na: 1\n---\nb:\n  - 2\n...\n".utf8), file: "two.yaml")
        #expect(documents.count == 2)
        #expect(documents[0].keyNode("a")?.place == "2:1")
        #expect(documents[1].at("b", 0)?.place == "5:5")
    }

    @Test func emptyAndCommentOnlyFilesHaveNoDocuments() throws {
        #expect(try YAMLLoader().load(Data(), file: "empty.yaml").isEmpty)
        #expect(try YAMLLoader().load(Data("# only a comment\n\n".utf8), file: "c.yaml").isEmpty)
        let bare = try YAMLLoader().load(Data("---\n".utf8), file: "d.yaml")
        #expect(bare.count == 1 && bare.first?.isNull == true)
    }

    @Test func explicitTagsAreKeptExpanded() throws {
        let root = try YAMLFixtures.document("%TAG !e! tag:example.com,2026:\n---\na: !!str 10\nb: !local x\nc: !e!thing y\nd: plain\n")
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["b"]?.tag == "!local")
        #expect(root["c"]?.tag == "tag:example.com,2026:thing")
        #expect(root["d"]?.tag == nil)
    }
}
