/// How libyaml 0.2.5 (and so `YAMLLoader`) departs from the YAML test suite's expectation for one case.
/// Each entry was checked against the case's `in.yaml` and libyaml's own error; the runner asserts
/// that the case still deviates in exactly this way, so the list cannot go stale.
enum YAMLTestSuiteDeviation {
    /// A valid case libyaml rejects (with a located error).
    case rejectsValid(String)
    /// An error case libyaml accepts.
    case acceptsInvalid(String)
    /// A valid case libyaml loads, but to a different structure.
    case loadsDifferently(String)

    var reason: String {
        switch self {
        case .rejectsValid(let reason), .acceptsInvalid(let reason), .loadsDifferently(let reason): return reason
        }
    }

    static let emptyKey = "libyaml does not support an empty implicit key (a line or entry starting with `:`)"
    static let unknownDirective = "libyaml rejects a reserved directive (`%FOO`, `%YAM`, `%YAMLL`) instead of ignoring it with a warning"
    static let anchorCharacters = "libyaml allows only ASCII letters, digits, `-` and `_` in anchor names"
    static let flowColonNextLine = "libyaml rejects a flow mapping whose `:` is on a line after its key"
    static let flowMultilineKey = "libyaml rejects a flow mapping key that spans several lines"
    static let flowColonScalar = "libyaml rejects a plain scalar starting with `:` inside a flow collection"
    static let colonComma = "libyaml rejects a `:` followed directly by `,` in a flow mapping"
    static let tabSeparation = "libyaml rejects a tab as the separator after a `-` block sequence indicator"
    static let tabBeforeFlow = "libyaml rejects a tab before a top-level flow collection"
    static let tabInBlockScalar = "libyaml rejects a tab right after the indentation of a block scalar's line"
    static let bareDocumentAfterEnd = "libyaml needs `---` before a document that follows a `...` end marker"
    static let zeroIndentedBlockScalar = "libyaml does not accept a top-level block scalar whose lines are not indented"
    static let onlyDocumentEnd = "libyaml rejects a stream with a `...` end marker but no document"
    static let directiveWithoutEnd = "libyaml accepts a directive after a document that has no `...` end marker"
    static let commentWithoutSpace = "libyaml accepts a `#` comment not preceded by whitespace"
    static let dashInFlow = "libyaml accepts a lone `-` as a plain scalar inside a flow sequence"

