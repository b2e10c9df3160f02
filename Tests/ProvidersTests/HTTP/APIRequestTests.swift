import Foundation
@testable import Providers
import Testing

@Suite struct APIRequestTests {
    /// Form bodies percent-encode every byte but unreserved ASCII, so reserved characters cannot split
    /// a field and non-ASCII text travels as its UTF-8 bytes.
    @Test func formBodiesEncodeEverythingButUnreservedASCII() {
        let request = APIRequest.form(.post, "/api/v1/campaign/create",
                                      fields: [("name", "Café & Co = 50% +1"), ("eids", "A1,B2"), ("safe", "a-Z_0.9~"), ("emoji", "😀")])
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self)
                == "name=Caf%C3%A9%20%26%20Co%20%3D%2050%25%20%2B1&eids=A1%2CB2&safe=a-Z_0.9~&emoji=%F0%9F%98%80")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(APIRequest.formEncode("") == "")
    }
}
