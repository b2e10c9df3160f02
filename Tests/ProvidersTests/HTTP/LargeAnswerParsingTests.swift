import Foundation
@testable import Providers
import Testing

@Suite struct LargeAnswerParsingTests {
    struct Refused: Error, Equatable { var reason: String }

    /// Small answers are read where they arrive, large ones on a Dispatch thread: either way the
    /// caller gets the value or the typed error the work threw.
    @Test(arguments: [10, LargeAnswerParsing.threshold, 4 * LargeAnswerParsing.threshold])
    func returnsTheValueAndRethrowsTheError(size: Int) async throws {
        let value = await LargeAnswerParsing.run(size: size) { () -> [Int] in (0..<size).filter { $0 % 1_000 == 0 } }
        #expect(value.count == (size + 999) / 1_000)
        do throws(Refused) {
            _ = try await LargeAnswerParsing.run(size: size) { () throws(Refused) -> Int in throw Refused(reason: "size \(size)") }
            Issue.record("expected the error")
        } catch {
            #expect(error == Refused(reason: "size \(size)"))
        }
    }
}
