import FuzzSupport
import GlossCore

@testable import GlossStorage

/// The annotation file decoder (and the reading-state file and JSON parser under it) on any bytes.
///
/// Input: the file's bytes. Checked: nothing traps; any JSON that parses is written back as JSON
/// that parses to the same value; a document that parses (and is not from a newer version, which
/// is never rewritten) is written back as one that parses to
/// the same annotations, and writing it again gives the same bytes (a rewrite loses nothing).
func fuzzAnnotationFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data: data, size: size).bytesCopy

    if let value = try? JSONValue.parse(bytes) {
        let written = value.serialized()
        let reread = try? JSONValue.parse(written)
        FuzzCheck.expect(reread != nil, "written JSON does not parse: \(String(decoding: written, as: UTF8.self))")
        if let reread {
            FuzzCheck.expect(
                reread.serialized() == written, "JSON changes when written twice: \(String(decoding: written, as: UTF8.self))")
        }
    }

    // A file from a newer version is kept read-only and never rewritten, as the stores do.
    if let document = try? AnnotationDocument.parse(bytes), !document.isNewer {
        _ = document.notices
        let written = document.serialized()
        do {
            let reread = try AnnotationDocument.parse(written)
            FuzzCheck.expect(reread.annotations == document.annotations, "annotations change when written and read")
            FuzzCheck.expect(reread.article == document.article, "the article changes when written and read")
            FuzzCheck.expect(reread.serialized() == written, "the file changes when written twice")
        } catch {
            FuzzCheck.expect(
                false, "a written annotation file does not parse (\(error.reason)): \(String(decoding: written, as: UTF8.self))")
        }
    }

    if let state = try? StateDocument.parse(bytes), !state.isNewer {
        if let written = try? state.serialized() {
            let reread = try? StateDocument.parse(written)
            FuzzCheck.expect(
                reread?.state == state.state,
                "reading state \(state.state) changes when written and read: \(String(describing: reread?.state)) from \(String(decoding: written, as: UTF8.self))")
        }
    }
    return 0
}

extension FuzzInput {
    /// The whole input as bytes.
    fileprivate var bytesCopy: [UInt8] {
        var copy = self
        return copy.rest()
    }
}
