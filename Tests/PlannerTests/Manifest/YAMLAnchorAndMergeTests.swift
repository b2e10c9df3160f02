import Foundation
import Testing
@testable import Planner

/// Anchors, aliases and merge keys (`<<`) are resolved by the loader, so no reader ever sees them.
@Suite struct YAMLAnchorAndMergeTests {
    @Test func anAliasIsACopyOfTheAnchoredNodeWithTheAnchorsPlaces() throws {
        let root = try YAMLFixtures.document("""
            x-geo: &us
              - { country_id: 19, eid: YD2Q }
            a: *us
            b: [*us, &n 5, *n]
            """)
        let a = try #require(root["a"])
        #expect(a.sequence?.count == 1)
        #expect(a.at(0, "eid")?.scalar?.text == "YD2Q")
        // An alias stands for the anchored node, located where that node was written; a node with
        // properties (an anchor or a tag) starts at them, as libyaml reports.
        #expect(a.place == "1:8")
        #expect(a.at(0)?.place == "2:5")
        #expect(a.at(0, "eid")?.place == "2:28")
        #expect(root.at("b", 0, 0, "country_id")?.scalar?.text == "19")
        #expect(root.at("b", 2)?.scalar?.text == "5")
        #expect(root.at("b", 2)?.place == "4:10")
    }

    @Test func aLaterAnchorWithTheSameNameReplacesTheEarlierOne() throws {
        let root = try YAMLFixtures.document("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(root["b"]?.scalar?.text == "1")
        #expect(root["d"]?.scalar?.text == "2")
    }

    @Test func aMergeKeyBringsInAMappingsEntriesWhereItStands() throws {
        let root = try YAMLFixtures.document("""
            x-defaults: &defaults
              status: paused
              retargeting: true
            campaign:
              name: A
              <<: *defaults
              provider: p
            """)
        let campaign = try #require(root["campaign"])
        #expect(campaign.keys == ["name", "status", "retargeting", "provider"])
        #expect(campaign["status"]?.scalar?.text == "paused")
        #expect(campaign.keyNode("status")?.place == "2:3", "merged entries keep the places they were written")
        #expect(campaign["retargeting"]?.place == "3:16")
    }

    @Test func explicitKeysWinOverMergedOnesWhereverTheyAreWritten() throws {
        let root = try YAMLFixtures.document("""
            x-d: &d { status: paused, name: from-defaults, budget: { amount: 1, period: daily } }
            before:
              status: active
              <<: *d
            after:
              <<: *d
              status: active
              budget: { amount: 2 }
            """)
        for key in ["before", "after"] {
            let node = try #require(root[key])
            #expect(node["status"]?.scalar?.text == "active", "\(key)")
            #expect(node["name"]?.scalar?.text == "from-defaults", "\(key)")
            #expect(node.keys.filter { $0 == "status" }.count == 1, "\(key): a merged key an explicit key overrides is dropped")
        }
        let budget = try #require(root.at("after", "budget"))
        #expect(budget.keys == ["amount"], "merging is shallow: an explicit mapping replaces the merged one whole")
        #expect(budget["amount"]?.scalar?.text == "2")
    }

    @Test func aListOfMappingsMergesInOrderWithTheFirstWinning() throws {
        let root = try YAMLFixtures.document("""
            x-a: &a { status: paused, goal: retention }
            x-b: &b { status: active, goal: acquisition, retargeting: true }
            merged:
              <<: [*a, *b, { external_id: inline, goal: ignored }]
              name: X
            """)
        let merged = try #require(root["merged"])
        #expect(merged.keys == ["status", "goal", "retargeting", "external_id", "name"])
        #expect(merged["status"]?.scalar?.text == "paused")
        #expect(merged["goal"]?.scalar?.text == "retention")
        #expect(merged["retargeting"]?.scalar?.text == "true")
        #expect(merged["external_id"]?.scalar?.text == "inline")
    }

    @Test func mergesNestAndWorkThroughAliasedListsAndFlowMappings() throws {
        let root = try YAMLFixtures.document("""
            x-base: &base { status: paused, currency: USD }
            x-mid: &mid
              <<: *base
              status: active
              prune: pause
            x-list: &list [*mid, { endpoint: "http://127.0.0.1" }]
            leaf: { <<: *mid, type: nextroll }
            listed:
              <<: *list
            tagged:
              !!merge <<: *base
            """)
        let leaf = try #require(root["leaf"])
        #expect(leaf.keys.sorted() == ["currency", "prune", "status", "type"])
        #expect(leaf["status"]?.scalar?.text == "active", "the inner mapping's explicit key won before it was merged")
        #expect(leaf["currency"]?.scalar?.text == "USD")
        let listed = try #require(root["listed"])
        #expect(listed.keys.sorted() == ["currency", "endpoint", "prune", "status"])
        #expect(root.at("tagged", "currency")?.scalar?.text == "USD")
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try YAMLFixtures.document("a:\n  \"<<\": literal\n  '<<x': y\n")
        #expect(root.at("a")?.keys == ["<<", "<<x"])
        #expect(root.at("a", "<<")?.scalar?.text == "literal")
    }

    @Test func anEmptyMergeListMergesNothing() throws {
        let root = try YAMLFixtures.document("a:\n  <<: []\n  b: 1\n")
        #expect(root.at("a")?.keys == ["b"])
    }

    @Test(arguments: [
        ("y:\n  <<: 5\n", "2:7", "a merge key '<<' needs a mapping"),
        ("y:\n  <<:\n  a: 1\n", "2:6", "found null"),
        ("y:\n  <<: [1]\n", "2:8", "can only merge mappings, but this item is a scalar"),
        ("l: &l [1]\ny:\n  <<: [*l]\n", "3:8", "this item is a sequence"),
        ("l: &l [{a: 2}, 1]\ny:\n  <<: *l\n", "3:7", "item 2 of the list this alias stands for (line 1, column 16) is a scalar"),
        ("d: &d {a: 1}\ny:\n  <<: *d\n  <<: *d\n", "4:3", "duplicate merge key '<<' (the first is on line 3)"),
    ])
    func badMergesAreLocatedErrors(_ yaml: String, _ place: String, _ fragment: String) throws {
        let error = try #require(YAMLFixtures.error(yaml))
        #expect("\(error.location.line):\(error.location.column)" == place, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }

    @Test func aliasesToUndefinedAnchorsOrAcrossDocumentsAreErrors() throws {
        let undefined = try #require(YAMLFixtures.error("a: 1\nb: *nope\n"))
        #expect(undefined.location == SourceLocation(file: "test.yaml", line: 2, column: 4))
        #expect(undefined.message.contains("alias '*nope' refers to an anchor that is not defined"))
        let acrossDocuments = try #require(YAMLFixtures.error("--- &a 1\n--- *a\n"))
        #expect(acrossDocuments.location.line == 2)
        #expect(acrossDocuments.message.contains("not defined"))
    }

    @Test(arguments: [
        ("a: &x [1, *x]\n", "1:11"),
        ("a: &x\n  b: *x\n", "2:6"),
        ("a: &x\n  b:\n    - c: [ *x ]\n", "3:12"),
        ("a: &x\n  <<: *x\n", "2:7"),
    ])
    func anAliasInsideItsOwnAnchorIsACycleError(_ yaml: String, _ place: String) throws {
        let error = try #require(YAMLFixtures.error(yaml))
        #expect("\(error.location.line):\(error.location.column)" == place)
        #expect(error.message.contains("is inside the node it refers to (anchored on line 1)"), "\(error)")
    }
}
