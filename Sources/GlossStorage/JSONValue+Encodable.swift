import Foundation
import GlossCore

extension JSONValue {
    /// The JSON form of an encodable value.
    static func from<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(Array(try JSONEncoder().encode(value)))
    }
}