    /// Every case of the suite on which libyaml 0.2.5 deviates, by case id. None is due to the loader's
    /// own rules (merge keys, duplicate keys, limits): no case of the suite trips them.
    static let known: [String: YAMLTestSuiteDeviation] = [
        "2JQS": .rejectsValid(emptyKey),
        "2LFX": .rejectsValid(unknownDirective),
        "2SXE": .rejectsValid(anchorCharacters + " (`&a:` ends the anchor at the colon)"),
        "4ABK": .rejectsValid(colonComma + " (`omitted value:,`)"),
        "4MUZ/00": .rejectsValid(flowColonNextLine),
        "4MUZ/01": .rejectsValid(flowColonNextLine),
        "4MUZ/02": .rejectsValid(flowColonNextLine),
        "58MP": .rejectsValid(flowColonScalar + " (`{x: :x}`)"),
        "5MUD": .rejectsValid(flowColonNextLine),
        "5T43": .rejectsValid(flowColonScalar + " (`\"key\"::value`)"),
        "652Z": .loadsDifferently("libyaml reads `?` directly before a flow key as the explicit-key indicator, so the key is \"foo\", not \"?foo\""),
        "6BCT": .rejectsValid(tabSeparation + " (`-\\tbaz`)"),
        "6CA3": .rejectsValid(tabBeforeFlow),
        "6LVF": .rejectsValid(unknownDirective),
        "6M2F": .rejectsValid(emptyKey + " (`: *a` after an explicit entry)"),
        "7Z25": .rejectsValid(bareDocumentAfterEnd),
        "8XYN": .rejectsValid(anchorCharacters + " (here an emoji)"),
        "96NN/00": .rejectsValid(tabInBlockScalar),
        "96NN/01": .rejectsValid(tabInBlockScalar),
        "9C9N": .acceptsInvalid("libyaml accepts a flow sequence continued on lines indented less than its key"),
        "9HCY": .acceptsInvalid(directiveWithoutEnd),
        "9JBA": .acceptsInvalid(commentWithoutSpace + " (after `]`)"),
        "9SA2": .rejectsValid(flowMultilineKey + " (a double-quoted key)"),
        "A2M4": .rejectsValid(tabSeparation + " (`-\\tb`)"),
        "BEC7": .rejectsValid("libyaml rejects `%YAML 1.3` as an incompatible version instead of parsing it with a warning"),
        "CFD4": .rejectsValid(emptyKey + " (in a single-pair flow sequence entry `[ : empty key ]`)"),
        "CVW2": .acceptsInvalid(commentWithoutSpace + " (after `,`)"),
        "DBG4": .rejectsValid(flowColonScalar + " (`::vector` in a flow sequence)"),
        "DK3J": .rejectsValid(zeroIndentedBlockScalar),
        "DK95/00": .rejectsValid("libyaml rejects a tab after indentation spaces before a plain value"),
        "DK95/01": .acceptsInvalid("libyaml accepts a tab as the indentation of a double-quoted scalar's continuation line"),
        "DK95/03": .rejectsValid("libyaml rejects a blank line made of a space and a tab before the first key"),
        "DK95/04": .rejectsValid("libyaml rejects a line holding only a tab between two mapping entries"),
        "EB22": .acceptsInvalid(directiveWithoutEnd),
        "FP8R": .rejectsValid(zeroIndentedBlockScalar),
        "FRK4": .rejectsValid(colonComma + " (`? foo :,`)"),
        "G5U8": .acceptsInvalid(dashInFlow),
        "HM87/00": .rejectsValid(flowColonScalar + " (`[:x]`)"),
        "HM87/01": .loadsDifferently("libyaml reads `[?x]` as a single-pair mapping {x: null}, not the scalar \"?x\""),
        "HWV9": .rejectsValid(onlyDocumentEnd),
        "JEF9/02": .loadsDifferently("libyaml drops the line break of a keep-chomped (`|+`) literal whose last line holds only spaces and has no line break"),
        "K3WX": .rejectsValid(flowColonNextLine + " (after a comment)"),
        "L24T/01": .loadsDifferently("libyaml keeps the trailing spaces and drops the line break of a literal scalar's last spaces-only line without a line break"),
        "M2N8/00": .rejectsValid(emptyKey + " (inside an explicit key `? : x`)"),
        "M7A3": .rejectsValid(bareDocumentAfterEnd),
        "MUS6/00": .acceptsInvalid(commentWithoutSpace + " (after a `%YAML 1.1` directive)"),
        "MUS6/01": .acceptsInvalid(directiveWithoutEnd),
        "MUS6/05": .rejectsValid(unknownDirective),
        "MUS6/06": .rejectsValid(unknownDirective),
        "NHX8": .rejectsValid(emptyKey),
        "NJ66": .rejectsValid(flowMultilineKey + " (a plain key)"),
        "NKF9": .rejectsValid(emptyKey),
        "Q5MG": .rejectsValid(tabBeforeFlow),
        "QB6E": .acceptsInvalid("libyaml accepts a double-quoted scalar continued on lines indented less than its key"),
        "QT73": .rejectsValid(onlyDocumentEnd + " (after a comment)"),
        "R4YG": .rejectsValid(tabInBlockScalar),
        "RHX7": .acceptsInvalid(directiveWithoutEnd),
        "S3PD": .rejectsValid(emptyKey),
        "S98Z": .acceptsInvalid("libyaml accepts leading blank lines of a block scalar with more spaces than its later lines"),
        "SM9W/01": .rejectsValid(emptyKey + " (a stream that is only `:`)"),
        "SU5Z": .acceptsInvalid(commentWithoutSpace + " (after a double-quoted scalar)"),
        "UKK6/00": .rejectsValid(emptyKey + " (`- :`)"),
        "UT92": .rejectsValid(flowMultilineKey + " (`matches %` over two lines)"),
        "VJP3/01": .rejectsValid(flowColonNextLine),
        "W4TN": .rejectsValid("libyaml reads a `%` at the start of a block scalar's line as a directive"),
        "W5VH": .rejectsValid(anchorCharacters + " (`&:@*!$\"<foo>:`)"),
        "X4QW": .acceptsInvalid(commentWithoutSpace + " (after a block scalar indicator)"),
        "Y2GN": .loadsDifferently(anchorCharacters + ", so `&an:chor value` is anchor `an` on the text \":chor value\""),
        "Y79Y/001": .rejectsValid(tabInBlockScalar),
        "Y79Y/003": .acceptsInvalid("libyaml accepts a tab as the indentation inside a flow sequence"),
        "Y79Y/010": .rejectsValid(tabSeparation + " (`-\\t-1`)"),
        "YJV2": .acceptsInvalid(dashInFlow),
    ]
}
