import CYAML

/// Why libyaml stopped reading, turned into a located `YAMLError` a person can act on.
///
/// libyaml describes problems tersely ("found character that cannot start any token") and names
/// what it was doing ("while scanning a quoted scalar", with where that started). The message keeps
/// both and adds, for the common mistakes, what to do about it.
struct YAMLSyntaxProblem {
    private enum Stage { case reader, syntax, memory }

    private let stage: Stage
    private let problem: String
    private let context: String?
    /// 0-based, as libyaml gives them.
    private let problemLine: Int
    private let problemColumn: Int
    private let contextLine: Int
    private let contextColumn: Int
    private let problemOffset: Int
    private let problemValue: Int

    init(_ parser: UnsafePointer<yaml_parser_t>) {
        let state = parser.pointee
        switch state.error {
        case YAML_READER_ERROR: stage = .reader
        case YAML_MEMORY_ERROR: stage = .memory
        default: stage = .syntax
        }
        problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        context = state.context.map { String(cString: $0) }
        problemLine = state.problem_mark.line
        problemColumn = state.problem_mark.column
        contextLine = state.context_mark.line
        contextColumn = state.context_mark.column
        problemOffset = state.problem_offset
        problemValue = Int(state.problem_value)
    }

    /// The error, located in `file`; `source` is the input the parser read.
    func error(file: String, source: YAMLSourceMap) -> YAMLError {
        switch stage {
        case .reader:
            let position = source.position(ofByteOffset: problemOffset)
            return YAMLError(
                location: SourceLocation(file: file, line: position.line, column: position.column),
                message: readerMessage)
        case .memory:
            return YAMLError(
                location: SourceLocation(file: file, line: problemLine + 1, column: problemColumn + 1),
                message: "ran out of memory while reading YAML; split the file into smaller ones")
        case .syntax:
            let line = problemLine + 1
            let column = problemColumn + 1
            var message = problem
            if let context {
                message += " " + context
                if contextLine != problemLine || contextColumn != problemColumn {
                    message += " that starts at line \(contextLine + 1), column \(contextColumn + 1)"
                }
            }
            if let hint = hint(character: source.character(line: line, column: column)) {
                message += "; " + hint
            }
            return YAMLError(location: SourceLocation(file: file, line: line, column: column), message: message)
        }
    }

    private var readerMessage: String {
        if problem == "control characters are not allowed", problemValue == 0 {
            // NUL bytes in text almost always mean a UTF-16 or UTF-32 file without a byte-order mark.
            return "control character U+0000 (a NUL byte) is not allowed in YAML; if the file is UTF-16 "
                + "or UTF-32 encoded, save it with UTF-8 encoding, otherwise remove the byte"
        }
        if problem == "control characters are not allowed" {
            let code = String(problemValue, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return "control character U+\(padded) is not allowed in YAML; remove it, "
                + "or write it as the escape \"\\u\(padded)\" inside a double-quoted string"
        }
        var message = "the file is not valid UTF-8 (\(problem)"
        if problemValue >= 0, problem.contains("octet") {
            let hex = String(problemValue, radix: 16, uppercase: true)
            message += " 0x" + (hex.count < 2 ? "0" + hex : hex)
        }
        return message + "); save it with UTF-8 encoding"
    }

    /// What to do about the mistakes people make most, judged from libyaml's words and the character found.
    private func hint(character: Unicode.Scalar?) -> String? {
        if character == "\t" || problem.contains("tab character") {
            return "YAML does not allow tabs here; indent with spaces"
        }
        switch problem {
        case "found character that cannot start any token":
            if let character, "@`".unicodeScalars.contains(character) {
                return "'\(character)' is reserved and cannot start a plain value; put the value in quotes"
            }
            return "put the value in quotes if it is text"
        case "mapping values are not allowed in this context":
            return "a value containing ': ' must be quoted, or this line is indented wrongly"
        case "did not find expected key":
            return "check that this line is indented like the keys above it"
        case "did not find expected '-' indicator":
            return "check that the items of this list start at the same column"
        case "block sequence entries are not allowed in this context":
            return "start a list item on its own line, indented under its key"
        case "could not find expected ':'":
            return "a key must be followed by ': ' on the same line; quote text that spans lines"
        case "found unexpected end of stream":
            return context?.contains("quoted") == true ? "close the quote" : nil
        case "did not find expected node content":
            return "a value is missing or a '[' or '{' is not closed"
        case "did not find expected ',' or ']'":
            return "close the list with ']' or separate its items with ','"
        case "did not find expected ',' or '}'":
            return "close the mapping with '}' or separate its entries with ','"
        case "found unknown escape character":
            return "use a valid escape such as \\n, or single quotes to keep backslashes as written"
        case "found undefined tag handle":
            return "declare the handle with a %TAG directive, or use '!!' or '!'"
        case "did not find expected <document start>":
            return "start each further document with '---'"
        default:
            return nil
        }
    }
}
