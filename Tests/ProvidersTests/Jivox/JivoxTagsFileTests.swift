import Foundation
@testable import Providers
import Testing

@Suite("Jivox tags file")
struct JivoxTagsFileTests {
    @Test(arguments: [
        ("attachment; filename=Summer Retail_tags.csv", "Summer Retail_tags.csv"),
        ("attachment; filename=\"Spring; \\\"Sale\\\"_tags.csv\"", "Spring; \"Sale\"_tags.csv"),
        ("attachment; filename*=UTF-8''%C3%89t%C3%A9%20Promo_tags.csv; filename=ete_tags.csv", "Été Promo_tags.csv"),
        ("attachment; filename=A; B_tags.csv", "A; B_tags.csv"),
        ("attachment; filename=Fall_tags.csv; size=120", "Fall_tags.csv"),
        ("ATTACHMENT; FILENAME=Upper_tags.csv", "Upper_tags.csv"),
    ])
    func theFileNameIsReadFromContentDisposition(_ header: String, _ expected: String) {
        #expect(JivoxTagsFile(contentDisposition: header, idx: 7).name == expected)
    }

    @Test(arguments: [
        (nil, "retail-campaign-7_tags.csv"),
        ("attachment", "retail-campaign-7_tags.csv"),
        ("attachment; xfilename=nope.csv", "retail-campaign-7_tags.csv"),
        ("attachment; filename=../../etc/passwd", "_.._etc_passwd_tags.csv"),
        ("attachment; filename=..", "retail-campaign-7_tags.csv"),
        ("attachment; filename=/", "retail-campaign-7_tags.csv"),
        ("attachment; filename=.hidden_tags.csv", "hidden_tags.csv"),
        ("attachment; filename=a\\b\u{1}c_tags.csv", "a_b_c_tags.csv"),
        ("attachment; filename=report.csv", "report_tags.csv"),
        ("attachment; filename=Promo", "Promo_tags.csv"),
        ("attachment; filename=_tags.csv", "retail-campaign-7_tags.csv"),
    ] as [(String?, String)])
    func unsafeOrMissingNamesBecomeSafeOnes(_ header: String?, _ expected: String) {
        #expect(JivoxTagsFile(contentDisposition: header, idx: 7).name == expected)
    }

    @Test func longNamesAreCutToWhatFileSystemsTake() {
        let name = JivoxTagsFile(contentDisposition: "attachment; filename=" + String(repeating: "é", count: 300) + "_tags.csv", idx: 1).name
        #expect(name.utf8.count <= JivoxTagsFile.maxNameBytes)
        #expect(name.hasSuffix("_tags.csv"))
        #expect(name.hasPrefix("ééé"))
    }

    @Test func writingReplacesTheFileAndLeavesNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tags-\(UUID().uuidString)/nested").path
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let file = JivoxTagsFile(contentDisposition: "attachment; filename=X_tags.csv", idx: 1)
        #expect(try file.write(Data("one".utf8), into: folder) == folder + "/X_tags.csv")
        #expect(try file.write(Data("two".utf8), into: folder + "/") == folder + "/X_tags.csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["X_tags.csv"])
        #expect(FileManager.default.contents(atPath: folder + "/X_tags.csv") == Data("two".utf8))
    }
}
