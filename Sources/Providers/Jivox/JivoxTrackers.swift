/// The answer of `GET …/trackers`: `{"trackerTypes": [offered], "trackersSelected": [chosen]}`.
/// The reference shows `trackersSelected` "or empty": a missing list is read as no tracker selected,
/// a missing `trackerTypes` as "not reported".
struct JivoxTrackers: Decodable, Sendable {
    var trackerTypes: [String]?
    var trackersSelected: [String]?
}
