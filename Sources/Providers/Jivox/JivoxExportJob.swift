/// The answer of `POST …/exportAssets`: `{"queueId": "…" | null, "status": "INITIATED", "message": "…"}`.
struct JivoxExportJob: Decodable, Sendable {
    var queueId: String?
    var status: String
    var message: String?
}
