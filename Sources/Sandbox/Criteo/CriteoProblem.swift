/// One entry of a Criteo `errors` or `warnings` array: `traceIdentifier`, `type`, `code`, `instance`,
/// `title`, `detail`, as in the documented partial-failure example.
struct CriteoProblem: Error, Sendable, Equatable {
    var type: String
    var code: String
    /// `@data/1` for the second item of a bulk update; a path for request-level errors.
    var instance: String
    var title: String
    var detail: String

    func json(traceIdentifier: String) -> SandboxJSON {
        .object([("traceIdentifier", .string(traceIdentifier)), ("type", .string(type)), ("code", .string(code)),
                 ("instance", .string(instance)), ("title", .string(title)), ("detail", .string(detail))])
    }

    // The codes below are the documented campaign update codes; `campaign-does-not-exist`,
    // `field-is-read-only`, `validation-failed-on-goal` and `invalid-item` are not in the reference
    // (it lists no code for those cases) and follow its naming.

    static func spendLimitDoesNotExist(_ index: Int) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--spend-limit-does-not-exist", instance: "@data/\(index)",
                      title: "Spend limit does not exist",
                      detail: "The campaign has no spend limit (it is uncapped), so its spend limit cannot be updated.")
    }

    static func belowLifetimeSpent(_ index: Int, spent: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--cannot-decrease-lifetime-spend-limit-below-what-is-already-spent",
                      instance: "@data/\(index)", title: "Cannot decrease lifetime spend limit below what is already spent",
                      detail: "The lifetime spend limit cannot be lower than the \(spent) already spent.")
    }

    static func spendLimitInvalid(_ index: Int, _ detail: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--validation-failed-on-spend-limit", instance: "@data/\(index)",
                      title: "Validation failed on spend limit", detail: detail)
    }

    static func sameCampaignTwice(_ index: Int, id: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--cannot-update-same-campaign-multiple-times",
                      instance: "@data/\(index)", title: "Cannot update the same campaign multiple times",
                      detail: "Campaign \(id) appears more than once in the payload; consolidate its updates into one item.")
    }

    static func injected(_ index: Int, code: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: code, instance: "@data/\(index)", title: "Update rejected",
                      detail: "The update could not be processed for this campaign.")
    }

    static func campaignDoesNotExist(_ index: Int, id: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--campaign-does-not-exist", instance: "@data/\(index)",
                      title: "Campaign does not exist", detail: "There is no campaign \(id) in your portfolio.")
    }

    static func readOnly(_ index: Int, field: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--field-is-read-only", instance: "@data/\(index)",
                      title: "Field is read-only", detail: "The campaign \(field) is read-only and cannot be changed.")
    }

    static func goalInvalid(_ index: Int, _ detail: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--validation-failed-on-goal", instance: "@data/\(index)",
                      title: "Validation failed on goal", detail: detail)
    }

    static func invalidItem(_ index: Int, _ detail: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--invalid-item", instance: "@data/\(index)",
                      title: "Invalid update item", detail: detail)
    }

    static func nextPeriodWarning(_ index: Int, renewal: String) -> CriteoProblem {
        CriteoProblem(type: "validation", code: "campaign--campaign-update-check--new-spend-limit-amount-will-take-place-at-the-next-period-start",
                      instance: "@data/\(index)", title: "New spend limit amount will take place at the next period start",
                      detail: "The new amount is lower than what was already spent in the current \(renewal) period; it applies from the next period.")
    }
}
