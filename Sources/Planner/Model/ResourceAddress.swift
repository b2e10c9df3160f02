/// A stable name for one resource in a plan, written like a path:
/// `nextroll-us/campaign/Spring Sale/adgroup/Cart abandoners US`, `nextroll-us/segment/SEGEID1`,
/// `jivox-main/retail_campaign/5373`, `jivox-main/retail_campaign/5373/export/png@2x`,
/// `jivox-main/retail_campaign/5373/tags`.
///
/// Names are written as they are on the platform; a `/` or `%` inside a name is written `%2F` or `%25`
/// so the address stays unambiguous. `--target` takes an address (or a prefix of one, such as a provider
/// alias or a campaign) and selects everything at or below it.
public struct ResourceAddress: Sendable, Hashable, Comparable, TextCodable {
    /// One level of the path: a resource kind and, except for `tags`, its name.
    public struct Component: Sendable, Hashable {
        public var kind: String
        public var name: String?

        public init(_ kind: String, _ name: String?) {
            self.kind = kind
            self.name = name
        }
    }

    public var provider: String
    public var components: [Component]

    public init(provider: String, components: [Component] = []) {
        self.provider = provider
        self.components = components
    }

    public static func campaign(_ provider: String, _ name: String) -> ResourceAddress {
        ResourceAddress(provider: provider, components: [Component("campaign", name)])
    }

    public static func segment(_ provider: String, _ id: String) -> ResourceAddress {
        ResourceAddress(provider: provider, components: [Component("segment", id)])
    }

    public static func retailCampaign(_ provider: String, _ idx: Int) -> ResourceAddress {
        ResourceAddress(provider: provider, components: [Component("retail_campaign", String(idx))])
    }

    public func adGroup(_ name: String) -> ResourceAddress { appending(Component("adgroup", name)) }
    public func export(_ export: AssetExport) -> ResourceAddress { appending(Component("export", export.description)) }
    public var tags: ResourceAddress { appending(Component("tags", nil)) }

    public func appending(_ component: Component) -> ResourceAddress {
        ResourceAddress(provider: provider, components: components + [component])
    }

    /// The address one level up (`…/campaign/X` for an ad group), nil at the top.
    public var parent: ResourceAddress? {
        components.isEmpty ? nil : ResourceAddress(provider: provider, components: Array(components.dropLast()))
    }

    /// Whether `other` is this address or lies below it (a `--target` selects what it contains).
    public func contains(_ other: ResourceAddress) -> Bool {
        other.provider == provider && other.components.count >= components.count
            && zip(components, other.components).allSatisfy { $0 == $1 }
    }

    public var description: String {
        var text = ResourceAddress.escape(provider)
        for component in components {
            text += "/" + component.kind
            if let name = component.name { text += "/" + ResourceAddress.escape(name) }
        }
        return text
    }

    /// Parses the written form. Kinds that take a name (`campaign`, `adgroup`, `segment`,
    /// `retail_campaign`, `export`) must be followed by one; `tags` takes none.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, let provider = ResourceAddress.unescape(first) else { return nil }
        var components: [Component] = []
        var index = 1
        while index < parts.count {
            let kind = parts[index]
            index += 1
            if kind == "tags" {
                components.append(Component(kind, nil))
                continue
            }
            guard ResourceAddress.namedKinds.contains(kind) else { return nil }
            guard index < parts.count, !parts[index].isEmpty, let name = ResourceAddress.unescape(parts[index]) else {
                // A trailing kind without a name is not an address.
                return nil
            }
            components.append(Component(kind, name))
            index += 1
        }
        self.init(provider: provider, components: components)
    }

    static let namedKinds: Set<String> = ["campaign", "adgroup", "segment", "retail_campaign", "export"]

    static func escape(_ name: String) -> String {
        // Names rarely hold either byte; only then is the text searched and rewritten.
        guard name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%") }),
              name.contains("/") || name.contains("%") else { return name }
        return name.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }

    static func unescape(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")), text.contains("%") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "%" {
                let code = text[index...].prefix(3)
                switch code.uppercased() {
                case "%2F": result.append("/")
                case "%25": result.append("%")
                default: return nil
                }
                index = text.index(index, offsetBy: 3)
            } else {
                result.append(character)
                index = text.index(after: index)
            }
        }
        return result
    }

    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        if lhs.provider != rhs.provider { return lhs.provider < rhs.provider }
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            if left.kind != right.kind { return left.kind < right.kind }
            return (left.name ?? "") < (right.name ?? "")
        }
        return lhs.components.count < rhs.components.count
    }

    public static let textFormDescription = "a resource address (PROVIDER/campaign/NAME…)"
}
