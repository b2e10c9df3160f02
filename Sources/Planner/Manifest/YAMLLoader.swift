import CYAML
import Foundation

/// Reads YAML into located node trees with libyaml's event API.
///
/// Every node keeps the file, line and column where it was written. Scalars keep their text and
/// style exactly as written, with no type guessing; explicit tags are kept, expanded. Anchors and
/// aliases are resolved, merge keys (`<<`) applied, and duplicate keys, cycles, alias bombs and
/// excessive nesting rejected with located errors.
public struct YAMLLoader: Sendable {
    public let limits: YAMLLimits

    public init(limits: YAMLLimits = .init()) {
        self.limits = limits
    }

    /// Parses every document in `data` (a file's bytes). `file` is used verbatim in locations.
    /// - Returns: one node per document; none for an empty file.
    /// - Throws: `YAMLError` at the place of the first problem.
    public func load(_ data: Data, file: String) throws(YAMLError) -> [YAMLNode] {
        try trees(data, file: file).map { $0.yamlNode() }
    }

    /// Parses every document in `data` into the compact form the manifest loader reads.
    /// - Throws: the first problem, even one that did not stop reading (a duplicate key).
    func trees(_ data: Data, file: String) throws(YAMLError) -> [YAMLTree] {
        let read = self.read(data, file: file)
        if let first = read.problems.first { throw first }
        return read.trees
    }

    /// What reading a file gave: its documents, and every problem found, in reading order.
    struct Reading {
        var trees: [YAMLTree]
        var problems: [YAMLError]
        /// Whether reading stopped at a problem (syntax, encoding, limits), so `trees` is empty and
        /// the file's content unknown. Duplicate keys do not stop it: the first value is kept.
        var stopped: Bool
    }

    /// Parses every document in `data`, going on past problems that leave the tree well defined.
    func read(_ data: Data, file: String) -> Reading {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= Int32.max else {
            return Reading(trees: [], problems: [YAMLError(location: start, message: "the file is 2 GiB or larger; split it into several manifest files")],
                           stopped: true)
        }
        if let encoding = Self.unsupportedEncoding(of: data) {
            return Reading(trees: [], problems: [YAMLError(
                location: start,
                message: "the file is \(encoding) encoded (it starts with a \(encoding) byte-order mark); save it with UTF-8 encoding")],
                stopped: true)
        }
        return data.withUnsafeBytes { bytes in
            parse(bytes, file: file)
        }
    }

    /// The encoding a byte-order mark announces when it is not UTF-8. UTF-32 is checked first:
    /// its little-endian mark begins with the UTF-16 one.
    private static func unsupportedEncoding(of data: Data) -> String? {
        if data.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32" }
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        return nil
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, file: String) -> Reading {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            return Reading(trees: [], problems: [YAMLError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: "could not start the YAML parser (out of memory)")], stopped: true)
        }
        defer { yaml_parser_delete(parser) }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return Reading(trees: [], problems: [], stopped: false) }
        yaml_parser_set_input_string(parser, base.assumingMemoryBound(to: UInt8.self), bytes.count)

        var builder = YAMLTreeBuilder(limits: limits, file: file, inputBytes: bytes.count)
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                let error = YAMLSyntaxProblem(parser).error(file: file, source: YAMLSourceMap(bytes))
                return Reading(trees: [], problems: builder.problems + [error], stopped: true)
            }
            defer { yaml_event_delete(event) }
            let isStreamEnd = event.pointee.type == YAML_STREAM_END_EVENT
            do {
                try Self.apply(UnsafePointer(event), to: &builder)
            } catch {
                return Reading(trees: [], problems: builder.problems + [error], stopped: true)
            }
            if isStreamEnd { return Reading(trees: builder.documents, problems: builder.problems, stopped: false) }
        }
    }

    /// Reads the event where libyaml wrote it: copying the whole event (over 100 bytes) for each of
    /// millions of events costs more than the few fields used.
    private static func apply(_ event: UnsafePointer<yaml_event_t>, to builder: inout YAMLTreeBuilder) throws(YAMLError) {
        let mark = YAMLTree.Mark(line: event.pointee.start_mark.line + 1, column: event.pointee.start_mark.column + 1)
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let value = event.pointee.data.scalar.value
            try builder.addScalar(
                UnsafeBufferPointer(start: value, count: value == nil ? 0 : event.pointee.data.scalar.length),
                style: style(of: event.pointee.data.scalar.style),
                tag: string(event.pointee.data.scalar.tag), anchor: string(event.pointee.data.scalar.anchor), at: mark)
        case YAML_SEQUENCE_START_EVENT:
            try builder.startSequence(tag: string(event.pointee.data.sequence_start.tag),
                                      anchor: string(event.pointee.data.sequence_start.anchor), at: mark)
        case YAML_MAPPING_START_EVENT:
            try builder.startMapping(tag: string(event.pointee.data.mapping_start.tag),
                                     anchor: string(event.pointee.data.mapping_start.anchor), at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try builder.endCollection()
        case YAML_ALIAS_EVENT:
            try builder.addAlias(string(event.pointee.data.alias.anchor) ?? "", at: mark)
        case YAML_DOCUMENT_START_EVENT:
            builder.startDocument()
        case YAML_DOCUMENT_END_EVENT:
            builder.endDocument()
        default:
            // Stream start and end carry nothing for the tree.
            break
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(of style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
